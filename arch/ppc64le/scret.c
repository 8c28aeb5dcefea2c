/*
 * scret.c (ppc64le): a syscall made with scv returns -errno in r3, as
 * other CPUs do; one made with sc (trap 0xc00) returns a positive errno
 * and sets the summary overflow bit of cr0, clear on success.  The
 * kernel applies its convention before the exit stop, so a value a
 * tracer sets there must already be in it.
 */
#include <stdint.h>

#include "internal.h"

#define TRAP_SC 0xc00

int
ptc_arch_sc_ret_conv(struct ptc_regs *r, int error)
{
	uint64_t trap, r3;

	if (ptc_regs_get(r, "trap", &trap) != 0)
		return -1;
	if ((trap & ~(uint64_t)0xf) != TRAP_SC)
		return 0;
	if (error) {
		if (ptc_regs_get(r, "r3", &r3) != 0 ||
		    ptc_regs_set(r, "r3", -r3) != 0)
			return -1;
	}
	return ptc_regs_set(r, "so", error ? 1 : 0);
}
