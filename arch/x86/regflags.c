/*
 * regflags.c: what the x86 registers made of bits say, by name (the
 * flags register, mxcsr, the x87 status word), and whether an i386
 * general block is inside a syscall: the same for the i386 build and
 * for the x86_64 build's view of 32-bit tasks.
 */
#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "regs32.h"
#include "x86.h"

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
ptc__x86_reg_decode(int wide, const char *name, uint64_t v, char *buf,
    size_t len)
{
	static const char *const rc[] = { "nearest", "down", "up", "zero" };
	const struct flagname *f;
	size_t n;

	if (strcmp(name, "eflags") == 0 ||
	    (wide && strcmp(name, "rflags") == 0))
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
ptc__i386_in_syscall(const void *gregs, uint64_t *nr)
{
	const struct i386_gregs *r = gregs;

	/* The kernel keeps orig_eax at -1 outside a syscall. */
	if ((int32_t)r->orig_eax < 0)
		return 0;
	*nr = r->orig_eax;
	return 1;
}
