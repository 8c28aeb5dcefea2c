/*
 * ptstrace: trace the system calls and signals of a program or of
 * running processes, with strace's options and output line for line,
 * plus JSON Lines (--json).  A -e trace= filter is enforced inside the
 * tracee by a seccomp-bpf program, so untraced syscalls never stop.
 * The work is done by the tracing engine of libptcore (lib/trace*.c).
 */
#include <err.h>
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sys/resource.h>

#include "ptcore.h"

#define MAXPIDS 256

/* Kept here, not on main's stack, so that err() exits leak nothing. */
static struct ptc_trace *tr;
static char **envcopy;

static void
usage(FILE *fp)
{
	fprintf(fp, "usage: %s [-CcDfhikqrTtVvwxyZz] [-b execve] "
	    "[-E VAR[=VAL]] [-e EXPR] [-o FILE]\n"
	    "\t[-O OVERHEAD] [-S SORTBY] [-s STRSIZE] [-U COLUMNS] [-u USER]\n"
	    "\t[--json] [--seccomp-bpf]\n"
	    "\t(-p PID[,PID...] | COMMAND [ARG...])\n", getprogname());
}

static void
bad_usage(const char *fmt, const char *arg)
{
	if (fmt != NULL) {
		fprintf(stderr, "%s: ", getprogname());
		fprintf(stderr, fmt, arg);
		fputc('\n', stderr);
	}
	usage(stderr);
	exit(2);
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
			bad_usage("invalid process id: '%s'", tok);
		(*npids)++;
	}
	free(copy);
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "json", no_argument, NULL, 'J' },
		{ "seccomp-bpf", no_argument, NULL, 'B' },
		{ "summary", no_argument, NULL, 'C' },
		{ "summary-columns", required_argument, NULL, 'U' },
		{ "summary-only", no_argument, NULL, 'c' },
		{ "summary-sort-by", required_argument, NULL, 'S' },
		{ "summary-syscall-overhead", required_argument, NULL, 'O' },
		{ "summary-wall-clock", no_argument, NULL, 'w' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	struct ptc_trace_opts o;
	struct ptc_spawn_opts so;
	const char *errstr = NULL;
	const char *exprs[64];
	pid_t pids[MAXPIDS];
	size_t nexprs = 0, npids = 0, i;
	int ch, li, rc, sig, zflag = 0, Zflag = 0;

	memset(&o, 0, sizeof(o));
	memset(&so, 0, sizeof(so));
	so.stdin_fd = so.stdout_fd = so.stderr_fd = -1;
	o.fmt.strsize = 32;
	while ((li = -1, ch = getopt_long(argc, argv, "+CDE:O:S:TU:VZb:ce:fhi"
	    "ko:p:qrs:tu:vwxyz", longopts, &li)) != -1) {
		switch (ch) {
		case 'B':
			break;
		case 'C':
			o.summary = 2;
			break;
		case 'D':
			so.detached = 1;
			break;
		case 'E':
			envcopy = env_edit(envcopy != NULL ? envcopy : environ,
			    optarg);
			break;
		case 'J':
			o.json = 1;
			break;
		case 'O':
			if (ptc_trace_overhead_parse(optarg, &o.overhead_ns)
			    != 0)
				bad_usage(li >= 0 ? "invalid "
				    "--summary-syscall-overhead argument: '%s'"
				    : "invalid -O argument: '%s'", optarg);
			break;
		case 'S':
			o.sortby = optarg;
			break;
		case 'T':
			o.durations = 1;
			break;
		case 'U':
			o.summary_columns = optarg;
			break;
		case 'V':
			printf("%s %s\n", getprogname(), ptc_version());
			return fflush(stdout) == 0 && !ferror(stdout) ? 0 : 1;
		case 'Z':
			Zflag = 1;
			break;
		case 'b':
			if (strcmp(optarg, "execve") != 0)
				bad_usage("syscall '%s' for -b isn't supported",
				    optarg);
			o.detach_execve = 1;
			break;
		case 'c':
			o.summary = 1;
			break;
		case 'e':
			if (nexprs == sizeof(exprs) / sizeof(exprs[0]))
				bad_usage("too many -e options", NULL);
			exprs[nexprs++] = optarg;
			break;
		case 'f':
			o.follow++;
			break;
		case 'h':
			usage(stdout);
			return fflush(stdout) == 0 && !ferror(stdout) ? 0 : 1;
		case 'i':
			o.print_ip = 1;
			break;
		case 'k':
			o.stack = 1;
			break;
		case 'o':
			o.outfile = optarg;
			break;
		case 'p':
			add_pids(optarg, pids, &npids);
			break;
		case 'q':
			o.quiet++;
			break;
		case 'r':
			o.relative = 1;
			break;
		case 's':
			o.fmt.strsize = (unsigned)strtonum(optarg, 0, 1 << 30,
			    &errstr);
			if (errstr != NULL)
				bad_usage("invalid -s argument: '%s'", optarg);
			break;
		case 't':
			o.tstamp++;
			break;
		case 'u':
			so.user = optarg;
			break;
		case 'v':
			o.fmt.verbose = 1;
			break;
		case 'w':
			o.wallclock = 1;
			break;
		case 'x':
			if (o.fmt.xstyle < 2)
				o.fmt.xstyle++;
			break;
		case 'y':
			if (o.fmt.decode_fds < 2)
				o.fmt.decode_fds++;
			break;
		case 'z':
			zflag = 1;
			break;
		default:
			bad_usage(NULL, NULL);
		}
	}
	argc -= optind;
	argv += optind;
	if (argc == 0 && npids == 0)
		bad_usage("must have PROG [ARGS] or -p PID", NULL);
	if (o.follow > 2)
		o.follow = 2;
	if (o.summary == 1 && o.json)
		bad_usage("-c and --json cannot be used together", NULL);

	ptc_cleanup_signals();
	if ((tr = ptc_trace_new(&o)) == NULL && errno == EINVAL)
		bad_usage("%s", ptc_error());
	if (tr == NULL)
		errx(1, "%s", ptc_error());
	if (zflag && ptc_trace_expr(tr, Zflag ? "status=successful,failed" :
	    "status=successful") != 0)
		errx(2, "%s", ptc_error());
	if (Zflag && !zflag && ptc_trace_expr(tr, "status=failed") != 0)
		errx(2, "%s", ptc_error());
	for (i = 0; i < nexprs; i++)
		if (ptc_trace_expr(tr, exprs[i]) != 0) {
			fprintf(stderr, "%s: %s\n", getprogname(), ptc_error());
			usage(stderr);
			exit(2);
		}
	for (i = 0; i < npids; i++)
		if (ptc_trace_attach(tr, pids[i]) != 0)
			errx(1, "attach to process %d: %s", (int)pids[i],
			    ptc_error());
	if (argc > 0) {
		so.envp = envcopy;
		if (ptc_trace_spawn(tr, argv, &so) != 0)
			errx(1, "%s", ptc_error());
	}
	rc = ptc_trace_run(tr, &sig);
	if (rc == -1)
		warnx("wait: %s", ptc_error());
	ptc_trace_free(tr);
	free(envcopy);
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
