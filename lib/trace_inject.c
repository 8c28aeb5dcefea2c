/*
 * trace_inject.c: syscall tampering for ptstrace, strace's -e inject= and
 * -e fault=.  A rule says which syscalls, which invocations of each (per
 * syscall and per task: when=FIRST..LAST+STEP) and what is done to them:
 * the call is replaced by an invalid one (number -1) or by a harmless
 * one (syscall=) and its result by an error or a value, a signal is
 * delivered, memory at an argument is overwritten, the task is held for
 * a while on entry or exit.  A held task stays stopped while the others
 * run on; the event loop resumes it when its time comes.  Only traced
 * syscalls are tampered with, as in strace.
 */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "internal.h"
#include "sc_priv.h"
#include "trace_int.h"
#include "xlat.h"

/* What a rule does. */
#define F_ERROR       0x01
#define F_RETVAL      0x02
#define F_SIGNAL      0x04
#define F_SYSCALL     0x08
#define F_DELAY_ENTER 0x10
#define F_DELAY_EXIT  0x20
#define F_POKE_ENTER  0x40
#define F_POKE_EXIT   0x80
/* At least one of these makes an expression (syscall= alone does not). */
#define F_ACTIONS     (F_ERROR | F_RETVAL | F_SIGNAL | F_DELAY_ENTER | \
	F_DELAY_EXIT | F_POKE_ENTER | F_POKE_EXIT)

/* What was done to the syscall under way, for the note at its end. */
#define D_TAMPERED 0x1
#define D_POKED    0x2
#define D_DELAYED  0x4

/* when=F without ..L: no last invocation. */
#define LAST_INF   0xffff
#define MAX_ERRNO  4095
/* strace takes at most 2048 hex digits per argument, seven arguments. */
#define POKE_HEX_MAX 2048
#define POKE_ARGS  7
#define NSIGS      64

struct poke {
	int enter;
	unsigned argno;           /* 1..7 */
	size_t len;
	unsigned char *data;
};

struct rule {
	struct ptc__scset set;
	unsigned flags;
	unsigned first, last, step;
	uint64_t rval;            /* errno (F_ERROR) or value (F_RETVAL) */
	int sig;
	char scname[40];          /* syscall= */
	struct timespec delay_enter, delay_exit;
	struct poke *pokes;
	size_t npokes;
};

struct ptc__inject {
	struct rule **rules;
	size_t nrules;
	char *warn;               /* warnings to give when tracing starts */
	size_t warnlen;
	LIST_HEAD(, ptc__injtask) held;
};

/* Where a task is in the when= sequence of one syscall. */
struct counter {
	uint16_t first, last;
	uint8_t init;
};

struct ptc__injtask {
	LIST_ENTRY(ptc__injtask) link;  /* in the held list */
	struct {
		uint32_t arch;
		size_t n;
		struct counter *c;
	} a[PTC__NARCH];
	const struct rule *cur;  /* the rule acting on the syscall under way */
	uint32_t arch;
	uint64_t nr;
	uint64_t args[6];
	unsigned done;           /* D_* */
	int exit_sig;            /* signal to deliver after the exit stop */
	int want_hold;           /* a delay is due after this stop */
	struct timespec until;
	int held;
	struct ptc_task *task;
	enum ptc_resume how;
	int sig;
};

/* ---- parsing ---- */

/*
 * A decimal number in 0..max followed by the end of the string or one
 * of the characters of ending (at *endp), as strace reads numbers in
 * its expressions (strtoll: blanks and a sign may come first); -1 if
 * there is none.
 */
static long long
uint_ex(const char *s, char **endp, unsigned long long max,
    const char *ending)
{
	char *end;
	long long v;

	if (*s == '\0')
		return -1;
	errno = 0;
	v = strtoll(s, &end, 10);
	if (end == s || v < 0 || (unsigned long long)v > max ||
	    (v == LLONG_MAX && errno == ERANGE))
		return -1;
	if (*end != '\0' && (ending == NULL || strchr(ending, *end) == NULL))
		return -1;
	if (endp != NULL)
		*endp = end;
	return v;
}

/*
 * when=F, F+, F+S, F..L, F..L+, F..L+S: F and S in 1..65535, L in
 * F..65534.  F alone is that invocation only (step 0).
 */
