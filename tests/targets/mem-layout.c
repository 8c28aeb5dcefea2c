/*
 * mem-layout: a tracee with a known memory layout for the memory tools:
 * a writable page of known bytes followed by an unmapped page, and a
 * read-only page of known bytes.  Prints "ready PID RW RO" (the two
 * page addresses in hex) and sleeps until killed.  With a FILE argument
 * it also maps the first page of FILE and prints its address last.
 */
#include <fcntl.h>
#include <stdio.h>
#include <sys/mman.h>
#include <unistd.h>

int
main(int argc, char *argv[])
{
	long ps = sysconf(_SC_PAGESIZE);
	unsigned char *rw, *ro;
	void *file = NULL;

	rw = mmap(NULL, 2 * ps, PROT_READ | PROT_WRITE,
	    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	ro = mmap(NULL, ps, PROT_READ | PROT_WRITE,
	    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (rw == MAP_FAILED || ro == MAP_FAILED)
		return 1;
	for (long i = 0; i < ps; i++) {
		rw[i] = (unsigned char)i;
		ro[i] = (unsigned char)(255 - i);
	}
	/* the page after rw is a hole; ro becomes read-only */
	if (munmap(rw + ps, ps) < 0 || mprotect(ro, ps, PROT_READ) < 0)
		return 1;
	if (argc > 1) {
		int fd = open(argv[1], O_RDONLY);
		if (fd < 0 || (file = mmap(NULL, ps, PROT_READ, MAP_PRIVATE,
		    fd, 0)) == MAP_FAILED)
			return 1;
		close(fd);
	}
	printf("ready %d %p %p", (int)getpid(), (void *)rw, (void *)ro);
	if (file != NULL)
		printf(" %p", file);
	printf("\n");
	fflush(stdout);
	for (;;)
		pause();
}
