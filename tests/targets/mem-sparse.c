/*
 * mem-sparse: a huge, mostly unbacked address space for the memory
 * tools.  Reserves 64 GiB PROT_NONE (MAP_NORESERVE; 1 GiB in a 32-bit
 * process), makes one page readable and writable at its start, in its
 * middle and at its end, and writes "sparse-mark-N" (N = 0, 1, 2) at the
 * start of each.  Prints "ready PID PAGE0 PAGE1 PAGE2" (the three page
 * addresses) and sleeps until killed.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#if UINTPTR_MAX > 0xffffffffu
#define RESERVE ((size_t)64 << 30)
#else
#define RESERVE ((size_t)1 << 30)
#endif

int
main(void)
{
	long ps = sysconf(_SC_PAGESIZE);
	size_t at[3] = { 0, RESERVE / 2, RESERVE - ps };
	char *base;
	int i;

	base = mmap(NULL, RESERVE, PROT_NONE,
	    MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (base == MAP_FAILED) {
		perror("mmap");
		return 1;
	}
	for (i = 0; i < 3; i++) {
		if (mprotect(base + at[i], ps, PROT_READ | PROT_WRITE) < 0) {
			perror("mprotect");
			return 1;
		}
		/* In two pieces, so the program's own data has no mark. */
		snprintf(base + at[i], ps, "%s-mark-%d", "sparse", i);
	}
	printf("ready %d %p %p %p\n", (int)getpid(), (void *)(base + at[0]),
	    (void *)(base + at[1]), (void *)(base + at[2]));
	fflush(stdout);
	for (;;)
		pause();
}