static int
parse_when(struct rule *r, const char *v)
{
	char *end;
	long long n;

	if ((n = uint_ex(v, &end, 0xffff, "+.")) < 1)
		return -1;
	r->first = (unsigned)n;
	if (*end == '.') {
		if (end[1] != '.')
			return -1;
		n = uint_ex(end + 2, &end, 0xffff, "+");
		if (n < (long long)r->first || n == LAST_INF)
			return -1;
		r->last = (unsigned)n;
	} else
		r->last = LAST_INF;
	if (*end == '\0') {
		r->step = r->last == LAST_INF ? 0 : 1;
		return 0;
	}
	if (end[1] == '\0') {
		r->step = 1;
		return 0;
	}
	if ((n = uint_ex(end + 1, NULL, 0xffff, NULL)) < 1)
		return -1;
	r->step = (unsigned)n;
	return 0;
}

/* An errno by number (1..4095) or by name, any case. */
static int
parse_errno(const char *v)
{
	long long n = uint_ex(v, NULL, MAX_ERRNO, NULL);
	unsigned i;

	if (n >= 0)
		return (int)n;
	for (i = 0; i < ptc__xt_errnos.n; i++)
		if (strcasecmp(ptc__xt_errnos.v[i].name, v) == 0)
			return (int)ptc__xt_errnos.v[i].val;
	return -1;
}

/* A signal by number (decimal) or by the name strace prints, any case. */
static int
parse_signal(const char *v)
{
	const char *n;
	int i;

	if (*v >= '0' && *v <= '9')
		return (int)uint_ex(v, NULL, 255, NULL);
	if (strncasecmp(v, "SIG", 3) == 0)
		v += 3;
	for (i = 1; i <= NSIGS; i++)
		if ((n = ptc_signame(i)) != NULL &&
		    strncasecmp(n, "SIG", 3) == 0 && strcasecmp(n + 3, v) == 0)
			return i;
	return -1;
}

/*
 * A time as strace's -O and delay_*= take it: a number (floating point
 * allowed) and an optional unit s, ms, us or ns; microseconds without.
 */
static int
parse_time(const char *s, struct timespec *t)
{
	static const struct {
		const char *sfx;
		long scale;
	} units[] = {
		{ "", 1000 }, { "s", 1000000000 }, { "ms", 1000000 },
		{ "us", 1000 }, { "ns", 1 },
	};
	size_t flen = strspn(s, "eE.-+0123456789");
	size_t ilen = strspn(s, "+0123456789");
	long long iv = 0;
	double fv = 0;
	char *end = NULL;
	long scale = -1, per;
	size_t i;

	if (flen > ilen) {
		errno = 0;
		fv = strtod(s, &end);
		if (end == s || errno != 0 || fv < 0)
			return -1;
	} else if ((iv = uint_ex(s, &end, LLONG_MAX, "smun")) < 0)
		return -1;
	for (i = 0; i < sizeof(units) / sizeof(units[0]); i++)
		if (strcasecmp(end, units[i].sfx) == 0)
			scale = units[i].scale;
	if (scale < 0)
		return -1;
	per = 1000000000 / scale;
	if (flen > ilen) {
		t->tv_sec = (time_t)(fv / (double)per);
		t->tv_nsec = (long)((uint64_t)((fv - (double)t->tv_sec *
		    (double)per) * (double)scale) % 1000000000);
	} else {
		t->tv_sec = (time_t)(iv / per);
		t->tv_nsec = (long)(iv % per) * scale;
	}
	return 0;
}

static int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = tolower(c);
	return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* poke_enter=/poke_exit=: @argN=HEX[,@argM=HEX...], no argument twice. */
