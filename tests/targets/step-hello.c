/*
 * step-hello: prints one line through libc and exits with status 3,
 * for stepping a started program from main or a libc function.
 */
#include <stdio.h>

int
main(void)
{
	puts("hello from step-hello");
	return 3;
}
