/*
 * many-tasks: many-tasks NTHREADS NCALLS [wait|forks]: starts NTHREADS
 * threads that wait on a pipe, prints "ready PID" once they all run
 * (the main thread waits for that without a syscall, so that a trace
 * has the same calls however the threads were scheduled),
 * makes NCALLS getppid() calls in the main thread, then exits (or, with
 * "wait", waits for a signal first).  With "forks", each of the NCALLS
 * is instead a child process that exits at once, reaped by the main
 * thread.  For measuring a tracer as the number of tasks grows.
 */
#include <sys/syscall.h>
#include <sys/wait.h>

#include <limits.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int fds[2];
static atomic_long running;

static void *
idle(void *arg)
{
	char c;

	(void)arg;
	atomic_fetch_add(&running, 1);
	while (read(fds[0], &c, 1) < 0)
		;
	return NULL;
}

int
main(int argc, char *argv[])
{
	long n = argc > 1 ? atol(argv[1]) : 0, calls = argc > 2 ?
	    atol(argv[2]) : 0;
	const char *mode = argc > 3 ? argv[3] : "";
	pthread_attr_t a;
	pthread_t th;
	long i;

	if (pipe(fds) != 0)
		return 1;
	pthread_attr_init(&a);
	pthread_attr_setstacksize(&a, PTHREAD_STACK_MIN > 65536 ?
	    PTHREAD_STACK_MIN : 65536);
	for (i = 0; i < n; i++)
		if (pthread_create(&th, &a, idle, NULL) != 0) {
			perror("pthread_create");
			return 1;
		}
	while (atomic_load(&running) < n)
		;
	printf("ready %d\n", (int)getpid());
	fflush(stdout);
	for (i = 0; i < calls; i++) {
		if (strcmp(mode, "forks") == 0) {
			pid_t p = fork();

			if (p == 0)
				_exit(0);
			waitpid(p, NULL, 0);
		} else
			syscall(SYS_getppid);
	}
	if (strcmp(mode, "wait") == 0)
		pause();
	_exit(0);
}
