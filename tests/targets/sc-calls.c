/*
 * sc-calls: one call of each kind the syscall decoders know, with fixed
 * arguments, so that a tracer's output can be compared line by line
 * with strace's (run both under `setarch -R`).  Nothing printed depends
 * on the pid; file names are relative to the current directory, which
 * should be a scratch directory.  Exits 0.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/random.h>
#include <sys/resource.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/timerfd.h>
#include <sys/uio.h>
#include <sys/un.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static void
handler(int sig)
{
	(void)sig;
}

static void
files(void)
{
	static const char text[] = "line one\nline \"two\"\t\x01\xff end\n";
	struct stat st;
	char buf[128];
	int fd, fds[2];

	fd = open("sc-calls.tmp", O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0640);
	write(fd, text, sizeof(text) - 1);
	pwrite(fd, "XY", 2, 5);
	fsync(fd);
	fstat(fd, &st);
	close(fd);
	fd = openat(AT_FDCWD, "sc-calls.tmp", O_RDONLY);
	read(fd, buf, 4);
	pread(fd, buf, sizeof(buf), 0);
	lseek(fd, 0, SEEK_SET);
	lseek(fd, -3, SEEK_END);
	fcntl(fd, F_GETFL);
	fcntl(fd, F_SETFD, FD_CLOEXEC);
	fcntl(fd, F_GETFD);
	close(fd);
	stat("sc-calls.tmp", &st);
	lstat("sc-calls.nonexistent", &st);
	access("sc-calls.tmp", R_OK | W_OK);
	faccessat(AT_FDCWD, "sc-calls.tmp", F_OK, 0);
	rename("sc-calls.tmp", "sc-calls.tmp2");
	truncate("sc-calls.tmp2", 3);
	chmod("sc-calls.tmp2", 0600);
	unlink("sc-calls.tmp2");
	mkdir("sc-calls.d", 0755);
	rmdir("sc-calls.d");
	readlink("sc-calls.nonexistent", buf, sizeof(buf));
	pipe2(fds, O_CLOEXEC | O_NONBLOCK);
	dup2(fds[0], 20);
	dup3(fds[1], 21, O_CLOEXEC);
	write(21, "ping", 4);
	read(20, buf, sizeof(buf));
	read(20, buf, sizeof(buf));
	close(20);
	close(21);
	close(fds[0]);
	close(fds[1]);
	close(-1);
}

static void
memory(void)
{
	void *p = mmap(NULL, 16384, PROT_READ | PROT_WRITE,
	    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	mprotect(p, 4096, PROT_NONE);
	madvise(p, 16384, MADV_DONTNEED);
	munmap(p, 16384);
	munmap(NULL, 0);
	mmap(NULL, 4096, PROT_READ, MAP_SHARED, -1, 0);
}

static void
signals(void)
{
	struct sigaction sa;
	sigset_t set, old;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = handler;
	sa.sa_flags = SA_RESTART;
	sigaddset(&sa.sa_mask, SIGUSR2);
	sigaction(SIGUSR1, &sa, NULL);
	sigaction(SIGUSR1, NULL, &sa);
	sa.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &sa, NULL);
	sigemptyset(&set);
	sigaddset(&set, SIGCHLD);
	sigaddset(&set, SIGRTMIN + 3);
	sigprocmask(SIG_BLOCK, &set, NULL);
	sigprocmask(SIG_UNBLOCK, &set, &old);
	sigprocmask(SIG_SETMASK, NULL, &old);
}

static void
processes(void)
{
	pid_t pid;
	int st;

	pid = fork();
	if (pid == 0)
		_exit(3);
	waitpid(pid, &st, 0);
	wait4(-1, &st, WNOHANG, NULL);
}

static void
sockets(void)
{
	struct sockaddr_in sin;
	struct sockaddr_un sun;
	int s, one = 1, sv[2];
	char buf[16];

	s = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	memset(&sin, 0, sizeof(sin));
	sin.sin_family = AF_INET;
	sin.sin_port = htons(9);
	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	connect(s, (struct sockaddr *)&sin, sizeof(sin));
	close(s);
	s = socket(AF_UNIX, SOCK_DGRAM, 0);
	memset(&sun, 0, sizeof(sun));
	sun.sun_family = AF_UNIX;
	strcpy(sun.sun_path, "sc-calls.sock");
	sendto(s, "hi", 2, MSG_DONTWAIT, (struct sockaddr *)&sun, sizeof(sun));
	close(s);
	socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
	send(sv[0], "hello", 5, 0);
	recv(sv[1], buf, sizeof(buf), 0);
	shutdown(sv[0], SHUT_WR);
	close(sv[0]);
	close(sv[1]);
	socket(AF_INET6, SOCK_DGRAM, IPPROTO_UDP);
}

static void
waiting(void)
{
	struct timespec ts = { 0, 1000 };
	struct pollfd pfd;
	struct epoll_event ev;
	struct itimerspec its;
	fd_set rfds;
	struct timeval tv = { 0, 0 };
	int fds[2], ep, efd, tfd;

	nanosleep(&ts, NULL);
	clock_nanosleep(CLOCK_MONOTONIC, 0, &ts, NULL);
	pipe(fds);
	write(fds[1], "x", 1);
	pfd.fd = fds[0];
	pfd.events = POLLIN;
	poll(&pfd, 1, 0);
	FD_ZERO(&rfds);
	FD_SET(fds[0], &rfds);
	select(fds[0] + 1, &rfds, NULL, NULL, &tv);
	ep = epoll_create1(EPOLL_CLOEXEC);
	memset(&ev, 0, sizeof(ev));
	ev.events = EPOLLIN;
	ev.data.fd = fds[0];
	epoll_ctl(ep, EPOLL_CTL_ADD, fds[0], &ev);
	epoll_wait(ep, &ev, 1, 0);
	efd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
	tfd = timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC);
	memset(&its, 0, sizeof(its));
	its.it_value.tv_sec = 100;
	timerfd_settime(tfd, 0, &its, NULL);
	close(efd);
	close(tfd);
	close(ep);
	close(fds[0]);
	close(fds[1]);
}

static void
misc(void)
{
	struct utsname u;
	struct rlimit rl;
	char buf[64];

	uname(&u);
	getrlimit(RLIMIT_NOFILE, &rl);
	rl.rlim_cur = 1024;
	rl.rlim_max = RLIM_INFINITY;
	prlimit(0, RLIMIT_CORE, NULL, &rl);
	prctl(PR_SET_NAME, "sc-calls");
	prctl(PR_GET_NAME, buf);
	prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0);
	umask(022);
	getcwd(buf, sizeof(buf));
	getuid();
	getgid();
	syscall(SYS_getrandom, buf, 0, GRND_NONBLOCK);
	syscall(12345, 1, 2, 3, 4, 5, 6);
}

int
main(void)
{
	files();
	memory();
	signals();
	processes();
	sockets();
	waiting();
	misc();
	return 0;
}
