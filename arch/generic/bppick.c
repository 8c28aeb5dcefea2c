/*
 * bppick.c: the breakpoint instruction of a CPU with one kind of code:
 * the same bytes at every address.
 */
#include "internal.h"

size_t
ptc_arch_bp_pick(pid_t pid, uint64_t addr, const unsigned char **insn)
{
	(void)pid;
	(void)addr;
	*insn = ptc_arch_bp_insn;
	return ptc_arch_bp_len;
}
