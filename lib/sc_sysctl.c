/*
 * sc_sysctl.c: the old _sysctl's struct __sysctl_args.
 */
#include <inttypes.h>

#include "internal.h"
#include "sc_priv.h"
#include "xlat.h"

#define K_CTL_MAXNAME 10

void
ptc__a_sysctl_args(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	struct {
		uint64_t name;
		int32_t nlen, pad;
		uint64_t oldval, oldlenp, newval, newlen;
	} s;
	int32_t name[K_CTL_MAXNAME];
	int i;

	(void)a;
	if (v == 0 || c->wordsize == 4 || ptc__rdall(c, v, &s, sizeof(s)) != 0) {
		ptc__p_addr(c, v);
		return;
	}
	ptc__s_open(c);
	ptc__s_field(c, "name");
	if (s.name == 0 || s.nlen <= 0 || s.nlen > K_CTL_MAXNAME ||
	    ptc__rdall(c, s.name, name, (size_t)s.nlen * 4) != 0) {
		ptc__p_addr(c, s.name);
	} else {
		ptc__l_open(c);
		for (i = 0; i < s.nlen; i++)
			ptc__p_int(c, name[i]);
		ptc__l_close(c);
	}
	ptc__s_field(c, "nlen");
	ptc__p_int(c, s.nlen);
	ptc__s_field(c, "oldval");
	ptc__p_addr(c, s.oldval);
	ptc__s_field(c, "oldlenp");
	ptc__p_addr(c, s.oldlenp);
	ptc__s_field(c, "newval");
	ptc__p_addr(c, s.newval);
	ptc__s_field(c, "newlen");
	ptc__p_uint(c, s.newlen);
	ptc__s_close(c);
}
