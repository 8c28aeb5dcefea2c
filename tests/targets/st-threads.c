/*
 * st-threads: a long-running tracee for ptstrace -p: N threads
 * (argument, default 3) that each call getppid() every 10 ms; prints
 * "ready PID" once all threads run.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

static void *
loop(void *arg)
{
	struct timespec ts = { 0, 10 * 1000 * 1000 };

	(void)arg;
	for (;;) {
		getppid();
		nanosleep(&ts, NULL);
	}
	return NULL;
}

int
main(int argc, char *argv[])
{
	int n = argc > 1 ? atoi(argv[1]) : 3, i;
	pthread_t t;

	for (i = 1; i < n; i++)
		pthread_create(&t, NULL, loop, NULL);
	printf("ready %d\n", (int)getpid());
	fflush(stdout);
	loop(NULL);
	return 0;
}
