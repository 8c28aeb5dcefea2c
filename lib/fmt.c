/*
 * fmt.c: output helpers shared by the tools.
 */
#include <inttypes.h>
#include <stdio.h>

#include "internal.h"

/*
 * One line per 16 bytes, as hexdump -C prints them but with the
 * process's addresses and a 0x prefix, so an address can be pasted into
 * another tool:
 *   0x55d0c8a1c010  68 65 6c 6c 6f 2c 20 70  74 6f 6f 6c 73 00 00 00  |hello, ptools...|
 * The address has at least 12 hex digits; a short last line keeps the
 * columns; bytes outside 0x20..0x7e show as '.' in the text column.
 */
int
ptc_hexdump(FILE *fp, uint64_t addr, const void *buf, size_t len)
{
	const unsigned char *p = buf;

	for (size_t off = 0; off < len; off += 16) {
		char line[128], *q = line;
		size_t n = len - off < 16 ? len - off : 16;

		q += snprintf(q, 24, "0x%012" PRIx64 " ", addr + off);
		for (size_t i = 0; i < 16; i++) {
			static const char hex[] = "0123456789abcdef";

			if (i % 8 == 0)
				*q++ = ' ';
			if (i < n) {
				*q++ = hex[p[off + i] >> 4];
				*q++ = hex[p[off + i] & 15];
			} else {
				*q++ = ' ';
				*q++ = ' ';
			}
			*q++ = ' ';
		}
		*q++ = ' ';
		*q++ = '|';
		for (size_t i = 0; i < n; i++) {
			unsigned char c = p[off + i];
			*q++ = c >= 0x20 && c < 0x7f ? (char)c : '.';
		}
		*q++ = '|';
		*q++ = '\n';
		if (fwrite(line, 1, (size_t)(q - line), fp) != (size_t)(q - line))
			return -1;
	}
	return ferror(fp) ? -1 : 0;
}
