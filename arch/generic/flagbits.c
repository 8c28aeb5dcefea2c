/*
 * flagbits.c: a flags register in words ("[ ZF PF ]"), the same form
 * on every CPU; the tables of names are the CPU's.
 */
#include <stdio.h>

#include "generic.h"

int
ptc__flagbits(char *buf, size_t len, const struct ptc__flagname *f,
    uint64_t v, const char *extra)
{
	size_t n;

	n = (size_t)snprintf(buf, len, "[");
	for (; f->name != NULL; f++)
		if (v & ((uint64_t)1 << f->bit) && n < len)
			n += (size_t)snprintf(buf + n, len - n, " %s",
			    f->name);
	if (n < len && extra != NULL)
		n += (size_t)snprintf(buf + n, len - n, "%s", extra);
	if (n < len)
		snprintf(buf + n, len - n, " ]");
	return 0;
}
