/*
 * trace_stats.c: the counters behind ptstrace -c/-C and the summary
 * table, in strace 6.1's layout (columns chosen by -U, order by -S,
 * overhead by -O) so tools that read it keep working.
 */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "trace_int.h"

#define NS_IN_S 1000000000LL

/*
 * The names -U and -S take for each column, strace's aliases included;
 * "none" and "nothing" only sort (in syscall number order).
 */
static const struct {
	const char *name;
	uint8_t col;
} aliases[] = {
	{ "time",		PTC__CSC_PERCENT },
	{ "time_percent",	PTC__CSC_PERCENT },
	{ "time-percent",	PTC__CSC_PERCENT },
	{ "time_total",		PTC__CSC_TOTAL },
	{ "time-total",		PTC__CSC_TOTAL },
	{ "total_time",		PTC__CSC_TOTAL },
	{ "total-time",		PTC__CSC_TOTAL },
	{ "min_time",		PTC__CSC_MIN },
	{ "min-time",		PTC__CSC_MIN },
	{ "shortest",		PTC__CSC_MIN },
	{ "time_min",		PTC__CSC_MIN },
	{ "time-min",		PTC__CSC_MIN },
	{ "longest",		PTC__CSC_MAX },
	{ "max_time",		PTC__CSC_MAX },
	{ "max-time",		PTC__CSC_MAX },
	{ "time_max",		PTC__CSC_MAX },
	{ "time-max",		PTC__CSC_MAX },
	{ "avg_time",		PTC__CSC_AVG },
	{ "avg-time",		PTC__CSC_AVG },
	{ "time_avg",		PTC__CSC_AVG },
	{ "time-avg",		PTC__CSC_AVG },
	{ "calls",		PTC__CSC_CALLS },
	{ "count",		PTC__CSC_CALLS },
	{ "error",		PTC__CSC_ERRORS },
	{ "errors",		PTC__CSC_ERRORS },
	{ "name",		PTC__CSC_NAME },
	{ "syscall",		PTC__CSC_NAME },
	{ "syscall_name",	PTC__CSC_NAME },
	{ "syscall-name",	PTC__CSC_NAME },
	{ "none",		PTC__CSC_NONE },
	{ "nothing",		PTC__CSC_NONE },
};

#define NALIASES (sizeof(aliases) / sizeof(aliases[0]))

/*
 * Header and least width of each column.  The widths of seconds,
 * usecs/call, calls, errors and syscall are strace's historical ones,
 * wider than their headers.
 */
static const struct {
	const char *head;
	unsigned width;
} cols[PTC__CSC_N] = {
	[PTC__CSC_PERCENT] = { "% time", 6 },
	[PTC__CSC_TOTAL] = { "seconds", 11 },
	[PTC__CSC_MIN] = { "shortest", 8 },
	[PTC__CSC_MAX] = { "longest", 7 },
	[PTC__CSC_AVG] = { "usecs/call", 11 },
	[PTC__CSC_CALLS] = { "calls", 9 },
	[PTC__CSC_ERRORS] = { "errors", 9 },
	[PTC__CSC_NAME] = { "syscall", 16 },
};

static const uint8_t default_cols[] = {
	PTC__CSC_PERCENT, PTC__CSC_TOTAL, PTC__CSC_AVG, PTC__CSC_CALLS,
	PTC__CSC_ERRORS, PTC__CSC_NAME, PTC__CSC_NONE
};

