/*
 * step-threads: a multi-threaded tracee.  A second thread spins; the
 * main thread prints "ready PID" and then calls tick() in a loop, so a
 * breakpoint on tick is hit again and again by the main thread.
 */
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

volatile unsigned long ticks, spins;

__attribute__((noinline)) void
tick(void)
{
	ticks++;
}

static void *
spinner(void *arg)
{
	(void)arg;
	for (;;)
		spins++;
	return NULL;
}

int
main(void)
{
	pthread_t th;

	pthread_create(&th, NULL, spinner, NULL);
	printf("ready %d\n", (int)getpid());
	fflush(stdout);
	for (;;) {
		tick();
		usleep(1000);
	}
}
