/*
 * sc_basic.c: printers for the plain argument kinds of the syscall
 * tables (numbers, pointers, descriptors, strings, flags) and for
 * return values.
 */
#include <fcntl.h>
#include <inttypes.h>
#include <string.h>

#include "internal.h"
#include "sc_priv.h"
#include "xlat.h"

void
ptc__a_int(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	(void)a;
	ptc__p_int(c, (int)v);
}

void
ptc__a_uint(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	(void)a;
	ptc__p_uint(c, (unsigned)v);
}

void
ptc__a_long(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	(void)a;
	if (c->wordsize == 4)
		ptc__p_int(c, (int32_t)v);
	else
		ptc__p_int(c, (int64_t)v);
}

void
ptc__a_ulong(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	(void)a;
	ptc__p_uint(c, ptc__word(c, v));
}

void
ptc__a_hex(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	(void)a;
	ptc__p_hex(c, ptc__word(c, v));
}

/* A flag word the kernel takes as unsigned int: the low 32 bits. */
void
ptc__a_hex32(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	(void)a;
	ptc__p_hex(c, (uint32_t)v);
}

void
ptc__a_ptr(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	(void)a;
	ptc__p_addr(c, v);
}

/* A mode: the kernel's umode_t is 16 bits wide. */
void
ptc__a_oct(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	(void)a;
	ptc__p_oct(c, (uint16_t)v);
}

void
ptc__a_fd(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	(void)a;
	ptc__p_fd(c, (int)v);
}

void
ptc__a_path(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	(void)a;
	ptc__p_path(c, v);
}

void
ptc__a_str(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	(void)a;
	ptc__p_str(c, v, c->f->strsize);
}

/*
 * A string the kernel reads at most n bytes of: shown up to its NUL,
 * or all n bytes (at most -s of them) and "..." when none ends them.
 */
void
ptc__p_strn0(struct ptc__dc *c, uint64_t v, size_t n)
{
	size_t size = c->f->strsize < n ? c->f->strsize : n;
	char buf[256];
	const char *z;
	ssize_t got;

	if (size > sizeof(buf))
		size = sizeof(buf);
	if (v == 0 || (got = ptc__rd(c, v, buf, size)) < 0) {
		ptc__p_addr(c, v);
		return;
	}
	if ((z = memchr(buf, '\0', (size_t)got)) != NULL)
		ptc__p_bytes(c, buf, (size_t)(z - buf), 0);
	else if ((size_t)got == size)
		ptc__p_bytes(c, buf, size, 1);
	else
		ptc__p_addr(c, v);
}

/* reboot's command string, for LINUX_REBOOT_CMD_RESTART2 only. */
void
ptc__a_reboot_arg(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	if ((uint32_t)c->a[a->aux] == 0xa1b2c3d4u)
		ptc__p_strn0(c, v, 255);
}

/* A pointer or a length the kernel wrote to: "[0x7f...]", "[24]". */
static void
p_wordp(struct ptc__dc *c, uint64_t v, int addr)
{
	uint64_t w = 0;

	if (v == 0 || c->is_error ||
	    ptc__rdall(c, v, &w, (size_t)c->wordsize) != 0) {
		ptc__p_addr(c, v);
		return;
	}
	ptc__l_open(c);
	if (addr)
		ptc__p_addr(c, w);
	else
		ptc__p_uint(c, w);
	ptc__l_close(c);
}

void
ptc__a_ptrp(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	(void)a;
	p_wordp(c, v, 1);
}

void
ptc__a_ulongp(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	(void)a;
	p_wordp(c, v, 0);
}

/* An input buffer whose length is argument a->aux. */
void
ptc__a_buf(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	ptc__p_buf(c, v, a->aux >= 0 ? c->a[a->aux] : 0);
}

/* An output buffer: as many bytes as the call returned. */
void
ptc__a_obuf(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	if (c->is_error) {
		ptc__p_addr(c, v);
		return;
	}
	(void)a;
	ptc__p_buf(c, v, (uint64_t)c->rval);
}

/* An output buffer of random bytes: always in \x form, as strace shows. */
void
ptc__a_hexbuf(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	(void)a;
	if (c->is_error)
		ptc__p_addr(c, v);
	else
		ptc__p_hexbuf(c, v, (uint64_t)c->rval);
}

/* len bytes at addr, every one in \x form (strace's QUOTE_FORCE_HEX). */
void
ptc__p_hexbuf(struct ptc__dc *c, uint64_t addr, uint64_t len)
{
	struct ptc_fmt f = *c->f;
	const struct ptc_fmt *saved = c->f;

	f.xstyle = 2;
	c->f = &f;
	ptc__p_buf(c, addr, len);
	c->f = saved;
}

/*
 * The kernel takes most flag arguments as unsigned int, so only the low
 * 32 bits count (strace prints dup3(0, 0, 0) for 0xdefaced00000000);
 * the memory and mount flags are unsigned long.
 */
static int
long_flags(const struct ptc__xtab *x)
{
	return x == &ptc__xt_mmap_prot || x == &ptc__xt_mmap_flags ||
	    x == &ptc__xt_mremap_flags || x == &ptc__xt_mount_flags ||
	    x == &ptc__xt_clone_flags || x == &ptc__xt_kexec_file_flags ||
	    x == &ptc__xt_pkey_flags;
}

/* Whether any named flag of x is set in v. */
static int
any_known(const struct ptc__xtab *x, uint64_t v)
{
	unsigned i;

	for (i = 0; i < x->n; i++)
		if (x->v[i].val != 0 && (v & x->v[i].val) == x->v[i].val)
			return 1;
	return 0;
}

void
ptc__a_flags(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	if (c->wordsize == 4 || !long_flags(a->x))
		v = (uint32_t)v;
	/* Protections with no known bit: strace says so in a comment. */
	if (a->x == &ptc__xt_mmap_prot && v != 0 && !any_known(a->x, v) &&
	    !c->f->json) {
		ptc__pre(c);
		ptc__sb_printf(c->o, ptc__xstyle(c) == PTC_XLAT_RAW ?
		    "%#" PRIx64 : "%#" PRIx64 " /* PROT_??? */", v);
		return;
	}
	ptc__p_flags(c, a->x, v, NULL);
}

void
ptc__a_enum(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	ptc__p_enum(c, a->x, (unsigned)v, NULL);
}

/* An enum whose unknown values show in decimal (socketcall's call). */
void
ptc__a_enumd(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	const char *s = ptc__xname(a->x, (unsigned)v);

	if (s != NULL)
		ptc__p_raw(c, s);
	else
		ptc__p_int(c, (int)v);
}

/* ---- return values ---- */

/*
 * strace prints a plain result unsigned (RVAL_UDECIMAL); only a result
 * injected with -e inject=...:retval= can look negative.
 */
void
ptc__r_int(struct ptc__dc *c, int64_t v)
{
	ptc__p_uint(c, ptc__word(c, v));
}

void
ptc__r_hex(struct ptc__dc *c, int64_t v)
{
	ptc__p_hex(c, ptc__word(c, v));
}

void
ptc__r_oct(struct ptc__dc *c, int64_t v)
{
	ptc__p_oct(c, ptc__word(c, v));
}

void
ptc__r_fd(struct ptc__dc *c, int64_t v)
{
	ptc__p_fd(c, (int)v);
}
