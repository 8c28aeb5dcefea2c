/*
 * soak SECONDS: for SECONDS seconds, over and over: fork a child that
 * starts a thread, joins it and runs this program again as "soak leaf"
 * (which exits 0 at once); take a SIGUSR1 (handled); reap the child.
 * Children that did not exit 0 are counted as failures.  At the end it
 * prints "forks F threads T execs E signals S failures X" and exits 0
 * (1 if there were failures).  For long runs of a tracer over a
 * process tree.
 */
#include <sys/wait.h>

#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t got;

static void
on_usr1(int sig)
{
	(void)sig;
	got++;
}

static void *
thread(void *arg)
{
	return arg;
}

int
main(int argc, char *argv[])
{
	long forks = 0, execs = 0, fails = 0;
	struct sigaction sa;
	struct timespec t0, t;
	int status;
	pid_t p;

	if (argc > 1 && strcmp(argv[1], "leaf") == 0)
		return 0;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_usr1;
	sigaction(SIGUSR1, &sa, NULL);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	do {
		if ((p = fork()) == 0) {
			pthread_t th;

			if (pthread_create(&th, NULL, thread, NULL) != 0 ||
			    pthread_join(th, NULL) != 0)
				_exit(2);
			execl("/proc/self/exe", "soak", "leaf", (char *)NULL);
			_exit(3);
		}
		if (p < 0)
			break;
		forks++;
		raise(SIGUSR1);
		while (waitpid(p, &status, 0) < 0)
			;
		if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
			execs++;
		else
			fails++;
		clock_gettime(CLOCK_MONOTONIC, &t);
	} while (t.tv_sec - t0.tv_sec < (argc > 1 ? atol(argv[1]) : 1));
	printf("forks %ld threads %ld execs %ld signals %ld failures %ld\n",
	    forks, forks, execs, (long)got, fails);
	return fails != 0;
}