static int
parse_poke(struct rule *r, const char *v, int enter)
{
	unsigned flag = enter ? F_POKE_ENTER : F_POKE_EXIT;
	char *copy, *tok, *save = NULL;
	struct poke *p;
	size_t i, len;
	int rc = 0;

	if ((r->flags & flag) || *v == '\0')
		return -1;
	if ((copy = strdup(v)) == NULL)
		return -1;
	for (tok = strtok_r(copy, ",", &save); tok != NULL && rc == 0;
	    tok = strtok_r(NULL, ",", &save)) {
		if (strncmp(tok, "@arg", 4) != 0 || tok[4] < '1' ||
		    tok[4] > '0' + POKE_ARGS || tok[5] != '=') {
			rc = -1;
			break;
		}
		tok += 6;
		len = strlen(tok);
		if (len == 0 || len % 2 != 0 || len > POKE_HEX_MAX) {
			rc = -1;
			break;
		}
		for (i = 0; i < r->npokes; i++)
			if (r->pokes[i].enter == enter &&
			    r->pokes[i].argno == (unsigned)(tok[-2] - '0'))
				rc = -1;
		if (rc != 0 || (p = reallocarray(r->pokes, r->npokes + 1,
		    sizeof(*p))) == NULL) {
			rc = -1;
			break;
		}
		r->pokes = p;
		p = &r->pokes[r->npokes];
		p->enter = enter;
		p->argno = (unsigned)(tok[-2] - '0');
		p->len = len / 2;
		if ((p->data = malloc(p->len)) == NULL) {
			rc = -1;
			break;
		}
		r->npokes++;
		for (i = 0; i < p->len; i++) {
			int hi = hexval((unsigned char)tok[2 * i]);
			int lo = hexval((unsigned char)tok[2 * i + 1]);

			if (hi < 0 || lo < 0) {
				rc = -1;
				break;
			}
			p->data[i] = (unsigned char)(hi << 4 | lo);
		}
	}
	free(copy);
	if (rc == 0)
		r->flags |= flag;
	return rc;
}

/* The arches a syscall= name must be known in: every one we trace. */
static const uint32_t arches[] = { PTC__ARCH_NATIVE, PTC__ARCH_COMPAT };

/* syscall=NAME: a call without side effects (%pure) in every ABI. */
static int
parse_syscall(struct rule *r, const char *v)
{
	size_t i;
	long nr;

	if ((r->flags & F_SYSCALL) || strlen(v) >= sizeof(r->scname))
		return -1;
	for (i = 0; i < sizeof(arches) / sizeof(arches[0]); i++) {
		if (arches[i] == 0)
			continue;
		if ((nr = ptc_sc_lookup(arches[i], v)) < 0 ||
		    !(ptc_sc_classes(arches[i], (uint64_t)nr) & PTC_SCC_PURE))
			return -1;
	}
	snprintf(r->scname, sizeof(r->scname), "%s", v);
	r->flags |= F_SYSCALL;
	return 0;
}

/*
 * A return value that the program will take for an error, or that a
 * 32-bit task gets cut: strace warns and goes on.  Written to fp.
 */
static void
retval_warn(FILE *fp, unsigned long long v)
{
	int warned = 0;

	if ((long long)v < 0 && (long long)v >= -MAX_ERRNO) {
		fprintf(fp, "%s: Inadvertent injection of error %lld is "
		    "possible for retval=%llu\n", getprogname(),
		    -(long long)v, v);
		warned = 1;
	} else if (PTC__ARCH_COMPAT != 0 && (int)v < 0 &&
	    (int)v >= -MAX_ERRNO) {
		fprintf(fp, "%s: Inadvertent injection of error %d is "
		    "possible in compat personality for retval=%llu\n",
		    getprogname(), -(int)v, v);
		warned = 1;
	}
	if (PTC__ARCH_COMPAT != 0 && !warned && (unsigned)v != v)
		fprintf(fp, "%s: Injected return value %llu will be "
		    "clipped to %u in compat personality\n", getprogname(), v,
		    (unsigned)v);
}

static int
parse_retval(struct rule *r, const char *v, FILE *warn)
{
	unsigned long long n;
	char *end;

	if (r->flags & (F_ERROR | F_RETVAL))
		return -1;
	errno = 0;
	n = strtoull(v, &end, 0);
	if (end == v || *end != '\0' || (unsigned long)n != n ||
	    ((n == 0 || n == ULLONG_MAX) && errno != 0))
		return -1;
	if (warn != NULL)
		retval_warn(warn, n);
	r->rval = n;
	r->flags |= F_RETVAL;
	return 0;
}

