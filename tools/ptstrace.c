/*
 * ptstrace: trace the system calls and signals of a program or of
 * running processes, with strace 6.1's command line and output line for
 * line, plus JSON Lines (--json).  A -e trace= filter is enforced inside
 * the tracee by a seccomp-bpf program, so untraced syscalls never stop.
 * This file turns the command line into the tracing engine's options
 * (lib/trace*.c), with strace's checks and messages.
 */
#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <limits.h>
#include <unistd.h>

#include <sys/resource.h>

#include "ptcore.h"

#define MAXPIDS  256
#define MAXEXPRS 256

/* Kept here, not on main's stack, so that err() exits leak nothing. */
static struct ptc_trace *tr;
static char **envcopy;
static char *exprs[MAXEXPRS];
static size_t nexprs;

static const char synopsis[] =
    "usage: %s [-ACdffhikqqrtttTvVwxxyyYzZ] [-I N] [-b execve] [-e EXPR]...\n"
    "\t[-a COLUMN] [-o FILE] [-s STRSIZE] [-X FORMAT] [-O OVERHEAD]\n"
    "\t[-S SORTBY] [-P PATH]... [-p PID]... [-U COLUMNS] [--json]\n"
    "\t[--seccomp-bpf] [--kill-on-exit] [--tips[=OPTS]]\n"
    "\t{-p PID | [-DDD] [-E VAR[=VAL]]... [-u USER] COMMAND [ARG...]}\n";

/* One line per option, as strace -h groups them; the man page says more. */
static const char options[] =
    "\n"
    "  -e EXPR         trace=SET abbrev= verbose= raw= signal= status= quiet=\n"
    "                  read= write= fault= inject= decode-fds= decode-pids=\n"
    "  -E, --env=VAR[=VAL]   set or remove VAR in the command's environment\n"
    "  -p, --attach=PID      trace process PID (repeatable, comma list)\n"
    "  -u, --user=USER       run the command as USER\n"
    "  -b, --detach-on=execve  detach at execve\n"
    "  -D, --daemonize[=grandchild|pgroup|session]  tracer not the parent\n"
    "  -f, --follow-forks    follow forks, -ff: one file per process\n"
    "      --output-separately  -o FILE.PID per process\n"
    "  -I, --interruptible=1|2|3|4  anywhere waiting never never_tstp\n"
    "      --trace=SET --signal=SET --status=SET  as -e trace= ...\n"
    "  -P, --trace-path=PATH  only syscalls that access PATH\n"
    "  -z, --successful-only  -Z, --failed-only\n"
    "  -a, --columns=COLUMN  column of \"= RESULT\" (40)\n"
    "      --abbrev= --verbose= --raw= --read= --write= --quiet=\n"
    "      --inject= --fault=\n"
    "      --decode-fds[=path,socket,dev,pidfd] --decode-pids=comm,pidns\n"
    "  -i, --instruction-pointer  -k, --stack-traces  -n, --syscall-number\n"
    "  -o, --output=FILE     trace to FILE, |CMD or !CMD\n"
    "  -A, --output-append-mode  append to -o FILE\n"
    "  -q, -qq, -qqq         fewer messages (attach, exit, all)\n"
    "  -r, --relative-timestamps[=s|ms|us|ns]\n"
    "  -t, -tt, -ttt, --absolute-timestamps=[format:]none|time|unix,\n"
    "                  [precision:]s|ms|us|ns  (also --timestamps=)\n"
    "  -T, --syscall-times[=s|ms|us|ns]\n"
    "  -s, --string-limit=STRSIZE  -v, --no-abbrev\n"
    "  -x, -xx, --strings-in-hex[=non-ascii-chars|non-ascii|all]\n"
    "  -X, --const-print-style=raw|abbrev|verbose\n"
    "  -y, -yy  paths, all fd details;  -Y, --pidns-translation\n"
    "  -c, --summary-only  -C, --summary  -w, --summary-wall-clock\n"
    "  -O, --summary-syscall-overhead=OVERHEAD[s|ms|us|ns]\n"
    "  -S, --summary-sort-by=time|min-time|max-time|avg-time|calls|errors|\n"
    "                  name|nothing\n"
    "  -U, --summary-columns=time-percent,total-time,min-time,max-time,\n"
    "                  avg-time,calls,errors,name\n"
    "      --json        JSON Lines, one object per event\n"
    "      --seccomp-bpf  --kill-on-exit  --tips[=[id:]ID,[format:]FMT]\n"
    "  -d, --debug  -h, --help  -V, --version\n";

