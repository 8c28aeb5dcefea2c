/*
 * sc_sockopt.c: getsockopt and setsockopt: the option's name after its
 * level, its value after what the option holds (as strace shows them).
 *
 * Which names a level has is a row of levels[]; how a value prints is a
 * row of vals[] (level, name, kind), the options whose value is an int
 * a flag table of their own.  Anything else prints as strace's default:
 * an int when four bytes long, else the bytes.
 */
#include <arpa/inet.h>
#include <linux/filter.h>
#include <linux/icmp.h>
#include <linux/if_packet.h>
#include <linux/netlink.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "sc_netlink.h"
#include "sc_priv.h"
#include "xlat.h"

#ifndef SOL_PACKET
#define SOL_PACKET 263
#endif
#ifndef SOL_NETLINK
#define SOL_NETLINK 270
#endif
#ifndef SO_TXREHASH
#define SO_TXREHASH 74
#endif

static const struct {
	int level;
	const struct ptc__xtab *x;
	const struct ptc__xtab *get;    /* getsockopt's own names first */
	const char *dflt;
} levels[] = {
	{ SOL_SOCKET, &ptc__xt_sockopts_socket, &ptc__xt_getsockopts_socket,
	    "SO_???" },
	{ IPPROTO_IP, &ptc__xt_sockopts_ip, NULL, "IP_???" },
	{ IPPROTO_IPV6, &ptc__xt_sockopts_ipv6, NULL, "IPV6_???" },
	{ IPPROTO_TCP, &ptc__xt_sockopts_tcp, NULL, "TCP_???" },
	{ SOL_PACKET, &ptc__xt_sockopts_packet, NULL, "PACKET_???" },
	{ SOL_RAW, &ptc__xt_sockopts_raw, NULL, "RAW_???" },
	{ SOL_NETLINK, &ptc__xt_sockopts_netlink, NULL, "NETLINK_???" },
};

static void
sockopt_name(struct ptc__dc *c, int level, unsigned name, int get)
{
	unsigned i;
	const char *n;

	for (i = 0; i < sizeof(levels) / sizeof(levels[0]); i++) {
		if (levels[i].level != level)
			continue;
		if (get && levels[i].get != NULL &&
		    (n = ptc__xname(levels[i].get, name)) != NULL)
			ptc__p_xval(c, name, 'x', n);
		else
			ptc__p_enum(c, levels[i].x, name, levels[i].dflt);
		return;
	}
	ptc__p_uint(c, name);
}

/* setsockopt's option name: a->aux is the level's argument. */
void
ptc__a_sockopt(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	sockopt_name(c, a->aux >= 0 ? (int)c->a[a->aux] : -1, (unsigned)v, 0);
}

/* getsockopt's, which has names of its own. */
void
ptc__a_gsockopt(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	sockopt_name(c, a->aux >= 0 ? (int)c->a[a->aux] : -1, (unsigned)v, 1);
}

enum {
	V_INT = 1, V_LINGER, V_UCRED, V_ERROR, V_TXREHASH, V_TPSTATS,
	V_ICMPF, V_MREQ, V_MREQ6, V_GROUP_REQ, V_TPREQ, V_PMREQ, V_NL,
	V_FPROG
};

