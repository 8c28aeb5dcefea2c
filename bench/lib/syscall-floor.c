/*
 * syscall-floor CMD [ARG...]: run CMD under the least a syscall tracer
 * can do, PTRACE_SYSCALL and waitpid at every entry and exit, decoding
 * and printing nothing: the floor bench/strace.sh compares ptstrace's
 * full trace with.  One process (the workload does not fork); its
 * signals are passed on.  Exits with CMD's status.
 */
#include <sys/ptrace.h>
#include <sys/wait.h>

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int
main(int argc, char *argv[])
{
	int st, sig = 0;
	pid_t p;

	if (argc < 2) {
		fprintf(stderr, "usage: syscall-floor CMD [ARG...]\n");
		return 2;
	}
	if ((p = fork()) == 0) {
		ptrace(PTRACE_TRACEME, 0, 0, 0);
		execvp(argv[1], argv + 1);
		_exit(127);
	}
	/* the stop at the exec */
	if (waitpid(p, &st, 0) != p || !WIFSTOPPED(st))
		return 1;
	ptrace(PTRACE_SETOPTIONS, p, 0, (void *)PTRACE_O_TRACESYSGOOD);
	for (;;) {
		if (ptrace(PTRACE_SYSCALL, p, 0, (void *)(long)sig) != 0 ||
		    waitpid(p, &st, 0) != p)
			return 1;
		if (WIFEXITED(st))
			return WEXITSTATUS(st);
		if (WIFSIGNALED(st))
			return 128 + WTERMSIG(st);
		sig = WSTOPSIG(st) == (SIGTRAP | 0x80) ? 0 : WSTOPSIG(st);
	}
}
