/*
 * sc_net.c: sockets: families, types, protocols, socket addresses
 * (inet, inet6, unix, netlink), socket options, msghdr.
 */
#include <arpa/inet.h>
#include <linux/errqueue.h>
#include <linux/netlink.h>
#include <net/if.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/un.h>

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "os.h"
#include "sc_netlink.h"
#include "sc_priv.h"
#include "xlat.h"

void
ptc__a_socktype(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	unsigned t = (unsigned)v & 0xf, fl = (unsigned)v & ~0xfu;
	const char *n = ptc__xname(&ptc__xt_socktypes, t);
	char buf[256], rest[160];

	(void)a;
	/* The type and the flags are two values, each in the -X style. */
	if (n != NULL)
		ptc__sxval(buf, sizeof(buf) / 2, ptc__xstyle(c), t, 'x', n);
	else if (ptc__xstyle(c) == PTC_XLAT_RAW)
		snprintf(buf, sizeof(buf), "%#x", t);
	else
		snprintf(buf, sizeof(buf), "%#x /* SOCK_??? */", t);
	if (fl != 0)
		snprintf(buf + strlen(buf), sizeof(buf) - strlen(buf), "|%s",
		    ptc__xsflags(c, rest, sizeof(rest), &ptc__xt_sock_flags,
		    fl, NULL));
	ptc__p_raw(c, buf);
}

void
ptc__a_sockproto(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	int fam = a->aux >= 0 ? (int)c->a[a->aux] : -1;
	const char *n = NULL;

	switch (fam) {
	case AF_INET: case AF_INET6:
		n = ptc__xname(&ptc__xt_inet_protocols, (unsigned)v);
		break;
	case AF_NETLINK:
		n = ptc__xname(&ptc__xt_netlink_protocols, (unsigned)v);
		break;
	}
	if (n != NULL)
		ptc__p_xval(c, (unsigned)v, 'x', n);
	else
		ptc__p_int(c, (int)v);
}

/*
 * A network-order field: -X raw shows its bytes in \x form, verbose
 * those and the abbreviated form in a comment (strace's style).
 */
static void
field_net(struct ptc__dc *c, const char *name, const void *p, size_t len,
    const char *abbrev)
{
	const unsigned char *b = p;
	char hex[80];
	size_t i, n = 0;

	ptc__s_field(c, name);
	if (ptc__xstyle(c) == PTC_XLAT_ABBREV) {
		ptc__p_raw(c, abbrev);
		return;
	}
	hex[n++] = '"';
	for (i = 0; i < len && n + 6 < sizeof(hex); i++)
		n += (size_t)snprintf(hex + n, sizeof(hex) - n, "\\x%02x",
		    b[i]);
	snprintf(hex + n, sizeof(hex) - n, "\"");
	ptc__p_raw(c, hex);
	if (ptc__xstyle(c) == PTC_XLAT_VERBOSE)
		ptc__p_comment(c, "%s", abbrev);
}

/*
 * An interface index: if_nametoindex("lo") for one this host knows
 * (strace's form), the number otherwise or with -X raw.
 */
void
ptc__p_ifindex(struct ptc__dc *c, unsigned idx)
{
	char name[IF_NAMESIZE], buf[IF_NAMESIZE + 32];

	if (idx == 0 || c->f->json || if_indextoname(idx, name) == NULL) {
		ptc__p_uint(c, idx);
		return;
	}
	snprintf(buf, sizeof(buf), "if_nametoindex(\"%s\")", name);
	if (ptc__xstyle(c) == PTC_XLAT_RAW)
		ptc__p_uint(c, idx);
	else if (ptc__xstyle(c) == PTC_XLAT_VERBOSE) {
		ptc__p_uint(c, idx);
		ptc__p_comment(c, "%s", buf);
	} else
		ptc__p_raw(c, buf);
}

