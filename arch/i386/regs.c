/*
 * regs.c: the i386 registers as the library sees them: the view of
 * 32-bit x86 code (arch/x86/regs32.c), which the x86_64 build also
 * uses for its 32-bit tasks.
 */
#include <linux/audit.h>

#include <stddef.h>

#include "internal.h"
#include "x86.h"

const struct ptc__regview *const ptc_arch_view = &ptc__x86_view32;

/* The pc and sp by name. */
const char ptc_arch_pc_name[] = "eip";
const char ptc_arch_sp_name[] = "esp";

/* The kernel runs the number in orig_eax and returns the value of eax. */
const char *const *
ptc_arch_sc_tamper_regs(uint32_t arch)
{
	static const char *const r32[] = { "orig_eax", "eax" };

	return arch == AUDIT_ARCH_I386 ? r32 : NULL;
}
