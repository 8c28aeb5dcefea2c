/*
 * fdpath.c: what a tracee's descriptor refers to, for strace's -y, and
 * for -yy what a socket is connected to (/proc/PID/net tables for inet
 * sockets, NETLINK_SOCK_DIAG for unix ones, as strace shows them).
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <linux/inet_diag.h>
#include <linux/netlink.h>
#include <linux/netlink_diag.h>
#include <linux/rtnetlink.h>
#include <linux/sock_diag.h>
#include <linux/unix_diag.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/xattr.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "os.h"
#include "linux.h"

int
ptc_os_fdpath(pid_t pid, int fd, char *buf, size_t len)
{
	char link[64];
	ssize_t n;

	if (fd >= 0)
		snprintf(link, sizeof(link), "/proc/%d/fd/%d", ptc_os_procpid(pid), fd);
	else
		snprintf(link, sizeof(link), "/proc/%d/cwd", ptc_os_procpid(pid));
	n = readlink(link, buf, len - 1);
	if (n < 0)
		return -1;
	buf[n] = '\0';
	return 0;
}

/*
 * For -P: the path of descriptor fd >= 0, without the " (deleted)" the
 * kernel appends when no file of that name is the same file any more,
 * as strace takes it.
 */
int
ptc_os_fdpath_live(pid_t pid, int fd, char *buf, size_t len)
{
	static const char del[] = " (deleted)";
	char link[64];
	struct stat sl, sp;
	size_t n;

	if (fd < 0 || ptc_os_fdpath(pid, fd, buf, len) != 0)
		return -1;
	n = strlen(buf);
	if (n <= sizeof(del) || strcmp(buf + n - (sizeof(del) - 1), del) != 0)
		return 0;
	snprintf(link, sizeof(link), "/proc/%d/fd/%d", ptc_os_procpid(pid), fd);
	if (stat(link, &sl) == 0 && (lstat(buf, &sp) != 0 ||
	    sl.st_ino != sp.st_ino || sl.st_dev != sp.st_dev))
		buf[n - (sizeof(del) - 1)] = '\0';
	return 0;
}

/* ---- -yy: what a socket is connected to ---- */

/* "127.0.0.1:80" or "[::1]:80"; *zero when address and port are all 0. */
static int
endpoint(const unsigned char *a, unsigned port, int v6, char *out,
    size_t len, int *zero)
{
	char ip[INET6_ADDRSTRLEN];

	*zero = port == 0;
	for (unsigned i = 0; i < (v6 ? 16u : 4u); i++)
		if (a[i] != 0)
			*zero = 0;
	if (inet_ntop(v6 ? AF_INET6 : AF_INET, a, ip, sizeof(ip)) == NULL)
		return -1;
	snprintf(out, len, v6 ? "[%s]:%u" : "%s:%u", ip, port);
	return 0;
}

/* "PROTO:[LOCAL->REMOTE]", "PROTO:[LOCAL]" or "PROTO:[INODE]". */
static void
sock_text(char *buf, size_t len, const char *proto, const char *la,
    int lz, const char *ra, int rz, unsigned long ino)
{
	if (!rz)
		snprintf(buf, len, "%s:[%s->%s]", proto, la, ra);
	else if (!lz)
		snprintf(buf, len, "%s:[%s]", proto, la);
	else
		snprintf(buf, len, "%s:[%lu]", proto, ino);
}

/* An endpoint from a /proc/net address "0100007F:0050". */
static int
proc_addr(const char *s, int v6, char *out, size_t len, int *zero)
{
	unsigned char a[16];
	uint32_t w;
	unsigned port, i;
	char hex[9];
	size_t n = v6 ? 32 : 8;

	if (strlen(s) < n + 2 || s[n] != ':')
		return -1;
	for (i = 0; i < n / 8; i++) {
		memcpy(hex, s + i * 8, 8);
		hex[8] = '\0';
		w = (uint32_t)strtoul(hex, NULL, 16);
		memcpy(a + i * 4, &w, 4);
	}
	port = (unsigned)strtoul(s + n + 1, NULL, 16);
	return endpoint(a, port, v6, out, len, zero);
}

