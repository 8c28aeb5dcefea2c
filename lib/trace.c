/*
 * trace.c: ptstrace's engine.  One wait loop turns the session's events
 * into strace's lines: a syscall's entry text is staged per task and
 * written when the syscall returns, or cut with " <unfinished ...>" when
 * another task's line must come first and resumed later with
 * "<... NAME resumed>", exactly as strace frames them.  Output goes
 * through one large stdio buffer, so a syscall stop costs the tracer a
 * wait, one PTRACE_GET_SYSCALL_INFO and a resume, plus the memory the
 * decoders read.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <sys/queue.h>
#include <sys/resource.h>

#include "internal.h"
#include "sc_priv.h"
#include "trace_int.h"

#define OUTBUF_SIZE (1 << 20)
#define FFBUF_SIZE  (1 << 16)
/* pid, escaped command name, time stamp, -n and -i: room for all. */
#define LEAD_MAX    192

struct tstate {
	LIST_ENTRY(tstate) link;
	pid_t pid;
	struct ptc_task *task;
	struct ptc_scdec *dec;
	struct ptc__injtask *inj; /* -e inject=: counters, tampering */
	FILE *ff;             /* -ff: this task's own file */
	FILE *ms;             /* staged text of the current syscall */
	char *mbuf;
	size_t msize;
	char lead[LEAD_MAX];  /* line prefix of the staged entry */
	size_t leadlen;
	int in_sc;            /* a traced syscall's exit is pending */
	int skip_exit;        /* an untraced syscall's exit is pending */
	int shown;            /* entry written, line still open */
	int cut;              /* entry written as <unfinished ...> */
	int hide;             /* spawned, not yet at its execve */
	int exec_keep;        /* -b execve: its first exec starts it, stays */
	int seccomp;          /* a filter stops only traced syscalls */
	int start;            /* attached, not resumed yet (2: in group-stop) */
	int verbose;          /* this call: not in abbrev= */
	int noderef;          /* this call: not in verbose= */
	int raw;              /* this call: in raw= */
	long blocked_nr;      /* -p: the syscall it was in before, or -1 */
	uint32_t arch;
	uint64_t nr;
	uint64_t pc;
	uint64_t args[6];     /* as decoded: for -e read= and write= */
	char name[40];
	char comm[16];        /* -Y: command name shown in the line prefix */
	int comm_change;      /* the call renames the task when it succeeds */
	uint64_t scno;        /* -n: number of the last syscall entered */
	struct timespec t0;   /* entry (monotonic), for -T and -c -w */
	struct timespec stime; /* system CPU time at the last stop, for -c */
	struct timespec ltime; /* stime at the entry */
	struct timespec w0;   /* entry (wall clock), for JSON */
};

struct ptc_trace {
	struct ptc_trace_opts o;
	int killed;                 /* -I 1 and a cleanup signal came */
	struct ptc_fmt fmt;
	struct ptc_session *s;
	struct ptc__scset trace;
	int trace_given;
	struct ptc__scset abbrev;   /* abbrev=: structures abbreviated */
	struct ptc__scset verbose;  /* verbose=: structures dereferenced */
	struct ptc__scset raw;      /* raw=: arguments undecoded */
	struct ptc__inject *inj;    /* inject= and fault= rules */
	uint64_t sigset;
	unsigned status;
	FILE *out;
	int pid_pfx;          /* "PID " before every line, as strace decides */
	int out_tty;
	pid_t out_cmd;        /* -o '|command': its pid (not a tracee) */
	struct tstate *open;  /* whose entry is open on the shared output */
	LIST_HEAD(, tstate) states;
	size_t nstates;
	pid_t main_pid;
	int main_code, main_sig, main_done;
	struct ptc__stats stats;
	struct timespec last; /* -r: start of the previous line */
	int need_time;
	int filter;           /* seccomp filter in spawned programs */
	int attached;         /* -p used: not every task has the filter */
	int main_child;       /* the program is our child (not -D) */
	struct ptc_dwarf *uw;   /* -k: modules of process uw_pid */
	pid_t uw_pid;
	int uw_stale;
	struct timespec flushed;
	FILE *null;
	struct ptc__fdset dump_rd, dump_wr; /* -e read=, -e write= */
	struct ptc__pathset paths;          /* -P */
};