static int
columns_parse(struct ptc__stats *s, const char *spec)
{
	uint8_t seen[PTC__CSC_N] = { 0 };
	const char *tok = spec, *comma;
	size_t n = 0, len, i;

	for (;;) {
		comma = strchr(tok, ',');
		len = comma != NULL ? (size_t)(comma - tok) : strlen(tok);
		for (i = 0; i < NALIASES; i++)
			if (aliases[i].col != PTC__CSC_NONE &&
			    strncmp(aliases[i].name, tok, len) == 0 &&
			    aliases[i].name[len] == '\0')
				break;
		if (i == NALIASES)
			return ptc_fail(EINVAL, "unknown column name: '%.*s'",
			    len > INT_MAX ? INT_MAX : (int)len, tok);
		if (seen[aliases[i].col])
			return ptc_fail(EINVAL, "call summary column has been "
			    "provided more than once: '%s' (-U option "
			    "residual: '%s')", aliases[i].name, tok);
		seen[aliases[i].col] = 1;
		s->cols[n++] = aliases[i].col;
		if (comma == NULL)
			break;
		tok = comma + 1;
	}
	/* Rows without their names mean nothing: strace adds the column. */
	if (!seen[PTC__CSC_NAME])
		s->cols[n++] = PTC__CSC_NAME;
	s->cols[n] = PTC__CSC_NONE;
	return 0;
}

static int
sortby_parse(struct ptc__stats *s, const char *key)
{
	size_t i;

	for (i = 0; i < NALIASES; i++)
		if (strcmp(aliases[i].name, key) == 0) {
			s->sortby = aliases[i].col;
			return 0;
		}
	return ptc_fail(EINVAL, "invalid sortby: '%s'", key);
}

int
ptc__stats_init(struct ptc__stats *s, const char *columns,
    const char *sortby, long long overhead_ns)
{
	memset(s, 0, sizeof(*s));
	memcpy(s->cols, default_cols, sizeof(default_cols));
	s->sortby = PTC__CSC_PERCENT;
	s->overhead.tv_sec = overhead_ns / NS_IN_S;
	s->overhead.tv_nsec = overhead_ns % NS_IN_S;
	if (columns != NULL && columns_parse(s, columns) != 0)
		return -1;
	if (sortby != NULL && sortby_parse(s, sortby) != 0)
		return -1;
	return 0;
}

/* The unit suffixes -O takes and their nanoseconds; none is us. */
static long long
unit_scale(const char *u)
{
	static const struct {
		const char *name;
		long long ns;
	} units[] = {
		{ "", 1000 }, { "s", NS_IN_S }, { "ms", 1000000 },
		{ "us", 1000 }, { "ns", 1 },
	};
	size_t i;

	for (i = 0; i < sizeof(units) / sizeof(units[0]); i++)
		if (strcmp(units[i].name, u) == 0)
			return units[i].ns;
	return -1;
}

/*
 * strace tells a decimal number from an integer by which characters
 * lead the string, and converts a decimal to whole seconds and
 * nanoseconds apart (the nanoseconds truncated): both are kept, so the
 * same argument gives the same overhead.
 */
int
ptc_trace_overhead_parse(const char *str, long long *nsp)
{
	size_t flen = strspn(str, "eE.-+0123456789");
	size_t ilen = strspn(str, "+0123456789");
	long long scale, per, sec, nsec, ival = 0;
	double fval = 0;
	char *end;

	errno = 0;
	if (flen > ilen) {
		fval = strtod(str, &end);
		if (end == str || errno != 0 || fval < 0)
			goto bad;
	} else {
		if (*str == '\0')
			goto bad;
		ival = strtoll(str, &end, 10);
		if (end == str || ival < 0 || (ival == LLONG_MAX &&
		    errno == ERANGE) || (*end != '\0' &&
		    strchr("smun", *end) == NULL))
			goto bad;
	}
	if ((scale = unit_scale(end)) < 0)
		goto bad;
	per = NS_IN_S / scale;
	if (flen > ilen) {
		if (fval / (double)per >= (double)(LLONG_MAX / NS_IN_S)) {
			*nsp = LLONG_MAX;
			return 0;
		}
		sec = (long long)(fval / (double)per);
		nsec = (long long)((uint64_t)((fval - (double)(sec * per)) *
		    (double)scale) % NS_IN_S);
	} else {
		sec = ival / per;
		nsec = ival % per * scale;
	}
	*nsp = sec > (LLONG_MAX - nsec) / NS_IN_S ? LLONG_MAX :
	    sec * NS_IN_S + nsec;
	return 0;
bad:
	return ptc_fail(EINVAL, "invalid -O argument: '%s'", str);
}

