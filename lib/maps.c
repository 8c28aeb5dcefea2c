/*
 * maps.c: the memory mappings of a process (read by the OS layer),
 * the parser of Linux's maps text, and lookup by address (binary
 * search) and by module name.
 */
#include <errno.h>
#include <stddef.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

struct ptc_maps {
	struct ptc_map *v;
	size_t n;
	char *text;           /* owns every path string */
};

#define DELETED " (deleted)"

/* Parse a hex number at *p; advance *p past it. */
static int
hexnum(const char **p, const char *end, uint64_t *v)
{
	const char *s = *p;
	uint64_t x = 0;
	int any = 0;

	for (; s < end; s++) {
		unsigned d;

		if (*s >= '0' && *s <= '9')
			d = (unsigned)(*s - '0');
		else if (*s >= 'a' && *s <= 'f')
			d = (unsigned)(*s - 'a' + 10);
		else if (*s >= 'A' && *s <= 'F')
			d = (unsigned)(*s - 'A' + 10);
		else
			break;
		if (x >> 60)
			return -1;
		x = x << 4 | d;
		any = 1;
	}
	if (!any)
		return -1;
	*v = x;
	*p = s;
	return 0;
}

static int
expect(const char **p, const char *end, char c)
{
	if (*p >= end || **p != c)
		return -1;
	(*p)++;
	return 0;
}

static void
skip_blanks(const char **p, const char *end)
{
	while (*p < end && (**p == ' ' || **p == '\t'))
		(*p)++;
}

/*
 * One line "start-end perms offset major:minor inode   path" (line is
 * NUL-terminated in place, without its newline).  The path is everything
 * after the blanks that follow the inode, spaces included.
 */
static int
parse_line(char *line, size_t len, struct ptc_map *m)
{
	const char *p = line, *end = line + len;
	uint64_t v;

	memset(m, 0, sizeof(*m));
	if (hexnum(&p, end, &m->start) < 0 || expect(&p, end, '-') < 0 ||
	    hexnum(&p, end, &m->end) < 0 || expect(&p, end, ' ') < 0)
		return -1;
	if (end - p < 5 || p[4] != ' ')
		return -1;
	for (int i = 0; i < 4; i++) {
		static const char ok[4][3] = { "r-", "w-", "x-", "ps" };
		if (memchr(ok[i], p[i], 2) == NULL)
			return -1;
		m->perms[i] = p[i];
	}
	m->perms[4] = '\0';
	p += 5;
	if (hexnum(&p, end, &m->offset) < 0 || expect(&p, end, ' ') < 0)
		return -1;
	if (hexnum(&p, end, &v) < 0 || v > UINT32_MAX ||
	    expect(&p, end, ':') < 0)
		return -1;
	m->dev_major = (unsigned)v;
	if (hexnum(&p, end, &v) < 0 || v > UINT32_MAX)
		return -1;
	m->dev_minor = (unsigned)v;
	if (expect(&p, end, ' ') < 0)
		return -1;
	/* the inode is decimal */
	if (p >= end || *p < '0' || *p > '9')
		return -1;
	for (m->inode = 0; p < end && *p >= '0' && *p <= '9'; p++) {
		if (m->inode > (UINT64_MAX - 9) / 10)
			return -1;
		m->inode = m->inode * 10 + (uint64_t)(*p - '0');
	}
	if (p < end && *p != ' ' && *p != '\t')
		return -1;
	skip_blanks(&p, end);
	m->path = p;
	if (m->end < m->start)
		return -1;
	return 0;
}

static int
cmp_start(const void *a, const void *b)
{
	const struct ptc_map *x = a, *y = b;

	return x->start < y->start ? -1 : x->start > y->start;
}

struct ptc_maps *
ptc_maps_parse(const char *text, size_t len)
{
	struct ptc_maps *m;
	size_t cap = 0, lineno = 0;
	char *p, *end;
	int sorted = 1;

	if ((m = calloc(1, sizeof(*m))) == NULL)
		return NULL;
	if ((m->text = malloc(len + 1)) == NULL)
		goto fail;
	memcpy(m->text, text, len);
	m->text[len] = '\0';
	for (p = m->text, end = m->text + len; p < end; ) {
		char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t ll = nl != NULL ? (size_t)(nl - p) : (size_t)(end - p);

		lineno++;
		p[ll] = '\0';
		if (ll == 0) {
			p += ll + 1;
			continue;
		}
		if (m->n == cap) {
			size_t ncap = cap ? cap * 2 : 64;
			struct ptc_map *nv = reallocarray(m->v, ncap,
			    sizeof(*nv));
			if (nv == NULL)
				goto fail;
			m->v = nv;
			cap = ncap;
		}
		if (parse_line(p, ll, &m->v[m->n]) < 0) {
			ptc_fail(EINVAL, "maps line %zu: cannot parse \"%.60s\"",
			    lineno, p);
			goto fail;
		}
		if (m->n > 0 && m->v[m->n].start < m->v[m->n - 1].start)
			sorted = 0;
		m->n++;
		p += ll + 1;
	}
	/* The kernel lists mappings in order; text from elsewhere may not. */
	if (!sorted)
		qsort(m->v, m->n, sizeof(*m->v), cmp_start);
	return m;
fail:
	ptc_maps_free(m);
	return NULL;
}

