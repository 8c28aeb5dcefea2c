/*
 * st-pids: a tracee for ptstrace -Y and -n whose process ids are all
 * of live processes when they are shown (or all of dead ones), so that
 * the command names strace adds come out the same every run.  It prints
 * "self PID", "parent PID", "child PID", "thread TID" on stdout for the
 * tests to normalise the numbers (only "self" with "rename").  With "rename" it only renames itself
 * (prctl PR_SET_NAME) and calls getpid(), for -f's line prefix.
 */
#define _GNU_SOURCE
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/wait.h>

#include <fcntl.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static int tpipe[2];
static volatile pid_t thread_tid;

static void
on_usr1(int sig)
{
	(void)sig;
}

/* Blocks until the main thread writes: alive while its tid is shown. */
static void *
thread_main(void *arg)
{
	char ch;

	(void)arg;
	thread_tid = (pid_t)syscall(SYS_gettid);
	if (read(tpipe[0], &ch, 1) != 1)
		return NULL;
	return NULL;
}

int
main(int argc, char *argv[])
{
	struct rlimit rl;
	struct sched_param sp;
	sigset_t set;
	siginfo_t si;
	pthread_t t;
	pid_t self, child;
	char buf[8];
	struct iovec l = { buf, sizeof(buf) }, r = { buf, sizeof(buf) };
	int cpipe[2], st, fd;

	self = getpid();
	printf("self %d\n", (int)self);
	fflush(stdout);
	if (argc > 1 && strcmp(argv[1], "rename") == 0) {
		prctl(PR_SET_NAME, "st-renamed", 0, 0, 0);
		getpid();
		return 0;
	}
	printf("parent %d\n", (int)getppid());
	syscall(SYS_gettid);
	getpgrp();
	getpgid(0);
	getpgid(self);
	getsid(self);
	setpgid(0, 0);
	kill(self, 0);
	kill(-getpgrp(), 0);
	kill(0, 0);
	syscall(SYS_tkill, self, 0);
	syscall(SYS_tgkill, self, self, 0);
	sched_getparam(self, &sp);
	getpriority(PRIO_PROCESS, self);
	getpriority(PRIO_PGRP, 0);
	prlimit(self, RLIMIT_NOFILE, NULL, &rl);

	/* A process alive until killed, reaped at the end. */
	if (pipe(cpipe) != 0)
		return 1;
	if ((child = fork()) == 0) {
		close(cpipe[1]);
		if (read(cpipe[0], buf, 1) != 1)
			_exit(0);
		_exit(0);
	}
	close(cpipe[0]);
	printf("child %d\n", (int)child);
	fflush(stdout);
	kill(child, 0);
	sched_getparam(child, &sp);
	process_vm_readv(child, &l, 1, &r, 1, 0);
	if ((fd = (int)syscall(SYS_pidfd_open, child, 0)) >= 0)
		close(fd);
	if ((fd = open("/dev/null", O_RDONLY)) >= 0) {
		fcntl(fd, F_SETOWN, self);
		/* glibc's F_GETOWN is an F_GETOWN_EX: the kernel's own here. */
		syscall(SYS_fcntl, fd, F_GETOWN);
		fcntl(fd, F_SETOWN, -getpgrp());
		syscall(SYS_fcntl, fd, F_GETOWN);
		close(fd);
	}

	/* A thread waiting on a pipe: alive when clone3 returns its tid. */
	if (pipe(tpipe) != 0 || pthread_create(&t, NULL, thread_main,
	    NULL) != 0)
		return 1;
	if (write(tpipe[1], "x", 1) != 1)
		return 1;
	pthread_join(t, NULL);
	printf("thread %d\n", (int)thread_tid);
	fflush(stdout);

	/* A signal from itself: si_pid is a live process. */
	signal(SIGUSR1, on_usr1);
	kill(self, SIGUSR1);

	/*
	 * The child dies and stays a zombie until wait4: SIGCHLD's si_pid
	 * and waitid's id name it, wait4's result no longer does.  SIGCHLD
	 * waits, blocked, for the zombie, so its line comes at one place.
	 */
	sigemptyset(&set);
	sigaddset(&set, SIGCHLD);
	sigprocmask(SIG_BLOCK, &set, NULL);
	kill(child, SIGKILL);
	memset(&si, 0, sizeof(si));
	waitid(P_PID, (id_t)child, &si, WEXITED | WNOWAIT);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	wait4(child, &st, 0, NULL);
	waitid(P_PGID, (id_t)getpgrp(), &si, WEXITED | WNOHANG);
	return 4;
}
