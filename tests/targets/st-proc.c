/*
 * st-proc: a tracee for ptstrace with process syscalls: it forks N
 * children (argument, default 1) that each exit with their index, waits
 * for them in order (so traces repeat), vforks, starts a thread that
 * exits, and exits with status 3.
 */
#include <pthread.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

static void *
thread_main(void *arg)
{
	(void)arg;
	getpid();
	return NULL;
}

int
main(int argc, char *argv[])
{
	int n = argc > 1 ? atoi(argv[1]) : 1, i, st;
	pid_t *kids = calloc(n > 0 ? n : 1, sizeof(*kids));
	pthread_t t;

	getpid();
	getppid();
	for (i = 0; i < n; i++) {
		pid_t pid = fork();

		if (pid == 0)
			_exit(i % 256);
		kids[i] = pid;
	}
	for (i = 0; i < n; i++)
		waitpid(kids[i], &st, 0);
	if (vfork() == 0)
		_exit(7);
	wait(&st);
	pthread_create(&t, NULL, thread_main, NULL);
	pthread_join(t, NULL);
	return 3;
}
