/*
 * test_bp.c: breakpoints in a real child: written and restored, hit and
 * rewound, refused on bad addresses, restored when the session ends.
 */
#include <sys/mman.h>
#include <sys/wait.h>

#include <errno.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "ptcore.h"

static volatile int data_word = 1;

__attribute__((noinline)) static void
target_fn(void)
{
	data_word++;
}

#if defined(__x86_64__) || defined(__i386__)
/*
 * A function whose first instruction hides ud2 (0f 0b) in its
 * immediate: entered one byte late, past an int3 that took the place
 * of its first byte, it dies of SIGILL instead of going on quietly.
 */
void probe_fn(void) __attribute__((visibility("hidden")));
__asm__(".text\n"
    ".globl probe_fn\n"
    ".type probe_fn, @function\n"
    "probe_fn:\n"
#ifdef __x86_64__
    "\tmovabs $0x0b0f0b0f0b0f0b0f, %rax\n"
#else
    "\tmov $0x0b0f0b0f, %eax\n"
#endif
    "\tret\n"
    ".size probe_fn, .-probe_fn\n");
#else
#define probe_fn target_fn
#endif

/*
 * The address of a function's first instruction: a Thumb function's
 * pointer has the low bit set (arm), which says the mode, not where.
 */
#if defined(__arm__)
#define FN_ADDR(f) ((uint64_t)(uintptr_t)(f) & ~(uint64_t)1)
#else
#define FN_ADDR(f) ((uint64_t)(uintptr_t)(f))
#endif

/* A child that calls fn every millisecond. */
static pid_t
caller_of(void (*fn)(void))
{
	pid_t pid = fork();

	if (pid == 0) {
		/* cmocka's handler must not run here. */
		signal(SIGILL, SIG_DFL);
		for (;;) {
			fn();
			data_word++;
			usleep(1000);
		}
	}
	usleep(20000);
	return pid;
}

/* A child that calls target_fn every millisecond. */
static pid_t
caller(void)
{
	return caller_of(target_fn);
}

/*
 * Where the tools put a breakpoint on fn in process pid: its first
 * instruction, or past a ppc64 global entry that the calls of an
 * optimised child skip.
 */
static uint64_t
bp_addr(pid_t pid, void (*fn)(void))
{
	char expr[32];
	const char *e = expr;
	struct ptc_target *tg = ptc_target_open(pid);
	uint64_t a = 0;

	snprintf(expr, sizeof(expr), "%#llx", (unsigned long long)FN_ADDR(fn));
	assert_non_null(tg);
	assert_int_equal(ptc_run_eval(tg, &e, 1, &a), 0);
	ptc_target_close(tg);
	return a;
}

static void
reap_child(pid_t pid)
{
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
}

static uint8_t
byte_at(pid_t pid, uint64_t addr)
{
	uint8_t b = 0;

	assert_int_equal(ptc_mem_read(pid, addr, &b, 1, PTC_MEM_AUTO), 1);
	return b;
}

static void
test_insert_hit_restore(void **state)
{
	struct ptc_session *s = ptc_session_new(0);
	struct ptc_task *t;
	struct ptc_event ev;
	pid_t pid = caller();
	uint64_t fn = bp_addr(pid, target_fn), addr = 0, pc;
	uint8_t orig = byte_at(pid, fn), buf[4];

	(void)state;
	assert_int_equal(ptc_attach(s, pid, PTC_ATTACH_STOP, &t), 0);
	assert_int_equal(ptc_bp_insert(s, pid, fn), 0);
	assert_int_equal(ptc_bp_count(s), 1);
	assert_true(ptc_bp_at(s, fn));
	assert_int_not_equal(byte_at(pid, fn), orig);
	/* the disassembler view shows the original byte */
	assert_int_equal(ptc_mem_read(pid, fn, buf, 4, PTC_MEM_AUTO), 4);
	ptc_bp_unpatch(s, fn, buf, 4);
	assert_int_equal(buf[0], orig);
	assert_int_equal(ptc_bp_insert(s, pid, fn), -1);
	assert_int_equal(errno, EEXIST);

	assert_int_equal(ptc_resume(t, PTC_RESUME_CONT, 0), 0);
	do {
		assert_int_equal(ptc_wait_task(s, t, &ev), 0);
		if (ev.type == PTC_EV_STEP)
			break;
		ptc_resume(t, PTC_RESUME_CONT, ev.type == PTC_EV_SIGNAL ?
		    ev.sig : 0);
	} while (1);
	assert_int_equal(ptc_bp_hit(s, t, &ev, &addr), 1);
	assert_int_equal(addr, fn);
	assert_int_equal(ptc_pc_read(t, &pc), 0);
	assert_int_equal(pc, fn);

	assert_int_equal(ptc_bp_remove(s, fn), 0);
	assert_int_equal(byte_at(pid, fn), orig);
	assert_int_equal(ptc_bp_remove(s, fn), -1);
	assert_int_equal(errno, ENOENT);
	/* a removed breakpoint is still recognised (another thread's hit) */
	assert_int_equal(ptc_bp_count(s), 0);
	ptc_session_free(s);
	reap_child(pid);
}

