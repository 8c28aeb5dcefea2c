/*
 * step-loop: prints "ready PID", then calls work() forever without
 * sleeping, so every instruction that ptstep -p sees is the program's
 * own code; work() is never called from anywhere but main.
 */
#include <stdio.h>
#include <unistd.h>

volatile unsigned long total;

__attribute__((noinline)) unsigned long
work(unsigned long x)
{
	return x * 3 + 1;
}

__attribute__((noinline)) void
never_called(void)
{
	total = 0;
}

int
main(int argc, char *argv[])
{
	(void)argv;
	printf("ready %d\n", (int)getpid());
	fflush(stdout);
	if (argc > 5)
		never_called();
	for (;;)
		total = work(total);
}
