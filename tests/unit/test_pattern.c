/*
 * test_pattern: the -F pattern language (lib/pattern.c): what each form
 * matches and what it does not, relative forms against old values, the
 * errors with their columns, and ptc_pat_search() over this process's
 * own memory (chunk boundaries, alignment, wildcards); then
 * ptc_interval_parse() and ptc_mem_read_many() on this process.
 */
#include <errno.h>
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cmocka.h>

#include "ptcore.h"

static struct ptc_pat *
parse(const char *text, int typed, enum ptc_vtype type)
{
	struct ptc_pat *p = ptc_pat_parse(text, typed, type, 8);

	if (p == NULL)
		fail_msg("'%s': %s", text, ptc_error());
	return p;
}

static int
m32(const struct ptc_pat *p, int32_t v)
{
	return ptc_pat_match(p, &v, NULL);
}

static int
mu8(const struct ptc_pat *p, uint8_t v)
{
	return ptc_pat_match(p, &v, NULL);
}

static void
test_integers(void **state)
{
	struct ptc_pat *p;

	(void)state;
	p = parse("42", 1, PTC_VT_I32);
	assert_true(m32(p, 42));
	assert_false(m32(p, 43));
	assert_int_equal(ptc_pat_size(p), 4);
	assert_false(ptc_pat_relative(p));
	ptc_pat_free(p);
	p = parse("=-42", 1, PTC_VT_I32);
	assert_true(m32(p, -42));
	assert_false(m32(p, 42));
	ptc_pat_free(p);
	p = parse(">10", 1, PTC_VT_I32);
	assert_false(m32(p, 10));
	assert_true(m32(p, 11));
	assert_false(m32(p, -11));
	ptc_pat_free(p);
	p = parse(">=10", 1, PTC_VT_I32);
	assert_true(m32(p, 10));
	assert_false(m32(p, 9));
	ptc_pat_free(p);
	p = parse("<-5", 1, PTC_VT_I32);
	assert_true(m32(p, -6));
	assert_false(m32(p, -5));
	ptc_pat_free(p);
	p = parse("<=0", 1, PTC_VT_I32);
	assert_true(m32(p, 0));
	assert_true(m32(p, INT32_MIN));
	assert_false(m32(p, 1));
	ptc_pat_free(p);
	p = parse("!=7", 1, PTC_VT_I32);
	assert_false(m32(p, 7));
	assert_true(m32(p, 8));
	ptc_pat_free(p);
	p = parse("-3..0x10", 1, PTC_VT_I32);
	assert_true(m32(p, -3));
	assert_true(m32(p, 16));
	assert_false(m32(p, 17));
	assert_false(m32(p, -4));
	ptc_pat_free(p);
	/* the edges of a type: nothing is above the largest value */
	p = parse(">255", 1, PTC_VT_U8);
	for (int v = 0; v < 256; v++)
		assert_false(mu8(p, (uint8_t)v));
	ptc_pat_free(p);
	p = parse("<0", 1, PTC_VT_U8);
	assert_false(mu8(p, 0));
	ptc_pat_free(p);
	p = parse(">254", 1, PTC_VT_U8);
	assert_true(mu8(p, 255));
	assert_false(mu8(p, 254));
	ptc_pat_free(p);
	p = parse("<-128", 1, PTC_VT_I8);
	for (int v = -128; v < 128; v++) {
		int8_t b = (int8_t)v;
		assert_false(ptc_pat_match(p, &b, NULL));
	}
	ptc_pat_free(p);
	{
		uint64_t big = UINT64_MAX;

		p = parse(">=18446744073709551615", 1, PTC_VT_U64);
		assert_true(ptc_pat_match(p, &big, NULL));
		big--;
		assert_false(ptc_pat_match(p, &big, NULL));
		ptc_pat_free(p);
	}
	/* a 32-bit process's pointers */
	p = ptc_pat_parse("0x1000", 1, PTC_VT_PTR, 4);
	assert_non_null(p);
	assert_int_equal(ptc_pat_size(p), 4);
	{
		uint32_t v = 0x1000;
		assert_true(ptc_pat_match(p, &v, NULL));
	}
	ptc_pat_free(p);
	assert_null(ptc_pat_parse("0x100000000", 1, PTC_VT_PTR, 4));
	assert_string_equal(ptc_error(), "-F '0x100000000': a value wider "
	    "than the process's 4-byte pointers at column 1");
}

