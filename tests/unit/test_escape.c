/*
 * test_escape: strace-style string quoting (ptc_escape) and JSON
 * strings (ptc_json_str).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "ptcore.h"

static char *
esc(const void *s, size_t len, int hex)
{
	static char out[4096];
	FILE *fp = fmemopen(out, sizeof(out), "w");

	assert_non_null(fp);
	assert_int_equal(ptc_escape(fp, s, len, hex), 0);
	fclose(fp);
	return out;
}

static char *
js(const void *s, size_t len)
{
	static char out[4096];
	FILE *fp = fmemopen(out, sizeof(out), "w");

	assert_non_null(fp);
	assert_int_equal(ptc_json_str(fp, s, len), 0);
	fclose(fp);
	return out;
}

static void
test_plain(void **state)
{
	(void)state;
	assert_string_equal(esc("hello", 5, 0), "\"hello\"");
	assert_string_equal(esc("", 0, 0), "\"\"");
	assert_string_equal(esc("a\"b\\c", 5, 0), "\"a\\\"b\\\\c\"");
	assert_string_equal(esc("\t\n\r\v\f", 5, 0), "\"\\t\\n\\r\\v\\f\"");
}

/* Octal is as short as possible unless a digit follows. */
static void
test_octal(void **state)
{
	(void)state;
	assert_string_equal(esc("\x01\x7f\xff", 3, 0), "\"\\1\\177\\377\"");
	assert_string_equal(esc("\0" "1", 2, 0), "\"\\0001\"");
	assert_string_equal(esc("\0" "a", 2, 0), "\"\\0a\"");
	assert_string_equal(esc("\x1b" "8", 2, 0), "\"\\338\"");
	assert_string_equal(esc("\x1b" "7", 2, 0), "\"\\0337\"");
	assert_string_equal(esc("\x1b", 1, 0), "\"\\33\"");
}

/* -x: hex only when a byte needs escaping, then the whole string. */
static void
test_hex(void **state)
{
	(void)state;
	assert_string_equal(esc("hello\n", 6, 1), "\"hello\\n\"");
	assert_string_equal(esc("ab\x01", 3, 1), "\"\\x61\\x62\\x01\"");
	assert_string_equal(esc("ab", 2, 2), "\"\\x61\\x62\"");
	assert_string_equal(esc("\xff", 1, 1), "\"\\xff\"");
}

static void
test_json(void **state)
{
	(void)state;
	assert_string_equal(js("a\"b\\", 4), "\"a\\\"b\\\\\"");
	assert_string_equal(js("\n\x01", 2), "\"\\n\\u0001\"");
	/* Valid UTF-8 passes, invalid bytes become \u00XX. */
	assert_string_equal(js("\xc3\xa9", 2), "\"\xc3\xa9\"");
	assert_string_equal(js("\xff\xc3", 2), "\"\\u00ff\\u00c3\"");
	/* Overlong and surrogate forms are not valid UTF-8. */
	assert_string_equal(js("\xc0\x80", 2), "\"\\u00c0\\u0080\"");
	assert_string_equal(js("\xed\xa0\x80", 3), "\"\\u00ed\\u00a0\\u0080\"");
	assert_string_equal(js("\0", 1), "\"\\u0000\"");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain),
		cmocka_unit_test(test_octal),
		cmocka_unit_test(test_hex),
		cmocka_unit_test(test_json),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
