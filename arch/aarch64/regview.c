/*
 * regview.c: register layouts besides the native one.  A 32-bit (ARM)
 * task under an arm64 kernel has one; the library does not read it yet.
 */
#include "internal.h"

const struct ptc__regview *
ptc_arch_regview_other(size_t len)
{
	(void)len;
	return NULL;
}
