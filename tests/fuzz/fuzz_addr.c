/*
 * fuzz_addr.c: the address expression parser (ptc__addr_parse) with a
 * fake resolver that knows a few registers, mappings and names, some of
 * which hold '+' and '-', fails with EPERM for one name, and reads a
 * made-up pointer for '*' (EFAULT below 0x1000).  Whatever evaluates
 * must also pass the syntax check (ptc_addr_check()).
 */
#include <errno.h>
#include <stdio.h>

#include "internal.h"
#include "fuzz.h"

static int
fake(void *ctx, enum ptc_addr_term kind, const char *name, uint64_t *val)
{
	static const struct {
		enum ptc_addr_term kind;
		const char *name;
		uint64_t val;
	} known[] = {
		{ PTC_AT_REG, "rsp", 0x7ffc0000 },
		{ PTC_AT_REG, "rip", 0x401000 },
		{ PTC_AT_MAP, "[stack]", 0x7ffd0000 },
		{ PTC_AT_MAP, "[heap]", 0x1000000 },
		{ PTC_AT_NAME, "libc", 0x7f0000000000 },
		{ PTC_AT_NAME, "main", 0x401136 },
		{ PTC_AT_NAME, "libc:malloc", 0x7f0000012340 },
		{ PTC_AT_NAME, "libfoo-1+4", 0x500000 },
		{ PTC_AT_NAME, "ld-linux-x86-64.so.2", 0x7f1000000000 },
		{ PTC_AT_NAME, "top", 0xffffffffffffffff },
	};
	size_t i;

	(void)ctx;
	FZ_CHECK(name != NULL);
	if (kind == PTC_AT_DEREF) {
		if (*val < 0x1000) {
			errno = EFAULT;
			return -1;
		}
		*val = *val * 0x9e3779b97f4a7c15ULL >> 16;
		return 0;
	}
	if (kind == PTC_AT_NAME && strcmp(name, "denied") == 0) {
		errno = EPERM;
		return -1;
	}
	for (i = 0; i < sizeof(known) / sizeof(known[0]); i++)
		if (known[i].kind == kind && strcmp(known[i].name, name) == 0) {
			*val = known[i].val;
			return 0;
		}
	errno = ENOENT;
	return -1;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s;
	uint64_t v = 0;

	if (size > 4096)
		return 0;
	s = malloc(size + 1);
	if (s == NULL)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	if (ptc__addr_parse(s, fake, NULL, &v) != 0)
		FZ_CHECK(ptc_error() != NULL && *ptc_error() != '\0');
	else
		FZ_CHECK(ptc_addr_check(s) == 0);
	if (ptc_addr_check(s) != 0)
		FZ_CHECK(ptc_error() != NULL && *ptc_error() != '\0');
	free(s);
	return 0;
}
