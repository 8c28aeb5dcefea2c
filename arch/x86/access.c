/*
 * access.c: what an x86 instruction touches in memory, for explaining
 * a fault, in 64-bit and in 32-bit code alike.  capstone's detail mode
 * gives the memory operands (base, index, scale, displacement, segment,
 * size, read or write); the registers of the stopped thread turn them
 * into addresses.  Stack operations (push, pop, call, ret) access
 * memory at the stack pointer without naming it as an operand, so they
 * are added here.
 */
#include <capstone/capstone.h>

#include <stdio.h>
#include <string.h>

#include "generic.h"
#include "internal.h"
#include "x86.h"

const struct ptc__x86_mode ptc__x86_mode64 = {
	CS_MODE_64, 8, UINT64_MAX, "fs_base", "gs_base",
};

const struct ptc__x86_mode ptc__x86_mode32 = {
	CS_MODE_32, 4, UINT32_MAX, NULL, NULL,
};

/* A register's value by capstone id: its name is the library's name. */
static int
regval(csh h, const struct ptc_regs *r, unsigned id, uint64_t *v)
{
	const char *name;

	*v = 0;
	if (id == X86_REG_INVALID)
		return 0;
	if ((name = cs_reg_name(h, id)) == NULL)
		return -1;
	return ptc_regs_get(r, name, v);
}

/* The base of segment id where the mode keeps one, else 0. */
static uint64_t
segbase(const struct ptc__x86_mode *m, const struct ptc_regs *r,
    unsigned id)
{
	const char *name = NULL;
	uint64_t v = 0;

	if (id == X86_REG_FS)
		name = m->fs_base;
	else if (id == X86_REG_GS)
		name = m->gs_base;
	if (name != NULL && ptc_regs_get(r, name, &v) != 0)
		v = 0;
	return v;
}

static void
add_stack(const struct ptc__x86_mode *m, struct ptc__access *a,
    uint64_t addr, bool write)
{
	if (a->nmem >= 4)
		return;
	a->mem[a->nmem].addr = addr & m->addr_mask;
	a->mem[a->nmem].size = m->word;
	a->mem[a->nmem].read = !write;
	a->mem[a->nmem].write = write;
	a->mem[a->nmem].stack = true;
	a->nmem++;
}

int
ptc__x86_insn_access(const struct ptc__x86_mode *m, const void *code,
    size_t len, uint64_t pc, const struct ptc_regs *r,
    struct ptc__access *a)
{
	cs_insn *insn;
	cs_x86 *x;
	csh h;
	uint64_t base, index, sp = ptc_regs_sp(r);
	int i;

	insn = ptc__access_begin(CS_ARCH_X86, (cs_mode)m->cs_mode, code, len,
	    pc, &h, a);
	if (insn == NULL)
		return -1;
	x = &insn->detail->x86;
	for (i = 0; i < x->op_count && a->nmem < 4; i++) {
		cs_x86_op *op = &x->operands[i];

		if (op->type != X86_OP_MEM)
			continue;
		/* lea computes an address without touching memory. */
		if (insn->id == X86_INS_LEA || insn->id == X86_INS_NOP)
			continue;
		if (regval(h, r, op->mem.base, &base) != 0 ||
		    regval(h, r, op->mem.index, &index) != 0)
			continue;
		if (op->mem.base == X86_REG_RIP)
			base = pc + insn->size;
		a->mem[a->nmem].addr = (segbase(m, r, op->mem.segment) + base +
		    index * (uint64_t)op->mem.scale +
		    (uint64_t)op->mem.disp) & m->addr_mask;
		a->mem[a->nmem].size = op->size;
		a->mem[a->nmem].read = (op->access & CS_AC_READ) != 0;
		a->mem[a->nmem].write = (op->access & CS_AC_WRITE) != 0;
		if (!a->mem[a->nmem].read && !a->mem[a->nmem].write)
			a->mem[a->nmem].read = true;
		a->nmem++;
	}
	/* pushfd and popfd exist only in 32-bit code, the q forms in 64. */
	switch (insn->id) {
	case X86_INS_PUSH:
	case X86_INS_PUSHFD:
	case X86_INS_PUSHFQ:
	case X86_INS_CALL:
		add_stack(m, a, sp - m->word, true);
		break;
	case X86_INS_POP:
	case X86_INS_POPFD:
	case X86_INS_POPFQ:
	case X86_INS_RET:
		add_stack(m, a, sp, false);
		break;
	case X86_INS_DIV:
	case X86_INS_IDIV:
		a->is_div = true;
		if (x->op_count >= 1 && x->operands[0].type == X86_OP_REG) {
			const char *rn = cs_reg_name(h, x->operands[0].reg);

			if (rn != NULL && ptc_regs_get(r, rn, &a->divisor) == 0) {
				a->have_divisor = true;
				snprintf(a->divisor_name, sizeof(a->divisor_name),
				    "%s", rn);
			}
		}
		break;
	default:
		break;
	}
	ptc__access_end(&h, insn);
	return 0;
}
