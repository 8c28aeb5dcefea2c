/*
 * fuzz_addr: libFuzzer target for the address expression parser
 * (ptc__addr_parse) with a resolver that knows a few names, and for
 * ptc_parse_u64.  Built by `make fuzz` into $(B)/fuzz/.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

static int
resolve(void *ctx, enum ptc_addr_term kind, const char *name, uint64_t *v)
{
	static const char *known[] = { "main", "libc", "libc:malloc",
	    "ld-linux-x86-64.so.2", "libstdc++.so.6", "rsp", "[stack]",
	    "[vdso]:time", "a-1", "big" };
	size_t i;

	(void)ctx;
	(void)kind;
	if (strlen(name) == 0)
		abort();        /* the parser never asks for an empty name */
	for (i = 0; i < sizeof(known) / sizeof(known[0]); i++)
		if (strcmp(name, known[i]) == 0) {
			*v = i == 9 ? UINT64_MAX : 0x1000 * (i + 1);
			return 0;
		}
	if (strcmp(name, "eperm") == 0)
		return ptc_fail(EPERM, "no");
	return ptc_fail(ENOENT, "unknown symbol '%s'", name);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	uint64_t v;

	if (s == NULL)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	if (ptc__addr_parse(s, resolve, NULL, &v) == -1 &&
	    ptc_error()[0] == '\0')
		abort();        /* every failure explains itself */
	if (ptc_parse_u64(s, &v) == -1 && ptc_error()[0] == '\0')
		abort();
	free(s);
	return 0;
}

/* addr.c's resolver for live targets needs these; fuzzing never calls it. */
pid_t ptc_target_pid(const struct ptc_target *t) { (void)t; abort(); }
struct ptc_task *ptc_target_task(struct ptc_target *t, pid_t tid)
{ (void)t; (void)tid; abort(); }
int ptc_reg_read(struct ptc_task *t, const char *n, uint64_t *v)
{ (void)t; (void)n; (void)v; abort(); }
const struct ptc_maps *ptc_target_maps(struct ptc_target *t)
{ (void)t; abort(); }
const struct ptc_map *ptc_maps_module(const struct ptc_maps *m, const char *n)
{ (void)m; (void)n; abort(); }
struct ptc_syms *ptc_target_syms(struct ptc_target *t) { (void)t; abort(); }
int ptc_syms_lookup(struct ptc_syms *ss, const char *m, const char *n,
    uint64_t *a)
{ (void)ss; (void)m; (void)n; (void)a; abort(); }
