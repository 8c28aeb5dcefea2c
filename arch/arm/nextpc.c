/*
 * nextpc.c: where an arm instruction can go next, for stepping by
 * breakpoints (the kernel has no PTRACE_SINGLESTEP on this CPU).  The
 * instruction at the pc is decoded with capstone in the thread's mode;
 * every instruction may fall through to the next one (a condition, an
 * IT block or a call that returns is not evaluated: a breakpoint on a
 * way not taken is never met), and one that writes the pc also goes to
 * where it writes: an immediate branch target, a register (bx, blx,
 * mov pc), a word loaded from memory (ldr pc, pop and ldm with pc) or a
 * table entry (tbb, tbh).  Bit 0 of a target taken from a register or
 * memory selects Thumb; blx #imm switches modes.
 */
#include <capstone/capstone.h>

#include <errno.h>
#include <string.h>

#include "arm.h"
#include "generic.h"
#include "internal.h"

static const unsigned char thumb_bp[] = { 0x01, 0xde };

/* A register's value as the instruction reads it (pc ahead by 4 or 8). */
static int
rv(csh h, const struct ptc_regs *r, unsigned id, uint64_t pc, int thumb,
    uint32_t *v)
{
	const char *name;
	uint64_t x = 0;

	*v = 0;
	if (id == ARM_REG_INVALID)
		return 0;
	if (id == ARM_REG_PC) {
		*v = (uint32_t)(pc + (thumb ? 4 : 8));
		return 0;
	}
	if ((name = cs_reg_name(h, id)) == NULL)
		return -1;
	if (strcmp(name, "sb") == 0)
		name = "r9";
	else if (strcmp(name, "sl") == 0)
		name = "r10";
	if (ptc_regs_get(r, name, &x) != 0)
		return -1;
	*v = (uint32_t)x;
	return 0;
}

static int
word(pid_t pid, uint32_t addr, uint32_t *w, size_t size)
{
	*w = 0;
	return ptc_mem_read(pid, addr, w, size, PTC_MEM_AUTO) ==
	    (ssize_t)size ? 0 : -1;
}

static void
add(struct ptc__next *out, int *n, uint32_t addr, int thumb)
{
	int i;

	addr &= thumb ? ~1u : ~3u;
	for (i = 0; i < *n; i++)
		if (out[i].addr == addr)
			return;
	out[*n].addr = addr;
	out[*n].insn = thumb ? thumb_bp : ptc_arch_bp_insn;
	out[*n].len = thumb ? sizeof(thumb_bp) : ptc_arch_bp_len;
	(*n)++;
}

/* The address of the memory operand op (post-indexed: the base). */
static int
mem_addr(csh h, const struct ptc_regs *r, const cs_arm *x, int i,
    uint64_t pc, int thumb, uint32_t *a)
{
	const cs_arm_op *op = &x->operands[i];
	uint32_t base, index;

	if (rv(h, r, op->mem.base, pc, thumb, &base) != 0 ||
	    rv(h, r, op->mem.index, pc, thumb, &index) != 0)
		return -1;
	if (op->mem.base == ARM_REG_PC && thumb)
		base &= ~3u;
	if (op->shift.type == ARM_SFT_LSL && op->shift.value < 32)
		index <<= op->shift.value;
	else if (op->mem.lshift > 0 && op->mem.lshift < 32)
		index <<= op->mem.lshift;
	if (op->mem.scale < 0)
		index = -index;
	if (i + 1 < x->op_count && x->writeback && op->mem.disp == 0 &&
	    op->mem.index == ARM_REG_INVALID)
		*a = base;      /* post-indexed */
	else
		*a = base + index + (uint32_t)op->mem.disp;
	return 0;
}