static int
inet_sock(pid_t pid, const char *table, int v6, unsigned long ino,
    const char *proto, char *buf, size_t len)
{
	char path[64], line[512], l[80], r[80], la[64], ra[64];
	unsigned long in;
	int lz, rz, found = -1;
	FILE *fp;

	snprintf(path, sizeof(path), "/proc/%d/net/%s", ptc_os_procpid(pid), table);
	if ((fp = fopen(path, "re")) == NULL)
		return -1;
	while (fgets(line, sizeof(line), fp) != NULL) {
		if (sscanf(line, "%*s %79s %79s %*s %*s %*s %*s %*s %*s %lu",
		    l, r, &in) != 3 || in != ino)
			continue;
		if (proc_addr(l, v6, la, sizeof(la), &lz) != 0 ||
		    proc_addr(r, v6, ra, sizeof(ra), &rz) != 0)
			break;
		sock_text(buf, len, proto, la, lz, ra, rz, ino);
		found = 0;
		break;
	}
	fclose(fp);
	return found;
}

/*
 * A NETLINK_SOCK_DIAG socket with request q (qlen bytes, starting with
 * its nlmsghdr, which this fills in) sent: the descriptor, or -1.
 */
static int
diag_ask(void *q, size_t qlen, unsigned flags)
{
	struct sockaddr_nl nl = { .nl_family = AF_NETLINK };
	struct nlmsghdr *nh = q;
	int fd;

	fd = socket(AF_NETLINK, SOCK_DGRAM | SOCK_CLOEXEC, NETLINK_SOCK_DIAG);
	if (fd < 0)
		return -1;
	nh->nlmsg_len = (uint32_t)qlen;
	nh->nlmsg_type = SOCK_DIAG_BY_FAMILY;
	nh->nlmsg_flags = (uint16_t)(NLM_F_REQUEST | flags);
	if (sendto(fd, q, qlen, 0, (struct sockaddr *)&nl, sizeof(nl)) !=
	    (ssize_t)qlen) {
		close(fd);
		return -1;
	}
	return fd;
}

/*
 * A NETLINK_SOCK_DIAG dump of request q: each answer goes to match until
 * match says 1 (found: 0 returned); -1 when none did.  A match of -1
 * skips the rest of that read.  Bounded: a host with very many sockets
 * is not read to the end.
 */
static int
diag_dump(void *q, size_t qlen,
    int (*match)(const struct nlmsghdr *, void *), void *arg)
{
	union {
		char b[16384];
		struct nlmsghdr nh;
	} rsp;
	int fd, found = -1, done = 0, rounds = 0, r;
	ssize_t n;

	if ((fd = diag_ask(q, qlen, NLM_F_DUMP)) < 0)
		return -1;
	while (!done && found != 0 && rounds++ < 256 &&
	    (n = recv(fd, rsp.b, sizeof(rsp.b), 0)) > 0) {
		struct nlmsghdr *h;

		for (h = &rsp.nh; NLMSG_OK(h, (size_t)n); h = NLMSG_NEXT(h, n)) {
			if (h->nlmsg_type == NLMSG_DONE ||
			    h->nlmsg_type == NLMSG_ERROR) {
				done = 1;
				break;
			}
			if ((r = match(h, arg)) == 1)
				found = 0;
			if (r != 0)
				break;
		}
	}
	close(fd);
	return found;
}

struct inet_want {
	int family;
	unsigned long ino;
	const char *proto;
	char *buf;
	size_t len;
};

static int
inet_match(const struct nlmsghdr *h, void *arg)
{
	struct inet_want *w = arg;
	const struct inet_diag_msg *m = NLMSG_DATA(h);
	char la[INET6_ADDRSTRLEN + 16], ra[INET6_ADDRSTRLEN + 16];
	int lz, rz, v6 = w->family == AF_INET6;

	if (h->nlmsg_len < NLMSG_LENGTH(sizeof(*m)) ||
	    m->idiag_inode != (unsigned)w->ino)
		return 0;
	if (endpoint((const unsigned char *)m->id.idiag_src,
	    ntohs(m->id.idiag_sport), v6, la, sizeof(la), &lz) != 0 ||
	    endpoint((const unsigned char *)m->id.idiag_dst,
	    ntohs(m->id.idiag_dport), v6, ra, sizeof(ra), &rz) != 0)
		return -1;
	sock_text(w->buf, w->len, w->proto, la, lz, ra, rz, w->ino);
	return 1;
}