struct ptc_maps *
ptc_maps_read(pid_t pid)
{
	struct ptc_maps *m;
	size_t len;
	char *text;

	if ((text = ptc_os_maps_text(pid, &len)) == NULL)
		return NULL;
	m = ptc_maps_parse(text, len);
	free(text);
	return m;
}

void
ptc_maps_free(struct ptc_maps *m)
{
	if (m == NULL)
		return;
	free(m->v);
	free(m->text);
	free(m);
}

size_t
ptc_maps_count(const struct ptc_maps *m)
{
	return m->n;
}

const struct ptc_map *
ptc_maps_at(const struct ptc_maps *m, size_t i)
{
	return i < m->n ? &m->v[i] : NULL;
}

size_t
ptc__count_le(const void *base, size_t n, size_t size, size_t off,
    uint64_t key)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		uint64_t k;

		memcpy(&k, (const char *)base + mid * size + off, sizeof(k));
		if (k <= key)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

const struct ptc_map *
ptc_maps_find(const struct ptc_maps *m, uint64_t addr)
{
	/* the last mapping whose start is <= addr */
	size_t lo = ptc__count_le(m->v, m->n, sizeof(*m->v),
	    offsetof(struct ptc_map, start), addr);

	if (lo == 0 || addr >= m->v[lo - 1].end)
		return NULL;
	return &m->v[lo - 1];
}

/* Length of path without a trailing " (deleted)". */
size_t
ptc__path_len(const char *path)
{
	size_t n = strlen(path), d = sizeof(DELETED) - 1;

	if (n > d && strcmp(path + n - d, DELETED) == 0)
		return n - d;
	return n;
}

static const char *
base_of(const char *path, size_t len)
{
	const char *b = path;

	if (path[0] != '/')
		return path;
	for (size_t i = 0; i < len; i++)
		if (path[i] == '/')
			b = path + i + 1;
	return b;
}

/*
 * Does file name base (blen bytes) name the module name without its
 * version?  The rest after name must start a version or a shared-object
 * suffix: "libc" + ".so.6", "libc" + "-2.36.so", "libfoo.so" + ".1".
 */
static int
versioned_match(const char *base, size_t blen, const char *name)
{
	size_t n = strlen(name);
	const char *r;

	if (n == 0 || n >= blen || strncmp(base, name, n) != 0)
		return 0;
	r = base + n;
	if (strncmp(r, ".so", 3) == 0)
		return 1;
	if ((r[0] == '-' || r[0] == '.') && r[1] >= '0' && r[1] <= '9')
		return 1;
	return 0;
}

const struct ptc_map *
ptc_maps_module(const struct ptc_maps *m, const char *name)
{
	size_t nlen = strlen(name);

	if (nlen == 0) {
		ptc_fail(EINVAL, "empty module name");
		return NULL;
	}
	/* an exact path or file name wins over a versioned file name */
	for (size_t i = 0; i < m->n; i++) {
		const char *path = m->v[i].path;
		size_t pl = ptc__path_len(path);
		const char *b = base_of(path, pl);

		if (pl == 0)
			continue;
		if (name[0] == '/' || name[0] == '[') {
			if (pl == nlen && memcmp(path, name, nlen) == 0)
				return &m->v[i];
			continue;
		}
		if ((size_t)(path + pl - b) == nlen &&
		    memcmp(b, name, nlen) == 0)
			return &m->v[i];
	}
	if (name[0] != '/' && name[0] != '[') {
		for (size_t i = 0; i < m->n; i++) {
			const char *path = m->v[i].path;
			size_t pl = ptc__path_len(path);
			const char *b = base_of(path, pl);

			if (path[0] == '/' &&
			    versioned_match(b, (size_t)(path + pl - b), name))
				return &m->v[i];
		}
	}
	ptc_fail(ENOENT, "no module named \"%s\"", name);
	return NULL;
}

const char *
ptc_map_name(const struct ptc_map *map)
{
	static _Thread_local char buf[256];
	const char *path = map->path != NULL ? map->path : "";
	size_t pl = ptc__path_len(path);
	const char *b = base_of(path, pl);

	if (path[pl] == '\0')
		return b;
	/* a deleted file: the name without the suffix */
	snprintf(buf, sizeof(buf), "%.*s", (int)(path + pl - b), b);
	return buf;
}
