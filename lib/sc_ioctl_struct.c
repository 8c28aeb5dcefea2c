/*
 * sc_ioctl_struct.c: print an ioctl argument from its description
 * (lib/sc_ioctl_struct.h), as strace's decoder for the request does:
 * NULL or the address when unreadable, the structure otherwise, and
 * for a request the kernel answers in place the answer after " => ".
 */
#include <sys/sysmacros.h>

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "sc_ioctl_struct.h"
#include "xlat.h"

static const struct ioc_reqtab *const tabs[] = {
	&ptc__ioc_fs,
	&ptc__ioc_seccomp,
	&ptc__ioc_misc,
	&ptc__ioc_hdio,
	&ptc__ioc_evdev,
	&ptc__ioc_gpio,
	&ptc__ioc_ptp,
	&ptc__ioc_rtc,
	&ptc__ioc_loop,
	&ptc__ioc_ubi,
	&ptc__ioc_block,
	&ptc__ioc_mtd,
	&ptc__ioc_scsi,
	&ptc__ioc_perf,
	&ptc__ioc_sock,
	&ptc__ioc_ifreq,
	&ptc__ioc_uffd,
	&ptc__ioc_tee,
	&ptc__ioc_kd,
};

/* Unsigned value of size bytes at p (native byte order). */
static uint64_t
getu(const unsigned char *p, size_t size)
{
	uint8_t u8;
	uint16_t u16;
	uint32_t u32;
	uint64_t u64 = 0;

	switch (size) {
	case 1:
		memcpy(&u8, p, 1);
		return u8;
	case 2:
		memcpy(&u16, p, 2);
		return u16;
	case 4:
		memcpy(&u32, p, 4);
		return u32;
	default:
		memcpy(&u64, p, size < 8 ? size : 8);
		return u64;
	}
}

static int64_t
gets(const unsigned char *p, size_t size)
{
	uint64_t u = getu(p, size);

	if (size < 8 && (u >> (size * 8 - 1)) & 1)
		u |= ~0ull << (size * 8);
	return (int64_t)u;
}

/*
 * Flags as strace prints them with a "FOO_???" default: names joined
 * by "|" and the unknown rest in hex, or when no bit has a name the
 * number with the default in a comment.
 */
void
ptc__p_flags_unk(struct ptc__dc *c, const struct ptc__xtab *x, uint64_t v,
    const char *unknown)
{
	char names[1100], num[32];
	uint64_t known = 0;
	unsigned i;

	for (i = 0; i < x->n; i++)
		if (x->v[i].val != 0 && (v & x->v[i].val) == x->v[i].val)
			known |= x->v[i].val;
	if (v == 0 || known != 0 || unknown == NULL || c->f->json ||
	    ptc__xstyle(c) == PTC_XLAT_RAW) {
		ptc__p_flags(c, x, v, NULL);
		return;
	}
	snprintf(num, sizeof(num), "%#" PRIx64, v);
	snprintf(names, sizeof(names), "%s /* %s */", num, unknown);
	ptc__p_raw(c, names);
}

static void ioc_struct(struct ptc__dc *c, const struct ioc_struct *s,
    const unsigned char *b, uint64_t addr);
static int ioc_at(struct ptc__dc *c, const struct ioc_struct *s,
    uint64_t addr);

static int
ioc_zeros(const unsigned char *p, size_t n)
{
	while (n > 0)
		if (p[--n] != 0)
			return 0;
	return 1;
}

/* The bytes of s there are: all, or as many as the request says. */
static size_t
ioc_size(const struct ptc__dc *c, const struct ioc_struct *s)
{
	size_t req = ((unsigned)c->a[1] >> 16) & 0x3fff;

	return s->sized && req < s->size ? req : s->size;
}

