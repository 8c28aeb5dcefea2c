/*
 * test_step.c: the stepping engine on real tracees from tests/targets:
 * running to a breakpoint and on from it, a hit by a thread other than
 * the main one with every other thread stopped, fork children that
 * must not keep the breakpoint, single steps counted exactly, logging
 * breakpoints with the arguments of each call, and stepping over calls.
 */
#include <sys/prctl.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "ptcore.h"

static char dir[PATH_MAX];
static pid_t child = -1;
static int child_out = -1;	/* the read end of the child's stdout */

static void
target_dir(void)
{
	const char *d = getenv("PTOOLS_TARGETS");
	const char *b = getenv("B");

	if (d != NULL)
		snprintf(dir, sizeof(dir), "%s", d);
	else
		snprintf(dir, sizeof(dir), "%s/targets", b ? b : "build");
}

/* Run tests/targets/NAME with argument arg (may be NULL) until "ready". */
static pid_t
start(const char *name, const char *arg)
{
	char prog[PATH_MAX + 64], line[64];
	int fds[2];
	size_t n = 0;

	snprintf(prog, sizeof(prog), "%s/%s", dir, name);
	if (access(prog, X_OK) != 0)
		skip();
	assert_int_equal(pipe(fds), 0);
	child = fork();
	assert_true(child >= 0);
	if (child == 0) {
		prctl(PR_SET_PDEATHSIG, SIGKILL);
		dup2(fds[1], 1);
		close(fds[0]);
		close(fds[1]);
		execl(prog, prog, arg, (char *)NULL);
		_exit(127);
	}
	close(fds[1]);
	child_out = fds[0];
	/* One byte at a time: nothing after the line is taken from the pipe. */
	while (n < sizeof(line) - 1 && read(child_out, &line[n], 1) == 1 &&
	    line[n] != '\n')
		n++;
	line[n] = '\0';
	assert_memory_equal(line, "ready ", 6);
	return child;
}

/* The tracee is gone once the test ends, whatever happened. */
static int
teardown(void **state)
{
	(void)state;
	if (child > 0) {
		kill(child, SIGKILL);
		/*
		 * Every child and traced thread a failed test left: a
		 * leader is reaped only after its threads.
		 */
		while (waitpid(-1, NULL, __WALL) > 0 || errno == EINTR)
			;
	}
	if (child_out >= 0)
		close(child_out);
	child = -1;
	child_out = -1;
	return 0;
}

/*
 * The runtime address of a breakpoint on function name in process pid,
 * as the tools set it (past a ppc64 global entry).
 */
static uint64_t
sym_addr(pid_t pid, const char *name)
{
	struct ptc_target *tg = ptc_target_open(pid);
	uint64_t addr = 0;

	assert_non_null(tg);
	assert_int_equal(ptc_run_eval(tg, &name, 1, &addr), 0);
	ptc_target_close(tg);
	return addr;
}

static uint8_t
byte_at(pid_t pid, uint64_t addr)
{
	uint8_t b = 0;

	assert_int_equal(ptc_mem_read(pid, addr, &b, 1, PTC_MEM_AUTO), 1);
	return b;
}

/* TracerPid of thread tid (0: not traced, or gone meanwhile). */
static int
tracer_of(pid_t pid, pid_t tid)
{
	char path[96], line[256];
	int tracer = 0;
	FILE *fp;

	snprintf(path, sizeof(path), "/proc/%d/task/%d/status", (int)pid,
	    (int)tid);
	if ((fp = fopen(path, "r")) == NULL)
		return 0;
	while (fgets(line, sizeof(line), fp) != NULL)
		if (sscanf(line, "TracerPid: %d", &tracer) == 1)
			break;
	fclose(fp);
	return tracer;
}

/* No thread of pid is traced. */
static void
assert_untraced(pid_t pid)
{
	pid_t *tids;
	ssize_t n, i;

	n = ptc_pid_threads(pid, &tids);
	assert_true(n > 0);
	for (i = 0; i < n; i++)
		assert_int_equal(tracer_of(pid, tids[i]), 0);
	free(tids);
}

