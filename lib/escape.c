/*
 * escape.c: the one escaper of untrusted bytes (names, paths and data
 * from a traced process or a file): strace's spelling everywhere, so
 * ptstrace stays byte-exact and the other tools show a name the same
 * way; and the small output buffer the syscall decoders format into.
 * JSON has its own encoder (json.c).
 */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "sc_priv.h"

/* Keep a line's buffer bounded even for a runaway decoder. */
#define SB_LIMIT (1u << 22)

static int
sb_grow(struct ptc__sb *b, size_t need)
{
	size_t cap;
	char *p;

	if (b->oom)
		return -1;
	if (b->len + need + 1 <= b->cap)
		return 0;
	if (b->len + need + 1 > SB_LIMIT) {
		b->oom = 1;
		return -1;
	}
	cap = b->cap ? b->cap : 256;
	while (cap < b->len + need + 1)
		cap *= 2;
	p = realloc(b->p, cap);
	if (p == NULL) {
		b->oom = 1;
		return -1;
	}
	b->p = p;
	b->cap = cap;
	return 0;
}

void
ptc__sb_putc(struct ptc__sb *b, char ch)
{
	if (sb_grow(b, 1) == 0) {
		b->p[b->len++] = ch;
		b->p[b->len] = '\0';
	}
}

void
ptc__sb_write(struct ptc__sb *b, const void *s, size_t len)
{
	if (sb_grow(b, len) == 0) {
		memcpy(b->p + b->len, s, len);
		b->len += len;
		b->p[b->len] = '\0';
	}
}

void
ptc__sb_puts(struct ptc__sb *b, const char *s)
{
	ptc__sb_write(b, s, strlen(s));
}

void
ptc__sb_printf(struct ptc__sb *b, const char *fmt, ...)
{
	va_list ap;
	char tmp[256];
	int n;

	va_start(ap, fmt);
	n = vsnprintf(tmp, sizeof(tmp), fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t)n < sizeof(tmp)) {
		ptc__sb_write(b, tmp, (size_t)n);
		return;
	}
	if (sb_grow(b, (size_t)n) != 0)
		return;
	va_start(ap, fmt);
	vsnprintf(b->p + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

/*
 * Whether -x must switch the whole string to \x form: strace does so
 * as soon as one byte is neither printable ASCII nor white space.
 */
static int
needs_hex(const unsigned char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (s[i] > 0x7e || (s[i] < ' ' && (s[i] < '\t' || s[i] > '\r')))
			return 1;
	return 0;
}

/*
 * The escape of byte s[i] of len into o (at most 4 bytes); its length.
 * hex as for ptc_escape(), with 1 already settled for the string (see
 * needs_hex); angle: '<' and '>' in octal too, for text inside <...>.
 */
static size_t
escape_byte(char *o, const unsigned char *s, size_t i, size_t len, int hex,
    int angle)
{
	static const char xd[] = "0123456789abcdef";
	unsigned ch = s[i];
	size_t n = 0;

	if (hex == 1 || hex == 2) {
		o[n++] = '\\';
		o[n++] = 'x';
		o[n++] = xd[ch >> 4];
		o[n++] = xd[ch & 15];
		return n;
	}
	switch (ch) {
	case '"': case '\\':
		o[n++] = '\\';
		o[n++] = (char)ch;
		return n;
	case '\f': o[n++] = '\\'; o[n++] = 'f'; return n;
	case '\n': o[n++] = '\\'; o[n++] = 'n'; return n;
	case '\r': o[n++] = '\\'; o[n++] = 'r'; return n;
	case '\t': o[n++] = '\\'; o[n++] = 't'; return n;
	case '\v': o[n++] = '\\'; o[n++] = 'v'; return n;
	}
	if (ch >= ' ' && ch <= 0x7e && !(angle && (ch == '<' || ch == '>'))) {
		o[n++] = (char)ch;
		return n;
	}
	o[n++] = '\\';
	if (hex == 3) {
		/* --strings-in-hex=non-ascii-chars: \x in place of octal. */
		o[n++] = 'x';
		o[n++] = xd[ch >> 4];
		o[n++] = xd[ch & 15];
		return n;
	}
	/* Octal, short unless a digit follows that would join it. */
	if (i + 1 < len && s[i + 1] >= '0' && s[i + 1] <= '7') {
		o[n++] = (char)('0' + (ch >> 6));
		o[n++] = (char)('0' + ((ch >> 3) & 7));
	} else if (ch >= 0100) {
		o[n++] = (char)('0' + (ch >> 6));
		o[n++] = (char)('0' + ((ch >> 3) & 7));
	} else if (ch >= 010) {
		o[n++] = (char)('0' + ((ch >> 3) & 7));
	}
	o[n++] = (char)('0' + (ch & 7));
	return n;
}

/*
 * The one escaper of untrusted bytes, into b.  max: the most bytes to
 * add, quotes included; the text is cut before the escape of a byte
 * that would go past it (SIZE_MAX: no limit).
 */
static void
escape(struct ptc__sb *b, const void *str, size_t len, int hex, int quotes,
    int angle, size_t max)
{
	const unsigned char *s = str;
	char buf[512];
	size_t i, n = 0, done = 0, k;

	if (hex == 1 && !needs_hex(s, len))
		hex = 0;
	if (quotes) {
		if (max < 2)
			return;
		max -= 2;
		ptc__sb_putc(b, '"');
	}
	for (i = 0; i < len; i++) {
		if (n > sizeof(buf) - 8) {
			ptc__sb_write(b, buf, n);
			done += n;
			n = 0;
		}
		k = escape_byte(buf + n, s, i, len, hex, angle);
		if (done + n + k > max)
			break;
		n += k;
	}
	ptc__sb_write(b, buf, n);
	if (quotes)
		ptc__sb_putc(b, '"');
}

void
ptc__sb_escape(struct ptc__sb *b, const void *s, size_t len, int hex)
{
	escape(b, s, len, hex, 1, 0, SIZE_MAX);
}

void
ptc__sb_escape_angle(struct ptc__sb *b, const char *s)
{
	escape(b, s, strlen(s), 0, 0, 1, SIZE_MAX);
}

static int
escape_to(FILE *fp, const void *s, size_t len, int hex, int quotes)
{
	struct ptc__sb b = { 0 };
	int rc = 0;

	escape(&b, s, len, hex, quotes, 0, SIZE_MAX);
	if (b.oom)
		rc = ptc_fail(ENOMEM, "escaping %zu bytes: out of memory", len);
	else if (fwrite(b.p, 1, b.len, fp) != b.len)
		rc = -1;
	free(b.p);
	return rc;
}

int
ptc_escape(FILE *fp, const void *s, size_t len, int hex)
{
	return escape_to(fp, s, len, hex, 1);
}

int
ptc_escape_bare(FILE *fp, const void *s, size_t len)
{
	return escape_to(fp, s, len, 0, 0);
}

const char *
ptc_escape_name(char *buf, size_t len, const char *s)
{
	struct ptc__sb b = { 0 };

	if (len == 0)
		return buf;
	escape(&b, s, strlen(s), 0, 0, 0, len - 1);
	if (b.oom || b.len == 0)
		buf[0] = '\0';
	else
		memcpy(buf, b.p, b.len + 1);
	free(b.p);
	return buf;
}
