/*
 * test_trace.c: the tracing engine's pieces that do not need a tracee:
 * -e set parsing, the seccomp-bpf program (run for real in a child),
 * the -c table and strace's command line (lib/trace_cli.c).
 */
#include <sys/syscall.h>
#include <sys/wait.h>

#include <errno.h>
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sys/stat.h>

#include <cmocka.h>

#include "internal.h"
#include "trace_int.h"

#define NATIVE PTC__ARCH_NATIVE

static int
has(struct ptc__scset *set, const char *name)
{
	long nr = ptc_sc_lookup(NATIVE, name);

	assert_true(nr >= 0);
	return ptc__scset_has(set, NATIVE, (uint64_t)nr);
}

static void
test_names(void **state)
{
	struct ptc__scset set = { 0 };

	(void)state;
	assert_int_equal(ptc__scset_parse(&set, "openat,close"), 0);
	assert_true(has(&set, "openat"));
	assert_true(has(&set, "close"));
	assert_false(has(&set, "read"));
	/* a number past the table: every set traces it, as strace does */
	assert_true(ptc__scset_has(&set, NATIVE, 100000));
	assert_int_equal(ptc__scset_parse(&set, "!openat"), 0);
	assert_false(has(&set, "openat"));
	assert_true(has(&set, "read"));
	assert_true(ptc__scset_has(&set, NATIVE, 100000));
	assert_int_equal(ptc__scset_parse(&set, "none"), 0);
	assert_true(ptc__scset_has(&set, NATIVE, 100000));
	ptc__scset_free(&set);
}

/* strace's token forms: numbers, personalities, repeated !, class case. */
static void
test_token_forms(void **state)
{
	struct ptc__scset set = { 0 };
	long nr = ptc_sc_lookup(NATIVE, "close");
	char num[32];

	(void)state;
	snprintf(num, sizeof(num), "%ld", nr);
	assert_int_equal(ptc__scset_parse(&set, num), 0);
	assert_true(has(&set, "close"));
	assert_false(has(&set, "read"));
	/* "!!x" is x again */
	assert_int_equal(ptc__scset_parse(&set, "!!close"), 0);
	assert_true(has(&set, "close"));
	assert_false(has(&set, "read"));
	/*
	 * bare "stat" is the syscall (where the CPU has one, or its 32-bit
	 * personality: aarch64 has none, its arm tasks have one; without
	 * either it is no syscall name); the class is "%stat"
	 */
	if (ptc_sc_lookup(NATIVE, "stat") >= 0) {
		assert_int_equal(ptc__scset_parse(&set, "stat"), 0);
		assert_false(has(&set, "fstat"));
		assert_int_equal(ptc__scset_parse(&set, "%FSTAT"), 0);
		assert_false(has(&set, "stat"));
	} else if (PTC__ARCH_COMPAT != 0 &&
	    ptc_sc_lookup(PTC__ARCH_COMPAT, "stat") >= 0) {
		assert_int_equal(ptc__scset_parse(&set, "stat"), 0);
		assert_true(ptc__scset_has(&set, PTC__ARCH_COMPAT,
		    (uint64_t)ptc_sc_lookup(PTC__ARCH_COMPAT, "stat")));
		assert_false(has(&set, "fstat"));
		assert_int_equal(ptc__scset_parse(&set, "%FSTAT"), 0);
	} else {
		assert_int_equal(ptc__scset_parse(&set, "stat"), -1);
		assert_int_equal(ptc__scset_parse(&set, "%FSTAT"), 0);
	}
	assert_true(has(&set, "fstat"));
	/* legacy bare class names */
	assert_int_equal(ptc__scset_parse(&set, "desc"), 0);
	assert_true(has(&set, "close"));
	/* @64 keeps the native table, @32 the compat one */
#if defined(__i386__) || defined(__arm__)
	/* a 32-bit build's own personality is @32 */
	assert_int_equal(ptc__scset_parse(&set, "close@32"), 0);
#else
	assert_int_equal(ptc__scset_parse(&set, "close@64"), 0);
#endif
	assert_true(has(&set, "close"));
	assert_int_equal(ptc__scset_parse(&set, "getcwd@99"), -1);
	assert_string_equal(ptc_error(), "incorrect personality designator "
	    "'99' in qualification 'getcwd@99'");
	ptc__scset_free(&set);
}