static const struct {
	int level, name, kind;
} vals[] = {
	{ SOL_SOCKET, SO_LINGER, V_LINGER },
	{ SOL_SOCKET, SO_PEERCRED, V_UCRED },
	{ SOL_SOCKET, SO_ERROR, V_ERROR },
	{ SOL_SOCKET, SO_TXREHASH, V_TXREHASH },
	{ SOL_SOCKET, SO_ATTACH_FILTER, V_FPROG },
	{ SOL_SOCKET, SO_ATTACH_REUSEPORT_CBPF, V_FPROG },
	{ SOL_PACKET, PACKET_STATISTICS, V_TPSTATS },
	{ SOL_PACKET, PACKET_RX_RING, V_TPREQ },
	{ SOL_PACKET, PACKET_TX_RING, V_TPREQ },
	{ SOL_PACKET, PACKET_ADD_MEMBERSHIP, V_PMREQ },
	{ SOL_PACKET, PACKET_DROP_MEMBERSHIP, V_PMREQ },
	{ SOL_RAW, ICMP_FILTER, V_ICMPF },
	{ IPPROTO_IP, IP_ADD_MEMBERSHIP, V_MREQ },
	{ IPPROTO_IP, IP_DROP_MEMBERSHIP, V_MREQ },
	{ IPPROTO_IP, MCAST_JOIN_GROUP, V_GROUP_REQ },
	{ IPPROTO_IP, MCAST_LEAVE_GROUP, V_GROUP_REQ },
	{ IPPROTO_IPV6, IPV6_ADD_MEMBERSHIP, V_MREQ6 },
	{ IPPROTO_IPV6, IPV6_DROP_MEMBERSHIP, V_MREQ6 },
	{ IPPROTO_IPV6, IPV6_JOIN_ANYCAST, V_MREQ6 },
	{ IPPROTO_IPV6, IPV6_LEAVE_ANYCAST, V_MREQ6 },
	{ IPPROTO_IPV6, MCAST_JOIN_GROUP, V_GROUP_REQ },
	{ IPPROTO_IPV6, MCAST_LEAVE_GROUP, V_GROUP_REQ },
};

static int
val_kind(int level, unsigned name)
{
	unsigned i;

	if (level == SOL_NETLINK)
		return V_NL;
	if (level == SOL_SOCKET && ptc__xname(&ptc__xt_sockopts_socket_int,
	    name) != NULL)
		return V_INT;
	for (i = 0; i < sizeof(vals) / sizeof(vals[0]); i++)
		if (vals[i].level == level && (unsigned)vals[i].name == name)
			return vals[i].kind;
	return 0;
}

static void
int_in_brackets(struct ptc__dc *c, uint64_t v)
{
	int32_t i;

	if (ptc__rdall(c, v, &i, sizeof(i)) != 0) {
		ptc__p_addr(c, v);
		return;
	}
	ptc__l_open(c);
	ptc__p_int(c, i);
	ptc__l_close(c);
}

/* How u32_fields() shows its fields. */
enum { F_UNSIGNED, F_SIGNED, F_UCRED };

/*
 * Fields of 4 bytes each of which as many as len covers show; a field
 * len only partly covers shows its bytes, and the structure ends there.
 * F_UCRED: a process id, then ids (-1 as such).
 */
static void
u32_fields(struct ptc__dc *c, uint64_t v, uint64_t len,
    const char *const *names, unsigned n, int how)
{
	uint32_t f[8];
	unsigned i;

	if (len > n * 4)
		len = n * 4;
	if (ptc__rdall(c, v, f, (size_t)len) != 0) {
		ptc__p_addr(c, v);
		return;
	}
	ptc__s_open(c);
	for (i = 0; i < n && i * 4 < len; i++) {
		ptc__s_field(c, names[i]);
		if (len < i * 4 + 4) {
			ptc__nl_hexmem(c, (char *)f + i * 4, (size_t)len - i * 4);
			break;
		}
		if (i == 0 && how == F_UCRED)
			ptc__p_pid(c, (int32_t)f[0], PTC__PID_TGID);
		else if (how == F_UCRED)
			ptc__p_int(c, (int32_t)f[i] == -1 ? -1 : (int64_t)f[i]);
		else if (how == F_SIGNED)
			ptc__p_int(c, (int32_t)f[i]);
		else
			ptc__p_uint(c, f[i]);
	}
	ptc__s_close(c);
}

static void
icmp_filter(struct ptc__dc *c, uint64_t v, int64_t len)
{
	uint32_t data = ~0u;
	char buf[64];
	int i, any = 0;

	if (len > 4)
		len = 4;
	else if (len <= 0) {
		ptc__p_addr(c, v);
		return;
	}
	if (ptc__rdall(c, v, &data, (size_t)len) != 0) {
		ptc__p_addr(c, v);
		return;
	}
	ptc__pre(c);
	if (__builtin_popcount(data) > 16) {
		data = ~data;
		ptc__sb_putc(c->o, '~');
	}
	ptc__sb_putc(c->o, '[');
	for (i = 0; i < 32; i++) {
		const char *n;

		if (!(data & (1u << i)))
			continue;
		n = ptc__xname(&ptc__xt_icmp_filter_flags, (unsigned)i);
		if (any++)
			ptc__sb_putc(c->o, ' ');
		if (n != NULL)
			ptc__sxval(buf, sizeof(buf), ptc__xstyle(c),
			    (unsigned)i, 'x', n);
		else if (ptc__xstyle(c) == PTC_XLAT_RAW)
			snprintf(buf, sizeof(buf), "%#x", i);
		else
			snprintf(buf, sizeof(buf), "%#x /* ICMP_??? */", i);
		ptc__sb_puts(c->o, buf);
	}
	ptc__sb_putc(c->o, ']');
}

