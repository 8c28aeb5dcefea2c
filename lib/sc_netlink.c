/*
 * sc_netlink.c: what a program sends to or receives from a netlink
 * socket, as strace shows it: each message's header (its type and flags
 * named after the socket's protocol) and payload, and the attribute
 * chains ({nla_len, nla_type} and a value) inside payloads.
 *
 * The protocol comes from the socket (ptc_os_fdnlproto); a protocol is
 * a row of families[]: its message type names and a payload printer.
 * Which flag names apply (get, new or delete requests) is a property of
 * the message type: the rule of families[] or the rows of nl_ops[].
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <linux/inet_diag.h>
#include <linux/netlink.h>
#include <linux/netfilter/nfnetlink.h>
#include <linux/netfilter/nfnetlink_acct.h>
#include <linux/netfilter/nfnetlink_conntrack.h>
#include <linux/netfilter/nfnetlink_cthelper.h>
#include <linux/netfilter/nfnetlink_cttimeout.h>
#include <linux/netfilter/nf_tables.h>
#include <linux/netfilter/nf_tables_compat.h>
#include <linux/rtnetlink.h>
#include <linux/selinux_netlink.h>
#include <linux/xfrm.h>
#include <sys/socket.h>

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "os.h"
#include "sc_netlink.h"
#include "sc_priv.h"
#include "xlat.h"

#ifndef NETLINK_CRYPTO
#define NETLINK_CRYPTO 21
#endif
#ifndef NFNL_SUBSYS_HOOK
#define NFNL_SUBSYS_HOOK 12
#endif

/* ---- strings ---- */

/* len bytes at addr as a string of \x escapes (-s bounds it). */
void
ptc__nl_hex(struct ptc__dc *c, uint64_t addr, uint64_t len)
{
	size_t show = c->f->strsize < PTC__BUF_MAX ? c->f->strsize :
	    PTC__BUF_MAX;
	char stackbuf[512], *buf = stackbuf;

	if (len < show)
		show = (size_t)len;
	if (show > sizeof(stackbuf) && (buf = malloc(show)) == NULL) {
		ptc__p_addr(c, addr);
		return;
	}
	if (ptc__rdall(c, addr, buf, show) != 0) {
		ptc__p_addr(c, addr);
	} else {
		ptc__pre(c);
		if (c->f->json) {
			ptc__sb_json(c->o, buf, show);
		} else {
			ptc__sb_escape(c->o, buf, show, 2);
			if (len > show)
				ptc__sb_puts(c->o, "...");
		}
	}
	if (buf != stackbuf)
		free(buf);
}

void
ptc__nl_hexmem(struct ptc__dc *c, const void *p, size_t n)
{
	struct ptc_fmt hx = *c->f;
	const struct ptc_fmt *saved = c->f;

	hx.xstyle = 2;
	c->f = &hx;
	ptc__p_bytes(c, p, n, 0);
	c->f = saved;
}

/*
 * n bytes at p that have a text form: the text (-X abbrev), the bytes
 * (raw), or the bytes with the text in a comment (verbose).
 */
static void
styled_bytes(struct ptc__dc *c, const unsigned char *p, size_t n,
    const char *text)
{
	if (ptc__xstyle(c) == PTC_XLAT_ABBREV) {
		ptc__p_raw(c, text);
		return;
	}
	ptc__nl_hexmem(c, p, n);
	/* (an empty text, of an address of no bytes, has no comment) */
	if (ptc__xstyle(c) == PTC_XLAT_VERBOSE && text[0] != '\0')
		ptc__p_comment(c, "%s", text);
}

void
ptc__nl_mac(struct ptc__dc *c, const unsigned char *p, size_t n)
{
	ptc__nl_hwaddr(c, p, n, n);
}

void
ptc__nl_hwaddr(struct ptc__dc *c, const unsigned char *p, size_t n,
    size_t alen)
{
	char mac[3 * 32 + 1] = "";
	size_t i;

	for (i = 0; i < n && i < alen && i < 32; i++)
		snprintf(mac + strlen(mac), sizeof(mac) - strlen(mac), "%s%02x",
		    i ? ":" : "", p[i]);
	styled_bytes(c, p, n, mac);
}

/* An enum value into s: its name, or the number and unknown (-X). */
static char *
senum(const struct ptc__dc *c, char *s, size_t len,
    const struct ptc__xtab *x, uint64_t v, const char *unknown)
{
	const char *n = x != NULL ? ptc__xname(x, v) : NULL;
	int style = ptc__xstyle(c);

	if (n != NULL)
		return ptc__sxval(s, len, style, v, 'x', n);
	if (unknown == NULL || style == PTC_XLAT_RAW)
		snprintf(s, len, "%#" PRIx64, v);
	else
		snprintf(s, len, "%#" PRIx64 " /* %s */", v, unknown);
	return s;
}

/* ---- chains: messages and attributes ---- */

/*
 * A chain of length-prefixed elements (netlink messages, attributes):
 * hdr bytes of header whose first (4-byte or 2-byte) field is the
 * element's length, elements aligned to 4.  el prints one element of
 * at most len bytes whose header is h.  An array when more than one
 * element follows, as strace shows them.
 */
typedef void chain_el(struct ptc__dc *c, const void *h, uint64_t addr,
    uint64_t len, const void *arg);

static void
chain(struct ptc__dc *c, uint64_t addr, uint64_t len, size_t hdr,
    chain_el *el, const void *arg)
{
	unsigned char h[16];
	unsigned elt;
	int arr = 0;

	for (elt = 0;; elt++) {
		uint64_t elen, alen, next = 0, nlen = 0;

		if (len < hdr) {
			ptc__nl_hex(c, addr, len);
			break;
		}
		if (ptc__rdall(c, addr, h, hdr) != 0) {
			if (arr) {
				ptc__more_at(c, addr);
			} else {
				ptc__p_addr(c, addr);
			}
			break;
		}
		if (!c->f->verbose && elt == c->f->strsize) {
			ptc__s_more(c);
			break;
		}
		if (hdr == 16) {
			uint32_t l32;

			memcpy(&l32, h, 4);
			elen = l32;
		} else {
			uint16_t l16;

			memcpy(&l16, h, 2);
			elen = l16;
		}
		alen = (elen + 3) & ~(uint64_t)3;
		if (elen >= hdr) {
			nlen = len >= alen ? len - alen : 0;
			if (nlen != 0 && addr + alen > addr)
				next = addr + alen;
		}
		if (!arr && next != 0) {
			ptc__l_open(c);
			arr = 1;
		}
		el(c, h, addr, len, arg);
		if (next == 0 || c->nreads > PTC__READS_MAX)
			break;
		addr = next;
		len = nlen;
	}
	if (arr)
		ptc__l_close(c);
}

/* ---- structures and attribute values ---- */

static const struct ptc__xtab nl_none = { NULL, 0 };

/* 1 when some bit of v has a name in x. */
static int
known_bits(const struct ptc__xtab *x, uint64_t v)
{
	unsigned i;

	for (i = 0; i < x->n; i++)
		if (x->v[i].val != 0 && (v & x->v[i].val) == x->v[i].val)
			return 1;
	return 0;
}

/*
 * Flags: x's names, 0 (or x's name of 0), or when no bit has a name the
 * number and unknown.
 */
static void
nl_flagval(struct ptc__dc *c, const struct ptc__xtab *x, uint64_t v,
    const char *unknown)
{
	if (v != 0 && !known_bits(x, v))
		ptc__p_enum(c, &nl_none, v, unknown);
	else
		ptc__p_flags(c, x, v, NULL);
}

/*
 * The address family of the payload being shown: attributes holding an
 * address (IFA_ADDRESS, ...) are of that family.
 */
static int nl_cur_family = -1;

/* The kinds (and slave kinds) the chain being shown has named. */
static char nl_kinds[2][16];

static void idx_el(struct ptc__dc *c, uint64_t i, const struct ptc__xtab *x,
    const char *dflt, uint64_t e, int s32);

static uint64_t
field_val(const unsigned char *b, const struct nl_field *f)
{
	uint8_t u8;
	uint16_t u16;
	uint32_t u32;
	uint64_t u64 = 0;

	if (f->type == FT_HEX || f->type == FT_STRUCT || f->type == FT_INADDR ||
	    f->type == FT_U8ARR || f->type == FT_MAC || f->type == FT_HEX_NZ ||
	    f->type == FT_IDX_U64 || f->type == FT_HEX_PREV ||
	    f->type == FT_CSTRING || f->type == FT_STRUCTS)
		return 0;
	switch (f->size) {
	case 1: memcpy(&u8, b + f->off, 1); return u8;
	case 2: memcpy(&u16, b + f->off, 2); return u16;
	case 4: memcpy(&u32, b + f->off, 4); return u32;
	default: memcpy(&u64, b + f->off, 8); return u64;
	}
}