/* The name lists of quiet=, decode-fds= ...: all, none, !, bad names. */
static void
test_bitsets(void **state)
{
	static const struct ptc__bitname names[] = {
		{ "path", 1 }, { "socket", 2 }, { "dev", 4 },
	};
	unsigned m;

	(void)state;
	assert_int_equal(ptc__bitset_parse("path,dev", names, 3, "decode-fds",
	    &m), 0);
	assert_int_equal(m, 5);
	assert_int_equal(ptc__bitset_parse("!path", names, 3, "decode-fds",
	    &m), 0);
	assert_int_equal(m, 6);
	assert_int_equal(ptc__bitset_parse("all", names, 3, "decode-fds", &m),
	    0);
	assert_int_equal(m, 7);
	assert_int_equal(ptc__bitset_parse("none", names, 3, "decode-fds",
	    &m), 0);
	assert_int_equal(m, 0);
	assert_int_equal(ptc__bitset_parse("path,sock", names, 3, "decode-fds",
	    &m), -1);
	assert_string_equal(ptc_error(), "invalid decode-fds 'sock'");
	assert_int_equal(ptc__bitset_parse("", names, 3, "decode-fds", &m),
	    -1);
	assert_string_equal(ptc_error(), "invalid decode-fds ''");
}

static void
test_regex_all_none(void **state)
{
	struct ptc__scset set = { 0 };

	(void)state;
	assert_int_equal(ptc__scset_parse(&set, "/^open"), 0);
	assert_true(has(&set, "openat"));
	assert_true(has(&set, "open_by_handle_at"));
	assert_false(has(&set, "close"));
	assert_int_equal(ptc__scset_parse(&set, "all"), 0);
	assert_true(ptc__scset_is_all(&set));
	assert_true(has(&set, "close"));
	assert_int_equal(ptc__scset_parse(&set, "none"), 0);
	assert_false(ptc__scset_is_all(&set));
	assert_false(has(&set, "close"));
	assert_int_equal(ptc__scset_parse(&set, "!none"), 0);
	assert_true(has(&set, "close"));
	ptc__scset_free(&set);
}

static void
test_errors(void **state)
{
	struct ptc__scset set = { 0 };

	(void)state;
	assert_int_equal(ptc__scset_parse(&set, "openat,nosuch"), -1);
	assert_int_equal(errno, EINVAL);
	assert_string_equal(ptc_error(), "invalid system call 'nosuch'");
	assert_int_equal(ptc__scset_parse(&set, "?nosuch,close"), 0);
	assert_true(has(&set, "close"));
	assert_int_equal(ptc__scset_parse(&set, "/("), -1);
	assert_int_equal(ptc__scset_parse(&set, "%nosuchclass"), -1);
	assert_int_equal(ptc__scset_parse(&set, ""), -1);
	ptc__scset_free(&set);
}

