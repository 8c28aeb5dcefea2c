/*
 * scan.c: ptpeek's and ptpoke's engines over a live process: records
 * of typed values and bytes (text or JSON), searching the readable
 * mappings, re-checking a candidate list read from a pipe with one
 * process_vm_readv per batch of candidates, watching a value for
 * changes and freezing one, all without stopping the process.
 */
#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "internal.h"

#define READ_CHUNK  (64 * 1024)        /* dumps and values, per read */
#define LIST_BYTES  (4 * 1024 * 1024)  /* candidate bytes, per batch */
#define WATCH_MAX   (1024 * 1024)      /* bytes watched at most */

/* ---- reading many small ranges at once ---- */

ssize_t
ptc_mem_read_many(pid_t pid, const uint64_t *addrs, size_t n, size_t len,
    void *buf, unsigned char *ok)
{
	unsigned char *b = buf;
	ssize_t good = 0;
	size_t i = 0;
	int vm = 1;

	if (len == 0 || n > SIZE_MAX / len)
		return ptc_fail(EINVAL, "%zu ranges of %zu bytes", n, len);
	while (i < n) {
		size_t k = n - i < PTC_OS_VM_IOV ? n - i : PTC_OS_VM_IOV, whole;
		ssize_t got = vm ? ptc_os_vm_readv(pid, addrs + i, k, len,
		    b + i * len) : -1;

		if (got < 0 && errno == ESRCH)
			return ptc_fail(ESRCH, "no such process %d", (int)pid);
		if (got < 0) {
			/* not here, or not allowed: one by one from now */
			if (errno == ENOSYS || errno == EPERM)
				vm = 0;
			got = 0;
		}
		whole = (size_t)got / len;
		for (size_t j = 0; j < whole; j++)
			ok[i + j] = 1;
		good += (ssize_t)whole;
		i += whole;
		if (whole == k)
			continue;
		/*
		 * Range i stopped the batch: unmapped, or out of
		 * process_vm_readv's reach (PROT_NONE, VM_IO); the slow
		 * path reads what /proc/PID/mem can.
		 */
		ok[i] = ptc_mem_read(pid, addrs[i], b + i * len, len,
		    PTC_MEM_AUTO) == (ssize_t)len;
		if (!ok[i] && (errno == ESRCH || errno == EPERM))
			return -1;
		good += ok[i];
		i++;
	}
	return good;
}

/* ---- records ---- */

static const char hexdig[] = "0123456789abcdef";

/* The value at b as text (no newline), pointers as wide as the process's. */
static int
value_str(const struct ptc_scan *s, const unsigned char *b, char *out,
    size_t outlen)
{
	unsigned char v[8] = { 0 };
	FILE *fp;
	size_t n;

	memcpy(v, b, s->type == PTC_VT_PTR ? s->psize : ptc_vtype_size(s->type));
	if ((fp = fmemopen(out, outlen, "w")) == NULL)
		return -1;
	if (ptc_value_print(fp, s->type, v) < 0) {
		fclose(fp);
		return -1;
	}
	fclose(fp);
	n = strnlen(out, outlen - 1);
	out[n > 0 && out[n - 1] == '\n' ? n - 1 : n] = '\0';
	return 0;
}

size_t
ptc_scan_size(const struct ptc_scan *s)
{
	if (s->pat != NULL)
		return ptc_pat_size(s->pat);
	return s->type == PTC_VT_PTR ? s->psize : ptc_vtype_size(s->type);
}

/*
 * One record: [TIME ]ADDR VALUE, or a JSON object; value: with the
 * value (typed) or the bytes (len of them, as hex).
 */
