/*
 * sc_mem.c: memory syscalls beyond what flag tables cover.
 */
#include <linux/mman.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <inttypes.h>

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

/*
 * mmap's flags as strace shows them: the mapping type (the low four
 * bits) by name, MAP_FILE for 0 and "0xN / * MAP_??? * /" for an unknown
 * one, then the other flags, then the huge page size as N<<MAP_HUGE_SHIFT.
 */
void
ptc__a_mmap_flags(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	uint64_t type = v & 0xf, rest = v & ~(uint64_t)0xf, huge;
	uint64_t hmask = (uint64_t)MAP_HUGE_MASK << MAP_HUGE_SHIFT;
	const char *tn;
	char buf[1024], fl[768], num[32];
	size_t n;

	(void)a;
	if (c->wordsize == 4) {
		v = (uint32_t)v;
		rest = (uint32_t)rest;
	}
	if (ptc__xstyle(c) == PTC_XLAT_RAW) {
		ptc__p_hex(c, v);
		return;
	}
	huge = rest & hmask;
	rest &= ~hmask;
	tn = type == 0 ? "MAP_FILE" : ptc__xname(&ptc__xt_mmap_flags, type);
	if (tn != NULL)
		n = (size_t)snprintf(buf, sizeof(buf), "%s", tn);
	else
		n = (size_t)snprintf(buf, sizeof(buf), "%#" PRIx64
		    " /* MAP_??? */", type);
	if (rest != 0 && n < sizeof(buf))
		n += (size_t)snprintf(buf + n, sizeof(buf) - n, "|%s",
		    ptc__sflags(fl, sizeof(fl), &ptc__xt_mmap_flags, rest,
		    NULL));
	if (huge != 0 && n < sizeof(buf))
		snprintf(buf + n, sizeof(buf) - n, "|%" PRIu64
		    "<<MAP_HUGE_SHIFT", huge >> MAP_HUGE_SHIFT);
	if (ptc__xstyle(c) == PTC_XLAT_VERBOSE) {
		snprintf(num, sizeof(num), "%#" PRIx64, v);
		ptc__pre(c);
		ptc__sb_printf(c->o, "%s /* %s */", v == 0 ? "0" : num, buf);
		return;
	}
	ptc__p_raw(c, buf);
}

/* ---- NUMA memory policies ---- */

#define MPOL_MODE_FLAGS 0xe000u

/*
 * A policy mode with its flags: "MPOL_BIND|MPOL_F_STATIC_NODES", the
 * flags alone when the mode is unknown.  a->aux 1: an int
 * (set_mempolicy's), else an unsigned long (mbind's).
 */
void
ptc__a_mpol_mode(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	const char *mode;
	char buf[256], fl[160];

	if (a->aux == 1 || c->wordsize == 4)
		v = (uint32_t)v;
	if ((v & MPOL_MODE_FLAGS) == 0) {
		ptc__p_enum(c, &ptc__xt_mpol_modes, v, NULL);
		return;
	}
	mode = ptc__xname(&ptc__xt_mpol_modes, v & ~(uint64_t)MPOL_MODE_FLAGS);
	if (mode == NULL) {
		ptc__p_flags(c, &ptc__xt_mpol_mode_flags, v, NULL);
		return;
	}
	snprintf(buf, sizeof(buf), "%s|%s", mode, ptc__sflags(fl, sizeof(fl),
	    &ptc__xt_mpol_mode_flags, v & MPOL_MODE_FLAGS, NULL));
	ptc__p_xval(c, v, 'x', buf);
}

/*
 * A node mask of maxnode bits (argument a->aux): its words in hex, as
 * many as the kernel reads.
 */
void
ptc__a_nodemask(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	uint64_t maxnode = c->a[a->aux], bits = 8 * (uint64_t)c->wordsize;
	uint64_t n, i, w;

	if (c->wordsize == 4)
		maxnode = (uint32_t)maxnode;
	n = (maxnode + bits - 2) / bits;
	if (v == 0 || n < maxnode / bits || (maxnode != 0 && n == 0)) {
		ptc__p_addr(c, v);
		return;
	}
	/* nothing readable: the address alone */
	w = 0;
	if (n > 0 && ptc__rdall(c, v, &w, (size_t)c->wordsize) != 0) {
		ptc__p_addr(c, v);
		return;
	}
	ptc__l_open(c);
	for (i = 0; i < n; i++) {
		/* strace reads an element before it counts it */
		w = 0;
		if (ptc__rdall(c, v + i * (uint64_t)c->wordsize, &w,
		    (size_t)c->wordsize) != 0) {
			ptc__s_more(c);
			ptc__p_comment(c, "%#" PRIx64, v + i * c->wordsize);
			break;
		}
		if (ptc__arr_full(c, i))
			break;
		if (c->f->json) {
			ptc__p_hex(c, w);
			continue;
		}
		ptc__pre(c);
		ptc__sb_printf(c->o, "%0*" PRIx64, 2 * c->wordsize, w);
	}
	ptc__l_close(c);
}

/* get_mempolicy's mode, written by the kernel: "[MPOL_BIND]". */
void
ptc__a_mpol_modep(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	int32_t mode;

	(void)a;
	if (v == 0 || ptc__rdall(c, v, &mode, sizeof(mode)) != 0) {
		ptc__p_addr(c, v);
		return;
	}
	ptc__l_open(c);
	ptc__p_enum(c, &ptc__xt_mpol_modes, (uint32_t)mode, NULL);
	ptc__l_close(c);
}

