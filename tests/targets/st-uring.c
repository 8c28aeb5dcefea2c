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
#include <sys/uio.h>
#include <unistd.h>

/* a key serial no key has */
#define NOKEY 0x7e57ab1e

/* struct io_uring_params: 30 u32 words (flags at 2, wq_fd at 6). */
static uint32_t params[30];

static long
reg(unsigned op, const void *arg, unsigned nr)
{
	return syscall(SYS_io_uring_register, -1, op, arg, nr);
}

int
main(void)
{
	char *page, *gone;
	int32_t *fds;
	uint32_t *w;
	uint64_t *q;
	struct iovec iov[2];
	long ring;

	/* a page and, right after it, an unmapped one */
	page = mmap(NULL, 8192, PROT_READ | PROT_WRITE,
	    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (page == MAP_FAILED || munmap(page + 4096, 4096) != 0)
		return 1;
	gone = page + 4096;

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
	memset(params, 0, sizeof(params));      /* a ring of one entry */
	ring = syscall(SYS_io_uring_setup, 1, params);
	if (ring >= 0)
		close((int)ring);

	/* io_uring_register on a descriptor that is not there */
	reg(0xbadc0ded, params, 7);
	reg(1, params, 7);                      /* IORING_UNREGISTER_BUFFERS */
	fds = (int32_t *)(gone - 8);            /* 2 readable, the 3rd not */
	fds[0] = -1;
	fds[1] = -2;
	reg(2, fds, 3);                         /* IORING_REGISTER_FILES */
	reg(2, gone, 1);
	w = (uint32_t *)page;                   /* io_uring_files_update */
	memset(page, 0, 64);
	w[0] = 5;
	w[1] = 0x77;
	q = (uint64_t *)(page + 8);
	*q = (uintptr_t)fds;
	reg(6, page, 2);                        /* IORING_REGISTER_FILES_UPDATE */
	memset(page, 0, 64);                    /* an empty probe, 2 ops */
	reg(8, page, 2);
	page[0] = 3;
	page[1] = 2;
	page[16] = 46;
	page[18] = 1;
	page[24] = 200;
	page[25] = 9;
	reg(8, page, 2);                        /* a probe not zeroed */
	memset(page, 0, 64);                    /* restrictions */
	page[2] = 22;
	page[16] = 2;
	page[18] = 0x41;
	page[32] = 9;
	page[34] = 0xef;
	page[40] = 1;
	reg(11, page, 3);
	w = (uint32_t *)page;                   /* io_uring_rsrc_register */
	memset(page, 0, 64);
	w[0] = 2;
	w[1] = 3;
	q = (uint64_t *)(page + 16);
	q[0] = (uintptr_t)fds;
	q[1] = 0;
	page[36] = 1;
	reg(13, page, 24);                      /* IORING_REGISTER_FILES2 */
	reg(13, page, 40);
	reg(13, gone - 32, 40);
	w[0] = 4;                               /* io_uring_rsrc_update2 */
	w[1] = 0;
	w[6] = 1;
	q[0] = (uintptr_t)(gone - 16);
	reg(14, page, 32);                      /* IORING_REGISTER_FILES_UPDATE2 */
	w = (uint32_t *)(gone - 8);
	w[0] = 4;
	w[1] = 0xffffffffu;
	reg(19, w, 2);                          /* IORING_REGISTER_IOWQ_MAX_WORKERS */
	reg(19, w, 3);
	q = (uint64_t *)page;                   /* io_uring_rsrc_update */
	memset(page, 0, 64);
	q[0] = 0xffffffffull;
	q[1] = 1;
	q[2] = 7 | 0x300000000ull;
	q[3] = 0xab;
	reg(20, page, 2);                       /* IORING_REGISTER_RING_FDS */
	reg(21, page, 2);
	reg(20, gone, 1);
	memset(page, 0, 64);                    /* io_uring_buf_reg */
	q[0] = 0x1000;
	page[8] = 8;
	page[12] = 1;
	page[14] = 2;
	q[3] = 0xdead;
	reg(22, page, 1);                       /* IORING_REGISTER_PBUF_RING */

	/* keyctl on a key that is not there */
	syscall(SYS_keyctl, 0xfacefeed, 1, 2, 3, 4);
	syscall(SYS_keyctl, 2, NOKEY, "payload", 7);           /* UPDATE */
	syscall(SYS_keyctl, 5, -3, 0xc0c0c0c0u);               /* SETPERM */
	syscall(SYS_keyctl, 5, NOKEY, 0x3f010000u);
	syscall(SYS_keyctl, 6, NOKEY, page, 64);               /* DESCRIBE */
	syscall(SYS_keyctl, 14, 99);                           /* SET_REQKEY_KEYRING */
	syscall(SYS_keyctl, 19, NOKEY, 5, 129, -3);            /* REJECT */
	iov[0].iov_base = "abc";
	iov[0].iov_len = 3;
	iov[1].iov_base = gone;
	iov[1].iov_len = 1;
	syscall(SYS_keyctl, 20, NOKEY, iov, 2, -4);            /* INSTANTIATE_IOV */
	w = (uint32_t *)page;
	memset(page, 0, 64);
	w[0] = (uint32_t)-2;
	w[1] = NOKEY;
	w[2] = 7;
	syscall(SYS_keyctl, 23, page, page + 32, 8, NULL);     /* DH_COMPUTE */
	w[0] = NOKEY;                                          /* keyctl_pkey_params */
	w[1] = 2;
	w[2] = 4;
	w[9] = 1;
	syscall(SYS_keyctl, 25, page, "enc=pkcs1", "hi", page + 48);
	syscall(SYS_keyctl, 28, gone, "enc=pkcs1", "hi", "yo");
	syscall(SYS_keyctl, 30, NOKEY, -3, -4, 3);             /* MOVE */
	syscall(SYS_keyctl, 31, gone, 2);                      /* CAPABILITIES */
	return 0;
}
