/*
 * step-calls: calls with known arguments, for logging breakpoints and
 * stepping over calls, and the faults that need libc.  Without
 * arguments main calls sum6(1, 2, 3, 4, 5, 6), sum6(10, 20, 30, 40, 50,
 * 60) and fact(5) (recursive), and exits with status 21 + 210 + 120
 * modulo 256 = 95.  With an argument: a abort(), b SIGBUS (a read past
 * the end of a mapped empty file), y SIGSYS (a syscall seccomp traps),
 * t two threads call sum6 (100..600 and 1000..6000) one after the
 * other, then main; l N spins N million times, then reads address 8;
 * f prints "main PID", then processes call sum6 one after the other: a
 * fork child (7..12) and its own fork child (13..18), a vfork child
 * (19..24), a fork child (25..30) that then runs this program again
 * without arguments (exit 95), and main (31..36); then main exits 0,
 * leaving a last fork child to call sum6 (37..42) 100 ms later.  If a
 * child ended otherwise than it should, main prints "child died" and
 * exits 1.
 */
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>

#include <linux/filter.h>
#include <linux/seccomp.h>
#include <pthread.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

__attribute__((noinline)) long
sum6(long a, long b, long c, long d, long e, long f)
{
	return a + b + c + d + e + f;
}

__attribute__((noinline)) long
fact(long n)
{
	return n <= 1 ? 1 : n * fact(n - 1);
}

/* Wait for child pid, which must exit with code. */
static void
reap(pid_t pid, int code)
{
	int status;

	if (pid < 0 || waitpid(pid, &status, 0) != pid ||
	    !WIFEXITED(status) || WEXITSTATUS(status) != code) {
		printf("child died\n");
		exit(1);
	}
}

static void
forks(const char *self)
{
	pid_t pid;

	if ((pid = fork()) == 0) {
		sum6(7, 8, 9, 10, 11, 12);
		if ((pid = fork()) == 0) {
			sum6(13, 14, 15, 16, 17, 18);
			_exit(0);
		}
		reap(pid, 0);
		_exit(0);
	}
	reap(pid, 0);
	if ((pid = vfork()) == 0) {
		sum6(19, 20, 21, 22, 23, 24);
		_exit(0);
	}
	reap(pid, 0);
	if ((pid = fork()) == 0) {
		sum6(25, 26, 27, 28, 29, 30);
		execl(self, self, (char *)NULL);
		_exit(2);
	}
	reap(pid, 95);
	sum6(31, 32, 33, 34, 35, 36);
	if (fork() == 0) {
		usleep(100000);
		_exit(sum6(37, 38, 39, 40, 41, 42) == 237 ? 0 : 1);
	}
}

static void *
worker(void *arg)
{
	long k = (long)arg;

	return (void *)sum6(k, 2 * k, 3 * k, 4 * k, 5 * k, 6 * k);
}

/* getppid fails with SIGSYS, everything else is allowed. */
static void
seccomp_trap_getppid(void)
{
	struct sock_filter f[] = {
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS,
		    offsetof(struct seccomp_data, nr)),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_getppid, 0, 1),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_TRAP),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
	};
	struct sock_fprog prog = { sizeof(f) / sizeof(f[0]), f };

	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0 ||
	    prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog) != 0)
		exit(2);
	getppid();
}

int
main(int argc, char *argv[])
{
	volatile unsigned long spin = 0;
	pthread_t th;
	void *ret;
	char path[] = "/tmp/step-callsXXXXXX";
	unsigned long i;
	int fd;

	if (argc < 2)
		return (int)(sum6(1, 2, 3, 4, 5, 6) +
		    sum6(10, 20, 30, 40, 50, 60) + fact(5));
	switch (argv[1][0]) {
	case 'a':
		abort();
	case 'b':
		if ((fd = mkstemp(path)) < 0)
			return 2;
		unlink(path);
		return *(volatile char *)mmap(NULL, 4096, PROT_READ,
		    MAP_SHARED, fd, 0);
	case 'y':
		seccomp_trap_getppid();
		return 0;
	case 't':
		for (i = 100; i <= 1000; i *= 10) {
			pthread_create(&th, NULL, worker, (void *)i);
			pthread_join(th, &ret);
		}
		return 0;
	case 'f':
		printf("main %d\n", (int)getpid());
		fflush(stdout);
		forks(argv[0]);
		return 0;
	case 'l':
		for (i = 0; argc > 2 && i < strtoul(argv[2], NULL, 10) *
		    1000000; i++)
			spin += i;
		return *(volatile int *)(spin & 8);
	}
	return 1;
}