static void
field_raw(struct ptc__dc *c, const char *name, const char *val)
{
	ptc__s_field(c, name);
	ptc__p_raw(c, val);
}

void
ptc__p_sockaddr(struct ptc__dc *c, uint64_t addr, uint64_t len)
{
	struct sockaddr_storage ss;
	size_t n;
	ssize_t got;

	if (addr == 0 || len == 0) {
		ptc__p_addr(c, addr);
		return;
	}
	n = len > sizeof(ss) ? sizeof(ss) : (size_t)len;
	memset(&ss, 0, sizeof(ss));
	/* A length beyond the structure: whatever of it is readable. */
	got = ptc__rd(c, addr, &ss, n);
	if (got < 2 || (n == len && (size_t)got < n)) {
		ptc__p_addr(c, addr);
		return;
	}
	ptc__p_sockaddr_mem(c, &ss, (size_t)got);
}

void
ptc__p_sockaddr_mem(struct ptc__dc *c, const void *p, size_t n)
{
	struct sockaddr_storage ss;
	char buf[INET6_ADDRSTRLEN + 64];

	if (n > sizeof(ss))
		n = sizeof(ss);
	memset(&ss, 0, sizeof(ss));
	memcpy(&ss, p, n);
	ptc__s_open(c);
	ptc__s_field(c, "sa_family");
	ptc__p_enum(c, &ptc__xt_address_families, ss.ss_family, "AF_???");
	if (n <= 2) {
		ptc__s_close(c);
		return;
	}
	/* A family's fields when its structure is all there, else the bytes. */
	switch (ss.ss_family) {
	case AF_INET: {
		struct sockaddr_in *sin = (struct sockaddr_in *)&ss;

		if (n < sizeof(*sin))
			goto raw;
		snprintf(buf, sizeof(buf), "htons(%u)", ntohs(sin->sin_port));
		if (c->f->json)
			ptc__f_u(c, "sin_port", ntohs(sin->sin_port));
		else
			field_net(c, "sin_port", &sin->sin_port, 2, buf);
		inet_ntop(AF_INET, &sin->sin_addr, buf + 32, 32);
		if (c->f->json) {
			field_raw(c, "sin_addr", buf + 32);
		} else {
			snprintf(buf, 32, "inet_addr(\"");
			memmove(buf + 11, buf + 32, strlen(buf + 32) + 1);
			strcat(buf, "\")");
			field_net(c, "sin_addr", &sin->sin_addr, 4, buf);
		}
		break;
	}
	case AF_INET6: {
		struct sockaddr_in6 *s6 = (struct sockaddr_in6 *)&ss;
		char a6[INET6_ADDRSTRLEN];

		if (n < sizeof(*s6) - 4)
			goto raw;
		snprintf(buf, sizeof(buf), "htons(%u)", ntohs(s6->sin6_port));
		field_net(c, "sin6_port", &s6->sin6_port, 2, buf);
		snprintf(buf, sizeof(buf), "htonl(%u)",
		    ntohl(s6->sin6_flowinfo));
		field_net(c, "sin6_flowinfo", &s6->sin6_flowinfo, 4, buf);
		inet_ntop(AF_INET6, &s6->sin6_addr, a6, sizeof(a6));
		if (c->f->json) {
			field_raw(c, "sin6_addr", a6);
		} else if (ptc__xstyle(c) == PTC_XLAT_ABBREV) {
			ptc__pre(c);
			ptc__sb_printf(c->o,
			    "inet_pton(AF_INET6, \"%s\", &sin6_addr)", a6);
		} else {
			snprintf(buf, sizeof(buf),
			    "inet_pton(AF_INET6, \"%s\")", a6);
			field_net(c, "sin6_addr", &s6->sin6_addr, 16, buf);
		}
		if (n >= sizeof(*s6)) {
			ptc__s_field(c, "sin6_scope_id");
			ptc__p_ifindex(c, s6->sin6_scope_id);
		}
		break;
	}
	case AF_UNIX: {
		struct sockaddr_un *sun = (struct sockaddr_un *)&ss;
		size_t plen = n - offsetof(struct sockaddr_un, sun_path);

		if (plen > sizeof(sun->sun_path))
			plen = sizeof(sun->sun_path);
		ptc__s_field(c, "sun_path");
		if (sun->sun_path[0] == '\0' && plen > 1) {
			/* Abstract: "@" and the name with its NULs. */
			if (!c->f->json)
				ptc__sb_putc(c->o, '@');
			c->after_field = 1;
			ptc__p_bytes(c, sun->sun_path + 1, plen - 1, 0);
		} else {
			ptc__p_bytes(c, sun->sun_path,
			    strnlen(sun->sun_path, plen), 0);
		}
		break;
	}
	case AF_NETLINK: {
		struct sockaddr_nl *nl = (struct sockaddr_nl *)&ss;

		if (n < sizeof(*nl))
			goto raw;
		if (nl->nl_pad != 0)
			ptc__f_x(c, "nl_pad", nl->nl_pad);
		ptc__s_field(c, "nl_pid");
		ptc__p_uint(c, nl->nl_pid);
		snprintf(buf, sizeof(buf), "%#08x", nl->nl_groups);
		field_raw(c, "nl_groups", buf);
		break;
	}
	default:
	raw:
		ptc__s_field(c, "sa_data");
		ptc__p_bytes(c, ((char *)&ss) + 2, n - 2, 0);
		break;
	}
	ptc__s_close(c);
}