/*
 * A set of bit numbers: 1<<NAME for each bit x names (1<<(NAME-1) when
 * the names count from 1), the rest in hex; -X styles as flags.
 */
static void
bits(struct ptc__dc *c, const struct ptc__xtab *x, uint64_t v, int from1)
{
	char names[512], num[32], out[600];
	size_t n = 0;
	uint64_t rest = v;
	unsigned i;

	names[0] = '\0';
	for (i = 0; i < 64 && n < sizeof(names) - 80; i++) {
		const char *nm;

		if (!(v & (1ull << i)) ||
		    (nm = ptc__xname(x, i + (from1 ? 1 : 0))) == NULL)
			continue;
		n += (size_t)snprintf(names + n, sizeof(names) - n,
		    from1 ? "%s1<<(%s-1)" : "%s1<<%s", n ? "|" : "", nm);
		rest &= ~(1ull << i);
	}
	if (rest != 0 || n == 0)
		snprintf(names + n, sizeof(names) - n, "%s%#" PRIx64,
		    n ? "|" : "", rest);
	snprintf(num, sizeof(num), v ? "%#" PRIx64 : "0", v);
	ptc__p_raw(c, ptc__sxnum(out, sizeof(out), ptc__xstyle(c), num,
	    v != 0 && n != 0 ? names : NULL));
}

void
ptc__nl_fields(struct ptc__dc *c, const unsigned char *b,
    const struct nl_field *f, unsigned n)
{
	unsigned i;
	char buf[64];

	for (i = 0; i < n; i++) {
		uint64_t v = field_val(b, &f[i]);

		if (f[i].type == FT_HEX_NZ) {
			unsigned k;

			for (k = 0; k < f[i].size && b[f[i].off + k] == 0; k++)
				;
			if (k == f[i].size)
				continue;
		}
		if (f[i].type == FT_X_NZ && v == 0)
			continue;
		/* An IPv6 address shows as inet_pton(AF_INET6, "...", &name). */
		if (f[i].type != FT_INADDR || nl_cur_family != AF_INET6 ||
		    ptc__xstyle(c) != PTC_XLAT_ABBREV)
			ptc__s_field(c, f[i].name);
		switch (f[i].type) {
		case FT_U:
			ptc__p_uint(c, v);
			break;
		case FT_D:
			ptc__p_int(c, f[i].size == 1 ? (int8_t)v : f[i].size == 2 ?
			    (int16_t)v : f[i].size == 4 ? (int32_t)v :
			    (int64_t)v);
			break;
		case FT_X:
		case FT_X_NZ:
			ptc__p_hex(c, v);
			break;
		case FT_ENUM:
			ptc__p_enum(c, f[i].x, v, f[i].dflt);
			break;
		case FT_ENUM_V: {
			const char *nm = ptc__xname(f[i].x, v);

			snprintf(buf, sizeof(buf), "%#" PRIx64, v);
			ptc__p_raw(c, buf);
			if (ptc__xstyle(c) != PTC_XLAT_RAW &&
			    (nm != NULL || f[i].dflt != NULL))
				ptc__p_comment(c, "%s", nm != NULL ? nm :
				    f[i].dflt);
			break;
		}
		case FT_ENUM_AF:
			ptc__p_enum(c, ptc__xname(f[i].x, v) != NULL ? f[i].x :
			    f[i].x2 != NULL ? f[i].x2 :
			    &ptc__xt_address_families, v, f[i].dflt);
			break;
		case FT_FLAGS:
			nl_flagval(c, f[i].x, v, f[i].dflt);
			break;
		case FT_IFINDEX:
			ptc__p_ifindex(c, (unsigned)v);
			break;
		case FT_DEV:
			snprintf(buf, sizeof(buf), "makedev(%#x, %#x)",
			    (unsigned)((v >> 8) & 0xfff),
			    (unsigned)((v & 0xff) | ((v >> 12) & 0xfff00)));
			ptc__p_raw(c, buf);
			break;
		case FT_HEX:
		case FT_HEX_NZ:
			ptc__nl_hexmem(c, b + f[i].off, f[i].size);
			break;
		case FT_CSTRING: {
			const unsigned char *p = b + f[i].off;
			const unsigned char *z = memchr(p, 0, f[i].size);

			ptc__p_bytes(c, p, z != NULL ? (size_t)(z - p) :
			    f[i].size, 0);
			break;
		}
		case FT_STRUCTS: {
			unsigned k;

			ptc__l_open(c);
			for (k = 0; k < f[i].size / f[i].sub->size; k++) {
				ptc__s_open(c);
				ptc__nl_fields(c,
				    b + f[i].off + k * f[i].sub->size,
				    f[i].sub->f, f[i].sub->nf);
				ptc__s_close(c);
			}
			ptc__l_close(c);
			break;
		}
		case FT_HEX_PREV: {
			uint64_t cnt = i > 0 ? field_val(b, &f[i - 1]) :
			    f[i].size;

			ptc__nl_hexmem(c, b + f[i].off,
			    cnt < f[i].size ? (size_t)cnt : f[i].size);
			break;
		}
		case FT_MAC:
			ptc__nl_mac(c, b + f[i].off, f[i].size);
			break;
		case FT_U8ARR: {
			unsigned k;

			ptc__l_open(c);
			for (k = 0; k < f[i].size; k++)
				ptc__p_uint(c, b[f[i].off + k]);
			ptc__l_close(c);
			break;
		}
		case FT_HTONS_AF: {
			uint16_t h = (uint16_t)(((v & 0xff) << 8) | (v >> 8));
			const char *an = ptc__xname(&ptc__xt_address_families, h);

			if (an != NULL)
				snprintf(buf, sizeof(buf), "htons(%s)", an);
			else
				snprintf(buf, sizeof(buf), "htons(%u)", h);
			ptc__p_raw(c, buf);
			break;
		}
		case FT_HTONS_X: {
			char nm[96];

			senum(c, nm, sizeof(nm), f[i].x,
			    ((v & 0xff) << 8) | ((v >> 8) & 0xff), f[i].dflt);
			snprintf(buf, sizeof(buf), "htons(%.*s)",
			    (int)sizeof(buf) - 8, nm);
			ptc__p_raw(c, buf);
			break;
		}
		case FT_STRUCT: {
			int saved = nl_cur_family;

			if (f[i].sub->addr_family != 0)
				nl_cur_family = f[i].sub->addr_family;
			ptc__s_open(c);
			ptc__nl_fields(c, b + f[i].off, f[i].sub->f, f[i].sub->nf);
			ptc__s_close(c);
			nl_cur_family = saved;
			break;
		}
		case FT_BITS:
		case FT_BITS1:
			bits(c, f[i].x, v, f[i].type == FT_BITS1);
			break;
		case FT_HTONS:
			/* -X raw: the bytes; verbose: both. */
			snprintf(buf, sizeof(buf), "htons(%u)",
			    (unsigned)(((v & 0xff) << 8) | ((v >> 8) & 0xff)));
			styled_bytes(c, b + f[i].off, 2, buf);
			break;
		case FT_INADDR: {
			char a[INET6_ADDRSTRLEN], t[INET6_ADDRSTRLEN + 48];

			if (nl_cur_family == AF_INET) {
				inet_ntop(AF_INET, b + f[i].off, a, sizeof(a));
				snprintf(t, sizeof(t), "inet_addr(\"%s\")", a);
			} else if (nl_cur_family == AF_INET6) {
				inet_ntop(AF_INET6, b + f[i].off, a, sizeof(a));
				snprintf(t, sizeof(t),
				    "inet_pton(AF_INET6, \"%s\", &%s)", a,
				    f[i].name);
			} else {
				ptc__nl_hexmem(c, b + f[i].off, f[i].size);
				break;
			}
			styled_bytes(c, b + f[i].off, f[i].size, t);
			break;
		}
		case FT_IDX_U64: {
			unsigned k;
			uint64_t e;

			ptc__l_open(c);
			for (k = 0; k < f[i].size / 8u; k++) {
				memcpy(&e, b + f[i].off + 8 * k, 8);
				idx_el(c, k, f[i].x, f[i].dflt, e, 0);
			}
			ptc__l_close(c);
			break;
		}
		case FT_U32X2: {
			uint32_t w[2];

			memcpy(w, b + f[i].off, sizeof(w));
			ptc__l_open(c);
			ptc__p_uint(c, w[0]);
			ptc__p_uint(c, w[1]);
			ptc__l_close(c);
			break;
		}
		}
	}
}