static void
msg(struct ptc_trace *tr, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static int
staged(const struct ptc_trace *tr)
{
	return tr->status != PTC__ST_ALL || tr->o.json;
}

static int
summary_only(const struct ptc_trace *tr)
{
	return tr->o.summary == 1;
}

static FILE *
out_of(struct ptc_trace *tr, struct tstate *ts)
{
	if (ts != NULL && ts->ff != NULL)
		return ts->ff;
	return tr->out != NULL ? tr->out : stderr;
}

struct ptc_trace *
ptc__trace_alloc(void)
{
	struct ptc_trace *tr = calloc(1, sizeof(*tr));

	if (tr == NULL)
		return NULL;
	ptc__scset_all(&tr->trace);
	ptc__scset_all(&tr->verbose);
	ptc__scset_all(&tr->abbrev);
	tr->sigset = ~(uint64_t)0;
	tr->status = PTC__ST_ALL;
	LIST_INIT(&tr->states);
	return tr;
}

int
ptc__trace_setup(struct ptc_trace *tr, const struct ptc_trace_opts *o)
{
	/* What -e quiet=, decode-fds= and decode-pids= said stands. */
	unsigned quiet = tr->o.quiet;
	int fds = tr->fmt.decode_fds, pids = tr->fmt.decode_pids;

	if (o->summary && ptc__stats_init(&tr->stats, o->summary_columns,
	    o->sortby, o->overhead_ns) != 0)
		return -1;
	tr->o = *o;
	tr->fmt = o->fmt;
	tr->fmt.json = o->json;
	if (quiet != 0)
		tr->o.quiet = quiet;
	if (fds != 0)
		tr->fmt.decode_fds = fds;
	if (pids != 0)
		tr->fmt.decode_pids = pids;
	tr->need_time = o->durations || o->summary || o->tstamp ||
	    o->relative || o->json;
	if (o->follow == 2 && o->outfile == NULL)
		tr->o.follow = 1;
	if (tr->o.outfile == NULL) {
		tr->out = stderr;
	} else if (tr->o.outfile[0] == '|' || tr->o.outfile[0] == '!' ||
	    tr->o.follow != 2) {
		if (tr->o.outfile[0] == '|' || tr->o.outfile[0] == '!')
			tr->o.follow = tr->o.follow ? 1 : 0;
		if ((tr->out = ptc__out_open(tr->o.outfile,
		    tr->o.append, &tr->out_tty, &tr->out_cmd)) == NULL)
			return ptc_fail(errno, "%s: %s", tr->o.outfile,
			    strerror(errno));
	}
	if (tr->out != NULL)
		setvbuf(tr->out, NULL, tr->out_tty ? _IOLBF : _IOFBF,
		    OUTBUF_SIZE);
	return 0;
}

struct ptc_trace *
ptc_trace_new(const struct ptc_trace_opts *o)
{
	struct ptc_trace *tr = ptc__trace_alloc();

	if (tr == NULL)
		return NULL;
	if (o->fmt.verbose)
		ptc__scset_free(&tr->abbrev);
	if (ptc__trace_setup(tr, o) != 0) {
		int e = errno;

		ptc_trace_free(tr);
		errno = e;
		return NULL;
	}
	return tr;
}

/* -e quiet=, decode-fds= and decode-pids= values, as strace names them. */
static const struct ptc__bitname quiet_names[] = {
	{ "attach", PTC_QUIET_ATTACH },
	{ "exit", PTC_QUIET_EXIT },
	{ "exits", PTC_QUIET_EXIT },
	{ "path-resolution", PTC_QUIET_PATH_RESOLUTION },
	{ "personality", PTC_QUIET_PERSONALITY },
	{ "superseded", PTC_QUIET_THREAD_EXECVE },
	{ "thread-execve", PTC_QUIET_THREAD_EXECVE },
};
static const struct ptc__bitname fds_names[] = {
	{ "path", PTC_FDS_PATH },
	{ "socket", PTC_FDS_SOCKET },
	{ "dev", PTC_FDS_DEV },
	{ "pidfd", PTC_FDS_PIDFD },
};
static const struct ptc__bitname pids_names[] = {
	{ "comm", PTC_PIDS_COMM },
	{ "pidns", PTC_PIDS_NS },
};
#define NBITS(a) (sizeof(a) / sizeof((a)[0]))

int
ptc_trace_expr(struct ptc_trace *tr, const char *expr)
{
	static const struct {
		const char *key;
		int what;
	} keys[] = {
		{ "trace", 't' }, { "t", 't' },
		{ "abbrev", 'a' }, { "a", 'a' },
		{ "verbose", 'v' }, { "v", 'v' },
		{ "raw", 'x' }, { "x", 'x' },
		{ "signal", 's' }, { "signals", 's' }, { "s", 's' },
		{ "status", 'S' },
		{ "quiet", 'q' }, { "silent", 'q' }, { "silence", 'q' },
		{ "q", 'q' },
		{ "read", 'r' }, { "reads", 'r' }, { "r", 'r' },
		{ "write", 'w' }, { "writes", 'w' }, { "w", 'w' },
		{ "fault", 'F' }, { "inject", 'I' },
		{ "kvm", 'k' },
		{ "decode-fd", 'y' }, { "decode-fds", 'y' },
		{ "decode-pid", 'Y' }, { "decode-pids", 'Y' },
		{ "secontext", 'Z' },
	};
	const char *eq = strchr(expr, '='), *v = expr;
	unsigned mask;
	size_t i;
	int what = 't';

	/* A key strace does not know makes the whole a syscall set. */
	for (i = 0; eq != NULL && i < NBITS(keys); i++)
		if (strlen(keys[i].key) == (size_t)(eq - expr) &&
		    strncmp(expr, keys[i].key, (size_t)(eq - expr)) == 0) {
			what = keys[i].what;
			v = eq + 1;
			break;
		}
	switch (what) {
	case 't':
		if (ptc__scset_parse(&tr->trace, v) != 0)
			return -1;
		tr->trace_given = 1;
		return 0;
	case 'a':
		return ptc__scset_parse(&tr->abbrev, v);
	case 'v':
		return ptc__scset_parse(&tr->verbose, v);
	case 'x':
		return ptc__scset_parse(&tr->raw, v);
	case 's':
		return ptc__sigset_parse(v, &tr->sigset);
	case 'S':
		return ptc__status_parse(v, &tr->status);
	case 'r':
		return ptc__fdset_parse(&tr->dump_rd, v);
	case 'w':
		return ptc__fdset_parse(&tr->dump_wr, v);
	case 'I':
	case 'F':
		return ptc__inject_parse(&tr->inj, v, what == 'F');
	case 'q':
		if (ptc__bitset_parse(v, quiet_names, NBITS(quiet_names),
		    "quiet", &mask) != 0)
			return -1;
		tr->o.quiet = mask;
		return 0;
	case 'y':
		if (ptc__bitset_parse(v, fds_names, NBITS(fds_names),
		    "decode-fds", &mask) != 0)
			return -1;
		tr->fmt.decode_fds = (int)mask;
		return 0;
	case 'Y':
		if (ptc__bitset_parse(v, pids_names, NBITS(pids_names),
		    "decode-pids", &mask) != 0)
			return -1;
		tr->fmt.decode_pids = (int)mask;
		return 0;
	case 'k':
		if (strcmp(v, "vcpu") != 0)
			return ptc_fail(EINVAL, "invalid -e kvm= argument: "
			    "'%s'", v);
		return ptc_fail(ENOTSUP, "-e kvm=vcpu: decoding KVM vcpu "
		    "exits is not supported");
	case 'Z':
		return ptc_fail(ENOTSUP, "SELinux context printing "
		    "(--secontext option) is not supported by this build of "
		    "%s", getprogname());
	default:
		return ptc_fail(EINVAL, "-e %.*s=: not supported",
		    (int)(eq - expr), expr);
	}
}

/* ---- task states ---- */

static struct tstate *
state_find(struct ptc_trace *tr, pid_t pid)
{
	struct tstate *ts;

	LIST_FOREACH(ts, &tr->states, link)
		if (ts->pid == pid)
			return ts;
	return NULL;
}

static struct tstate *
state_new(struct ptc_trace *tr, struct ptc_task *t, pid_t pid)
{
	struct tstate *ts = calloc(1, sizeof(*ts));

	if (ts == NULL)
		return NULL;
	ts->pid = pid;
	ts->task = t;
	ts->blocked_nr = -1;
	if ((ts->dec = ptc_scdec_new()) == NULL ||
	    (ts->ms = open_memstream(&ts->mbuf, &ts->msize)) == NULL) {
		ptc_scdec_free(ts->dec);
		free(ts);
		return NULL;
	}
	if (tr->o.follow == 2 && tr->o.outfile != NULL) {
		char path[4096];

		snprintf(path, sizeof(path), "%s.%d", tr->o.outfile, (int)pid);
		if ((ts->ff = ptc__out_open(path, 0, NULL, NULL)) != NULL)
			setvbuf(ts->ff, NULL, _IOFBF, FFBUF_SIZE);
		else
			fprintf(stderr, "%s: %s: %s\n", getprogname(), path,
			    strerror(errno));
	}
	/* strace names a task as it is when first seen, and after exec. */
	if (tr->fmt.decode_pids & PTC_PIDS_COMM)
		ptc_os_comm_quiet(pid, ts->comm, sizeof(ts->comm));
	LIST_INSERT_HEAD(&tr->states, ts, link);
	tr->nstates++;
	if (t != NULL)
		ptc_task_set_data(t, ts);
	return ts;
}

static void
state_free(struct ptc_trace *tr, struct tstate *ts)
{
	if (tr->open == ts)
		tr->open = NULL;
	LIST_REMOVE(ts, link);
	tr->nstates--;
	if (ts->task != NULL && ptc_task_data(ts->task) == ts)
		ptc_task_set_data(ts->task, NULL);
	if (ts->ff != NULL)
		fclose(ts->ff);
	fclose(ts->ms);
	free(ts->mbuf);
	ptc_scdec_free(ts->dec);
	ptc__injtask_free(ts->inj);
	free(ts);
}

/* The state of the event's task, made when the task is new to us. */
static struct tstate *
state_of(struct ptc_trace *tr, struct ptc_task *t)
{
	struct tstate *ts = ptc_task_data(t);

	if (ts == NULL && (ts = state_find(tr, ptc_task_pid(t))) != NULL) {
		ts->task = t;
		ptc_task_set_data(t, ts);
	}
	if (ts == NULL) {
		/* A child whose first stop came before its parent's event. */
		if ((ts = state_new(tr, t, ptc_task_pid(t))) == NULL)
			return NULL;
		ts->seccomp = tr->filter && !tr->attached;
		/* strace announces followed children only without -o. */
		if (!(tr->o.quiet & PTC_QUIET_ATTACH))
			msg(tr, "Process %d attached", (int)ts->pid);
	}
	return ts;
}

/* ---- output ---- */

static void
ts_sub(struct timespec *d, const struct timespec *a, const struct timespec *b)
{
	d->tv_sec = a->tv_sec - b->tv_sec;
	d->tv_nsec = a->tv_nsec - b->tv_nsec;
	if (d->tv_nsec < 0) {
		d->tv_sec--;
		d->tv_nsec += 1000000000;
	}
}

/* "<comm>" as strace escapes it, into buf; its length. */
static size_t
comm_str(char *buf, size_t len, const char *comm)
{
	struct ptc__sb b = { 0 };
	int r;

	ptc__sb_escape_angle(&b, comm);
	r = snprintf(buf, len, "<%s>", b.p != NULL && !b.oom ? b.p : "");
	free(b.p);
	return r < 0 ? 0 : (size_t)r < len ? (size_t)r : len - 1;
}

/* ".123456": the fraction of t in digits digits (none for 0). */
static size_t
frac(char *buf, size_t len, const struct timespec *t, int digits)
{
	long div = 1;
	int i;

	buf[0] = '\0';
	if (digits <= 0)
		return 0;
	for (i = digits; i < 9; i++)
		div *= 10;
	return (size_t)snprintf(buf, len, ".%0*ld", digits, t->tv_nsec / div);
}

/*
 * strace's line prefix: "PID  " (-f with -o), "[pid  PID] " (more than
 * one task on the shared output), with -Y the task's command name after
 * the pid, the -t/-tt/-ttt/-r stamp, -n's "[NR] " and -i's "[ip] ".
 * Returns its length.
 */
static size_t
make_lead(struct ptc_trace *tr, struct tstate *ts, char *buf, size_t len,
    int have_ip, uint64_t ip)
{
	size_t n = 0;
	int r;

	buf[0] = '\0';
	if (tr->pid_pfx)
		r = snprintf(buf, len, ts->comm[0] != '\0' ? "%d" : "%-5d",
		    (int)ts->pid);
	else if (tr->o.outfile == NULL && tr->nstates > 1)
		r = snprintf(buf, len, "[pid %5d", (int)ts->pid);
	else
		r = -1;
	if (r >= 0) {
		n += (size_t)r;
		if (ts->comm[0] != '\0')
			n += comm_str(buf + n, len - n, ts->comm);
		r = snprintf(buf + n, len - n, buf[0] == '[' ? "] " : " ");
		n += (size_t)r;
	}
	if (tr->o.tstamp) {
		struct timespec now;
		struct tm tm;

		clock_gettime(CLOCK_REALTIME, &now);
		if (tr->o.tstamp == PTC_TS_UNIX) {
			r = snprintf(buf + n, len - n, "%lld",
			    (long long)now.tv_sec);
		} else {
			localtime_r(&now.tv_sec, &tm);
			r = (int)strftime(buf + n, len - n, "%H:%M:%S", &tm);
		}
		n += (size_t)r;
		n += frac(buf + n, len - n, &now, tr->o.tstamp_digits);
		n += (size_t)snprintf(buf + n, len - n, " ");
	}
	if (tr->o.relative) {
		struct timespec now, d;

		clock_gettime(CLOCK_MONOTONIC, &now);
		if (tr->last.tv_sec == 0 && tr->last.tv_nsec == 0)
			tr->last = now;
		ts_sub(&d, &now, &tr->last);
		tr->last = now;
		/* With -t as well, strace shows the delta as "(+ 0.000123) ". */
		n += (size_t)snprintf(buf + n, len - n, "%s%6ld",
		    tr->o.tstamp ? "(+" : "", (long)d.tv_sec);
		n += frac(buf + n, len - n, &d, tr->o.relative_digits);
		n += (size_t)snprintf(buf + n, len - n, "%s",
		    tr->o.tstamp ? ") " : " ");
	}
	if (tr->o.scno && n < len) {
		r = snprintf(buf + n, len - n, "[%4llu] ",
		    (unsigned long long)ts->scno);
		n += (size_t)r;
	}
	if (tr->o.print_ip && n < len) {
		if (have_ip)
			r = snprintf(buf + n, len - n, "[%016llx] ",
			    (unsigned long long)ip);
		else
			r = snprintf(buf + n, len - n, "[????????????????] ");
		n += (size_t)r;
	}
	return n < len ? n : len - 1;
}

/* Close the open line of another task with " <unfinished ...>". */
static void
cut_open(struct ptc_trace *tr, struct tstate *except)
{
	struct tstate *o = tr->open;

	if (o == NULL || o == except)
		return;
	fputs(" <unfinished ...>\n", tr->out);
	o->shown = 0;
	o->cut = 1;
	tr->open = NULL;
}

/* Make the output ready for a new line of ts. */
static FILE *
begin_line(struct ptc_trace *tr, struct tstate *ts)
{
	FILE *fp = out_of(tr, ts);

	if (fp == tr->out)
		cut_open(tr, NULL);
	return fp;
}

static size_t
staged_len(struct tstate *ts)
{
	off_t n;

	fflush(ts->ms);
	n = ftello(ts->ms);
	return n > 0 ? (size_t)n : 0;
}

/*
 * Copy the staged text to fp.  The flush in staged_len() is what sets
 * ts->mbuf, so it must come first (argument order is unspecified).
 */
static void
put_staged(struct tstate *ts, FILE *fp)
{
	size_t n = staged_len(ts);

	fwrite(ts->mbuf, 1, n, fp);
}

/* With -Y the task's command name follows its pid. */
static void
json_head(FILE *fp, const struct tstate *ts, const struct timespec *w)
{
	fprintf(fp, "{\"pid\":%d,", (int)ts->pid);
	if (ts->comm[0] != '\0') {
		fputs("\"comm\":", fp);
		ptc_json_str(fp, ts->comm, strlen(ts->comm));
		fputc(',', fp);
	}
	fprintf(fp, "\"time\":%lld.%06ld,", (long long)w->tv_sec,
	    w->tv_nsec / 1000);
}

static void
wall_now(struct timespec *w)
{
	clock_gettime(CLOCK_REALTIME, w);
}

/* A line of its own: "--- SIGCHLD {...} ---", "+++ exited with 0 +++". */
static FILE *
event_line(struct ptc_trace *tr, struct tstate *ts, int have_ip, uint64_t ip)
{
	FILE *fp = begin_line(tr, ts);
	char lead[LEAD_MAX];
	size_t n;

	if (tr->o.json) {
		struct timespec w;

		wall_now(&w);
		json_head(fp, ts, &w);
		return fp;
	}
	n = make_lead(tr, ts, lead, sizeof(lead), have_ip, ip);
	fwrite(lead, 1, n, fp);
	return fp;
}

/* ---- syscalls ---- */

static void
print_stack(struct ptc_trace *tr, struct tstate *ts, FILE *fp)
{
	pid_t tgid;

	if (!tr->o.stack || ts->task == NULL)
		return;
	/*
	 * Reading the maps and opening every module is the expensive part:
	 * keep it per process until a syscall may have changed the modules.
	 */
	tgid = ptc_task_tgid(ts->task);
	if (tr->uw != NULL && (tr->uw_pid != tgid || tr->uw_stale)) {
		ptc_dwarf_free(tr->uw);
		tr->uw = NULL;
	}
	if (tr->uw == NULL) {
		if ((tr->uw = ptc_dwarf_new(tgid)) == NULL)
			return;
		tr->uw_pid = tgid;
		tr->uw_stale = 0;
	}
	ptc__unwind_print(tr->uw, ts->pid, fp);
	if (strcmp(ts->name, "mmap") == 0 || strcmp(ts->name, "munmap") == 0 ||
	    strcmp(ts->name, "mremap") == 0 || strncmp(ts->name, "execve",
	    6) == 0)
		tr->uw_stale = 1;
}

/* execve, execveat, prctl(PR_SET_NAME): strace reads the name again. */
static int
is_comm_change(const struct ptc_scinfo *si)
{
	const char *n = ptc_sc_name(si->arch, si->nr);

	if (n == NULL)
		return 0;
	if (strcmp(n, "prctl") == 0)
		return (int)si->args[0] == 15;  /* PR_SET_NAME */
	return strcmp(n, "execve") == 0 || strcmp(n, "execveat") == 0;
}

/* The format for ts's current call: abbrev=, verbose= and raw= are per call. */
static const struct ptc_fmt *
fmt_of(struct ptc_trace *tr, const struct tstate *ts)
{
	tr->fmt.verbose = ts->verbose;
	tr->fmt.noderef = ts->noderef;
	tr->fmt.raw = ts->raw;
	return &tr->fmt;
}

static void
sc_entry(struct ptc_trace *tr, struct tstate *ts, const struct ptc_scinfo *si)
{
	const char *name;
	FILE *fp;

	ts->in_sc = 1;
	ts->arch = si->arch;
	ts->nr = si->nr;
	ts->pc = si->pc;
	memcpy(ts->args, si->args, sizeof(ts->args));
	ts->shown = 0;
	ts->cut = 0;
	ts->ltime = ts->stime;
	ts->verbose = !ptc__scset_has(&tr->abbrev, si->arch, si->nr);
	ts->noderef = !ptc__scset_has(&tr->verbose, si->arch, si->nr);
	ts->raw = ptc__scset_has(&tr->raw, si->arch, si->nr);
	if (summary_only(tr))
		return;
	if (tr->o.json)
		wall_now(&ts->w0);
	else
		ts->leadlen = make_lead(tr, ts, ts->lead, sizeof(ts->lead), 1,
		    si->pc);
	rewind(ts->ms);
	ptc_scdec_column(ts->dec, (unsigned)ts->leadlen);
	ptc_sc_enter(ts->dec, ts->ms, ts->pid, si, fmt_of(tr, ts));
	name = ptc_sc_current(ts->dec);
	snprintf(ts->name, sizeof(ts->name), "%s", name != NULL ? name : "?");
	if (staged(tr))
		return;
	fp = begin_line(tr, ts);
	fwrite(ts->lead, 1, ts->leadlen, fp);
	put_staged(ts, fp);
	ts->shown = 1;
	if (fp == tr->out) {
		tr->open = ts;
		/* Someone watching a terminal wants to see a blocked call. */
		if (tr->out_tty)
			fflush(fp);
	}
}

/* End a syscall's line: -T's " <0.000012>" when it returned, newline. */
static void
end_line(struct ptc_trace *tr, FILE *fp, unsigned how,
    const struct timespec *dt)
{
	char f[16];

	if (tr->o.durations && how != PTC__ST_UNFINISHED &&
	    how != PTC__ST_DETACHED) {
		frac(f, sizeof(f), dt, tr->o.durations_digits);
		fprintf(fp, " <%ld%s>", (long)dt->tv_sec, f);
	}
	fputc('\n', fp);
}

/* -e read=, -e write=: the data a call that returned moved. */
static void
dump_io(struct ptc_trace *tr, struct tstate *ts, const struct ptc_scinfo *si,
    unsigned how, FILE *fp)
{
	if (si == NULL || (how != PTC__ST_SUCCESSFUL && how != PTC__ST_FAILED) ||
	    (ptc__fdset_empty(&tr->dump_rd) && ptc__fdset_empty(&tr->dump_wr)))
		return;
	ptc__dumpio(fp, tr->o.json, &tr->dump_rd, &tr->dump_wr, ts->pid,
	    ts->arch, ts->nr, ts->args, si->rval, si->is_error);
}

/*
 * Finish the syscall of ts: how is PTC__ST_SUCCESSFUL/FAILED (si is the
 * exit stop), UNFINISHED (it never returns: "= ?"), or DETACHED.
 */
static void
sc_finish(struct ptc_trace *tr, struct tstate *ts, const struct ptc_scinfo *si,
    unsigned how)
{
	struct timespec now, dt = { 0, 0 };
	FILE *fp;
	size_t entry_len = 0;
	int cont;

	ts->in_sc = 0;
	if (tr->need_time) {
		clock_gettime(CLOCK_MONOTONIC, &now);
		ts_sub(&dt, &now, &ts->t0);
	}
	/*
	 * strace counts the calls that returned, by the system CPU time
	 * the process spent between the two stops or with -w by the wall
	 * clock.
	 */
	if (tr->o.summary && (how == PTC__ST_SUCCESSFUL ||
	    how == PTC__ST_FAILED)) {
		struct timespec cpu;

		if (!tr->o.wallclock)
			ts_sub(&cpu, &ts->stime, &ts->ltime);
		ptc__stats_add(&tr->stats, ts->arch, ts->nr,
		    how == PTC__ST_FAILED, tr->o.wallclock ? &dt : &cpu);
	}
	if (summary_only(tr))
		return;
	if (staged(tr)) {
		if (!(tr->status & how)) {
			/* Keep the decoder's bookkeeping; drop the text. */
			if (how == PTC__ST_UNFINISHED || how ==
			    PTC__ST_DETACHED)
				ptc_sc_noreturn(ts->dec, tr->null, fmt_of(tr, ts));
			else
				ptc_sc_exit(ts->dec, tr->null, si, fmt_of(tr, ts));
			return;
		}
		entry_len = staged_len(ts);
		fp = begin_line(tr, ts);
		if (tr->o.json) {
			json_head(fp, ts, &ts->w0);
			/* -n: the number the kernel was given. */
			if (tr->o.scno)
				fprintf(fp, "\"nr\":%llu,",
				    (unsigned long long)ts->scno);
		} else {
			fwrite(ts->lead, 1, ts->leadlen, fp);
		}
		fwrite(ts->mbuf, 1, entry_len, fp);
		rewind(ts->ms);
		if (how == PTC__ST_DETACHED && tr->o.json) {
			fputs("\"syscall\":", ts->ms);
			ptc_json_str(ts->ms, ts->name, strlen(ts->name));
			fputs(",\"detached\":true", ts->ms);
		} else if (how == PTC__ST_DETACHED) {
			fputs(" <detached ...>", ts->ms);
		} else if (how == PTC__ST_UNFINISHED)
			ptc_sc_noreturn(ts->dec, ts->ms, fmt_of(tr, ts));
		else {
			ptc_sc_exit(ts->dec, ts->ms, si, fmt_of(tr, ts));
			ptc__inject_note(ts->inj, ts->ms, tr->o.json);
		}
		put_staged(ts, fp);
		if (tr->o.json)
			dump_io(tr, ts, si, how, fp);
		if (tr->o.json)
			fprintf(fp, ",\"duration\":%ld.%06ld}\n",
			    (long)dt.tv_sec, dt.tv_nsec / 1000);
		else
			end_line(tr, fp, how, &dt);
		if (!tr->o.json)
			dump_io(tr, ts, si, how, fp);
		print_stack(tr, ts, fp);
		return;
	}
	fp = out_of(tr, ts);
	cont = ts->shown && (fp != tr->out || tr->open == ts);
	if (!cont) {
		char lead[LEAD_MAX];
		size_t n;

		fp = begin_line(tr, ts);
		n = make_lead(tr, ts, lead, sizeof(lead), 0, 0);
		fwrite(lead, 1, n, fp);
		n += (size_t)fprintf(fp, "<... %s resumed>", ts->name);
		ptc_scdec_column(ts->dec, (unsigned)n);
	}
	if (fp == tr->out)
		tr->open = NULL;
	ts->shown = 0;
	rewind(ts->ms);
	if (how == PTC__ST_DETACHED)
		fputs(" <detached ...>", ts->ms);
	else if (how == PTC__ST_UNFINISHED)
		ptc_sc_noreturn(ts->dec, ts->ms, fmt_of(tr, ts));
	else {
		ptc_sc_exit(ts->dec, ts->ms, si, fmt_of(tr, ts));
		ptc__inject_note(ts->inj, ts->ms, tr->o.json);
	}
	put_staged(ts, fp);
	end_line(tr, fp, how, &dt);
	dump_io(tr, ts, si, how, fp);
	print_stack(tr, ts, fp);
}

/* ---- events ---- */

static void
msg(struct ptc_trace *tr, const char *fmt, ...)
{
	va_list ap;

	if (tr->out == stderr)
		cut_open(tr, NULL);
	fprintf(stderr, "%s: ", getprogname());
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	/*
	 * The trace may share stderr's large buffer: a message that says
	 * where the tracer stands ("attached") is seen when it is said.
	 */
	fflush(stderr);
}

static int
sig_shown(const struct ptc_trace *tr, int sig)
{
	return sig >= 1 && sig <= 64 && (tr->sigset >> (sig - 1) & 1);
}

static enum ptc_resume
resume_how(const struct tstate *ts)
{
	return ts->seccomp && !ts->in_sc && !ts->skip_exit ?
	    PTC_RESUME_CONT : PTC_RESUME_SYSCALL;
}

/*
 * The decoders' siginfo printer when the library has one (a weak
 * reference does not pull it in by itself), else the common fields.
 */
#pragma weak ptc__siginfo_print_task

static void
siginfo_out(FILE *fp, const siginfo_t *si, const struct ptc_fmt *f, pid_t pid)
{
	const char *n = ptc_signame(si->si_signo);

	if (ptc__siginfo_print_task != NULL) {
		ptc__siginfo_print_task(fp, si, f, pid);
		return;
	}
	if (f->json) {
		fprintf(fp, "{\"si_signo\":%d,\"si_code\":%d}", si->si_signo,
		    si->si_code);
		return;
	}
	fprintf(fp, "{si_signo=%s, si_code=", n != NULL ? n : "?");
	switch (si->si_code) {
	case SI_USER:
		fprintf(fp, "SI_USER, si_pid=%d, si_uid=%u}", (int)si->si_pid,
		    (unsigned)si->si_uid);
		return;
	case SI_TKILL:
		fprintf(fp, "SI_TKILL, si_pid=%d, si_uid=%u}", (int)si->si_pid,
		    (unsigned)si->si_uid);
		return;
	case SI_KERNEL:
		fputs("SI_KERNEL}", fp);
		return;
	default:
		fprintf(fp, "%d}", si->si_code);
		return;
	}
}

static void
on_signal(struct ptc_trace *tr, struct tstate *ts, const struct ptc_event *ev)
{
	FILE *fp;

	uint64_t pc = 0;
	int have_pc = 0;

	if (summary_only(tr) || !sig_shown(tr, ev->sig))
		return;
	if (tr->o.print_ip && ev->task != NULL)
		have_pc = ptc_pc_read(ev->task, &pc) == 0;
	fp = event_line(tr, ts, have_pc, pc);
	if (tr->o.json) {
		const char *n = ptc_signame(ev->sig);

		fputs("\"signal\":", fp);
		if (n != NULL)
			ptc_json_str(fp, n, strlen(n));
		else
			fprintf(fp, "%d", ev->sig);
		fputs(",\"siginfo\":", fp);
		siginfo_out(fp, &ev->si, &tr->fmt, ts->pid);
		fputs("}\n", fp);
		return;
	}
	fprintf(fp, "--- %s ", ptc_signame(ev->sig) != NULL ?
	    ptc_signame(ev->sig) : "SIG?");
	siginfo_out(fp, &ev->si, &tr->fmt, ts->pid);
	fputs(" ---\n", fp);
}

/* "--- stopped by SIGSTOP ---": a group-stop, or one found at attach. */
static void
stopped_line(struct ptc_trace *tr, struct tstate *ts, int sig)
{
	FILE *fp;

	if (summary_only(tr) || !sig_shown(tr, sig) || tr->o.json)
		return;
	fp = event_line(tr, ts, 0, 0);
	fprintf(fp, "--- stopped by %s ---\n", ptc_signame(sig));
	fflush(fp);
}

static void
on_gone(struct ptc_trace *tr, struct tstate *ts, const struct ptc_event *ev)
{
	FILE *fp;

	if (ts->in_sc)
		sc_finish(tr, ts, NULL, PTC__ST_UNFINISHED);
	if (ev->pid == tr->main_pid && !tr->main_done) {
		tr->main_done = 1;
		if (ev->type == PTC_EV_EXITED)
			tr->main_code = ev->status;
		else
			tr->main_sig = ev->sig;
	}
	if (!summary_only(tr) && (ev->type == PTC_EV_KILLED ?
	    sig_shown(tr, ev->sig) : !(tr->o.quiet & PTC_QUIET_EXIT))) {
		fp = event_line(tr, ts, 0, 0);
		if (tr->o.json && ev->type == PTC_EV_EXITED)
			fprintf(fp, "\"exited\":%d}\n", ev->status);
		else if (tr->o.json)
			fprintf(fp, "\"killed\":\"%s\",\"core_dumped\":%s}\n",
			    ptc_signame(ev->sig) ? ptc_signame(ev->sig) : "?",
			    ev->core ? "true" : "false");
		else if (ev->type == PTC_EV_EXITED)
			fprintf(fp, "+++ exited with %d +++\n", ev->status);
		else
			fprintf(fp, "+++ killed by %s%s +++\n",
			    ptc_signame(ev->sig) ? ptc_signame(ev->sig) : "?",
			    ev->core ? " (core dumped)" : "");
	}
	state_free(tr, ts);
}

static void
on_exec(struct ptc_trace *tr, struct tstate *ts, const struct ptc_event *ev)
{
	struct tstate *old;

	ts->hide = 0;
	tr->uw_stale = 1;
	if (ev->old_pid > 0 && ev->old_pid != ev->pid &&
	    (old = state_find(tr, ev->old_pid)) != NULL && old != ts) {
		/*
		 * A thread other than the leader called execve: the kernel
		 * gave it the leader's id and the leader is gone.
		 */
		if (ts->in_sc)
			sc_finish(tr, ts, NULL, PTC__ST_UNFINISHED);
		if (tr->open == old) {
			fprintf(tr->out, " <pid changed to %d ...>\n",
			    (int)ev->pid);
			old->shown = 0;
			old->cut = 1;
			tr->open = NULL;
		}
		if (!summary_only(tr) && !tr->o.json &&
		    !(tr->o.quiet & PTC_QUIET_THREAD_EXECVE)) {
			FILE *fp = event_line(tr, ts, 0, 0);

			fprintf(fp, "+++ superseded by execve in pid %d +++\n",
			    (int)ev->old_pid);
		}
		if (old->pid == tr->main_pid)
			tr->main_pid = ev->pid;
		state_free(tr, ts);
		old->pid = ev->pid;
		old->task = ev->task;
		old->hide = 0;
		ptc_task_set_data(ev->task, old);
	}
}

/* A call not shown: its exit is skipped, and not even read if it can be. */
static void
skip_exit(struct tstate *ts, struct ptc_task *t, const struct ptc_scinfo *si)
{
	/* A rename's exit is needed even when it is not shown. */
	ts->skip_exit = si->op == PTC_SC_ENTRY || ts->comm_change;
	if (si->op == PTC_SC_ENTRY && !ts->comm_change)
		ptc__task_quiet_exit(t);
}

/* Returns the signal to deliver as t resumes (-e inject=...:signal=). */
static int
on_syscall(struct ptc_trace *tr, struct tstate *ts, struct ptc_task *t,
    int exit)
{
	struct ptc_scinfo si;
	int sig = 0, untouched = 0;

	/* The exit of a call left out at its entry: nothing of it is read. */
	if (exit && ts->skip_exit && !ts->comm_change) {
		ts->skip_exit = 0;
		return 0;
	}
	if (ptc_syscall_info(t, &si) != 0)
		return 0;
	/* -n shows the number the kernel got, before any demultiplexing. */
	if (si.op == PTC_SC_ENTRY || si.op == PTC_SC_SECCOMP) {
		ts->scno = si.nr;
		ts->comm_change = (tr->fmt.decode_pids & PTC_PIDS_COMM) &&
		    is_comm_change(&si);
	}
	/* Traced or not, a rename shows in the prefix from its exit on. */
	if (si.op == PTC_SC_EXIT && ts->comm_change) {
		if (!si.is_error)
			ptc_os_comm_quiet(ts->pid, ts->comm, sizeof(ts->comm));
		ts->comm_change = 0;
	}
	/* An i386 socketcall or ipc is filtered and counted as its subcall. */
	if ((si.op == PTC_SC_ENTRY || si.op == PTC_SC_SECCOMP) && !ts->in_sc &&
	    !ts->skip_exit)
		ptc__scdec_demux(ts->dec, ts->pid, &si);
	if (ts->blocked_nr >= 0 && (si.op == PTC_SC_ENTRY ||
	    si.op == PTC_SC_SECCOMP)) {
		/*
		 * The attach interrupted a call whose exit we never saw: if
		 * the kernel resumes it, say which (as strace does).
		 */
		const char *n = ptc_sc_name(si.arch, si.nr);

		if (n != NULL && strcmp(n, "restart_syscall") == 0)
			ptc__scdec_interrupted(ts->dec, ptc_sc_name(si.arch,
			    (uint64_t)ts->blocked_nr));
		ts->blocked_nr = -1;
	}
	if (si.op == PTC_SC_ENTRY || si.op == PTC_SC_SECCOMP) {
		/* A seccomp stop after the entry stop of the same call. */
		if (ts->in_sc || ts->skip_exit)
			return 0;
		if (ts->hide) {
			const char *n = ptc_sc_name(si.arch, si.nr);

			if (n == NULL || (strcmp(n, "execve") != 0 &&
			    strcmp(n, "execveat") != 0)) {
				skip_exit(ts, t, &si);
				return 0;
			}
			ts->hide = 0;
			/* The program's own execve is not tampered with. */
			untouched = 1;
		}
		if (!ptc__scset_has(&tr->trace, si.arch, si.nr) ||
		    (tr->paths.n > 0 && !ptc__pathset_match(&tr->paths,
		    ts->pid, si.arch, si.nr, si.args))) {
			skip_exit(ts, t, &si);
			return 0;
		}
		sig = ptc__inject_enter(untouched ? NULL : tr->inj, &ts->inj, t,
		    &si);
		sc_entry(tr, ts, &si);
		/* The call starts once its entry is shown, as in strace. */
		if (tr->need_time)
			clock_gettime(CLOCK_MONOTONIC, &ts->t0);
		return sig;
	}
	if (si.op == PTC_SC_EXIT) {
		if (ts->skip_exit) {
			ts->skip_exit = 0;
			return 0;
		}
		if (ts->in_sc) {
			sig = ptc__inject_exit(tr->inj, ts->inj, t, &si);
			sc_finish(tr, ts, &si, si.is_error ? PTC__ST_FAILED :
			    PTC__ST_SUCCESSFUL);
		}
	}
	return sig;
}

static struct ptc_session *
session(struct ptc_trace *tr, int spawn)
{
	unsigned fl;

	if (tr->s != NULL)
		return tr->s;
	ptc__inject_warn(tr->inj);
	/* strace resolves -P paths once every option is known. */
	if (tr->paths.n > 0)
		ptc__pathset_resolve(&tr->paths,
		    tr->o.quiet & PTC_QUIET_PATH_RESOLUTION,
		    tr->fmt.xstyle);
	/* the exit event: a call that never returns ends there, as strace */
	fl = PTC_TRACE_SYSCALLS | PTC_TRACE_EXEC | PTC_TRACE_EXIT;
	if (tr->o.follow)
		fl |= PTC_TRACE_FORKS;
	if (spawn || tr->o.kill_on_exit)
		fl |= PTC_TRACE_EXITKILL;
	/*
	 * A task with the filter and no tracer gets ENOSYS from every
	 * traced syscall, so the filter needs -f (every child stays ours)
	 * and no -b execve (which lets the program go), as in strace.  -n
	 * shows the last syscall entered on every line, untraced ones too:
	 * they must all stop.
	 */
	tr->filter = spawn && tr->o.follow && !tr->o.detach_execve &&
	    !tr->o.scno &&
	    !tr->o.no_seccomp && ((tr->trace_given &&
	    !ptc__scset_is_all(&tr->trace)) || tr->paths.n > 0);
	if (tr->filter)
		fl |= PTC_TRACE_SECCOMP;
	if (tr->o.summary && !tr->o.wallclock)
		fl |= PTC_TRACE_RUSAGE;
	tr->s = ptc_session_new(fl);
	return tr->s;
}

int
ptc_trace_spawn(struct ptc_trace *tr, char *const argv[],
    const struct ptc_spawn_opts *so)
{
	struct ptc_os_spawn_opts c;
	struct sock_filter *prog = NULL;
	struct ptc_task *t;
	struct tstate *ts;
	size_t plen = 0, n, i;
	char *path;
	int rc;
	pid_t pid;

	if (session(tr, 1) == NULL)
		return -1;
	if ((path = ptc_os_which(argv[0])) == NULL) {
		if (errno == ENAMETOOLONG)
			return ptc_fail(errno, "exec: %s", strerror(errno));
		return ptc_fail(errno, "Can't stat '%s': %s", argv[0],
		    strerror(errno));
	}
	if (ptc__spawn_opts(&c, path, argv, so) != 0) {
		free(path);
		return ptc_fail(ENOENT, "Cannot find user '%s'", so->user);
	}
	c.detached = so != NULL ? so->detached : 0;
	if (tr->filter) {
		uint8_t *bits = ptc__scset_seccomp_bits(&tr->trace,
		    PTC__ARCH_NATIVE, &n);

		/* -P looks only at calls that take a path or a descriptor. */
		for (i = 0; bits != NULL && tr->paths.n > 0 && i < n; i++)
			if (!(ptc_sc_classes(PTC__ARCH_NATIVE, i) &
			    (PTC_SCC_FILE | PTC_SCC_DESC | PTC_SCC_NETWORK)))
				bits[i] = 0;
		/* -Y: a rename must stop to be seen, as in strace. */
		for (i = 0; bits != NULL && i < n &&
		    (tr->fmt.decode_pids & PTC_PIDS_COMM); i++) {
			struct ptc_scinfo ci = { .arch = PTC__ARCH_NATIVE,
			    .nr = i };

			ci.args[0] = 15;        /* PR_SET_NAME */
			if (is_comm_change(&ci))
				bits[i] = 1;
		}

		if (bits != NULL && ptc_os_seccomp_build(PTC__ARCH_NATIVE, bits,
		    n, &prog, &plen) == 0) {
			c.filter = prog;
			c.filter_len = plen;
		}
		free(bits);
	}
	rc = ptc__spawn(tr->s, &c, &t);
	free(path);
	free(prog);
	if (rc != 0)
		return ptc_fail(errno, "%s: could not start traced: %s",
		    argv[0], strerror(errno));
	pid = ptc_task_pid(t);
	if ((ts = state_new(tr, t, pid)) == NULL) {
		rc = errno;
		kill(pid, SIGKILL);
		return ptc_fail(rc, "%s: could not start traced: %s",
		    argv[0], strerror(rc));
	}
	ts->hide = 1;
	ts->exec_keep = 1;
	ts->seccomp = c.filter != NULL;
	if (tr->main_pid == 0) {
		tr->main_pid = pid;
		tr->main_child = !c.detached;
	}
	return ptc_resume(t, resume_how(ts), 0);
}

int
ptc_trace_attach(struct ptc_trace *tr, pid_t pid)
{
	struct ptc_task *t, *main_task;
	struct tstate *ts;
	size_t i, j, n, nb, nthreads = 0;
	pid_t *btid;
	long *bnr;

	if (session(tr, 0) == NULL)
		return -1;
	nb = ptc_os_blocked(pid, &btid, &bnr);
	if (ptc_attach(tr->s, pid, PTC_ATTACH_STOP | PTC_ATTACH_THREADS,
	    &main_task) != 0) {
		free(btid);
		free(bnr);
		return -1;
	}
	tr->attached = 1;
	n = ptc_session_ntasks(tr->s);
	for (i = 0; i < n; i++) {
		t = ptc_session_task_at(tr->s, i);
		if (ptc_task_data(t) != NULL || ptc_task_tgid(t) !=
		    ptc_task_tgid(main_task))
			continue;
		if ((ts = state_new(tr, t, ptc_task_pid(t))) == NULL) {
			free(btid);
			free(bnr);
			return -1;
		}
		for (j = 0; j < nb; j++)
			if (btid[j] == ts->pid)
				ts->blocked_nr = bnr[j];
		nthreads++;
		/*
		 * Resumed by ptc_trace_run(): attaching the next -p process
		 * stops every running task of the session again.
		 */
		ts->start = ptc_task_was_stopped(t) ? 2 : 1;
	}
	free(btid);
	free(bnr);
	if (!(tr->o.quiet & PTC_QUIET_ATTACH)) {
		if (nthreads > 1)
			msg(tr, "Process %d attached with %zu threads",
			    (int)pid, nthreads);
		else
			msg(tr, "Process %d attached", (int)pid);
	}
	return 0;
}

static void
detach_all(struct ptc_trace *tr)
{
	struct tstate *ts;
	struct ptc_task *t;

	while ((t = ptc_session_task_at(tr->s, 0)) != NULL) {
		ts = ptc_task_data(t);
		/*
		 * --kill-on-exit: the tasks end with the tracer, as strace's
		 * PTRACE_O_EXITKILL makes them, instead of running on.
		 */
		if (tr->o.kill_on_exit)
			kill(ptc_task_pid(t), SIGKILL);
		else if (ts != NULL && ts->in_sc && !tr->killed)
			sc_finish(tr, ts, NULL, PTC__ST_DETACHED);
		ptc_detach(tr->s, t, 0);
		if (!(tr->o.quiet & PTC_QUIET_ATTACH) && !tr->o.kill_on_exit &&
		    !tr->killed)
			msg(tr, "Process %d detached", ts != NULL ? ts->pid :
			    ptc_task_pid(t));
		if (ts != NULL) {
			ts->task = NULL;
			state_free(tr, ts);
		}
	}
	/*
	 * --kill-on-exit: the killed tasks were let go from their exit
	 * events; our own child is reaped, not left a zombie.
	 */
	if (tr->o.kill_on_exit && tr->main_pid != 0 && tr->main_child &&
	    !tr->main_done && ptc__reap(tr->main_pid, &tr->main_code,
	    &tr->main_sig) == 0)
		tr->main_done = 1;
}

/*
 * -b execve: let a task go at its exec (not at the one that starts the
 * program).  As with strace, a program let go this way gives no exit
 * status: ptstrace then ends with 0.
 */
static void
detach_exec(struct ptc_trace *tr, struct tstate *ts, struct ptc_task *t)
{
	if (ts->in_sc)
		sc_finish(tr, ts, NULL, PTC__ST_DETACHED);
	ptc_detach(tr->s, t, 0);
	if (!(tr->o.quiet & PTC_QUIET_ATTACH))
		msg(tr, "Process %d detached", (int)ts->pid);
	if (ts->pid == tr->main_pid && !tr->main_done) {
		tr->main_done = 1;
		tr->main_code = 0;
		tr->main_sig = 0;
	}
	ts->task = NULL;
	state_free(tr, ts);
}

static void
on_new_child(struct ptc_trace *tr, struct tstate *parent, pid_t pid)
{
	struct ptc_task *ct = ptc_session_task(tr->s, pid);
	struct tstate *cs;

	if (ct == NULL || (cs = ptc_task_data(ct)) != NULL)
		return;
	if ((cs = state_new(tr, ct, pid)) == NULL)
		return;
	cs->seccomp = parent->seccomp;
	if (!(tr->o.quiet & PTC_QUIET_ATTACH))
		msg(tr, "Process %d attached", (int)pid);
}

/*
 * The output is block-buffered for speed; someone following a file with
 * tail -f still sees it move at least every quarter second while the
 * tracees are busy.
 */
static void
flush_now_and_then(struct ptc_trace *tr)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC_COARSE, &now);
	if (now.tv_sec - tr->flushed.tv_sec < 1 &&
	    (now.tv_sec == tr->flushed.tv_sec ? now.tv_nsec -
	    tr->flushed.tv_nsec : now.tv_nsec + 1000000000 -
	    tr->flushed.tv_nsec) < 250000000)
		return;
	tr->flushed = now;
	fflush(NULL);
}