/*
 * An inet socket through NETLINK_SOCK_DIAG: a dump of the protocol's
 * sockets in every state (a socket that is only bound is not in
 * /proc/net/tcp), matched by inode.
 */
static int
inet_diag(int family, int protocol, unsigned long ino, const char *proto,
    char *buf, size_t len)
{
	struct {
		struct nlmsghdr nh;
		struct inet_diag_req_v2 req;
	} q;
	struct inet_want w = { family, ino, proto, buf, len };

	memset(&q, 0, sizeof(q));
	q.req.sdiag_family = (unsigned char)family;
	q.req.sdiag_protocol = (unsigned char)protocol;
	q.req.idiag_states = ~0u;
	return diag_dump(&q, sizeof(q), inet_match, &w);
}

/* A unix socket's peer and name through NETLINK_SOCK_DIAG. */
static int
unix_sock(unsigned long ino, const char *proto, char *buf, size_t len)
{
	struct {
		struct nlmsghdr nh;
		struct unix_diag_req req;
	} q;
	union {
		char b[8192];
		struct nlmsghdr nh;
	} rsp;
	struct nlmsghdr *h;
	struct unix_diag_msg *m;
	struct rtattr *at;
	unsigned peer = 0;
	char name[256] = "";
	ssize_t n;
	int fd, alen, ok = -1;

	memset(&q, 0, sizeof(q));
	q.req.sdiag_family = AF_UNIX;
	q.req.udiag_states = ~0u;
	q.req.udiag_ino = (unsigned)ino;
	q.req.udiag_show = UDIAG_SHOW_NAME | UDIAG_SHOW_PEER;
	q.req.udiag_cookie[0] = q.req.udiag_cookie[1] = ~0u;
	if ((fd = diag_ask(&q, sizeof(q), 0)) < 0)
		return -1;
	if ((n = recv(fd, rsp.b, sizeof(rsp.b), 0)) <= 0) {
		close(fd);
		return -1;
	}
	close(fd);
	for (h = &rsp.nh; NLMSG_OK(h, (size_t)n); h = NLMSG_NEXT(h, n)) {
		if (h->nlmsg_type != SOCK_DIAG_BY_FAMILY ||
		    h->nlmsg_len < NLMSG_LENGTH(sizeof(*m)))
			break;
		m = NLMSG_DATA(h);
		if (m->udiag_ino != (unsigned)ino)
			continue;
		alen = (int)(h->nlmsg_len - NLMSG_LENGTH(sizeof(*m)));
		for (at = (struct rtattr *)(m + 1); RTA_OK(at, alen);
		    at = RTA_NEXT(at, alen)) {
			size_t pl = RTA_PAYLOAD(at);

			if (at->rta_type == UNIX_DIAG_PEER && pl >= 4)
				memcpy(&peer, RTA_DATA(at), 4);
			else if (at->rta_type == UNIX_DIAG_NAME && pl > 0) {
				const char *p = RTA_DATA(at);

				if (pl >= sizeof(name) - 1)
					pl = sizeof(name) - 2;
				if (p[0] == '\0') {
					/* Abstract: shown as @"name". */
					name[0] = '@';
					memcpy(name + 1, p + 1, pl - 1);
					name[pl] = '\0';
				} else {
					memcpy(name, p, pl);
					name[pl] = '\0';
				}
			}
		}
		ok = 0;
		break;
	}
	if (ok != 0)
		return -1;
	if (peer != 0 && name[0] == '@')
		snprintf(buf, len, "%s:[%lu->%u,@\"%s\"]", proto, ino, peer,
		    name + 1);
	else if (peer != 0 && name[0] != '\0')
		snprintf(buf, len, "%s:[%lu->%u,\"%s\"]", proto, ino, peer, name);
	else if (peer != 0)
		snprintf(buf, len, "%s:[%lu->%u]", proto, ino, peer);
	else if (name[0] == '@')
		snprintf(buf, len, "%s:[%lu,@\"%s\"]", proto, ino, name + 1);
	else if (name[0] != '\0')
		snprintf(buf, len, "%s:[%lu,\"%s\"]", proto, ino, name);
	else
		snprintf(buf, len, "%s:[%lu]", proto, ino);
	return 0;
}