/* An input sockaddr whose length is argument a->aux. */
void
ptc__a_sockaddr(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	ptc__p_sockaddr(c, v, a->aux >= 0 ? (uint32_t)c->a[a->aux] : 0);
}

/* A sockaddr the kernel filled; its length is *argument a->aux. */
void
ptc__a_sockaddr_out(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	uint32_t len = 0, in;
	int li = a->aux;

	if (v == 0 || c->is_error || li < 0 || c->a[li] == 0 ||
	    ptc__rdall(c, c->a[li], &len, sizeof(len)) != 0) {
		ptc__p_addr(c, v);
		return;
	}
	in = c->saved_ok[li] ? (uint32_t)c->saved[li] : len;
	ptc__p_sockaddr(c, v, len < in ? len : in);
}

/* ---- msghdr ---- */

struct k_msghdr {
	uint64_t name;
	uint32_t namelen, pad1;
	uint64_t iov, iovlen, control, controllen;
	uint32_t flags, pad2;
};

/* {tv_sec=..., tv_usec=...} of a 64-bit or 32-bit pair of words. */
static void
time_pair(struct ptc__dc *c, const unsigned char *d, size_t wsz,
    const char *sub)
{
	int64_t v[2];

	if (wsz == 8) {
		memcpy(v, d, 16);
	} else {
		int32_t w[2];

		memcpy(w, d, 8);
		v[0] = w[0];
		v[1] = w[1];
	}
	ptc__s_open(c);
	ptc__s_field(c, "tv_sec");
	ptc__p_int(c, v[0]);
	ptc__s_field(c, sub);
	ptc__p_int(c, v[1]);
	ptc__s_close(c);
}

/*
 * A control message's data, after its level and type (strace's forms);
 * a kind this does not know shows nothing of it.
 */