static void
test_floats(void **state)
{
	struct ptc_pat *p;
	double d;
	float f;

	(void)state;
	p = parse("75.5~0.01", 1, PTC_VT_F64);
	d = 75.505;
	assert_true(ptc_pat_match(p, &d, NULL));
	d = 75.52;
	assert_false(ptc_pat_match(p, &d, NULL));
	d = NAN;
	assert_false(ptc_pat_match(p, &d, NULL));
	ptc_pat_free(p);
	p = parse("0.1", 1, PTC_VT_F32);
	f = 0.1f;
	assert_true(ptc_pat_match(p, &f, NULL));
	f = 0.10001f;
	assert_false(ptc_pat_match(p, &f, NULL));
	ptc_pat_free(p);
	p = parse(">1.5", 1, PTC_VT_F64);
	d = 1.5;
	assert_false(ptc_pat_match(p, &d, NULL));
	d = nextafter(1.5, 2);
	assert_true(ptc_pat_match(p, &d, NULL));
	ptc_pat_free(p);
	p = parse("-1..1", 1, PTC_VT_F32);
	f = -1.0f;
	assert_true(ptc_pat_match(p, &f, NULL));
	f = 1.25f;
	assert_false(ptc_pat_match(p, &f, NULL));
	ptc_pat_free(p);
}

static void
test_relative(void **state)
{
	static const struct {
		const char *text;
		int32_t old, cur;
		int match;
	} cases[] = {
		{ "increased", 5, 6, 1 }, { "increased", 5, 5, 0 },
		{ "increased", -1, -2, 0 }, { "decreased", -1, -2, 1 },
		{ "decreased", 3, 3, 0 }, { "changed", 3, 4, 1 },
		{ "changed", 3, 3, 0 }, { "unchanged", 3, 3, 1 },
		{ "unchanged", 3, 2, 0 }, { "+25", 1000, 1025, 1 },
		{ "+25", 1000, 1024, 0 }, { "-10", 5, -5, 1 },
		{ "-10", 5, 5, 0 }, { "+1", INT32_MAX, INT32_MIN, 1 },
	};
	struct ptc_pat *p;
	uint8_t o8 = 255, c8 = 0;

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		p = parse(cases[i].text, 1, PTC_VT_I32);
		assert_true(ptc_pat_relative(p));
		if (ptc_pat_match(p, &cases[i].cur, &cases[i].old) !=
		    cases[i].match)
			fail_msg("%s: %d -> %d", cases[i].text, cases[i].old,
			    cases[i].cur);
		/* never without the old value */
		assert_false(ptc_pat_match(p, &cases[i].cur, NULL));
		ptc_pat_free(p);
	}
	/* unsigned: wraps in the type's width */
	p = parse("+1", 1, PTC_VT_U8);
	assert_true(ptc_pat_match(p, &c8, &o8));
	ptc_pat_free(p);
	p = parse("increased", 1, PTC_VT_U8);
	assert_false(ptc_pat_match(p, &c8, &o8));
	ptc_pat_free(p);
	{
		double od = 1.5, cd = 2.0;

		p = parse("+0.5", 1, PTC_VT_F64);
		assert_true(ptc_pat_match(p, &cd, &od));
		ptc_pat_free(p);
	}
}

static void
test_bytes(void **state)
{
	static const unsigned char mem[] = { 0xde, 0xad, 0x00, 0xef, 0x10 };
	struct ptc_pat *p;

	(void)state;
	p = parse("de ad ?? ef", 0, PTC_VT_U8);
	assert_int_equal(ptc_pat_size(p), 4);
	assert_true(ptc_pat_match(p, mem, NULL));
	assert_false(ptc_pat_match(p, mem + 1, NULL));
	ptc_pat_free(p);
	p = parse("dead??ef", 0, PTC_VT_U8);
	assert_true(ptc_pat_match(p, mem, NULL));
	ptc_pat_free(p);
	p = parse("str:ab", 0, PTC_VT_U8);
	assert_true(ptc_pat_match(p, "abc", NULL));
	assert_false(ptc_pat_match(p, "aXc", NULL));
	ptc_pat_free(p);
}

