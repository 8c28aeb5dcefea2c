/*
 * hostile-sym: a function whose symbol is renamed, in the copy
 * hostile-sym-esc (mk/fuzz.mk), to a name holding an escape sequence,
 * for the tools that print symbol names.  Calls it every millisecond.
 * Prints "ready PID".
 */
#include <stdio.h>
#include <unistd.h>

volatile unsigned long calls;

void
evil_sym(void)
{
	calls++;
}

int
main(void)
{
	printf("ready %d\n", (int)getpid());
	fflush(stdout);
	for (;;) {
		evil_sym();
		usleep(1000);
	}
}