static void
cmsg_data(struct ptc__dc *c, int level, int type, const unsigned char *d,
    size_t dlen, uint64_t daddr)
{
	size_t i, wsz = c->wordsize;

	if (level == SOL_SOCKET) {
		switch (type) {
		case SCM_RIGHTS:
			if (dlen < 4)
				return;
			ptc__s_field(c, "cmsg_data");
			ptc__l_open(c);
			for (i = 0; i + 4 <= dlen; i += 4) {
				int32_t fd;

				if (!c->f->verbose && ptc__arr_full(c, i / 4))
					break;
				memcpy(&fd, d + i, 4);
				ptc__p_fd(c, fd);
			}
			ptc__l_close(c);
			return;
		case 3:                 /* SCM_SECURITY: the label */
			ptc__s_field(c, "cmsg_data");
			ptc__p_bytes(c, d, dlen < c->f->strsize ? dlen :
			    c->f->strsize, dlen > c->f->strsize);
			return;
		case SCM_CREDENTIALS: {
			uint32_t cr[3];

			if (dlen < 12)
				return;
			memcpy(cr, d, 12);
			ptc__s_field(c, "cmsg_data");
			ptc__s_open(c);
			ptc__s_field(c, "pid");
			ptc__p_int(c, (int32_t)cr[0]);
			ptc__s_field(c, "uid");
			ptc__p_uint(c, cr[1]);
			ptc__s_field(c, "gid");
			ptc__p_uint(c, cr[2]);
			ptc__s_close(c);
			return;
		}
		case 29: case 35: case 37:      /* SO_TIMESTAMP*_OLD */
		case 63: case 64: case 65:      /* SO_TIMESTAMP*_NEW */
			/* _OLD in the task's words, _NEW in 64-bit ones. */
			if (type >= 63)
				wsz = 8;
			ptc__s_field(c, "cmsg_data");
			if (type == 37 || type == 65) {
				if (dlen != 6 * wsz)
					break;
				ptc__l_open(c);
				for (i = 0; i < 3; i++)
					time_pair(c, d + i * 2 * wsz, wsz,
					    "tv_nsec");
				ptc__l_close(c);
				return;
			}
			if (dlen != 2 * wsz)
				break;
			time_pair(c, d, wsz, type == 29 || type == 63 ?
			    "tv_usec" : "tv_nsec");
			return;
		default:
			return;
		}
		/* A timestamp of another size. */
		ptc__p_raw(c, "???");
		return;
	}
	if (level != IPPROTO_IP)
		return;
	switch (type) {
	case IP_PKTINFO: {
		struct in_pktinfo pi;
		char a[INET_ADDRSTRLEN], buf[INET_ADDRSTRLEN + 16];

		if (dlen < sizeof(pi))
			return;
		memcpy(&pi, d, sizeof(pi));
		ptc__s_field(c, "cmsg_data");
		ptc__s_open(c);
		ptc__s_field(c, "ipi_ifindex");
		ptc__p_ifindex(c, (unsigned)pi.ipi_ifindex);
		inet_ntop(AF_INET, &pi.ipi_spec_dst, a, sizeof(a));
		snprintf(buf, sizeof(buf), "inet_addr(\"%s\")", a);
		field_raw(c, "ipi_spec_dst", buf);
		inet_ntop(AF_INET, &pi.ipi_addr, a, sizeof(a));
		snprintf(buf, sizeof(buf), "inet_addr(\"%s\")", a);
		field_raw(c, "ipi_addr", buf);
		ptc__s_close(c);
		return;
	}
	case IP_TTL:
	case IP_CHECKSUM: {
		uint32_t u;

		if (dlen < 4)
			return;
		memcpy(&u, d, 4);
		ptc__s_field(c, "cmsg_data");
		ptc__l_open(c);
		ptc__p_uint(c, u);
		ptc__l_close(c);
		return;
	}
	case IP_TOS:
	case IP_RECVOPTS:
	case IP_RETOPTS:
		ptc__s_field(c, "cmsg_data");
		ptc__l_open(c);
		for (i = 0; i < dlen; i++) {
			if (!c->f->verbose && ptc__arr_full(c, i))
				break;
			ptc__p_hex(c, d[i]);
		}
		ptc__l_close(c);
		return;
	case IP_RECVERR: {
		struct sock_extended_err ee;
		static const char *const names[] = {
			"ee_errno", "ee_origin", "ee_type", "ee_code",
			"ee_info", "ee_data",
		};
		uint32_t vals[6];

		if (dlen < sizeof(ee) + sizeof(struct sockaddr_in))
			return;
		memcpy(&ee, d, sizeof(ee));
		vals[0] = ee.ee_errno;
		vals[1] = ee.ee_origin;
		vals[2] = ee.ee_type;
		vals[3] = ee.ee_code;
		vals[4] = ee.ee_info;
		vals[5] = ee.ee_data;
		ptc__s_field(c, "cmsg_data");
		ptc__s_open(c);
		for (i = 0; i < 6; i++) {
			ptc__s_field(c, names[i]);
			ptc__p_uint(c, vals[i]);
		}
		ptc__s_field(c, "offender");
		ptc__p_sockaddr(c, daddr + sizeof(ee),
		    sizeof(struct sockaddr_in));
		ptc__s_close(c);
		return;
	}
	case 3:                 /* SCM_SECURITY */
		ptc__s_field(c, "cmsg_data");
		ptc__p_bytes(c, d, dlen < c->f->strsize ? dlen : c->f->strsize,
		    dlen > c->f->strsize);
		return;
	case IP_ORIGDSTADDR:
		if (dlen < sizeof(struct sockaddr_in))
			return;
		ptc__s_field(c, "cmsg_data");
		ptc__p_sockaddr(c, daddr, dlen);
		return;
	}
}

