/*
 * test_escape: strace-style string quoting (ptc_escape), names escaped
 * into a buffer (ptc_escape_name) and JSON strings (ptc_json_str).
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
	/* a sequence cut short, then valid text again */
	assert_string_equal(js("caf\xc3", 4), "\"caf\\u00c3\"");
	assert_string_equal(js("\xe2\x82x\xe2\x82\xac", 6),
	    "\"\\u00e2\\u0082x\xe2\x82\xac\"");
	/* four bytes, and past U+10FFFF */
	assert_string_equal(js("\xf0\x9f\x98\x80", 4), "\"\xf0\x9f\x98\x80\"");
	assert_string_equal(js("\xf4\x90\x80\x80", 4),
	    "\"\\u00f4\\u0090\\u0080\\u0080\"");
}

/* Names into a buffer: the spelling of ptc_escape_bare, cut between escapes. */
static void
test_name(void **state)
{
	char buf[16], out[64];
	FILE *fp;

	(void)state;
	assert_string_equal(ptc_escape_name(buf, sizeof(buf), "main"), "main");
	assert_string_equal(ptc_escape_name(buf, sizeof(buf), ""), "");
	/* ESC as strace writes it, a backslash doubled, no quotes */
	assert_string_equal(ptc_escape_name(buf, sizeof(buf), "a\x1b[1m\\"),
	    "a\\33[1m\\\\");
	/* UTF-8 is bytes that are not printable ASCII: octal, as in text */
	assert_string_equal(ptc_escape_name(buf, sizeof(buf), "caf\xc3\xa9"),
	    "caf\\303\\251");
	/* the same text as ptc_escape_bare() writes */
	fp = fmemopen(out, sizeof(out), "w");
	assert_non_null(fp);
	assert_int_equal(ptc_escape_bare(fp, "x\x1b\t\"y", 5), 0);
	fclose(fp);
	assert_string_equal(ptc_escape_name(buf, sizeof(buf), "x\x1b\t\"y"),
	    out);
	/* cut before an escape that does not fit, never inside one */
	assert_string_equal(ptc_escape_name(buf, 6, "abcdefgh"), "abcde");
	assert_string_equal(ptc_escape_name(buf, 6, "abc\x1b"), "abc");
	assert_string_equal(ptc_escape_name(buf, 7, "abc\x1b"), "abc\\33");
	assert_string_equal(ptc_escape_name(buf, 1, "abc"), "");
	buf[0] = 'z';
	assert_ptr_equal(ptc_escape_name(buf, 0, "abc"), buf);
	assert_int_equal(buf[0], 'z');
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain),
		cmocka_unit_test(test_octal),
		cmocka_unit_test(test_hex),
		cmocka_unit_test(test_json),
		cmocka_unit_test(test_name),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