static void
inet_field(struct ptc__dc *c, const char *name, int af, const void *p)
{
	char a[INET6_ADDRSTRLEN], buf[INET6_ADDRSTRLEN + 64];

	inet_ntop(af, p, a, sizeof(a));
	if (af == AF_INET) {
		ptc__s_field(c, name);
		snprintf(buf, sizeof(buf), "inet_addr(\"%s\")", a);
	} else {
		snprintf(buf, sizeof(buf), "inet_pton(AF_INET6, \"%s\", &%s)",
		    a, name);
	}
	ptc__p_raw(c, buf);
}

/* ---- classic BPF (socket filters) ---- */

/* A piece of an instruction's code: v's name in x, styled. */
static void
code_piece(const struct ptc__dc *c, struct ptc__sb *b, const struct ptc__xtab *x,
    unsigned v)
{
	const char *n = ptc__xname(x, v);
	char buf[64];

	if (n != NULL)
		ptc__sxval(buf, sizeof(buf), ptc__xstyle(c), v, 'x', n);
	else if (ptc__xstyle(c) == PTC_XLAT_RAW)
		snprintf(buf, sizeof(buf), "%#x", v);
	else
		snprintf(buf, sizeof(buf), "%#x /* BPF_??? */", v);
	ptc__sb_puts(b, buf);
}

/* The leftover bits of a code no field names. */
static void
code_rest(struct ptc__sb *b, unsigned v)
{
	if (v != 0)
		ptc__sb_printf(b, "|%#x /* BPF_??? */", v);
}

static void
bpf_code(const struct ptc__dc *c, struct ptc__sb *b, unsigned code)
{
	unsigned cls = code & 7, rest = code & ~7u;

	code_piece(c, b, &ptc__xt_sockf_class, cls);
	switch (cls) {
	case BPF_ST:
	case BPF_STX:
		code_rest(b, rest);
		break;
	case BPF_LD:
	case BPF_LDX:
		ptc__sb_putc(b, '|');
		code_piece(c, b, &ptc__xt_sockf_size, code & 0x18);
		ptc__sb_putc(b, '|');
		code_piece(c, b, &ptc__xt_sockf_mode, code & 0xe0);
		break;
	case BPF_MISC:
		ptc__sb_putc(b, '|');
		code_piece(c, b, &ptc__xt_sockf_miscop, code & 0xf8);
		code_rest(b, rest & ~0xf8u);
		break;
	case BPF_ALU:
	case BPF_JMP:
		ptc__sb_putc(b, '|');
		code_piece(c, b, &ptc__xt_sockf_src, code & 0x08);
		ptc__sb_putc(b, '|');
		code_piece(c, b, cls == BPF_ALU ? &ptc__xt_sockf_op_alu :
		    &ptc__xt_sockf_op_jmp, code & 0xf0);
		break;
	case BPF_RET:
		ptc__sb_putc(b, '|');
		code_piece(c, b, &ptc__xt_sockf_rval, code & 0x18);
		code_rest(b, rest & ~0x18u);
		break;
	}
}

/*
 * A load's offset into a packet's special areas: SKF_AD_OFF+SKF_AD_...,
 * SKF_NET_OFF+n, SKF_LL_OFF+n.  0 when k is a plain number.
 */