static int
emit(const struct ptc_scan *s, uint64_t addr, const unsigned char *b,
    size_t len, int value, const struct timespec *ts)
{
	FILE *fp = s->out;
	char v[64];

	if (value && s->typed && value_str(s, b, v, sizeof(v)) < 0)
		return -1;
	if (s->flags & PTC_SCAN_JSON) {
		fputc('{', fp);
		if (ts != NULL)
			fprintf(fp, "\"time\":%lld.%06ld,", (long long)ts->tv_sec,
			    ts->tv_nsec / 1000);
		fprintf(fp, "\"addr\":\"0x%" PRIx64 "\"", addr);
		if (value && s->typed) {
			int num = s->type != PTC_VT_PTR && (isdigit(
			    (unsigned char)v[0]) || (v[0] == '-' &&
			    isdigit((unsigned char)v[1])));

			fprintf(fp, num ? ",\"value\":%s" : ",\"value\":\"%s\"",
			    v);
		} else if (value) {
			fputs(",\"bytes\":\"", fp);
			for (size_t i = 0; i < len; i++)
				fputc(hexdig[b[i] >> 4], fp), fputc(hexdig[b[i] & 15], fp);
			fputc('"', fp);
		}
		fputs("}\n", fp);
		return ferror(fp) ? -1 : 0;
	}
	if (ts != NULL) {
		struct tm tm;

		localtime_r(&ts->tv_sec, &tm);
		fprintf(fp, "%02d:%02d:%02d.%06ld ", tm.tm_hour, tm.tm_min,
		    tm.tm_sec, ts->tv_nsec / 1000);
	}
	fprintf(fp, "0x%" PRIx64, addr);
	if (value && s->typed)
		fprintf(fp, " %s", v);
	else if (value) {
		fputc(' ', fp);
		for (size_t i = 0; i < len; i++)
			fputc(hexdig[b[i] >> 4], fp), fputc(hexdig[b[i] & 15], fp);
	}
	fputc('\n', fp);
	return ferror(fp) ? -1 : 0;
}

/* len bytes at addr as a hexdump, or JSON records of 16 bytes. */
static int
dump(const struct ptc_scan *s, uint64_t addr, const unsigned char *b,
    size_t len)
{
	if (!(s->flags & PTC_SCAN_JSON))
		return ptc_hexdump(s->out, addr, b, len);
	for (size_t off = 0; off < len; off += 16)
		if (emit(s, addr + off, b + off, len - off < 16 ? len - off :
		    16, 1, NULL) < 0)
			return -1;
	return 0;
}

static int
out_failed(void)
{
	return ptc_fail(EIO, "stdout: %s", strerror(errno ? errno : EIO));
}

int
ptc_scan_read(const struct ptc_scan *s, uint64_t addr, uint64_t len)
{
	static unsigned char buf[READ_CHUNK];
	size_t sz = s->typed ? ptc_scan_size(s) : 1;
	struct ptc_progress *prog = s->typed ? NULL :
	    ptc_progress_new("reading", len, PTC_PROGRESS_BYTES);
	uint64_t done = 0;
	int r = 0;

	/* len: bytes, or values when typed */
	while (len > 0 && r == 0) {
		size_t nv = len < sizeof(buf) / sz ? (size_t)len :
		    sizeof(buf) / sz;
		ssize_t n;

		if (ptc_cleanup_pending()) {
			r = ptc_fail(EINTR, "interrupted");
			break;
		}
		n = ptc_target_read(s->target, addr, buf, nv * sz);
		for (size_t i = 0; s->typed && n > 0 &&
		    (i + 1) * sz <= (size_t)n && r == 0; i++) {
			if (s->flags & PTC_SCAN_JSON)
				r = emit(s, addr + i * sz, buf + i * sz, sz, 1,
				    NULL);
			else {
				/* a 32-bit process's ptr is 4 bytes */
				unsigned char v[8] = { 0 };

				memcpy(v, buf + i * sz, sz < 8 ? sz : 8);
				r = ptc_value_print(s->out, s->type, v);
			}
			if (r < 0)
				r = out_failed();
		}
		if (!s->typed && n > 0 && dump(s, addr, buf, (size_t)n) < 0)
			r = out_failed();
		if (r == 0 && n < (ssize_t)(nv * sz))
			r = -1; /* the read's own detail */
		ptc_progress_update(prog, done += nv * sz);
		addr += nv * sz;
		len -= nv;
	}
	ptc_progress_end(prog);
	return r;
}

/* ---- searching every readable mapping ---- */

struct found {
	const struct ptc_scan *s;
	int failed;
};

