/*
 * sc_mem.c: memory syscalls beyond what flag tables cover.
 */
#include <sys/mman.h>

#include "internal.h"
#include "sc_priv.h"
#include "xlat.h"

/* mremap's new address only means something with MREMAP_FIXED. */
void
ptc__a_mremap_addr(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	if (a->aux >= 0 && (c->a[a->aux] & MREMAP_FIXED))
		ptc__p_addr(c, v);
}

/* mmap2's offset: in 4096-byte units whatever the page size; bytes shown. */
void
ptc__a_pgoff(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	(void)a;
	ptc__p_hex(c, (uint64_t)(uint32_t)v * 4096);
}