static int
bpf_sock_k(const struct ptc__dc *c, struct ptc__sb *b, unsigned code,
    uint32_t k)
{
	static const struct {
		uint32_t off;
		const char *name;
	} areas[] = {
		{ (uint32_t)SKF_AD_OFF, "SKF_AD_OFF" },
		{ (uint32_t)SKF_NET_OFF, "SKF_NET_OFF" },
		{ (uint32_t)SKF_LL_OFF, "SKF_LL_OFF" },
	};
	char buf[64];
	unsigned i;

	if ((code & 7) != BPF_LD || (code & 0xe0) != BPF_ABS)
		return 0;
	for (i = 0; i < 3; i++) {
		if (k < areas[i].off)
			continue;
		ptc__sb_puts(b, ptc__sxval(buf, sizeof(buf), ptc__xstyle(c),
		    areas[i].off, 'x', areas[i].name));
		ptc__sb_putc(b, '+');
		if (i == 0) {
			const char *n = ptc__xname(&ptc__xt_skf_ad,
			    k - areas[i].off);

			if (n != NULL)
				ptc__sxval(buf, sizeof(buf), ptc__xstyle(c),
				    k - areas[i].off, 'x', n);
			else
				snprintf(buf, sizeof(buf), "%#x",
				    k - areas[i].off);
			ptc__sb_puts(b, buf);
		} else {
			ptc__sb_printf(b, "%u", k - areas[i].off);
		}
		return 1;
	}
	return 0;
}

/* n classic BPF instructions at addr (strace's BPF_STMT/BPF_JUMP). */
static void
bpf_filter(struct ptc__dc *c, uint64_t addr, unsigned n)
{
	struct ptc__sb b = { 0 };
	unsigned i;

	if (!c->f->verbose || addr == 0) {
		ptc__p_addr(c, addr);
		return;
	}
	ptc__l_open(c);
	for (i = 0; i < n; i++) {
		struct sock_filter f;

		if (i >= PTC__ARR_MAX) {
			ptc__s_more(c);
			break;
		}
		if (ptc__rdall(c, addr + i * sizeof(f), &f, sizeof(f)) != 0) {
			ptc__more_at(c, addr + i * sizeof(f));
			break;
		}
		b.len = 0;
		if (b.p != NULL)
			b.p[0] = '\0';
		if ((f.code & 7) == BPF_JMP) {
			ptc__sb_puts(&b, "BPF_JUMP(");
			bpf_code(c, &b, f.code);
			ptc__sb_printf(&b, ", %#x, %#x, %#x)", f.k, f.jt, f.jf);
		} else {
			ptc__sb_puts(&b, "BPF_STMT(");
			bpf_code(c, &b, f.code);
			ptc__sb_puts(&b, ", ");
			if (!bpf_sock_k(c, &b, f.code, f.k))
				ptc__sb_printf(&b, "%#x", f.k);
			ptc__sb_putc(&b, ')');
		}
		ptc__p_raw(c, b.p != NULL ? b.p : "");
	}
	ptc__l_close(c);
	free(b.p);
}

void
ptc__p_bpf_insns(struct ptc__dc *c, uint64_t addr, unsigned n)
{
	bpf_filter(c, addr, n);
}

/* setsockopt's struct sock_fprog, of the task's layout. */
static void
sock_fprog(struct ptc__dc *c, uint64_t v, int64_t len)
{
	size_t size = c->wordsize == 4 ? 8 : 16;
	unsigned char b[16];
	uint16_t n;
	uint64_t filter = 0;

	if (len != (int64_t)size || ptc__rdall(c, v, b, size) != 0) {
		ptc__p_addr(c, v);
		return;
	}
	memcpy(&n, b, 2);
	if (size == 8) {
		uint32_t f32;

		memcpy(&f32, b + 4, 4);
		filter = f32;
	} else {
		memcpy(&filter, b + 8, 8);
	}
	ptc__s_open(c);
	ptc__s_field(c, "len");
	ptc__p_uint(c, n);
	ptc__s_field(c, "filter");
	bpf_filter(c, filter, n);
	ptc__s_close(c);
}

