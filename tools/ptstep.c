/*
 * ptstep: single-step a process and print every instruction it runs:
 * address, symbol+offset, bytes, disassembly, source lines.  -b runs at
 * full speed to a breakpoint first, -c to the end or a fault, -L logs
 * the calls of a function, -N steps over calls; faults are explained.
 * The process is detached at the end and runs on (or -k); a program
 * started by ptstep keeps its exit status, which ptstep returns.
 */
#include <err.h>
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ptcore.h"
#include "common/cli.h"

#define MAX_BP 64
static int cflag, jflag, kflag, Nflag, rflag, sflag, spawned;

static const struct cli_opt opts[] = {
	{ 'b', "break", "ADDR", "run to a breakpoint at ADDR first (repeatable)" },
	{ 'c', "continue", NULL, "run at full speed; explain a fault", &cflag },
	{ 'j', "json", NULL, "print JSON Lines", &jflag },
	{ 'k', "kill", NULL, "kill the process at the end", &kflag },
	{ 'L', "log", "ADDR", "log each call of ADDR, with its arguments (repeatable)" },
	{ 'N', "next", NULL, "step over calls", &Nflag },
	{ 'n', "count", "COUNT", "stop after COUNT instructions" },
	{ 'p', "pid", "PID", "attach to process PID" },
	{ 'r', "regs", NULL, "show the registers each instruction changed", &rflag },
	{ 's', "syscalls", NULL, "show each system call before it is made", &sflag },
	{ 'u', "until", "ADDR", "stop when the next instruction is at ADDR" },
	{ 0, NULL, NULL, NULL }
};
static const char *const synopsis[] = {
	"[-cjkNrs] [-b ADDR...] [-L ADDR...] [-n COUNT] [-u ADDR] "
	    "(-p PID | [--] CMD [ARG ...])",
	NULL
};
static const struct cli cli = { synopsis, opts, 1 };

static struct ptc_session *s;
static struct ptc_target *target;
static struct ptc_step *st;
static pid_t pid;
/* Stopped at the end of an exec, not run since (see ptc_step_new). */
static int after_exec;
/* The process is gone; the exit status it gives ptstep if started. */
static int gone, exit_code, death_sig;

/*
 * s for text output: symbol names and paths come from the process, so
 * they pass through the library's name escaper and no escape sequence
 * reaches the terminal.  Three calls may share one printf.
 */
static const char *
shown(const char *str)
{
	static char bufs[3][1024];
	static int next;

	next = (next + 1) % 3;
	return ptc_escape_name(bufs[next], sizeof(bufs[0]), str);
}

/* "main+0x4" (symbol), else "libc.so.6+0x1234" (module), else "?". */
static const char *
where(uint64_t addr)
{
	static char buf[256];

	ptc_step_where(target, addr, buf, sizeof(buf));
	return buf;
}

static void
json_str(const char *key, const char *str)
{
	printf(",\"%s\":", key);
	ptc_json_str(stdout, str, strlen(str));
}

static const char *
signame(int sig)
{
	return ptc_signame(sig) != NULL ? ptc_signame(sig) : "?";
}