struct nl_want {
	unsigned long ino;
	int *proto;
	unsigned *portid;
};

static int
netlink_match(const struct nlmsghdr *h, void *arg)
{
	struct nl_want *w = arg;
	const struct netlink_diag_msg *m = NLMSG_DATA(h);

	if (h->nlmsg_len < NLMSG_LENGTH(sizeof(*m)) ||
	    m->ndiag_ino != (unsigned)w->ino)
		return 0;
	*w->proto = m->ndiag_protocol;
	*w->portid = m->ndiag_portid;
	return 1;
}

/*
 * A netlink socket's protocol and port id, through NETLINK_SOCK_DIAG:
 * a dump of every netlink socket, matched by inode.  0 when found.
 */
static int
netlink_diag(unsigned long ino, int *proto, unsigned *portid)
{
	struct {
		struct nlmsghdr nh;
		struct netlink_diag_req req;
	} q;
	struct nl_want w = { ino, proto, portid };

	memset(&q, 0, sizeof(q));
	q.req.sdiag_family = AF_NETLINK;
	q.req.sdiag_protocol = NDIAG_PROTO_ALL;
	return diag_dump(&q, sizeof(q), netlink_match, &w);
}

/* The protocols' names as strace shows them after "NETLINK:[". */
static const char *const nl_names[] = {
	"ROUTE", "UNUSED", "USERSOCK", "FIREWALL", "SOCK_DIAG", "NFLOG",
	"XFRM", "SELINUX", "ISCSI", "AUDIT", "FIB_LOOKUP", "CONNECTOR",
	"NETFILTER", "IP6_FW", "DNRTMSG", "KOBJECT_UEVENT", "GENERIC", NULL,
	"SCSITRANSPORT", "ECRYPTFS", "RDMA", "CRYPTO", "SMC",
};

static int
netlink_sock(unsigned long ino, char *buf, size_t len)
{
	unsigned portid;
	int proto;

	if (netlink_diag(ino, &proto, &portid) != 0)
		return -1;
	if (proto >= 0 && proto < (int)(sizeof(nl_names) / sizeof(nl_names[0]))
	    && nl_names[proto] != NULL)
		snprintf(buf, len, "NETLINK:[%s:%u]", nl_names[proto], portid);
	else
		snprintf(buf, len, "NETLINK:[%d:%u]", proto, portid);
	return 0;
}

int
ptc_os_fdnlproto(pid_t pid, int fd, int *proto)
{
	char path[64], link[64];
	unsigned long ino;
	unsigned portid;
	ssize_t n;

	if (ptc_os_fdpath(pid, fd, link, sizeof(link)) != 0 ||
	    sscanf(link, "socket:[%lu]", &ino) != 1)
		return -1;
	snprintf(path, sizeof(path), "/proc/%d/fd/%d", ptc_os_procpid(pid), fd);
	n = getxattr(path, "system.sockprotoname", link, sizeof(link) - 1);
	if (n <= 0)
		return -1;
	link[n] = '\0';
	if (strcmp(link, "NETLINK") != 0)
		return -1;
	/* A socket not bound yet is in no table: its protocol is unknown. */
	if (netlink_diag(ino, proto, &portid) != 0)
		*proto = -1;
	return 0;
}

/*
 * What recent sockets were found to be, by inode: a connection reset by
 * its peer leaves the kernel's tables before the program closes it, and
 * strace keeps showing what it last knew.
 */