/* A value of a fixed size; 0 when len does not fit it. */
static int
nla_num(struct ptc__dc *c, uint64_t addr, uint64_t len, int kind)
{
	static const unsigned char size[] = {
		[NLA_K_U8] = 1, [NLA_K_U16] = 2, [NLA_K_U32] = 4,
		[NLA_K_U64] = 8, [NLA_K_S32] = 4, [NLA_K_X32] = 4,
		[NLA_K_IFINDEX] = 4, [NLA_K_FD] = 4, [NLA_K_X16] = 2,
	};
	union {
		uint8_t u8;
		uint16_t u16;
		uint32_t u32;
		uint64_t u64;
	} v;

	if (len < size[kind])
		return 0;
	if (ptc__rdall(c, addr, &v, size[kind]) != 0) {
		ptc__p_addr(c, addr);
		return 1;
	}
	switch (kind) {
	case NLA_K_U8: ptc__p_uint(c, v.u8); break;
	case NLA_K_U16: ptc__p_uint(c, v.u16); break;
	case NLA_K_U32: ptc__p_uint(c, v.u32); break;
	case NLA_K_U64: ptc__p_uint(c, v.u64); break;
	case NLA_K_S32: ptc__p_int(c, (int32_t)v.u32); break;
	case NLA_K_IFINDEX: ptc__p_ifindex(c, v.u32); break;
	case NLA_K_FD: ptc__p_fd(c, (int32_t)v.u32); break;
	case NLA_K_X16: ptc__p_hex(c, v.u16); break;
	default: ptc__p_hex(c, v.u32); break;
	}
	return 1;
}

/* [NAME]=e: element i of an array whose indices x names. */
static void
idx_el(struct ptc__dc *c, uint64_t i, const struct ptc__xtab *x,
    const char *dflt, uint64_t e, int s32)
{
	const char *nm = ptc__xname(x, i);
	char buf[96];

	if (nm == NULL && dflt != NULL && ptc__xstyle(c) != PTC_XLAT_RAW)
		snprintf(buf, sizeof(buf) - 40, "%" PRIu64 " /* %s */", i,
		    dflt);
	else
		ptc__sxval(buf, sizeof(buf) - 40, ptc__xstyle(c), i, 'u', nm);
	if (s32)
		snprintf(buf + strlen(buf), 40, "]=%d", (int32_t)e);
	else
		snprintf(buf + strlen(buf), 40, "]=%" PRIu64, e);
	ptc__pre(c);
	if (c->f->json) {
		ptc__sb_json(c->o, buf, strlen(buf));
	} else {
		ptc__sb_putc(c->o, '[');
		ptc__sb_puts(c->o, buf);
	}
}

/* [[NAME]=n, ...]: elements of esize bytes named by their index. */
static void
nla_idx_array(struct ptc__dc *c, uint64_t addr, uint64_t n, size_t esize,
    const struct ptc__xtab *x, const char *dflt)
{
	uint64_t i;

	ptc__l_open(c);
	for (i = 0; i < n; i++) {
		uint64_t e = 0;

		if (!c->f->verbose && i == c->f->strsize) {
			ptc__s_more(c);
			break;
		}
		if (ptc__rdall(c, addr + i * esize, &e, esize) != 0) {
			ptc__more_at(c, addr + i * esize);
			break;
		}
		idx_el(c, i, x, dflt, e, esize == 4);
	}
	ptc__l_close(c);
}

/* An array of n elements of esize bytes (strace's print_array). */
static void
nla_array(struct ptc__dc *c, uint64_t addr, uint64_t n, size_t esize)
{
	uint64_t i;

	ptc__l_open(c);
	for (i = 0; i < n; i++) {
		uint64_t e = 0;

		if (!c->f->verbose && i == c->f->strsize) {
			ptc__s_more(c);
			break;
		}
		if (ptc__rdall(c, addr + i * esize, &e, esize) != 0) {
			ptc__more_at(c, addr + i * esize);
			break;
		}
		if (esize == 8)
			ptc__p_hex(c, e);
		else
			ptc__p_uint(c, e);
	}
	ptc__l_close(c);
}

/*
 * An address of family fam in len bytes at addr, the field name of a
 * structure st: its text when the family is IPv4's or IPv6's and the
 * bytes hold one, else the bytes.
 */
static void
addr_after(struct ptc__dc *c, const struct nl_struct *st, int fam,
    uint64_t addr, uint64_t len)
{
	unsigned char a[16];
	size_t need = fam == AF_INET ? 4 : fam == AF_INET6 ? 16 : 0;

	if (need != 0 && len >= need && ptc__rdall(c, addr, a, need) == 0) {
		const struct nl_field f = { st->addr_tail, 0,
		    (unsigned char)need, FT_INADDR, NULL, NULL, NULL, NULL };
		int saved = nl_cur_family;

		nl_cur_family = fam;
		ptc__nl_fields(c, a, &f, 1);
		nl_cur_family = saved;
		return;
	}
	ptc__s_field(c, st->addr_tail);
	if (need != 0 && len >= need)
		ptc__p_addr(c, addr);
	else
		ptc__nl_hex(c, addr, len);
}

/*
 * A chain of structures whose first field is a 16-bit length (struct
 * rtnexthop), each followed by the attributes of st->attrs; the whole
 * structure shows whatever its length says.
 */
static void
nh_chain(struct ptc__dc *c, uint64_t addr, uint64_t len,
    const struct nl_struct *st)
{
	unsigned char b[256];
	uint64_t cur = addr, left = len;
	uint64_t off = (st->size + 3) & ~3u;
	unsigned n = 0;
	int arr = 0;

	for (;;) {
		uint16_t l16;
		uint64_t l, al;

		if (st->size > sizeof(b) ||
		    ptc__rdall(c, cur, b, st->size) != 0) {
			ptc__p_addr(c, cur);
			break;
		}
		memcpy(&l16, b, 2);
		l = l16 < left ? l16 : left;
		if (cur == addr && l16 < len) {
			ptc__l_open(c);
			arr = 1;
		}
		if (l > off)
			ptc__l_open(c);
		ptc__s_open(c);
		ptc__nl_fields(c, b, st->f, st->nf);
		ptc__s_close(c);
		if (l > off) {
			ptc__nl_attrs(c, cur + off, l - off, st->attrs);
			ptc__l_close(c);
		}
		al = (l + 3) & ~(uint64_t)3;
		if (al >= left || al == 0 || c->nreads > PTC__READS_MAX)
			break;
		if (!c->f->verbose && ++n == c->f->strsize) {
			ptc__s_more(c);
			break;
		}
		cur += al;
		left -= al;
	}
	if (arr)
		ptc__l_close(c);
}

/* n structures st in an array (strace's print_array). */
static void
struct_array(struct ptc__dc *c, uint64_t addr, uint64_t n,
    const struct nl_struct *st)
{
	unsigned char b[256];
	uint64_t i;

	ptc__l_open(c);
	for (i = 0; i < n && st->size <= sizeof(b); i++) {
		if (!c->f->verbose && i == c->f->strsize) {
			ptc__s_more(c);
			break;
		}
		if (ptc__rdall(c, addr + i * st->size, b, st->size) != 0) {
			ptc__more_at(c, addr + i * st->size);
			break;
		}
		ptc__s_open(c);
		ptc__nl_fields(c, b, st->f, st->nf);
		ptc__s_close(c);
	}
	ptc__l_close(c);
}