static void
test_errors(void **state)
{
	static const struct {
		const char *text;
		int typed;
		enum ptc_vtype type;
		const char *msg;
	} bad[] = {
		{ "", 0, PTC_VT_U8, "-F '': empty pattern" },
		{ "str:", 0, PTC_VT_U8, "-F 'str:': empty pattern" },
		{ "0xdead", 0, PTC_VT_U8, "-F '0xdead': hex bytes are written "
		    "without 0x (use -t for a number) at column 1" },
		{ "de a", 0, PTC_VT_U8, "-F 'de a': half a byte at column 4" },
		{ "de ag", 0, PTC_VT_U8,
		    "-F 'de ag': not a hex digit at column 5" },
		{ "de ?", 0, PTC_VT_U8, "-F 'de ?': '?' alone (a wildcard byte "
		    "is '?\?') at column 4" },
		{ "zz", 0, PTC_VT_U8, "-F 'zz': not a hex digit at column 1" },
		{ ">5", 0, PTC_VT_U8, "-F '>5': comparisons need a type (-t)" },
		{ "increased", 0, PTC_VT_U8,
		    "-F 'increased': comparisons need a type (-t)" },
		{ ">=4x", 1, PTC_VT_I32,
		    "-F '>=4x': invalid i32 value \"4x\" at column 3" },
		{ ">", 1, PTC_VT_I32, "-F '>': missing number at column 2" },
		{ "1..", 1, PTC_VT_I32, "-F '1..': missing number at column 4" },
		{ "..1", 1, PTC_VT_I32, "-F '..1': missing number at column 1" },
		{ "9..3", 1, PTC_VT_U8, "-F '9..3': an empty range (the first "
		    "number is the larger) at column 2" },
		{ "300", 1, PTC_VT_U8,
		    "-F '300': u8 value out of range \"300\" at column 1" },
		{ "+-3", 1, PTC_VT_I32,
		    "-F '+-3': a negative amount at column 2" },
		{ "1~-1", 1, PTC_VT_F64,
		    "-F '1~-1': a negative tolerance at column 3" },
		{ "1~x", 1, PTC_VT_F64,
		    "-F '1~x': invalid f64 value \"x\" at column 3" },
		{ "decreasing", 1, PTC_VT_I32, "-F 'decreasing': invalid i32 "
		    "value \"decreasing\" at column 1" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		errno = 0;
		if (ptc_pat_parse(bad[i].text, bad[i].typed, bad[i].type, 8) !=
		    NULL)
			fail_msg("'%s' parsed", bad[i].text);
		assert_int_equal(errno, EINVAL);
		if (strcmp(ptc_error(), bad[i].msg) != 0)
			fail_msg("'%s': \"%s\", want \"%s\"", bad[i].text,
			    ptc_error(), bad[i].msg);
	}
}

/* ---- searching this process's own memory ---- */

struct hits {
	uint64_t addr[16];
	size_t n;
};

static int
hit(uint64_t addr, const void *bytes, void *ctx)
{
	struct hits *h = ctx;

	(void)bytes;
	if (h->n < 16)
		h->addr[h->n] = addr;
	h->n++;
	return 0;
}

static void
test_search(void **state)
{
	size_t len = 3 * 1024 * 1024, pg;
	unsigned char *buf;
	uint64_t base;
	struct hits h = { { 0 }, 0 };
	struct ptc_pat *p;
	int32_t v;

	(void)state;
	buf = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
	    -1, 0);
	assert_true(buf != MAP_FAILED);
	memset(buf, 0x11, len);
	base = (uint64_t)(uintptr_t)buf;
	/* across the first 1 MiB read: a wildcard pattern and a value */
	memcpy(buf + 1024 * 1024 - 2, "\xca\xfe\x00\xbe", 4);
	v = -7;
	memcpy(buf + 1024 * 1024 - 2 + 100, &v, 4);  /* not aligned */
	memcpy(buf + 2 * 1024 * 1024 - 4, &v, 4);    /* aligned */
	p = parse("ca fe ?? be", 0, PTC_VT_U8);
	assert_int_equal(ptc_pat_search(getpid(), base, base + len, p, 0, hit,
	    &h), 1);
	assert_int_equal(h.addr[0], base + 1024 * 1024 - 2);
	ptc_pat_free(p);
	h.n = 0;
	/* negative where the fill meets ca fe, f9 ff and -7 itself */
	p = parse("<0", 1, PTC_VT_I32);
	assert_int_equal(ptc_pat_search(getpid(), base, base + len, p, 0, hit,
	    &h), 3);
	assert_int_equal(h.addr[0], base + 1024 * 1024 - 4);
	assert_int_equal(h.addr[1], base + 1024 * 1024 + 96);
	assert_int_equal(h.addr[2], base + 2 * 1024 * 1024 - 4);
	ptc_pat_free(p);
	/* an exact value takes the byte search, aligned too */
	h.n = 0;
	p = parse("=-7", 1, PTC_VT_I32);
	assert_int_equal(ptc_pat_search(getpid(), base, base + len, p, 0, hit,
	    &h), 1);
	assert_int_equal(h.addr[0], base + 2 * 1024 * 1024 - 4);
	ptc_pat_free(p);
	p = parse("increased", 1, PTC_VT_I32);
	assert_int_equal(ptc_pat_search(getpid(), base, base + len, p, 0, hit,
	    &h), -1);
	assert_int_equal(errno, EINVAL);
	ptc_pat_free(p);
	/* a hole of one page (64 KiB on some CPUs): skipped, or the end */
	pg = (size_t)sysconf(_SC_PAGESIZE);
	assert_int_equal(munmap(buf + len / 2 - pg, pg), 0);
	h.n = 0;
	p = parse("11 11", 0, PTC_VT_U8);
	assert_int_equal(ptc_pat_search(getpid(), base, base + 8192, p, 0, hit,
	    &h), 8191);
	assert_int_equal(ptc_pat_search(getpid(), base + len / 2 - 8192,
	    base + len / 2 + 8192, p, 0, hit, &h), -1);
	ptc_pat_free(p);
	munmap(buf, len);
}