static struct {
	unsigned long ino;
	char desc[160];
} seen[64];
static unsigned seen_next;

static int
remember(unsigned long ino, const char *desc, int ok)
{
	unsigned i;

	if (ok) {
		for (i = 0; i < 64; i++)
			if (seen[i].ino == ino)
				break;
		if (i == 64)
			i = seen_next++ % 64;
		seen[i].ino = ino;
		snprintf(seen[i].desc, sizeof(seen[i].desc), "%s", desc);
	}
	return 0;
}

static int
recall(unsigned long ino, char *buf, size_t len)
{
	unsigned i;

	for (i = 0; i < 64; i++) {
		if (seen[i].ino == ino && seen[i].desc[0] != '\0') {
			snprintf(buf, len, "%s", seen[i].desc);
			return 0;
		}
	}
	return -1;
}

int
ptc_os_fdsock(pid_t pid, int fd, const char *link, char *buf, size_t len)
{
	char path[64], proto[32];
	unsigned long ino;
	ssize_t n;

	if (sscanf(link, "socket:[%lu]", &ino) != 1)
		return -1;
	snprintf(path, sizeof(path), "/proc/%d/fd/%d", ptc_os_procpid(pid), fd);
	n = getxattr(path, "system.sockprotoname", proto, sizeof(proto) - 1);
	if (n <= 0)
		return -1;
	proto[n] = '\0';
	/*
	 * sock_diag answers for the tracer's network namespace; the
	 * tracee's /proc/PID/net tables are the fallback.
	 */
	if (strcmp(proto, "TCP") == 0 &&
	    (inet_diag(AF_INET, IPPROTO_TCP, ino, proto, buf, len) == 0 ||
	    inet_sock(pid, "tcp", 0, ino, proto, buf, len) == 0))
		return remember(ino, buf, 1);
	if (strcmp(proto, "UDP") == 0 &&
	    (inet_diag(AF_INET, IPPROTO_UDP, ino, proto, buf, len) == 0 ||
	    inet_sock(pid, "udp", 0, ino, proto, buf, len) == 0))
		return remember(ino, buf, 1);
	if (strcmp(proto, "TCPv6") == 0 &&
	    (inet_diag(AF_INET6, IPPROTO_TCP, ino, proto, buf, len) == 0 ||
	    inet_sock(pid, "tcp6", 1, ino, proto, buf, len) == 0))
		return remember(ino, buf, 1);
	if (strcmp(proto, "UDPv6") == 0 &&
	    (inet_diag(AF_INET6, IPPROTO_UDP, ino, proto, buf, len) == 0 ||
	    inet_sock(pid, "udp6", 1, ino, proto, buf, len) == 0))
		return remember(ino, buf, 1);
	/*
	 * A unix socket whose peer has closed no longer names it: what was
	 * seen of it while connected stays (as strace shows it).
	 */
	if (strncmp(proto, "UNIX", 4) == 0 &&
	    unix_sock(ino, proto, buf, len) == 0) {
		if (strstr(buf, "->") != NULL)
			return remember(ino, buf, 1);
		recall(ino, buf, len);
		return 0;
	}
	if (strcmp(proto, "NETLINK") == 0 && netlink_sock(ino, buf, len) == 0)
		return 0;
	if (recall(ino, buf, len) == 0)
		return 0;
	snprintf(buf, len, "%s:[%lu]", proto, ino);
	return 0;
}

int
ptc_os_fdpidfd(pid_t pid, int fd, const char *path)
{
	char fdi[64], line[256];
	FILE *fp;
	int tpid = 0;

	if (strcmp(path, "anon_inode:[pidfd]") != 0)
		return 0;
	snprintf(fdi, sizeof(fdi), "/proc/%d/fdinfo/%d", ptc_os_procpid(pid), fd);
	if ((fp = fopen(fdi, "re")) == NULL)
		return 0;
	while (fgets(line, sizeof(line), fp) != NULL)
		if (sscanf(line, "Pid:\t%d", &tpid) == 1)
			break;
	fclose(fp);
	return tpid > 0 ? tpid : 0;
}