static void
ioc_value(struct ptc__dc *c, const struct ioc_field *f, int fmt,
    const unsigned char *p, size_t size, const unsigned char *base)
{
	uint64_t u = getu(p, size);
	const char *n;

	switch (fmt) {
	case IF_D:
		ptc__p_int(c, gets(p, size));
		break;
	case IF_X:
		ptc__p_hex(c, u);
		break;
	case IF_PTR:
		ptc__p_addr(c, u);
		break;
	case IF_FLAGS:
		ptc__p_flags_unk(c, f->x, u, f->unknown);
		break;
	case IF_ENUM:
		ptc__p_enum(c, f->x, u, f->unknown);
		break;
	case IF_FD:
		ptc__p_fd(c, (int)gets(p, size));
		break;
	case IF_PID:
		ptc__p_pid(c, gets(p, size), PTC__PID_TGID);
		break;
	case IF_ERRNO:
		n = ptc_errname((int)-gets(p, size));
		if (gets(p, size) < 0 && n != NULL && !c->f->json) {
			char buf[64];

			snprintf(buf, sizeof(buf), "-%s", n);
			ptc__p_xval(c, (uint64_t)gets(p, size), 'd', buf);
		} else {
			ptc__p_int(c, gets(p, size));
		}
		break;
	case IF_SYSCALL:
		/* The syscall of the arch at offset n, as strace's "__NR_x". */
		n = ptc_sc_name((uint32_t)getu(base + f->n, 4), u);
		if (n != NULL && !c->f->json) {
			char buf[64];

			snprintf(buf, sizeof(buf), "__NR_%s", n);
			ptc__p_xval(c, u, 'u', buf);
		} else {
			ptc__p_uint(c, u);
		}
		break;
	default:
		ptc__p_uint(c, u);
	}
}

/* len bytes at addr, quoted up to -s, or the address. */
static void
ioc_bytes(struct ptc__dc *c, uint64_t addr, uint64_t len, int opt)
{
	unsigned char buf[1024];
	size_t show = c->f->strsize < sizeof(buf) ? c->f->strsize :
	    sizeof(buf);

	if (len < show)
		show = (size_t)len;
	if (!(opt & IO_HEX) || c->f->json) {
		ptc__p_buf(c, addr, len);
		return;
	}
	if (ptc__rdall(c, addr, buf, show) != 0) {
		ptc__p_addr(c, addr);
		return;
	}
	ptc__pre(c);
	ptc__sb_escape(c->o, buf, show, 2);
	if (len > show)
		ptc__sb_puts(c->o, "...");
}

