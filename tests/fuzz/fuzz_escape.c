/*
 * fuzz_escape.c: string escaping (ptc_escape, in the three -x styles)
 * and JSON strings (ptc_json_str).  Escaped output must hold printable
 * ASCII only (no terminal escape can pass) and decode back to the
 * input; JSON output must be one valid JSON string.
 */
#include <stdio.h>

#include "ptcore.h"
#include "fuzz.h"

/* Undo C-style escaping: the bytes, or -1 for a malformed escape. */
static ssize_t
unescape(const char *s, size_t n, unsigned char *out)
{
	size_t i = 0, o = 0, k;
	unsigned v;

	if (n < 2 || s[0] != '"' || s[n - 1] != '"')
		return -1;
	for (i = 1; i < n - 1; i++) {
		if (s[i] != '\\') {
			out[o++] = (unsigned char)s[i];
			continue;
		}
		if (++i >= n - 1)
			return -1;
		switch (s[i]) {
		case 'n': out[o++] = '\n'; continue;
		case 't': out[o++] = '\t'; continue;
		case 'r': out[o++] = '\r'; continue;
		case 'f': out[o++] = '\f'; continue;
		case 'v': out[o++] = '\v'; continue;
		case '"': case '\\': out[o++] = (unsigned char)s[i]; continue;
		case 'x':
			if (i + 2 >= n - 1)
				return -1;
			v = 0;
			for (k = 1; k <= 2; k++) {
				char c = s[i + k];
				v = v * 16 + (unsigned)(c >= 'a' ? c - 'a' + 10 :
				    c - '0');
			}
			out[o++] = (unsigned char)v;
			i += 2;
			continue;
		}
		if (s[i] < '0' || s[i] > '7')
			return -1;
		v = 0;
		for (k = 0; k < 3 && i < n - 1 && s[i] >= '0' && s[i] <= '7';
		    k++, i++)
			v = v * 8 + (unsigned)(s[i] - '0');
		i--;
		if (v > 255)
			return -1;
		out[o++] = (unsigned char)v;
	}
	return (ssize_t)o;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *out;
	size_t olen, i;
	unsigned char *back;
	ssize_t blen;
	FILE *fp;
	int hex;

	if (size > 65536)
		return 0;
	for (hex = 0; hex <= 2; hex++) {
		fp = open_memstream(&out, &olen);
		if (fp == NULL)
			return 0;
		FZ_CHECK(ptc_escape(fp, data, size, hex) == 0);
		fclose(fp);
		for (i = 0; i < olen; i++)
			FZ_CHECK(out[i] >= 0x20 && out[i] <= 0x7e);
		back = malloc(olen + 1);
		FZ_CHECK(back != NULL);
		blen = unescape(out, olen, back);
		FZ_CHECK(blen == (ssize_t)size);
		FZ_CHECK(size == 0 || memcmp(back, data, size) == 0);
		free(back);
		free(out);
	}
	fp = open_memstream(&out, &olen);
	if (fp == NULL)
		return 0;
	FZ_CHECK(ptc_json_str(fp, data, size) == 0);
	fclose(fp);
	FZ_CHECK(fz_json_valid(out, olen));
	FZ_CHECK(olen >= 2 && out[0] == '"' && out[olen - 1] == '"');
	for (i = 0; i < olen; i++)
		FZ_CHECK((unsigned char)out[i] != 0x1b);
	free(out);
	return 0;
}