static void
nla_value(struct ptc__dc *c, const struct nla_val *v, uint64_t addr,
    uint64_t len)
{
	switch (v->kind) {
	case NLA_K_STR: {
		char buf[PTC__STR_MAX];
		size_t n = len < sizeof(buf) ? (size_t)len : sizeof(buf), show;
		int nul;

		if (ptc__rdall(c, addr, buf, n) != 0) {
			ptc__p_addr(c, addr);
			return;
		}
		/* A terminating NUL is expected; without one, "..." follows. */
		nul = n == len && buf[n - 1] == '\0';
		if (nul)
			n--;
		show = n < c->f->strsize ? n : c->f->strsize;
		ptc__p_bytes(c, buf, show, !nul || show < n);
		return;
	}
	case NLA_K_INADDR:
	case NLA_K_IN4ADDR:
	case NLA_K_IN6ADDR: {
		unsigned char a[16];
		char txt[INET6_ADDRSTRLEN], buf[INET6_ADDRSTRLEN + 32];
		int fam = v->kind == NLA_K_IN4ADDR ? AF_INET :
		    v->kind == NLA_K_IN6ADDR ? AF_INET6 : nl_cur_family;
		size_t need = fam == AF_INET ? 4 : fam == AF_INET6 ? 16 : 0;

		if (need == 0 || len < need)
			break;
		if (ptc__rdall(c, addr, a, need) != 0) {
			ptc__p_addr(c, addr);
			return;
		}
		inet_ntop(fam, a, txt, sizeof(txt));
		if (need == 4)
			snprintf(buf, sizeof(buf), "inet_addr(\"%s\")", txt);
		else
			snprintf(buf, sizeof(buf), "inet_pton(AF_INET6, \"%s\")",
			    txt);
		styled_bytes(c, a, need, buf);
		return;
	}
	case NLA_K_BYTES:
		ptc__p_buf(c, addr, len);
		return;
	case NLA_K_NESTED:
		ptc__nl_attrs(c, addr, len, v->p);
		return;
	case NLA_K_LEAD: {
		const struct nla_lead *ld = v->p;
		uint64_t off = (ld->size + 3) & ~3u;

		if (len < ld->size)
			break;
		nla_value(c, &ld->first, addr, ld->size);
		if (len > off)
			ptc__nl_attrs(c, addr + off, len - off, ld->rest);
		return;
	}
	case NLA_K_BE64: {
		uint64_t be;
		char buf[48];

		if (len < 8)
			break;
		if (ptc__rdall(c, addr, &be, 8) != 0) {
			ptc__p_addr(c, addr);
			return;
		}
		snprintf(buf, sizeof(buf), "htobe64(%" PRIu64 ")",
		    __builtin_bswap64(be));
		ptc__p_raw(c, buf);
		return;
	}
	case NLA_K_CLOCK: {
		uint64_t t = 0;
		char buf[64];

		/* Any size up to 8 bytes (strace reads it as such). */
		if (len > 8)
			break;
		if (ptc__rdall(c, addr, &t, (size_t)len) != 0) {
			ptc__p_addr(c, addr);
			return;
		}
		ptc__p_uint(c, t);
		if (t != 0 && ptc__xstyle(c) != PTC_XLAT_RAW) {
			snprintf(buf, sizeof(buf), "%" PRIu64 ".%02u s",
			    t / 100, (unsigned)(t % 100));
			ptc__p_comment(c, "%s", buf);
		}
		return;
	}
	case NLA_K_STRUCT: {
		const struct nl_struct *st = v->p;
		unsigned char b[256];
		size_t n = len < st->size ? (size_t)len : st->size;
		unsigned nf = 0;

		if (len < (st->min ? st->min : st->size) ||
		    st->size > sizeof(b))
			break;
		if (ptc__rdall(c, addr, b, n) != 0) {
			ptc__p_addr(c, addr);
			return;
		}
		/* A shorter (older) structure: the fields it has. */
		while (nf < st->nf && st->f[nf].off + st->f[nf].size <= n)
			nf++;
		ptc__s_open(c);
		ptc__nl_fields(c, b, st->f, nf);
		if (st->addr_tail != NULL && len > st->size)
			addr_after(c, st, (int)field_val(b, &st->f[0]),
			    addr + st->size, len - st->size);
		ptc__s_close(c);
		if (st->tail && len > st->size)
			ptc__nl_hex(c, addr + st->size, len - st->size);
		return;
	}
	case NLA_K_NH_CHAIN:
		if (len < ((const struct nl_struct *)v->p)->size)
			break;
		nh_chain(c, addr, len, v->p);
		return;
	case NLA_K_MAC: {
		unsigned char b[32];

		if (len > sizeof(b))
			break;
		if (ptc__rdall(c, addr, b, (size_t)len) != 0)
			ptc__p_addr(c, addr);
		else
			ptc__nl_mac(c, b, (size_t)len);
		return;
	}
	case NLA_K_TAGGED: {
		const struct nla_tagged *tg = v->p;
		static const struct nla_val hex = { .kind = NLA_K_HEX };
		const struct nla_val *nv = &hex;
		struct nla_val head = { .kind = NLA_K_STRUCT, .p = tg->head };
		uint8_t tag;
		unsigned k;

		if (len < tg->head->size)
			break;
		if (ptc__rdall(c, addr, &tag, 1) != 0) {
			ptc__p_addr(c, addr);
			return;
		}
		nla_value(c, &head, addr, tg->head->size);
		if (len == tg->head->size)
			return;
		for (k = 0; k < tg->n; k++)
			if (tg->cases[k].tag == tag)
				nv = &tg->cases[k].v;
		nla_value(c, nv, addr + tg->head->size, len - tg->head->size);
		return;
	}
	case NLA_K_BPF:
		if (len / 8 == 0 || len / 8 > 0xffff)
			break;
		ptc__p_bpf_insns(c, addr, (unsigned)(len / 8));
		return;
	case NLA_K_KINDS:
		memset(nl_kinds, 0, sizeof(nl_kinds));
		ptc__nl_attrs(c, addr, len, v->p);
		return;
	case NLA_K_KIND: {
		char *k = nl_kinds[v->size & 1];
		size_t n = len < sizeof(nl_kinds[0]) - 1 ? (size_t)len :
		    sizeof(nl_kinds[0]) - 1;
		static const struct nla_val str = { .kind = NLA_K_STR };

		memset(k, 0, sizeof(nl_kinds[0]));
		if (ptc__rdall(c, addr, k, n) != 0)
			memset(k, 0, sizeof(nl_kinds[0]));
		nla_value(c, &str, addr, len);
		return;
	}
	case NLA_K_BY_KIND: {
		const struct nla_by_kind *bk;

		for (bk = v->p; bk->kind != NULL; bk++)
			if (strcmp(bk->kind, nl_kinds[v->size & 1]) == 0) {
				nla_value(c, &bk->v, addr, len);
				return;
			}
		break;
	}
	case NLA_K_UID: {
		uint32_t id;

		if (len < 4)
			break;
		if (ptc__rdall(c, addr, &id, 4) != 0)
			ptc__p_addr(c, addr);
		else if (id == UINT32_MAX)
			ptc__p_int(c, -1);
		else
			ptc__p_uint(c, id);
		return;
	}
	case NLA_K_BE16:
	case NLA_K_BE16X: {
		uint16_t be;
		char nm[96], buf[112];

		if (len < 2)
			break;
		if (ptc__rdall(c, addr, &be, 2) != 0) {
			ptc__p_addr(c, addr);
			return;
		}
		/* A number, or a name of x. */
		if (v->kind == NLA_K_BE16)
			snprintf(nm, sizeof(nm), "%u", (unsigned)ntohs(be));
		else
			senum(c, nm, sizeof(nm), v->x, ntohs(be), v->dflt);
		snprintf(buf, sizeof(buf), "htons(%s)", nm);
		ptc__p_raw(c, buf);
		return;
	}
	case NLA_K_ARR_STRUCT: {
		const struct nl_struct *st = v->p;

		if (len / st->size == 0)
			break;
		struct_array(c, addr, len / st->size, st);
		return;
	}
	case NLA_K_IDX32:
	case NLA_K_IDX64: {
		size_t es = v->kind == NLA_K_IDX32 ? 4 : 8;

		if (len / es == 0)
			break;
		nla_idx_array(c, addr, len / es, es, v->x, v->dflt);
		return;
	}
	case NLA_K_BY_FAMILY: {
		const struct nla_by_family *bf;

		for (bf = v->p; bf->family >= 0; bf++)
			if (bf->family == nl_cur_family ||
			    bf->family == NL_ANY_FAMILY) {
				ptc__nl_attrs(c, addr, len, bf->set);
				return;
			}
		break;
	}
	case NLA_K_ENUM:
	case NLA_K_FLAGS: {
		uint64_t n = 0;

		/* size 0: as many bytes as there are, up to 8. */
		if (len < v->size || len > 8 || len == 0)
			break;
		if (ptc__rdall(c, addr, &n,
		    v->size ? v->size : (size_t)len) != 0)
			ptc__p_addr(c, addr);
		else if (v->kind == NLA_K_ENUM)
			ptc__p_enum(c, v->x, n, v->dflt);
		else
			nl_flagval(c, v->x, n, v->dflt);
		return;
	}
	case NLA_K_ARR_U32:
	case NLA_K_ARR_U8:
	case NLA_K_ARR_U16:
	case NLA_K_ARR_X64: {
		size_t es = v->kind == NLA_K_ARR_U32 ? 4 :
		    v->kind == NLA_K_ARR_X64 ? 8 :
		    v->kind == NLA_K_ARR_U16 ? 2 : 1;

		if (len / es == 0)
			break;
		nla_array(c, addr, len / es, es);
		return;
	}
	case NLA_K_HEX:
		break;
	default:
		if (nla_num(c, addr, len, v->kind))
			return;
		break;
	}
	ptc__nl_hex(c, addr, len);
}

