/*
 * hostile-threads: threads come and go all the time (each lives about a
 * millisecond), so a tool attaching to or tracing the process meets
 * threads that exit under it.  Prints "ready PID".
 */
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

volatile unsigned long spawned;

static void *
brief(void *arg)
{
	(void)arg;
	usleep(1000);
	return NULL;
}

int
main(void)
{
	pthread_t t[4];
	int i;

	printf("ready %d\n", (int)getpid());
	fflush(stdout);
	for (;;) {
		for (i = 0; i < 4; i++)
			if (pthread_create(&t[i], NULL, brief, NULL) == 0)
				spawned++;
		for (i = 0; i < 4; i++)
			pthread_join(t[i], NULL);
	}
}
