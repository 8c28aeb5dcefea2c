/*
 * fault.c: what a 64-bit PowerPC instruction touches in memory, for
 * explaining a fault.  Loads and stores are the only instructions that
 * access memory; the D and DS forms give capstone a memory operand
 * (disp(rA)), the indexed X forms (lwzx rT, rA, rB) two registers.  In
 * both rA = r0 stands for the value 0.  The size follows from the
 * mnemonic: b, h, w, d, q after the l or st, fs/fd for single and double
 * floats, 16 bytes for the vector forms (lvx, stxv...).  Integer division
 * does not trap on this CPU (the result is undefined), so no division is
 * reported.
 */
#include <capstone/capstone.h>

#include <string.h>

#include "generic.h"
#include "internal.h"

/* A register's value by capstone id; r0 as a base (rA) reads as 0. */
static int
regval(csh h, const struct ptc_regs *r, unsigned id, int base, uint64_t *v)
{
	const char *name;

	*v = 0;
	if (id == PPC_REG_INVALID || (base && id == PPC_REG_R0))
		return 0;
	if ((name = cs_reg_name(h, id)) == NULL)
		return -1;
	return ptc_regs_get(r, name, v);
}

static int
starts(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

/*
 * Whether m loads (1), stores (2) or neither (0): mnemonics that begin
 * with l or st and are not arithmetic or synchronisation (li, lis, la,
 * lwsync, stop...).
 */
static int
direction(const char *m)
{
	static const char *const notmem[] = {
		"li", "lis", "la", "lwsync", "lnia", "stop", NULL,
	};
	size_t i;

	for (i = 0; notmem[i] != NULL; i++)
		if (strcmp(m, notmem[i]) == 0)
			return 0;
	if (starts(m, "st"))
		return 2;
	if (m[0] == 'l')
		return 1;
	return 0;
}

/* Bytes one access of m moves (after the "l" or "st"). */
static unsigned
size_of(const char *m)
{
	const char *s = m + (m[0] == 'l' ? 1 : 2);

	if (starts(s, "fs"))
		return 4;
	if (starts(s, "fd") || starts(s, "fiw"))
		return starts(s, "fiw") ? 4 : 8;
	if (s[0] == 'v' || s[0] == 'x' || starts(s, "q"))
		return 16;
	switch (s[0]) {
	case 'b': return 1;
	case 'h': return 2;
	case 'w': return 4;
	case 'm': return 4;     /* lmw, stmw: the first word */
	default: return 8;      /* d, and what else is left */
	}
}

int
ptc_arch_insn_access(const void *code, size_t len, uint64_t pc,
    const struct ptc_regs *r, struct ptc__access *a)
{
	cs_insn *insn;
	cs_ppc *x;
	csh h;
	const char *m;
	uint64_t base = 0, index = 0;
	int dir, i, found = 0;
	size_t n;

	insn = ptc__access_begin(CS_ARCH_PPC,
	    CS_MODE_64 | CS_MODE_LITTLE_ENDIAN, code, len, pc, &h, a);
	if (insn == NULL)
		return -1;
	m = insn->mnemonic;
	x = &insn->detail->ppc;
	if ((dir = direction(m)) == 0)
		goto out;
	for (i = 0; i < x->op_count; i++) {
		cs_ppc_op *op = &x->operands[i];

		if (op->type != PPC_OP_MEM)
			continue;
		if (regval(h, r, op->mem.base, 1, &base) != 0)
			goto out;
		base += (uint64_t)(int64_t)op->mem.disp;
		found = 1;
		break;
	}
	/* indexed: "lwzx rT, rA, rB", the last two registers */
	n = strlen(m);
	if (!found && n > 1 && (m[n - 1] == 'x' ||
	    (m[n - 1] == '.' && m[n - 2] == 'x')) && x->op_count == 3 &&
	    x->operands[1].type == PPC_OP_REG &&
	    x->operands[2].type == PPC_OP_REG) {
		if (regval(h, r, x->operands[1].reg, 1, &base) != 0 ||
		    regval(h, r, x->operands[2].reg, 0, &index) != 0)
			goto out;
		base += index;
		found = 1;
	}
	if (!found)
		goto out;
	a->mem[0].addr = base;
	a->mem[0].size = size_of(m);
	a->mem[0].read = dir == 1;
	a->mem[0].write = dir == 2;
	a->mem[0].stack = x->operands[1].type == PPC_OP_MEM &&
	    x->operands[1].mem.base == PPC_REG_R1;
	a->nmem = 1;
out:
	ptc__access_end(&h, insn);
	return 0;
}