static void
test_status_signals(void **state)
{
	unsigned mask;
	uint64_t sigs;

	(void)state;
	assert_int_equal(ptc__status_parse("successful", &mask), 0);
	assert_int_equal(mask, PTC__ST_SUCCESSFUL);
	assert_int_equal(ptc__status_parse("!failed", &mask), 0);
	assert_int_equal(mask, PTC__ST_ALL & ~PTC__ST_FAILED);
	assert_int_equal(ptc__status_parse("failed,unfinished", &mask), 0);
	assert_int_equal(mask, PTC__ST_FAILED | PTC__ST_UNFINISHED);
	assert_int_equal(ptc__status_parse("great", &mask), -1);
	assert_int_equal(ptc__sigset_parse("SIGUSR1,chld,9", &sigs), 0);
	assert_true(sigs & (1ULL << (10 - 1)));
	assert_true(sigs & (1ULL << (17 - 1)));
	assert_true(sigs & (1ULL << (9 - 1)));
	assert_false(sigs & (1ULL << (2 - 1)));
	assert_int_equal(ptc__sigset_parse("!all", &sigs), 0);
	assert_true(sigs == 0);
	assert_int_equal(ptc__sigset_parse("SIGNOPE", &sigs), -1);
	/* strace takes numbers up to 255; those no signal has select nothing */
	assert_int_equal(ptc__sigset_parse("0,65,255", &sigs), 0);
	assert_true(sigs == 0);
	assert_int_equal(ptc__sigset_parse("256", &sigs), -1);
}

/*
 * The raw exit: a sanitizer's _exit() hook would look for leaks in the
 * child and make more syscalls under the filter.
 */
static void
child_exit(int code)
{
	syscall(SYS_exit_group, code);
}

/*
 * Install the program for "getppid" in a child that is not traced: a
 * syscall that should stop for a tracer fails with ENOSYS instead, the
 * others run.  Both the short form (traced listed) and the long form
 * (untraced listed) are checked.
 */
static void
run_filter(const char *spec, int getppid_traced)
{
	struct ptc__scset set = { 0 };
	struct sock_filter *prog;
	const uint8_t *bits;
	size_t n, len;
	pid_t pid;
	int st;

	assert_int_equal(ptc__scset_parse(&set, spec), 0);
	bits = ptc__scset_bits(&set, NATIVE, &n);
	assert_non_null(bits);
	assert_int_equal(ptc_os_seccomp_build(NATIVE, bits, n, &prog, &len), 0);
	assert_true(len > 8);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		long r;

		if (ptc_os_seccomp_install(prog, len) != 0)
			child_exit(10);
		errno = 0;
		r = syscall(SYS_getppid);
		if (getppid_traced != (r == -1 && errno == ENOSYS))
			child_exit(11);
		errno = 0;
		r = syscall(SYS_getuid);
		if (getppid_traced == (r == -1 && errno == ENOSYS))
			child_exit(12);
		child_exit(0);
	}
	assert_int_equal(waitpid(pid, &st, 0), pid);
	assert_true(WIFEXITED(st));
	assert_int_equal(WEXITSTATUS(st), 0);
	free(prog);
	ptc__scset_free(&set);
}

static void
test_seccomp(void **state)
{
	(void)state;
	run_filter("getppid", 1);
	/* the untraced numbers listed: exit_group must stay usable */
	run_filter("!getppid,exit_group", 0);
}

static void
test_stats_table(void **state)
{
	struct ptc__stats st = { 0 };
	struct timespec a = { 0, 300000 }, b = { 0, 100000 };
	char *buf = NULL;
	size_t len = 0;
	FILE *fp;
	long rd = ptc_sc_lookup(NATIVE, "read"), cl = ptc_sc_lookup(NATIVE,
	    "close");

	(void)state;
	assert_int_equal(ptc__stats_init(&st, NULL, NULL, 0), 0);
	ptc__stats_add(&st, NATIVE, (uint64_t)rd, 0, &a);
	ptc__stats_add(&st, NATIVE, (uint64_t)rd, 1, &a);
	ptc__stats_add(&st, NATIVE, (uint64_t)cl, 0, &b);
	fp = open_memstream(&buf, &len);
	assert_non_null(fp);
	ptc__stats_print(&st, fp);
	fclose(fp);
	assert_string_equal(buf,
	    "% time     seconds  usecs/call     calls    errors syscall\n"
	    "------ ----------- ----------- --------- --------- ----------------\n"
	    " 85.71    0.000600         300         2         1 read\n"
	    " 14.29    0.000100         100         1           close\n"
	    "------ ----------- ----------- --------- --------- ----------------\n"
	    "100.00    0.000700         233         3         1 total\n");
	free(buf);
	ptc__stats_free(&st);
}

