/*
 * st-msgname: recvmsg's msg_namelen goes in and comes back.  A datagram
 * from a bound unix socket is received three times: with room for the
 * whole address, with room for its family only, and into an address
 * that cannot be written (EFAULT).  Then two go out by sendmmsg (and
 * two more fail to, on a bad descriptor) and come back by recvmmsg,
 * given room for the family only and for the whole address.  Sockets
 * in the current directory.
 */
#define _GNU_SOURCE
#include <sys/socket.h>
#include <sys/un.h>

#include <stdio.h>
#include <string.h>
#include <unistd.h>

static void
name(struct sockaddr_un *a, const char *path)
{
	memset(a, 0, sizeof(*a));
	a->sun_family = AF_UNIX;
	strcpy(a->sun_path, path);
	unlink(path);
}

int
main(void)
{
	struct sockaddr_un ra, sa, from;
	char buf[1];
	struct iovec iov = { buf, 1 };
	struct msghdr m;
	int r, s, i;
	static const socklen_t lens[] = { sizeof(from), 2, sizeof(from) };

	r = socket(AF_UNIX, SOCK_DGRAM, 0);
	s = socket(AF_UNIX, SOCK_DGRAM, 0);
	name(&ra, "msgname.r");
	name(&sa, "msgname.s");
	if (r < 0 || s < 0 || bind(r, (struct sockaddr *)&ra, sizeof(ra)) ||
	    bind(s, (struct sockaddr *)&sa, sizeof(sa)) ||
	    connect(s, (struct sockaddr *)&ra, sizeof(ra))) {
		perror("st-msgname");
		return 1;
	}
	for (i = 0; i < 3; i++) {
		if (send(s, "A", 1, 0) != 1)
			return 1;
		memset(&m, 0, sizeof(m));
		m.msg_name = i == 2 ? (void *)8 : &from;
		m.msg_namelen = lens[i];
		m.msg_iov = &iov;
		m.msg_iovlen = 1;
		recvmsg(r, &m, 0);
	}
	{
		struct mmsghdr mm[2];
		struct sockaddr_un fr[2];
		char b[2][1];
		struct iovec io[2] = { { b[0], 1 }, { b[1], 1 } };

		memset(mm, 0, sizeof(mm));
		for (i = 0; i < 2; i++) {
			mm[i].msg_hdr.msg_iov = &io[i];
			mm[i].msg_hdr.msg_iovlen = 1;
			b[i][0] = (char)('x' + i);
		}
		sendmmsg(s, mm, 2, 0);
		sendmmsg(-1, mm, 2, 0);
		for (i = 0; i < 2; i++) {
			mm[i].msg_hdr.msg_name = &fr[i];
			mm[i].msg_hdr.msg_namelen = i == 0 ? 2 : sizeof(fr[i]);
		}
		recvmmsg(r, mm, 2, 0, NULL);
	}
	unlink("msgname.r");
	unlink("msgname.s");
	return 0;
}
