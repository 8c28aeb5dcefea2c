/*
 * st-execthread: a tracee for ptstrace in which a thread other than the
 * leader calls execve (of /bin/true).
 */
#include <pthread.h>
#include <unistd.h>

static void *
run(void *arg)
{
	char *argv[] = { "true", NULL };

	(void)arg;
	execv("/bin/true", argv);
	return NULL;
}

int
main(void)
{
	pthread_t t;

	pthread_create(&t, NULL, run, NULL);
	for (;;)
		pause();
}