/* A note line: "WORD    text", or a JSON object {"event":WORD,...}. */
static void __attribute__((format(printf, 3, 4)))
note(const char *word, uint64_t addr, const char *fmt, ...)
{
	char text[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(text, sizeof(text), fmt, ap);
	va_end(ap);
	if (jflag) {
		printf("{\"event\":\"%s\"", word);
		if (addr != 0) {
			printf(",\"addr\":\"0x%" PRIx64 "\"", addr);
			json_str("sym", where(addr));
		}
		json_str("text", text);
		printf("}\n");
	} else if (addr != 0)
		printf("%-8s 0x%" PRIx64 " %s %s\n", word, addr,
		    shown(where(addr)), text);
	else
		printf("%-8s %s\n", word, text);
}

/*
 * The instruction of a step: address, symbol, bytes, disassembly and,
 * with -r and regs set, the general registers it changed.
 */
static void
print_insn(const struct ptc_step_event *ev, int regs)
{
	const struct ptc_insn *in = &ev->insn;
	const struct ptc_reginfo *ri;
	const char *sep = jflag ? "" : "  ; ", *file;
	char bytes[2 * PTC_INSN_MAX + 1], text[200];
	size_t i;
	uint64_t v;
	int line, src = ptc_step_source(st, in->addr, &file, &line);

	for (i = 0; i < in->size; i++)
		snprintf(bytes + 2 * i, 3, "%02x", in->bytes[i]);
	bytes[2 * i] = '\0';
	snprintf(text, sizeof(text), "%s%s%s", in->mnemonic,
	    in->operands[0] ? " " : "", in->operands);
	if (src == 2 && !jflag)	/* as objdump -l: where a line starts */
		note("source", 0, "%s:%d", shown(file), line);
	if (jflag) {
		printf("{\"addr\":\"0x%" PRIx64 "\"", in->addr);
		json_str("sym", where(in->addr));
		json_str("bytes", bytes);
		json_str("insn", text);
		if (src > 0) {
			json_str("file", file);
			printf(",\"line\":%d", line);
		}
	} else
		printf("0x%-14" PRIx64 " %-24s %-20s %s", in->addr,
		    shown(where(in->addr)), bytes, text);
	if (rflag && regs) {
		fputs(jflag ? ",\"regs\":{" : "", stdout);
		for (i = 0; (ri = ptc_step_changed(ev, &i, &v)) != NULL;
		    sep = jflag ? "," : " ")
			printf(jflag ? "%s\"%s\":\"0x%" PRIx64 "\"" :
			    "%s%s=0x%" PRIx64, sep, ri->name, v);
		fputs(jflag ? "}" : "", stdout);
	}
	puts(jflag ? "}" : "");
}

/* A fault (r: NULL if unread): what and where, with insn the instruction. */
static void
print_fault(pid_t tid, const struct ptc_regs *r, const siginfo_t *si,
    int insn)
{
	struct ptc_fault f;

	if (r == NULL || ptc_fault_explain(tid, r, si, &f) != 0) {
		note("signal", 0, "%s", signame(si->si_signo));
		return;
	}
	if (jflag) {
		printf("{\"event\":\"fault\",\"signal\":\"%s\",\"pc\":\"0x%"
		    PRIx64 "\"", signame(si->si_signo), f.pc);
		json_str("sym", where(f.pc));
		printf(",\"kind\":\"%s\",\"addr\":\"0x%" PRIx64 "\",\"size\":%u",
		    ptc_fault_kind_name(f.kind), f.addr, f.size);
		json_str("insn", f.insn);
		json_str("reason", f.reason);
		json_str("where", f.where);
		printf("}\n");
	} else {
		printf("%-8s %s at 0x%" PRIx64 " %s: %s\n", "fault",
		    signame(f.sig), f.pc, shown(where(f.pc)), shown(f.reason));
		if (f.where[0] != '\0')
			printf("%-8s %s\n", "where", shown(f.where));
		if (insn)
			printf("%-8s %s\n", "insn", f.insn[0] ? f.insn :
			    "unreadable");
	}
	if (insn && ptc_step_origin(stdout, pid, tid, f.pc, jflag) != 0)
		warnx("thread %d: backtrace: %s", (int)tid, ptc_error());
}

/* The process ended: killed by sig, or (sig 0) exited with status. */
static void
report_end(int sig, int status, int core)
{
	gone = 1;
	death_sig = sig;
	if (sig != 0)
		note("killed", 0, "%s%s", signame(sig),
		    core ? " (core dumped)" : "");
	else
		note("exited", 0, "%d", status);
	exit_code = sig != 0 ? 128 + sig : status;
}

static void __attribute__((noreturn))
fail(void)
{
	errx(1, "process %d: %s", (int)pid, ptc_error());
}

/* A logged call: address, symbol, thread, six arguments. */
static void
log_call(const struct ptc_run_event *ev)
{
	static const char *const pre[2][6] = {
		{ " a0=", " a1=", " a2=", " a3=", " a4=", " a5=" },
		{ "\"", ",\"", ",\"", ",\"", ",\"", ",\"" } };
	char args[200];
	int i, k;

	for (i = k = 0; i < 6; i++)
		k += snprintf(args + k, sizeof(args) - (size_t)k, "%s0x%" PRIx64
		    "%s", pre[jflag][i], ev->args[i], jflag ? "\"" : "");
	if (!jflag) {
		note("call", ev->addr, "thread %d%s", (int)ev->tid, args);
		return;
	}
	printf("{\"event\":\"call\",\"addr\":\"0x%" PRIx64 "\"", ev->addr);
	json_str("sym", where(ev->addr));
	printf(",\"tid\":%d,\"args\":[%s]}\n", (int)ev->tid, args);
}

/*
 * Run the process at full speed until a task hits one of the -b
 * breakpoints; that task is returned, stopped there, with every
 * breakpoint removed and every other task detached.  On the way -L
 * breakpoints log and go on, and with -c faults are explained and let
 * act.  NULL when the process ended first or ptstep was interrupted.
 */
static struct ptc_task *
run_fast(const uint64_t *bps, const char *islog, size_t nbp)
{
	struct ptc_run_event ev = { 0 };
	struct ptc_run *r;
	size_t i, nb;
	int e;

	if ((r = ptc_run_new(s, pid, cflag ? PTC_RUN_FAULTS : 0)) == NULL)
		err(1, "malloc");
	for (i = nb = 0; i < nbp; i++)
		if (!islog[i])
			nb++;
		else if (ptc_run_log(r, bps[i]) != 0)
			err(1, "malloc");
	while ((e = ptc_run_next(r, &ev)) == 0) {
		if (ev.kind == PTC_RUN_LOG)
			log_call(&ev);
		else if (ev.kind == PTC_RUN_FAULT)
			print_fault(ev.tid, ev.regs, &ev.si, 1);
		else if (ev.kind == PTC_RUN_EXEC && (cflag || nb == 0))
			note("exec", 0, "process %d runs a new program, "
			    "without breakpoints", (int)ev.tid);
		else
			break;
	}
	if (e != 0 && errno != EINTR)
		fail();
	if (e == 0 && ev.kind == PTC_RUN_EXEC)
		errx(1, "process %d: executed a new program before "
		    "reaching a breakpoint", (int)pid);
	if (e == 0 && ev.kind != PTC_RUN_BREAK)
		report_end(ev.sig, ev.status, ev.core);
	if (e != 0 || ev.kind != PTC_RUN_BREAK)
		ev.task = NULL;
	else if (ptc_run_release(r, ev.task) != 0)
		fail();
	else
		note("break", ev.addr, "thread %d%s", (int)ev.tid,
		    ev.at_start ? " (stopped there already)" : "");
	after_exec &= ev.at_start;
	ptc_run_free(r);
	return ev.task;
}

static void
step_loop(struct ptc_task *t, uint64_t count, int have_until, uint64_t until)
{
	struct ptc_step_event ev;
	uint64_t n, pc, nr;
	pid_t tid = ptc_task_pid(t);
	char comm[64], *sc;

	if ((st = ptc_step_new(s, t, target, after_exec ?
	    PTC_STEP_AFTER_EXEC : 0)) == NULL)
		fail();
	for (n = 0; n < count && !ptc_cleanup_pending(); ) {
		pc = ptc_regs_pc(ptc_step_regs(st));
		if (have_until && pc == until) {
			note("until", pc, "reached");
			break;
		}
		if (sflag && (sc = ptc_step_syscall(st, &nr)) != NULL) {
			note("syscall", 0, "%s) [%" PRIu64 "]", sc, nr);
			free(sc);
		}
		if ((Nflag ? ptc_step_over(st, &ev) :
		    ptc_step_one(st, &ev)) != 0) {
			if (errno == EINTR)
				break;
			fail();
		}
		if (ev.insn.size > 0)
			print_insn(&ev, ev.ran);
		else if (ev.kind == PTC_STEP_INSN)
			note("insn", ev.pc, "unreadable");
		n += ev.ran;
		if (ev.kind == PTC_STEP_TRAP || ev.fault)
			print_fault(tid, ev.after, &ev.si, 0);
		else if (ev.kind == PTC_STEP_SIGNAL)
			note("signal", 0, "%s", signame(ev.sig));
		else if (ev.kind == PTC_STEP_EXEC)
			note("exec", 0, "process %d runs %s", (int)tid,
			    ptc_pid_comm(tid, comm, sizeof(comm)) == 0 ?
			    comm : "?");
		else if (ev.kind == PTC_STEP_STOPPED) {
			note("stopped", 0, "by %s", signame(ev.sig));
			break;
		} else if (ev.kind == PTC_STEP_EXITED ||
		    ev.kind == PTC_STEP_KILLED) {
			report_end(ev.sig, ev.status, ev.core);
			break;
		}
	}
	/* A signal that stopped the last step is delivered on detach. */
	if (!gone && ptc_step_signal(st) != 0)
		ptc_detach(s, t, ptc_step_signal(st));
	ptc_step_free(st);
	st = NULL;
}

int
main(int argc, char *argv[])
{
	const char *bexpr[MAX_BP], *uexpr = NULL, *errstr;
	uint64_t bps[MAX_BP], count = UINT64_MAX, until = 0;
	struct ptc_run_event ev;
	struct ptc_task *t;
	size_t nbp = 0, i;
	char islog[MAX_BP];
	int ch;

	while ((ch = cli_getopt(&cli, argc, argv)) != -1) {
		switch (ch) {
		case 'b':
		case 'L':
			if (nbp == MAX_BP)
				cli_usage_error(&cli, "more than 64 breakpoints");
			islog[nbp] = ch == 'L';
			bexpr[nbp++] = optarg;
			break;
		case 'n':
			count = (uint64_t)strtonum(optarg, 1, LLONG_MAX,
			    &errstr);
			if (errstr != NULL)
				cli_usage_error(&cli, "bad COUNT '%s'", optarg);
			break;
		case 'p':
			if (ptc_pid_parse(optarg, &pid) != 0)
				cli_usage_error(&cli, "bad PID '%s'", optarg);
			break;
		case 'u': uexpr = optarg; break;
		}
	}
	argc -= optind;
	argv += optind;
	if ((pid == 0) == (argc == 0))
		cli_usage_error(&cli, "%s", pid ?
		    "give -p PID or a command, not both" :
		    "no process: give -p PID or a command");
	ptc_cleanup_signals();
	if (!isatty(STDOUT_FILENO))
		setvbuf(stdout, NULL, _IOFBF, 1 << 16);
	/* Breakpoints (-N sets some) and -c's faults: every thread, child. */
	if ((s = ptc_session_new(PTC_TRACE_EXEC | PTC_TRACE_EXITKILL |
	    (nbp > 0 || cflag || Nflag ? PTC_TRACE_FORKS : 0))) == NULL)
		err(1, "malloc");
	if (argc > 0) {
		/* Libraries are loaded once the program's entry is reached. */
		if ((ch = ptc_run_spawn(s, argv, nbp > 0 ? PTC_RUN_ENTRY : 0,
		    &t, &ev)) != 0 && errno != EINTR)
			errx(1, "%s", ptc_error());
		pid = ev.tid;
		spawned = 1;
		after_exec = ev.kind == PTC_RUN_EXEC || ev.at_start;
		if (ch == 0 && t == NULL)
			report_end(ev.sig, ev.status, ev.core);
		if (t == NULL)
			goto done;
	} else if (ptc_pid_check(pid) != 0)
		fail();
	if ((target = ptc_target_open(pid)) == NULL)
		fail();
	if (ptc_run_eval(target, bexpr, nbp, bps) != 0)
		errx(1, "%s", ptc_error());
	if (uexpr != NULL && ptc_addr_eval(target, uexpr, &until) != 0)
		errx(1, "-u %s: %s", uexpr, ptc_error());
	if (!spawned) {
		/*
		 * A register in an expression is read through a session of
		 * the target's own, which must be gone before ours attaches.
		 * Breakpoints are in shared memory: every thread may hit one,
		 * including those created while we attach, which the attach
		 * traces from its start on.
		 */
		ptc_target_close(target);
		if (ptc_attach(s, pid, PTC_ATTACH_STOP | (nbp > 0 || cflag ?
		    PTC_ATTACH_THREADS : 0), &t) != 0 ||
		    (target = ptc_target_open(pid)) == NULL)
			fail();
	}
	for (i = 0; i < nbp; i++)
		if (ptc_bp_insert(s, pid, bps[i]) != 0)
			errx(1, "breakpoint %s: %s", bexpr[i], ptc_error());
	if ((nbp > 0 || cflag) && (t = run_fast(bps, islog, nbp)) == NULL)
		goto done;
	step_loop(t, count, uexpr != NULL, until);
done:
	if (fflush(stdout) != 0 || ferror(stdout)) {
		if (kflag)
			kill(pid, SIGKILL);
		err(1, "stdout");
	}
	if (gone)
		ptc_session_free(s);
	else
		exit_code = ptc_run_end(s, pid, spawned, kflag);
	ptc_target_close(target);
	if (ptc_cleanup_pending() && !spawned)
		return 128 + ptc_cleanup_pending();
	if (spawned && death_sig != 0)
		ptc_run_die(death_sig);
	cli_exit(spawned ? exit_code : 0);
}
