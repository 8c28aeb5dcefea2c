/*
 * st-sockets: a tracee for ptstrace that makes socket syscalls over a
 * socketpair, UDP on the loopback and a unix socket in the current
 * directory.
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

int
main(void)
{
	struct sockaddr_in in;
	struct sockaddr_un un;
	socklen_t len;
	char buf[32];
	int sv[2], u, one = 1, s, c;

	socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
	send(sv[0], "ping", 4, 0);
	recv(sv[1], buf, sizeof(buf), 0);
	shutdown(sv[0], SHUT_WR);
	close(sv[0]);
	close(sv[1]);

	u = socket(AF_INET, SOCK_DGRAM, 0);
	setsockopt(u, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	memset(&in, 0, sizeof(in));
	in.sin_family = AF_INET;
	in.sin_port = htons(0);
	in.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	bind(u, (struct sockaddr *)&in, sizeof(in));
	len = sizeof(in);
	getsockname(u, (struct sockaddr *)&in, &len);
	close(u);

	memset(&un, 0, sizeof(un));
	un.sun_family = AF_UNIX;
	strcpy(un.sun_path, "st-sock");
	unlink("st-sock");
	s = socket(AF_UNIX, SOCK_STREAM, 0);
	bind(s, (struct sockaddr *)&un, sizeof(un));
	listen(s, 1);
	c = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	connect(c, (struct sockaddr *)&un, sizeof(un));
	close(c);
	close(s);
	unlink("st-sock");
	return 0;
}
