/*
 * sc_time.c: time structures: timespec, timeval, itimerspec,
 * itimerval; sleeps.
 */
#include <inttypes.h>
#include <string.h>
#include <unistd.h>

#include "internal.h"
#include "sc_priv.h"
#include "xlat.h"

static void
pair(struct ptc__dc *c, int64_t sec, int64_t frac, const char *fname)
{
	ptc__s_open(c);
	ptc__s_field(c, "tv_sec");
	ptc__p_int(c, sec);
	ptc__s_field(c, fname);
	/* strace shows the fraction unsigned, in the structure's width. */
	ptc__p_uint(c, c->wordsize == 4 && !c->ts64 ? (uint32_t)frac :
	    (uint64_t)frac);
	ptc__s_close(c);
}

/* Two signed words (or two 32-bit ones for compat tasks). */
static int
rd_pair(struct ptc__dc *c, uint64_t addr, int64_t *a, int64_t *b)
{
	int64_t v[2];
	int32_t w[2];

	if (c->wordsize == 4 && !c->ts64) {
		if (ptc__rdall(c, addr, w, sizeof(w)) != 0)
			return -1;
		*a = w[0];
		*b = w[1];
		return 0;
	}
	if (ptc__rdall(c, addr, v, sizeof(v)) != 0)
		return -1;
	*a = v[0];
	*b = v[1];
	return 0;
}

/* A timespec or timeval at addr (fname names the fraction), or addr. */
static void
p_time(struct ptc__dc *c, uint64_t addr, const char *fname)
{
	int64_t s, frac;

	if (addr == 0 || rd_pair(c, addr, &s, &frac) != 0) {
		ptc__p_addr(c, addr);
		return;
	}
	pair(c, s, frac, fname);
}

void
ptc__p_timespec(struct ptc__dc *c, uint64_t addr)
{
	p_time(c, addr, "tv_nsec");
}

static void
p_timeval(struct ptc__dc *c, uint64_t addr)
{
	p_time(c, addr, "tv_usec");
}

void
ptc__a_timespec(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	if (a->out && c->is_error) {
		ptc__p_addr(c, v);
		return;
	}
	ptc__p_timespec(c, v);
}

/* What is left of a sleep: only meaningful when it was interrupted. */
void
ptc__a_timespec_rem(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	(void)a;
	/* clock_nanosleep with TIMER_ABSTIME writes no remainder. */
	if (c->is_error && !(c->cur == 3 && (c->a[1] & 1)))
		ptc__p_timespec(c, v);
	else
		ptc__p_addr(c, v);
}

void
ptc__a_timeval(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	if (a->out && c->is_error) {
		ptc__p_addr(c, v);
		return;
	}
	p_timeval(c, v);
}

static void
itimer(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v, int spec)
{
	unsigned ws = c->ts64 ? 8 : (unsigned)c->wordsize;
	int64_t s, f;

	if (v == 0 || (a->out && c->is_error) ||
	    rd_pair(c, v, &s, &f) != 0 || rd_pair(c, v + 2 * ws, &s, &f) != 0) {
		ptc__p_addr(c, v);
		return;
	}
	ptc__s_open(c);
	ptc__s_field(c, "it_interval");
	rd_pair(c, v, &s, &f);
	pair(c, s, f, spec ? "tv_nsec" : "tv_usec");
	ptc__s_field(c, "it_value");
	rd_pair(c, v + 2 * ws, &s, &f);
	pair(c, s, f, spec ? "tv_nsec" : "tv_usec");
	ptc__s_close(c);
}

void
ptc__a_itimerspec(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	itimer(c, a, v, 1);
}

void
ptc__a_itimerval(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	itimer(c, a, v, 0);
}

void
ptc__a_timerid(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	int32_t id;

	(void)a;
	if (c->is_error || ptc__rdall(c, v, &id, sizeof(id)) != 0) {
		ptc__p_addr(c, v);
		return;
	}
	ptc__l_open(c);
	ptc__p_int(c, id);
	ptc__l_close(c);
}

/*
 * The *_time64 calls of 32-bit tasks pass 64-bit time structures
 * whatever the word size: fn with that said.
 */
static void
as64(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v,
    void (*fn)(struct ptc__dc *, const struct ptc__arg *, uint64_t))
{
	c->ts64 = 1;
	fn(c, a, v);
	c->ts64 = 0;
}