/*
 * Start tracee name (argument arg), attach to it (PTC_ATTACH_* flags),
 * write a breakpoint at symbol sym (*addr, its first byte was *orig)
 * and begin a run in *sp.
 */
static struct ptc_run *
run_on(const char *name, const char *arg, const char *sym, unsigned flags,
    struct ptc_session **sp, uint64_t *addr, uint8_t *orig)
{
	pid_t pid = start(name, arg);
	struct ptc_run *r;

	*addr = sym_addr(pid, sym);
	*orig = byte_at(pid, *addr);
	assert_non_null(*sp = ptc_session_new(PTC_TRACE_EXEC |
	    PTC_TRACE_FORKS));
	assert_int_equal(ptc_attach(*sp, pid, PTC_ATTACH_STOP | flags, NULL),
	    0);
	assert_int_equal(ptc_bp_insert(*sp, pid, *addr), 0);
	assert_non_null(r = ptc_run_new(*sp, pid, 0));
	return r;
}

/* The run and the session end; the tracee runs on, untraced. */
static void
run_off(struct ptc_session *s, struct ptc_run *r)
{
	ptc_run_free(r);
	ptc_session_free(s);
	assert_untraced(child);
	usleep(20000);
	assert_int_equal(waitpid(child, NULL, WNOHANG), 0);
}

/*
 * A hit: the main thread of step-loop stops at work() with its pc on
 * it; going on from there meets it again (the next call), and at the
 * release the bytes are the program's and the process runs on.
 */
static void
test_run_to_breakpoint(void **state)
{
	struct ptc_session *s;
	struct ptc_run_event ev;
	struct ptc_run *r;
	uint64_t work, pc;
	uint8_t orig;
	int i;

	(void)state;
	r = run_on("step-loop", NULL, "work", 0, &s, &work, &orig);
	for (i = 0; i < 3; i++) {
		assert_int_equal(ptc_run_next(r, &ev), 0);
		assert_int_equal(ev.kind, PTC_RUN_BREAK);
		assert_int_equal(ev.addr, work);
		assert_int_equal(ev.tid, child);
		assert_int_equal(ptc_pc_read(ev.task, &pc), 0);
		assert_int_equal(pc, work);
		/* still written while the run goes on from the hit */
		assert_int_not_equal(byte_at(child, work), orig);
	}
	assert_int_equal(ptc_run_release(r, ev.task), 0);
	assert_int_equal(byte_at(child, work), orig);
	assert_int_equal(ptc_bp_count(s), 0);
	run_off(s, r);
}

/*
 * step-spawn t: only new threads call tick(), so the hit is by a thread
 * created after the attach; every other thread is stopped then.
 */
/* Thread tid of process pid has exited or is exiting (or is gone). */
static bool
thread_exiting(pid_t pid, pid_t tid)
{
	char path[64], buf[512], *p;
	FILE *fp;
	size_t n;

	snprintf(path, sizeof(path), "/proc/%d/task/%d/stat", (int)pid,
	    (int)tid);
	if ((fp = fopen(path, "r")) == NULL)
		return true;
	n = fread(buf, 1, sizeof(buf) - 1, fp);
	fclose(fp);
	buf[n] = '\0';
	if ((p = strrchr(buf, ')')) == NULL || p[1] == '\0')
		return true;
	return p[2] == 'Z' || p[2] == 'X' || p[2] == 'x';
}

