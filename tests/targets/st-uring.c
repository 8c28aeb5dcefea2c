/*
 * st-uring: io_uring_setup, io_uring_register and keyctl with arguments
 * whose decoding and result do not depend on the machine: structures in
 * readable and unreadable memory, unknown commands and flags, descriptors
 * that are not rings.  Exits 0.
 */
#define _GNU_SOURCE
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

/* struct io_uring_params: 30 u32 words (flags at 2, wq_fd at 6). */
static uint32_t params[30];

int
main(void)
{
	char *gone;

	gone = mmap(NULL, 4096, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (gone == MAP_FAILED || munmap(gone, 4096) != 0)
		return 1;

	/* io_uring_setup */
	syscall(SYS_io_uring_setup, 1, NULL);
	syscall(SYS_io_uring_setup, 2, gone);
	memset(params, 0, sizeof(params));
	params[2] = 0xffffffffu;
	params[3] = 0x11;
	params[4] = 7;
	params[6] = (uint32_t)-1;
	params[8] = 0xab;
	syscall(SYS_io_uring_setup, 3, params);
	params[2] = 0x2000;
	params[8] = 0;
	syscall(SYS_io_uring_setup, 4, params);
	params[2] = 0x22;
	syscall(SYS_io_uring_setup, 0, params);
	return 0;
}
