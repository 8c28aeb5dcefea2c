/*
 * static32: a statically linked tracee for the 32-bit x86 guest, run by
 * the 64-bit tools.  Without arguments it writes one known line with a
 * raw write(2) and exits 3.  With "wait" it prints "ready PID" and
 * sleeps until killed, so the tools can attach to a 32-bit process.
 * counter_ptr is a pointer to counter_u32: 4 bytes in this program.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

volatile uint32_t counter_u32 = 100;
char greeting[] = "hello, ptools";
volatile uint32_t *volatile counter_ptr = &counter_u32;
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