static void
nla_el(struct ptc__dc *c, const void *h, uint64_t addr, uint64_t len,
    const void *arg)
{
	const struct nla_set *set = arg;
	struct nlattr nla;
	uint64_t n;
	unsigned t;
	char buf[160], *p = buf;

	memcpy(&nla, h, sizeof(nla));
	n = nla.nla_len < len ? nla.nla_len : len;
	t = nla.nla_type & NLA_TYPE_MASK;
	if (n > NLA_HDRLEN)
		ptc__l_open(c);
	ptc__s_open(c);
	ptc__s_field(c, "nla_len");
	ptc__p_uint(c, nla.nla_len);
	ptc__s_field(c, "nla_type");
	buf[0] = '\0';
	if (nla.nla_type & NLA_F_NESTED)
		p += strlen(ptc__sxval(p, sizeof(buf), ptc__xstyle(c),
		    NLA_F_NESTED, 'x', "NLA_F_NESTED")), *p++ = '|';
	if (nla.nla_type & NLA_F_NET_BYTEORDER)
		p += strlen(ptc__sxval(p, sizeof(buf) - (size_t)(p - buf),
		    ptc__xstyle(c), NLA_F_NET_BYTEORDER, 'x',
		    "NLA_F_NET_BYTEORDER")), *p++ = '|';
	senum(c, p, sizeof(buf) - (size_t)(p - buf), set->names, t, set->dflt);
	ptc__p_raw(c, buf);
	ptc__s_close(c);
	if (n > NLA_HDRLEN) {
		static const struct nla_val hex = { .kind = NLA_K_HEX };

		nla_value(c, t < set->n ? &set->v[t] : &hex, addr + NLA_HDRLEN,
		    n - NLA_HDRLEN);
		ptc__l_close(c);
	}
}

void
ptc__nl_attrs(struct ptc__dc *c, uint64_t addr, uint64_t len,
    const struct nla_set *set)
{
	chain(c, addr, len, NLA_HDRLEN, nla_el, set);
}

/* ---- message types and flags ---- */

struct nl_family;
typedef int nl_payload(struct ptc__dc *c, int fam,
    const struct nlmsghdr *h, uint64_t addr, uint64_t len);

static nl_payload pl_route, pl_sock_diag, pl_selinux, pl_netfilter;

enum { OP_NONE, OP_NEW, OP_DEL, OP_GET, OP_RULE_ROUTE };

struct nl_family {
	const struct ptc__xtab *types;
	const char *dflt;
	nl_payload *payload;
	int op;                 /* OP_GET: every type; OP_RULE_ROUTE */
};

static const struct nl_family families[] = {
	[NETLINK_ROUTE] = { &ptc__xt_nl_route_types, "RTM_???", pl_route,
	    OP_RULE_ROUTE },
	[NETLINK_SOCK_DIAG] = { &ptc__xt_nl_sock_diag_types, "SOCK_DIAG_???",
	    pl_sock_diag, OP_GET },
	[NETLINK_XFRM] = { &ptc__xt_nl_xfrm_types, "XFRM_MSG_???", NULL,
	    OP_NONE },
	[NETLINK_SELINUX] = { &ptc__xt_nl_selinux_types, "SELNL_MSG_???",
	    pl_selinux, OP_NONE },
	[NETLINK_AUDIT] = { &ptc__xt_nl_audit_types, "AUDIT_???", NULL,
	    OP_NONE },
	[NETLINK_NETFILTER] = { &ptc__xt_nl_netfilter_subsys_ids,
	    "NFNL_SUBSYS_???", pl_netfilter, OP_NONE },
	[NETLINK_GENERIC] = { &nl_none, "GENERIC_FAMILY_???", NULL, OP_NONE },
	[NETLINK_CRYPTO] = { &ptc__xt_nl_crypto_types, "CRYPTO_MSG_???", NULL,
	    OP_NONE },
};
#define NFAMILIES (int)(sizeof(families) / sizeof(families[0]))

/* Netfilter's subsystems: the names of their message types. */
static const struct {
	const struct ptc__xtab *types;
	const char *dflt;
} nf_subsys[] = {
	[NFNL_SUBSYS_CTNETLINK] = { &ptc__xt_nf_ctnetlink_msg_types,
	    "IPCTNL_MSG_CT_???" },
	[NFNL_SUBSYS_CTNETLINK_EXP] = { &ptc__xt_nf_ctnetlink_exp_msg_types,
	    "IPCTNL_MSG_EXP_???" },
	[NFNL_SUBSYS_QUEUE] = { &ptc__xt_nf_queue_msg_types, "NFQNL_MSG_???" },
	[NFNL_SUBSYS_ULOG] = { &ptc__xt_nf_ulog_msg_types, "NFULNL_MSG_???" },
	[NFNL_SUBSYS_OSF] = { &ptc__xt_nf_osf_msg_types, "OSF_MSG_???" },
	[NFNL_SUBSYS_IPSET] = { &ptc__xt_nf_ipset_msg_types, "IPSET_CMD_???" },
	[NFNL_SUBSYS_ACCT] = { &ptc__xt_nf_acct_msg_types,
	    "NFNL_MSG_ACCT_???" },
	[NFNL_SUBSYS_CTNETLINK_TIMEOUT] = { &ptc__xt_nf_cttimeout_msg_types,
	    "IPCTNL_MSG_TIMEOUT_???" },
	[NFNL_SUBSYS_CTHELPER] = { &ptc__xt_nf_cthelper_msg_types,
	    "NFNL_MSG_CTHELPER_???" },
	[NFNL_SUBSYS_NFTABLES] = { &ptc__xt_nf_nftables_msg_types,
	    "NFT_MSG_???" },
	[NFNL_SUBSYS_NFT_COMPAT] = { &ptc__xt_nf_nft_compat_msg_types,
	    "NFNL_MSG_COMPAT_???" },
	[NFNL_SUBSYS_HOOK] = { &ptc__xt_nf_hook_msg_types,
	    "NFT_MSG_HOOK_???" },
};

#define NF(s, t) ((NFNL_SUBSYS_##s << 8) | (t))

