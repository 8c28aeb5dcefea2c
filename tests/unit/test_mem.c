/*
 * test_mem: the three memory paths (process_vm_*, /proc/PID/mem,
 * PEEK/POKE) and AUTO, each forced against a forked child whose memory
 * layout the test built before the fork: a readable and writable page,
 * an unmapped hole, a read-only page and a PROT_NONE page.
 */
#include <errno.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "ptcore.h"

/* Layout: [0] rw data  [1] hole  [2] read-only  [3] PROT_NONE  [4] rw */
static unsigned char *region;
static size_t ps;
static unsigned char *big;     /* 3 MiB, a needle across 1 MiB */
static pid_t child;       /* stopped under ptrace by us */
static pid_t child_free;  /* not traced */
static struct ptc_session *session;
static struct ptc_task *task;

static const enum ptc_mem_method methods[] = {
	PTC_MEM_VM, PTC_MEM_PROCFS, PTC_MEM_PEEK, PTC_MEM_AUTO,
};

static uint64_t
A(size_t page, size_t off)
{
	return (uint64_t)(uintptr_t)region + page * ps + off;
}

static pid_t
spawn_child(void)
{
	pid_t p = fork();

	if (p == 0) {
		for (;;)
			pause();
	}
	return p;
}

static int
setup(void **state)
{
	(void)state;
	ps = (size_t)sysconf(_SC_PAGESIZE);
	region = mmap(NULL, 6 * ps, PROT_READ | PROT_WRITE,
	    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (region == MAP_FAILED)
		return -1;
	for (size_t i = 0; i < 5 * ps; i++)
		region[i] = (unsigned char)(i * 7 + 1);
	memcpy(region + ps - 4, "abc", 4);           /* string before hole */
	memcpy(region + 5 * ps - 8, "endless!", 8);   /* no NUL before end */
	if (munmap(region + 5 * ps, ps) < 0 || munmap(region + ps, ps) < 0 ||
	    mprotect(region + 2 * ps, ps, PROT_READ) < 0 ||
	    mprotect(region + 3 * ps, ps, PROT_NONE) < 0) {
		perror("munmap/mprotect");
		return -1;
	}
	big = mmap(NULL, 3 << 20, PROT_READ | PROT_WRITE,
	    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (big == MAP_FAILED)
		return -1;
	memcpy(big + (1 << 20) - 3, "NEEDLE", 6);
	memcpy(big + (3 << 20) - 6, "NEEDLE", 6);
	memcpy(region + 4 * ps + 100, "NEEDLE", 6);
	child = spawn_child();
	child_free = spawn_child();
	if (child < 0 || child_free < 0)
		return -1;
	/* PEEK needs a ptrace-stopped tracee */
	if ((session = ptc_session_new(0)) == NULL ||
	    ptc_attach(session, child, PTC_ATTACH_STOP, &task) < 0) {
		fprintf(stderr, "attach: %s\n", ptc_error());
		return -1;
	}
	return ptc_task_stopped(task) ? 0 : -1;
}

static int
teardown(void **state)
{
	(void)state;
	ptc_session_free(session);
	if (child <= 0 || child_free <= 0)
		return 0;
	kill(child, SIGKILL);
	kill(child_free, SIGKILL);
	waitpid(child, NULL, 0);
	waitpid(child_free, NULL, 0);
	return 0;
}

/* Bytes of the child at page/off, read with the fast path. */
static void
child_bytes(size_t page, size_t off, void *buf, size_t len)
{
	assert_int_equal(ptc_mem_read(child, A(page, off), buf, len,
	    PTC_MEM_PROCFS), (ssize_t)len);
}

static void
test_read_aligned(void **state)
{
	unsigned char buf[256];

	(void)state;
	/*
	 * Mappings come from the top of the address space, above 2 GiB on
	 * every CPU, a 32-bit process's too: the offsets into /proc/PID/mem
	 * of the 32-bit build are then past a 32-bit off_t.
	 */
	assert_true(A(0, 0) > 0x80000000ULL);
	for (size_t m = 0; m < 4; m++) {
		memset(buf, 0, sizeof(buf));
		assert_int_equal(ptc_mem_read(child, A(0, 64), buf, 256,
		    methods[m]), 256);
		assert_memory_equal(buf, region + 64, 256);
	}
}

static void
test_read_unaligned(void **state)
{
	static const size_t offs[] = { 1, 3, 7, 9 };
	static const size_t lens[] = { 1, 2, 5, 8, 13, 17 };
	unsigned char buf[32];

	(void)state;
	for (size_t m = 0; m < 4; m++)
		for (size_t i = 0; i < 4; i++)
			for (size_t j = 0; j < 6; j++) {
				memset(buf, 0xee, sizeof(buf));
				assert_int_equal(ptc_mem_read(child,
				    A(0, 100 + offs[i]), buf, lens[j],
				    methods[m]), (ssize_t)lens[j]);
				assert_memory_equal(buf, region + 100 + offs[i],
				    lens[j]);
				/* nothing written past len */
				assert_int_equal(buf[lens[j]], 0xee);
			}
}

static void
test_write_unaligned(void **state)
{
	unsigned char want[64], got[64], data[11];

	(void)state;
	for (size_t m = 0; m < 4; m++) {
		size_t at = 200 + 64 * m + 5;

		for (size_t i = 0; i < sizeof(data); i++)
			data[i] = (unsigned char)(0xa0 + m * 16 + i);
		memcpy(want, region + at - 16, 64);
		memcpy(want + 16, data, sizeof(data));
		assert_int_equal(ptc_mem_write(child, A(0, at), data,
		    sizeof(data), methods[m]), (ssize_t)sizeof(data));
		child_bytes(0, at - 16, got, 64);
		/* the bytes around the write are unchanged */
		assert_memory_equal(got, want, 64);
	}
}

static void
test_partial_read_hole(void **state)
{
	unsigned char buf[64];
	char want[64];

	(void)state;
	snprintf(want, sizeof(want), "0x%llx",
	    (unsigned long long)A(1, 0));
	for (size_t m = 0; m < 4; m++) {
		errno = 0;
		assert_int_equal(ptc_mem_read(child, A(0, ps - 10), buf, 30,
		    methods[m]), 10);
		assert_memory_equal(buf, region + ps - 10, 10);
		assert_int_equal(errno, EFAULT);
		assert_non_null(strstr(ptc_error(), want));
		/* starting in the hole reads nothing */
		assert_int_equal(ptc_mem_read(child, A(1, 8), buf, 8,
		    methods[m]), -1);
		assert_int_equal(errno, EFAULT);
	}
	/* an odd start crossing into the hole, by words */
	assert_int_equal(ptc_mem_read(child, A(0, ps - 13), buf, 20,
	    PTC_MEM_PEEK), 13);
}

static void
test_prot_none(void **state)
{
	unsigned char buf[16];

	(void)state;
	/* process_vm_readv honours PROT_NONE; /proc/PID/mem does not */
	assert_int_equal(ptc_mem_read(child, A(3, 0), buf, 16, PTC_MEM_VM),
	    -1);
	assert_int_equal(errno, EFAULT);
	assert_int_equal(ptc_mem_read(child, A(3, 0), buf, 16,
	    PTC_MEM_PROCFS), 16);
	for (size_t i = 0; i < 16; i++)
		assert_int_equal(buf[i], (unsigned char)((3 * ps + i) * 7 + 1));
	/* AUTO falls back for that page and carries on */
	unsigned char pages[3 * 4096];
	size_t n = ps * 2 + 100 > sizeof(pages) ? sizeof(pages) : ps * 2 + 100;
	assert_int_equal(ptc_mem_read(child, A(2, 0), pages, n, PTC_MEM_AUTO),
	    (ssize_t)n);
	for (size_t i = 0; i < n; i++)
		assert_int_equal(pages[i], (unsigned char)((2 * ps + i) * 7 + 1));
}

static void
test_write_readonly(void **state)
{
	unsigned char data[4] = { 0xde, 0xad, 0xbe, 0xef }, got[4];

	(void)state;
	assert_int_equal(ptc_mem_write(child, A(2, 16), data, 4, PTC_MEM_VM),
	    -1);
	assert_int_equal(errno, EFAULT);
	assert_non_null(strstr(ptc_error(), "not writable"));
	child_bytes(2, 16, got, 4);
	assert_memory_equal(got, region + 2 * ps + 16, 4);
	/* AUTO writes read-only pages through /proc/PID/mem */
	assert_int_equal(ptc_mem_write(child, A(2, 16), data, 4,
	    PTC_MEM_AUTO), 4);
	child_bytes(2, 16, got, 4);
	assert_memory_equal(got, data, 4);
	data[0] = 0x11;
	assert_int_equal(ptc_mem_write(child, A(2, 16), data, 4,
	    PTC_MEM_PROCFS), 4);
	child_bytes(2, 16, got, 4);
	assert_memory_equal(got, data, 4);
	/* a write that spans rw page 0 into the hole stops at the hole */
	assert_int_equal(ptc_mem_write(child, A(0, ps - 2), data, 4,
	    PTC_MEM_AUTO), 2);
	assert_int_equal(ptc_mem_write(child, A(0, ps - 2), region + ps - 2,
	    2, PTC_MEM_AUTO), 2);
}

static void
test_peek_needs_stop(void **state)
{
	unsigned char buf[8];

	(void)state;
	assert_int_equal(ptc_mem_read(child_free, A(0, 0), buf, 8,
	    PTC_MEM_PEEK), -1);
	assert_int_equal(errno, ESRCH);
	assert_non_null(strstr(ptc_error(), "ptrace-stopped"));
	/* the other methods do not need it */
	assert_int_equal(ptc_mem_read(child_free, A(0, 0), buf, 8,
	    PTC_MEM_VM), 8);
}

static void
test_errors(void **state)
{
	unsigned char buf[8];
	pid_t gone = fork();

	(void)state;
	if (gone == 0)
		_exit(0);
	waitpid(gone, NULL, 0);
	for (size_t m = 0; m < 4; m++) {
		assert_int_equal(ptc_mem_read(gone, A(0, 0), buf, 8,
		    methods[m]), -1);
		assert_int_equal(errno, ESRCH);
	}
	assert_int_equal(ptc_mem_read(child, A(0, 0), buf, 0, PTC_MEM_AUTO),
	    0);
	assert_int_equal(ptc_mem_read(child, UINT64_MAX - 3, buf, 8,
	    PTC_MEM_AUTO), -1);
	assert_int_equal(errno, EINVAL);
	assert_non_null(strstr(ptc_error(), "wraps"));
}

/* A target reads and writes while its process lives, and fails with
 * ESRCH once it is gone (a zombie still counts as there). */
static void
test_target(void **state)
{
	unsigned char buf[8], w[4] = { 1, 2, 3, 4 };
	struct ptc_target *t;
	pid_t p = spawn_child();

	(void)state;
	assert_non_null(t = ptc_target_open(p));
	assert_int_equal(ptc_target_alive(t), 0);
	assert_int_equal(ptc_target_read(t, A(0, 0), buf, 8), 8);
	assert_memory_equal(buf, region, 8);
	assert_int_equal(ptc_target_write(t, A(0, 16), w, 4), 4);
	assert_int_equal(ptc_target_read(t, A(0, 16), buf, 4), 4);
	assert_memory_equal(buf, w, 4);
	kill(p, SIGKILL);
	/* a zombie until reaped: waitid(WNOWAIT) sees it dead, not reaped */
	assert_int_equal(waitid(P_PID, (id_t)p, &(siginfo_t){ 0 },
	    WEXITED | WNOWAIT), 0);
	assert_int_equal(ptc_target_alive(t), 0);
	waitpid(p, NULL, 0);
	assert_int_equal(ptc_target_alive(t), -1);
	assert_int_equal(errno, ESRCH);
	assert_non_null(strstr(ptc_error(), "has exited"));
	assert_int_equal(ptc_target_read(t, A(0, 0), buf, 8), -1);
	assert_int_equal(errno, ESRCH);
	assert_int_equal(ptc_target_write(t, A(0, 16), w, 4), -1);
	assert_int_equal(errno, ESRCH);
	ptc_target_close(t);
}

static void
test_read_str(void **state)
{
	char buf[64];
	int trunc = -1;

	(void)state;
	/* a string that ends just before the hole */
	assert_int_equal(ptc_mem_read_str(child, A(0, ps - 4), buf, 60,
	    &trunc), 3);
	assert_string_equal(buf, "abc");
	assert_int_equal(trunc, 0);
	/* limited by max */
	assert_int_equal(ptc_mem_read_str(child, A(0, ps - 4), buf, 2,
	    &trunc), 2);
	assert_string_equal(buf, "ab");
	assert_int_equal(trunc, 1);
	/* running into unmapped memory without a NUL */
	assert_int_equal(ptc_mem_read_str(child, A(4, ps - 8), buf, 60,
	    &trunc), 8);
	assert_string_equal(buf, "endless!");
	assert_int_equal(trunc, 1);
	/* nothing readable */
	assert_int_equal(ptc_mem_read_str(child, A(1, 0), buf, 60, &trunc),
	    -1);
}

static uint64_t hits[8];
static size_t nhits;

static int
hit(uint64_t addr, void *ctx)
{
	(void)ctx;
	if (nhits < 8)
		hits[nhits] = addr;
	nhits++;
	return 0;
}

static int
hit_stop(uint64_t addr, void *ctx)
{
	(void)ctx;
	hits[nhits++] = addr;
	return 1;
}

static void
test_search(void **state)
{
	uint64_t b = (uint64_t)(uintptr_t)big;

	(void)state;
	/* across the 1 MiB read chunks, and at the very end */
	nhits = 0;
	assert_int_equal(ptc_mem_search(child_free, b, b + (3 << 20),
	    "NEEDLE", 6, 1, 0, hit, NULL), 2);
	assert_int_equal(hits[0], b + (1 << 20) - 3);
	assert_int_equal(hits[1], b + (3 << 20) - 6);
	/* alignment: 1 MiB - 3 is odd */
	nhits = 0;
	assert_int_equal(ptc_mem_search(child_free, b, b + (3 << 20),
	    "NEEDLE", 6, 2, 0, hit, NULL), 1);
	/* a range ending inside the last needle misses it */
	nhits = 0;
	assert_int_equal(ptc_mem_search(child_free, b, b + (3 << 20) - 1,
	    "NEEDLE", 6, 1, 0, hit, NULL), 1);
	/* the callback stops the search */
	nhits = 0;
	assert_int_equal(ptc_mem_search(child_free, b, b + (3 << 20),
	    "NEEDLE", 6, 1, 0, hit_stop, NULL), 1);
	/* over the hole: skipped, or the end of the search */
	nhits = 0;
	assert_int_equal(ptc_mem_search(child_free, A(0, 0), A(5, 0),
	    "NEEDLE", 6, 1, 1, hit, NULL), 1);
	assert_int_equal(hits[0], A(4, 100));
	nhits = 0;
	assert_int_equal(ptc_mem_search(child_free, A(0, 0), A(5, 0),
	    "NEEDLE", 6, 1, 0, hit, NULL), -1);
	assert_int_equal(errno, EFAULT);
	char want[64];
	snprintf(want, sizeof(want), "0x%llx", (unsigned long long)A(1, 0));
	assert_non_null(strstr(ptc_error(), want));
	/* one-byte patterns take the plain path */
	nhits = 0;
	unsigned char one = region[4 * ps + 7];
	assert_true(ptc_mem_search(child_free, A(4, 0), A(4, 16), &one, 1, 1,
	    0, hit, NULL) >= 1);
	assert_int_equal(ptc_mem_search(child_free, A(4, 0), A(4, 16), "", 0,
	    1, 0, hit, NULL), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_read_aligned),
		cmocka_unit_test(test_read_unaligned),
		cmocka_unit_test(test_write_unaligned),
		cmocka_unit_test(test_partial_read_hole),
		cmocka_unit_test(test_prot_none),
		cmocka_unit_test(test_write_readonly),
		cmocka_unit_test(test_peek_needs_stop),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_target),
		cmocka_unit_test(test_read_str),
		cmocka_unit_test(test_search),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
