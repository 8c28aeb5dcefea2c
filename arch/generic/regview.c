/*
 * regview.c: register layouts besides the native one, for a CPU that
 * reads none (a CPU with another layout, such as x86_64 for 32-bit
 * tasks, has its own regview.c).
 */
#include "internal.h"

const struct ptc__regview *
ptc_arch_regview_other(size_t len)
{
	(void)len;
	return NULL;
}