static char *
stats_text(struct ptc__stats *st)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);

	assert_non_null(fp);
	ptc__stats_print(st, fp);
	fclose(fp);
	return buf;
}

/* -U lists and -S keys: aliases, and strace's messages for bad ones. */
static void
test_stats_options(void **state)
{
	struct ptc__stats st;

	(void)state;
	assert_int_equal(ptc__stats_init(&st, "count,time_total,longest",
	    "shortest", 0), 0);
	assert_int_equal(st.cols[0], PTC__CSC_CALLS);
	assert_int_equal(st.cols[1], PTC__CSC_TOTAL);
	assert_int_equal(st.cols[2], PTC__CSC_MAX);
	assert_int_equal(st.cols[3], PTC__CSC_NAME);
	assert_int_equal(st.cols[4], PTC__CSC_NONE);
	assert_int_equal(st.sortby, PTC__CSC_MIN);
	assert_int_equal(ptc__stats_init(&st, "syscall-name,time-avg",
	    "nothing", 0), 0);
	assert_int_equal(st.cols[0], PTC__CSC_NAME);
	assert_int_equal(st.cols[1], PTC__CSC_AVG);
	assert_int_equal(st.cols[2], PTC__CSC_NONE);
	assert_int_equal(st.sortby, PTC__CSC_NONE);
	assert_int_equal(ptc__stats_init(&st, "calls,nothing", NULL, 0), -1);
	assert_int_equal(errno, EINVAL);
	assert_string_equal(ptc_error(), "unknown column name: 'nothing'");
	assert_int_equal(ptc__stats_init(&st, "errors,calls,error", NULL, 0),
	    -1);
	assert_string_equal(ptc_error(), "call summary column has been "
	    "provided more than once: 'error' (-U option residual: 'error')");
	assert_int_equal(ptc__stats_init(&st, "calls,", NULL, 0), -1);
	assert_string_equal(ptc_error(), "unknown column name: ''");
	assert_int_equal(ptc__stats_init(&st, NULL, "Calls", 0), -1);
	assert_string_equal(ptc_error(), "invalid sortby: 'Calls'");
}

/* -O as strace reads it: integer or decimal, unit us unless given. */
static void
test_overhead_parse(void **state)
{
	static const struct {
		const char *s;
		long long ns;
	} ok[] = {
		{ "5", 5000 }, { "+5", 5000 }, { " 5", 5000 }, { "0", 0 },
		{ "1.5", 1500 }, { "1.5ms", 1500000 }, { "2s", 2000000000 },
		{ "2.5s", 2500000000LL }, { "7ns", 7 }, { "1e3", 1000000 },
		{ "0.0009us", 0 }, { "3us", 3000 }, { "1500000.5", 1500000500 },
		{ "9223372036854775807s", LLONG_MAX },
	};
	static const char *bad[] = {
		"", "-1", "1x", "5ss", "1.5e", "1e400", "ms", "1 ms", "inf",
		"-0.5", "5S",
	};
	long long ns;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
		ns = -1;
		assert_int_equal(ptc_trace_overhead_parse(ok[i].s, &ns), 0);
		if (ns != ok[i].ns)
			fail_msg("-O %s: %lld ns, not %lld", ok[i].s, ns,
			    ok[i].ns);
	}
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		if (ptc_trace_overhead_parse(bad[i], &ns) != -1)
			fail_msg("-O '%s' accepted", bad[i]);
		assert_int_equal(errno, EINVAL);
	}
	assert_string_equal(ptc_error(), "invalid -O argument: '5S'");
}

/*
 * The overhead comes off each call, never below 0; shortest and
 * longest (never narrower than 0.000000); columns in the order given, name last unless placed; the
 * widths grow with large numbers and long names; strace's doubles
 * truncate 249 us to 248.
 */