static int
parse_token(struct rule *r, const char *tok, int fault, FILE *warn)
{
	const char *v = strchr(tok, '=');
	size_t klen = v != NULL ? (size_t)(v - tok) : 0;
	int n;

#define KEY(s) (klen == strlen(s) && strncmp(tok, s, klen) == 0)
	if (v == NULL)
		return -1;
	v++;
	if (KEY("when"))
		return parse_when(r, v);
	if (KEY("syscall"))
		return parse_syscall(r, v);
	if (KEY("error")) {
		if ((r->flags & (F_ERROR | F_RETVAL)) || (n = parse_errno(v)) < 1)
			return -1;
		r->rval = (uint64_t)n;
		r->flags |= F_ERROR;
		return 0;
	}
	/* fault= takes only when=, syscall= and error=. */
	if (fault)
		return -1;
	if (KEY("retval"))
		return parse_retval(r, v, warn);
	if (KEY("signal")) {
		if ((r->flags & F_SIGNAL) || (n = parse_signal(v)) < 1 ||
		    n > NSIGS)
			return -1;
		r->sig = n;
		r->flags |= F_SIGNAL;
		return 0;
	}
	if (KEY("poke_enter") || KEY("poke_exit"))
		return parse_poke(r, v, KEY("poke_enter"));
	if (KEY("delay_enter") || KEY("delay_exit")) {
		unsigned flag = KEY("delay_enter") ? F_DELAY_ENTER :
		    F_DELAY_EXIT;

		if ((r->flags & flag) || parse_time(v, flag == F_DELAY_ENTER ?
		    &r->delay_enter : &r->delay_exit) != 0)
			return -1;
		r->flags |= flag;
		return 0;
	}
#undef KEY
	return -1;
}

static void
rule_free(struct rule *r)
{
	size_t i;

	if (r == NULL)
		return;
	ptc__scset_free(&r->set);
	for (i = 0; i < r->npokes; i++)
		free(r->pokes[i].data);
	free(r->pokes);
	free(r);
}

static void
keep_warning(struct ptc__inject *inj, const char *w, size_t len)
{
	char *p = realloc(inj->warn, inj->warnlen + len + 1);

	if (p == NULL)
		return;
	memcpy(p + inj->warnlen, w, len);
	inj->warnlen += len;
	p[inj->warnlen] = '\0';
	inj->warn = p;
}

void
ptc__inject_warn(struct ptc__inject *inj)
{
	if (inj == NULL || inj->warn == NULL)
		return;
	fputs(inj->warn, stderr);
	free(inj->warn);
	inj->warn = NULL;
	inj->warnlen = 0;
}

int
ptc__inject_parse(struct ptc__inject **ip, const char *spec, int fault)
{
	const char *what = fault ? "fault" : "inject";
	char *copy, *name, *tok, *save = NULL;
	struct ptc__inject *inj;
	struct rule *r, **rs;
	char *wbuf = NULL;
	size_t wlen = 0;
	FILE *warn;

	if ((inj = *ip) == NULL) {
		if ((inj = calloc(1, sizeof(*inj))) == NULL)
			return -1;
		LIST_INIT(&inj->held);
		*ip = inj;
	}
	if ((r = calloc(1, sizeof(*r))) == NULL)
		return -1;
	r->first = 1;
	r->last = LAST_INF;
	r->step = 1;
	if ((copy = strdup(spec)) == NULL) {
		free(r);
		return -1;
	}
	/* strace reads no action after an empty set: the set is wrong. */
	if (*copy == '\0' || *copy == ':')
		name = copy + strlen(copy);
	else
		name = strtok_r(copy, ":", &save);
	/*
	 * Warnings wait for the tracing to start (the expression may be
	 * parsed again), unless the expression is refused: strace gives
	 * them before the error.
	 */
	if ((warn = open_memstream(&wbuf, &wlen)) == NULL)
		goto nomem;
	while (*name != '\0' && (tok = strtok_r(NULL, ":", &save)) != NULL)
		if (parse_token(r, tok, fault, warn) != 0)
			goto bad;
	if (*name == '\0') {
		ptc_fail(EINVAL, "invalid system call ''");
		goto fail;
	}
	if (ptc__scset_parse(&r->set, name) != 0)
		goto fail;
	if (!(r->flags & F_ACTIONS)) {
		/* fault= fails with ENOSYS unless told otherwise. */
		if (!fault)
			goto bad;
		r->rval = ENOSYS;
		r->flags |= F_ERROR;
	}
	if ((rs = reallocarray(inj->rules, inj->nrules + 1,
	    sizeof(*rs))) == NULL)
		goto nomem;
	inj->rules = rs;
	rs[inj->nrules++] = r;
	if (fclose(warn) == 0 && wlen > 0)
		keep_warning(inj, wbuf, wlen);
	free(wbuf);
	free(copy);
	return 0;
bad:
	ptc_fail(EINVAL, "invalid %s argument '%s'", what, spec);
fail:
	if (fclose(warn) == 0)
		fputs(wbuf, stderr);
	free(wbuf);
	free(copy);
	rule_free(r);
	return -1;
nomem:
	if (warn != NULL)
		fclose(warn);
	free(wbuf);
	free(copy);
	rule_free(r);
	return -1;
}

