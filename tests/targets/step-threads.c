/*
 * step-threads [N]: a multi-threaded tracee.  A second thread spins;
 * the main thread prints "ready PID" and then calls tick() in a loop,
 * so a breakpoint on tick is hit again and again by the main thread.
 * With N, N threads spin and each of them calls tick() on every turn
 * instead, so a breakpoint on tick is met by many threads at once, and
 * always by a spinner.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

volatile unsigned long ticks, spins;
static int busy;

__attribute__((noinline)) void
tick(void)
{
	ticks++;
}

static void *
spinner(void *arg)
{
	(void)arg;
	for (;;) {
		spins++;
		if (busy)
			tick();
	}
	return NULL;
}

int
main(int argc, char *argv[])
{
	int n = argc > 1 ? atoi(argv[1]) : 1;
	pthread_t th;

	busy = argc > 1;
	while (n-- > 0)
		pthread_create(&th, NULL, spinner, NULL);
	printf("ready %d\n", (int)getpid());
	fflush(stdout);
	for (;;) {
		if (!busy)
			tick();
		usleep(1000);
	}
}
