/*
 * fuzz.h: what the fuzz targets share: the libFuzzer entry point's
 * prototype, a reader that takes bytes off the front of the input, and
 * a strict JSON validator (the library promises valid JSON for any
 * tracee bytes, so the targets check it).
 */
#ifndef PTC_FUZZ_H
#define PTC_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A cursor over the fuzz input; reading past the end gives zeros. */
struct fz {
	const uint8_t *p;
	size_t n;
};

static inline uint64_t
fz_take(struct fz *z, size_t bytes)
{
	uint64_t v = 0;
	size_t i;

	for (i = 0; i < bytes; i++) {
		v |= (uint64_t)(z->n > 0 ? *z->p : 0) << (8 * i);
		if (z->n > 0) {
			z->p++;
			z->n--;
		}
	}
	return v;
}

/* Abort with a message: libFuzzer and the replay driver report it. */
#define FZ_CHECK(cond) do { \
	if (!(cond)) { \
		fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, \
		    __LINE__, #cond); \
		abort(); \
	} \
} while (0)

/* ---- JSON validation (RFC 8259, strict; nesting limited) ---- */

struct fz_json {
	const unsigned char *s;
	size_t n, i;
	int depth;
};

static int fz_json_value(struct fz_json *j);

static void
fz_json_ws(struct fz_json *j)
{
	while (j->i < j->n && (j->s[j->i] == ' ' || j->s[j->i] == '\t' ||
	    j->s[j->i] == '\n' || j->s[j->i] == '\r'))
		j->i++;
}

static int
fz_json_utf8(struct fz_json *j)
{
	unsigned c = j->s[j->i], cp, len, k;

	if (c < 0xc2 || c > 0xf4)
		return -1;
	len = c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
	if (j->i + len > j->n)
		return -1;
	cp = c & (0x3f >> (len - 1));
	for (k = 1; k < len; k++) {
		if ((j->s[j->i + k] & 0xc0) != 0x80)
			return -1;
		cp = (cp << 6) | (j->s[j->i + k] & 0x3f);
	}
	if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
	    cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		return -1;
	j->i += len;
	return 0;
}

static int
fz_json_string(struct fz_json *j)
{
	unsigned k;

	if (j->i >= j->n || j->s[j->i] != '"')
		return -1;
	j->i++;
	while (j->i < j->n) {
		unsigned c = j->s[j->i];

		if (c == '"') {
			j->i++;
			return 0;
		}
		if (c < 0x20)
			return -1;
		if (c == '\\') {
			if (++j->i >= j->n)
				return -1;
			c = j->s[j->i++];
			if (c == 'u') {
				for (k = 0; k < 4; k++, j->i++)
					if (j->i >= j->n ||
					    strchr("0123456789abcdefABCDEF",
					    j->s[j->i]) == NULL ||
					    j->s[j->i] == '\0')
						return -1;
			} else if (strchr("\"\\/bfnrt", (int)c) == NULL || c == 0) {
				return -1;
			}
			continue;
		}
		if (c >= 0x80) {
			if (fz_json_utf8(j) != 0)
				return -1;
			continue;
		}
		j->i++;
	}
	return -1;
}

static int
fz_json_digits(struct fz_json *j)
{
	size_t st = j->i;

	while (j->i < j->n && j->s[j->i] >= '0' && j->s[j->i] <= '9')
		j->i++;
	return j->i > st ? 0 : -1;
}

static int
fz_json_number(struct fz_json *j)
{
	if (j->i < j->n && j->s[j->i] == '-')
		j->i++;
	if (j->i < j->n && j->s[j->i] == '0')
		j->i++;
	else if (fz_json_digits(j) != 0)
		return -1;
	if (j->i < j->n && j->s[j->i] == '.') {
		j->i++;
		if (fz_json_digits(j) != 0)
			return -1;
	}
	if (j->i < j->n && (j->s[j->i] == 'e' || j->s[j->i] == 'E')) {
		j->i++;
		if (j->i < j->n && (j->s[j->i] == '+' || j->s[j->i] == '-'))
			j->i++;
		if (fz_json_digits(j) != 0)
			return -1;
	}
	return 0;
}

static int
fz_json_word(struct fz_json *j, const char *w)
{
	size_t l = strlen(w);

	if (j->n - j->i < l || memcmp(j->s + j->i, w, l) != 0)
		return -1;
	j->i += l;
	return 0;
}

static int
fz_json_members(struct fz_json *j, char close, int object)
{
	fz_json_ws(j);
	if (j->i < j->n && j->s[j->i] == close) {
		j->i++;
		return 0;
	}
	for (;;) {
		fz_json_ws(j);
		if (object) {
			if (fz_json_string(j) != 0)
				return -1;
			fz_json_ws(j);
			if (j->i >= j->n || j->s[j->i] != ':')
				return -1;
			j->i++;
		}
		if (fz_json_value(j) != 0)
			return -1;
		fz_json_ws(j);
		if (j->i >= j->n)
			return -1;
		if (j->s[j->i] == close) {
			j->i++;
			return 0;
		}
		if (j->s[j->i] != ',')
			return -1;
		j->i++;
	}
}

static int
fz_json_value(struct fz_json *j)
{
	int r;

	fz_json_ws(j);
	if (j->i >= j->n)
		return -1;
	switch (j->s[j->i]) {
	case '{':
	case '[':
		if (++j->depth > 64)
			return -1;
		r = j->s[j->i++] == '{';
		r = fz_json_members(j, r ? '}' : ']', r);
		j->depth--;
		return r;
	case '"':
		return fz_json_string(j);
	case 't':
		return fz_json_word(j, "true");
	case 'f':
		return fz_json_word(j, "false");
	case 'n':
		return fz_json_word(j, "null");
	default:
		return fz_json_number(j);
	}
}

/* 1 when s (n bytes) is exactly one JSON value, blanks around allowed. */
static inline int
fz_json_valid(const char *s, size_t n)
{
	struct fz_json j = { (const unsigned char *)s, n, 0, 0 };

	if (fz_json_value(&j) != 0)
		return 0;
	fz_json_ws(&j);
	return j.i == n;
}

#endif