static void
test_hit_by_another_thread(void **state)
{
	struct ptc_session *s;
	struct ptc_run_event ev;
	struct ptc_task *o;
	struct ptc_run *r;
	uint64_t tick, pc;
	uint8_t orig;
	size_t i;

	(void)state;
	r = run_on("step-spawn", "t", "tick", PTC_ATTACH_THREADS, &s, &tick,
	    &orig);
	assert_int_equal(ptc_run_next(r, &ev), 0);
	assert_int_equal(ev.kind, PTC_RUN_BREAK);
	assert_int_equal(ev.addr, tick);
	assert_int_not_equal(ev.tid, child);
	assert_int_equal(ptc_task_tgid(ev.task), child);
	assert_int_equal(ptc_pc_read(ev.task, &pc), 0);
	assert_int_equal(pc, tick);
	/* every other thread is stopped, unless it is on its way out (a
	 * thread that is exiting cannot stop; its exit comes later) */
	for (i = 0; (o = ptc_session_task_at(s, i)) != NULL; i++)
		if (!ptc_task_stopped(o))
			assert_true(thread_exiting(child, ptc_task_pid(o)));
	assert_int_equal(ptc_run_release(r, ev.task), 0);
	assert_int_equal(ptc_session_ntasks(s), 1);
	assert_ptr_equal(ptc_session_task_at(s, 0), ev.task);
	assert_int_equal(byte_at(child, tick), orig);
	run_off(s, r);
}

/*
 * step-spawn f: each fork child calls tick() and must exit normally;
 * the parent says "child died" and exits 1 if one did not.  Every hit
 * is the parent's: the children run without the breakpoint.
 */
static void
test_fork_child_cleared(void **state)
{
	struct ptc_session *s;
	struct ptc_run_event ev;
	struct ptc_run *r;
	uint64_t tick;
	uint8_t orig;
	char buf[64];
	int i;

	(void)state;
	r = run_on("step-spawn", "f", "tick", 0, &s, &tick, &orig);
	for (i = 0; i < 5; i++) {
		assert_int_equal(ptc_run_next(r, &ev), 0);
		assert_int_equal(ev.kind, PTC_RUN_BREAK);
		assert_int_equal(ev.tid, child);
	}
	assert_int_equal(ptc_run_release(r, NULL), 0);
	assert_int_equal(byte_at(child, tick), orig);
	run_off(s, r);
	usleep(30000);
	fcntl(child_out, F_SETFL, O_NONBLOCK);
	assert_int_equal(read(child_out, buf, sizeof(buf)), -1);
	assert_int_equal(errno, EAGAIN);
}

/*
 * step-asm runs 11 instructions and exits 36 (each CPU's version): 10
 * steps and the exit syscall, which ends the process; its first step
 * ends the exec without running one.  With "t" its own
 * breakpoint instruction is a trap that counts as run, and it goes on.
 */
static void
step_asm(const char *arg, int *insns, int *traps, int *status)
{
	struct ptc_session *s = ptc_session_new(PTC_TRACE_EXEC |
	    PTC_TRACE_EXITKILL);
	char prog[PATH_MAX + 16];
	char *argv[] = { prog, (char *)arg, NULL };
	struct ptc_run_event rev;
	struct ptc_step_event ev;
	struct ptc_step *st;
	struct ptc_task *t;
	int n;

	snprintf(prog, sizeof(prog), "%s/step-asm", dir);
	if (access(prog, X_OK) != 0)
		skip();
	assert_int_equal(ptc_run_spawn(s, argv, 0, &t, &rev), 0);
	assert_non_null(t);
	assert_int_equal(rev.kind, PTC_RUN_EXEC);
	assert_non_null(st = ptc_step_new(s, t, NULL, PTC_STEP_AFTER_EXEC));
	*insns = *traps = 0;
	for (n = 0; n < 10000; n++) {
		assert_int_equal(ptc_step_one(st, &ev), 0);
		if (ev.kind == PTC_STEP_INSN) {
			assert_int_not_equal(ev.insn.size, 0);
			assert_int_equal(ev.insn.addr, ev.pc);
			assert_int_not_equal(ptc_regs_pc(ev.after), ev.pc);
			++*insns;
		}
		if (ev.kind == PTC_STEP_TRAP)
			++*traps;
		if (ev.kind == PTC_STEP_EXITED || ev.kind == PTC_STEP_KILLED)
			break;
	}
	assert_int_equal(ev.kind, PTC_STEP_EXITED);
	/* the last instruction, the exit syscall, ran too */
	assert_int_not_equal(ev.insn.size, 0);
	++*insns;
	*status = ev.status;
	ptc_step_free(st);
	ptc_session_free(s);
}

