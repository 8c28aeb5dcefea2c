/*
 * hostile-fork N: fork N children one after the other, each exiting at
 * once with status 0, and reap them; prints "forked N" and exits 0
 * (1 if a child failed).
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

int
main(int argc, char *argv[])
{
	int i, n = argc > 1 ? atoi(argv[1]) : 1000, st, bad = 0;
	pid_t p;

	for (i = 0; i < n; i++) {
		p = fork();
		if (p == 0)
			_exit(0);
		if (p < 0 || waitpid(p, &st, 0) != p || st != 0)
			bad = 1;
	}
	printf("forked %d\n", n);
	return bad;
}
