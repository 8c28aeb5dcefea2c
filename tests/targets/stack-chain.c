/*
 * stack-chain: threads blocked at the end of a known call chain, for
 * backtraces.  main starts N threads (argument, default 0), then every
 * thread and main itself call chain_a -> chain_b -> chain_inl (always
 * inlined) -> chain_c, which blocks in read(2) on a pipe that is never
 * written.  "ready PID" is printed once every thread is about to call.
 * The lines of the calls are fixed: tests name them.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static int fds[2];
static pthread_barrier_t go;
volatile int depth;

__attribute__((noinline)) void
chain_c(int n)
{
	char b;

	depth = n;
	if (read(fds[0], &b, 1) < 0)	/* line 24: blocks here */
		exit(1);
}

static inline __attribute__((always_inline)) void
chain_inl(int n)
{
	chain_c(n + 1);			/* line 31 */
}

__attribute__((noinline)) void
chain_b(int n)
{
	chain_inl(n + 1);		/* line 37 */
}

__attribute__((noinline)) void
chain_a(int n)
{
	chain_b(n + 1);			/* line 43 */
}

static void *
worker(void *arg)
{
	(void)arg;
	pthread_barrier_wait(&go);
	chain_a(0);			/* line 51 */
	return NULL;
}

int
main(int argc, char *argv[])
{
	int n = argc > 1 ? atoi(argv[1]) : 0;
	pthread_t th;

	if (pipe(fds) != 0 || pthread_barrier_init(&go, NULL, n + 1) != 0)
		return 1;
	for (int i = 0; i < n; i++)
		if (pthread_create(&th, NULL, worker, NULL) != 0)
			return 1;
	pthread_barrier_wait(&go);
	printf("ready %d\n", (int)getpid());
	fflush(stdout);
	chain_a(0);			/* line 69 */
	return 0;
}