static void
test_step_counts(void **state)
{
	int insns, traps, status;

	(void)state;
	step_asm(NULL, &insns, &traps, &status);
	assert_int_equal(insns, 11);
	assert_int_equal(traps, 0);
	assert_int_equal(status, 36);
	step_asm("t", &insns, &traps, &status);
	assert_int_equal(traps, 1);
	assert_int_equal(status, 0);
}

/*
 * With PTC_RUN_FAULTS a run stops at a fault before the signal acts,
 * and going on delivers it: step-asm n reads 0x8 and dies of SIGSEGV.
 */
static void
test_run_to_fault(void **state)
{
	struct ptc_session *s = ptc_session_new(PTC_TRACE_EXEC |
	    PTC_TRACE_EXITKILL);
	char prog[PATH_MAX + 16];
	char *argv[] = { prog, "n", NULL };
	struct ptc_run_event ev;
	struct ptc_task *t;
	struct ptc_run *r;

	(void)state;
	snprintf(prog, sizeof(prog), "%s/step-asm", dir);
	if (access(prog, X_OK) != 0)
		skip();
	assert_int_equal(ptc_run_spawn(s, argv, 0, &t, &ev), 0);
	assert_non_null(t);
	assert_non_null(r = ptc_run_new(s, ptc_task_pid(t), PTC_RUN_FAULTS));
	assert_int_equal(ptc_run_next(r, &ev), 0);
	assert_int_equal(ev.kind, PTC_RUN_FAULT);
	assert_int_equal(ev.sig, SIGSEGV);
	assert_int_equal(ev.si.si_signo, SIGSEGV);
	assert_int_equal((uintptr_t)ev.si.si_addr, 8);
	assert_ptr_equal(ev.task, t);
	assert_int_equal(ptc_run_next(r, &ev), 0);
	assert_int_equal(ev.kind, PTC_RUN_KILLED);
	assert_int_equal(ev.sig, SIGSEGV);
	assert_null(ev.task);
	ptc_run_free(r);
	ptc_session_free(s);
}

/*
 * A task stopped on a breakpoint already is a hit at once, without
 * running; a program started to its entry stops there.
 */
static void
test_hit_at_start_and_entry(void **state)
{
	struct ptc_session *s = ptc_session_new(PTC_TRACE_EXEC |
	    PTC_TRACE_EXITKILL);
	char prog[PATH_MAX + 16];
	char *argv[] = { prog, NULL };
	struct ptc_run_event ev;
	struct ptc_task *t;
	struct ptc_run *r;
	pid_t pid = start("step-loop", NULL);
	uint64_t pc, entry;

	(void)state;
	assert_int_equal(ptc_attach(s, pid, PTC_ATTACH_STOP, &t), 0);
	assert_int_equal(ptc_pc_read(t, &pc), 0);
	assert_int_equal(ptc_bp_insert(s, pid, pc), 0);
	assert_non_null(r = ptc_run_new(s, pid, 0));
	assert_int_equal(ptc_run_next(r, &ev), 0);
	assert_int_equal(ev.kind, PTC_RUN_BREAK);
	assert_int_equal(ev.addr, pc);
	assert_true(ev.at_start);
	assert_int_equal(ptc_run_release(r, NULL), 0);
	ptc_run_free(r);
	ptc_session_free(s);
	assert_untraced(pid);

	snprintf(prog, sizeof(prog), "%s/step-hello", dir);
	if (access(prog, X_OK) != 0)
		skip();
	s = ptc_session_new(PTC_TRACE_EXEC | PTC_TRACE_EXITKILL);
	assert_int_equal(ptc_run_spawn(s, argv, PTC_RUN_ENTRY, &t, &ev), 0);
	assert_non_null(t);
	assert_int_equal(ev.kind, PTC_RUN_BREAK);
	assert_int_equal(ptc_exec_entry(ptc_task_pid(t), &entry), 0);
	assert_int_equal(ptc_pc_read(t, &pc), 0);
	assert_int_equal(pc, entry);
	assert_int_equal(ev.addr, entry);
	assert_int_equal(ptc_bp_count(s), 0);
	ptc_session_kill(s);
}