static void
test_stats_columns(void **state)
{
	struct ptc__stats st;
	struct timespec t1 = { 0, 1000000 }, t2 = { 0, 3000000 };
	struct timespec t3 = { 0, 249000 };
	long rd = ptc_sc_lookup(NATIVE, "read");
	long sg = ptc_sc_lookup(NATIVE, "sched_get_priority_max");
	char *buf;

	(void)state;
	assert_int_equal(ptc__stats_init(&st, "max-time,min-time,calls,"
	    "avg-time", "calls", 1500000), 0);
	ptc__stats_add(&st, NATIVE, (uint64_t)rd, 0, &t1);
	ptc__stats_add(&st, NATIVE, (uint64_t)rd, 0, &t2);
	ptc__stats_add(&st, NATIVE, (uint64_t)sg, 1, &t2);
	buf = stats_text(&st);
	assert_string_equal(buf,
	    " longest shortest     calls  usecs/call syscall\n"
	    "-------- -------- --------- ----------- -----------------------\n"
	    "0.001500 0.000000         2         750 read\n"
	    "0.001500 0.001500         1        1500 sched_get_priority_max\n"
	    "-------- -------- --------- ----------- -----------------------\n"
	    "0.001500 0.000000         3        1000 total\n");
	free(buf);
	ptc__stats_free(&st);

	assert_int_equal(ptc__stats_init(&st, "name,errors,total-time,"
	    "time-percent", "name", 0), 0);
	ptc__stats_add(&st, NATIVE, (uint64_t)rd, 1, &t3);
	st.a[0].st[rd].calls = 12345678901ULL;
	st.a[0].st[rd].errors = 1234567890123ULL;
	st.a[0].st[rd].time.tv_sec = 1234567;
	buf = stats_text(&st);
	assert_string_equal(buf,
	    "syscall                 errors        seconds % time\n"
	    "---------------- ------------- -------------- ------\n"
	    "read             1234567890123 1234567.000249 100.00\n"
	    "---------------- ------------- -------------- ------\n"
	    "total            1234567890123 1234567.000249 100.00\n");
	free(buf);
	ptc__stats_free(&st);

	assert_int_equal(ptc__stats_init(&st, "avg-time,calls", NULL, 0), 0);
	ptc__stats_add(&st, NATIVE, (uint64_t)rd, 0, &t3);
	buf = stats_text(&st);
	assert_non_null(strstr(buf, "        248         1 read\n"));
	free(buf);
	ptc__stats_free(&st);
}

/*
 * i386's socketcall and ipc subcalls: selected by their own names; the
 * seccomp program lets the multiplexer through when a subcall is
 * traced and knows nothing of the subcall rows; -c names them.
 */
static void
test_subcalls(void **state)
{
	struct ptc__scset set = { 0 };
	struct ptc__stats st = { 0 };
	struct timespec t = { 0, 1000 };
	uint8_t *bits;
	size_t n;
	char *buf = NULL;
	size_t len = 0;
	FILE *fp;

	(void)state;
#ifndef PTC_SC_i386
	skip();
#else
	assert_int_equal(ptc__scset_parse(&set, "send,socket"), 0);
	assert_true(ptc__scset_has(&set, AUDIT_ARCH_I386, 509));   /* send */
	assert_true(ptc__scset_has(&set, AUDIT_ARCH_I386, 501));   /* socket */
	assert_true(ptc__scset_has(&set, AUDIT_ARCH_I386, 359));   /* direct */
	assert_false(ptc__scset_has(&set, AUDIT_ARCH_I386, 510));  /* recv */
	assert_false(ptc__scset_has(&set, AUDIT_ARCH_I386, 102));
	bits = ptc__scset_seccomp_bits(&set, AUDIT_ARCH_I386, &n);
	assert_non_null(bits);
	assert_true(n > 440 && n < 500);
	assert_true(bits[102]);
	assert_false(bits[117]);
	assert_true(bits[359]);
	assert_false(bits[3]);
	free(bits);
	assert_int_equal(ptc__scset_parse(&set, "/^sem"), 0);
	bits = ptc__scset_seccomp_bits(&set, AUDIT_ARCH_I386, &n);
	assert_non_null(bits);
	assert_false(bits[102]);
	assert_true(bits[117]);
	free(bits);
	assert_int_equal(ptc__scset_parse(&set, "%network"), 0);
	assert_true(ptc__scset_has(&set, AUDIT_ARCH_I386, 510));
	assert_false(ptc__scset_has(&set, AUDIT_ARCH_I386, 522)); /* semop */
	ptc__scset_free(&set);
	assert_int_equal(ptc__stats_init(&st, NULL, "name", 0), 0);
	ptc__stats_add(&st, AUDIT_ARCH_I386, 509, 0, &t);
	ptc__stats_add(&st, AUDIT_ARCH_I386, 102, 1, &t);
	fp = open_memstream(&buf, &len);
	assert_non_null(fp);
	ptc__stats_print(&st, fp);
	fclose(fp);
	assert_non_null(strstr(buf, "         1           send\n"));
	assert_non_null(strstr(buf, "         1         1 socketcall\n"));
	free(buf);
	ptc__stats_free(&st);
#endif
}