void
ptc__injtask_free(struct ptc__injtask *it)
{
	size_t i;

	if (it == NULL)
		return;
	if (it->held)
		LIST_REMOVE(it, link);
	for (i = 0; i < PTC__NARCH; i++)
		free(it->a[i].c);
	free(it);
}

void
ptc__inject_free(struct ptc__inject *inj)
{
	struct ptc__injtask *it;
	size_t i;

	if (inj == NULL)
		return;
	/* Tasks outlive nothing here, but their holds point at our list. */
	while ((it = LIST_FIRST(&inj->held)) != NULL) {
		LIST_REMOVE(it, link);
		it->held = 0;
	}
	for (i = 0; i < inj->nrules; i++)
		rule_free(inj->rules[i]);
	free(inj->rules);
	free(inj->warn);
	free(inj);
}

/* ---- tampering ---- */

/* The last rule naming syscall nr of arch, or NULL. */
static const struct rule *
rule_for(struct ptc__inject *inj, uint32_t arch, uint64_t nr)
{
	size_t i;

	/* Numbers past the table are in no set, as in strace. */
	if (nr >= ptc_sc_count(arch))
		return NULL;
	for (i = inj->nrules; i-- > 0;)
		if (ptc__scset_has(&inj->rules[i]->set, arch, nr))
			return inj->rules[i];
	return NULL;
}

static struct counter *
counter_of(struct ptc__injtask *it, uint32_t arch, uint64_t nr)
{
	size_t i, n;

	for (i = 0; i < PTC__NARCH; i++)
		if (it->a[i].arch == arch || it->a[i].c == NULL)
			break;
	if (i == PTC__NARCH)
		return NULL;
	if (it->a[i].c == NULL) {
		n = ptc_sc_count(arch);
		if ((it->a[i].c = calloc(n + 1, sizeof(struct counter))) ==
		    NULL)
			return NULL;
		it->a[i].arch = arch;
		it->a[i].n = n;
	}
	return nr < it->a[i].n ? &it->a[i].c[nr] : NULL;
}

/* Whether this invocation is one when= picks (strace's arithmetic). */
static int
its_turn(struct counter *c, const struct rule *r)
{
	if (!c->init) {
		c->first = (uint16_t)r->first;
		c->last = (uint16_t)r->last;
		c->init = 1;
	}
	if (c->first == 0 || c->last == 0)
		return 0;
	if (c->last != LAST_INF)
		c->last--;
	if (--c->first != 0)
		return 0;
	c->first = (uint16_t)r->step;
	return 1;
}

/*
 * Set a register of t, v cut to its width (-1 in a 32-bit task's eax);
 * ret 0 or 1: it is a syscall's return value, a success or an error,
 * in the CPU's convention (ptc_arch_sc_ret_conv), -1: it is not.
 */