static void
usage(FILE *fp, int full)
{
	fprintf(fp, synopsis, getprogname());
	if (full)
		fputs(options, fp);
}

/*
 * Bad usage, as strace words it: "ptstrace: message" and a pointer to
 * -h on stderr, exit 2 (strace exits 1).
 */
static void __attribute__((noreturn, format(printf, 1, 2)))
bad_usage(const char *fmt, ...)
{
	va_list ap;

	if (fmt != NULL) {
		fprintf(stderr, "%s: ", getprogname());
		va_start(ap, fmt);
		vfprintf(stderr, fmt, ap);
		va_end(ap);
		fputc('\n', stderr);
	}
	fprintf(stderr, "Try '%s -h' for more information.\n", getprogname());
	exit(2);
}

/* strace's message for a value an option does not take. */
static void __attribute__((noreturn))
bad_arg(int ch, const char *lname, const char *arg)
{
	if (lname != NULL)
		bad_usage("invalid --%s argument: '%s'", lname, arg);
	bad_usage("invalid -%c argument: '%s'", ch, arg);
}

/* -E: a copy of environ with VAR=VAL set or VAR removed. */
static char **
env_edit(char **env, const char *spec)
{
	size_t n = 0, i, klen = strcspn(spec, "=");
	char **out;

	while (env[n] != NULL)
		n++;
	if ((out = calloc(n + 2, sizeof(*out))) == NULL)
		err(1, "environment");
	for (i = 0, n = 0; env[i] != NULL; i++)
		if (strncmp(env[i], spec, klen) != 0 || env[i][klen] != '=')
			out[n++] = env[i];
	if (spec[klen] == '=')
		out[n++] = (char *)spec;
	out[n] = NULL;
	/* The strings belong to environ and argv; only the array is ours. */
	if (env != environ)
		free(env);
	return out;
}

static void
add_pids(const char *arg, pid_t *pids, size_t *npids)
{
	char *copy, *tok, *save = NULL;

	if ((copy = strdup(arg)) == NULL)
		err(1, "strdup");
	for (tok = strtok_r(copy, ", \t", &save); tok != NULL;
	    tok = strtok_r(NULL, ", \t", &save)) {
		if (*npids == MAXPIDS)
			errx(2, "too many processes");
		if (ptc_pid_parse(tok, &pids[*npids]) != 0)
			errx(2, "Invalid process id: '%s'", tok);
		(*npids)++;
	}
	free(copy);
}

/*
 * Queue "key=value" for ptc_trace_expr(), in command-line order.  strace
 * rejects a bad expression as it reads it, before any other check: a
 * scratch tracer (no output, no task) tries each at once.
 */
static void
add_expr(const char *key, const char *val)
{
	static struct ptc_trace *scratch;
	static const struct ptc_trace_opts none;
	char *e;

	if (nexprs == MAXEXPRS)
		bad_usage("too many -e options");
	if (key == NULL)
		e = strdup(val);
	else if (asprintf(&e, "%s=%s", key, val) == -1)
		e = NULL;
	if (e == NULL)
		err(1, "expression");
	exprs[nexprs++] = e;
	if (scratch == NULL && (scratch = ptc_trace_new(&none)) == NULL)
		err(1, "tracer");
	if (ptc_trace_expr(scratch, e) != 0) {
		/* strace points to -h for a bad syscall suffix only. */
		if (strncmp(ptc_error(), "incorrect personality", 21) == 0)
			bad_usage("%s", ptc_error());
		errx(2, "%s", ptc_error());
	}
}

static int
expr_is(const char *e, const char *const keys[])
{
	size_t n;

	for (; *keys != NULL; keys++) {
		n = strlen(*keys);
		if (strncmp(e, *keys, n) == 0 && e[n] == '=')
			return 1;
	}
	return 0;
}

/*
 * s, ms, us or ns (NULL or "": dflt) as digits of a fraction: 0, 3, 6,
 * 9; -1 if none of them.
 */
static int
precision(const char *arg, int dflt)
{
	static const char *const units[] = { "s", "ms", "us", "ns" };
	int i;

	if (arg == NULL || *arg == '\0')
		return dflt;
	for (i = 0; i < 4; i++)
		if (strcmp(arg, units[i]) == 0)
			return 3 * i;
	return -1;
}