static void
test_bad_addresses(void **state)
{
	struct ptc_session *s = ptc_session_new(0);
	struct ptc_task *t;
	pid_t pid = caller();

	(void)state;
	assert_int_equal(ptc_attach(s, pid, PTC_ATTACH_STOP, &t), 0);
	assert_int_equal(ptc_bp_insert(s, pid, 0x10), -1);
	assert_int_equal(errno, EFAULT);
	assert_int_equal(ptc_bp_insert(s, pid,
	    (uint64_t)(uintptr_t)&data_word), -1);
	assert_int_equal(errno, EACCES);
	assert_non_null(strstr(ptc_error(), "not executable"));
	ptc_session_free(s);
	reap_child(pid);
}

static void
test_session_free_restores(void **state)
{
	struct ptc_session *s = ptc_session_new(0);
	struct ptc_task *t;
	pid_t pid = caller();
	uint64_t fn = bp_addr(pid, target_fn);
	uint8_t orig = byte_at(pid, fn);

	(void)state;
	assert_int_equal(ptc_attach(s, pid, PTC_ATTACH_STOP, &t), 0);
	assert_int_equal(ptc_bp_insert(s, pid, fn), 0);
	ptc_session_free(s);
	assert_int_equal(byte_at(pid, fn), orig);
	/* still alive: it did not run into a stray breakpoint */
	usleep(20000);
	assert_int_equal(waitpid(pid, NULL, WNOHANG), 0);
	reap_child(pid);
}

/* The state letter of /proc/PID/stat ('t': stopped by its tracer). */
static char
proc_state(pid_t pid)
{
	char path[64], buf[512], *p;
	FILE *fp;

	snprintf(path, sizeof(path), "/proc/%d/stat", (int)pid);
	if ((fp = fopen(path, "r")) == NULL)
		return '?';
	buf[0] = '\0';
	if (fgets(buf, sizeof(buf), fp) == NULL)
		buf[0] = '\0';
	fclose(fp);
	p = strrchr(buf, ')');
	return p != NULL && p[1] == ' ' ? p[2] : '?';
}

/*
 * A thread that hits a breakpoint while the session ends, its stop not
 * yet reported: the detach takes the stop and puts the pc back on the
 * (restored) instruction, so the process runs on as before (x86 would
 * resume past int3, in the middle of the instruction: SIGILL here).
 */
static void
test_session_free_after_unreported_hit(void **state)
{
	struct ptc_session *s = ptc_session_new(0);
	struct ptc_task *t;
	pid_t pid = caller_of(probe_fn);
	uint64_t fn = bp_addr(pid, probe_fn);
	int before = 0, after = 0, i;

	(void)state;
	assert_int_equal(ptc_attach(s, pid, PTC_ATTACH_STOP, &t), 0);
	assert_int_equal(ptc_bp_insert(s, pid, fn), 0);
	assert_int_equal(ptc_resume(t, PTC_RESUME_CONT, 0), 0);
	/* It calls target_fn every millisecond: stopped there by now. */
	for (i = 0; i < 200 && proc_state(pid) != 't'; i++)
		usleep(5000);
	assert_int_equal(proc_state(pid), 't');
	assert_int_equal(ptc_mem_read(pid, (uint64_t)(uintptr_t)&data_word,
	    &before, sizeof(before), PTC_MEM_AUTO), (ssize_t)sizeof(before));
	ptc_session_free(s);
	usleep(50000);
	assert_int_equal(waitpid(pid, NULL, WNOHANG), 0);
	assert_int_equal(ptc_mem_read(pid, (uint64_t)(uintptr_t)&data_word,
	    &after, sizeof(after), PTC_MEM_AUTO), (ssize_t)sizeof(after));
	assert_true(after > before);
	reap_child(pid);
}