/* The instruction a stepper is about to run, and where it stands. */
static void
test_step_peek(void **state)
{
	struct ptc_session *s = ptc_session_new(0);
	struct ptc_step_event ev;
	struct ptc_insn in;
	struct ptc_step *st;
	struct ptc_task *t;
	pid_t pid = start("step-loop", NULL);
	uint64_t pc;
	int sc = -1, i;

	(void)state;
	assert_int_equal(ptc_attach(s, pid, PTC_ATTACH_STOP, &t), 0);
	assert_non_null(st = ptc_step_new(s, t, NULL, 0));
	for (i = 0; i < 20; i++) {
		pc = ptc_regs_pc(ptc_step_regs(st));
		assert_int_equal(ptc_step_peek(st, &in, &sc), 0);
		assert_int_equal(in.addr, pc);
		/* step-loop makes no syscall in its loop */
		assert_int_equal(sc, 0);
		assert_int_equal(ptc_step_one(st, &ev), 0);
		if (ev.kind != PTC_STEP_INSN)
			continue;
		assert_int_equal(ev.pc, pc);
		assert_memory_equal(&ev.insn, &in, sizeof(in));
		assert_int_equal(ptc_regs_pc(ptc_step_regs(st)),
		    ptc_regs_pc(ev.after));
	}
	assert_int_equal(ptc_step_signal(st), 0);
	ptc_step_free(st);
	ptc_session_free(s);
	assert_untraced(pid);
}

/* step-calls started to its entry, with a breakpoint at function fn. */
static struct ptc_run *
calls_at(struct ptc_session *s, const char *arg, const char *fn,
    unsigned flags, uint64_t *addr)
{
	char prog[PATH_MAX + 16];
	char *argv[] = { prog, (char *)arg, NULL };
	struct ptc_run_event ev;
	struct ptc_target *tg;
	struct ptc_task *t;
	struct ptc_run *r;

	snprintf(prog, sizeof(prog), "%s/step-calls", dir);
	if (access(prog, X_OK) != 0)
		skip();
	assert_int_equal(ptc_run_spawn(s, argv, PTC_RUN_ENTRY, &t, &ev), 0);
	assert_non_null(t);
	assert_non_null(tg = ptc_target_open(ptc_task_pid(t)));
	/* as the tools do: past a global entry where the CPU has one */
	assert_int_equal(ptc_run_eval(tg, &fn, 1, addr), 0);
	ptc_target_close(tg);
	assert_int_equal(ptc_bp_insert(s, ptc_task_pid(t), *addr), 0);
	assert_non_null(r = ptc_run_new(s, ptc_task_pid(t), flags));
	return r;
}

/*
 * A logging breakpoint reports every hit with the function's six
 * arguments, by the CPU's convention, and the run goes on from it.
 */
static void
test_run_log(void **state)
{
	struct ptc_session *s = ptc_session_new(PTC_TRACE_EXEC |
	    PTC_TRACE_EXITKILL | PTC_TRACE_FORKS);
	struct ptc_run_event ev;
	struct ptc_run *r;
	uint64_t sum6;
	int i;

	(void)state;
	r = calls_at(s, NULL, "sum6", 0, &sum6);
	assert_int_equal(ptc_run_log(r, sum6), 0);
	for (i = 1; i <= 10; i *= 10) {
		assert_int_equal(ptc_run_next(r, &ev), 0);
		assert_int_equal(ev.kind, PTC_RUN_LOG);
		assert_int_equal(ev.addr, sum6);
		assert_non_null(ev.regs);
		assert_int_equal(ptc_regs_pc(ev.regs), sum6);
		assert_int_equal(ev.args[0], 1 * i);
		assert_int_equal(ev.args[1], 2 * i);
		assert_int_equal(ev.args[2], 3 * i);
		assert_int_equal(ev.args[3], 4 * i);
		assert_int_equal(ev.args[4], 5 * i);
		assert_int_equal(ev.args[5], 6 * i);
	}
	assert_int_equal(ptc_run_next(r, &ev), 0);
	assert_int_equal(ev.kind, PTC_RUN_EXITED);
	assert_int_equal(ev.status, 95);
	ptc_run_free(r);
	ptc_session_free(s);
}

