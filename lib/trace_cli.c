/*
 * trace_cli.c: strace 6.1's command line as a model.  Each option is
 * taken as it is read and checked as strace checks it then (a -e
 * expression goes straight into the tracer that will run, so a bad one
 * is refused in command-line order); the checks strace makes once the
 * line is read follow; then the tracer is given its options, its output
 * opened, and the processes attached or the program started.  Every
 * refusal carries strace's message and says how strace reports it.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "internal.h"
#include "trace_int.h"

#define MAXPIDS 256
#define NBITS(a) (sizeof(a) / sizeof((a)[0]))

struct ptc_trace_cli {
	struct ptc_trace_opts o;
	struct ptc_spawn_opts so;
	struct ptc_trace *tr;	/* takes each -e expression as it is read */
	char **env;		/* -E: the program's environment, or NULL */
	int failure;		/* PTC_TCLI_* of the last refusal */
	char *msg;		/* its message, whatever its length */
	int nargs;		/* operands: the program and its arguments */
	int cflag, dflag, dlong, fshort, flong, separately, tshort, tlong;
	int xshort, xlong, yshort, ylong, qshort, qlong, zflags, status;
	int intr, seccomp, columns_set, sort_set, tips, tips_id, optF;
	const char *paths[PTC__PATHS_MAX];
	size_t npaths;
	pid_t pids[MAXPIDS];
	size_t npids;
	const char *user;
};

/* The long options without a short form, by name. */
enum {
	L_DAEMONIZE = 0x100, L_FOLLOW, L_SEPARATELY, L_TS, L_HEXSTR, L_PIDNS,
	L_SECCOMP, L_TIPS, L_JSON, L_KILL,
};
static const struct {
	const char *name;
	int opt;
} longonly[] = {
	{ "daemonize", L_DAEMONIZE }, { "daemonised", L_DAEMONIZE },
	{ "daemonized", L_DAEMONIZE }, { "follow-forks", L_FOLLOW },
	{ "output-separately", L_SEPARATELY },
	{ "absolute-timestamps", L_TS }, { "timestamps", L_TS },
	{ "strings-in-hex", L_HEXSTR }, { "pidns-translation", L_PIDNS },
	{ "seccomp-bpf", L_SECCOMP }, { "tips", L_TIPS }, { "json", L_JSON },
	{ "kill-on-exit", L_KILL },
};

