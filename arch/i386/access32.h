/*
 * access32.h: what an i386 instruction touches in memory, for explaining
 * a fault: capstone's memory operands (base + index * scale + disp, the
 * segment bases left out: Linux's are zero but for the TLS segment gs),
 * the implicit 4-byte stack slots of push, pop, call and ret, and the
 * divisor of div and idiv.  Included by the 32-bit build's fault.c and
 * by the x86_64 one, for 32-bit programs under a 64-bit kernel.
 */
#ifndef PTC_ARCH_I386_ACCESS32_H
#define PTC_ARCH_I386_ACCESS32_H

#include <capstone/capstone.h>

#include <stdio.h>
#include <string.h>

#include "internal.h"

static int
i386_regval(csh h, const struct ptc_regs *r, unsigned id, uint64_t *v)
{
	const char *name;

	*v = 0;
	if (id == X86_REG_INVALID)
		return 0;
	if ((name = cs_reg_name(h, id)) == NULL)
		return -1;
	return ptc_regs_get(r, name, v);
}

static void
i386_add_stack(struct ptc__access *a, uint64_t addr, bool write)
{
	if (a->nmem >= 4)
		return;
	a->mem[a->nmem].addr = addr & 0xffffffffu;
	a->mem[a->nmem].size = 4;
	a->mem[a->nmem].read = !write;
	a->mem[a->nmem].write = write;
	a->mem[a->nmem].stack = true;
	a->nmem++;
}

static int
i386_insn_access(const void *code, size_t len, uint64_t pc,
    const struct ptc_regs *r, struct ptc__access *a)
{
	cs_insn *insn = NULL;
	cs_x86 *x;
	csh h;
	uint64_t base, index, sp = ptc_regs_sp(r);
	size_t n;
	int i;

	memset(a, 0, sizeof(*a));
	if (cs_open(CS_ARCH_X86, CS_MODE_32, &h) != CS_ERR_OK)
		return -1;
	cs_option(h, CS_OPT_DETAIL, CS_OPT_ON);
	n = cs_disasm(h, code, len, pc, 1, &insn);
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

		if (op->type != X86_OP_MEM || insn->id == X86_INS_LEA ||
		    insn->id == X86_INS_NOP)
			continue;
		if (i386_regval(h, r, op->mem.base, &base) != 0 ||
		    i386_regval(h, r, op->mem.index, &index) != 0)
			continue;
		a->mem[a->nmem].addr = (base + index * (uint64_t)op->mem.scale +
		    (uint64_t)op->mem.disp) & 0xffffffffu;
		a->mem[a->nmem].size = op->size;
		a->mem[a->nmem].read = (op->access & CS_AC_READ) != 0;
		a->mem[a->nmem].write = (op->access & CS_AC_WRITE) != 0;
		if (!a->mem[a->nmem].read && !a->mem[a->nmem].write)
			a->mem[a->nmem].read = true;
		a->nmem++;
	}
	switch (insn->id) {
	case X86_INS_PUSH:
	case X86_INS_PUSHFD:
	case X86_INS_CALL:
		i386_add_stack(a, sp - 4, true);
		break;
	case X86_INS_POP:
	case X86_INS_POPFD:
	case X86_INS_RET:
		i386_add_stack(a, sp, false);
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

#endif
