/*
 * regview.c: a 32-bit task under the 64-bit kernel hands out its
 * registers in the i386 layout, 68 bytes: the 32-bit x86 view reads
 * them (arch/x86/regs32.c).
 */
#include "internal.h"
#include "regs32.h"
#include "x86.h"

const struct ptc__regview *
ptc_arch_regview_other(size_t len)
{
	return len == sizeof(struct i386_gregs) ? &ptc__x86_view32 : NULL;
}