/* Message types whose flags are a request's of one kind. */
static const struct {
	int fam;
	unsigned type;
	int op;
} nl_ops[] = {
	{ NETLINK_XFRM, XFRM_MSG_NEWSA, OP_NEW },
	{ NETLINK_XFRM, XFRM_MSG_NEWPOLICY, OP_NEW },
	{ NETLINK_XFRM, XFRM_MSG_NEWAE, OP_NEW },
	{ NETLINK_XFRM, XFRM_MSG_NEWSADINFO, OP_NEW },
	{ NETLINK_XFRM, XFRM_MSG_NEWSPDINFO, OP_NEW },
	{ NETLINK_XFRM, XFRM_MSG_DELSA, OP_DEL },
	{ NETLINK_XFRM, XFRM_MSG_DELPOLICY, OP_DEL },
	{ NETLINK_XFRM, XFRM_MSG_GETSA, OP_GET },
	{ NETLINK_XFRM, XFRM_MSG_GETPOLICY, OP_GET },
	{ NETLINK_XFRM, XFRM_MSG_GETAE, OP_GET },
	{ NETLINK_XFRM, XFRM_MSG_GETSADINFO, OP_GET },
	{ NETLINK_XFRM, XFRM_MSG_GETSPDINFO, OP_GET },
	{ NETLINK_CRYPTO, 0x13, OP_NEW },       /* CRYPTO_MSG_NEWALG */
	{ NETLINK_CRYPTO, 0x14, OP_DEL },       /* CRYPTO_MSG_DELALG */
	{ NETLINK_CRYPTO, 0x17, OP_DEL },       /* CRYPTO_MSG_DELRNG */
	{ NETLINK_CRYPTO, 0x16, OP_GET },       /* CRYPTO_MSG_GETALG */
	{ NETLINK_NETFILTER, NF(CTNETLINK, IPCTNL_MSG_CT_NEW), OP_NEW },
	{ NETLINK_NETFILTER, NF(CTNETLINK, IPCTNL_MSG_CT_GET), OP_GET },
	{ NETLINK_NETFILTER, NF(CTNETLINK, IPCTNL_MSG_CT_GET_CTRZERO), OP_GET },
	{ NETLINK_NETFILTER, NF(CTNETLINK, IPCTNL_MSG_CT_GET_STATS_CPU),
	    OP_GET },
	{ NETLINK_NETFILTER, NF(CTNETLINK, IPCTNL_MSG_CT_GET_STATS), OP_GET },
	{ NETLINK_NETFILTER, NF(CTNETLINK, IPCTNL_MSG_CT_GET_DYING), OP_GET },
	{ NETLINK_NETFILTER, NF(CTNETLINK, IPCTNL_MSG_CT_GET_UNCONFIRMED),
	    OP_GET },
	{ NETLINK_NETFILTER, NF(CTNETLINK, IPCTNL_MSG_CT_DELETE), OP_DEL },
	{ NETLINK_NETFILTER, NF(CTNETLINK_EXP, IPCTNL_MSG_EXP_NEW), OP_NEW },
	{ NETLINK_NETFILTER, NF(CTNETLINK_EXP, IPCTNL_MSG_EXP_GET), OP_GET },
	{ NETLINK_NETFILTER, NF(CTNETLINK_EXP, IPCTNL_MSG_EXP_GET_STATS_CPU),
	    OP_GET },
	{ NETLINK_NETFILTER, NF(CTNETLINK_EXP, IPCTNL_MSG_EXP_DELETE), OP_DEL },
	{ NETLINK_NETFILTER, NF(ACCT, NFNL_MSG_ACCT_NEW), OP_NEW },
	{ NETLINK_NETFILTER, NF(ACCT, NFNL_MSG_ACCT_GET), OP_GET },
	{ NETLINK_NETFILTER, NF(ACCT, NFNL_MSG_ACCT_GET_CTRZERO), OP_GET },
	{ NETLINK_NETFILTER, NF(ACCT, NFNL_MSG_ACCT_DEL), OP_DEL },
	{ NETLINK_NETFILTER, NF(CTNETLINK_TIMEOUT, IPCTNL_MSG_TIMEOUT_NEW),
	    OP_NEW },
	{ NETLINK_NETFILTER, NF(CTNETLINK_TIMEOUT, IPCTNL_MSG_TIMEOUT_GET),
	    OP_GET },
	{ NETLINK_NETFILTER, NF(CTNETLINK_TIMEOUT, IPCTNL_MSG_TIMEOUT_DELETE),
	    OP_DEL },
	{ NETLINK_NETFILTER, NF(CTHELPER, NFNL_MSG_CTHELPER_NEW), OP_NEW },
	{ NETLINK_NETFILTER, NF(CTHELPER, NFNL_MSG_CTHELPER_GET), OP_GET },
	{ NETLINK_NETFILTER, NF(CTHELPER, NFNL_MSG_CTHELPER_DEL), OP_DEL },
	{ NETLINK_NETFILTER, NF(NFTABLES, NFT_MSG_NEWTABLE), OP_NEW },
	{ NETLINK_NETFILTER, NF(NFTABLES, NFT_MSG_NEWCHAIN), OP_NEW },
	{ NETLINK_NETFILTER, NF(NFTABLES, NFT_MSG_NEWRULE), OP_NEW },
	{ NETLINK_NETFILTER, NF(NFTABLES, NFT_MSG_NEWSET), OP_NEW },
	{ NETLINK_NETFILTER, NF(NFTABLES, NFT_MSG_NEWSETELEM), OP_NEW },
	{ NETLINK_NETFILTER, NF(NFTABLES, NFT_MSG_NEWGEN), OP_NEW },
	{ NETLINK_NETFILTER, NF(NFTABLES, NFT_MSG_NEWOBJ), OP_NEW },
	{ NETLINK_NETFILTER, NF(NFTABLES, NFT_MSG_NEWFLOWTABLE), OP_NEW },
	{ NETLINK_NETFILTER, NF(NFTABLES, NFT_MSG_GETTABLE), OP_GET },
	{ NETLINK_NETFILTER, NF(NFTABLES, NFT_MSG_GETCHAIN), OP_GET },
	{ NETLINK_NETFILTER, NF(NFTABLES, NFT_MSG_GETRULE), OP_GET },
	{ NETLINK_NETFILTER, NF(NFTABLES, NFT_MSG_GETSET), OP_GET },
	{ NETLINK_NETFILTER, NF(NFTABLES, NFT_MSG_GETSETELEM), OP_GET },
	{ NETLINK_NETFILTER, NF(NFTABLES, NFT_MSG_GETGEN), OP_GET },
	{ NETLINK_NETFILTER, NF(NFTABLES, NFT_MSG_GETOBJ), OP_GET },
	{ NETLINK_NETFILTER, NF(NFTABLES, NFT_MSG_GETOBJ_RESET), OP_GET },
	{ NETLINK_NETFILTER, NF(NFTABLES, NFT_MSG_GETFLOWTABLE), OP_GET },
	{ NETLINK_NETFILTER, NF(NFTABLES, NFT_MSG_DELTABLE), OP_DEL },
	{ NETLINK_NETFILTER, NF(NFTABLES, NFT_MSG_DELCHAIN), OP_DEL },
	{ NETLINK_NETFILTER, NF(NFTABLES, NFT_MSG_DELRULE), OP_DEL },
	{ NETLINK_NETFILTER, NF(NFTABLES, NFT_MSG_DELSET), OP_DEL },
	{ NETLINK_NETFILTER, NF(NFTABLES, NFT_MSG_DELSETELEM), OP_DEL },
	{ NETLINK_NETFILTER, NF(NFTABLES, NFT_MSG_DELOBJ), OP_DEL },
	{ NETLINK_NETFILTER, NF(NFTABLES, NFT_MSG_DELFLOWTABLE), OP_DEL },
	{ NETLINK_NETFILTER, NF(NFT_COMPAT, NFNL_MSG_COMPAT_GET), OP_GET },
	{ NETLINK_NETFILTER, NF(HOOK, 0), OP_GET },     /* NFNL_MSG_HOOK_GET */
};

static const struct nl_family *
family(int fam)
{
	return fam >= 0 && fam < NFAMILIES && families[fam].types != NULL ?
	    &families[fam] : NULL;
}

/* The generic netlink families, asked of the kernel once. */
static const struct ptc__xtab *
genl_families(void)
{
	static struct ptc_os_genl fams[128];
	static struct ptc__xlat v[128];
	static struct ptc__xtab x = { v, 0 };
	static int asked;
	int i, n;

	if (!asked) {
		asked = 1;
		n = ptc_os_genl_families(fams, 128);
		for (i = 0; i < n; i++) {
			v[i].val = fams[i].id;
			v[i].name = fams[i].name;
		}
		x.n = n > 0 ? (unsigned)n : 0;
	}
	return &x;
}

static void
nl_type(struct ptc__dc *c, int fam, unsigned type)
{
	const struct nl_family *f = family(fam);
	char buf[200], sub[96];
	unsigned ss = type >> 8;

	if (type < NLMSG_MIN_TYPE || f == NULL) {
		ptc__p_raw(c, senum(c, buf, sizeof(buf), &ptc__xt_netlink_types,
		    type, "NLMSG_???"));
		return;
	}
	if (fam == NETLINK_GENERIC) {
		ptc__p_raw(c, senum(c, buf, sizeof(buf), genl_families(), type,
		    f->dflt));
		return;
	}
	if (fam != NETLINK_NETFILTER ||
	    ptc__xname(&ptc__xt_nl_netfilter_msg_types, type) != NULL) {
		ptc__p_raw(c, senum(c, buf, sizeof(buf),
		    fam == NETLINK_NETFILTER ?
		    &ptc__xt_nl_netfilter_msg_types : f->types, type,
		    f->dflt));
		return;
	}
	/* Netfilter's: a subsystem in the high byte, its type in the low. */
	senum(c, buf, sizeof(buf) / 2, f->types, ss, f->dflt);
	if (ss < sizeof(nf_subsys) / sizeof(nf_subsys[0]) &&
	    nf_subsys[ss].types != NULL)
		senum(c, sub, sizeof(sub), nf_subsys[ss].types, type & 0xff,
		    nf_subsys[ss].dflt);
	else
		snprintf(sub, sizeof(sub), "%#x", type & 0xff);
	snprintf(buf + strlen(buf), sizeof(buf) - strlen(buf), "<<8|%s", sub);
	ptc__p_raw(c, buf);
}