static int
refuse(struct ptc_trace_cli *c, int how, int errnum, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/*
 * Fail with how (PTC_TCLI_*) and the message, kept whole for
 * ptc_trace_cli_failure() (an -o name can be longer than ptc_error()).
 */
static int
refuse(struct ptc_trace_cli *c, int how, int errnum, const char *fmt, ...)
{
	va_list ap;
	char *m;
	int n;

	va_start(ap, fmt);
	n = vasprintf(&m, fmt, ap);
	va_end(ap);
	free(c->msg);
	c->msg = n < 0 ? NULL : m;
	c->failure = how;
	return ptc_fail(errnum, "%s", c->msg != NULL ? c->msg :
	    strerror(ENOMEM));
}

/* Fail with how, "what" and the reason of the library call that failed. */
static int
fail_with(struct ptc_trace_cli *c, int how, const char *what)
{
	return refuse(c, how, errno, "%s%s", what, ptc_error());
}

/* strace's message for a value an option does not take. */
static int
bad_arg(struct ptc_trace_cli *c, int opt, const char *lname, const char *arg)
{
	if (lname != NULL)
		return refuse(c, PTC_TCLI_USAGE, EINVAL,
		    "invalid --%s argument: '%s'", lname, arg);
	return refuse(c, PTC_TCLI_USAGE, EINVAL, "invalid -%c argument: '%s'",
	    opt, arg);
}

/* A warning, worded and framed as strace's. */
static void __attribute__((format(printf, 1, 2)))
warning(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", getprogname());
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

struct ptc_trace_cli *
ptc_trace_cli_new(void)
{
	struct ptc_trace_cli *c = calloc(1, sizeof(*c));

	if (c == NULL)
		return NULL;
	if ((c->tr = ptc__trace_alloc()) == NULL) {
		free(c);
		return NULL;
	}
	c->xlong = -1;
	c->so.stdin_fd = c->so.stdout_fd = c->so.stderr_fd = -1;
	c->o.fmt.strsize = 32;
	return c;
}

void
ptc_trace_cli_free(struct ptc_trace_cli *c)
{
	if (c == NULL)
		return;
	ptc_trace_free(c->tr);
	free(c->env);
	free(c->msg);
	free(c);
}

int
ptc_trace_cli_failure(const struct ptc_trace_cli *c, const char **msgp)
{
	*msgp = c->msg != NULL ? c->msg : ptc_error();
	return c->failure != 0 ? c->failure : PTC_TCLI_FAIL;
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

/* Apply "key=val" (key NULL: val as given) to the tracer now. */
static int
expr(struct ptc_trace_cli *c, const char *key, const char *val)
{
	static const char *const quiet_keys[] = { "quiet", "silent",
	    "silence", "q", NULL };
	static const char *const fds_keys[] = { "decode-fds", "decode-fd",
	    NULL };
	char *e = NULL;
	int rc;

	if (key != NULL && asprintf(&e, "%s=%s", key, val) == -1)
		return refuse(c, PTC_TCLI_FAIL, ENOMEM, "expression: %s",
		    strerror(ENOMEM));
	if (e != NULL)
		val = e;
	/* Which the checks against -y and -q must know of. */
	if (expr_is(val, fds_keys))
		c->ylong = 1;
	if (expr_is(val, quiet_keys))
		c->qlong = 1;
	rc = ptc_trace_expr(c->tr, val);
	free(e);
	if (rc == 0)
		return 0;
	/* strace points to -h for a bad syscall suffix only. */
	return fail_with(c, strncmp(ptc_error(), "incorrect personality",
	    21) == 0 ? PTC_TCLI_USAGE : PTC_TCLI_BAD, "");
}

/* -E: the environment with VAR=VAL set or VAR removed. */
static int
env_edit(struct ptc_trace_cli *c, const char *spec)
{
	char **env = c->env != NULL ? c->env : environ, **out;
	size_t n = 0, i, klen = strcspn(spec, "=");

	while (env[n] != NULL)
		n++;
	if ((out = calloc(n + 2, sizeof(*out))) == NULL)
		return refuse(c, PTC_TCLI_FAIL, ENOMEM, "environment: %s",
		    strerror(ENOMEM));
	for (i = 0, n = 0; env[i] != NULL; i++)
		if (strncmp(env[i], spec, klen) != 0 || env[i][klen] != '=')
			out[n++] = env[i];
	if (spec[klen] == '=')
		out[n++] = (char *)spec;
	out[n] = NULL;
	/* The strings belong to environ and argv; only the array is ours. */
	free(c->env);
	c->env = out;
	return 0;
}

/* -p: a pid or a list of them. */
static int
add_pids(struct ptc_trace_cli *c, const char *arg)
{
	char *copy, *tok, *save = NULL;
	int rc = 0;

	if ((copy = strdup(arg)) == NULL)
		return refuse(c, PTC_TCLI_FAIL, ENOMEM, "%s", strerror(ENOMEM));
	for (tok = strtok_r(copy, ", \t", &save); tok != NULL && rc == 0;
	    tok = strtok_r(NULL, ", \t", &save)) {
		if (c->npids == MAXPIDS)
			rc = refuse(c, PTC_TCLI_BAD, E2BIG,
			    "too many processes");
		else if (ptc_pid_parse(tok, &c->pids[c->npids]) != 0)
			rc = refuse(c, PTC_TCLI_BAD, EINVAL,
			    "Invalid process id: '%s'", tok);
		else
			c->npids++;
	}
	free(copy);
	return rc;
}

/* An option's value as a word of a NULL-ended table. */
struct word {
	const char *name;
	int val;
};

/* arg's value in tab, its case ignored with icase; -1 if none. */
static int
lookup(const struct word *tab, const char *arg, int icase)
{
	for (; tab->name != NULL; tab++)
		if ((icase ? strcasecmp : strcmp)(arg, tab->name) == 0)
			return tab->val;
	return -1;
}

static const struct word daemon_words[] = {
	{ "grandchild", 1 }, { "pgroup", 2 }, { "pgrp", 2 }, { "session", 3 },
	{ NULL, 0 },
};
/* 1 (-x): non-ASCII bytes in hex; 2 (-xx): all; 3: escapes in hex. */
static const struct word hex_words[] = {
	{ "all", 3 }, { "non-ascii", 2 }, { "non-ascii-chars", 1 },
	{ "none", 0 }, { NULL, 0 },
};
static const struct word xlat_words[] = {
	{ "raw", PTC_XLAT_RAW }, { "abbrev", PTC_XLAT_ABBREV },
	{ "verbose", PTC_XLAT_VERBOSE }, { NULL, 0 },
};

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

/*
 * A comma list of tokens, each "PREFIX:VALUE" or a bare VALUE, to
 * item(ctx, value, which): which is 1 or 2 for a token under the first
 * or second prefix (their case ignored with icase), 3 for a bare one.
 * -1 if item refused any.
 */
static int
each_item(const char *arg, const char *pfx1, const char *pfx2, int icase,
    int (*item)(void *, const char *, int), void *ctx)
{
	char *copy, *tok, *save = NULL;
	size_t n1 = strlen(pfx1), n2 = strlen(pfx2);
	int rc = 0;

	if ((copy = strdup(arg)) == NULL)
		return -1;
	for (tok = strtok_r(copy, ",", &save); tok != NULL;
	    tok = strtok_r(NULL, ",", &save)) {
		if ((icase ? strncasecmp : strncmp)(tok, pfx1, n1) == 0)
			rc |= item(ctx, tok + n1, 1);
		else if ((icase ? strncasecmp : strncmp)(tok, pfx2, n2) == 0)
			rc |= item(ctx, tok + n2, 2);
		else
			rc |= item(ctx, tok, 3);
	}
	free(copy);
	return rc;
}

/* --absolute-timestamps=[[format:]none|time|unix][,[precision:]UNIT] */
static int
ts_item(void *ctx, const char *tok, int which)
{
	struct ptc_trace_opts *o = ctx;
	int d;

	if ((which & 1) && strcasecmp(tok, "none") == 0)
		o->tstamp = -1;
	else if ((which & 1) && strcasecmp(tok, "time") == 0)
		o->tstamp = PTC_TS_TIME;
	else if ((which & 1) && strcasecmp(tok, "unix") == 0)
		o->tstamp = PTC_TS_UNIX;
	else if ((which & 2) && (d = precision(tok, -1)) >= 0 && *tok)
		o->tstamp_digits = d;
	else
		return -1;
	return 0;
}

/* --tips: [[id:]ID|random][,[format:]none|compact|full] */
static int
tips_item(void *ctx, const char *tok, int which)
{
	struct ptc_trace_cli *c = ctx;
	const char *e = NULL;

	if ((which & 1) && strcmp(tok, "random") == 0)
		c->tips_id = -1;
	else if ((which & 1) && *tok >= '0' && *tok <= '9' &&
	    (c->tips_id = (int)strtonum(tok, 0, INT_MAX, &e), e == NULL))
		;
	else if ((which & 2) && strcmp(tok, "none") == 0)
		c->tips = 0;
	else if ((which & 2) && strcmp(tok, "compact") == 0)
		c->tips = 2;
	else if ((which & 2) && strcmp(tok, "full") == 0)
		c->tips = 3;
	else
		return -1;
	return 0;
}

/*
 * -I: 1 anywhere, 2 waiting, 3 never, 4 never_tstp.  With 3 and 4 the
 * signals that would end the tracer are ignored, as strace ignores them
 * (its default for "-o FILE PROG"; 4 for -D) and ^Z too with 4; with 1
 * and 2 they detach every task and end the tracer, once the event at
 * hand is finished (the engine never acts on a signal mid-event).
 */
static const struct word intr_words[] = {
	{ "anywhere", 1 }, { "always", 1 }, { "waiting", 2 }, { "never", 3 },
	{ "never_tstp", 4 }, { NULL, 0 },
};

static int
parse_intr(const char *arg)
{
	const char *e = NULL;
	int v;

	if ((v = lookup(intr_words, arg, 0)) >= 0)
		return v;
	v = (int)strtonum(arg, 1, 4, &e);
	return e == NULL ? v : -1;
}

/* -S and -U are checked as they are read, as strace checks them. */
static int
check_summary(struct ptc_trace_cli *c, const char *sortby,
    const char *columns)
{
	struct ptc__stats st;
	int rc = ptc__stats_init(&st, columns, sortby, 0);

	ptc__stats_free(&st);
	return rc != 0 ? fail_with(c, PTC_TCLI_USAGE, "") : 0;
}

/* A long option that is a -e qualifier: --trace=SET is -e trace=SET. */
static int
long_qual(struct ptc_trace_cli *c, const char *name, const char *arg)
{
	if (strcmp(name, "quiet") == 0 || strcmp(name, "silent") == 0 ||
	    strcmp(name, "silence") == 0)
		return expr(c, "quiet", arg != NULL ? arg :
		    "attach,personality");
	if (strcmp(name, "decode-fds") == 0)
		return expr(c, "decode-fds", arg != NULL ? arg : "path");
	if (strcmp(name, "secontext") == 0)
		return expr(c, "secontext", arg != NULL ? arg : "!full");
	if (arg == NULL)
		return refuse(c, PTC_TCLI_USAGE, EINVAL,
		    "option '--%s' requires an argument", name);
	return expr(c, name, arg);
}

/* The options that only set a value or count. */
static int
simple_opt(struct ptc_trace_cli *c, int opt)
{
	switch (opt) {
	case 'A': c->o.append = 1; break;
	case 'd': c->o.debug = 1; break;
	case 'D': c->dflag++; break;
	case 'f': c->fshort++; break;
	case 'F': c->optF = 1; break;
	case 'i': c->o.print_ip = 1; break;
	case 'k': c->o.stack = 1; break;
	case 'n': c->o.scno = 1; break;
	case 'q': c->qshort++; break;
	case 't': c->tshort++; break;
	case 'w': c->o.wallclock = 1; break;
	case 'x': c->xshort++; break;
	case 'y': c->yshort++; break;
	case L_FOLLOW: c->flong = 1; break;
	case L_SEPARATELY: c->separately = 1; break;
	case L_SECCOMP: c->seccomp = 1; break;
	case L_JSON: c->o.json = 1; break;
	case L_KILL: c->o.kill_on_exit = 1; break;
	default: return 0;
	}
	return 1;
}

int
ptc_trace_cli_opt(struct ptc_trace_cli *c, int opt, const char *lname,
    const char *arg)
{
	const char *errstr = NULL;
	size_t i;
	int v;

	for (i = 0; opt == 0 && lname != NULL && i < NBITS(longonly); i++)
		if (strcmp(lname, longonly[i].name) == 0)
			opt = longonly[i].opt;
	if (opt == 0 && lname != NULL)
		return long_qual(c, lname, arg);
	if (simple_opt(c, opt))
		return 0;
	switch (opt) {
	case 'a':
		c->o.fmt.column = (unsigned)strtonum(arg, 0, INT_MAX, &errstr);
		if (errstr != NULL)
			return bad_arg(c, opt, lname, arg);
		/* strace's -a 0 pads nothing; 0 is the default here. */
		if (c->o.fmt.column == 0)
			c->o.fmt.column = 1;
		return 0;
	case 'b':
		if (strcmp(arg, "execve") != 0)
			return refuse(c, PTC_TCLI_BAD, EINVAL,
			    "Syscall '%s' for -b isn't supported", arg);
		c->o.detach_execve = 1;
		return 0;
	case 'c':
	case 'C':
		if (c->cflag != 0 && c->cflag != opt)
			return refuse(c, PTC_TCLI_USAGE, EINVAL, "-c/--summary-"
			    "only and -C/--summary are mutually exclusive");
		c->cflag = opt;
		c->o.summary = opt == 'c' ? 1 : 2;
		return 0;
	case L_DAEMONIZE:
		if ((v = arg == NULL ? 1 : lookup(daemon_words, arg, 1)) < 0)
			return bad_arg(c, opt, lname, arg);
		c->dlong = v;
		return 0;
	case 'e':
		return expr(c, NULL, arg);
	case 'E':
		return env_edit(c, arg);
	case 'I':
		if ((c->intr = parse_intr(arg)) <= 0)
			return bad_arg(c, opt, lname, arg);
		return 0;
	case 'o':
		c->o.outfile = arg;
		return 0;
	case 'O':
		if (ptc_trace_overhead_parse(arg, &c->o.overhead_ns) != 0)
			return bad_arg(c, opt, lname, arg);
		return 0;
	case 'p':
		return add_pids(c, arg);
	case 'P':
		if (c->npaths == PTC__PATHS_MAX)
			return refuse(c, PTC_TCLI_USAGE, E2BIG,
			    "too many -P options");
		c->paths[c->npaths++] = arg;
		return 0;
	case 'r':
		c->o.relative = 1;
		if ((c->o.relative_digits = precision(arg, 6)) < 0)
			return bad_arg(c, opt, lname, arg);
		return 0;
	case 's':
		c->o.fmt.strsize = (unsigned)strtonum(arg, 0, UINT_MAX / 4,
		    &errstr);
		if (errstr != NULL)
			return bad_arg(c, opt, lname, arg);
		return 0;
	case 'S':
		c->o.sortby = arg;
		c->sort_set = 1;
		return check_summary(c, arg, NULL);
	case L_TS:
		c->tlong = 1;
		if (c->o.tstamp == 0)
			c->o.tstamp = PTC_TS_TIME;
		if (each_item(arg != NULL ? arg : "format:time", "format:",
		    "precision:", 1, ts_item, &c->o) != 0)
			return bad_arg(c, opt, lname, arg);
		return 0;
	case 'T':
		c->o.durations = 1;
		if ((c->o.durations_digits = precision(arg, 6)) < 0)
			return bad_arg(c, opt, lname, arg);
		return 0;
	case 'u':
		c->user = arg;
		return 0;
	case 'U':
		c->o.summary_columns = arg;
		c->columns_set = 1;
		return check_summary(c, NULL, arg);
	case 'v':
		return expr(c, "abbrev", "none");
	case L_HEXSTR:
		if ((v = arg == NULL ? 3 : lookup(hex_words, arg, 0)) < 0)
			return bad_arg(c, opt, lname, arg);
		c->xlong = v;
		return 0;
	case 'X':
		if ((v = lookup(xlat_words, arg, 0)) < 0)
			return bad_arg(c, opt, lname, arg);
		c->o.fmt.xlat = v;
		return 0;
	case 'Y':
		return expr(c, "decode-pids", "comm");
	case L_PIDNS:
		return expr(c, "decode-pids", "pidns");
	case 'z':
	case 'Z':
		c->status = opt;
		c->zflags++;
		return 0;
	case L_TIPS:
		c->tips = 2;
		c->tips_id = -1;
		if (each_item(arg != NULL ? arg : "", "id:", "format:",
		    0, tips_item, c) != 0)
			return bad_arg(c, opt, lname, arg);
		return 0;
	default:
		return refuse(c, PTC_TCLI_USAGE, EINVAL, "unknown option");
	}
}

/* -D and -t, -x, -f, -F: the forms that exclude each other. */
static int
check_forms(struct ptc_trace_cli *c)
{
	if (c->dlong && c->dflag)
		return refuse(c, PTC_TCLI_BAD, EINVAL, "-D and --daemonize "
		    "cannot be provided simultaneously");
	if (c->dlong)
		c->dflag = c->dlong;
	if (c->nargs == 0 && c->dflag)
		return refuse(c, PTC_TCLI_USAGE, EINVAL, "PROG [ARGS] must be "
		    "specified with -D/--daemonize");
	if (c->dflag > 3)
		return refuse(c, PTC_TCLI_USAGE, EINVAL, "Too many -D's (%d), "
		    "maximum supported -D count is 3", c->dflag);
	c->so.detached = c->dflag;
	if (c->tshort && c->tlong)
		return refuse(c, PTC_TCLI_BAD, EINVAL, "-t and "
		    "--absolute-timestamps cannot be provided simultaneously");
	if (c->tshort) {
		c->o.tstamp = c->tshort >= 3 ? PTC_TS_UNIX : PTC_TS_TIME;
		c->o.tstamp_digits = c->tshort >= 2 ? 6 : 0;
	}
	if (c->o.tstamp < 0)
		c->o.tstamp = 0;
	if (c->xshort && c->xlong >= 0)
		return refuse(c, PTC_TCLI_BAD, EINVAL, "-x and --strings-in-hex "
		    "cannot be provided simultaneously");
	/* 1 (-x): non-ASCII bytes in hex; 2 (-xx): all; 3: escapes in hex. */
	if (c->xlong < 0)
		c->xlong = 0;
	c->o.fmt.xstyle = c->xshort >= 2 || c->xlong == 3 ? 2 :
	    c->xshort == 1 || c->xlong == 2 ? 1 : c->xlong == 1 ? 3 : 0;
	if (c->yshort && c->ylong)
		return refuse(c, PTC_TCLI_BAD, EINVAL, "-y and --decode-fds "
		    "cannot be provided simultaneously");
	if (c->yshort && expr(c, "decode-fds", c->yshort == 1 ? "path" :
	    "all") != 0)
		return -1;
	if (c->fshort && c->flong)
		return refuse(c, PTC_TCLI_BAD, EINVAL, "-f and --follow-forks "
		    "cannot be provided simultaneously");
	if (c->fshort >= 2 && c->separately)
		return refuse(c, PTC_TCLI_BAD, EINVAL, "-ff and "
		    "--output-separately cannot be provided simultaneously");
	/* As in strace, -f (once) overrides --output-separately. */
	if (c->fshort)
		c->separately = c->fshort >= 2;
	if (c->optF && (c->fshort || c->flong))
		warning("deprecated option -F ignored");
	else if (c->optF) {
		warning("option -F is deprecated, please use -f/--follow-forks "
		    "instead");
		c->flong = 1;
	}
	c->o.follow = c->fshort || c->flong ? 1 : 0;
	if (c->fshort >= 2 || c->separately)
		c->o.follow = c->o.follow ? 2 : 0;
	return 0;
}

/* -c and -C against what they make pointless or forbid. */
static int
check_summary_only(struct ptc_trace_cli *c)
{
	const struct {
		int given;
		const char *what;
	} moot[] = {
		{ c->o.print_ip, "-i/--instruction-pointer" },
		{ c->o.stack, "-k/--stack-traces" },
		{ c->o.scno, "-n/--syscall-number" },
		{ c->o.relative, "-r/--relative-timestamps" },
		{ c->o.tstamp, "-t/--absolute-timestamps" },
		{ c->o.durations, "-T/--syscall-times" },
		{ c->yshort || c->ylong, "-y/--decode-fds" },
	};
	size_t i;

	for (i = 0; i < NBITS(moot); i++)
		if (moot[i].given)
			warning("%s has no effect with -c/--summary-only",
			    moot[i].what);
	if (c->o.json)
		return refuse(c, PTC_TCLI_USAGE, EINVAL, "-c and --json cannot "
		    "be used together");
	return 0;
}

/* -o against -A, -ff and --output-separately. */
static int
check_output(struct ptc_trace_cli *c)
{
	const char *f = c->o.outfile;

	if (f == NULL) {
		if (c->separately && !c->o.follow)
			warning("--output-separately has no effect without "
			    "-o/--output");
		if (c->o.append)
			warning("-A/--output-append-mode has no effect without "
			    "-o/--output");
	} else if ((f[0] == '|' || f[0] == '!') && c->o.follow == 2) {
		return refuse(c, PTC_TCLI_USAGE, EINVAL, "piping the output and "
		    "-ff/--output-separately are mutually exclusive");
	} else if (c->o.follow == 2 && strlen(f) >= PATH_MAX -
	    sizeof(int) * 3) {
		/* Room for ".PID" after the name. */
		return refuse(c, PTC_TCLI_BAD, ENAMETOOLONG, "%s: %s", f,
		    strerror(ENAMETOOLONG));
	}
	return 0;
}

int
ptc_trace_cli_check(struct ptc_trace_cli *c, int nargs)
{
	struct ptc_trace_opts *o = &c->o;

	c->nargs = nargs;
	if (nargs == 0 && c->npids == 0)
		return refuse(c, PTC_TCLI_USAGE, EINVAL,
		    "must have PROG [ARGS] or -p PID");
	if (check_forms(c) != 0)
		return -1;
	if (c->seccomp && o->detach_execve) {
		warning("--seccomp-bpf is not enabled because it is not "
		    "compatible with -b");
		c->seccomp = 0;
	}
	if (c->seccomp && c->npids > 0 && nargs == 0)
		warning("--seccomp-bpf is not enabled for processes attached "
		    "with -p");
	if (c->seccomp && !o->follow && !c->separately)
		warning("--seccomp-bpf cannot be used without "
		    "-f/--follow-forks, disabling");
	if (o->follow == 2 && o->summary)
		return refuse(c, PTC_TCLI_USAGE, EINVAL, "(-c/--summary-only or "
		    "-C/--summary) and -ff/--output-separately are mutually "
		    "exclusive");
	if (o->wallclock && !o->summary)
		return refuse(c, PTC_TCLI_USAGE, EINVAL, "-w/--summary-wall-"
		    "clock must be given with (-c/--summary-only or "
		    "-C/--summary)");
	if (c->columns_set && !o->summary)
		return refuse(c, PTC_TCLI_USAGE, EINVAL, "-U/--summary-columns "
		    "must be given with (-c/--summary-only or -C/--summary)");
	if (c->sort_set && !o->summary)
		warning("-S/--summary-sort-by has no effect without "
		    "(-c/--summary-only or -C/--summary)");
	if (o->summary == 1 && check_summary_only(c) != 0)
		return -1;
	if (check_output(c) != 0)
		return -1;
	if (c->zflags > 1)
		warning("Only the last of -z/--successful-only/-Z/--failed-only "
		    "options will take effect. See status qualifier for more "
		    "complex filters.");
	if (c->status != 0 && expr(c, "status", c->status == 'z' ?
	    "successful" : "failed") != 0)
		return -1;
	/* strace (from 6.2, which has the option) refuses the two. */
	if (o->kill_on_exit && c->npids > 0)
		return refuse(c, PTC_TCLI_BAD, EINVAL, "--kill-on-exit and "
		    "-p/--attach are mutually exclusive options");
	if (c->user != NULL && (getuid() != 0 || geteuid() != 0))
		return refuse(c, PTC_TCLI_BAD, EPERM, "You must be root to use "
		    "the -u/--username option");
	c->so.user = c->user;
	/* strace's defaults: "-o FILE PROG" is quiet and not interruptible. */
	if (c->dflag && c->intr == 0)
		c->intr = 4;
	if (o->outfile != NULL && nargs > 0) {
		if (c->intr == 0)
			c->intr = 3;
		if (c->qshort == 0 && !c->qlong)
			c->qshort = 1;
	}
	o->killable = c->intr == 1;
	return 0;
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
	for (i = 0; i < NBITS(sigs); i++)
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

struct ptc_trace *
ptc_trace_cli_start(struct ptc_trace_cli *c, char *const argv[])
{
	struct ptc_trace *tr = c->tr;
	char what[64];
	size_t i;

	/*
	 * The program inherits the signal dispositions the tracer was given
	 * (strace's users ignore signals on purpose), so the cleanup
	 * handlers come after the spawn; without a program, before the
	 * attach.
	 */
	if (c->nargs == 0)
		ptc_cleanup_signals();
	if (ptc__trace_setup(tr, &c->o) != 0) {
		fail_with(c, errno == EINVAL ? PTC_TCLI_BAD : PTC_TCLI_FAIL,
		    "");
		return NULL;
	}
	for (i = 0; i < c->npaths; i++)
		if (ptc_trace_path(tr, c->paths[i]) != 0) {
			fail_with(c, PTC_TCLI_FAIL, "");
			return NULL;
		}
	/* -q, -qq, -qqq; strace checks this after -P's paths are resolved. */
	if (c->qshort && c->qlong) {
		refuse(c, PTC_TCLI_BAD, EINVAL, "-q and -e quiet/--quiet cannot "
		    "be provided simultaneously");
		return NULL;
	}
	if (c->qshort && expr(c, "quiet", c->qshort == 1 ?
	    "attach,personality" : c->qshort == 2 ?
	    "exit,attach,personality" : "all") != 0)
		return NULL;
	for (i = 0; i < c->npids; i++)
		if (ptc_trace_attach(tr, c->pids[i]) != 0) {
			snprintf(what, sizeof(what), "attach to process %d: ",
			    (int)c->pids[i]);
			fail_with(c, PTC_TCLI_FAIL, what);
			return NULL;
		}
	if (c->nargs > 0) {
		c->so.envp = c->env;
		if (ptc_trace_spawn(tr, argv, &c->so) != 0) {
			fail_with(c, PTC_TCLI_FAIL, "");
			return NULL;
		}
		ptc_cleanup_signals();
	}
	ignore_signals(c->intr);
	release_stdio();
	c->tr = NULL;
	return tr;
}

int
ptc_trace_cli_tip(const struct ptc_trace_cli *c, FILE *fp)
{
	if (c->tips == 0)
		return 0;
	return ptc_trace_tip(fp, c->tips_id, c->tips == 3);
}
