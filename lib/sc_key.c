/*
 * sc_key.c: the kernel key management calls' special key serials.
 */
#include <inttypes.h>

#include "internal.h"
#include "sc_priv.h"
#include "xlat.h"

/* A key serial: an int, the special ones (KEY_SPEC_*) by name. */
void
ptc__a_keyserial(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	(void)a;
	ptc__p_xval(c, (uint64_t)(int64_t)(int32_t)v, 'd',
	    ptc__xname(&ptc__xt_key_spec, (uint32_t)v));
}