static int
ts_cmp(const struct timespec *a, const struct timespec *b)
{
	if (a->tv_sec != b->tv_sec)
		return a->tv_sec < b->tv_sec ? -1 : 1;
	return (a->tv_nsec > b->tv_nsec) - (a->tv_nsec < b->tv_nsec);
}

static void
ts_add(struct timespec *t, const struct timespec *a)
{
	t->tv_sec += a->tv_sec;
	t->tv_nsec += a->tv_nsec;
	if (t->tv_nsec >= NS_IN_S) {
		t->tv_sec++;
		t->tv_nsec -= NS_IN_S;
	}
}

void
ptc__stats_add(struct ptc__stats *s, uint32_t arch, uint64_t nr, int error,
    const struct timespec *dt)
{
	struct ptc__scstat *st;
	struct timespec t;
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
	/* strace counts no number its table cannot hold either. */
	if (nr >= s->a[i].n)
		return;
	st = &s->a[i].st[nr];
	/* The overhead comes off each call, which never goes below 0. */
	t.tv_sec = dt->tv_sec - s->overhead.tv_sec;
	t.tv_nsec = dt->tv_nsec - s->overhead.tv_nsec;
	if (t.tv_nsec < 0) {
		t.tv_sec--;
		t.tv_nsec += NS_IN_S;
	}
	if (t.tv_sec < 0)
		t.tv_sec = t.tv_nsec = 0;
	if (st->calls == 0 || ts_cmp(&t, &st->min) < 0)
		st->min = t;
	if (ts_cmp(&t, &st->max) > 0)
		st->max = t;
	ts_add(&st->time, &t);
	st->calls++;
	st->errors += error != 0;
}

struct row {
	const char *name;
	char buf[32];
	uint64_t nr;
	const struct ptc__scstat *st;
	struct timespec avg;
};

static double
secs(const struct timespec *t)
{
	return (double)t->tv_sec + (double)t->tv_nsec / 1e9;
}

/*
 * Microseconds as strace computes them, through double seconds,
 * truncated (0.000249 s shows as 248).  The volatiles round each step
 * to a double as SSE does; x87's longer intermediates truncate
 * differently (600 us over 2 calls gave 299, strace 300).
 */
static uint64_t
usecs(double sec)
{
	volatile double s = sec, us;

	us = s * 1e6;
	return (uint64_t)us;
}

/* strace's average: nanoseconds rounded to the nearest. */
static void
ts_div(struct timespec *r, const struct timespec *t, uint64_t n)
{
	long long ns = ((long long)t->tv_sec % (long long)n * NS_IN_S +
	    t->tv_nsec + (long long)(n / 2)) / (long long)n;

	r->tv_sec = t->tv_sec / (long long)n + ns / NS_IN_S;
	r->tv_nsec = ns % NS_IN_S;
}

static int sort_col;

static int
row_cmp(const void *a, const void *b)
{
	const struct row *x = a, *y = b;
	int c;

	switch (sort_col) {
	case PTC__CSC_PERCENT:
	case PTC__CSC_TOTAL:
		c = -ts_cmp(&x->st->time, &y->st->time);
		break;
	case PTC__CSC_MIN:
		c = -ts_cmp(&x->st->min, &y->st->min);
		break;
	case PTC__CSC_MAX:
		c = -ts_cmp(&x->st->max, &y->st->max);
		break;
	case PTC__CSC_AVG:
		c = -ts_cmp(&x->avg, &y->avg);
		break;
	case PTC__CSC_CALLS:
		c = (x->st->calls < y->st->calls) -
		    (x->st->calls > y->st->calls);
		break;
	case PTC__CSC_ERRORS:
		c = (x->st->errors < y->st->errors) -
		    (x->st->errors > y->st->errors);
		break;
	case PTC__CSC_NAME:
		c = strcmp(x->name, y->name);
		break;
	default:
		c = 0;
	}
	/* strace's sort is stable over syscall numbers: ties keep theirs. */
	if (c == 0)
		c = (x->nr > y->nr) - (x->nr < y->nr);
	return c;
}

