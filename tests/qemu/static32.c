/*
 * static32: a statically linked tracee for the 32-bit x86 guest, run by
 * the 64-bit tools.  Without arguments it writes one known line with a
 * raw write(2) and exits 3.  With "wait" it prints "ready PID" and
 * sleeps until killed, so the tools can attach to a 32-bit process.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

volatile uint32_t counter_u32 = 100;
char greeting[] = "hello, ptools";
const char line[] = "static32 says hello\n";

int
main(int argc, char *argv[])
{
	if (argc > 1 && strcmp(argv[1], "wait") == 0) {
		printf("ready %d\n", (int)getpid());
		fflush(stdout);
		for (;;)
			sleep(1000);
	}
	if (write(1, line, sizeof(line) - 1) != (ssize_t)sizeof(line) - 1)
		return 1;
	return 3;
}
