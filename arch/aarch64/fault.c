/*
 * fault.c: what an aarch64 instruction touches in memory, for explaining
 * a fault.  Loads and stores have one memory operand, [base, index,
 * disp]; capstone's detail mode gives its registers and the registers of
 * the stopped thread give the address.  The access size follows from the
 * mnemonic (ldrb, ldrsh, ldrsw...) or the transfer register (w, x, b, h,
 * s, d, q), doubled for the pair forms.  Integer division does not trap
 * on this CPU (a zero divisor gives zero), so no division is reported.
 */
#include <capstone/capstone.h>

#include <string.h>

#include "generic.h"
#include "internal.h"

/* A register's value by capstone id; the zero registers read as 0. */
static int
regval(csh h, const struct ptc_regs *r, unsigned id, uint64_t *v)
{
	const char *name;

	*v = 0;
	if (id == ARM64_REG_INVALID || id == ARM64_REG_XZR ||
	    id == ARM64_REG_WZR)
		return 0;
	if ((name = cs_reg_name(h, id)) == NULL)
		return -1;
	if (strcmp(name, "x29") == 0)
		name = "fp";
	else if (strcmp(name, "x30") == 0)
		name = "lr";
	return ptc_regs_get(r, name, v);
}

static int
starts(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* Bytes moved by one transfer register, from its name. */
static unsigned
regsize(const char *name)
{
	switch (name[0]) {
	case 'b': return 1;
	case 'h': return 2;
	case 'w': case 's': return 4;
	case 'q': case 'v': return 16;
	default: return 8; /* x, d, sp */
	}
}

/* Bytes one memory access moves, or 0 to take the register's size. */
static unsigned
mnemonic_size(const char *m)
{
	size_t n = strlen(m);

	if (starts(m, "prfm"))
		return 0;
	if (strcmp(m, "ldrsw") == 0 || strcmp(m, "ldursw") == 0 ||
	    strcmp(m, "ldpsw") == 0)
		return 4;
	if (n > 2 && (starts(m, "ld") || starts(m, "st")) &&
	    strchr("bh", m[n - 1]) != NULL && strcmp(m, "ldnp") != 0)
		return m[n - 1] == 'b' ? 1 : 2;
	return 0;
}

static int
is_pair(const char *m)
{
	return strcmp(m, "ldp") == 0 || strcmp(m, "stp") == 0 ||
	    strcmp(m, "ldnp") == 0 || strcmp(m, "stnp") == 0 ||
	    strcmp(m, "ldpsw") == 0 || strcmp(m, "ldxp") == 0 ||
	    strcmp(m, "ldaxp") == 0 || strcmp(m, "stxp") == 0 ||
	    strcmp(m, "stlxp") == 0;
}

int
ptc_arch_insn_access(const void *code, size_t len, uint64_t pc,
    const struct ptc_regs *r, struct ptc__access *a)
{
	cs_insn *insn;
	cs_arm64 *x;
	csh h;
	const char *m, *tname = NULL;
	uint64_t base, index;
	unsigned size;
	int i;

	insn = ptc__access_begin(CS_ARCH_ARM64, CS_MODE_LITTLE_ENDIAN, code,
	    len, pc, &h, a);
	if (insn == NULL)
		return -1;
	m = insn->mnemonic;
	x = &insn->detail->arm64;
	for (i = 0; i < x->op_count; i++)
		if (x->operands[i].type == ARM64_OP_REG) {
			tname = cs_reg_name(h, x->operands[i].reg);
			break;
		}
	for (i = 0; i < x->op_count && a->nmem < 4; i++) {
		cs_arm64_op *op = &x->operands[i];

		if (op->type != ARM64_OP_MEM || starts(m, "prfm"))
			continue;
		if (regval(h, r, op->mem.base, &base) != 0 ||
		    regval(h, r, op->mem.index, &index) != 0)
			continue;
		if (op->ext == ARM64_EXT_SXTW)
			index = (uint64_t)(int64_t)(int32_t)index;
		else if (op->ext == ARM64_EXT_UXTW)
			index &= 0xffffffffu;
		if (op->shift.type == ARM64_SFT_LSL && op->shift.value < 64)
			index <<= op->shift.value;
		size = mnemonic_size(m);
		if (size == 0)
			size = tname != NULL ? regsize(tname) : 8;
		if (is_pair(m))
			size *= 2;
		a->mem[a->nmem].addr = base + index + (uint64_t)(int64_t)op->mem.disp;
		a->mem[a->nmem].size = size;
		a->mem[a->nmem].stack = op->mem.base == ARM64_REG_SP;
		if (starts(m, "st") && !starts(m, "stadd") && !starts(m, "stclr") &&
		    !starts(m, "steor") && !starts(m, "stset") &&
		    !starts(m, "stsmax") && !starts(m, "stsmin") &&
		    !starts(m, "stumax") && !starts(m, "stumin")) {
			a->mem[a->nmem].write = true;
		} else if (starts(m, "ld") && !starts(m, "ldadd") &&
		    !starts(m, "ldclr") && !starts(m, "ldeor") &&
		    !starts(m, "ldset") && !starts(m, "ldsmax") &&
		    !starts(m, "ldsmin") && !starts(m, "ldumax") &&
		    !starts(m, "ldumin")) {
			a->mem[a->nmem].read = true;
		} else {
			/* atomics: cas, swp, ldadd, stadd... */
			a->mem[a->nmem].read = true;
			a->mem[a->nmem].write = true;
		}
		a->nmem++;
	}
	ptc__access_end(&h, insn);
	return 0;
}