static void
test_fault_explain(void **state)
{
	struct ptc_session *s = ptc_session_new(0);
	struct ptc_regs *r = ptc_regs_new();
	struct ptc_task *t;
	struct ptc_event ev;
	struct ptc_fault f;
	pid_t pid;

	(void)state;
	pid = fork();
	if (pid == 0) {
		volatile int *volatile p = (volatile int *)(uintptr_t)16;

		/*
		 * The test's own SIGSEGV handler (cmocka's, ASan's) must not
		 * run here when the fault repeats after the detach.
		 */
		signal(SIGSEGV, SIG_DFL);
		raise(SIGSTOP);
		*p = 1;
		_exit(0);
	}
	waitpid(pid, NULL, WSTOPPED);
	assert_int_equal(ptc_attach(s, pid, 0, &t), 0);
	kill(pid, SIGCONT);
	do {
		assert_int_equal(ptc_wait_task(s, t, &ev), 0);
		if (ev.type == PTC_EV_SIGNAL && ev.sig == SIGSEGV)
			break;
		ptc_resume(t, PTC_RESUME_CONT, 0);
	} while (1);
	assert_int_equal(ptc_regs_fetch(r, t, 0), 0);
	assert_int_equal(ptc_fault_explain(pid, r, &ev.si, &f), 0);
	assert_int_equal(f.kind, PTC_FAULT_NULL);
	assert_int_equal(f.addr, 16);
	assert_int_equal(f.size, 4);
	assert_true(f.write);
	assert_string_equal(f.reason, "NULL-pointer write of 0x10 (size 4)");
	assert_string_equal(ptc_fault_kind_name(f.kind), "null");
	ptc_regs_free(r);
	ptc_session_kill(s);
	reap_child(pid);
}

/* 1 if the bytes decode, in architecture arch, to a syscall instruction. */
static int
is_syscall(const char *arch, const void *code, size_t len)
{
	struct ptc_dis *d = ptc_dis_open(arch, 0);
	struct ptc_insn in;
	int r;

	assert_non_null(d);
	assert_int_equal(ptc_dis_one(d, code, len, 0x1000, &in), len);
	r = ptc_insn_is_syscall(d, &in);
	ptc_dis_close(d);
	return r;
}

/* 1 if the bytes decode, in architecture arch, to a breakpoint. */
static int
is_breakpoint(const char *arch, const void *code, size_t len)
{
	struct ptc_dis *d = ptc_dis_open(arch, 0);
	struct ptc_insn in;
	int r;

	assert_non_null(d);
	assert_int_equal(ptc_dis_one(d, code, len, 0x1000, &in), len);
	r = ptc_insn_is_breakpoint(d, &in);
	ptc_dis_close(d);
	return r;
}

/*
 * The syscall instructions of the code this library's CPU runs: its own
 * and, on x86_64, the 32-bit ones; anything else is not one.
 */