static void
nl_flags(struct ptc__dc *c, int fam, unsigned type, unsigned flags)
{
	const struct nl_family *f = family(fam);
	const struct ptc__xtab *more = NULL;
	struct ptc__xlat all[16];
	struct ptc__xtab x = { all, 0 };
	char buf[256];
	unsigned i;
	int op = OP_NONE;

	if (type == NLMSG_ERROR)
		more = &ptc__xt_netlink_ack_flags;
	else if (type >= NLMSG_MIN_TYPE && f != NULL) {
		op = f->op;
		if (op == OP_RULE_ROUTE)
			op = type == RTM_DELACTION ? OP_GET :
			    (type & 3) == 0 ? OP_NEW : (type & 3) == 1 ?
			    OP_DEL : (type & 3) == 2 ? OP_GET : OP_NONE;
		for (i = 0; i < sizeof(nl_ops) / sizeof(nl_ops[0]); i++)
			if (nl_ops[i].fam == fam && nl_ops[i].type == type)
				op = nl_ops[i].op;
		more = op == OP_NEW ? &ptc__xt_netlink_new_flags :
		    op == OP_DEL ? &ptc__xt_netlink_delete_flags :
		    op == OP_GET ? &ptc__xt_netlink_get_flags : NULL;
	}
	/* The common flags first, then the kind's. */
	for (i = 0; i < ptc__xt_netlink_flags.n && x.n < 16; i++)
		all[x.n++] = ptc__xt_netlink_flags.v[i];
	for (i = 0; more != NULL && i < more->n && x.n < 16; i++)
		all[x.n++] = more->v[i];
	ptc__p_raw(c, ptc__xsflags(c, buf, sizeof(buf), &x, flags, NULL));
}

static void
nl_header(struct ptc__dc *c, int fam, const struct nlmsghdr *h)
{
	ptc__s_open(c);
	ptc__s_field(c, "nlmsg_len");
	ptc__p_uint(c, h->nlmsg_len);
	ptc__s_field(c, "nlmsg_type");
	nl_type(c, fam, h->nlmsg_type);
	ptc__s_field(c, "nlmsg_flags");
	nl_flags(c, fam, h->nlmsg_type, h->nlmsg_flags);
	ptc__s_field(c, "nlmsg_seq");
	ptc__p_uint(c, h->nlmsg_seq);
	ptc__s_field(c, "nlmsg_pid");
	ptc__p_pid(c, h->nlmsg_pid, PTC__PID_TGID);
	ptc__s_close(c);
}

/* ---- messages ---- */

static void message(struct ptc__dc *c, int fam, const struct nlmsghdr *h,
    uint64_t addr, uint64_t len);

static const struct nla_val nlmsgerr_vals[] = {
	[NLMSGERR_ATTR_MSG] = { .kind = NLA_K_STR },
	[NLMSGERR_ATTR_OFFS] = { .kind = NLA_K_U32 },
	[NLMSGERR_ATTR_COOKIE] = { .kind = NLA_K_ARR_U8 },
};
static const struct nla_set nlmsgerr_set = NLA_SET(&ptc__xt_nlmsgerr_attrs,
    "NLMSGERR_ATTR_???", nlmsgerr_vals);

static void
nlmsgerr(struct ptc__dc *c, int fam, const struct nlmsghdr *h,
    uint64_t addr, uint64_t len)
{
	struct nlmsgerr e;
	uint64_t in, pl;
	char buf[64];
	const char *n;

	if (len < sizeof(e)) {
		ptc__nl_hex(c, addr, len);
		return;
	}
	if (ptc__rdall(c, addr, &e, sizeof(e)) != 0) {
		ptc__p_addr(c, addr);
		return;
	}
	addr += offsetof(struct nlmsgerr, msg);
	len -= offsetof(struct nlmsgerr, msg);
	in = e.msg.nlmsg_len > sizeof(e.msg) ? e.msg.nlmsg_len :
	    sizeof(e.msg);
	pl = (h->nlmsg_flags & NLM_F_CAPPED) ? sizeof(e.msg) : in;
	if (pl > len)
		pl = len;
	if (len > pl)
		ptc__l_open(c);
	ptc__s_open(c);
	ptc__s_field(c, "error");
	n = e.error < 0 ? ptc__xname(&ptc__xt_errnos, (uint64_t)-e.error) :
	    NULL;
	if (n != NULL && ptc__xstyle(c) != PTC_XLAT_RAW) {
		snprintf(buf, sizeof(buf), "-%s", n);
		if (ptc__xstyle(c) == PTC_XLAT_VERBOSE)
			snprintf(buf, sizeof(buf), "%d /* -%s */", e.error, n);
		ptc__p_raw(c, buf);
	} else {
		ptc__p_int(c, e.error);
	}
	ptc__s_field(c, "msg");
	c->after_field = 1;
	message(c, fam, &e.msg, addr, pl);
	ptc__s_close(c);
	if (len > pl) {
		ptc__nl_attrs(c, addr + pl, len - pl, &nlmsgerr_set);
		ptc__l_close(c);
	}
}

static void
payload(struct ptc__dc *c, int fam, const struct nlmsghdr *h,
    uint64_t addr, uint64_t len)
{
	const struct nl_family *f = family(fam);
	int32_t num;

	if (h->nlmsg_type == NLMSG_ERROR) {
		nlmsgerr(c, fam, h, addr, len);
		return;
	}
	if ((h->nlmsg_type >= NLMSG_MIN_TYPE ||
	    h->nlmsg_type == NLMSG_DONE) && f != NULL && f->payload != NULL &&
	    f->payload(c, fam, h, addr, len))
		return;
	if (h->nlmsg_type == NLMSG_DONE && len == sizeof(num)) {
		if (ptc__rdall(c, addr, &num, sizeof(num)) != 0)
			ptc__p_addr(c, addr);
		else
			ptc__p_int(c, num);
		return;
	}
	ptc__nl_hex(c, addr, len);
}

/* A message whose header is h, at addr with len bytes of buffer. */
static void
message(struct ptc__dc *c, int fam, const struct nlmsghdr *h,
    uint64_t addr, uint64_t len)
{
	uint64_t n = h->nlmsg_len < len ? h->nlmsg_len : len;

	if (n > NLMSG_HDRLEN)
		ptc__l_open(c);
	nl_header(c, fam, h);
	if (n > NLMSG_HDRLEN) {
		payload(c, fam, h, addr + NLMSG_HDRLEN, n - NLMSG_HDRLEN);
		ptc__l_close(c);
	}
}

static void
msg_el(struct ptc__dc *c, const void *hp, uint64_t addr, uint64_t len,
    const void *arg)
{
	struct nlmsghdr h;

	memcpy(&h, hp, sizeof(h));
	message(c, *(const int *)arg, &h, addr, len);
}

/* ---- payloads ---- */

void
ptc__nl_family_only(struct ptc__dc *c, uint64_t addr, uint64_t len)
{
	uint8_t fam;

	if (ptc__rdall(c, addr, &fam, 1) != 0) {
		ptc__p_addr(c, addr);
		return;
	}
	ptc__s_open(c);
	ptc__s_field(c, "family");
	ptc__p_enum(c, &ptc__xt_address_families, fam, "AF_???");
	if (len > 1) {
		ptc__s_field(c, "data");
		ptc__nl_hex(c, addr + 1, len - 1);
	}
	ptc__s_close(c);
}

void
ptc__nl_struct_payload(struct ptc__dc *c, const struct nl_struct *s,
    uint64_t addr, uint64_t len)
{
	unsigned char b[256];
	uint64_t off;
	int ok = 0;

	memset(b, 0, sizeof(b));
	if (s->size > sizeof(b) || ptc__rdall(c, addr, b, 1) != 0) {
		ptc__p_addr(c, addr);
		return;
	}
	nl_cur_family = b[0];
	ptc__s_open(c);
	ptc__nl_fields(c, b, s->f, 1);
	if (len >= s->size) {
		if (ptc__rdall(c, addr + 1, b + 1, s->size - 1) == 0) {
			ptc__nl_fields(c, b, s->f + 1, s->nf - 1);
			ok = 1;
		} else {
			ptc__p_addr(c, addr + 1);
		}
	} else {
		ptc__s_more(c);
	}
	ptc__s_close(c);
	off = (s->size + 3) & ~3u;
	if (ok && len > off && s->attrs != NULL)
		ptc__nl_attrs(c, addr + off, len - off, s->attrs);
	else if (ok && len > off && s->by_family != NULL) {
		const struct nla_by_family *bf;

		for (bf = s->by_family; bf->family >= 0 &&
		    bf->family != nl_cur_family; bf++)
			;
		if (bf->family >= 0)
			ptc__nl_attrs(c, addr + off, len - off, bf->set);
		else
			ptc__nl_hex(c, addr + off, len - off);
	}
}

