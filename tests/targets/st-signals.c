/*
 * st-signals: a tracee for ptstrace that installs handlers, blocks and
 * unblocks signals, sends itself SIGUSR1 and SIGCHLD (via a child), and
 * finally dies by the signal named in its argument (default: none).
 */
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile sig_atomic_t got;

static void
handler(int sig)
{
	got = sig;
}

int
main(int argc, char *argv[])
{
	struct sigaction sa;
	sigset_t set, old;
	int st;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = handler;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = SA_RESTART;
	sigaction(SIGUSR1, &sa, NULL);
	signal(SIGUSR2, SIG_IGN);
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	sigprocmask(SIG_BLOCK, &set, &old);
	kill(getpid(), SIGUSR1);
	sigprocmask(SIG_SETMASK, &old, NULL);
	kill(getpid(), SIGUSR2);
	if (fork() == 0)
		_exit(0);
	wait(&st);
	if (argc > 1 && strcmp(argv[1], "segv") == 0)
		*(volatile int *)8 = 1;
	if (argc > 1 && strcmp(argv[1], "abort") == 0)
		abort();
	if (argc > 1 && strcmp(argv[1], "kill") == 0)
		kill(getpid(), SIGKILL);
	return got == SIGUSR1 ? 0 : 1;
}
