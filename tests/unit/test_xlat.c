/*
 * test_xlat: the flag and request tables of lib/xlat name the constants
 * of the CPU the library is built for, and only those: a number that
 * means one thing on x86 and another on aarch64 gets the right name.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "sc_priv.h"

extern const struct ptc__xtab ptc__xt_ptrace_req;
extern const struct ptc__xtab ptc__xt_mmap_flags;
extern const struct ptc__xtab ptc__xt_mmap_prot;

/* The name of value v in x, or NULL. */
static const char *
name_of(const struct ptc__xtab *x, uint64_t v)
{
	unsigned i;

	for (i = 0; i < x->n; i++)
		if (x->v[i].val == v)
			return x->v[i].name;
	return NULL;
}

/* Whether x has an entry called name. */
static int
has(const struct ptc__xtab *x, const char *name)
{
	unsigned i;

	for (i = 0; i < x->n; i++)
		if (strcmp(x->v[i].name, name) == 0)
			return 1;
	return 0;
}

static void
test_ptrace_requests(void **state)
{
	const struct ptc__xtab *x = &ptc__xt_ptrace_req;
	unsigned i, j;

	(void)state;
	/* an enum: one name per number */
	for (i = 0; i < x->n; i++)
		for (j = i + 1; j < x->n; j++)
			if (x->v[i].val == x->v[j].val)
				fail_msg("%s and %s are both %llu", x->v[i].name,
				    x->v[j].name, (unsigned long long)x->v[i].val);
	assert_string_equal(name_of(x, 0), "PTRACE_TRACEME");
	assert_string_equal(name_of(x, 24), "PTRACE_SYSCALL");
#if defined(__powerpc64__)
	/* 0x1d there, as the C library and the kernel number it */
	assert_string_equal(name_of(x, 29), "PTRACE_SYSEMU");
#elif !defined(__arm__)
	assert_string_equal(name_of(x, 31), "PTRACE_SYSEMU");
#endif
	assert_string_equal(name_of(x, 0x4206), "PTRACE_SEIZE");
	assert_string_equal(name_of(x, 0x420e), "PTRACE_GET_SYSCALL_INFO");
#if defined(__x86_64__) || defined(__i386__)
	assert_string_equal(name_of(x, 12), "PTRACE_GETREGS");
	assert_string_equal(name_of(x, 15), "PTRACE_SETFPREGS");
	assert_string_equal(name_of(x, 18), "PTRACE_GETFPXREGS");
	assert_string_equal(name_of(x, 25), "PTRACE_GET_THREAD_AREA");
	assert_string_equal(name_of(x, 33), "PTRACE_SINGLEBLOCK");
	assert_false(has(x, "PTRACE_PEEKMTETAGS"));
#endif
#if defined(__x86_64__)
	assert_string_equal(name_of(x, 30), "PTRACE_ARCH_PRCTL");
#elif defined(__i386__)
	/* arch_prctl is the 64-bit ABI's */
	assert_null(name_of(x, 30));
#elif defined(__aarch64__)
	assert_string_equal(name_of(x, 33), "PTRACE_PEEKMTETAGS");
	assert_string_equal(name_of(x, 34), "PTRACE_POKEMTETAGS");
	assert_null(name_of(x, 12));
	assert_null(name_of(x, 18));
	assert_null(name_of(x, 25));
	assert_null(name_of(x, 30));
	assert_false(has(x, "PTRACE_SINGLEBLOCK"));
#elif defined(__powerpc64__)
	assert_string_equal(name_of(x, 12), "PTRACE_GETREGS");
	assert_string_equal(name_of(x, 15), "PTRACE_SETFPREGS");
	assert_string_equal(name_of(x, 18), "PTRACE_GETVRREGS");
	assert_string_equal(name_of(x, 27), "PTRACE_GETVSRREGS");
	assert_string_equal(name_of(x, 256), "PTRACE_SINGLEBLOCK");
	assert_string_equal(name_of(x, 30), "PTRACE_SYSEMU_SINGLESTEP");
	assert_null(name_of(x, 25));
	assert_false(has(x, "PTRACE_PEEKMTETAGS"));
#elif defined(__arm__)
	/* 12-15 and 22 as on x86, 18-31 arm's own, no PTRACE_SYSEMU */
	assert_string_equal(name_of(x, 12), "PTRACE_GETREGS");
	assert_string_equal(name_of(x, 15), "PTRACE_SETFPREGS");
	assert_string_equal(name_of(x, 18), "PTRACE_GETWMMXREGS");
	assert_string_equal(name_of(x, 22), "PTRACE_GET_THREAD_AREA");
	assert_string_equal(name_of(x, 23), "PTRACE_SET_SYSCALL");
	assert_string_equal(name_of(x, 27), "PTRACE_GETVFPREGS");
	assert_string_equal(name_of(x, 31), "PTRACE_GETFDPIC");
	assert_false(has(x, "PTRACE_SYSEMU"));
	assert_false(has(x, "PTRACE_SINGLEBLOCK"));
	assert_false(has(x, "PTRACE_PEEKMTETAGS"));
#else
#error "expectations for this CPU are missing"
#endif
}

static void
test_mmap(void **state)
{
	const struct ptc__xtab *f = &ptc__xt_mmap_flags, *p = &ptc__xt_mmap_prot;

	(void)state;
	assert_string_equal(name_of(f, 0x20), "MAP_ANONYMOUS");
	assert_string_equal(name_of(p, 4), "PROT_EXEC");
#if defined(__x86_64__) || defined(__i386__)
	assert_string_equal(name_of(f, 0x40), "MAP_32BIT");
	assert_null(name_of(p, 0x10));
	assert_null(name_of(p, 0x20));
#elif defined(__aarch64__)
	/* 0x40 is no flag of mmap there */
	assert_null(name_of(f, 0x40));
	assert_string_equal(name_of(p, 0x10), "PROT_BTI");
	assert_string_equal(name_of(p, 0x20), "PROT_MTE");
#elif defined(__powerpc64__)
	/* 0x40 is MAP_NORESERVE there, 0x80 MAP_LOCKED */
	assert_string_equal(name_of(f, 0x40), "MAP_NORESERVE");
	assert_string_equal(name_of(f, 0x80), "MAP_LOCKED");
	assert_string_equal(name_of(p, 0x10), "PROT_SAO");
	assert_null(name_of(p, 0x20));
#elif defined(__arm__)
	/* neither MAP_32BIT nor aarch64's PROT_BTI, PROT_MTE */
	assert_null(name_of(f, 0x40));
	assert_null(name_of(p, 0x10));
	assert_null(name_of(p, 0x20));
#else
#error "expectations for this CPU are missing"
#endif
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ptrace_requests),
		cmocka_unit_test(test_mmap),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
