/*
 * fuzz_maps.c: the /proc/PID/maps parser and the lookups on its result
 * (by address, by module name) over arbitrary text.
 */
#include <stdio.h>

#include "ptcore.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ptc_maps *m;
	const struct ptc_map *mp;
	struct fz z = { data, size };
	uint64_t probe;
	char name[32];
	size_t i, n;

	probe = fz_take(&z, 8);
	n = (size_t)fz_take(&z, 1) % sizeof(name);
	memcpy(name, z.p, n < z.n ? n : z.n);
	name[n < z.n ? n : z.n] = '\0';
	m = ptc_maps_parse((const char *)data, size);
	if (m == NULL)
		return 0;
	n = ptc_maps_count(m);
	for (i = 0; i < n; i++) {
		mp = ptc_maps_at(m, i);
		FZ_CHECK(mp != NULL && mp->path != NULL);
		FZ_CHECK(ptc_map_name(mp) != NULL);
		FZ_CHECK(strlen(mp->perms) < sizeof(mp->perms));
		mp = ptc_maps_find(m, mp->start);
		FZ_CHECK(mp == NULL || (mp->start <= mp->end));
	}
	mp = ptc_maps_find(m, probe);
	FZ_CHECK(mp == NULL || (probe >= mp->start && probe < mp->end));
	(void)ptc_maps_module(m, name);
	(void)ptc_maps_module(m, "libc");
	(void)ptc_maps_module(m, "[stack]");
	FZ_CHECK(ptc_maps_at(m, n) == NULL);
	ptc_maps_free(m);
	return 0;
}