/*
 * Stepping over a recursive call ends where that call returns, not at
 * the first return of an inner one: same stack pointer as before the
 * call, and fact(4) = 24 in the return register.
 */
static void
test_step_over_recursion(void **state)
{
	struct ptc_session *s = ptc_session_new(PTC_TRACE_EXEC |
	    PTC_TRACE_EXITKILL | PTC_TRACE_FORKS);
	struct ptc_step_event ev;
	struct ptc_run_event re;
	struct ptc_step *st;
	struct ptc_insn in;
	struct ptc_run *r;
	const char *pcname, *ret;
	uint64_t fact, pc, sp, v;
	int i;

	(void)state;
	r = calls_at(s, NULL, "fact", 0, &fact);
	assert_int_equal(ptc_run_next(r, &re), 0);
	assert_int_equal(re.kind, PTC_RUN_BREAK);
	assert_int_equal(ptc_run_release(r, re.task), 0);
	ptc_run_free(r);
	assert_non_null(st = ptc_step_new(s, re.task, NULL, 0));
	for (i = 0; i < 40; i++) {
		assert_int_equal(ptc_step_peek(st, &in, NULL), 0);
		/*
		 * The recursive call (capstone groups aarch64's bl as a jump
		 * only; i386 PIC code first calls __x86.get_pc_thunk).
		 */
		if ((strcmp(in.mnemonic, "call") == 0 ||
		    strcmp(in.mnemonic, "bl") == 0) && in.target == fact)
			break;
		assert_int_equal(ptc_step_one(st, &ev), 0);
	}
	assert_true(i < 40);
	pc = ptc_regs_pc(ptc_step_regs(st));
	sp = ptc_regs_sp(ptc_step_regs(st));
	assert_int_equal(ptc_step_over(st, &ev), 0);
	assert_int_equal(ev.kind, PTC_STEP_INSN);
	assert_int_equal(ev.ran, 1);
	assert_int_equal(ev.pc, pc);
	assert_int_equal(ptc_regs_pc(ev.after), pc + in.size);
	assert_int_equal(ptc_regs_sp(ev.after), sp);
	assert_int_equal(ptc_regs_pc(ptc_step_regs(st)), pc + in.size);
	pcname = ptc_regs_pc_name(ev.after);
#if defined(__arm__)
#define PC_RESULT "r0"
#else
#define PC_RESULT "x0"
#endif
	ret = strcmp(pcname, "pc") == 0 ? PC_RESULT :
	    strcmp(pcname, "nip") == 0 ? "r3" :
	    strcmp(pcname, "eip") == 0 ? "eax" : "rax";
	assert_int_equal(ptc_regs_get(ev.after, ret, &v), 0);
	assert_int_equal(v, 24);
	/* The breakpoint at the return address is gone. */
	assert_int_equal(ptc_bp_count(s), 0);
	ptc_step_free(st);
	ptc_session_free(s);
}

/* SIGABRT and SIGSYS stop a run with PTC_RUN_FAULTS too. */
static void
test_run_abort_sigsys(void **state)
{
	static const char *const args[] = { "a", "y" };
	static const int sigs[] = { SIGABRT, SIGSYS };
	struct ptc_session *s;
	struct ptc_run_event ev;
	struct ptc_run *r;
	uint64_t main_addr;
	size_t i;

	(void)state;
	for (i = 0; i < 2; i++) {
		s = ptc_session_new(PTC_TRACE_EXEC | PTC_TRACE_EXITKILL);
		r = calls_at(s, args[i], "main", PTC_RUN_FAULTS, &main_addr);
		assert_int_equal(ptc_run_next(r, &ev), 0);
		assert_int_equal(ev.kind, PTC_RUN_BREAK);
		assert_int_equal(ptc_run_next(r, &ev), 0);
		assert_int_equal(ev.kind, PTC_RUN_FAULT);
		assert_int_equal(ev.sig, sigs[i]);
		assert_non_null(ev.regs);
		assert_int_equal(ptc_run_next(r, &ev), 0);
		assert_int_equal(ev.kind, PTC_RUN_KILLED);
		assert_int_equal(ev.sig, sigs[i]);
		ptc_run_free(r);
		ptc_session_free(s);
	}
}

