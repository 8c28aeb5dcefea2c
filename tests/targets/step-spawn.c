/*
 * step-spawn: keeps creating threads (argument "t") or child processes
 * (argument "f") that call tick(), so a breakpoint on tick is met by
 * tasks that did not exist when the tracer attached.  In "f" mode the
 * parent calls tick() too, after each child, and prints "child died"
 * and exits 1 if a child did not exit normally.  "F" is "f" with
 * children that call tick() 20 times, a millisecond apart.  "r" forks
 * without a pause, so a tracer that goes is likely to leave while a
 * fork is under way.
 */
#include <sys/wait.h>

#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

volatile unsigned long ticks;

__attribute__((noinline)) void
tick(void)
{
	ticks++;
}

static void *
worker(void *arg)
{
	(void)arg;
	tick();
	return NULL;
}

int
main(int argc, char *argv[])
{
	int forks = argc > 1 && strchr("fFr", argv[1][0]) != NULL,
	    rush = argc > 1 && argv[1][0] == 'r',
	    calls = argc > 1 && argv[1][0] == 'F' ? 20 : 1, i, status;
	pthread_t th;
	pid_t pid;

	printf("ready %d\n", (int)getpid());
	fflush(stdout);
	for (;;) {
		if (forks) {
			if ((pid = fork()) == 0) {
				for (i = 0; i < calls; i++) {
					if (i > 0)
						usleep(1000);
					tick();
				}
				_exit(0);
			}
			waitpid(pid, &status, 0);
			if (!WIFEXITED(status)) {
				printf("child died\n");
				fflush(stdout);
				return 1;
			}
			if (!rush)
				usleep(2000);
			tick();
		} else {
			pthread_create(&th, NULL, worker, NULL);
			pthread_join(th, NULL);
		}
		if (!rush)
			usleep(1000);
	}
}