/* The structure s describes, or {family=...} when none does. */
static void
payload_of(struct ptc__dc *c, const struct nl_struct *s, uint64_t addr,
    uint64_t len)
{
	if (s != NULL)
		ptc__nl_struct_payload(c, s, addr, len);
	else
		ptc__nl_family_only(c, addr, len);
}

static int
pl_route(struct ptc__dc *c, int fam, const struct nlmsghdr *h,
    uint64_t addr, uint64_t len)
{
	uint8_t family;

	(void)fam;
	if (h->nlmsg_type == NLMSG_DONE)
		return 0;
	if (ptc__rdall(c, addr, &family, 1) != 0) {
		ptc__p_addr(c, addr);
		return 1;
	}
	payload_of(c, ptc__nl_route_struct(h->nlmsg_type, family), addr, len);
	return 1;
}

static int
pl_sock_diag(struct ptc__dc *c, int fam, const struct nlmsghdr *h,
    uint64_t addr, uint64_t len)
{
	int req = (h->nlmsg_flags & NLM_F_REQUEST) != 0;
	uint8_t family;

	(void)fam;
	if (h->nlmsg_type == NLMSG_DONE)
		return 0;
	if (ptc__rdall(c, addr, &family, 1) != 0) {
		ptc__p_addr(c, addr);
		return 1;
	}
	payload_of(c, len <= 1 ? NULL :
	    h->nlmsg_type == TCPDIAG_GETSOCK ||
	    h->nlmsg_type == DCCPDIAG_GETSOCK ?
	    ptc__nl_diag_compat_struct(req) : ptc__nl_diag_struct(family, req),
	    addr, len);
	return 1;
}

static int
pl_selinux(struct ptc__dc *c, int fam, const struct nlmsghdr *h,
    uint64_t addr, uint64_t len)
{
	int32_t v;

	(void)fam;
	if ((h->nlmsg_type != SELNL_MSG_SETENFORCE &&
	    h->nlmsg_type != SELNL_MSG_POLICYLOAD) || len < sizeof(v))
		return 0;
	if (ptc__rdall(c, addr, &v, sizeof(v)) != 0) {
		ptc__p_addr(c, addr);
		return 1;
	}
	ptc__s_open(c);
	if (h->nlmsg_type == SELNL_MSG_SETENFORCE) {
		ptc__s_field(c, "val");
		ptc__p_int(c, v);
	} else {
		ptc__s_field(c, "seqno");
		ptc__p_uint(c, (uint32_t)v);
	}
	ptc__s_close(c);
	return 1;
}

static const struct nla_set nf_none_set = { &nl_none, NULL, NULL, 0 };

static int
pl_netfilter(struct ptc__dc *c, int fam, const struct nlmsghdr *h,
    uint64_t addr, uint64_t len)
{
	struct nfgenmsg g;
	unsigned ss = h->nlmsg_type >> 8;
	uint16_t rid;
	char buf[32];

	(void)fam;
	if (h->nlmsg_type == NLMSG_DONE)
		return 0;
	if (len < sizeof(g))
		return 0;
	if (ptc__rdall(c, addr, &g, sizeof(g)) != 0) {
		ptc__p_addr(c, addr);
		return 1;
	}
	ptc__s_open(c);
	ptc__s_field(c, "nfgen_family");
	ptc__p_enum(c, &ptc__xt_address_families, g.nfgen_family, "AF_???");
	ptc__s_field(c, "version");
	if (g.version == NFNETLINK_V0)
		ptc__p_xval(c, g.version, 'x', "NFNETLINK_V0");
	else
		ptc__p_enum(c, &nl_none, g.version, "NFNETLINK_???");
	ptc__s_field(c, "res_id");
	rid = ntohs(g.res_id);
	/* nftables' messages have had it in either byte order. */
	if (ss == NFNL_SUBSYS_NFTABLES && rid == NFNL_SUBSYS_NFTABLES)
		ptc__p_xval(c, g.res_id, 'x', "htons(NFNL_SUBSYS_NFTABLES)");
	else if (ss == NFNL_SUBSYS_NFTABLES &&
	    g.res_id == NFNL_SUBSYS_NFTABLES)
		ptc__p_xval(c, g.res_id, 'x', "NFNL_SUBSYS_NFTABLES");
	else {
		snprintf(buf, sizeof(buf), "htons(%u)", rid);
		ptc__p_raw(c, buf);
	}
	ptc__s_close(c);
	if (len > sizeof(g)) {
		if (h->nlmsg_type < NLMSG_MIN_TYPE ||
		    h->nlmsg_type == NFNL_MSG_BATCH_BEGIN ||
		    h->nlmsg_type == NFNL_MSG_BATCH_END)
			ptc__nl_hex(c, addr + sizeof(g), len - sizeof(g));
		else
			ptc__nl_attrs(c, addr + sizeof(g), len - sizeof(g),
			    &nf_none_set);
	}
	return 1;
}

/* ---- udev's messages on NETLINK_KOBJECT_UEVENT ---- */

/*
 * libudev's monitor header (not kernel ABI: udev's own, as strace shows
 * it); the kernel's own uevents are plain strings.
 */
struct udev_hdr {
	char prefix[8];
	uint32_t magic, header_size, properties_off, properties_len;
	uint32_t filter_subsystem_hash, filter_devtype_hash;
	uint32_t filter_tag_bloom_hi, filter_tag_bloom_lo;
};

static void
htonl_field(struct ptc__dc *c, const char *name, uint32_t v)
{
	char buf[32];

	snprintf(buf, sizeof(buf), "htonl(%#x)", ntohl(v));
	ptc__s_field(c, name);
	ptc__p_raw(c, buf);
}

static void
uevent(struct ptc__dc *c, uint64_t addr, uint64_t len)
{
	struct udev_hdr h;

	if (len < sizeof(h) || ptc__rdall(c, addr, &h, sizeof(h)) != 0 ||
	    memcmp(h.prefix, "libudev", 8) != 0) {
		ptc__p_buf(c, addr, len);
		return;
	}
	if (len > sizeof(h))
		ptc__l_open(c);
	ptc__s_open(c);
	ptc__s_field(c, "prefix");
	ptc__p_bytes(c, h.prefix, strlen(h.prefix), 0);
	htonl_field(c, "magic", h.magic);
	ptc__s_field(c, "header_size");
	ptc__p_uint(c, h.header_size);
	ptc__s_field(c, "properties_off");
	ptc__p_uint(c, h.properties_off);
	ptc__s_field(c, "properties_len");
	ptc__p_uint(c, h.properties_len);
	htonl_field(c, "filter_subsystem_hash", h.filter_subsystem_hash);
	htonl_field(c, "filter_devtype_hash", h.filter_devtype_hash);
	htonl_field(c, "filter_tag_bloom_hi", h.filter_tag_bloom_hi);
	htonl_field(c, "filter_tag_bloom_lo", h.filter_tag_bloom_lo);
	ptc__s_close(c);
	if (len > sizeof(h)) {
		ptc__p_buf(c, addr + sizeof(h), len - sizeof(h));
		ptc__l_close(c);
	}
}

/* ---- entry points ---- */

/*
 * len bytes at addr sent to or received from descriptor fd: netlink
 * messages when fd is a netlink socket, else the plain string.
 */
void
ptc__p_sockbuf(struct ptc__dc *c, int fd, uint64_t addr, uint64_t len)
{
	int fam = -1;

	if (fd < 0 || addr == 0 || c->f->noderef ||
	    ptc_os_fdnlproto(c->pid, fd, &fam) != 0) {
		ptc__p_buf(c, addr, len);
		return;
	}
	if (fam == NETLINK_KOBJECT_UEVENT) {
		uevent(c, addr, len);
		return;
	}
	chain(c, addr, len, NLMSG_HDRLEN, msg_el, &fam);
}

/* sendto's buffer (a->aux: its length argument). */
void
ptc__a_sockbuf(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	ptc__p_sockbuf(c, (int)c->a[0], v, a->aux >= 0 ?
	    c->a[a->aux] : 0);
}

/* recvfrom's: as many bytes as the call returned. */
void
ptc__a_osockbuf(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	uint64_t len = (uint64_t)c->rval;

	(void)a;
	if (c->is_error) {
		ptc__p_addr(c, v);
		return;
	}
	if (len > c->a[2])
		len = c->a[2];
	ptc__p_sockbuf(c, (int)c->a[0], v, len);
}
