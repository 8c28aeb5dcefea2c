/*
 * fault.c (i386): what an instruction touches in memory, for explaining
 * a fault; the decoder is in access32.h, shared with the x86_64 build.
 */
#include "internal.h"
#include "access32.h"

int
ptc_arch_insn_access(const void *code, size_t len, uint64_t pc,
    const struct ptc_regs *r, struct ptc__access *a)
{
	return i386_insn_access(code, len, pc, r, a);
}