static void
set_struct(struct ptc__dc *c, int kind, uint64_t v, int64_t len)
{
	union {
		struct linger l;
		struct ip_mreq m;
		struct ipv6_mreq m6;
		struct tpacket_req tr;
		struct packet_mreq pm;
		struct group_req g;
	} u;
	static const size_t need[] = {
		[V_LINGER] = sizeof(struct linger),
		[V_MREQ] = sizeof(struct ip_mreq),
		[V_MREQ6] = sizeof(struct ipv6_mreq),
		[V_TPREQ] = sizeof(struct tpacket_req),
		[V_PMREQ] = sizeof(struct packet_mreq),
		[V_GROUP_REQ] = sizeof(struct group_req),
	};
	/* The packet socket's need exactly their size, the rest at least. */
	int exact = kind == V_TPREQ || kind == V_PMREQ;

	if (len < (int64_t)need[kind] || (exact && len !=
	    (int64_t)need[kind]) || ptc__rdall(c, v, &u, need[kind]) != 0) {
		ptc__p_addr(c, v);
		return;
	}
	ptc__s_open(c);
	switch (kind) {
	case V_LINGER:
		ptc__s_field(c, "l_onoff");
		ptc__p_int(c, u.l.l_onoff);
		ptc__s_field(c, "l_linger");
		ptc__p_int(c, u.l.l_linger);
		break;
	case V_MREQ:
		inet_field(c, "imr_multiaddr", AF_INET, &u.m.imr_multiaddr);
		inet_field(c, "imr_interface", AF_INET, &u.m.imr_interface);
		break;
	case V_MREQ6:
		inet_field(c, "ipv6mr_multiaddr", AF_INET6,
		    &u.m6.ipv6mr_multiaddr);
		ptc__s_field(c, "ipv6mr_interface");
		ptc__p_ifindex(c, u.m6.ipv6mr_interface);
		break;
	case V_TPREQ:
		ptc__s_field(c, "tp_block_size");
		ptc__p_uint(c, u.tr.tp_block_size);
		ptc__s_field(c, "tp_block_nr");
		ptc__p_uint(c, u.tr.tp_block_nr);
		ptc__s_field(c, "tp_frame_size");
		ptc__p_uint(c, u.tr.tp_frame_size);
		ptc__s_field(c, "tp_frame_nr");
		ptc__p_uint(c, u.tr.tp_frame_nr);
		break;
	case V_PMREQ:
		ptc__s_field(c, "mr_ifindex");
		ptc__p_ifindex(c, (unsigned)u.pm.mr_ifindex);
		ptc__s_field(c, "mr_type");
		ptc__p_enum(c, &ptc__xt_packet_mreq_type, u.pm.mr_type,
		    "PACKET_MR_???");
		ptc__s_field(c, "mr_alen");
		ptc__p_uint(c, u.pm.mr_alen);
		ptc__s_field(c, "mr_address");
		ptc__nl_mac(c, u.pm.mr_address, u.pm.mr_alen < 8 ?
		    u.pm.mr_alen : 8);
		break;
	case V_GROUP_REQ:
		ptc__s_field(c, "gr_interface");
		ptc__p_ifindex(c, u.g.gr_interface);
		ptc__s_field(c, "gr_group");
		ptc__p_sockaddr(c, v + offsetof(struct group_req, gr_group),
		    sizeof(u.g.gr_group));
		break;
	}
	ptc__s_close(c);
}

static void
txrehash(struct ptc__dc *c, uint64_t v)
{
	int32_t i;

	if (ptc__rdall(c, v, &i, sizeof(i)) != 0) {
		ptc__p_addr(c, v);
		return;
	}
	ptc__l_open(c);
	{
		const char *n = ptc__xname(&ptc__xt_sockopt_txrehash_vals,
		    (uint64_t)(int64_t)i);
		char buf[64];

		if (n != NULL)
			ptc__sxval(buf, sizeof(buf), ptc__xstyle(c),
			    (uint64_t)(int64_t)i, 'd', n);
		else if (ptc__xstyle(c) == PTC_XLAT_RAW)
			snprintf(buf, sizeof(buf), "%d", i);
		else
			snprintf(buf, sizeof(buf), "%d /* SOCK_TXREHASH_??? */",
			    i);
		ptc__p_raw(c, buf);
	}
	ptc__l_close(c);
}

/* setsockopt's value: a->aux is the length's argument. */
void
ptc__a_sockoptval(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	int64_t len = a->aux >= 0 ? (int32_t)c->a[a->aux] : 0;
	int kind = v != 0 && !c->f->noderef ?
	    val_kind((int)c->a[1], (unsigned)c->a[2]) : 0;

	switch (kind) {
	case V_INT:
	case V_NL:
		if (len < 4)
			ptc__p_addr(c, v);
		else
			int_in_brackets(c, v);
		return;
	case V_TXREHASH:
		if (len < 4)
			ptc__p_addr(c, v);
		else
			txrehash(c, v);
		return;
	case V_ICMPF:
		icmp_filter(c, v, len);
		return;
	case V_FPROG:
		sock_fprog(c, v, len);
		return;
	case V_LINGER: case V_MREQ: case V_MREQ6: case V_GROUP_REQ:
	case V_TPREQ: case V_PMREQ:
		set_struct(c, kind, v, len);
		return;
	}
	if (c->f->noderef)
		ptc__p_addr(c, v);
	else if (len == 4)
		int_in_brackets(c, v);
	else
		ptc__p_buf(c, v, (uint64_t)len);
}