static int
found_one(uint64_t addr, const void *bytes, void *ctx)
{
	struct found *f = ctx;

	if (emit(f->s, addr, bytes, ptc_pat_size(f->s->pat),
	    (f->s->flags & PTC_SCAN_VALUES) != 0, NULL) < 0) {
		f->failed = 1;
		return 1;
	}
	return 0;
}

/* Readable, and not [vvar] and the like, which cannot be read at all. */
static int
searchable(const struct ptc_map *mp)
{
	return mp->perms[0] == 'r' && strcmp(mp->path, "[vvar]") != 0 &&
	    strcmp(mp->path, "[vvar_vclock]") != 0;
}

/* The end of the readable mappings that cover addr on without a gap. */
static uint64_t
readable_to(const struct ptc_maps *m, uint64_t addr, uint64_t end)
{
	const struct ptc_map *mp;

	while (addr < end && (mp = ptc_maps_find(m, addr)) != NULL &&
	    searchable(mp))
		addr = mp->end;
	return addr < end ? addr : end;
}

ssize_t
ptc_scan_find(const struct ptc_scan *s, int ranged, uint64_t addr,
    uint64_t len)
{
	pid_t pid = ptc_target_pid(s->target);
	struct found f = { s, 0 };
	const struct ptc_maps *m;
	struct ptc_progress *prog;
	uint64_t total = 0, done = 0;
	ssize_t n, count = 0;

	if ((m = ptc_target_maps(s->target)) == NULL)
		return -1;
	if (ranged) {
		uint64_t end = addr + len, stop = readable_to(m, addr, end);

		/*
		 * The range ends at its first address that no readable
		 * mapping covers.  That page is not read: a read through
		 * /proc/PID/mem would see a PROT_NONE page after all (as
		 * zeros) and give the process page tables for every page of
		 * a reservation.
		 */
		n = stop > addr ? ptc_pat_search(pid, addr, stop, s->pat, 0,
		    found_one, &f) : 0;
		if (f.failed)
			return out_failed();
		if (n < 0 || stop == end)
			return n;
		return ptc_fail(EFAULT, "cannot read memory at 0x%" PRIx64
		    " (unmapped or unreadable)", stop);
	}
	for (size_t i = 0; i < ptc_maps_count(m); i++)
		if (searchable(ptc_maps_at(m, i)))
			total += ptc_maps_at(m, i)->end - ptc_maps_at(m, i)->start;
	prog = ptc_progress_new("searching", total, PTC_PROGRESS_BYTES);
	for (size_t i = 0; i < ptc_maps_count(m); i++) {
		const struct ptc_map *mp = ptc_maps_at(m, i);

		if (!searchable(mp))
			continue;
		n = ptc_pat_search(pid, mp->start, mp->end, s->pat, 1,
		    found_one, &f);
		if (n < 0 || f.failed) {
			ptc_progress_end(prog);
			return f.failed ? out_failed() : -1;
		}
		count += n;
		ptc_progress_update(prog, done += mp->end - mp->start);
	}
	ptc_progress_end(prog);
	return count;
}

/* ---- candidate lists ---- */

struct cand {
	uint64_t addr;
	unsigned long line;
	int has_old;
	unsigned char old[8];
};

