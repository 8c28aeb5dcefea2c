/*
 * bpentry.c (ppc64le): a function of the ELFv2 ABI that needs its TOC
 * pointer has two entries.  The global one, for calls through a pointer
 * (r12 holds the function's address), computes r2 in two instructions,
 * addis r2,r12,HI and addi r2,r2,LO; calls from the same module go
 * straight to the local entry after them.  A breakpoint on the local
 * entry is reached by both, so one asked for on such a prologue goes
 * there, 8 bytes in.
 */
#include <stdint.h>

#include "internal.h"

uint64_t
ptc_arch_bp_entry(const unsigned char *code, size_t len, uint64_t addr)
{
	uint32_t w0, w1;

	if (len < 8)
		return addr;
	/* little-endian words */
	w0 = (uint32_t)code[0] | (uint32_t)code[1] << 8 |
	    (uint32_t)code[2] << 16 | (uint32_t)code[3] << 24;
	w1 = (uint32_t)code[4] | (uint32_t)code[5] << 8 |
	    (uint32_t)code[6] << 16 | (uint32_t)code[7] << 24;
	if ((w0 & 0xffff0000) == 0x3c4c0000 &&      /* addis r2,r12,HI */
	    (w1 & 0xffff0000) == 0x38420000)        /* addi r2,r2,LO */
		return addr + 8;
	return addr;
}