/*
 * Control messages as strace shows them: at most the kernel's optmem_max
 * bytes of them; each header, and the data of the kinds cmsg_data()
 * knows; what is left past the last whole header as "... / * addr * /".
 */
static void
cmsgs(struct ptc__dc *c, uint64_t v, uint64_t len)
{
	/* A 32-bit task's headers: a 4-byte cmsg_len, 4-byte alignment. */
	size_t hdr = c->wordsize == 4 ? 12 : 16;
	uint64_t ws = (uint64_t)c->wordsize;
	long omax = ptc_os_optmem_max();
	size_t clen_all = len > (uint64_t)omax ? (size_t)omax : (size_t)len;
	size_t left = clen_all, off = 0;
	unsigned char *buf;

	if (clen_all < hdr || (buf = malloc(clen_all)) == NULL) {
		ptc__p_addr(c, v);
		return;
	}
	if (ptc__rdall(c, v, buf, clen_all) != 0) {
		free(buf);
		ptc__p_addr(c, v);
		return;
	}
	ptc__l_open(c);
	while (left >= hdr) {
		uint64_t clen = 0, n, al;
		uint32_t clen32;
		int32_t level, type;

		if (hdr == 12) {
			memcpy(&clen32, buf + off, 4);
			clen = clen32;
		} else {
			memcpy(&clen, buf + off, 8);
		}
		memcpy(&level, buf + off + hdr - 8, 4);
		memcpy(&type, buf + off + hdr - 4, 4);
		ptc__s_open(c);
		ptc__s_field(c, "cmsg_len");
		ptc__p_uint(c, clen);
		ptc__s_field(c, "cmsg_level");
		if (level == SOL_SOCKET)
			ptc__p_xval(c, (uint32_t)level, 'x', "SOL_SOCKET");
		else
			ptc__p_enum(c, &ptc__xt_sock_levels, (uint32_t)level,
			    "SOL_???");
		ptc__s_field(c, "cmsg_type");
		n = clen > left ? left : clen;
		if (level == SOL_SOCKET)
			ptc__p_enum(c, &ptc__xt_scm_types, (uint32_t)type,
			    "SCM_???");
		else if (level == IPPROTO_IP)
			ptc__p_enum(c, &ptc__xt_ip_cmsg_types, (uint32_t)type,
			    "IP_???");
		else
			ptc__p_hex(c, (uint32_t)type);
		if (n > hdr)
			cmsg_data(c, level, type, buf + off + hdr,
			    (size_t)(n - hdr), v + off + hdr);
		ptc__s_close(c);
		if (n < hdr) {
			left -= hdr;
			break;
		}
		al = (clen + ws - 1) & ~(ws - 1);
		if (al >= left || al < clen) {
			left = 0;
			break;
		}
		off += (size_t)al;
		left -= (size_t)al;
	}
	if (left != 0) {
		ptc__more_at(c, v + (clen_all - left));
	} else if (clen_all < len) {
		ptc__s_more(c);
	}
	ptc__l_close(c);
	free(buf);
}