static void
warn(const struct ptc_scan *s, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void
warn(const struct ptc_scan *s, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (s->warn != NULL)
		s->warn(msg);
}

/*
 * One line: an address, then optionally the value seen before.  0 with
 * c filled, 1 for a blank line, -1 with a message naming the problem.
 */
static int
parse_line(const struct ptc_scan *s, char *line, struct cand *c)
{
	char *tok[3], *save = NULL, why[300];
	int nt = 0;

	for (char *t = strtok_r(line, " \t\r\n", &save); t != NULL && nt < 3;
	    t = strtok_r(NULL, " \t\r\n", &save))
		tok[nt++] = t;
	if (nt == 0)
		return 1;
	if (ptc_parse_u64(tok[0], &c->addr) < 0) {
		snprintf(why, sizeof(why), "%s", ptc_error());
		return ptc_fail(EINVAL, "bad address: %s", why);
	}
	if (nt == 3)
		return ptc_fail(EINVAL, "more than two columns");
	c->has_old = 0;
	if (nt == 2 && s->typed && s->pat != NULL &&
	    ptc_pat_relative(s->pat)) {
		unsigned char v[8] = { 0 };

		if (ptc_value_parse(s->type, tok[1], v) < 0) {
			snprintf(why, sizeof(why), "%s", ptc_error());
			return ptc_fail(EINVAL, "bad value before: %s", why);
		}
		memcpy(c->old, v, sizeof(v));
		c->has_old = 1;
	}
	if (!c->has_old && s->pat != NULL && ptc_pat_relative(s->pat))
		return ptc_fail(EINVAL, "no value seen before (a second "
		    "column) to compare with");
	return 0;
}

/* One batch: read every candidate's bytes at once, then emit in order. */
static int
batch(const struct ptc_scan *s, const struct cand *c, size_t n, size_t len,
    uint64_t *addrs, unsigned char *buf, unsigned char *ok,
    struct ptc_scan_counts *counts)
{
	pid_t pid = ptc_target_pid(s->target);

	for (size_t i = 0; i < n; i++)
		addrs[i] = c[i].addr;
	if (ptc_mem_read_many(pid, addrs, n, len, buf, ok) < 0)
		return -1;
	/* bytes read from a pid reused by another process are not ours */
	if (ptc_target_alive(s->target) < 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		const unsigned char *b = buf + i * len;
		int r = 0;

		if (!ok[i]) {
			counts->unmapped++;
			continue;
		}
		if (s->pat != NULL) {
			if (!ptc_pat_match(s->pat, b, c[i].has_old ?
			    c[i].old : NULL))
				continue;
			counts->matched++;
			r = emit(s, c[i].addr, b, len,
			    (s->flags & PTC_SCAN_VALUES) != 0, NULL);
		} else if (s->typed) {
			r = emit(s, c[i].addr, b, len, 1, NULL);
		} else {
			r = dump(s, c[i].addr, b, len);
		}
		if (r < 0)
			return out_failed();
	}
	return 0;
}

int
ptc_scan_list(const struct ptc_scan *s, FILE *in, uint64_t dumplen,
    struct ptc_scan_counts *counts)
{
	size_t len = s->typed || s->pat != NULL ? ptc_scan_size(s) :
	    (size_t)dumplen, max, n = 0, cap = 0;
	struct cand *c = NULL;
	uint64_t *addrs = NULL;
	unsigned char *buf = NULL, *ok = NULL;
	char *line = NULL;
	unsigned long lineno = 0;
	int r = 0, eof = 0;

	memset(counts, 0, sizeof(*counts));
	if (len == 0 || dumplen > LIST_BYTES)
		return ptc_fail(EINVAL, "with a candidate list, a length from "
		    "1 to %d", LIST_BYTES);
	max = LIST_BYTES / len;
	if (max > PTC_OS_VM_IOV)
		max = PTC_OS_VM_IOV;
	if ((c = calloc(max, sizeof(*c))) == NULL ||
	    (addrs = calloc(max, sizeof(*addrs))) == NULL ||
	    (buf = malloc(max * len)) == NULL ||
	    (ok = malloc(max)) == NULL) {
		r = -1;
		goto out;
	}
	while (!eof && r == 0) {
		errno = 0;
		if (getline(&line, &cap, in) < 0) {
			if (ferror(in)) {
				r = ptc_fail(errno ? errno : EIO, "stdin: %s",
				    strerror(errno ? errno : EIO));
				break;
			}
			eof = 1;
		} else {
			int pr;

			lineno++;
			pr = parse_line(s, line, &c[n]);
			if (pr < 0) {
				warn(s, "stdin:%lu: %s", lineno, ptc_error());
				counts->bad++;
			} else if (pr == 0)
				c[n++].line = lineno;
		}
		if (ptc_cleanup_pending())
			r = ptc_fail(EINTR, "interrupted");
		else if (n > 0 && (n == max || eof)) {
			r = batch(s, c, n, len, addrs, buf, ok, counts);
			n = 0;
			if (fflush(s->out) != 0)
				r = out_failed();
		}
	}
out:
	free(line);
	free(c);
	free(addrs);
	free(buf);
	free(ok);
	return r;
}

/* ---- intervals, watching and freezing ---- */

int
ptc_interval_parse(const char *s, uint64_t *ns)
{
	static const struct {
		const char *unit;
		double mult;
	} units[] = {
		{ "", 1e9 }, { "s", 1e9 }, { "ms", 1e6 }, { "us", 1e3 },
		{ "m", 60e9 },
	};
	char *end;
	double v;

	errno = 0;
	v = strtod(s, &end);
	if (end == s || !isdigit((unsigned char)*s) || errno != 0)
		return ptc_fail(EINVAL, "bad interval '%s' (seconds, or a "
		    "number with s, ms or us)", s);
	for (size_t i = 0; i < sizeof(units) / sizeof(units[0]); i++)
		if (strcmp(end, units[i].unit) == 0) {
			v *= units[i].mult;
			if (!(v >= 1000) || v > 1e18)
				return ptc_fail(ERANGE, "interval '%s': from "
				    "1us to 30 years", s);
			*ns = (uint64_t)v;
			return 0;
		}
	return ptc_fail(EINVAL, "bad interval '%s': unknown unit '%s'", s,
	    end);
}

/* Sleep ns; 1 when a cleanup signal ended the sleep. */
static int
nap(uint64_t ns)
{
	struct timespec ts = { (time_t)(ns / 1000000000u),
	    (long)(ns % 1000000000u) };

	while (nanosleep(&ts, &ts) < 0)
		if (errno != EINTR || ptc_cleanup_pending())
			break;
	return ptc_cleanup_pending() != 0;
}

/*
 * The process ended: the end of a watch or a freeze, not a failure.  A
 * process being killed loses its memory before it is seen to end, and
 * a zombie, still there for ptc_target_alive(), has none: a failed
 * access waits a moment for the end.
 */
static int
ended(const struct ptc_target *t, enum ptc_scan_end *why)
{
	if (ptc_target_alive(t) == 0 && !ptc__target_ends(t, 250))
		return 0;
	*why = PTC_SCAN_EXITED;
	return 1;
}

int
ptc_scan_watch(const struct ptc_scan *s, uint64_t addr, uint64_t len,
    uint64_t interval_ns, uint64_t count, enum ptc_scan_end *why)
{
	unsigned char *cur, *last;
	uint64_t changes = 0;
	int r = 0, first = 1;

	if (s->typed)
		len = ptc_scan_size(s);
	if (len == 0 || len > WATCH_MAX)
		return ptc_fail(EINVAL, "watch from 1 to %d bytes", WATCH_MAX);
	if ((cur = malloc(len)) == NULL || (last = malloc(len)) == NULL) {
		free(cur);
		return -1;
	}
	*why = PTC_SCAN_SIGNAL;
	for (;;) {
		struct timespec ts;
		ssize_t n = ptc_target_read(s->target, addr, cur, len);

		clock_gettime(CLOCK_REALTIME, &ts);
		if (n != (ssize_t)len) {
			if (ended(s->target, why))
				break;
			r = -1;
			break;
		}
		if (first || memcmp(cur, last, len) != 0) {
			if (emit(s, addr, cur, len, 1, &ts) < 0 ||
			    fflush(s->out) != 0) {
				r = out_failed();
				break;
			}
			memcpy(last, cur, len);
			if (!first && count != 0 && ++changes == count) {
				*why = PTC_SCAN_COUNT;
				break;
			}
			first = 0;
		}
		if (nap(interval_ns))
			break;
	}
	free(cur);
	free(last);
	return r;
}

int
ptc_freeze(struct ptc_target *t, uint64_t addr, const void *buf, size_t len,
    uint64_t interval_ns, enum ptc_scan_end *why)
{
	*why = PTC_SCAN_SIGNAL;
	for (;;) {
		if (ptc_target_write(t, addr, buf, len) != (ssize_t)len)
			return ended(t, why) ? 0 : -1;
		if (nap(interval_ns))
			return 0;
	}
}