static void
test_read_many(void **state)
{
	static int32_t vals[3000];
	uint64_t addrs[3002];
	int32_t out[3002];
	unsigned char ok[3002];

	(void)state;
	for (int i = 0; i < 3000; i++) {
		vals[i] = i * 3;
		addrs[i] = (uint64_t)(uintptr_t)&vals[2999 - i];
	}
	addrs[3000] = 0x10;
	addrs[3001] = (uint64_t)(uintptr_t)&vals[5];
	assert_int_equal(ptc_mem_read_many(getpid(), addrs, 3002, 4, out, ok),
	    3001);
	for (int i = 0; i < 3000; i++) {
		assert_int_equal(ok[i], 1);
		assert_int_equal(out[i], (2999 - i) * 3);
	}
	assert_int_equal(ok[3000], 0);
	assert_int_equal(ok[3001], 1);
	assert_int_equal(out[3001], 15);
}

static void
test_interval(void **state)
{
	static const struct {
		const char *s;
		uint64_t ns;
	} ok[] = {
		{ "1", 1000000000 }, { "0.5", 500000000 }, { "100ms", 100000000 },
		{ "2s", 2000000000 }, { "500us", 500000 }, { "1m", 60000000000 },
	};
	uint64_t ns;

	(void)state;
	for (size_t i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
		assert_int_equal(ptc_interval_parse(ok[i].s, &ns), 0);
		assert_int_equal(ns, ok[i].ns);
	}
	assert_int_equal(ptc_interval_parse("0", &ns), -1);
	assert_string_equal(ptc_error(), "interval '0': from 1us to 30 years");
	assert_int_equal(ptc_interval_parse("-1", &ns), -1);
	assert_int_equal(ptc_interval_parse("1h", &ns), -1);
	assert_string_equal(ptc_error(), "bad interval '1h': unknown unit 'h'");
	assert_int_equal(ptc_interval_parse("", &ns), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_integers),
		cmocka_unit_test(test_floats),
		cmocka_unit_test(test_relative),
		cmocka_unit_test(test_bytes),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_search),
		cmocka_unit_test(test_read_many),
		cmocka_unit_test(test_interval),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
