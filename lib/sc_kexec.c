/*
 * sc_kexec.c: kexec_load's segments and its architecture and flags.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "sc_priv.h"
#include "xlat.h"

#define K_KEXEC_SEGMENT_MAX 16
#define K_KEXEC_ARCH_MASK   0xffff0000u

/* One struct kexec_segment of four words at addr; -1 if unreadable. */
static int
rd_seg(struct ptc__dc *c, uint64_t addr, uint64_t seg[4])
{
	uint32_t s32[4];
	int i;

	if (c->wordsize == 8)
		return ptc__rdall(c, addr, seg, 4 * sizeof(seg[0]));
	if (ptc__rdall(c, addr, s32, sizeof(s32)) != 0)
		return -1;
	for (i = 0; i < 4; i++)
		seg[i] = s32[i];
	return 0;
}

/* The segments, their count in argument a->aux (at most 16). */
void
ptc__a_kexec_segments(struct ptc__dc *c, const struct ptc__arg *a,
    uint64_t v)
{
	static const char *const names[] = { "buf", "bufsz", "mem", "memsz" };
	uint64_t n = c->a[a->aux], i, seg[4], size = 4 * (uint64_t)c->wordsize;
	int j;

	if (c->wordsize == 4)
		n = (uint32_t)n;
	if (n > K_KEXEC_SEGMENT_MAX || v == 0 ||
	    (n != 0 && rd_seg(c, v, seg) != 0)) {
		ptc__p_addr(c, v);
		return;
	}
	ptc__l_open(c);
	for (i = 0; i < n; i++) {
		if (rd_seg(c, v + i * size, seg) != 0) {
			ptc__s_more(c);
			ptc__p_comment(c, "%#" PRIx64, v + i * size);
			break;
		}
		if (ptc__arr_full(c, i))
			break;
		ptc__s_open(c);
		for (j = 0; j < 4; j++) {
			ptc__s_field(c, names[j]);
			if (j % 2 == 0)
				ptc__p_addr(c, seg[j]);
			else
				ptc__p_uint(c, seg[j]);
		}
		ptc__s_close(c);
	}
	ptc__l_close(c);
}

/* "KEXEC_ARCH_X86_64|KEXEC_ON_CRASH": the architecture, then flags. */
void
ptc__a_kexec_flags(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	uint64_t arch, rest;
	const char *name;
	char buf[320], fl[256];
	size_t n;

	(void)a;
	if (c->wordsize == 4)
		v = (uint32_t)v;
	arch = v & K_KEXEC_ARCH_MASK;
	rest = v & ~(uint64_t)K_KEXEC_ARCH_MASK;
	if ((name = ptc__xname(&ptc__xt_kexec_arch, arch)) != NULL)
		snprintf(buf, sizeof(buf), "%s", name);
	else
		snprintf(buf, sizeof(buf), "%#" PRIx64 " /* %s */", arch,
		    ptc__xunknown(&ptc__xt_kexec_arch));
	n = strlen(buf);
	if (rest != 0)
		snprintf(buf + n, sizeof(buf) - n, "|%s", ptc__xsflags(c, fl,
		    sizeof(fl), &ptc__xt_kexec_load_flags, rest, NULL));
	ptc__p_raw(c, buf);
}
