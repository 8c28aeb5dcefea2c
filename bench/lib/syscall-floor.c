/*
 * syscall-floor [-i] CMD [ARG...]: run CMD under the least a syscall
 * tracer can do, PTRACE_SYSCALL and waitpid at every entry and exit,
 * decoding and printing nothing: the floor bench/strace.sh compares
 * ptstrace's full trace with.  -i also asks each stop for what any
 * decoder needs, PTRACE_GET_SYSCALL_INFO (the number and arguments at
 * the entry, the result at the exit), and throws it away.  One process
 * (the workload does not fork); its signals are passed on.  Exits with
 * CMD's status.
 */
#include <sys/ptrace.h>
#include <sys/wait.h>

#include <linux/ptrace.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int
main(int argc, char *argv[])
{
	struct ptrace_syscall_info info;
	int st, sig = 0, info_too = argc > 1 && strcmp(argv[1], "-i") == 0;
	pid_t p;

	argv += info_too;
	argc -= info_too;
	if (argc < 2) {
		fprintf(stderr, "usage: syscall-floor [-i] CMD [ARG...]\n");
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
		if (sig == 0 && info_too)
			ptrace(PTRACE_GET_SYSCALL_INFO, p, (void *)sizeof(info),
			    &info);
	}
}