/*
 * The origin of a fault: its source line in step-calls.c, then the
 * backtrace from main; in JSON, objects of those two events.
 */
static void
test_step_origin(void **state)
{
	struct ptc_session *s = ptc_session_new(PTC_TRACE_EXEC |
	    PTC_TRACE_EXITKILL);
	struct ptc_run_event ev;
	struct ptc_run *r;
	uint64_t main_addr;
	char *text = NULL;
	size_t len = 0;
	FILE *fp;
	int json;

	(void)state;
	r = calls_at(s, "b", "main", PTC_RUN_FAULTS, &main_addr);
	assert_int_equal(ptc_run_next(r, &ev), 0);
	assert_int_equal(ev.kind, PTC_RUN_BREAK);
	assert_int_equal(ptc_run_next(r, &ev), 0);
	assert_int_equal(ev.kind, PTC_RUN_FAULT);
	assert_int_equal(ev.sig, SIGBUS);
	for (json = 0; json < 2; json++) {
		assert_non_null(fp = open_memstream(&text, &len));
		assert_int_equal(ptc_step_origin(fp, ev.tid, ev.tid,
		    ptc_regs_pc(ev.regs), json), 0);
		assert_int_equal(fclose(fp), 0);
		assert_non_null(strstr(text, json ?
		    "{\"event\":\"source\",\"file\":\"tests/targets/step-calls.c\"" :
		    "source   tests/targets/step-calls.c:"));
		assert_non_null(strstr(text, json ?
		    "{\"event\":\"frame\",\"n\":0," : "\nframe    #0  0x"));
		assert_non_null(strstr(text, json ? "\"symbol\":\"main\"" :
		    "  main+0x"));
		free(text);
		text = NULL;
	}
	ptc_run_free(r);
	ptc_session_free(s);
}

/*
 * ptc_run_die ends the process by the signal even when the signal is
 * caught or blocked, and without a core dump.
 */
static void
test_run_die(void **state)
{
	static const int sigs[] = { SIGSEGV, SIGABRT, SIGTERM };
	struct sigaction sa = { .sa_handler = SIG_IGN };
	sigset_t set;
	size_t i;
	int st;
	pid_t p;

	(void)state;
	for (i = 0; i < 3; i++) {
		if ((p = fork()) == 0) {
			sigaction(sigs[i], &sa, NULL);
			sigemptyset(&set);
			sigaddset(&set, sigs[i]);
			sigprocmask(SIG_BLOCK, &set, NULL);
			ptc_run_die(sigs[i]);
			_exit(3);
		}
		assert_true(p > 0);
		assert_int_equal(waitpid(p, &st, 0), p);
		assert_true(WIFSIGNALED(st));
		assert_int_equal(WTERMSIG(st), sigs[i]);
		assert_false(WCOREDUMP(st));
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_run_to_breakpoint, teardown),
		cmocka_unit_test_teardown(test_hit_by_another_thread,
		    teardown),
		cmocka_unit_test_teardown(test_fork_child_cleared, teardown),
		cmocka_unit_test_teardown(test_run_to_fault, teardown),
		cmocka_unit_test_teardown(test_step_counts, teardown),
		cmocka_unit_test_teardown(test_hit_at_start_and_entry,
		    teardown),
		cmocka_unit_test_teardown(test_step_peek, teardown),
		cmocka_unit_test_teardown(test_run_log, teardown),
		cmocka_unit_test_teardown(test_step_over_recursion, teardown),
		cmocka_unit_test_teardown(test_run_abort_sigsys, teardown),
		cmocka_unit_test(test_run_die),
		cmocka_unit_test_teardown(test_step_origin, teardown),
	};

	target_dir();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