static void
test_syscall_insn(void **state)
{
	(void)state;
#if defined(__aarch64__)
	assert_int_equal(is_syscall(NULL, "\x01\x00\x00\xd4", 4), 1);
	assert_int_equal(is_syscall(NULL, "\x21\x00\x00\xd4", 4), 0);
	assert_int_equal(is_syscall(NULL, "\x00\x00\x20\xd4", 4), 0);
	assert_int_equal(is_syscall(NULL, "\x1f\x20\x03\xd5", 4), 0);
	/* x86 code is not this CPU's */
	assert_int_equal(is_syscall("x86_64", "\x0f\x05", 2), 0);
#elif defined(__powerpc64__) && defined(__LITTLE_ENDIAN__)
	/* sc, scv 0; trap and nop are not */
	assert_int_equal(is_syscall(NULL, "\x02\x00\x00\x44", 4), 1);
	assert_int_equal(is_syscall(NULL, "\x01\x00\x00\x44", 4), 1);
	assert_int_equal(is_syscall(NULL, "\x08\x00\xe0\x7f", 4), 0);
	assert_int_equal(is_syscall(NULL, "\x00\x00\x00\x60", 4), 0);
#elif defined(__arm__)
	/* svc #0 in ARM code, then in Thumb code; svc #1 is not one */
	assert_int_equal(is_syscall(NULL, "\x00\x00\x00\xef", 4), 1);
	assert_int_equal(is_syscall(NULL, "\x01\x00\x00\xef", 4), 0);
	assert_int_equal(is_syscall("thumb", "\x00\xdf", 2), 1);
	assert_int_equal(is_syscall("thumb", "\x01\xdf", 2), 0);
	assert_int_equal(is_syscall("thumb", "\x00\xbf", 2), 0);
	assert_int_equal(is_syscall("x86_64", "\x0f\x05", 2), 0);
#else
#if defined(__x86_64__)
	assert_int_equal(is_syscall(NULL, "\x0f\x05", 2), 1);
	/* int 0x80 in 64-bit code makes a 32-bit syscall: not by these
	 * registers */
	assert_int_equal(is_syscall(NULL, "\xcd\x80", 2), 0);
	assert_int_equal(is_syscall(NULL, "\x90", 1), 0);
#endif
	assert_int_equal(is_syscall("i386", "\xcd\x80", 2), 1);
	assert_int_equal(is_syscall("i386", "\x0f\x34", 2), 1);
	assert_int_equal(is_syscall("i386", "\xcd\x03", 2), 0);
	assert_int_equal(is_syscall("i386", "\xcc", 1), 0);
	assert_int_equal(is_syscall("aarch64", "\x01\x00\x00\xd4", 4), 0);
#endif
	/* bytes that do not decode */
	assert_int_equal(is_syscall("aarch64", "\xff\xff\xff\xff", 4), 0);
}

/* Breakpoint instructions of the code this library's CPU runs. */
static void
test_breakpoint_insn(void **state)
{
	(void)state;
#if defined(__aarch64__)
	assert_int_equal(is_breakpoint(NULL, "\x00\x00\x20\xd4", 4), 1);
	/* brk #0x3e8 */
	assert_int_equal(is_breakpoint(NULL, "\x00\x7d\x20\xd4", 4), 1);
	/* svc #0, hlt #0 */
	assert_int_equal(is_breakpoint(NULL, "\x01\x00\x00\xd4", 4), 0);
	assert_int_equal(is_breakpoint(NULL, "\x00\x00\x40\xd4", 4), 0);
	assert_int_equal(is_breakpoint("x86_64", "\xcc", 1), 0);
#elif defined(__powerpc64__) && defined(__LITTLE_ENDIAN__)
	/* trap (tw 31,0,0) and td 31,0,0 */
	assert_int_equal(is_breakpoint(NULL, "\x08\x00\xe0\x7f", 4), 1);
	assert_int_equal(is_breakpoint(NULL, "\x88\x00\xe0\x7f", 4), 1);
	/* sc; tw 4,0,0 (trap if equal) is conditional */
	assert_int_equal(is_breakpoint(NULL, "\x02\x00\x00\x44", 4), 0);
	assert_int_equal(is_breakpoint(NULL, "\x08\x00\x80\x7c", 4), 0);
#elif defined(__arm__)
	/* the kernel's udf of each instruction set; udf #0 is not it */
	assert_int_equal(is_breakpoint(NULL, "\xf0\x01\xf0\xe7", 4), 1);
	assert_int_equal(is_breakpoint("thumb", "\x01\xde", 2), 1);
	assert_int_equal(is_breakpoint("thumb", "\x00\xde", 2), 0);
	assert_int_equal(is_breakpoint(NULL, "\x00\x00\x00\xef", 4), 0);
	assert_int_equal(is_breakpoint("x86_64", "\xcc", 1), 0);
#else
	assert_int_equal(is_breakpoint(NULL, "\xcc", 1), 1);
	assert_int_equal(is_breakpoint(NULL, "\xcd\x03", 2), 1);
	assert_int_equal(is_breakpoint(NULL, "\xcd\x80", 2), 0);
	assert_int_equal(is_breakpoint(NULL, "\x90", 1), 0);
	assert_int_equal(is_breakpoint("aarch64", "\x00\x00\x20\xd4", 4),
	    0);
#endif
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_insert_hit_restore),
		cmocka_unit_test(test_bad_addresses),
		cmocka_unit_test(test_session_free_restores),
		cmocka_unit_test(test_session_free_after_unreported_hit),
		cmocka_unit_test(test_fault_explain),
		cmocka_unit_test(test_syscall_insn),
		cmocka_unit_test(test_breakpoint_insn),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