static int
set_reg(struct ptc_task *t, const char *name, uint64_t v, int ret)
{
	struct ptc_regs *r = ptc_regs_new();
	const struct ptc_reginfo *ri;
	int rc = -1;

	if (r == NULL)
		return -1;
	if (ptc_regs_fetch(r, t, 0) == 0 &&
	    (ri = ptc_regs_reg_lookup(r, name)) != NULL) {
		if (ri->bits < 64)
			v &= ((uint64_t)1 << ri->bits) - 1;
		rc = ptc_regs_set(r, name, v) == 0 &&
		    (ret < 0 || ptc_arch_sc_ret_conv(r, ret) == 0) &&
		    ptc_regs_store(r, t) == 0 ? 0 : -1;
	}
	ptc_regs_free(r);
	return rc;
}

static int
set_nr(struct ptc_task *t, uint32_t arch, int64_t nr)
{
	const char *const *rn = ptc_arch_sc_tamper_regs(arch);

	if (rn == NULL)
		return ptc_fail(ENOTSUP, "no syscall registers known");
	if (rn[0] == NULL)
		return ptc_os_set_sysnr(ptc_task_pid(t), nr);
	return set_reg(t, rn[0], (uint64_t)nr, -1);
}

static int
set_ret(struct ptc_task *t, uint32_t arch, uint64_t v, int error)
{
	const char *const *rn = ptc_arch_sc_tamper_regs(arch);

	if (rn == NULL)
		return ptc_fail(ENOTSUP, "no syscall registers known");
	return set_reg(t, rn[1], v, error);
}

static void
poke(struct ptc__injtask *it, struct ptc_task *t, int enter)
{
	const struct ptc__scent *e = ptc__sc_ent(it->arch, it->nr);
	unsigned nargs = e != NULL && e->nargs >= 0 ? (unsigned)e->nargs : 6;
	pid_t pid = ptc_task_pid(t);
	const struct poke *p;
	size_t i;

	for (i = 0; i < it->cur->npokes; i++) {
		p = &it->cur->pokes[i];
		if (p->enter != enter)
			continue;
		if (p->argno > nargs) {
			fprintf(stderr, "%s: Failed to tamper with process %d: "
			    "requested to tamper with argument #%u, but system "
			    "call '%s' has only %u arguments\n", getprogname(),
			    (int)pid, p->argno, e != NULL ? e->name : "?",
			    nargs);
			continue;
		}
		if (ptc_mem_write(pid, it->args[p->argno - 1], p->data, p->len,
		    PTC_MEM_AUTO) <= 0)
			fprintf(stderr, "%s: Failed to tamper with process %d: "
			    "couldn't poke\n", getprogname(), (int)pid);
		else
			it->done |= D_POKED;
	}
}

static void
delay(struct ptc__injtask *it, const struct timespec *d)
{
	clock_gettime(CLOCK_MONOTONIC, &it->until);
	it->until.tv_sec += d->tv_sec;
	it->until.tv_nsec += d->tv_nsec;
	if (it->until.tv_nsec >= 1000000000) {
		it->until.tv_sec++;
		it->until.tv_nsec -= 1000000000;
	}
	it->want_hold = 1;
	it->done |= D_DELAYED;
}

int
ptc__inject_enter(struct ptc__inject *inj, struct ptc__injtask **itp,
    struct ptc_task *t, const struct ptc_scinfo *si)
{
	struct ptc__injtask *it = *itp;
	const struct rule *r;
	struct counter *c;
	int64_t nr = -1;
	long n;

	if (inj == NULL)
		return 0;
	if (it != NULL) {
		it->cur = NULL;
		it->done = 0;
		it->exit_sig = 0;
	}
	if ((r = rule_for(inj, si->arch, si->nr)) == NULL)
		return 0;
	if (it == NULL && (it = *itp = calloc(1, sizeof(*it))) == NULL)
		return 0;
	if ((c = counter_of(it, si->arch, si->nr)) == NULL || !its_turn(c, r))
		return 0;
	it->cur = r;
	it->arch = si->arch;
	it->nr = si->nr;
	memcpy(it->args, si->args, sizeof(it->args));
	if (r->flags & (F_ERROR | F_RETVAL)) {
		if ((r->flags & F_SYSCALL) &&
		    (n = ptc_sc_lookup(si->arch, r->scname)) >= 0)
			nr = n;
		if (set_nr(t, si->arch, nr) == 0)
			it->done |= D_TAMPERED;
	}
	if (r->flags & F_POKE_ENTER)
		poke(it, t, 1);
	if (r->flags & F_DELAY_ENTER)
		delay(it, &r->delay_enter);
	if (!(r->flags & F_SIGNAL))
		return 0;
	/*
	 * A signal given on the resume from a syscall stop is sent then, and
	 * interrupts the call as strace's does; the kernel drops one given
	 * at a seccomp stop, so that one waits for the exit.
	 */
	if (si->op == PTC_SC_SECCOMP) {
		it->exit_sig = r->sig;
		return 0;
	}
	return r->sig;
}

