/*
 * dw-opt: built with -O2 (mk/dwvar.mk): constants whose values live
 * only in the debug information, and a variable optimised out.  Prints
 * "ready PID N" and then blocks until killed.
 */
#include <stdio.h>
#include <unistd.h>

struct pt {
	int a, b;
};

static const int k = 42;
static const struct pt kp = { 3, 4 };
/* written, never read: nothing of it is left */
static int dropped;

static int __attribute__((noinline))
use(int x)
{
	return x + k + kp.a;
}

int
main(int argc, char *argv[])
{
	(void)argv;
	dropped = argc;
	printf("ready %d %d\n", (int)getpid(), use(argc));
	fflush(stdout);
	for (;;)
		pause();
}
