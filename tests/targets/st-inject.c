/*
 * st-inject: a tracee for ptstrace's -e inject= and -e fault=.  It makes
 * the same few syscalls several times and prints what each returned, so
 * a test sees both the tampered result and that the calls after it ran
 * as usual; a buffer passed to faccessat() shows memory written through a
 * syscall argument, and a counter shows the signals that came.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static volatile sig_atomic_t nsig;

static void
on_usr1(int sig)
{
	(void)sig;
	nsig++;
}

static void
result(const char *what, int i, long r, int e)
{
	if (r == -1)
		printf("%s %d: -1 %s\n", what, i, strerror(e));
	else
		printf("%s %d: %ld\n", what, i, r);
}

int
main(void)
{
	char path[16] = "/nonexistent";
	long r;
	int i, fd;

	signal(SIGUSR1, on_usr1);
	for (i = 1; i <= 4; i++) {
		r = chdir(".");
		result("chdir", i, r, errno);
		fd = open("/dev/null", O_RDONLY);
		result("open", i, fd, errno);
		if (fd >= 0)
			close(fd);
		r = umask(022);
		result("umask", i, r, errno);
	}
	/* faccessat: the dynamic loader makes access() calls of its own. */
	r = faccessat(AT_FDCWD, path, F_OK, 0);
	result("faccessat", 1, r, errno);
	printf("path: %s\n", path);
	printf("signals: %d\n", (int)nsig);
	return 0;
}