/* --absolute-timestamps=[[format:]none|time|unix][,[precision:]UNIT] */
static int
parse_ts(const char *arg, int *fmt, int *digits)
{
	char *copy, *tok, *save = NULL;
	int rc = 0, d;

	if ((copy = strdup(arg)) == NULL)
		err(1, "strdup");
	if (*fmt == 0)
		*fmt = PTC_TS_TIME;
	for (tok = strtok_r(copy, ",", &save); tok != NULL;
	    tok = strtok_r(NULL, ",", &save)) {
		int isfmt = 1, isprec = 1;

		if (strncasecmp(tok, "format:", 7) == 0) {
			tok += 7;
			isprec = 0;
		} else if (strncasecmp(tok, "precision:", 10) == 0) {
			tok += 10;
			isfmt = 0;
		}
		if (isfmt && strcasecmp(tok, "none") == 0)
			*fmt = -1;
		else if (isfmt && strcasecmp(tok, "time") == 0)
			*fmt = PTC_TS_TIME;
		else if (isfmt && strcasecmp(tok, "unix") == 0)
			*fmt = PTC_TS_UNIX;
		else if (isprec && (d = precision(tok, -1)) >= 0 && *tok)
			*digits = d;
		else
			rc = -1;
	}
	free(copy);
	return rc;
}

/*
 * -I: 1 anywhere, 2 waiting, 3 never, 4 never_tstp.  With 3 and 4 the
 * signals that would end the tracer are ignored, as strace ignores them
 * (its default for "-o FILE PROG"; 4 for -D) and ^Z too with 4; with 1
 * and 2 they detach every task and end the tracer, once the event at
 * hand is finished (the engine never acts on a signal mid-event).
 */
static int
parse_intr(const char *arg)
{
	static const char *const names[] = { "anywhere", "always",
	    "waiting", "never", "never_tstp" };
	static const int vals[] = { 1, 1, 2, 3, 4 };
	const char *e = NULL;
	int i, v;

	for (i = 0; i < 5; i++)
		if (strcmp(arg, names[i]) == 0)
			return vals[i];
	v = (int)strtonum(arg, 1, 4, &e);
	return e == NULL ? v : -1;
}

