/*
 * mem-threads: a tracee with four threads that keep changing memory:
 * each increments its own counter in ticks[] every millisecond.
 * Prints "ready PID" when all threads run, then runs until killed.
 */
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

#define NT 4

volatile unsigned long ticks[NT];

static void *
run(void *arg)
{
	volatile unsigned long *t = arg;

	for (;;) {
		(*t)++;
		usleep(1000);
	}
	return NULL;
}

int
main(void)
{
	pthread_t th;

	for (int i = 1; i < NT; i++)
		if (pthread_create(&th, NULL, run, (void *)&ticks[i]) != 0)
			return 1;
	printf("ready %d\n", (int)getpid());
	fflush(stdout);
	run((void *)&ticks[0]);
	return 0;
}