/* -d: each event the engine handles, on stderr. */
static void
debug_event(const struct ptc_event *ev)
{
	static const char *const names[] = {
		[PTC_EV_NONE] = "none",
		[PTC_EV_SYSCALL_ENTER] = "syscall-enter-stop",
		[PTC_EV_SYSCALL_EXIT] = "syscall-exit-stop",
		[PTC_EV_SECCOMP] = "seccomp-stop",
		[PTC_EV_SIGNAL] = "signal-delivery-stop",
		[PTC_EV_GROUP_STOP] = "group-stop",
		[PTC_EV_INTERRUPT] = "interrupt-stop",
		[PTC_EV_STEP] = "step-stop",
		[PTC_EV_FORK] = "fork-event",
		[PTC_EV_VFORK] = "vfork-event",
		[PTC_EV_CLONE] = "clone-event",
		[PTC_EV_VFORK_DONE] = "vfork-done-event",
		[PTC_EV_EXEC] = "exec-event",
		[PTC_EV_EXITING] = "exit-event",
		[PTC_EV_EXITED] = "exited",
		[PTC_EV_KILLED] = "killed",
		[PTC_EV_UNKNOWN_DETACHED] = "unknown pid detached",
		[PTC_EV_UNKNOWN_EXITED] = "unknown pid exited",
	};
	const char *n = (size_t)ev->type < sizeof(names) / sizeof(names[0]) &&
	    names[ev->type] != NULL ? names[ev->type] : "?";

	fprintf(stderr, "%s: [debug] pid %d: %s", getprogname(), (int)ev->pid,
	    n);
	if (ev->sig != 0)
		fprintf(stderr, " sig %d", ev->sig);
	if (ev->new_pid > 0)
		fprintf(stderr, " new pid %d", (int)ev->new_pid);
	fputc('\n', stderr);
}

