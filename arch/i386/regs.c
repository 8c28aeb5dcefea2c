/*
 * regs.c: the i386 registers as the library sees them (table in
 * regs32.h): eax..esp, eip, eflags with its flags, segments, and the
 * x87, SSE and AVX registers of the FXSAVE/XSAVE image.
 */
#include <linux/audit.h>

#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "regs32.h"

const struct ptc__regdesc ptc_arch_regdescs[] = { I386_REGDESCS };
const size_t ptc_arch_nregdescs =
    sizeof(ptc_arch_regdescs) / sizeof(ptc_arch_regdescs[0]);
const size_t ptc_arch_xfeatures_off = I386_XSAVE_XFEATURES;

/* The general register block and the pc and sp by name. */
const size_t ptc_arch_gregs_size = sizeof(struct i386_gregs);
const char ptc_arch_pc_name[] = "eip";
const char ptc_arch_sp_name[] = "esp";

struct flagname {
	unsigned bit;
	const char *name;
};

static const struct flagname eflags_names[] = {
	{ 0, "CF" }, { 2, "PF" }, { 4, "AF" }, { 6, "ZF" }, { 7, "SF" },
	{ 8, "TF" }, { 9, "IF" }, { 10, "DF" }, { 11, "OF" }, { 14, "NT" },
	{ 16, "RF" }, { 17, "VM" }, { 18, "AC" }, { 19, "VIF" },
	{ 20, "VIP" }, { 21, "ID" }, { 0, NULL },
};

static const struct flagname mxcsr_names[] = {
	{ 0, "IE" }, { 1, "DE" }, { 2, "ZE" }, { 3, "OE" }, { 4, "UE" },
	{ 5, "PE" }, { 6, "DAZ" }, { 7, "IM" }, { 8, "DM" }, { 9, "ZM" },
	{ 10, "OM" }, { 11, "UM" }, { 12, "PM" }, { 15, "FZ" }, { 0, NULL },
};

static const struct flagname fsw_names[] = {
	{ 0, "IE" }, { 1, "DE" }, { 2, "ZE" }, { 3, "OE" }, { 4, "UE" },
	{ 5, "PE" }, { 6, "SF" }, { 7, "ES" }, { 8, "C0" }, { 9, "C1" },
	{ 10, "C2" }, { 14, "C3" }, { 15, "B" }, { 0, NULL },
};

int
ptc_arch_reg_decode(const char *name, uint64_t v, char *buf, size_t len)
{
	static const char *const rc[] = { "nearest", "down", "up", "zero" };
	const struct flagname *f;
	size_t n;

	if (strcmp(name, "eflags") == 0)
		f = eflags_names;
	else if (strcmp(name, "mxcsr") == 0)
		f = mxcsr_names;
	else if (strcmp(name, "fsw") == 0)
		f = fsw_names;
	else
		return -1;
	n = (size_t)snprintf(buf, len, "[");
	for (; f->name != NULL; f++)
		if (v & ((uint64_t)1 << f->bit) && n < len)
			n += (size_t)snprintf(buf + n, len - n, " %s",
			    f->name);
	if (n < len && strcmp(name, "mxcsr") == 0 && ((v >> 13) & 3) != 0)
		n += (size_t)snprintf(buf + n, len - n, " RC=%s",
		    rc[(v >> 13) & 3]);
	if (n < len && strcmp(name, "fsw") == 0)
		n += (size_t)snprintf(buf + n, len - n, " TOP=%u",
		    (unsigned)((v >> 11) & 7));
	if (n < len)
		snprintf(buf + n, len - n, " ]");
	return 0;
}

int
ptc_arch_in_syscall(const void *gregs, uint64_t *nr)
{
	const struct i386_gregs *r = gregs;

	/* The kernel keeps orig_eax at -1 outside a syscall. */
	if ((int32_t)r->orig_eax < 0)
		return 0;
	*nr = r->orig_eax;
	return 1;
}

uint32_t
ptc_arch_audit(const void *gregs)
{
	(void)gregs;
	return AUDIT_ARCH_I386;
}

const struct ptc__regview *
ptc_arch_regview_other(size_t len)
{
	/* A 64-bit task seen from the 32-bit build: not read. */
	(void)len;
	return NULL;
}