static void
ioc_field(struct ptc__dc *c, const struct ioc_field *f,
    const unsigned char *b, uint64_t addr, const struct ioc_struct *s)
{
	const unsigned char *p = b + f->off;
	size_t show;
	unsigned i;

	switch (f->fmt) {
	case IF_STRUCT:
		ioc_struct(c, f->sub, p, addr + f->off);
		return;
	case IF_UNION: {
		const struct ioc_case *k;
		uint64_t sel = getu(b + s->f[f->n].off, s->f[f->n].size);

		for (k = f->cases; k->name != NULL; k++)
			if (k->val == sel)
				break;
		/* ioc_struct() left the name out: it depends on the case. */
		if (k->name != NULL) {
			ptc__s_field(c, k->name);
			ioc_struct(c, k->s, p, addr + f->off);
		}
		return;
	}
	case IF_ARRAY: {
		uint64_t n = f->n;

		if (f->cnt != 0) {
			const struct ioc_field *cf = &s->f[f->cnt - 1];

			/* a signed count below 0 counts none */
			if (cf->fmt == IF_D && gets(b + cf->off, cf->size) < 0)
				n = 0;
			else if (getu(b + cf->off, cf->size) < n)
				n = getu(b + cf->off, cf->size);
		}
		ptc__l_open(c);
		for (i = 0; i < n; i++) {
			const unsigned char *e = p + (size_t)i * f->size;

			/* the elements a sized request holds */
			if (s->sized && f->off + (size_t)(i + 1) * f->size >
			    ioc_size(c, s))
				break;
			/* as strace's print_array(): -v shows them all */
			if (!c->f->verbose && ptc__arr_full(c, i))
				break;
			if (f->sub != NULL)
				ioc_struct(c, f->sub, e, addr + f->off +
				    (size_t)i * f->size);
			else if (f->fmt2 == IF_FN)
				f->pfn(c, e);
			else
				ioc_value(c, f, f->fmt2, e, f->size, b);
		}
		ptc__l_close(c);
		return;
	}
	case IF_FN:
		f->pfn(c, p);
		return;
	case IF_PTRTO: {
		uint64_t to = getu(p, f->size);

		if (c->wordsize == 4)
			to = (uint32_t)to;
		(void)ioc_at(c, f->sub, to);
		return;
	}
	case IF_DEV: {
		char buf[64];
		uint64_t d = getu(p, f->size);

		snprintf(buf, sizeof(buf), "makedev(%#x, %#x)", major(d),
		    minor(d));
		ptc__p_raw(c, buf);
		return;
	}
	case IF_STRN: {
		const struct ioc_field *cf = &s->f[f->cnt - 1];
		uint64_t n = getu(b + cf->off, cf->size);

		if (n > f->size)
			n = f->size;
		show = n < c->f->strsize ? (size_t)n : c->f->strsize;
		ptc__p_bytes(c, p, show, show < n);
		return;
	}
	case IF_CSTRN: {
		const struct ioc_field *cf = &s->f[f->cnt - 1];
		int64_t n = gets(b + cf->off, cf->size);
		size_t sz = 1 + (size_t)(n < 0 ? 0 : n > f->size - 1 ?
		    f->size - 1 : n);
		size_t len = strnlen((const char *)p, sz);

		ptc__p_bytes(c, p, len == sz ? len - 1 : len, len == sz);
		return;
	}
	case IF_STR: {
		/*
		 * Up to the NUL, or all but the last byte and "..."
		 * without one, -s or not: strace's PRINT_FIELD_CSTRING.
		 */
		size_t len = strnlen((const char *)p, f->size);

		ptc__p_bytes(c, p, len == f->size ? len - 1 : len,
		    len == f->size);
		return;
	}
	case IF_TAILSTR: {
		uint64_t cnt = getu(b + s->f[f->n].off, s->f[f->n].size);

		ioc_bytes(c, addr + f->off, cnt << f->shift, f->opt);
		return;
	}
	case IF_BYTES:
		ptc__pre(c);
		if (c->f->json) {
			ptc__sb_json(c->o, p, f->size);
			return;
		}
		show = f->size < c->f->strsize ? f->size : c->f->strsize;
		ptc__sb_escape(c->o, p, show, (f->opt & IO_HEX) ? 2 :
		    c->f->xstyle);
		if (show < f->size)
			ptc__sb_puts(c->o, "...");
		return;
	case IF_TAIL: {
		uint64_t cnt = getu(b + s->f[f->n].off, s->f[f->n].size);
		uint64_t at = addr + s->size;
		unsigned char e[256];

		if (cnt == 0) {
			ptc__l_open(c);
			ptc__l_close(c);
			return;
		}
		if (f->sub->size > sizeof(e) ||
		    ptc__rdall(c, at, e, f->sub->size) != 0) {
			ptc__p_addr(c, at);
			return;
		}
		ptc__l_open(c);
		for (i = 0; i < cnt; i++, at += f->sub->size) {
			if (ptc__arr_full(c, i))
				break;
			if (i > 0 && ptc__rdall(c, at, e, f->sub->size) != 0) {
				ptc__s_more(c);
				break;
			}
			ioc_struct(c, f->sub, e, at);
		}
		ptc__l_close(c);
		return;
	}
	}
	ioc_value(c, f, f->fmt, p, f->size, b);
}

/*
 * An IO_CHG field at exit: its value at entry, then the new one after
 * " => " when the call succeeded and changed it.
 */
static void
ioc_changed(struct ptc__dc *c, const struct ioc_field *f,
    const unsigned char *b)
{
	unsigned char was[sizeof(c->saved[0])];

	if (!c->saved_ok[IOC_SAVED] || f->size > sizeof(was))
		memcpy(was, b + f->off, f->size);
	else
		memcpy(was, &c->saved[IOC_SAVED], f->size);
	ptc__s_field(c, f->name);
	ioc_value(c, f, f->fmt, was, f->size, b);
	if (c->is_error || c->f->json || memcmp(was, b + f->off, f->size) == 0)
		return;
	ptc__sb_puts(c->o, " => ");
	ptc__sb_puts(c->o, f->name);
	ptc__sb_putc(c->o, '=');
	c->after_field = 1;
	ioc_value(c, f, f->fmt, b + f->off, f->size, b);
}

static void
ioc_struct(struct ptc__dc *c, const struct ioc_struct *s,
    const unsigned char *b, uint64_t addr)
{
	unsigned i;

	if (s->nf == 1 && s->f[0].name == NULL) {
		/* An array or a string is its own brackets. */
		if (s->f[0].fmt == IF_ARRAY || s->f[0].fmt == IF_BYTES) {
			ioc_field(c, &s->f[0], b, addr, s);
			return;
		}
		ptc__l_open(c);
		ioc_field(c, &s->f[0], b, addr, s);
		ptc__l_close(c);
		return;
	}
	if (s->list) {
		ptc__l_open(c);
		for (i = 0; i < s->nf; i++)
			ioc_field(c, &s->f[i], b, addr, s);
		ptc__l_close(c);
		return;
	}
	ptc__s_open(c);
	ptc__ioc_fields(c, s, b, addr);
	ptc__s_close(c);
}