void
ptc__a_timespec64(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	as64(c, a, v, ptc__a_timespec);
}

void
ptc__a_timespec_rem64(struct ptc__dc *c, const struct ptc__arg *a,
    uint64_t v)
{
	as64(c, a, v, ptc__a_timespec_rem);
}

void
ptc__a_itimerspec64(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	as64(c, a, v, ptc__a_itimerspec);
}

/* struct sigevent of timer_create and mq_notify. */
void
ptc__a_sigevent(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	struct {
		uint64_t value;
		int32_t signo, notify;
		union {
			int32_t tid;
			struct {
				uint64_t function, attribute;
			} t;
		} u;
	} ev;

	(void)a;
	if (v == 0 || ptc__rdall(c, v, &ev, sizeof(ev)) != 0) {
		ptc__p_addr(c, v);
		return;
	}
	ptc__s_open(c);
	if (ev.value != 0) {
		ptc__s_field(c, "sigev_value");
		ptc__s_open(c);
		ptc__s_field(c, "sival_int");
		ptc__p_int(c, (int32_t)ev.value);
		ptc__s_field(c, "sival_ptr");
		ptc__p_addr(c, ev.value);
		ptc__s_close(c);
	}
	ptc__s_field(c, "sigev_signo");
	/* what cannot be a signal is a plain unsigned number */
	if ((uint32_t)ev.signo <= 64)
		ptc__p_signo(c, ev.signo);
	else
		ptc__p_uint(c, (uint32_t)ev.signo);
	ptc__s_field(c, "sigev_notify");
	ptc__p_enum(c, &ptc__xt_sigev_notify, (uint32_t)ev.notify, "SIGEV_???");
	if (ev.notify == 4) {   /* SIGEV_THREAD_ID */
		ptc__s_field(c, "sigev_notify_thread_id");
		ptc__p_int(c, ev.u.tid);
	} else if (ev.notify == 2) {   /* SIGEV_THREAD */
		ptc__s_field(c, "sigev_notify_function");
		ptc__p_addr(c, ev.u.t.function);
		ptc__s_field(c, "sigev_notify_attributes");
		ptc__p_addr(c, ev.u.t.attribute);
	}
	ptc__s_close(c);
}

/*
 * times(2)'s struct tms: clock ticks, with the seconds they make in a
 * comment unless -X raw, as strace shows them.
 */
void
ptc__a_tms(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	static const char *const names[] = { "tms_utime", "tms_stime",
	    "tms_cutime", "tms_cstime" };
	uint64_t t[4];
	uint32_t t32[4];
	long hz = sysconf(_SC_CLK_TCK);
	int i;

	(void)a;
	if (v == 0 || c->is_error) {
		ptc__p_addr(c, v);
		return;
	}
	if (c->wordsize == 4) {
		if (ptc__rdall(c, v, t32, sizeof(t32)) != 0) {
			ptc__p_addr(c, v);
			return;
		}
		for (i = 0; i < 4; i++)
			t[i] = t32[i];
	} else if (ptc__rdall(c, v, t, sizeof(t)) != 0) {
		ptc__p_addr(c, v);
		return;
	}
	ptc__s_open(c);
	for (i = 0; i < 4; i++) {
		ptc__s_field(c, names[i]);
		ptc__p_uint(c, t[i]);
		if (hz > 0 && ptc__xstyle(c) != PTC_XLAT_RAW)
			ptc__p_comment(c, "%" PRIu64 ".%02" PRIu64 " s",
			    t[i] / (uint64_t)hz, t[i] % (uint64_t)hz * 100 /
			    (uint64_t)hz);
	}
	ptc__s_close(c);
}

/* time's result: the seconds, then their date as strace adds it. */
void
ptc__r_time(struct ptc__dc *c, int64_t v)
{
	char buf[64];
	struct tm tm;
	time_t t = (time_t)v;

	ptc__r_int(c, v);
	if (c->f->json || localtime_r(&t, &tm) == NULL)
		return;
	strftime(buf, sizeof(buf), "%Y-%m-%dT%H:%M:%S%z", &tm);
	ptc__sb_printf(c->o, " (%s)", buf);
}

