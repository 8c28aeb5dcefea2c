/*
 * test_hexdump: ptc_hexdump's exact format (full lines, a short last
 * line, unprintable bytes, wide addresses, nothing for no bytes).
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "ptcore.h"

static char *
dump(uint64_t addr, const void *buf, size_t len)
{
	char *out = NULL;
	size_t outlen = 0;
	FILE *fp = open_memstream(&out, &outlen);

	assert_non_null(fp);
	assert_int_equal(ptc_hexdump(fp, addr, buf, len), 0);
	fclose(fp);
	return out;
}

static void
test_lines(void **state)
{
	char *s;

	(void)state;
	s = dump(0x55d0c8a1c010, "hello, ptools\0\0\0hi\n", 19);
	assert_string_equal(s,
	    "0x55d0c8a1c010  68 65 6c 6c 6f 2c 20 70  74 6f 6f 6c 73 00 00 00  |hello, ptools...|\n"
	    "0x55d0c8a1c020  68 69 0a                                          |hi.|\n");
	free(s);
}

static void
test_bytes(void **state)
{
	unsigned char b[256];
	char *s;

	(void)state;
	for (int i = 0; i < 256; i++)
		b[i] = (unsigned char)i;
	s = dump(0x1000, b + 0x78, 9);
	assert_string_equal(s,
	    "0x000000001000  78 79 7a 7b 7c 7d 7e 7f  80                       |xyz{|}~..|\n");
	free(s);
	s = dump(0xffffffffff600000, b + 0x1f, 8);
	assert_string_equal(s,
	    "0xffffffffff600000  1f 20 21 22 23 24 25 26                           |. !\"#$%&|\n");
	free(s);
	s = dump(0x10, b, 0);
	assert_string_equal(s, "");
	free(s);
	s = dump(0x10, b + 0x41, 16);
	assert_string_equal(s,
	    "0x000000000010  41 42 43 44 45 46 47 48  49 4a 4b 4c 4d 4e 4f 50  |ABCDEFGHIJKLMNOP|\n");
	free(s);
}

static char *
value(enum ptc_vtype t, const char *in)
{
	unsigned char b[8];
	char *out = NULL;
	size_t outlen = 0;
	FILE *fp;

	if (ptc_value_parse(t, in, b) < 0)
		return NULL;
	fp = open_memstream(&out, &outlen);
	assert_int_equal(ptc_value_print(fp, t, b), 0);
	fclose(fp);
	return out;
}

static void
check_value(enum ptc_vtype t, const char *in, const char *want)
{
	char *got = value(t, in);

	assert_non_null(got);
	assert_string_equal(got, want);
	free(got);
}

static void
check_bad(enum ptc_vtype t, const char *in, int e)
{
	assert_null(value(t, in));
	assert_int_equal(errno, e);
}

static void
test_values(void **state)
{
	enum ptc_vtype t;

	(void)state;
	check_value(PTC_VT_U8, "255", "255\n");
	check_value(PTC_VT_U8, "0xff", "255\n");
	check_value(PTC_VT_U16, "010", "10\n");
	check_value(PTC_VT_I8, "-128", "-128\n");
	check_value(PTC_VT_I16, "-0x8000", "-32768\n");
	check_value(PTC_VT_I32, "2147483647", "2147483647\n");
	check_value(PTC_VT_U64, "18446744073709551615",
	    "18446744073709551615\n");
	check_value(PTC_VT_I64, "-9223372036854775808",
	    "-9223372036854775808\n");
	check_value(PTC_VT_PTR, "0x7fff0000", "0x7fff0000\n");
	check_value(PTC_VT_F64, "0.1", "0.1\n");
	check_value(PTC_VT_F64, "3.5", "3.5\n");
	check_value(PTC_VT_F32, "0.1", "0.1\n");
	check_value(PTC_VT_F32, "-0.25", "-0.25\n");
	check_value(PTC_VT_F64, "1e300", "1e+300\n");
	check_bad(PTC_VT_U8, "256", ERANGE);
	check_bad(PTC_VT_I8, "128", ERANGE);
	check_bad(PTC_VT_I8, "-129", ERANGE);
	check_bad(PTC_VT_U32, "-1", EINVAL);
	check_bad(PTC_VT_U64, "18446744073709551616", ERANGE);
	check_bad(PTC_VT_U64, "0x10000000000000000", ERANGE);
	check_bad(PTC_VT_U16, "", EINVAL);
	check_bad(PTC_VT_U16, "0x", EINVAL);
	check_bad(PTC_VT_U16, "12a", EINVAL);
	check_bad(PTC_VT_U16, " 1", EINVAL);
	check_bad(PTC_VT_F32, "1e39", ERANGE);
	check_bad(PTC_VT_F64, "1e999", ERANGE);
	check_bad(PTC_VT_F64, "x", EINVAL);
	assert_int_equal(ptc_vtype_parse("u32", &t), 0);
	assert_int_equal(t, PTC_VT_U32);
	assert_int_equal(ptc_vtype_size(t), 4);
	assert_int_equal(ptc_vtype_parse("u12", &t), -1);
	assert_non_null(strstr(ptc_error(), "u12"));
}

static void
test_hex_parse(void **state)
{
	unsigned char b[16];

	(void)state;
	assert_int_equal(ptc_hex_parse("de ad be ef", b), 4);
	assert_memory_equal(b, "\xde\xad\xbe\xef", 4);
	assert_int_equal(ptc_hex_parse("DEADbeef", b), 4);
	assert_memory_equal(b, "\xde\xad\xbe\xef", 4);
	assert_int_equal(ptc_hex_parse("  90\t90 cc ", b), 3);
	assert_int_equal(ptc_hex_parse("", b), 0);
	assert_int_equal(ptc_hex_parse("abc", b), -1);
	assert_string_equal(ptc_error(), "odd number of hex digits in \"abc\"");
	assert_int_equal(ptc_hex_parse("a bc", b), -1);
	assert_int_equal(ptc_hex_parse("0xde", b), -1);
	assert_int_equal(ptc_hex_parse("zz", b), -1);
	assert_string_equal(ptc_error(), "invalid hex byte at \"zz\" in \"zz\"");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lines),
		cmocka_unit_test(test_bytes),
		cmocka_unit_test(test_values),
		cmocka_unit_test(test_hex_parse),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