static int
writes_pc(const cs_insn *in)
{
	const cs_detail *d = in->detail;
	int i;

	/* pc as the destination, or in the list of a pop or an ldm */
	switch (in->id) {
	case ARM_INS_POP:
	case ARM_INS_LDM:
	case ARM_INS_LDMDA:
	case ARM_INS_LDMDB:
	case ARM_INS_LDMIB:
		for (i = 0; i < d->arm.op_count; i++)
			if (d->arm.operands[i].type == ARM_OP_REG &&
			    d->arm.operands[i].reg == ARM_REG_PC)
				return 1;
		break;
	default:
		if (d->arm.op_count > 0 &&
		    d->arm.operands[0].type == ARM_OP_REG &&
		    d->arm.operands[0].reg == ARM_REG_PC &&
		    in->id != ARM_INS_STR && in->id != ARM_INS_PUSH &&
		    in->id != ARM_INS_CMP && in->id != ARM_INS_TST)
			return 1;
		break;
	}

	for (i = 0; i < d->regs_write_count; i++)
		if (d->regs_write[i] == ARM_REG_PC)
			return 1;
	for (i = 0; i < d->arm.op_count; i++)
		if (d->arm.operands[i].type == ARM_OP_REG &&
		    d->arm.operands[i].reg == ARM_REG_PC &&
		    (d->arm.operands[i].access & CS_AC_WRITE))
			return 1;
	for (i = 0; i < d->groups_count; i++)
		if (d->groups[i] == CS_GRP_JUMP || d->groups[i] == CS_GRP_CALL ||
		    d->groups[i] == CS_GRP_RET)
			return 1;
	return 0;
}

/* Where an instruction that writes the pc sends it; -1: not known. */
static int
target(csh h, pid_t pid, const struct ptc_regs *r, const cs_insn *in,
    uint64_t pc, int thumb, uint32_t *to, int *to_thumb)
{
	const cs_arm *x = &in->detail->arm;
	const cs_arm_op *op = x->operands;
	uint32_t v, a, sp;
	int i, nregs = 0, pcat = -1;

	*to_thumb = thumb;
	switch (in->id) {
	case ARM_INS_B:
	case ARM_INS_BL:
	case ARM_INS_CBZ:
	case ARM_INS_CBNZ:
		if (x->op_count < 1 || op[x->op_count - 1].type != ARM_OP_IMM)
			return -1;
		*to = (uint32_t)op[x->op_count - 1].imm;
		return 0;
	case ARM_INS_BX:
	case ARM_INS_BLX:
		if (x->op_count == 1 && op[0].type == ARM_OP_IMM) {
			*to = (uint32_t)op[0].imm;
			*to_thumb = !thumb;
			return 0;
		}
		if (x->op_count != 1 || op[0].type != ARM_OP_REG ||
		    rv(h, r, op[0].reg, pc, thumb, &v) != 0)
			return -1;
		*to = v;
		*to_thumb = v & 1;
		return 0;
	case ARM_INS_TBB:
	case ARM_INS_TBH:
		if (x->op_count != 1 || op[0].type != ARM_OP_MEM ||
		    rv(h, r, op[0].mem.base, pc, thumb, &a) != 0 ||
		    rv(h, r, op[0].mem.index, pc, thumb, &v) != 0)
			return -1;
		a += in->id == ARM_INS_TBH ? 2 * v : v;
		if (word(pid, a, &v, in->id == ARM_INS_TBH ? 2 : 1) != 0)
			return -1;
		*to = (uint32_t)pc + 4 + 2 * v;
		return 0;
	case ARM_INS_POP:
	case ARM_INS_LDM:
		/* ldm rN(!), {...}: the first operand is the base */
		for (i = in->id == ARM_INS_LDM ? 1 : 0; i < x->op_count; i++) {
			if (op[i].type != ARM_OP_REG)
				return -1;
			if (op[i].reg == ARM_REG_PC)
				pcat = nregs;
			nregs++;
		}
		if (pcat < 0)
			return -1;
		if (in->id == ARM_INS_POP) {
			if (rv(h, r, ARM_REG_SP, pc, thumb, &sp) != 0)
				return -1;
		} else if (rv(h, r, op[0].reg, pc, thumb, &sp) != 0)
			return -1;
		if (word(pid, sp + 4 * (uint32_t)pcat, &v, 4) != 0)
			return -1;
		*to = v;
		*to_thumb = v & 1;
		return 0;
	case ARM_INS_LDR:
		if (x->op_count < 2 || op[0].type != ARM_OP_REG ||
		    op[0].reg != ARM_REG_PC || op[1].type != ARM_OP_MEM ||
		    mem_addr(h, r, x, 1, pc, thumb, &a) != 0 ||
		    word(pid, a, &v, 4) != 0)
			return -1;
		*to = v;
		*to_thumb = v & 1;
		return 0;
	case ARM_INS_MOV:
		if (x->op_count != 2 || op[0].reg != ARM_REG_PC ||
		    op[1].type != ARM_OP_REG ||
		    rv(h, r, op[1].reg, pc, thumb, &v) != 0)
			return -1;
		*to = v;
		if (!thumb)
			*to_thumb = v & 1;
		return 0;
	case ARM_INS_ADD:
		/* add pc, rN (Thumb), add pc, rA, rB (ARM): switch tables */
		if (x->op_count < 2 || op[0].reg != ARM_REG_PC)
			return -1;
		*to = 0;
		for (i = x->op_count == 2 ? 0 : 1; i < x->op_count; i++) {
			if (op[i].type == ARM_OP_IMM)
				v = (uint32_t)op[i].imm;
			else if (op[i].type != ARM_OP_REG ||
			    op[i].shift.type != ARM_SFT_INVALID ||
			    rv(h, r, op[i].reg, pc, thumb, &v) != 0)
				return -1;
			*to += v;
		}
		if (!thumb)
			*to_thumb = *to & 1;
		return 0;
	default:
		return -1;
	}
}

