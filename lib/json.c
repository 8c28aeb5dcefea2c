/*
 * json.c: JSON string output.  Tracee bytes are arbitrary, so bytes
 * that do not form valid UTF-8 are written one by one as \u00XX and the
 * result is always valid JSON.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "internal.h"
#include "sc_priv.h"

/* Length of the valid UTF-8 sequence at s (at most n bytes), or 0. */
static size_t
utf8_len(const unsigned char *s, size_t n)
{
	unsigned c = s[0], cp;
	size_t len, i;

	if (c < 0xc2 || c > 0xf4)
		return 0;
	len = c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
	if (len > n)
		return 0;
	cp = c & (0x3f >> (len - 1));
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[i] & 0x3f);
	}
	if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
	    cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	return len;
}

void
ptc__sb_json(struct ptc__sb *b, const void *str, size_t len)
{
	static const char xd[] = "0123456789abcdef";
	const unsigned char *s = str;
	size_t i, u;
	unsigned ch;

	ptc__sb_putc(b, '"');
	for (i = 0; i < len; i++) {
		ch = s[i];
		switch (ch) {
		case '"': ptc__sb_puts(b, "\\\""); continue;
		case '\\': ptc__sb_puts(b, "\\\\"); continue;
		case '\b': ptc__sb_puts(b, "\\b"); continue;
		case '\f': ptc__sb_puts(b, "\\f"); continue;
		case '\n': ptc__sb_puts(b, "\\n"); continue;
		case '\r': ptc__sb_puts(b, "\\r"); continue;
		case '\t': ptc__sb_puts(b, "\\t"); continue;
		}
		if (ch >= 0x20 && ch < 0x80) {
			ptc__sb_putc(b, (char)ch);
			continue;
		}
		if (ch >= 0x80 && (u = utf8_len(s + i, len - i)) != 0) {
			ptc__sb_write(b, s + i, u);
			i += u - 1;
			continue;
		}
		ptc__sb_puts(b, "\\u00");
		ptc__sb_putc(b, xd[ch >> 4]);
		ptc__sb_putc(b, xd[ch & 15]);
	}
	ptc__sb_putc(b, '"');
}

int
ptc_json_str(FILE *fp, const void *s, size_t len)
{
	struct ptc__sb b = { 0 };
	int rc = 0;

	ptc__sb_json(&b, s, len);
	if (b.oom)
		rc = ptc_fail(ENOMEM, "JSON string of %zu bytes: out of memory",
		    len);
	else if (fwrite(b.p, 1, b.len, fp) != b.len)
		rc = -1;
	free(b.p);
	return rc;
}