/* Read a msghdr of the task's layout at v; -1 when unreadable. */
static int
read_msghdr(struct ptc__dc *c, uint64_t v, struct k_msghdr *m)
{
	uint32_t m32[7];

	if (v == 0)
		return -1;
	if (c->wordsize == 8)
		return ptc__rdall(c, v, m, sizeof(*m));
	/* The 32-bit layout: seven 4-byte fields. */
	if (ptc__rdall(c, v, m32, sizeof(m32)) != 0)
		return -1;
	m->name = m32[0];
	m->namelen = m32[1];
	m->iov = m32[2];
	m->iovlen = m32[3];
	m->control = m32[4];
	m->controllen = m32[5];
	m->flags = m32[6];
	return 0;
}

/*
 * A msghdr whose buffers hold left bytes of data (~0: all of them).
 * inlen: the msg_namelen recvmsg was given (-1: none known): the
 * address shows no more than that, the length as "given => returned".
 */
static void
msghdr_fields(struct ptc__dc *c, const struct k_msghdr *m, int out,
    uint64_t left, int64_t inlen)
{
	int namelen = (int)m->namelen;

	if (inlen >= 0 && namelen > (int)inlen)
		namelen = (int)inlen;
	ptc__s_open(c);
	ptc__s_field(c, "msg_name");
	ptc__p_sockaddr(c, m->name, namelen < 0 ? 0 : (uint64_t)namelen);
	ptc__s_field(c, "msg_namelen");
	if (inlen >= 0 && (int)inlen != (int)m->namelen) {
		ptc__p_int(c, (int)inlen);
		if (!c->f->json)
			ptc__sb_puts(c->o, " => ");
		c->after_field = 1;
	}
	ptc__p_int(c, (int)m->namelen);
	ptc__s_field(c, "msg_iov");
	ptc__p_iovec(c, m->iov, m->iovlen, out, left);
	ptc__s_field(c, "msg_iovlen");
	ptc__p_uint(c, m->iovlen);
	if (m->controllen != 0) {
		ptc__s_field(c, "msg_control");
		cmsgs(c, m->control, m->controllen);
	}
	ptc__s_field(c, "msg_controllen");
	ptc__p_uint(c, m->controllen);
	ptc__s_field(c, "msg_flags");
	ptc__p_flags(c, &ptc__xt_msg_flags, m->flags, NULL);
	ptc__s_close(c);
}

static void
msghdr(struct ptc__dc *c, uint64_t v, int out)
{
	struct k_msghdr m;

	if ((out && c->is_error) || read_msghdr(c, v, &m) != 0) {
		ptc__p_addr(c, v);
		return;
	}
	msghdr_fields(c, &m, out, out ? (uint64_t)c->rval : ~0ull, -1);
}

/*
 * recvmsg's msghdr: the msg_namelen it was given is read at entry
 * (ptc__save_msghdr_out), the rest shown at exit; a failed call shows
 * only that length.
 */
void
ptc__save_msghdr_out(struct ptc__dc *c, int i)
{
	struct k_msghdr m;

	if (c->a[i] != 0 && !c->f->noderef && read_msghdr(c, c->a[i], &m) == 0) {
		c->saved[i] = m.namelen;
		c->saved_ok[i] = 1;
	}
}