/* One option into a fresh command line: how it is refused, and why. */
static int
refusal(int opt, const char *lname, const char *arg, const char *msg)
{
	struct ptc_trace_cli *c = ptc_trace_cli_new();
	const char *why;
	int how = 0;

	assert_non_null(c);
	if (ptc_trace_cli_opt(c, opt, lname, arg) != 0) {
		how = ptc_trace_cli_failure(c, &why);
		assert_string_equal(why, msg);
		assert_string_equal(ptc_error(), msg);
	}
	ptc_trace_cli_free(c);
	return how;
}

/* The options, then the checks of the whole line with nargs operands. */
static int
checked(int nargs, const char *msg, ...)
{
	struct ptc_trace_cli *c = ptc_trace_cli_new();
	const char *name, *arg, *why;
	va_list ap;
	int how = 0, opt;

	assert_non_null(c);
	va_start(ap, msg);
	while ((opt = va_arg(ap, int)) != -1) {
		name = va_arg(ap, const char *);
		arg = va_arg(ap, const char *);
		assert_int_equal(ptc_trace_cli_opt(c, opt, name, arg), 0);
	}
	va_end(ap);
	if (ptc_trace_cli_check(c, nargs) != 0) {
		how = ptc_trace_cli_failure(c, &why);
		assert_string_equal(why, msg);
	}
	ptc_trace_cli_free(c);
	return how;
}

