/*
 * genl.c: what the kernel says about its networking that decoders need:
 * the generic netlink families (their ids and names, as NETLINK_GENERIC's
 * controller lists them; a generic netlink message's type is its
 * family's id) and the limit on control message buffers.
 */
#include <linux/genetlink.h>
#include <linux/netlink.h>
#include <sys/socket.h>

#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "os.h"

int
ptc_os_genl_families(struct ptc_os_genl *out, int max)
{
	struct {
		struct nlmsghdr nh;
		struct genlmsghdr g;
	} q;
	union {
		char b[16384];
		struct nlmsghdr nh;
	} rsp;
	struct sockaddr_nl nl = { .nl_family = AF_NETLINK };
	int fd, n = 0, done = 0, rounds = 0;
	ssize_t len;

	fd = socket(AF_NETLINK, SOCK_DGRAM | SOCK_CLOEXEC, NETLINK_GENERIC);
	if (fd < 0)
		return -1;
	memset(&q, 0, sizeof(q));
	q.nh.nlmsg_len = sizeof(q);
	q.nh.nlmsg_type = GENL_ID_CTRL;
	q.nh.nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
	q.g.cmd = CTRL_CMD_GETFAMILY;
	q.g.version = 1;
	if (sendto(fd, &q, sizeof(q), 0, (struct sockaddr *)&nl,
	    sizeof(nl)) != (ssize_t)sizeof(q)) {
		close(fd);
		return -1;
	}
	while (!done && rounds++ < 64 &&
	    (len = recv(fd, rsp.b, sizeof(rsp.b), 0)) > 0) {
		struct nlmsghdr *h;

		for (h = &rsp.nh; NLMSG_OK(h, (size_t)len);
		    h = NLMSG_NEXT(h, len)) {
			struct nlattr *a;
			int alen, id = -1;
			const char *name = NULL;
			size_t nlen = 0;

			if (h->nlmsg_type == NLMSG_DONE ||
			    h->nlmsg_type == NLMSG_ERROR) {
				done = 1;
				break;
			}
			alen = (int)h->nlmsg_len - NLMSG_LENGTH(GENL_HDRLEN);
			a = (struct nlattr *)((char *)NLMSG_DATA(h) +
			    GENL_HDRLEN);
			while (alen >= NLA_HDRLEN && a->nla_len >= NLA_HDRLEN &&
			    a->nla_len <= alen) {
				if (a->nla_type == CTRL_ATTR_FAMILY_ID &&
				    a->nla_len >= NLA_HDRLEN + 2) {
					uint16_t v;

					memcpy(&v, (char *)a + NLA_HDRLEN, 2);
					id = v;
				} else if (a->nla_type == CTRL_ATTR_FAMILY_NAME) {
					name = (char *)a + NLA_HDRLEN;
					nlen = a->nla_len - NLA_HDRLEN;
				}
				alen -= NLA_ALIGN(a->nla_len);
				a = (struct nlattr *)((char *)a +
				    NLA_ALIGN(a->nla_len));
			}
			if (id < 0 || name == NULL || n >= max)
				continue;
			out[n].id = (unsigned)id;
			nlen = strnlen(name, nlen);
			if (nlen >= sizeof(out[n].name))
				nlen = sizeof(out[n].name) - 1;
			memcpy(out[n].name, name, nlen);
			out[n].name[nlen] = '\0';
			n++;
		}
	}
	close(fd);
	return n;
}

/*
 * The kernel's limit on a socket's option memory, which bounds the
 * control messages a call can pass (strace shows no more of them).
 */
long
ptc_os_optmem_max(void)
{
	static long cached;
	FILE *fp;
	long v = 0;

	if (cached > 0)
		return cached;
	if ((fp = fopen("/proc/sys/net/core/optmem_max", "re")) != NULL) {
		if (fscanf(fp, "%ld", &v) != 1)
			v = 0;
		fclose(fp);
	}
	/* The default of kernels that do not say: 2 * UIO_MAXIOV + 512 words. */
	cached = v > 0 ? v : (long)sizeof(long) * (2 * 1024 + 512);
	return cached;
}