static const char *const ucred_names[] = { "pid", "uid", "gid" };
static const char *const linger_names[] = { "l_onoff", "l_linger" };
static const char *const tpstats_names[] = {
	"tp_packets", "tp_drops", "tp_freeze_q_cnt"
};

/* getsockopt's value: a->aux is the length pointer's argument. */
void
ptc__a_sockoptval_out(struct ptc__dc *c, const struct ptc__arg *a,
    uint64_t v)
{
	int32_t ulen, rlen;
	int li = a->aux, kind;

	if (c->is_error || li < 0 || !c->saved_ok[li] ||
	    ptc__rdall(c, c->a[li], &rlen, sizeof(rlen)) != 0) {
		ptc__p_addr(c, v);
		return;
	}
	ulen = (int32_t)c->saved[li];
	if (ulen <= 0 || rlen <= 0 || c->f->noderef) {
		ptc__p_addr(c, v);
		return;
	}
	kind = v != 0 ? val_kind((int)c->a[1], (unsigned)c->a[2]) : 0;
	switch (kind) {
	case V_INT:
		if (rlen >= 4)
			int_in_brackets(c, v);
		else
			ptc__nl_hex(c, v, (uint64_t)rlen);
		return;
	case V_NL:
		int_in_brackets(c, v);
		return;
	case V_TXREHASH:
		if (rlen < 4)
			ptc__nl_hex(c, v, (uint64_t)rlen);
		else
			txrehash(c, v);
		return;
	case V_LINGER:
		u32_fields(c, v, (uint64_t)rlen, linger_names, 2, F_SIGNED);
		return;
	case V_UCRED:
		u32_fields(c, v, (uint64_t)rlen, ucred_names, 3, F_UCRED);
		return;
	case V_TPSTATS:
		u32_fields(c, v, (uint64_t)rlen, tpstats_names, 3, F_UNSIGNED);
		return;
	case V_ICMPF:
		icmp_filter(c, v, rlen);
		return;
	case V_FPROG:
		/* SO_GET_FILTER: the length counts instructions. */
		if ((uint16_t)rlen == (uint32_t)rlen)
			bpf_filter(c, v, (unsigned)rlen);
		else
			ptc__p_addr(c, v);
		return;
	case V_ERROR:
		if (rlen < 4) {
			ptc__nl_hex(c, v, (uint64_t)rlen);
		} else {
			uint32_t e;
			const char *n;

			if (ptc__rdall(c, v, &e, 4) != 0) {
				ptc__p_addr(c, v);
				return;
			}
			n = ptc__xname(&ptc__xt_errnos, e);
			ptc__l_open(c);
			if (n != NULL)
				ptc__p_xval(c, e, 'u', n);
			else
				ptc__p_uint(c, e);
			ptc__l_close(c);
		}
		return;
	}
	if (rlen == 4)
		int_in_brackets(c, v);
	else
		ptc__p_buf(c, v, (uint64_t)rlen);
}

/* getsockopt's length: "[in => out]", "[out]", "[in]" when it failed. */
void
ptc__a_sockoptlen(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	int32_t ulen, rlen;
	int i = c->cur;
	char buf[48];

	(void)a;
	if (v == 0 || !c->saved_ok[i]) {
		ptc__p_addr(c, v);
		return;
	}
	ulen = (int32_t)c->saved[i];
	if (c->is_error || ptc__rdall(c, v, &rlen, sizeof(rlen)) != 0)
		snprintf(buf, sizeof(buf), "[%d]", ulen);
	else if (ulen != rlen)
		snprintf(buf, sizeof(buf), "[%d => %d]", ulen, rlen);
	else
		snprintf(buf, sizeof(buf), "[%d]", rlen);
	ptc__p_raw(c, buf);
}
