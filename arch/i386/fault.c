/*
 * fault.c (i386): what an instruction touches in memory, for explaining
 * a fault: the x86 decoder (arch/x86/access.c) in 32-bit mode.
 */
#include "internal.h"
#include "x86.h"

int
ptc_arch_insn_access(const void *code, size_t len, uint64_t pc,
    const struct ptc_regs *r, struct ptc__access *a)
{
	return ptc__x86_insn_access(&ptc__x86_mode32, code, len, pc, r, a);
}
