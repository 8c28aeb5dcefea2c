/*
 * bpentry.c: where a breakpoint goes, for a CPU whose functions have one
 * entry: at the address asked for.
 */
#include "internal.h"

uint64_t
ptc_arch_bp_entry(const unsigned char *code, size_t len, uint64_t addr)
{
	(void)code;
	(void)len;
	return addr;
}