/* Messages of an mmsghdr array shown at most (the kernel's UIO_MAXIOV). */
#define MMSG_MAX 1024

/*
 * recvmmsg's messages: the msg_namelen each was given, read at entry
 * for ptc__a_mmsghdrs to show as "given => returned".
 */
void
ptc__save_mmsghdrs(struct ptc__dc *c, int i)
{
	size_t esz = c->wordsize == 4 ? 32 : 64;
	uint64_t k, n = (uint32_t)c->a[2];
	struct k_msghdr m;
	int32_t *nl;

	c->mnl_n = 0;
	/* sendmmsg's (aux 0) go out only */
	if (c->e->args[i].aux != 1 || c->a[i] == 0 || c->f->noderef)
		return;
	if (n > MMSG_MAX)
		n = MMSG_MAX;
	if (n > c->mnl_cap) {
		if ((nl = reallocarray(c->mnl, n, sizeof(*nl))) == NULL)
			return;
		c->mnl = nl;
		c->mnl_cap = (unsigned)n;
	}
	for (k = 0; k < n && read_msghdr(c, c->a[i] + k * esz, &m) == 0; k++)
		c->mnl[k] = (int32_t)m.namelen;
	c->mnl_n = (unsigned)k;
	c->saved_ok[i] = 1;
}

/*
 * sendmmsg's and recvmmsg's struct mmsghdr array (a->aux: 1 received),
 * shown at exit: sendmmsg's vlen messages, msg_len for those it sent,
 * also when it failed; recvmmsg's as many as it received.
 */
void
ptc__a_mmsghdrs(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	size_t esz = c->wordsize == 4 ? 32 : 64;
	uint64_t i, n, sent;
	struct k_msghdr m;
	uint32_t len;
	int recv = a->aux == 1;

	if (v == 0 || (recv && (c->is_error || c->rval < 0))) {
		ptc__p_addr(c, v);
		return;
	}
	sent = c->is_error || c->rval < 0 ? 0 : (uint64_t)c->rval;
	n = recv ? sent : (uint32_t)c->a[2];
	ptc__l_open(c);
	for (i = 0; i < n; i++) {
		uint64_t e = v + i * esz;

		if (read_msghdr(c, e, &m) != 0 ||
		    ptc__rdall(c, e + esz - (c->wordsize == 4 ? 4 : 8), &len,
		    4) != 0) {
			ptc__more_at(c, e);
			break;
		}
		if (ptc__arr_full(c, i))
			break;
		/* no more than were seen at entry, as strace */
		if (i >= MMSG_MAX || (recv && c->saved_ok[c->cur] &&
		    i >= c->mnl_n)) {
			ptc__s_more(c);
			break;
		}
		ptc__s_open(c);
		ptc__s_field(c, "msg_hdr");
		msghdr_fields(c, &m, recv, recv ? len : ~0ull,
		    recv && c->saved_ok[c->cur] && i < c->mnl_n ?
		    c->mnl[i] : -1);
		if (i < sent) {
			ptc__s_field(c, "msg_len");
			ptc__p_uint(c, len);
		}
		ptc__s_close(c);
	}
	ptc__l_close(c);
}

void
ptc__a_msghdr(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	(void)a;
	msghdr(c, v, 0);
}

void
ptc__a_msghdr_out(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	struct k_msghdr m;
	int i = c->cur;

	(void)a;
	if (!c->saved_ok[i]) {
		msghdr(c, v, 1);
		return;
	}
	if (c->is_error) {
		ptc__s_open(c);
		ptc__s_field(c, "msg_namelen");
		ptc__p_int(c, (int)c->saved[i]);
		ptc__s_close(c);
		return;
	}
	if (read_msghdr(c, v, &m) != 0) {
		ptc__p_addr(c, v);
		return;
	}
	msghdr_fields(c, &m, 1, (uint64_t)c->rval, (int32_t)c->saved[i]);
}