/* ---- move_pages ---- */

/* How an element of a word array prints: 'p' address, 'd' int, 'e' status. */
static void
p_elem(struct ptc__dc *c, int kind, uint64_t w)
{
	const char *e;
	char name[64];

	if (kind == 'p') {
		ptc__p_addr(c, w);
		return;
	}
	if (kind == 'e' && (int32_t)w < 0 &&
	    (e = ptc__xname(&ptc__xt_errnos, (uint64_t)-(int64_t)(int32_t)w)) !=
	    NULL) {
		snprintf(name, sizeof(name), "-%s", e);
		ptc__p_xval(c, (uint64_t)(int64_t)(int32_t)w, 'd', name);
		return;
	}
	ptc__p_int(c, (int32_t)w);
}

/*
 * An array of n elements of size bytes at addr, as strace's
 * print_array(): NULL, [] when empty, the address when nothing is
 * readable, "... / * address * /" where reading stopped.
 */
static void
p_words(struct ptc__dc *c, uint64_t addr, uint64_t n, size_t size,
    int kind)
{
	uint64_t i, w = 0;

	if (addr == 0) {
		ptc__p_addr(c, 0);
		return;
	}
	if (n != 0 && ptc__rdall(c, addr, &w, size) != 0) {
		ptc__p_addr(c, addr);
		return;
	}
	ptc__l_open(c);
	for (i = 0; i < n; i++) {
		w = 0;
		if (ptc__rdall(c, addr + i * size, &w, size) != 0) {
			ptc__s_more(c);
			ptc__p_comment(c, "%#" PRIx64, addr + i * size);
			break;
		}
		if (ptc__arr_full(c, i))
			break;
		p_elem(c, kind, w);
	}
	ptc__l_close(c);
}

/* move_pages' pages: a->aux of them, addresses. */
void
ptc__a_pages(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	p_words(c, v, c->a[a->aux], (size_t)c->wordsize, 'p');
}

/* move_pages' nodes: ints. */
void
ptc__a_nodes(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	p_words(c, v, c->a[a->aux], 4, 'd');
}

/* move_pages' status, filled in: a node or -ERRNO each. */
void
ptc__a_page_status(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	/* a failed call wrote nothing, but none is none */
	if (c->is_error && c->a[a->aux] != 0) {
		ptc__p_addr(c, v);
		return;
	}
	p_words(c, v, c->a[a->aux], 4, 'e');
}

/* ---- memfd_create ---- */

/*
 * The name: strace reads the 250 bytes "memfd:" leaves of a dentry
 * name and its NUL.
 */
void
ptc__a_memfd_name(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	(void)a;
	ptc__p_strn0(c, v, 250);
}

/* The flags, a huge page size in the top six bits: "30<<MFD_HUGE_SHIFT". */
void
ptc__a_memfd_flags(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	char buf[256];
	unsigned f = (unsigned)v, huge = f >> 26;
	size_t n = 0;

	(void)a;
	buf[0] = '\0';
	f &= ~(0x3fu << 26);
	if (f != 0 || huge == 0)
		ptc__sflags(buf, sizeof(buf) / 2, &ptc__xt_memfd_flags, f, NULL);
	n = strlen(buf);
	if (huge != 0)
		snprintf(buf + n, sizeof(buf) - n, "%s%u<<MFD_HUGE_SHIFT",
		    n > 0 ? "|" : "", huge);
	ptc__p_xval(c, (uint32_t)v, 'x', (uint32_t)v != 0 ? buf : NULL);
}

/* mincore's vector, filled in: a byte per page of the length (a->aux). */
void
ptc__a_mincore_vec(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	uint64_t len = c->a[a->aux];
	long page = sysconf(_SC_PAGESIZE);

	p_words(c, v, len / (uint64_t)page + (len % (uint64_t)page != 0), 1,
	    'd');
}

/* futex_waitv's array of struct futex_waitv, a->aux of them. */
void
ptc__a_futex_waitv(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	struct {
		uint64_t val, uaddr;
		uint32_t flags, reserved;
	} w;
	uint64_t i, n = (uint32_t)c->a[a->aux];

	if (v == 0 || (n != 0 && ptc__rdall(c, v, &w, sizeof(w)) != 0)) {
		ptc__p_addr(c, v);
		return;
	}
	ptc__l_open(c);
	for (i = 0; i < n; i++) {
		if (ptc__rdall(c, v + i * sizeof(w), &w, sizeof(w)) != 0) {
			ptc__s_more(c);
			ptc__p_comment(c, "%#" PRIx64, v + i * sizeof(w));
			break;
		}
		/* the kernel reads at most FUTEX_WAITV_MAX (128) */
		if (i == 128) {
			ptc__s_more(c);
			break;
		}
		if (ptc__arr_full(c, i))
			break;
		ptc__s_open(c);
		ptc__s_field(c, "val");
		ptc__p_hex(c, w.val);
		ptc__s_field(c, "uaddr");
		ptc__p_addr(c, w.uaddr);
		ptc__s_field(c, "flags");
		ptc__p_flags(c, &ptc__xt_futex_waitv_flags, w.flags, NULL);
		if (w.reserved != 0) {
			ptc__s_field(c, "__reserved");
			ptc__p_hex(c, w.reserved);
		}
		ptc__s_close(c);
	}
	ptc__l_close(c);
}