/* After the spawn, so that the program keeps its own dispositions. */
static void
ignore_signals(int intr)
{
	static const int sigs[] = { SIGHUP, SIGINT, SIGQUIT, SIGPIPE,
	    SIGTERM };
	size_t i;

	if (intr < 3)
		return;
	for (i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
		signal(sigs[i], SIG_IGN);
	if (intr == 4)
		signal(SIGTSTP, SIG_IGN);
}

/*
 * The tracer writes nothing to its standard input and output: it lets
 * go of them, as strace does, so that a pipe from or to the traced
 * program ends when the program closes its end.
 */
static void
release_stdio(void)
{
	int fd;

	if (fflush(stdout) != 0 || (fd = open("/dev/null", O_RDWR)) == -1)
		return;
	dup2(fd, STDIN_FILENO);
	dup2(fd, STDOUT_FILENO);
	if (fd > STDERR_FILENO)
		close(fd);
}

enum {
	O_SECCOMP = 0x100, O_DAEMONIZE, O_HEXSTR, O_FOLLOW, O_SEPARATELY,
	O_TS, O_PIDNS, O_TIPS, O_JSON, O_KILL, O_QUAL,
};

/* The long options without a short form that are -e qualifiers follow
 * the others: --trace=SET is -e trace=SET. */
static const struct option longopts[] = {
	{ "columns", required_argument, NULL, 'a' },
	{ "output-append-mode", no_argument, NULL, 'A' },
	{ "detach-on", required_argument, NULL, 'b' },
	{ "summary-only", no_argument, NULL, 'c' },
	{ "summary", no_argument, NULL, 'C' },
	{ "debug", no_argument, NULL, 'd' },
	{ "daemonize", optional_argument, NULL, O_DAEMONIZE },
	{ "daemonised", optional_argument, NULL, O_DAEMONIZE },
	{ "daemonized", optional_argument, NULL, O_DAEMONIZE },
	{ "env", required_argument, NULL, 'E' },
	{ "follow-forks", no_argument, NULL, O_FOLLOW },
	{ "output-separately", no_argument, NULL, O_SEPARATELY },
	{ "help", no_argument, NULL, 'h' },
	{ "instruction-pointer", no_argument, NULL, 'i' },
	{ "interruptible", required_argument, NULL, 'I' },
	{ "stack-traces", no_argument, NULL, 'k' },
	{ "syscall-number", no_argument, NULL, 'n' },
	{ "output", required_argument, NULL, 'o' },
	{ "summary-syscall-overhead", required_argument, NULL, 'O' },
	{ "attach", required_argument, NULL, 'p' },
	{ "trace-path", required_argument, NULL, 'P' },
	{ "relative-timestamps", optional_argument, NULL, 'r' },
	{ "string-limit", required_argument, NULL, 's' },
	{ "summary-sort-by", required_argument, NULL, 'S' },
	{ "absolute-timestamps", optional_argument, NULL, O_TS },
	{ "timestamps", optional_argument, NULL, O_TS },
	{ "syscall-times", optional_argument, NULL, 'T' },
	{ "user", required_argument, NULL, 'u' },
	{ "summary-columns", required_argument, NULL, 'U' },
	{ "no-abbrev", no_argument, NULL, 'v' },
	{ "version", no_argument, NULL, 'V' },
	{ "summary-wall-clock", no_argument, NULL, 'w' },
	{ "strings-in-hex", optional_argument, NULL, O_HEXSTR },
	{ "const-print-style", required_argument, NULL, 'X' },
	{ "pidns-translation", no_argument, NULL, O_PIDNS },
	{ "successful-only", no_argument, NULL, 'z' },
	{ "failed-only", no_argument, NULL, 'Z' },
	{ "failing-only", no_argument, NULL, 'Z' },
	{ "seccomp-bpf", no_argument, NULL, O_SECCOMP },
	{ "tips", optional_argument, NULL, O_TIPS },
	{ "json", no_argument, NULL, O_JSON },
	{ "kill-on-exit", no_argument, NULL, O_KILL },
	{ "trace", required_argument, NULL, O_QUAL },
	{ "abbrev", required_argument, NULL, O_QUAL },
	{ "verbose", required_argument, NULL, O_QUAL },
	{ "raw", required_argument, NULL, O_QUAL },
	{ "signal", required_argument, NULL, O_QUAL },
	{ "signals", required_argument, NULL, O_QUAL },
	{ "status", required_argument, NULL, O_QUAL },
	{ "read", required_argument, NULL, O_QUAL },
	{ "write", required_argument, NULL, O_QUAL },
	{ "fault", required_argument, NULL, O_QUAL },
	{ "inject", required_argument, NULL, O_QUAL },
	{ "kvm", required_argument, NULL, O_QUAL },
	{ "quiet", optional_argument, NULL, O_QUAL },
	{ "silent", optional_argument, NULL, O_QUAL },
	{ "silence", optional_argument, NULL, O_QUAL },
	{ "decode-fds", optional_argument, NULL, O_QUAL },
	{ "decode-pids", required_argument, NULL, O_QUAL },
	{ "secontext", optional_argument, NULL, O_QUAL },
	{ NULL, 0, NULL, 0 },
};

/* What the command line said, beyond struct ptc_trace_opts. */
struct cmdline {
	int cflag, dflag, dlong, fshort, flong, separately, tshort, tlong;
	int xshort, xlong, yshort, ylong, qshort, qlong, zflags, status;
	int intr, seccomp, columns_set, sort_set, tips, tips_id, optF;
	const char *paths[256];
	size_t npaths;
	pid_t pids[MAXPIDS];
	size_t npids;
	const char *user;
};

static void
parse_long_qual(const char *name, const char *arg, struct cmdline *cl)
{
	if (strcmp(name, "quiet") == 0 || strcmp(name, "silent") == 0 ||
	    strcmp(name, "silence") == 0) {
		add_expr("quiet", arg != NULL ? arg : "attach,personality");
		cl->qlong = 1;
	} else if (strcmp(name, "decode-fds") == 0) {
		add_expr("decode-fds", arg != NULL ? arg : "path");
		cl->ylong = 1;
	} else if (strcmp(name, "secontext") == 0) {
		add_expr("secontext", arg != NULL ? arg : "!full");
	} else {
		add_expr(name, arg);
	}
}

/* --tips: [[id:]ID|random][,[format:]none|compact|full] */
static int
parse_tips(const char *arg, struct cmdline *cl)
{
	char *copy, *tok, *save = NULL;
	const char *e;
	int rc = 0;

	cl->tips = 2;
	cl->tips_id = -1;
	if ((copy = strdup(arg)) == NULL)
		err(1, "strdup");
	for (tok = strtok_r(copy, ",", &save); tok != NULL;
	    tok = strtok_r(NULL, ",", &save)) {
		int isid = 1, isfmt = 1;

		if (strncmp(tok, "id:", 3) == 0) {
			tok += 3;
			isfmt = 0;
		} else if (strncmp(tok, "format:", 7) == 0) {
			tok += 7;
			isid = 0;
		}
		e = NULL;
		if (isid && strcmp(tok, "random") == 0)
			cl->tips_id = -1;
		else if (isid && *tok >= '0' && *tok <= '9' &&
		    (cl->tips_id = (int)strtonum(tok, 0, INT_MAX, &e),
		    e == NULL))
			;
		else if (isfmt && strcmp(tok, "none") == 0)
			cl->tips = 0;
		else if (isfmt && strcmp(tok, "compact") == 0)
			cl->tips = 2;
		else if (isfmt && strcmp(tok, "full") == 0)
			cl->tips = 3;
		else
			rc = -1;
	}
	free(copy);
	return rc;
}

/* -S and -U are checked as they are read, as strace checks them. */
static void
check_summary(const char *sortby, const char *columns)
{
	struct ptc_trace_opts o;
	struct ptc_trace *t;

	memset(&o, 0, sizeof(o));
	o.summary = 1;
	o.sortby = sortby;
	o.summary_columns = columns;
	if ((t = ptc_trace_new(&o)) == NULL)
		bad_usage("%s", ptc_error());
	ptc_trace_free(t);
}

static void
parse(int argc, char *argv[], struct ptc_trace_opts *o, struct cmdline *cl)
{
	const char *errstr = NULL;
	int ch, li = -1;

	while ((ch = getopt_long(argc, argv,
	    "+a:Ab:cCdDe:E:fFhiI:kno:O:p:P:qrs:S:tTu:U:vVwxX:yYzZ", longopts,
	    &li)) != -1) {
		const char *ln = li >= 0 ? longopts[li].name : NULL;

		li = -1;
		switch (ch) {
		case 'a':
			o->fmt.column = (unsigned)strtonum(optarg, 0, INT_MAX,
			    &errstr);
			if (errstr != NULL)
				bad_arg(ch, ln, optarg);
			/* strace's -a 0 pads nothing; 0 is the default here. */
			if (o->fmt.column == 0)
				o->fmt.column = 1;
			break;
		case 'A':
			o->append = 1;
			break;
		case 'b':
			if (strcmp(optarg, "execve") != 0)
				errx(2, "Syscall '%s' for -b isn't supported",
				    optarg);
			o->detach_execve = 1;
			break;
		case 'c':
		case 'C':
			if (cl->cflag != 0 && cl->cflag != ch)
				bad_usage("-c/--summary-only and -C/--summary "
				    "are mutually exclusive");
			cl->cflag = ch;
			o->summary = ch == 'c' ? 1 : 2;
			break;
		case 'd':
			o->debug = 1;
			break;
		case 'D':
			cl->dflag++;
			break;
		case O_DAEMONIZE:
			if (optarg == NULL ||
			    strcasecmp(optarg, "grandchild") == 0)
				cl->dlong = 1;
			else if (strcasecmp(optarg, "pgroup") == 0 ||
			    strcasecmp(optarg, "pgrp") == 0)
				cl->dlong = 2;
			else if (strcasecmp(optarg, "session") == 0)
				cl->dlong = 3;
			else
				bad_arg(ch, ln, optarg);
			break;
		case 'e':
			add_expr(NULL, optarg);
			break;
		case 'E':
			envcopy = env_edit(envcopy != NULL ? envcopy : environ,
			    optarg);
			break;
		case 'f':
			cl->fshort++;
			break;
		case 'F':
			cl->optF = 1;
			break;
		case O_FOLLOW:
			cl->flong = 1;
			break;
		case O_SEPARATELY:
			cl->separately = 1;
			break;
		case 'h':
			usage(stdout, 1);
			exit(fflush(stdout) == 0 && !ferror(stdout) ? 0 : 1);
		case 'i':
			o->print_ip = 1;
			break;
		case 'I':
			if ((cl->intr = parse_intr(optarg)) <= 0)
				bad_arg(ch, ln, optarg);
			break;
		case 'k':
			o->stack = 1;
			break;
		case 'n':
			o->scno = 1;
			break;
		case 'o':
			o->outfile = optarg;
			break;
		case 'O':
			if (ptc_trace_overhead_parse(optarg, &o->overhead_ns)
			    != 0)
				bad_arg(ch, ln, optarg);
			break;
		case 'p':
			add_pids(optarg, cl->pids, &cl->npids);
			break;
		case 'P':
			if (cl->npaths == sizeof(cl->paths) /
			    sizeof(cl->paths[0]))
				bad_usage("too many -P options");
			cl->paths[cl->npaths++] = optarg;
			break;
		case 'q':
			cl->qshort++;
			break;
		case 'r':
			o->relative = 1;
			if ((o->relative_digits = precision(optarg, 6)) < 0)
				bad_arg(ch, ln, optarg);
			break;
		case 's':
			o->fmt.strsize = (unsigned)strtonum(optarg, 0,
			    UINT_MAX / 4, &errstr);
			if (errstr != NULL)
				bad_arg(ch, ln, optarg);
			break;
		case 'S':
			o->sortby = optarg;
			cl->sort_set = 1;
			check_summary(optarg, NULL);
			break;
		case 't':
			cl->tshort++;
			break;
		case O_TS:
			cl->tlong = 1;
			if (parse_ts(optarg != NULL ? optarg : "format:time",
			    &o->tstamp, &o->tstamp_digits) != 0)
				bad_arg(ch, ln, optarg);
			break;
		case 'T':
			o->durations = 1;
			if ((o->durations_digits = precision(optarg, 6)) < 0)
				bad_arg(ch, ln, optarg);
			break;
		case 'u':
			cl->user = optarg;
			break;
		case 'U':
			o->summary_columns = optarg;
			cl->columns_set = 1;
			check_summary(NULL, optarg);
			break;
		case 'v':
			add_expr("abbrev", "none");
			break;
		case 'V':
			/* The tool's name, however it was called. */
			printf("ptstrace %s\n", ptc_version());
			exit(fflush(stdout) == 0 && !ferror(stdout) ? 0 : 1);
		case 'w':
			o->wallclock = 1;
			break;
		case 'x':
			cl->xshort++;
			break;
		case O_HEXSTR:
			if (optarg == NULL || strcmp(optarg, "all") == 0)
				cl->xlong = 3;
			else if (strcmp(optarg, "non-ascii") == 0)
				cl->xlong = 2;
			else if (strcmp(optarg, "non-ascii-chars") == 0)
				cl->xlong = 1;
			else if (strcmp(optarg, "none") == 0)
				cl->xlong = 0;
			else
				bad_arg(ch, ln, optarg);
			break;
		case 'X':
			if (strcmp(optarg, "raw") == 0)
				o->fmt.xlat = PTC_XLAT_RAW;
			else if (strcmp(optarg, "abbrev") == 0)
				o->fmt.xlat = PTC_XLAT_ABBREV;
			else if (strcmp(optarg, "verbose") == 0)
				o->fmt.xlat = PTC_XLAT_VERBOSE;
			else
				bad_arg(ch, ln, optarg);
			break;
		case 'y':
			cl->yshort++;
			break;
		case 'Y':
			add_expr("decode-pids", "comm");
			break;
		case O_PIDNS:
			add_expr("decode-pids", "pidns");
			break;
		case 'z':
		case 'Z':
			cl->status = ch;
			cl->zflags++;
			break;
		case O_SECCOMP:
			cl->seccomp = 1;
			break;
		case O_TIPS:
			if (parse_tips(optarg != NULL ? optarg : "", cl) != 0)
				bad_arg(ch, ln, optarg);
			break;
		case O_JSON:
			o->json = 1;
			break;
		case O_KILL:
			o->kill_on_exit = 1;
			break;
		case O_QUAL:
			parse_long_qual(ln, optarg, cl);
			break;
		default:
			bad_usage(NULL);
		}
	}
}

/* The checks strace makes once the whole command line is read. */
static void
check(int argc, struct ptc_trace_opts *o, struct ptc_spawn_opts *so,
    struct cmdline *cl)
{
	static const char *const quiet_keys[] = { "quiet", "silent",
	    "silence", "q", NULL };
	static const char *const fds_keys[] = { "decode-fds", "decode-fd",
	    NULL };
	size_t i;

	if (argc == 0 && cl->npids == 0)
		bad_usage("must have PROG [ARGS] or -p PID");
	if (cl->dlong && cl->dflag)
		errx(2, "-D and --daemonize cannot be provided simultaneously");
	if (cl->dlong)
		cl->dflag = cl->dlong;
	if (argc == 0 && cl->dflag)
		bad_usage("PROG [ARGS] must be specified with -D/--daemonize");
	if (cl->dflag > 3)
		bad_usage("Too many -D's (%d), maximum supported -D count "
		    "is 3", cl->dflag);
	so->detached = cl->dflag;
	if (cl->tshort && cl->tlong)
		errx(2, "-t and --absolute-timestamps cannot be provided "
		    "simultaneously");
	if (cl->tshort) {
		o->tstamp = cl->tshort >= 3 ? PTC_TS_UNIX : PTC_TS_TIME;
		o->tstamp_digits = cl->tshort >= 2 ? 6 : 0;
	}
	if (o->tstamp < 0)
		o->tstamp = 0;
	if (cl->xshort && cl->xlong >= 0)
		errx(2, "-x and --strings-in-hex cannot be provided "
		    "simultaneously");
	/* 1 (-x): non-ASCII bytes in hex; 2 (-xx): all; 3: escapes in hex. */
	if (cl->xlong < 0)
		cl->xlong = 0;
	o->fmt.xstyle = cl->xshort >= 2 || cl->xlong == 3 ? 2 :
	    cl->xshort == 1 || cl->xlong == 2 ? 1 : cl->xlong == 1 ? 3 : 0;
	for (i = 0; i < nexprs; i++) {
		if (expr_is(exprs[i], fds_keys))
			cl->ylong = 1;
		if (expr_is(exprs[i], quiet_keys))
			cl->qlong = 1;
	}
	if (cl->yshort && cl->ylong)
		errx(2, "-y and --decode-fds cannot be provided simultaneously");
	if (cl->yshort)
		add_expr("decode-fds", cl->yshort == 1 ? "path" : "all");
	if (cl->fshort && cl->flong)
		errx(2, "-f and --follow-forks cannot be provided "
		    "simultaneously");
	if (cl->fshort >= 2 && cl->separately)
		errx(2, "-ff and --output-separately cannot be provided "
		    "simultaneously");
	/* As in strace, -f (once) overrides --output-separately. */
	if (cl->fshort)
		cl->separately = cl->fshort >= 2;
	if (cl->optF && (cl->fshort || cl->flong))
		warnx("deprecated option -F ignored");
	else if (cl->optF) {
		warnx("option -F is deprecated, please use -f/--follow-forks "
		    "instead");
		cl->flong = 1;
	}
	o->follow = cl->fshort || cl->flong ? 1 : 0;
	if (cl->fshort >= 2 || cl->separately)
		o->follow = o->follow ? 2 : 0;
	if (cl->seccomp && o->detach_execve) {
		warnx("--seccomp-bpf is not enabled because it is not "
		    "compatible with -b");
		cl->seccomp = 0;
	}
	if (cl->seccomp && cl->npids > 0 && argc == 0)
		warnx("--seccomp-bpf is not enabled for processes attached "
		    "with -p");
	if (cl->seccomp && !o->follow && !cl->separately)
		warnx("--seccomp-bpf cannot be used without -f/--follow-forks, "
		    "disabling");
	if (o->follow == 2 && o->summary)
		bad_usage("(-c/--summary-only or -C/--summary) and "
		    "-ff/--output-separately are mutually exclusive");
	if (cl->separately && !o->follow)
		o->follow = 0;
	if (o->wallclock && !o->summary)
		bad_usage("-w/--summary-wall-clock must be given with "
		    "(-c/--summary-only or -C/--summary)");
	if (cl->columns_set && !o->summary)
		bad_usage("-U/--summary-columns must be given with "
		    "(-c/--summary-only or -C/--summary)");
	if (cl->sort_set && !o->summary)
		warnx("-S/--summary-sort-by has no effect without "
		    "(-c/--summary-only or -C/--summary)");
	if (o->summary == 1) {
		if (o->print_ip)
			warnx("-i/--instruction-pointer has no effect with "
			    "-c/--summary-only");
		if (o->stack)
			warnx("-k/--stack-traces has no effect with "
			    "-c/--summary-only");
		if (o->scno)
			warnx("-n/--syscall-number has no effect with "
			    "-c/--summary-only");
		if (o->relative)
			warnx("-r/--relative-timestamps has no effect with "
			    "-c/--summary-only");
		if (o->tstamp)
			warnx("-t/--absolute-timestamps has no effect with "
			    "-c/--summary-only");
		if (o->durations)
			warnx("-T/--syscall-times has no effect with "
			    "-c/--summary-only");
		if (cl->yshort || cl->ylong)
			warnx("-y/--decode-fds has no effect with "
			    "-c/--summary-only");
		if (o->json)
			bad_usage("-c and --json cannot be used together");
	}
	if (o->outfile == NULL) {
		if (cl->separately && !o->follow)
			warnx("--output-separately has no effect without "
			    "-o/--output");
		if (o->append)
			warnx("-A/--output-append-mode has no effect without "
			    "-o/--output");
	} else if ((o->outfile[0] == '|' || o->outfile[0] == '!') &&
	    o->follow == 2) {
		bad_usage("piping the output and -ff/--output-separately are "
		    "mutually exclusive");
	} else if (o->follow == 2 && strlen(o->outfile) >= PATH_MAX -
	    sizeof(int) * 3) {
		/* Room for ".PID" after the name. */
		errno = ENAMETOOLONG;
		err(2, "%s", o->outfile);
	}
	if (cl->zflags > 1)
		warnx("Only the last of -z/--successful-only/-Z/--failed-only "
		    "options will take effect. See status qualifier for more "
		    "complex filters.");
	if (cl->status != 0)
		add_expr("status", cl->status == 'z' ? "successful" :
		    "failed");
	/* strace (from 6.2, which has the option) refuses the two. */
	if (o->kill_on_exit && cl->npids > 0)
		errx(2, "--kill-on-exit and -p/--attach are mutually exclusive "
		    "options");
	if (cl->user != NULL && (getuid() != 0 || geteuid() != 0))
		errx(2, "You must be root to use the -u/--username option");
	so->user = cl->user;
	/* strace's defaults: "-o FILE PROG" is quiet and not interruptible. */
	if (cl->dflag && cl->intr == 0)
		cl->intr = 4;
	if (o->outfile != NULL && argc > 0) {
		if (cl->intr == 0)
			cl->intr = 3;
		if (cl->qshort == 0 && !cl->qlong)
			cl->qshort = 1;
	}
}

/* -q, -qq, -qqq; strace checks this after -P's paths are resolved. */
static void
check_quiet(struct cmdline *cl)
{
	if (cl->qshort && cl->qlong)
		errx(2, "-q and -e quiet/--quiet cannot be provided "
		    "simultaneously");
	if (cl->qshort)
		add_expr("quiet", cl->qshort == 1 ? "attach,personality" :
		    cl->qshort == 2 ? "exit,attach,personality" : "all");
}

int
main(int argc, char *argv[])
{
	struct ptc_trace_opts o;
	struct ptc_spawn_opts so;
	struct cmdline cl;
	size_t i;
	int rc, sig;

	/* Messages name the program as it was called, as strace's do. */
	if (argc > 0 && argv[0] != NULL && argv[0][0] != '\0')
		program_invocation_short_name = argv[0];
	else
		program_invocation_short_name = (char *)"ptstrace";
	memset(&o, 0, sizeof(o));
	memset(&so, 0, sizeof(so));
	memset(&cl, 0, sizeof(cl));
	cl.xlong = -1;
	so.stdin_fd = so.stdout_fd = so.stderr_fd = -1;
	o.fmt.strsize = 32;
	parse(argc, argv, &o, &cl);
	argc -= optind;
	argv += optind;
	check(argc, &o, &so, &cl);

	/*
	 * The program inherits the signal dispositions ptstrace was given
	 * (strace's users ignore signals on purpose), so the cleanup
	 * handlers come after the spawn; without a program, before the
	 * attach.
	 */
	if (argc == 0)
		ptc_cleanup_signals();
	if ((tr = ptc_trace_new(&o)) == NULL)
		errx(errno == EINVAL ? 2 : 1, "%s", ptc_error());
	for (i = 0; i < nexprs; i++)
		if (ptc_trace_expr(tr, exprs[i]) != 0)
			errx(2, "%s", ptc_error());
	for (i = 0; i < cl.npaths; i++)
		if (ptc_trace_path(tr, cl.paths[i]) != 0)
			errx(1, "%s", ptc_error());
	i = nexprs;
	check_quiet(&cl);
	for (; i < nexprs; i++)
		if (ptc_trace_expr(tr, exprs[i]) != 0)
			errx(2, "%s", ptc_error());
	for (i = 0; i < cl.npids; i++)
		if (ptc_trace_attach(tr, cl.pids[i]) != 0)
			errx(1, "attach to process %d: %s", (int)cl.pids[i],
			    ptc_error());
	if (argc > 0) {
		so.envp = envcopy;
		if (ptc_trace_spawn(tr, argv, &so) != 0)
			errx(1, "%s", ptc_error());
		ptc_cleanup_signals();
	}
	ignore_signals(cl.intr);
	release_stdio();
	rc = ptc_trace_run(tr, &sig);
	if (rc == -1)
		warnx("wait: %s", ptc_error());
	ptc_trace_free(tr);
	free(envcopy);
	for (i = 0; i < nexprs; i++)
		free(exprs[i]);
	if (cl.tips)
		ptc_trace_tip(stderr, cl.tips_id, cl.tips == 3);
	if (fflush(stdout) != 0 || ferror(stdout) || fflush(stderr) != 0)
		return 1;
	if (sig != 0) {
		/* Die the way the program died, as strace does. */
		struct rlimit rl = { 0, 0 };
		sigset_t set;

		setrlimit(RLIMIT_CORE, &rl);
		signal(sig, SIG_DFL);
		sigemptyset(&set);
		sigaddset(&set, sig);
		sigprocmask(SIG_UNBLOCK, &set, NULL);
		raise(sig);
	}
	return rc == -1 ? 1 : rc;
}