static unsigned
num_width(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	return n > 0 ? (unsigned)n : 0;
}

static unsigned
umax(unsigned a, unsigned b)
{
	return a > b ? a : b;
}

static void
rule(FILE *fp, const uint8_t *cl, const unsigned *w)
{
	size_t i, j;

	for (i = 0; cl[i] != PTC__CSC_NONE; i++) {
		if (i > 0)
			fputc(' ', fp);
		for (j = 0; j < w[cl[i]]; j++)
			fputc('-', fp);
	}
	fputc('\n', fp);
}

/* One row: the values of every column, the last one unpadded. */
struct vals {
	double percent, total, min, max;
	uint64_t avg, calls, errors;
	const char *name;
};

static void
put_row(FILE *fp, const uint8_t *cl, const unsigned *w,
    const struct vals *v)
{
	size_t i;
	int wd;

	for (i = 0; cl[i] != PTC__CSC_NONE; i++) {
		if (i > 0)
			fputc(' ', fp);
		wd = (int)w[cl[i]];
		switch (cl[i]) {
		case PTC__CSC_PERCENT:
			fprintf(fp, "%*.2f", wd, v->percent);
			break;
		case PTC__CSC_TOTAL:
			fprintf(fp, "%*.6f", wd, v->total);
			break;
		case PTC__CSC_MIN:
			fprintf(fp, "%*.6f", wd, v->min);
			break;
		case PTC__CSC_MAX:
			fprintf(fp, "%*.6f", wd, v->max);
			break;
		case PTC__CSC_AVG:
			fprintf(fp, "%*llu", wd, (unsigned long long)v->avg);
			break;
		case PTC__CSC_CALLS:
			fprintf(fp, "%*llu", wd, (unsigned long long)v->calls);
			break;
		case PTC__CSC_ERRORS:
			/* No errors: blanks, not 0. */
			fprintf(fp, "%*.0llu", wd,
			    (unsigned long long)v->errors);
			break;
		case PTC__CSC_NAME:
			fprintf(fp, "%-*s", cl[i + 1] == PTC__CSC_NONE ? 0 :
			    wd, v->name);
			break;
		}
	}
	fputc('\n', fp);
}

