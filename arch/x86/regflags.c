/*
 * regflags.c: what the x86 registers made of bits say, by name (the
 * flags register, mxcsr, the x87 status word): the same for 64-bit and
 * 32-bit code.
 */
#include <stdio.h>
#include <string.h>

#include "generic.h"
#include "x86.h"

static const struct ptc__flagname eflags_names[] = {
	{ 0, "CF" }, { 2, "PF" }, { 4, "AF" }, { 6, "ZF" }, { 7, "SF" },
	{ 8, "TF" }, { 9, "IF" }, { 10, "DF" }, { 11, "OF" }, { 14, "NT" },
	{ 16, "RF" }, { 17, "VM" }, { 18, "AC" }, { 19, "VIF" },
	{ 20, "VIP" }, { 21, "ID" }, { 0, NULL },
};

static const struct ptc__flagname mxcsr_names[] = {
	{ 0, "IE" }, { 1, "DE" }, { 2, "ZE" }, { 3, "OE" }, { 4, "UE" },
	{ 5, "PE" }, { 6, "DAZ" }, { 7, "IM" }, { 8, "DM" }, { 9, "ZM" },
	{ 10, "OM" }, { 11, "UM" }, { 12, "PM" }, { 15, "FZ" }, { 0, NULL },
};

static const struct ptc__flagname fsw_names[] = {
	{ 0, "IE" }, { 1, "DE" }, { 2, "ZE" }, { 3, "OE" }, { 4, "UE" },
	{ 5, "PE" }, { 6, "SF" }, { 7, "ES" }, { 8, "C0" }, { 9, "C1" },
	{ 10, "C2" }, { 14, "C3" }, { 15, "B" }, { 0, NULL },
};

int
ptc__x86_reg_decode(int wide, const char *name, uint64_t v, char *buf,
    size_t len)
{
	static const char *const rc[] = { "nearest", "down", "up", "zero" };
	char extra[32] = "";

	if (strcmp(name, "eflags") == 0 ||
	    (wide && strcmp(name, "rflags") == 0))
		return ptc__flagbits(buf, len, eflags_names, v, NULL);
	if (strcmp(name, "mxcsr") == 0) {
		if (((v >> 13) & 3) != 0)
			snprintf(extra, sizeof(extra), " RC=%s",
			    rc[(v >> 13) & 3]);
		return ptc__flagbits(buf, len, mxcsr_names, v, extra);
	}
	if (strcmp(name, "fsw") == 0) {
		snprintf(extra, sizeof(extra), " TOP=%u",
		    (unsigned)((v >> 11) & 7));
		return ptc__flagbits(buf, len, fsw_names, v, extra);
	}
	return -1;
}
