/*
 * scret.c: a syscall's return value as most CPUs give it, the register
 * alone (-errno for an error): nothing more to set.
 */
#include "internal.h"

int
ptc_arch_sc_ret_conv(struct ptc_regs *r, int error)
{
	(void)r;
	(void)error;
	return 0;
}
