/*
 * st-memory: a tracee for ptstrace that maps, protects, advises and
 * unmaps memory (run under setarch -R so addresses repeat).
 */
#define _GNU_SOURCE
#include <sys/mman.h>
#include <unistd.h>

int
main(void)
{
	char *p, *q;

	p = mmap(NULL, 16384, PROT_READ | PROT_WRITE,
	    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	p[0] = 1;
	mprotect(p, 4096, PROT_READ);
	madvise(p, 16384, MADV_DONTNEED);
	q = mremap(p, 16384, 32768, MREMAP_MAYMOVE);
	msync(q, 4096, MS_SYNC);
	mlock(q, 4096);
	munlock(q, 4096);
	munmap(q, 32768);
	mmap(NULL, 4096, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE,
	    -1, 0);
	mmap((void *)0x10000, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS |
	    MAP_FIXED_NOREPLACE, -1, 0);
	sbrk(0);
	sbrk(4096);
	return 0;
}
