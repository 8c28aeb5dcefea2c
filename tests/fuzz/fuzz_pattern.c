/*
 * fuzz_pattern.c: the -F pattern parser (ptc_pat_parse) on any text,
 * untyped and as every value type, then a match of the parsed pattern
 * against bytes taken from the input, with and without old bytes.  A
 * refused pattern must say why; a match never reads past the pattern's
 * size (the buffers are exactly that long, for the sanitizers).
 */
#include <errno.h>
#include <stdio.h>

#include "ptcore.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fz z = { data, size };
	enum ptc_vtype type = (enum ptc_vtype)(fz_take(&z, 1) % 12);
	size_t psize = fz_take(&z, 1) & 1 ? 4 : 8;
	unsigned char *cur, *old;
	struct ptc_pat *p;
	char *s;

	if (z.n > 512)
		return 0;
	if ((s = malloc(z.n + 1)) == NULL)
		return 0;
	memcpy(s, z.p, z.n);
	s[z.n] = '\0';
	/* type 11: untyped */
	p = ptc_pat_parse(s, type != 11, type == 11 ? PTC_VT_U8 : type, psize);
	if (p == NULL) {
		FZ_CHECK(errno == EINVAL || errno == ERANGE || errno == ENOMEM);
		FZ_CHECK(ptc_error() != NULL && *ptc_error() != '\0');
		free(s);
		return 0;
	}
	FZ_CHECK(ptc_pat_size(p) > 0);
	cur = malloc(ptc_pat_size(p));
	old = malloc(ptc_pat_size(p));
	if (cur != NULL && old != NULL) {
		for (size_t i = 0; i < ptc_pat_size(p); i++) {
			cur[i] = data[i % size];
			old[i] = data[(i * 7 + 3) % size];
		}
		(void)ptc_pat_match(p, cur, NULL);
		if (ptc_pat_relative(p))
			FZ_CHECK(ptc_pat_match(p, cur, NULL) == 0);
		(void)ptc_pat_match(p, cur, old);
	}
	free(cur);
	free(old);
	ptc_pat_free(p);
	free(s);
	return 0;
}