int
ptc_trace_run(struct ptc_trace *tr, int *sigp)
{
	struct ptc_event ev;
	struct tstate *ts;
	int sig, rc = 0;

	*sigp = 0;
	if (tr->s == NULL)
		return 0;
	if ((tr->null = fopen("/dev/null", "we")) == NULL)
		return -1;
	/*
	 * One output file shared by what -f will follow, or by more than
	 * one task from the start (-p A -p B, -p with a program): strace
	 * then starts every line with the pid.
	 */
	tr->pid_pfx = tr->o.outfile != NULL && tr->o.follow != 2 &&
	    (tr->o.follow || tr->nstates > 1);
	LIST_FOREACH(ts, &tr->states, link) {
		if (ts->start == 2 && ts->task != NULL)
			stopped_line(tr, ts, ts->task->stop_sig != 0 ?
			    ts->task->stop_sig : SIGSTOP);
		if (ts->start != 0 && ts->task != NULL)
			ptc_resume(ts->task, ts->start == 2 ?
			    PTC_RESUME_LISTEN : PTC_RESUME_SYSCALL, 0);
		ts->start = 0;
	}
	while (ptc_session_ntasks(tr->s) > 0) {
		/* Tasks held by a delay go on when their time comes. */
		ptc__inject_release(tr->inj);
		/*
		 * A cleanup signal that came while an event was handled
		 * interrupts nothing: look for it before waiting again.
		 */
		if (ptc_cleanup_pending() != 0) {
			errno = EINTR;
			rc = -1;
		} else
			rc = ptc_wait(tr->s, &ev);
		if (rc != 0) {
			if (errno == EINTR) {
				tr->killed = tr->o.killable;
				detach_all(tr);
				sig = ptc_cleanup_pending();
				*sigp = sig;
				rc = 128 + sig;
				goto done;
			}
			if (errno == ECHILD)
				break;
			rc = -1;
			goto done;
		}
		if (ev.type == PTC_EV_UNKNOWN_DETACHED &&
		    !(tr->o.quiet & PTC_QUIET_ATTACH))
			msg(tr, "Detached unknown pid %d", (int)ev.pid);
		/* The -o command is the tracer's own child, not a tracee. */
		if (ev.type == PTC_EV_UNKNOWN_EXITED && ev.pid == tr->out_cmd)
			tr->out_cmd = 0;
		else if (ev.type == PTC_EV_UNKNOWN_EXITED &&
		    !(tr->o.quiet & PTC_QUIET_EXIT))
			msg(tr, "Exit of unknown pid %d ignored", (int)ev.pid);
		if (ev.task == NULL)
			continue;
		if (tr->o.debug)
			debug_event(&ev);
		flush_now_and_then(tr);
		if ((ts = state_of(tr, ev.task)) == NULL)
			continue;
		ts->stime = ev.stime;
		sig = 0;
		switch (ev.type) {
		case PTC_EV_SYSCALL_ENTER:
		case PTC_EV_SYSCALL_EXIT:
		case PTC_EV_SECCOMP:
			sig = on_syscall(tr, ts, ev.task,
			    ev.type == PTC_EV_SYSCALL_EXIT);
			break;
		case PTC_EV_SIGNAL:
		case PTC_EV_STEP:
			on_signal(tr, ts, &ev);
			sig = ev.sig;
			break;
		case PTC_EV_GROUP_STOP:
			stopped_line(tr, ts, ev.sig);
			ptc_resume(ev.task, PTC_RESUME_LISTEN, 0);
			continue;
		case PTC_EV_FORK:
		case PTC_EV_VFORK:
		case PTC_EV_CLONE:
			on_new_child(tr, ts, ev.new_pid);
			break;
		case PTC_EV_EXEC:
			on_exec(tr, ts, &ev);
			ts = ptc_task_data(ev.task);
			if (ts != NULL && ts->exec_keep) {
				ts->exec_keep = 0;
				break;
			}
			if (tr->o.detach_execve && ts != NULL) {
				detach_exec(tr, ts, ev.task);
				continue;
			}
			break;
		case PTC_EV_EXITING:
			/*
			 * The task is about to go (exit, exit_group, killed
			 * by a thread's execve): its call ends now, not when
			 * a thread group leader's death is reported, after
			 * all its threads.
			 */
			if (ts->in_sc)
				sc_finish(tr, ts, NULL, PTC__ST_UNFINISHED);
			break;
		case PTC_EV_EXITED:
		case PTC_EV_KILLED:
			on_gone(tr, ts, &ev);
			continue;
		default:
			break;
		}
		if (ts == NULL || ptc__inject_hold(tr->inj, ts->inj, ev.task,
		    resume_how(ts), sig))
			continue;
		ptc_resume(ev.task, resume_how(ts), sig);
	}
	rc = 0;
	/* -b execve let the program go: it is still our child. */
	if (tr->main_pid != 0 && !tr->main_done && tr->main_child &&
	    ptc__reap(tr->main_pid, &tr->main_code, &tr->main_sig) == 0)
		tr->main_done = 1;
	if (tr->main_pid != 0 && tr->main_done) {
		if (tr->main_sig != 0) {
			*sigp = tr->main_sig;
			rc = 128 + tr->main_sig;
		} else
			rc = tr->main_code;
	}
done:
	if (tr->o.summary)
		ptc__stats_print(&tr->stats, tr->out != NULL ? tr->out :
		    stderr);
	return rc;
}

