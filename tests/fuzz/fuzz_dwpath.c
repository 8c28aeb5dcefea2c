/*
 * fuzz_dwpath.c: the access path parser of ptpeek -d
 * (ptc__dwpath_parse): any input either fails with a detail or gives
 * steps that stay inside the input and the step limit, with a root name
 * made of name characters.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>

#include "internal.h"
#include "fuzz.h"

static int
is_name(const char *s, size_t len)
{
	size_t i;

	if (len == 0 || len >= PTC__DWNAME_MAX ||
	    (!isalpha((unsigned char)s[0]) && s[0] != '_'))
		return 0;
	for (i = 1; i < len; i++)
		if (!isalnum((unsigned char)s[i]) && s[i] != '_')
			return 0;
	return 1;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ptc__dwpath p;
	char *s;
	size_t i, n;

	if (size > 4096)
		return 0;
	s = malloc(size + 1);
	if (s == NULL)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	n = strlen(s);
	if (ptc__dwpath_parse(s, &p) != 0) {
		FZ_CHECK(errno == EINVAL || errno == ERANGE);
		FZ_CHECK(ptc_error() != NULL && *ptc_error() != '\0');
	} else {
		FZ_CHECK(p.root_off + p.root_len <= n);
		FZ_CHECK(is_name(s + p.root_off, p.root_len));
		FZ_CHECK(p.nops <= PTC__DWPATH_MAX);
		FZ_CHECK(p.scope_len == 0 ||
		    (p.scope_off + p.scope_len <= n &&
		    is_name(s + p.scope_off, p.scope_len)));
		for (i = 0; i < p.nops; i++) {
			const struct ptc__dwop *op = &p.ops[i];

			if (op->kind == PTC__DW_FIELD ||
			    op->kind == PTC__DW_ARROW) {
				FZ_CHECK(op->off + op->len <= n);
				FZ_CHECK(is_name(s + op->off, op->len));
			} else
				FZ_CHECK(op->kind == PTC__DW_INDEX ||
				    op->kind == PTC__DW_DEREF);
		}
	}
	free(s);
	return 0;
}
