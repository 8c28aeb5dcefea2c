/*
 * fault.c: what an x86_64 instruction touches in memory, for explaining
 * a fault.  The decoder is the x86 one (arch/x86/access.c), in 64-bit
 * mode, or in 32-bit mode for a 32-bit program under the 64-bit kernel,
 * whose snapshot has the i386 view.
 */
#include <string.h>

#include "internal.h"
#include "x86.h"

int
ptc_arch_insn_access(const void *code, size_t len, uint64_t pc,
    const struct ptc_regs *r, struct ptc__access *a)
{
	const struct ptc__x86_mode *m = &ptc__x86_mode64;

	if (strcmp(ptc_regs_arch(r), "i386") == 0)
		m = &ptc__x86_mode32;
	return ptc__x86_insn_access(m, code, len, pc, r, a);
}
