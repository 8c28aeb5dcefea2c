/*
 * test_scan: the record engines of lib/scan.c on this process itself:
 * a candidate list with good, bad, blank and unreadable lines (order
 * kept, counts right), relative patterns against the second column,
 * text and JSON records, a search and a dump.
 */
#include <errno.h>
#include <inttypes.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "ptcore.h"

static int32_t vals[4] = { 10, -20, 30, 1000 };
static char warned[1024];

static void
warn(const char *msg)
{
	strncat(warned, msg, sizeof(warned) - strlen(warned) - 2);
	strcat(warned, "\n");
}

/* Run the candidate list text through s; the output in out. */
static int
list(struct ptc_scan *s, const char *text, uint64_t dumplen, char *out,
    size_t outlen, struct ptc_scan_counts *c)
{
	FILE *in = fmemopen((void *)(uintptr_t)text, strlen(text), "r");
	int r;

	assert_non_null(in);
	memset(out, 0, outlen);
	s->out = fmemopen(out, outlen, "w");
	assert_non_null(s->out);
	warned[0] = '\0';
	r = ptc_scan_list(s, in, dumplen, c);
	fclose(s->out);
	fclose(in);
	return r;
}

static void
test_list(void **state)
{
	struct ptc_scan s = { 0 };
	struct ptc_scan_counts c;
	char in[1024], out[4096], want[1024];
	uintptr_t a = (uintptr_t)vals;

	(void)state;
	s.target = ptc_target_open(getpid());
	assert_non_null(s.target);
	s.typed = 1;
	s.type = PTC_VT_I32;
	s.psize = sizeof(void *);
	s.warn = warn;
	snprintf(in, sizeof(in), "0x%" PRIxPTR "\nnope\n\n0x%" PRIxPTR " 5\n"
	    "0x10\n%" PRIuPTR "\n1 2 3\n", a + 12, a + 4, a);
	assert_int_equal(list(&s, in, 0, out, sizeof(out), &c), 0);
	snprintf(want, sizeof(want), "0x%" PRIxPTR " 1000\n0x%" PRIxPTR
	    " -20\n0x%" PRIxPTR " 10\n", a + 12, a + 4, a);
	assert_string_equal(out, want);
	assert_string_equal(warned, "stdin:2: bad address: not a number: "
	    "'nope'\nstdin:7: more than two columns\n");
	assert_int_equal(c.bad, 2);
	assert_int_equal(c.unmapped, 1);

	/* a relative pattern against the second column, with -v */
	s.pat = ptc_pat_parse("increased", 1, PTC_VT_I32, s.psize);
	assert_non_null(s.pat);
	s.flags = PTC_SCAN_VALUES;
	snprintf(in, sizeof(in), "0x%" PRIxPTR " 999\n0x%" PRIxPTR " 10\n"
	    "0x%" PRIxPTR "\n0x%" PRIxPTR " 29\n", a + 12, a, a + 4, a + 8);
	assert_int_equal(list(&s, in, 0, out, sizeof(out), &c), 0);
	snprintf(want, sizeof(want), "0x%" PRIxPTR " 1000\n0x%" PRIxPTR
	    " 30\n", a + 12, a + 8);
	assert_string_equal(out, want);
	assert_int_equal(c.bad, 1);
	assert_int_equal(c.matched, 2);
	snprintf(want, sizeof(want), "stdin:3: no value seen before (a "
	    "second column) to compare with\n");
	assert_string_equal(warned, want);

	/* JSON, and a search over vals */
	s.flags = PTC_SCAN_VALUES | PTC_SCAN_JSON;
	snprintf(in, sizeof(in), "0x%" PRIxPTR " 1\n", a + 8);
	assert_int_equal(list(&s, in, 0, out, sizeof(out), &c), 0);
	snprintf(want, sizeof(want), "{\"addr\":\"0x%" PRIxPTR "\",\"value\""
	    ":30}\n", a + 8);
	assert_string_equal(out, want);
	ptc_pat_free((struct ptc_pat *)(uintptr_t)s.pat);
	s.pat = ptc_pat_parse("<0", 1, PTC_VT_I32, s.psize);
	s.out = fmemopen(out, sizeof(out), "w");
	assert_int_equal(ptc_scan_find(&s, 1, a, sizeof(vals)), 1);
	fclose(s.out);
	snprintf(want, sizeof(want), "{\"addr\":\"0x%" PRIxPTR "\",\"value\""
	    ":-20}\n", a + 4);
	assert_string_equal(out, want);
	ptc_pat_free((struct ptc_pat *)(uintptr_t)s.pat);

	/* a dump of 8 bytes at each candidate, as JSON records */
	s.pat = NULL;
	s.typed = 0;
	snprintf(in, sizeof(in), "0x%" PRIxPTR "\n", a);
	assert_int_equal(list(&s, in, 8, out, sizeof(out), &c), 0);
	snprintf(want, sizeof(want), "{\"addr\":\"0x%" PRIxPTR "\",\"bytes\""
	    ":\"0a000000ecffffff\"}\n", a);
	assert_string_equal(out, want);
	ptc_target_close(s.target);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_list),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