/* The table of one ABI's syscalls (as strace prints per personality). */
static void
print_arch(struct ptc__stats *s, size_t ai, FILE *fp)
{
	const uint8_t *cl = s->cols;
	struct timespec cum = { 0, 0 }, tmin = { 0, 0 }, tmin_max = { 0, 0 };
	struct timespec tmax = { 0, 0 }, avg_max = { 0, 0 };
	struct row *rows;
	struct vals v;
	unsigned w[PTC__CSC_N];
	uint64_t calls = 0, errors = 0;
	size_t nrows = 0, name_max = 0, i, j;
	double cum_s;

	if ((rows = calloc(s->a[ai].n, sizeof(*rows))) == NULL)
		return;
	for (j = 0; j < s->a[ai].n; j++) {
		const struct ptc__scstat *st = &s->a[ai].st[j];
		struct row *r;

		if (st->calls == 0)
			continue;
		r = &rows[nrows++];
		r->nr = j;
		r->st = st;
		if ((r->name = ptc_sc_name(s->a[ai].arch, j)) == NULL) {
			snprintf(r->buf, sizeof(r->buf), "syscall_%#zx", j);
			r->name = r->buf;
		}
		ts_div(&r->avg, &st->time, st->calls);
		ts_add(&cum, &st->time);
		if (nrows == 1 || ts_cmp(&st->min, &tmin) < 0)
			tmin = st->min;
		if (ts_cmp(&st->min, &tmin_max) > 0)
			tmin_max = st->min;
		if (ts_cmp(&st->max, &tmax) > 0)
			tmax = st->max;
		if (ts_cmp(&r->avg, &avg_max) > 0)
			avg_max = r->avg;
		calls += st->calls;
		errors += st->errors;
		if (strlen(r->name) > name_max)
			name_max = strlen(r->name);
	}
	cum_s = secs(&cum);
	sort_col = s->sortby;
	if (sort_col != PTC__CSC_NONE)
		qsort(rows, nrows, sizeof(*rows), row_cmp);

	/* Columns widen to their largest value, the totals' included. */
	for (i = 0; i < PTC__CSC_N; i++)
		w[i] = cols[i].width;
	w[PTC__CSC_TOTAL] = umax(w[PTC__CSC_TOTAL], num_width("%.6f", cum_s));
	w[PTC__CSC_MIN] = umax(w[PTC__CSC_MIN], num_width("%lld.000000",
	    (long long)tmin_max.tv_sec));
	w[PTC__CSC_MAX] = umax(w[PTC__CSC_MAX], num_width("%lld.000000",
	    (long long)tmax.tv_sec));
	w[PTC__CSC_AVG] = umax(w[PTC__CSC_AVG], num_width("%llu",
	    (unsigned long long)usecs(secs(&avg_max))));
	w[PTC__CSC_CALLS] = umax(w[PTC__CSC_CALLS], num_width("%llu",
	    (unsigned long long)calls));
	w[PTC__CSC_ERRORS] = umax(w[PTC__CSC_ERRORS], num_width("%llu",
	    (unsigned long long)errors));
	w[PTC__CSC_NAME] = umax(w[PTC__CSC_NAME], (unsigned)name_max + 1);

	for (i = 0; cl[i] != PTC__CSC_NONE; i++) {
		if (i > 0)
			fputc(' ', fp);
		if (cl[i] != PTC__CSC_NAME)
			fprintf(fp, "%*s", (int)w[cl[i]], cols[cl[i]].head);
		else
			fprintf(fp, "%-*s", cl[i + 1] == PTC__CSC_NONE ? 0 :
			    (int)w[cl[i]], cols[cl[i]].head);
	}
	fputc('\n', fp);
	rule(fp, cl, w);
	for (i = 0; i < nrows; i++) {
		const struct ptc__scstat *st = rows[i].st;

		v.total = secs(&st->time);
		/* 0 over a total of 0 is 0, not NaN. */
		v.percent = 100.0 * v.total;
		if (v.percent != 0.0)
			v.percent /= cum_s;
		v.min = secs(&st->min);
		v.max = secs(&st->max);
		v.avg = usecs(secs(&rows[i].avg));
		v.calls = st->calls;
		v.errors = st->errors;
		v.name = rows[i].name;
		put_row(fp, cl, w, &v);
	}
	rule(fp, cl, w);
	v.percent = 100.0;
	v.total = cum_s;
	v.min = secs(&tmin);
	v.max = secs(&tmax);
	/* The total's average divides doubles, not nanoseconds. */
	v.avg = usecs(cum_s / (double)calls);
	v.calls = calls;
	v.errors = errors;
	v.name = "total";
	put_row(fp, cl, w, &v);
	free(rows);
}

/*
 * Nothing counted prints nothing.  The native ABI's table comes first;
 * another ABI's follows under a line naming it, as in strace.
 */
int
ptc__stats_print(struct ptc__stats *s, FILE *fp)
{
	size_t i, k;

	for (k = 0; k < 2; k++)
		for (i = 0; i < PTC__NARCH; i++) {
			if (s->a[i].st == NULL ||
			    (k == 0) != (s->a[i].arch == PTC__ARCH_NATIVE))
				continue;
			if (k == 1)
				fputs("System call usage summary for 32 bit "
				    "mode:\n", fp);
			print_arch(s, i, fp);
		}
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
