/*
 * ptstrace: trace the system calls and signals of a program or of
 * running processes, with strace 6.1's command line and output line for
 * line, plus JSON Lines (--json).  A -e trace= filter is enforced inside
 * the tracee by a seccomp-bpf program, so untraced syscalls never stop.
 * This file reads argv; what the options mean, strace's checks and
 * messages and the tracer built from them are lib/trace_cli.c's.
 */
#include <err.h>
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>


#include "ptcore.h"
#include "common/cli.h"

/* Kept here, not on main's stack, so that err() exits leak nothing. */
static struct ptc_trace_cli *cl;
static struct ptc_trace *tr;

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
usage(void)
{
	printf(synopsis, getprogname());
	fputs(options, stdout);
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

/*
 * A long option without a short form returns 0, and the library knows
 * it by name; those that are -e qualifiers follow the others: --trace=SET
 * is -e trace=SET.
 */
static const struct option longopts[] = {
	{ "columns", required_argument, NULL, 'a' },
	{ "output-append-mode", no_argument, NULL, 'A' },
	{ "detach-on", required_argument, NULL, 'b' },
	{ "summary-only", no_argument, NULL, 'c' },
	{ "summary", no_argument, NULL, 'C' },
	{ "debug", no_argument, NULL, 'd' },
	{ "daemonize", optional_argument, NULL, 0 },
	{ "daemonised", optional_argument, NULL, 0 },
	{ "daemonized", optional_argument, NULL, 0 },
	{ "env", required_argument, NULL, 'E' },
	{ "follow-forks", no_argument, NULL, 0 },
	{ "output-separately", no_argument, NULL, 0 },
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
	{ "absolute-timestamps", optional_argument, NULL, 0 },
	{ "timestamps", optional_argument, NULL, 0 },
	{ "syscall-times", optional_argument, NULL, 'T' },
	{ "user", required_argument, NULL, 'u' },
	{ "summary-columns", required_argument, NULL, 'U' },
	{ "no-abbrev", no_argument, NULL, 'v' },
	{ "version", no_argument, NULL, 'V' },
	{ "summary-wall-clock", no_argument, NULL, 'w' },
	{ "strings-in-hex", optional_argument, NULL, 0 },
	{ "const-print-style", required_argument, NULL, 'X' },
	{ "pidns-translation", no_argument, NULL, 0 },
	{ "successful-only", no_argument, NULL, 'z' },
	{ "failed-only", no_argument, NULL, 'Z' },
	{ "failing-only", no_argument, NULL, 'Z' },
	{ "seccomp-bpf", no_argument, NULL, 0 },
	{ "tips", optional_argument, NULL, 0 },
	{ "json", no_argument, NULL, 0 },
	{ "kill-on-exit", no_argument, NULL, 0 },
	{ "trace", required_argument, NULL, 0 },
	{ "abbrev", required_argument, NULL, 0 },
	{ "verbose", required_argument, NULL, 0 },
	{ "raw", required_argument, NULL, 0 },
	{ "signal", required_argument, NULL, 0 },
	{ "signals", required_argument, NULL, 0 },
	{ "status", required_argument, NULL, 0 },
	{ "read", required_argument, NULL, 0 },
	{ "write", required_argument, NULL, 0 },
	{ "fault", required_argument, NULL, 0 },
	{ "inject", required_argument, NULL, 0 },
	{ "kvm", required_argument, NULL, 0 },
	{ "quiet", optional_argument, NULL, 0 },
	{ "silent", optional_argument, NULL, 0 },
	{ "silence", optional_argument, NULL, 0 },
	{ "decode-fds", optional_argument, NULL, 0 },
	{ "decode-pids", required_argument, NULL, 0 },
	{ "secontext", optional_argument, NULL, 0 },
	{ NULL, 0, NULL, 0 },
};

/* A refusal from the library, reported as strace reports it. */
static void __attribute__((noreturn))
refused(void)
{
	const char *msg;
	int how = ptc_trace_cli_failure(cl, &msg);

	if (how == PTC_TCLI_USAGE)
		bad_usage("%s", msg);
	errx(how == PTC_TCLI_FAIL ? 1 : 2, "%s", msg);
}

int
main(int argc, char *argv[])
{
	const char *name = getprogname(); /* for -V, as every tool says */
	int ch, li = -1, rc, sig;

	/* Messages name the program as it was called, as strace's do. */
	if (argc > 0 && argv[0] != NULL && argv[0][0] != '\0')
		program_invocation_short_name = argv[0];
	else
		program_invocation_short_name = (char *)"ptstrace";
	if ((cl = ptc_trace_cli_new()) == NULL)
		err(1, "tracer");
	while ((ch = getopt_long(argc, argv,
	    "+a:Ab:cCdDe:E:fFhiI:kno:O:p:P:qrs:S:tTu:U:vVwxX:yYzZ", longopts,
	    &li)) != -1) {
		const char *ln = li >= 0 ? longopts[li].name : NULL;

		li = -1;
		if (ch == 'h') {
			usage();
			cli_exit(0);
		} else if (ch == 'V') {
			printf("%s %s\n", name, ptc_version());
			cli_exit(0);
		} else if (ch == '?')
			bad_usage(NULL);
		if (ptc_trace_cli_opt(cl, ch, ln, optarg) != 0)
			refused();
	}
	argc -= optind;
	argv += optind;
	if (ptc_trace_cli_check(cl, argc) != 0 ||
	    (tr = ptc_trace_cli_start(cl, argv)) == NULL)
		refused();
	rc = ptc_trace_run(tr, &sig);
	if (rc == -1)
		warnx("wait: %s", ptc_error());
	ptc_trace_free(tr);
	ptc_trace_cli_tip(cl, stderr);
	ptc_trace_cli_free(cl);
	if (fflush(stdout) != 0 || ferror(stdout) || fflush(stderr) != 0)
		return 1;
	/* Die the way the program died, as strace does. */
	if (sig != 0)
		ptc_run_die(sig);
	return rc == -1 ? 1 : rc;
}
