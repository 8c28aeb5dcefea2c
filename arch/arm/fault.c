/*
 * fault.c: what an arm instruction (ARM or Thumb, by the T bit of the
 * stopped thread) touches in memory, for explaining a fault.  A load or
 * store has one memory operand, [base, +/-index, shift, disp]; capstone's
 * detail mode gives its registers and the thread's registers the address
 * (a post-indexed form accesses the base itself).  The size follows
 * from the mnemonic (ldrb, ldrsh, ldrd...) or, for the VFP forms, the
 * transfer register; the multiple forms (push, pop, ldm, stm) move a
 * word per listed register from or to the stack or their base.  Integer
 * division does not trap on this CPU (a zero divisor gives zero), so no
 * division is reported.
 */
#include <capstone/capstone.h>

#include <string.h>

#include "arm.h"
#include "generic.h"
#include "internal.h"

/* A register's value by capstone id; pc reads as the CPU sees it. */
static int
regval(csh h, const struct ptc_regs *r, unsigned id, uint64_t pc, int thumb,
    uint64_t *v)
{
	const char *name;

	*v = 0;
	if (id == ARM_REG_INVALID)
		return 0;
	if (id == ARM_REG_PC) {
		*v = thumb ? (pc + 4) & ~(uint64_t)3 : pc + 8;
		return 0;
	}
	if ((name = cs_reg_name(h, id)) == NULL)
		return -1;
	/* capstone names r9-r15 sb, sl, fp, ip, sp, lr, pc */
	if (strcmp(name, "sb") == 0)
		name = "r9";
	else if (strcmp(name, "sl") == 0)
		name = "r10";
	return ptc_regs_get(r, name, v);
}

static int
starts(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* Bytes of one load or store, from the mnemonic and transfer register. */
static unsigned
access_size(const char *m, const char *treg)
{
	if (starts(m, "vldr") || starts(m, "vstr"))
		return treg != NULL && treg[0] == 'd' ? 8 :
		    treg != NULL && treg[0] == 'q' ? 16 : 4;
	if (starts(m, "ldrd") || starts(m, "strd") || starts(m, "ldrexd") ||
	    starts(m, "strexd"))
		return 8;
	if (starts(m, "ldrsb") || starts(m, "ldrb") || starts(m, "strb") ||
	    starts(m, "ldrexb") || starts(m, "strexb") || starts(m, "ldab") ||
	    starts(m, "stlb") || starts(m, "pld"))
		return 1;
	if (starts(m, "ldrsh") || starts(m, "ldrh") || starts(m, "strh") ||
	    starts(m, "ldrexh") || starts(m, "strexh"))
		return 2;
	return 4;
}

/* The multiple forms: 1 load, 2 store; *down the address goes down. */
static int
multiple(const char *m, int *down, int *stack)
{
	*down = *stack = 0;
	if (strcmp(m, "push") == 0 || strcmp(m, "vpush") == 0) {
		*down = *stack = 1;
		return 2;
	}
	if (strcmp(m, "pop") == 0 || strcmp(m, "vpop") == 0) {
		*stack = 1;
		return 1;
	}
	if (starts(m, "ldm") || starts(m, "vldm")) {
		*down = strstr(m, "db") != NULL || strstr(m, "ea") != NULL;
		return 1;
	}
	if (starts(m, "stm") || starts(m, "vstm")) {
		*down = strstr(m, "db") != NULL || strstr(m, "fd") != NULL;
		return 2;
	}
	return 0;
}

int
ptc_arch_insn_access(const void *code, size_t len, uint64_t pc,
    const struct ptc_regs *r, struct ptc__access *a)
{
	cs_insn *insn;
	cs_arm *x;
	csh h;
	const char *m, *tname = NULL;
	uint64_t base, index, cpsr = 0;
	unsigned size, nregs = 0, regsz = 4;
	int i, thumb, kind, down, stack;

	ptc_regs_get(r, "cpsr", &cpsr);
	thumb = (cpsr & ARM_CPSR_T) != 0;
	insn = ptc__access_begin(CS_ARCH_ARM, thumb ? CS_MODE_THUMB :
	    CS_MODE_ARM, code, len, pc, &h, a);
	if (insn == NULL)
		return -1;
	m = insn->mnemonic;
	x = &insn->detail->arm;
	for (i = 0; i < x->op_count; i++)
		if (x->operands[i].type == ARM_OP_REG) {
			if (tname == NULL)
				tname = cs_reg_name(h, x->operands[i].reg);
			nregs++;
		}
	if ((kind = multiple(m, &down, &stack)) != 0) {
		if (tname != NULL && tname[0] == 'd')
			regsz = 8;
		if (stack)
			ptc_regs_get(r, "sp", &base);
		else {
			/* the first register is the base, the rest move */
			regval(h, r, x->operands[0].reg, pc, thumb, &base);
			nregs--;
		}
		if (nregs > 0) {
			a->mem[0].addr = down ? base - nregs * regsz : base;
			a->mem[0].size = nregs * regsz;
			a->mem[0].stack = stack;
			a->mem[0].read = kind == 1;
			a->mem[0].write = kind == 2;
			a->nmem = 1;
		}
		ptc__access_end(&h, insn);
		return 0;
	}
	for (i = 0; i < x->op_count && a->nmem < 4; i++) {
		cs_arm_op *op = &x->operands[i];

		if (op->type != ARM_OP_MEM || starts(m, "pld") ||
		    starts(m, "pli"))
			continue;
		if (regval(h, r, op->mem.base, pc, thumb, &base) != 0 ||
		    regval(h, r, op->mem.index, pc, thumb, &index) != 0)
			continue;
		if (op->shift.type == ARM_SFT_LSL && op->shift.value < 32)
			index <<= op->shift.value;
		else if (op->mem.lshift > 0 && op->mem.lshift < 32)
			index <<= op->mem.lshift;
		if (op->mem.scale < 0)
			index = (uint64_t)-(int64_t)index;
		/* a post-indexed access is at the base, changed after */
		if (i + 1 < x->op_count && x->writeback &&
		    op->mem.disp == 0 && op->mem.index == ARM_REG_INVALID)
			index = 0;
		size = access_size(m, tname);
		a->mem[a->nmem].addr = (uint32_t)(base + index +
		    (uint64_t)(int64_t)op->mem.disp);
		a->mem[a->nmem].size = size;
		a->mem[a->nmem].stack = op->mem.base == ARM_REG_SP;
		if (starts(m, "st") || starts(m, "vst")) {
			a->mem[a->nmem].write = true;
		} else if (starts(m, "swp")) {
			a->mem[a->nmem].read = true;
			a->mem[a->nmem].write = true;
		} else
			a->mem[a->nmem].read = true;
		a->nmem++;
	}
	ptc__access_end(&h, insn);
	return 0;
}