void
ptc__ioc_fields(struct ptc__dc *c, const struct ioc_struct *s,
    const unsigned char *b, uint64_t addr)
{
	size_t shown = 0;
	unsigned i;

	for (i = 0; i < s->nf; i++) {
		const struct ioc_field *cf;

		if (s->brief != 0 && i >= s->brief && !c->f->verbose) {
			ptc__s_more(c);
			return;
		}
		if (s->f[i].name == NULL)
			continue;
		/* a sized request's array ends where the request does */
		if (s->sized && s->f[i].off + s->f[i].size > ioc_size(c, s))
			break;
		shown = s->f[i].off + s->f[i].size;
		if (s->f[i].fmt == IF_UNION) {
			ioc_field(c, &s->f[i], b, addr, s);
			continue;
		}
		if (s->f[i].fmt == IF_MORE) {
			if (!c->f->verbose)
				ptc__s_more(c);
			continue;
		}
		if ((s->f[i].opt & IO_V) && !c->f->verbose)
			continue;
		/* IO_OMIT0's count: an array's own, else field n */
		cf = &s->f[s->f[i].fmt == IF_ARRAY && s->f[i].cnt != 0 ?
		    s->f[i].cnt - 1u : s->f[i].n];
		if ((s->f[i].opt & IO_OMIT0) &&
		    !((s->f[i].opt & IO_VALL) && c->f->verbose) &&
		    getu(b + cf->off, cf->size) == 0)
			continue;
		if ((s->f[i].opt & IO_OK) && (!c->exiting || c->is_error))
			continue;
		if ((s->f[i].opt & IO_CHG) && c->exiting) {
			ioc_changed(c, &s->f[i], b);
			continue;
		}
		if ((s->f[i].opt & IO_NZ) && ioc_zeros(b + s->f[i].off,
		    s->f[i].fmt == IF_ARRAY ? (size_t)s->f[i].size * s->f[i].n :
		    s->f[i].size))
			continue;
		/* A trailing array shows only with -v. */
		if (s->f[i].fmt == IF_TAIL && !c->f->verbose) {
			ptc__s_more(c);
			continue;
		}
		ptc__s_field(c, s->f[i].name);
		ioc_field(c, &s->f[i], b, addr, s);
	}
	/* A request larger than what was shown. */
	if (s->sized && s->f[s->nf - 1].fmt != IF_ARRAY &&
	    (((unsigned)c->a[1] >> 16) & 0x3fff) > shown)
		ptc__s_more(c);
}

void
ptc__ioc_array(struct ptc__dc *c, uint64_t addr, uint64_t n, size_t size,
    void (*fn)(struct ptc__dc *c, const unsigned char *p),
    const struct ioc_struct *s, int more)
{
	unsigned char e[64];
	uint64_t i;

	if (addr == 0 || size > sizeof(e) || (n > 0 &&
	    ptc__rdall(c, addr, e, size) != 0)) {
		ptc__p_addr(c, addr);
		return;
	}
	ptc__l_open(c);
	for (i = 0; i < n; i++) {
		uint64_t at = addr + i * size;

		/* a fault before the -s limit shows */
		if (i > 0 && ptc__rdall(c, at, e, size) != 0) {
			ptc__more_at(c, at);
			break;
		}
		if (ptc__arr_full(c, i))
			break;
		if (fn != NULL)
			fn(c, e);
		else
			ioc_struct(c, s, e, at);
	}
	if (more && i == n)
		ptc__s_more(c);
	ptc__l_close(c);
}

/*
 * The structure s at addr, or its address when it cannot be read (then
 * 0).
 */
static int
ioc_at(struct ptc__dc *c, const struct ioc_struct *s, uint64_t addr)
{
	unsigned char b[8192];
	size_t size = ioc_size(c, s);

	memset(b, 0, sizeof(b));
	/* -e verbose=none: what strace's umove_or_printaddr() shows */
	if (s->size > sizeof(b) || size < s->sized || c->f->noderef ||
	    ptc__rdall(c, addr, b, size) != 0) {
		ptc__p_addr(c, addr);
		return 0;
	}
	ioc_struct(c, s, b, addr);
	return 1;
}

