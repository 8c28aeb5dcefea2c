/*
 * test_hexdump: ptc_hexdump's exact format (full lines, a short last
 * line, unprintable bytes, wide addresses, nothing for no bytes).
 */
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

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lines),
		cmocka_unit_test(test_bytes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