static void
test_cli(void **state)
{
	char path[] = "/tmp/test_trace_cli.XXXXXX";
	char longname[PATH_MAX], *want;
	struct ptc_trace_cli *c;
	const char *why;
	struct stat st;
	int fd;

	(void)state;
	/* refused as read, each the way strace reports it */
	assert_int_equal(refusal('a', NULL, "x", "invalid -a argument: 'x'"),
	    PTC_TCLI_USAGE);
	assert_int_equal(refusal('a', "columns", "x",
	    "invalid --columns argument: 'x'"), PTC_TCLI_USAGE);
	assert_int_equal(refusal(0, "daemonize", "bad",
	    "invalid --daemonize argument: 'bad'"), PTC_TCLI_USAGE);
	assert_int_equal(refusal('e', NULL, "trace=nosuchcall",
	    "invalid system call 'nosuchcall'"), PTC_TCLI_BAD);
	assert_int_equal(refusal(0, "trace", "nosuchcall",
	    "invalid system call 'nosuchcall'"), PTC_TCLI_BAD);
	assert_int_equal(refusal('p', NULL, "12,abc",
	    "Invalid process id: 'abc'"), PTC_TCLI_BAD);
	assert_int_equal(refusal('b', NULL, "open",
	    "Syscall 'open' for -b isn't supported"), PTC_TCLI_BAD);
	assert_int_equal(refusal('S', NULL, "calls", ""), 0);
	assert_int_equal(refusal(0, "tips", "id:3,format:full", ""), 0);
	c = ptc_trace_cli_new();
	assert_non_null(c);
	assert_int_equal(ptc_trace_cli_opt(c, 'c', NULL, NULL), 0);
	assert_int_equal(ptc_trace_cli_opt(c, 'C', "summary", NULL), -1);
	assert_int_equal(ptc_trace_cli_failure(c, &why), PTC_TCLI_USAGE);
	assert_string_equal(ptc_error(), "-c/--summary-only and -C/--summary "
	    "are mutually exclusive");
	ptc_trace_cli_free(c);

	/* the checks once the line is read */
	assert_int_equal(checked(0, "must have PROG [ARGS] or -p PID", -1),
	    PTC_TCLI_USAGE);
	assert_int_equal(checked(1, "", 'f', NULL, NULL, 'f', NULL, NULL,
	    'o', NULL, "trace.out", -1), 0);
	assert_int_equal(checked(1, "piping the output and "
	    "-ff/--output-separately are mutually exclusive", 'f', NULL, NULL,
	    'f', NULL, NULL, 'o', NULL, "|cat", -1), PTC_TCLI_USAGE);
	assert_int_equal(checked(1, "-t and --absolute-timestamps cannot be "
	    "provided simultaneously", 't', NULL, NULL, 0,
	    "absolute-timestamps", NULL, -1), PTC_TCLI_BAD);
	assert_int_equal(checked(1, "-w/--summary-wall-clock must be given "
	    "with (-c/--summary-only or -C/--summary)", 'w', NULL, NULL, -1),
	    PTC_TCLI_USAGE);
	assert_int_equal(checked(1, "-y and --decode-fds cannot be provided "
	    "simultaneously", 'y', NULL, NULL, 'e', NULL, "decode-fds=path",
	    -1), PTC_TCLI_BAD);
	assert_int_equal(checked(1, "(-c/--summary-only or -C/--summary) and "
	    "-ff/--output-separately are mutually exclusive", 'c', NULL, NULL,
	    0, "output-separately", NULL, 0, "follow-forks", NULL, -1),
	    PTC_TCLI_USAGE);
	assert_int_equal(checked(0, "--kill-on-exit and -p/--attach are "
	    "mutually exclusive options", 0, "kill-on-exit", NULL, 'p', NULL,
	    "1", -1), PTC_TCLI_BAD);

	/* a message longer than ptc_error() holds is kept whole */
	memset(longname, 'a', sizeof(longname) - 1);
	longname[sizeof(longname) - 1] = '\0';
	assert_true(asprintf(&want, "%s: %s", longname,
	    strerror(ENAMETOOLONG)) > 0);
	assert_int_equal(checked(1, want, 'f', NULL, NULL, 'f', NULL, NULL,
	    'o', NULL, longname, -1), PTC_TCLI_BAD);
	free(want);

	/* a bad -e after -o: refused before the output is opened */
	fd = mkstemp(path);
	assert_true(fd >= 0);
	close(fd);
	unlink(path);
	c = ptc_trace_cli_new();
	assert_non_null(c);
	assert_int_equal(ptc_trace_cli_opt(c, 'o', NULL, path), 0);
	assert_int_equal(ptc_trace_cli_opt(c, 'e', NULL, "signal=NOSUCH"), -1);
	assert_int_equal(ptc_trace_cli_failure(c, &why), PTC_TCLI_BAD);
	assert_int_equal(stat(path, &st), -1);
	ptc_trace_cli_free(c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_token_forms),
		cmocka_unit_test(test_bitsets),
		cmocka_unit_test(test_regex_all_none),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_status_signals),
		cmocka_unit_test(test_seccomp),
		cmocka_unit_test(test_stats_table),
		cmocka_unit_test(test_stats_options),
		cmocka_unit_test(test_overhead_parse),
		cmocka_unit_test(test_stats_columns),
		cmocka_unit_test(test_subcalls),
		cmocka_unit_test(test_cli),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