/* The structure s at addr reads as all zero bytes. */
static int
ioc_zero(struct ptc__dc *c, const struct ioc_struct *s, uint64_t addr)
{
	unsigned char b[8192];
	size_t i;

	if (s->size > sizeof(b) || ptc__rdall(c, addr, b, s->size) != 0)
		return 0;
	for (i = 0; i < s->size; i++)
		if (b[i] != 0)
			return 0;
	return 1;
}

static int
ioc_match(const struct ioc_req *r, unsigned cmd)
{
	unsigned m = r->mask != 0 ? r->mask : ~0u;

	return (cmd & m) == (r->cmd & m);
}

void
ptc__ioc_print(struct ptc__dc *c, const struct ioc_struct *s,
    const unsigned char *b, uint64_t addr)
{
	ioc_struct(c, s, b, addr);
}

/* The description of request cmd for this task, or NULL. */
static const struct ioc_req *
ioc_find(const struct ptc__dc *c, unsigned cmd)
{
	size_t i, k;

	for (k = 0; k < sizeof(tabs) / sizeof(tabs[0]); k++) {
		if (tabs[k]->native && (size_t)c->wordsize != sizeof(long))
			continue;
		for (i = 0; i < tabs[k]->n; i++)
			if (ioc_match(&tabs[k]->r[i], cmd))
				return &tabs[k]->r[i];
	}
	return NULL;
}

void
ptc__ioctl_enter(struct ptc__dc *c, unsigned cmd, uint64_t v)
{
	const struct ioc_req *r = ioc_find(c, cmd);
	unsigned k;

	v = ptc__word(c, v);
	c->saved_ok[IOC_SAVED] = 0;
	if (r != NULL && r->how == IR_SPLIT)
		r->fn(c, cmd, v);
	if (r == NULL || v == 0)
		return;
	/* code may compare the argument's first bytes with its exit */
	if (r->how == IR_FN) {
		c->saved[IOC_SAVED] = 0;
		if (ptc__rdall(c, v, &c->saved[IOC_SAVED],
		    sizeof(c->saved[0])) == 0)
			c->saved_ok[IOC_SAVED] = 1;
		return;
	}
	if (r->how != IR_IN)
		return;
	for (k = 0; k < r->in->nf; k++) {
		const struct ioc_field *f = &r->in->f[k];

		if (!(f->opt & IO_CHG) || f->size > sizeof(c->saved[0]))
			continue;
		c->saved[IOC_SAVED] = 0;
		if (ptc__rdall(c, v + f->off, &c->saved[IOC_SAVED],
		    f->size) == 0)
			c->saved_ok[IOC_SAVED] = 1;
		return;
	}
}

int
ptc__ioctl_struct(struct ptc__dc *c, unsigned cmd, uint64_t v)
{
	const struct ioc_req *r = ioc_find(c, cmd);

	if (r == NULL)
		return 0;
	switch (r->how) {
	case IR_VAL: {
		unsigned char b[8];

		memcpy(b, &v, sizeof(b));
		ioc_value(c, &r->in->f[0], r->in->f[0].fmt, b,
		    r->in->f[0].size, b);
		break;
	}
	case IR_ADDR:
		ptc__p_addr(c, v);
		break;
	case IR_FN: case IR_SPLIT:
		r->fn(c, cmd, v);
		break;
	case IR_IN:
		(void)ioc_at(c, r->in, v);
		break;
	case IR_OUT:
		if (c->is_error)
			ptc__p_addr(c, v);
		else
			(void)ioc_at(c, r->out, v);
		break;
	case IR_INOUT_Z:
		if (ioc_zero(c, r->in, v)) {
			if (c->is_error)
				ptc__p_addr(c, v);
			else
				(void)ioc_at(c, r->out, v);
			break;
		}
		if (!ioc_at(c, r->in, v) || c->f->json)
			break;
		ptc__sb_puts(c->o, " => ");
		if (c->is_error)
			ptc__p_addr(c, v);
		else
			(void)ioc_at(c, r->out, v);
		break;
	default:
		/* Nothing more of an argument the kernel could not read. */
		if (!ioc_at(c, r->in, v) || c->is_error || c->f->json)
			break;
		ptc__sb_puts(c->o, " => ");
		(void)ioc_at(c, r->out, v);
	}
	return 1;
}
