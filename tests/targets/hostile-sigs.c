/*
 * hostile-sigs: a tracee that blocks every signal it can and ignores
 * the rest, then keeps making system calls.  Prints "ready PID".
 */
#include <signal.h>
#include <stdio.h>
#include <unistd.h>

volatile unsigned long loops;

int
main(void)
{
	sigset_t all;
	int sig;

	sigfillset(&all);
	sigprocmask(SIG_BLOCK, &all, NULL);
	for (sig = 1; sig < NSIG; sig++)
		signal(sig, SIG_IGN);
	printf("ready %d\n", (int)getpid());
	fflush(stdout);
	for (;;) {
		loops++;
		getppid();
		usleep(1000);
	}
}