int
ptc__inject_exit(struct ptc__inject *inj, struct ptc__injtask *it,
    struct ptc_task *t, struct ptc_scinfo *si)
{
	const struct rule *r;

	if (inj == NULL || it == NULL || (r = it->cur) == NULL)
		return 0;
	if (r->flags & F_POKE_EXIT)
		poke(it, t, 0);
	if (r->flags & F_DELAY_EXIT)
		delay(it, &r->delay_exit);
	if ((it->done & D_TAMPERED) && set_ret(t, it->arch, r->flags &
	    F_RETVAL ? r->rval : -r->rval, !(r->flags & F_RETVAL)) == 0) {
		/*
		 * Shown as asked for, as strace shows it: a retval= in the
		 * error range is still a success, one a 32-bit task gets cut
		 * is shown whole.
		 */
		si->is_error = !(r->flags & F_RETVAL);
		si->rval = si->is_error ? -(int64_t)r->rval : (int64_t)r->rval;
	}
	return it->exit_sig;
}

void
ptc__inject_note(const struct ptc__injtask *it, FILE *fp, int json)
{
	if (it == NULL || it->cur == NULL)
		return;
	if (json) {
		if (it->done & D_TAMPERED)
			fputs(",\"injected\":true", fp);
		if (it->done & D_POKED)
			fputs(",\"poked\":true", fp);
		if (it->done & D_DELAYED)
			fputs(",\"delayed\":true", fp);
		return;
	}
	if ((it->done & D_TAMPERED) && (it->done & D_POKED))
		fputs(" (INJECTED: args, retval)", fp);
	else if (it->done & D_POKED)
		fputs(" (INJECTED: args)", fp);
	else if (it->done & D_TAMPERED)
		fputs(" (INJECTED)", fp);
	if (it->done & D_DELAYED)
		fputs(" (DELAYED)", fp);
}

/* ---- holding tasks for delay_enter= and delay_exit= ---- */

int
ptc__inject_hold(struct ptc__inject *inj, struct ptc__injtask *it,
    struct ptc_task *t, enum ptc_resume how, int sig)
{
	if (inj == NULL || it == NULL || !it->want_hold)
		return 0;
	it->want_hold = 0;
	if (it->held)
		return 1;
	it->task = t;
	it->how = how;
	it->sig = sig;
	it->held = 1;
	LIST_INSERT_HEAD(&inj->held, it, link);
	return 1;
}

static int
ts_before(const struct timespec *a, const struct timespec *b)
{
	return a->tv_sec < b->tv_sec || (a->tv_sec == b->tv_sec &&
	    a->tv_nsec < b->tv_nsec);
}

int
ptc__inject_release(struct ptc__inject *inj)
{
	struct ptc__injtask *it, *next;
	struct timespec now, first;
	int rc;

	if (inj == NULL)
		return 0;
	for (;;) {
		if (LIST_EMPTY(&inj->held))
			return 0;
		clock_gettime(CLOCK_MONOTONIC, &now);
		first.tv_sec = 0;
		first.tv_nsec = 0;
		for (it = LIST_FIRST(&inj->held); it != NULL; it = next) {
			next = LIST_NEXT(it, link);
			if (!ts_before(&now, &it->until)) {
				LIST_REMOVE(it, link);
				it->held = 0;
				ptc_resume(it->task, it->how, it->sig);
			} else if ((first.tv_sec == 0 && first.tv_nsec == 0) ||
			    ts_before(&it->until, &first))
				first = it->until;
		}
		if (LIST_EMPTY(&inj->held))
			return 0;
		/* Another task has something to say: the loop takes it. */
		if ((rc = ptc__wait_ready(&first)) != 0)
			return rc > 0 ? 0 : -1;
	}
}
