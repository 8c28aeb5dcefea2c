/*
 * fault.c: what an x86_64 instruction touches in memory, for explaining
 * a fault.  capstone's detail mode gives the memory operands (base,
 * index, scale, displacement, segment, size, read or write); the
 * registers of the stopped thread turn them into addresses.  Stack
 * operations (push, pop, call, ret) access memory at the stack pointer
 * without naming it as an operand, so they are added here.
 */
#include <capstone/capstone.h>

#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "../i386/access32.h"

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
	if (strcmp(name, "fs") == 0)
		name = "fs_base";
	else if (strcmp(name, "gs") == 0)
		name = "gs_base";
	return ptc_regs_get(r, name, v);
}

static void
add_stack(struct ptc__access *a, uint64_t addr, bool write)
{
	if (a->nmem >= 4)
		return;
	a->mem[a->nmem].addr = addr;
	a->mem[a->nmem].size = 8;
	a->mem[a->nmem].read = !write;
	a->mem[a->nmem].write = write;
	a->mem[a->nmem].stack = true;
	a->nmem++;
}

int
ptc_arch_insn_access(const void *code, size_t len, uint64_t pc,
    const struct ptc_regs *r, struct ptc__access *a)
{
	const uint8_t *p = code;
	cs_insn *insn = NULL;
	cs_x86 *x;
	csh h;
	uint64_t base, index, seg, sp = ptc_regs_sp(r);
	size_t n;
	int i;

	/* A 32-bit program: its code and registers are the i386 ones. */
	if (strcmp(ptc_regs_arch(r), "i386") == 0)
		return i386_insn_access(code, len, pc, r, a);
	memset(a, 0, sizeof(*a));
	if (cs_open(CS_ARCH_X86, CS_MODE_64, &h) != CS_ERR_OK)
		return -1;
	cs_option(h, CS_OPT_DETAIL, CS_OPT_ON);
	n = cs_disasm(h, p, len, pc, 1, &insn);
	if (n != 1) {
		cs_close(&h);
		return -1;
	}
	a->len = insn->size;
	snprintf(a->text, sizeof(a->text), "%s%s%s", insn->mnemonic,
	    insn->op_str[0] ? " " : "", insn->op_str);
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
		seg = 0;
		if (op->mem.segment == X86_REG_FS ||
		    op->mem.segment == X86_REG_GS)
			regval(h, r, op->mem.segment, &seg);
		a->mem[a->nmem].addr = seg + base +
		    index * (uint64_t)op->mem.scale + (uint64_t)op->mem.disp;
		a->mem[a->nmem].size = op->size;
		a->mem[a->nmem].read = (op->access & CS_AC_READ) != 0;
		a->mem[a->nmem].write = (op->access & CS_AC_WRITE) != 0;
		if (!a->mem[a->nmem].read && !a->mem[a->nmem].write)
			a->mem[a->nmem].read = true;
		a->nmem++;
	}
	switch (insn->id) {
	case X86_INS_PUSH:
	case X86_INS_PUSHFQ:
	case X86_INS_CALL:
		add_stack(a, sp - 8, true);
		break;
	case X86_INS_POP:
	case X86_INS_POPFQ:
	case X86_INS_RET:
		add_stack(a, sp, false);
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
	cs_free(insn, n);
	cs_close(&h);
	return 0;
}
