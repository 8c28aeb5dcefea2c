/*
 * trace_stats.c: the counters behind ptstrace -c and the summary table,
 * in strace's layout so tools that read it keep working.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "internal.h"
#include "trace_int.h"

void
ptc__stats_add(struct ptc__stats *s, uint32_t arch, uint64_t nr, int error,
    const struct timespec *dt)
{
	struct ptc__scstat *st;
	size_t i, n;

	for (i = 0; i < PTC__NARCH; i++)
		if (s->a[i].arch == arch || s->a[i].st == NULL)
			break;
	if (i == PTC__NARCH)
		return;
	if (s->a[i].st == NULL) {
		n = ptc_sc_count(arch);
		/* Room for numbers past the table, which still count. */
		n = n < 1024 ? 1024 : n + 1;
		if ((s->a[i].st = calloc(n, sizeof(*st))) == NULL)
			return;
		s->a[i].arch = arch;
		s->a[i].n = n;
	}
	if (nr >= s->a[i].n)
		nr = s->a[i].n - 1;
	st = &s->a[i].st[nr];
	st->calls++;
	st->errors += error != 0;
	st->time.tv_sec += dt->tv_sec;
	st->time.tv_nsec += dt->tv_nsec;
	if (st->time.tv_nsec >= 1000000000) {
		st->time.tv_sec++;
		st->time.tv_nsec -= 1000000000;
	}
}

struct row {
	char name[40];
	uint64_t nr;
	const struct ptc__scstat *st;
};

static const char *sort_key;

static double
secs(const struct timespec *t)
{
	return (double)t->tv_sec + (double)t->tv_nsec / 1e9;
}

/*
 * usecs/call divides whole nanoseconds, as strace does: through a double
 * the 32-bit build's x87 arithmetic made 600 us over 2 calls 299.
 */
static uint64_t
nsecs(const struct timespec *t)
{
	return (uint64_t)t->tv_sec * 1000000000u + (uint64_t)t->tv_nsec;
}

static int
row_cmp(const void *a, const void *b)
{
	const struct row *x = a, *y = b;
	int c = 0;

	if (strcmp(sort_key, "calls") == 0)
		c = (x->st->calls < y->st->calls) - (x->st->calls > y->st->calls);
	else if (strcmp(sort_key, "errors") == 0)
		c = (x->st->errors < y->st->errors) -
		    (x->st->errors > y->st->errors);
	else if (strcmp(sort_key, "name") == 0 ||
	    strcmp(sort_key, "syscall") == 0)
		c = strcmp(x->name, y->name);
	else if (strcmp(sort_key, "nothing") == 0 ||
	    strcmp(sort_key, "none") == 0)
		c = 0;
	else {
		double dx = secs(&x->st->time), dy = secs(&y->st->time);

		c = (dx < dy) - (dx > dy);
	}
	if (c == 0)
		c = (x->nr > y->nr) - (x->nr < y->nr);
	return c;
}

int
ptc__stats_print(struct ptc__stats *s, FILE *fp, const char *sortby)
{
	static const char dash[] = "------ ----------- ----------- --------- "
	    "--------- ----------------\n";
	struct row *rows = NULL;
	size_t nrows = 0, i, j;
	uint64_t calls = 0, errors = 0, total_ns = 0;
	double total;

	for (i = 0; i < PTC__NARCH; i++) {
		for (j = 0; s->a[i].st != NULL && j < s->a[i].n; j++) {
			const struct ptc__scstat *st = &s->a[i].st[j];
			const char *name;
			struct row *r;

			if (st->calls == 0)
				continue;
			r = reallocarray(rows, nrows + 1, sizeof(*r));
			if (r == NULL)
				break;
			rows = r;
			r = &rows[nrows++];
			name = ptc_sc_name(s->a[i].arch, j);
			if (name != NULL)
				snprintf(r->name, sizeof(r->name), "%s", name);
			else
				snprintf(r->name, sizeof(r->name),
				    "syscall_%#zx", j);
			r->nr = j;
			r->st = st;
			calls += st->calls;
			errors += st->errors;
			total_ns += nsecs(&st->time);
		}
	}
	total = (double)total_ns / 1e9;
	sort_key = sortby != NULL ? sortby : "time";
	if (nrows > 0)
		qsort(rows, nrows, sizeof(*rows), row_cmp);
	fprintf(fp, "%% time     seconds  usecs/call     calls    errors "
	    "syscall\n");
	fputs(dash, fp);
	for (i = 0; i < nrows; i++) {
		double t = secs(&rows[i].st->time);

		fprintf(fp, "%6.2f %11.6f %11lu %9lu %9.lu %s\n",
		    total > 0 ? t * 100 / total : 0.0, t,
		    (unsigned long)(nsecs(&rows[i].st->time) /
		    rows[i].st->calls / 1000),
		    (unsigned long)rows[i].st->calls,
		    (unsigned long)rows[i].st->errors, rows[i].name);
	}
	fputs(dash, fp);
	fprintf(fp, "%6.2f %11.6f %11lu %9lu %9.lu total\n", 100.0, total,
	    (unsigned long)(calls ? total_ns / calls / 1000 : 0),
	    (unsigned long)calls, (unsigned long)errors);
	free(rows);
	return 0;
}

void
ptc__stats_free(struct ptc__stats *s)
{
	size_t i;

	for (i = 0; i < PTC__NARCH; i++) {
		free(s->a[i].st);
		s->a[i].st = NULL;
	}
}