int
ptc_arch_next_pcs(pid_t pid, const struct ptc_regs *r,
    struct ptc__next out[2])
{
	unsigned char code[4];
	uint64_t pc = 0, cpsr = 0;
	uint32_t to;
	cs_insn *in = NULL;
	ssize_t got;
	csh h;
	int n = 0, thumb, to_thumb, rc = -1;

	if (ptc_regs_get(r, "pc", &pc) != 0 ||
	    ptc_regs_get(r, "cpsr", &cpsr) != 0)
		return -1;
	thumb = (cpsr & ARM_CPSR_T) != 0;
	if ((got = ptc_mem_read(pid, pc, code, sizeof(code),
	    PTC_MEM_AUTO)) < 2) {
		/* no code there: the fetch faults, wherever it would go */
		add(out, &n, (uint32_t)pc, thumb);
		return n;
	}
	if (cs_open(CS_ARCH_ARM, thumb ? CS_MODE_THUMB : CS_MODE_ARM,
	    &h) != CS_ERR_OK)
		return ptc_fail(EIO, "single-step: capstone failed");
	cs_option(h, CS_OPT_DETAIL, CS_OPT_ON);
	if (cs_disasm(h, code, (size_t)got, pc, 1, &in) != 1) {
		/* not an instruction: it faults where it is */
		add(out, &n, (uint32_t)pc + (thumb ? 2 : 4), thumb);
		cs_close(&h);
		return n;
	}
	add(out, &n, (uint32_t)pc + in->size, thumb);
	if (writes_pc(in)) {
		if (target(h, pid, r, in, pc, thumb, &to, &to_thumb) != 0) {
			ptc_fail(ENOTSUP, "single-step: cannot tell where "
			    "\"%s %s\" at %#llx goes (stepping is done by "
			    "breakpoints on this CPU)", in->mnemonic,
			    in->op_str, (unsigned long long)pc);
			goto out;
		}
		add(out, &n, to, to_thumb);
	}
	rc = n;
out:
	cs_free(in, 1);
	cs_close(&h);
	return rc;
}
