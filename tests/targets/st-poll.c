/*
 * st-poll: a tracee for ptstrace with pipes, poll, select, epoll,
 * eventfd and short sleeps.
 */
#include <poll.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/select.h>
#include <time.h>
#include <unistd.h>

int
main(void)
{
	struct pollfd pfd[2];
	struct timespec ts = { 0, 1000 };
	struct timeval tv = { 0, 0 };
	struct epoll_event ev = { 0 }, out;
	fd_set rfds;
	int p[2], e, efd;
	char c;

	pipe(p);
	write(p[1], "x", 1);
	pfd[0].fd = p[0];
	pfd[0].events = POLLIN;
	pfd[1].fd = p[1];
	pfd[1].events = POLLOUT;
	poll(pfd, 2, 0);
	FD_ZERO(&rfds);
	FD_SET(p[0], &rfds);
	select(p[0] + 1, &rfds, NULL, NULL, &tv);
	read(p[0], &c, 1);
	e = epoll_create1(EPOLL_CLOEXEC);
	ev.events = EPOLLIN;
	ev.data.fd = p[0];
	epoll_ctl(e, EPOLL_CTL_ADD, p[0], &ev);
	epoll_wait(e, &out, 1, 0);
	efd = eventfd(0, EFD_NONBLOCK);
	close(efd);
	close(e);
	nanosleep(&ts, NULL);
	clock_nanosleep(CLOCK_MONOTONIC, 0, &ts, NULL);
	close(p[0]);
	close(p[1]);
	return 0;
}