void
ptc_trace_free(struct ptc_trace *tr)
{
	struct tstate *ts;

	if (tr == NULL)
		return;
	if (tr->s != NULL) {
		detach_all(tr);
		ptc_session_free(tr->s);
	}
	while ((ts = LIST_FIRST(&tr->states)) != NULL)
		state_free(tr, ts);
	if (tr->out != NULL && tr->out != stderr)
		fclose(tr->out);
	else
		fflush(stderr);
	if (tr->null != NULL)
		fclose(tr->null);
	ptc_dwarf_free(tr->uw);
	ptc__scset_free(&tr->trace);
	ptc__scset_free(&tr->abbrev);
	ptc__scset_free(&tr->verbose);
	ptc__scset_free(&tr->raw);
	ptc__fdset_free(&tr->dump_rd);
	ptc__fdset_free(&tr->dump_wr);
	ptc__pathset_free(&tr->paths);
	ptc__inject_free(tr->inj);
	ptc__stats_free(&tr->stats);
	free(tr);
}

int
ptc_trace_path(struct ptc_trace *tr, const char *path)
{
	if (ptc__pathset_add(&tr->paths, path) != 0)
		return -1;
	/* strace says what a path resolves to as it takes it. */
	ptc__pathset_resolve(&tr->paths, tr->o.quiet &
	    PTC_QUIET_PATH_RESOLUTION, tr->fmt.xstyle);
	return 0;
}