/* time's pointer, filled in: "[seconds / * date * /]". */
void
ptc__a_timep(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	int64_t t;
	int32_t t32;

	(void)a;
	if (v == 0 || c->is_error || ptc__rdall(c, v, c->wordsize == 4 ?
	    (void *)&t32 : (void *)&t, (size_t)c->wordsize) != 0) {
		ptc__p_addr(c, v);
		return;
	}
	if (c->wordsize == 4)
		t = t32;
	ptc__l_open(c);
	ptc__p_int(c, t);
	ptc__p_time_comment(c, t, 0);
	ptc__l_close(c);
}

/* struct timezone. */
void
ptc__a_timezone(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	int32_t tz[2];

	if (v == 0 || (a->out && c->is_error) ||
	    ptc__rdall(c, v, tz, sizeof(tz)) != 0) {
		ptc__p_addr(c, v);
		return;
	}
	ptc__s_open(c);
	ptc__s_field(c, "tz_minuteswest");
	ptc__p_int(c, tz[0]);
	ptc__s_field(c, "tz_dsttime");
	ptc__p_int(c, tz[1]);
	ptc__s_close(c);
}

/* struct timex of adjtimex: read at exit, as the kernel filled it in. */
void
ptc__a_timex(struct ptc__dc *c, const struct ptc__arg *a, uint64_t v)
{
	static const char *const tail[] = { "tick", "ppsfreq", "jitter",
		"shift", "stabil", "jitcnt", "calcnt", "errcnt", "stbcnt",
		"tai" };
	struct {
		uint32_t modes, pad0;
		int64_t offset, freq, maxerror, esterror;
		int32_t status, pad1;
		int64_t constant, precision, tolerance;
		int64_t tv_sec, tv_usec;
		int64_t tick, ppsfreq, jitter;
		int32_t shift, pad2;
		int64_t stabil, jitcnt, calcnt, errcnt, stbcnt;
		int32_t tai;
	} t;
	int64_t rest[10];
	int i;

	(void)a;
	if (v == 0 || c->wordsize == 4 || ptc__rdall(c, v, &t, sizeof(t)) != 0) {
		ptc__p_addr(c, v);
		return;
	}
	ptc__s_open(c);
	ptc__s_field(c, "modes");
	ptc__p_flags(c, &ptc__xt_adjtimex_modes, t.modes, NULL);
	ptc__s_field(c, "offset");
	ptc__p_int(c, t.offset);
	ptc__s_field(c, "freq");
	ptc__p_int(c, t.freq);
	ptc__s_field(c, "maxerror");
	ptc__p_int(c, t.maxerror);
	ptc__s_field(c, "esterror");
	ptc__p_int(c, t.esterror);
	ptc__s_field(c, "status");
	ptc__p_flags(c, &ptc__xt_adjtimex_status, (uint32_t)t.status, NULL);
	ptc__s_field(c, "constant");
	ptc__p_int(c, t.constant);
	ptc__s_field(c, "precision");
	ptc__p_int(c, t.precision);
	ptc__s_field(c, "tolerance");
	ptc__p_int(c, t.tolerance);
	ptc__s_field(c, "time");
	ptc__s_open(c);
	ptc__s_field(c, "tv_sec");
	ptc__p_int(c, t.tv_sec);
	ptc__s_field(c, "tv_usec");
	ptc__p_int(c, t.tv_usec);
	ptc__s_close(c);
	rest[0] = t.tick;
	rest[1] = t.ppsfreq;
	rest[2] = t.jitter;
	rest[3] = t.shift;
	rest[4] = t.stabil;
	rest[5] = t.jitcnt;
	rest[6] = t.calcnt;
	rest[7] = t.errcnt;
	rest[8] = t.stbcnt;
	rest[9] = t.tai;
	for (i = 0; i < 10; i++) {
		ptc__s_field(c, tail[i]);
		ptc__p_int(c, rest[i]);
	}
	ptc__s_close(c);
}

/* adjtimex's result: the clock state, "5 (TIME_ERROR)". */
void
ptc__r_clockstate(struct ptc__dc *c, int64_t v)
{
	const char *s = ptc__xname(&ptc__xt_adjtimex_state, (uint64_t)v);

	ptc__r_int(c, v);
	if (s != NULL && !c->f->json)
		ptc__sb_printf(c->o, " (%s)", s);
}
