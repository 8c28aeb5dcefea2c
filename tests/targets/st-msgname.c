/*
 * st-msgname: recvmsg's msg_namelen goes in and comes back.  A datagram
 * from a bound unix socket is received three times: with room for the
 * whole address, with room for its family only, and into an address
 * that cannot be written (EFAULT).  Sockets in the current directory.
 */
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
	unlink("msgname.r");
	unlink("msgname.s");
	return 0;
}
