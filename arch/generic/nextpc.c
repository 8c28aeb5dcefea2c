/*
 * nextpc.c: a CPU whose kernel single-steps (PTRACE_SINGLESTEP) needs no
 * breakpoints to step: none.
 */
#include "internal.h"

int
ptc_arch_next_pcs(pid_t pid, const struct ptc_regs *r,
    struct ptc__next out[2])
{
	(void)pid;
	(void)r;
	(void)out;
	return 0;
}
