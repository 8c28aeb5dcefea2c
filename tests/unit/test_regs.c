/*
 * test_regs.c: the register layer against a real stopped child: names,
 * parts and flags, atomic stores, FP/SSE blocks, the syscall a thread
 * is in or about to make.  Expectations are exact for each CPU.
 */
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

#include <linux/audit.h>

#include "ptcore.h"

static pid_t
sleeper(void)
{
	pid_t pid = fork();

	if (pid == 0) {
		for (;;)
			pause();
	}
	usleep(20000);
	return pid;
}

static void
reap_child(pid_t pid)
{
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
}

#if defined(__aarch64__)
static void
test_table(void **state)
{
	const struct ptc_reginfo *ri;
	size_t i, general = 0;

	(void)state;
	/* x0-x30 sp pc pstate, w0-w30 fp lr wsp, n z c v, v0-v31 fpsr fpcr */
	assert_int_equal(ptc_reg_count(), 106);
	for (i = 0; (ri = ptc_reg_at(i)) != NULL; i++)
		if (ri->kind == PTC_REG_GENERAL)
			general++;
	assert_int_equal(general, 34);
	assert_string_equal(ptc_reg_at(0)->name, "x0");
	assert_string_equal(ptc_reg_at(33)->name, "pstate");
	assert_null(ptc_reg_at(ptc_reg_count()));
	ri = ptc_reg_lookup("w3");
	assert_non_null(ri);
	assert_int_equal(ri->size, 4);
	assert_int_equal(ri->kind, PTC_REG_PART);
	ri = ptc_reg_lookup("lr");
	assert_int_equal(ri->size, 8);
	ri = ptc_reg_lookup("z");
	assert_int_equal(ri->bits, 1);
	ri = ptc_reg_lookup("v3");
	assert_int_equal(ri->size, 16);
	assert_int_equal(ri->kind, PTC_REG_SSE);
	ri = ptc_reg_lookup("fpcr");
	assert_int_equal(ri->size, 4);
	assert_null(ptc_reg_lookup("rax"));
	assert_null(ptc_reg_lookup("nope"));
}

static void
test_decode(void **state)
{
	char buf[128];

	(void)state;
	assert_int_equal(ptc_reg_decode("pstate", 0x60000000, buf,
	    sizeof(buf)), 0);
	assert_string_equal(buf, "[ Z C EL0 ]");
	assert_int_equal(ptc_reg_decode("pstate", 0x80001000, buf,
	    sizeof(buf)), 0);
	assert_string_equal(buf, "[ N SSBS EL0 ]");
	assert_int_equal(ptc_reg_decode("pstate", 0, buf, sizeof(buf)), 0);
	assert_string_equal(buf, "[ EL0 ]");
	assert_int_equal(ptc_reg_decode("fpsr", 0x08000001, buf, sizeof(buf)),
	    0);
	assert_string_equal(buf, "[ QC IOC ]");
	assert_int_equal(ptc_reg_decode("fpcr", 0, buf, sizeof(buf)), 0);
	assert_string_equal(buf, "[ ]");
	assert_int_equal(ptc_reg_decode("fpcr", 0x02c00000, buf, sizeof(buf)),
	    0);
	assert_string_equal(buf, "[ DN RM=zero ]");
	assert_int_equal(ptc_reg_decode("x0", 0, buf, sizeof(buf)), -1);
}

static void
test_parts_and_store(void **state)
{
	struct ptc_session *s = ptc_session_new(0);
	struct ptc_regs *r = ptc_regs_new(), *r2 = ptc_regs_new();
	struct ptc_task *t;
	pid_t pid = sleeper();
	uint64_t v;

	(void)state;
	assert_int_equal(ptc_attach(s, pid, PTC_ATTACH_STOP, &t), 0);
	assert_int_equal(ptc_regs_fetch(r, t, 0), 0);
	/* FP registers were not fetched */
	assert_int_equal(ptc_regs_get(r, "fpsr", &v), -1);
	assert_int_equal(errno, ENODATA);
	assert_int_equal(ptc_regs_set(r, "x19", 0x1122334455667788ULL), 0);
	assert_int_equal(ptc_regs_set(r, "x20", 7), 0);
	assert_int_equal(ptc_regs_set(r, "c", 1), 0);
	assert_int_equal(ptc_regs_set(r, "w21", 0x100000000ULL), -1);
	assert_int_equal(errno, ERANGE);
	assert_int_equal(ptc_regs_store(r, t), 0);

	assert_int_equal(ptc_regs_fetch(r2, t, 0), 0);
	assert_string_equal(ptc_regs_pc_name(r2), "pc");
	assert_string_equal(ptc_regs_arch(r2), "aarch64");
	assert_int_equal(ptc_regs_get(r2, "w19", &v), 0);
	assert_int_equal(v, 0x55667788);
	assert_int_equal(ptc_regs_get(r2, "x20", &v), 0);
	assert_int_equal(v, 7);
	assert_int_equal(ptc_regs_get(r2, "c", &v), 0);
	assert_int_equal(v, 1);
	assert_int_equal(ptc_regs_get(r2, "pstate", &v), 0);
	assert_int_equal((v >> 29) & 1, 1);
	assert_int_equal(ptc_reg_read(t, "w19", &v), 0);
	assert_int_equal(v, 0x55667788);
	assert_int_equal(ptc_reg_write(t, "w19", 0xabcd), 0);
	assert_int_equal(ptc_reg_read(t, "x19", &v), 0);
	assert_int_equal(v, 0x112233440000abcdULL);
	assert_int_equal(ptc_reg_read(t, "fp", &v), 0);
	assert_int_equal(ptc_regs_get(r2, "x29", &v), 0);
	assert_int_equal(ptc_sp_read(t, &v), 0);
	assert_int_equal(v, ptc_regs_sp(r2));
	/*
	 * Stopped by the attach in the middle of pause(): the kernel has
	 * moved the pc back onto svc #0 to restart it and forgotten the
	 * number (NT_ARM_SYSTEM_CALL is -1), unlike x86's orig_rax.
	 */
	assert_int_equal(ptc_regs_syscall(r2, &v, NULL), 0);

	ptc_regs_free(r);
	ptc_regs_free(r2);
	ptc_session_free(s);
	reap_child(pid);
}

static void
test_sse(void **state)
{
	struct ptc_session *s = ptc_session_new(0);
	struct ptc_regs *r = ptc_regs_new();
	struct ptc_task *t;
	pid_t pid = sleeper();
	unsigned char in[16], out[32];
	uint64_t v;
	int i;

	(void)state;
	for (i = 0; i < 16; i++)
		in[i] = (unsigned char)(0xa0 + i);
	assert_int_equal(ptc_attach(s, pid, PTC_ATTACH_STOP, &t), 0);
	assert_int_equal(ptc_regs_fetch(r, t, PTC_REGS_FP), 0);
	/* round to nearest, no traps: the default */
	assert_int_equal(ptc_regs_get(r, "fpcr", &v), 0);
	assert_int_equal(v, 0);
	assert_int_equal(ptc_regs_set_bytes(r, "v7", in, sizeof(in)), 0);
	assert_int_equal(ptc_regs_store(r, t), 0);
	assert_int_equal(ptc_regs_fetch(r, t, PTC_REGS_FP), 0);
	assert_int_equal(ptc_regs_get_bytes(r, "v7", out, sizeof(out)), 16);
	assert_memory_equal(in, out, 16);
	assert_int_equal(ptc_regs_get(r, "v7", &v), -1);
	assert_int_equal(errno, EINVAL);
	ptc_regs_free(r);
	ptc_session_free(s);
	reap_child(pid);
}

#define SC_NR "x8"
static const char *const sc_args[] = { "x0", "x1", "x2", "x3", "x4", "x5" };
#define SC_AUDIT AUDIT_ARCH_AARCH64
/* glibc's pause() where the kernel has no pause syscall */
#define PAUSE_NAME "ppoll"
#else /* x86 */
static void
test_table(void **state)
{
	const struct ptc_reginfo *ri;
	size_t i, general = 0;

	(void)state;
	assert_true(ptc_reg_count() > 100);
	for (i = 0; (ri = ptc_reg_at(i)) != NULL; i++)
		if (ri->kind == PTC_REG_GENERAL)
			general++;
	assert_int_equal(general, 27);
	assert_null(ptc_reg_at(ptc_reg_count()));
	ri = ptc_reg_lookup("ah");
	assert_non_null(ri);
	assert_int_equal(ri->size, 1);
	ri = ptc_reg_lookup("zf");
	assert_int_equal(ri->bits, 1);
	ri = ptc_reg_lookup("ymm3");
	assert_int_equal(ri->size, 32);
	assert_int_equal(ri->kind, PTC_REG_AVX);
	assert_null(ptc_reg_lookup("nope"));
}

static void
test_decode(void **state)
{
	char buf[128];

	(void)state;
	assert_int_equal(ptc_reg_decode("rflags", 0x246, buf, sizeof(buf)), 0);
	assert_string_equal(buf, "[ PF ZF IF ]");
	assert_int_equal(ptc_reg_decode("rflags", 0, buf, sizeof(buf)), 0);
	assert_string_equal(buf, "[ ]");
	assert_int_equal(ptc_reg_decode("mxcsr", 0x1f80, buf, sizeof(buf)), 0);
	assert_string_equal(buf, "[ IM DM ZM OM UM PM ]");
	assert_int_equal(ptc_reg_decode("mxcsr", 0x3f80 | 1, buf, sizeof(buf)),
	    0);
	assert_string_equal(buf, "[ IE IM DM ZM OM UM PM RC=down ]");
	assert_int_equal(ptc_reg_decode("rax", 0, buf, sizeof(buf)), -1);
}

static void
test_parts_and_store(void **state)
{
	struct ptc_session *s = ptc_session_new(0);
	struct ptc_regs *r = ptc_regs_new(), *r2 = ptc_regs_new();
	struct ptc_task *t;
	pid_t pid = sleeper();
	uint64_t v;

	(void)state;
	assert_int_equal(ptc_attach(s, pid, PTC_ATTACH_STOP, &t), 0);
	assert_int_equal(ptc_regs_fetch(r, t, 0), 0);
	/* FP registers were not fetched */
	assert_int_equal(ptc_regs_get(r, "mxcsr", &v), -1);
	assert_int_equal(errno, ENODATA);
	assert_int_equal(ptc_regs_set(r, "rbx", 0x1122334455667788ULL), 0);
	assert_int_equal(ptc_regs_set(r, "r12", 7), 0);
	assert_int_equal(ptc_regs_set(r, "cf", 1), 0);
	assert_int_equal(ptc_regs_set(r, "al", 0x100), -1);
	assert_int_equal(errno, ERANGE);
	assert_int_equal(ptc_regs_store(r, t), 0);

	assert_int_equal(ptc_regs_fetch(r2, t, 0), 0);
	assert_string_equal(ptc_regs_pc_name(r2), "rip");
	assert_int_equal(ptc_regs_get(r2, "ebx", &v), 0);
	assert_int_equal(v, 0x55667788);
	assert_int_equal(ptc_regs_get(r2, "bh", &v), 0);
	assert_int_equal(v, 0x77);
	assert_int_equal(ptc_regs_get(r2, "r12d", &v), 0);
	assert_int_equal(v, 7);
	assert_int_equal(ptc_regs_get(r2, "cf", &v), 0);
	assert_int_equal(v, 1);
	assert_int_equal(ptc_reg_read(t, "bl", &v), 0);
	assert_int_equal(v, 0x88);
	assert_int_equal(ptc_reg_write(t, "bx", 0xabcd), 0);
	assert_int_equal(ptc_reg_read(t, "rbx", &v), 0);
	assert_int_equal(v, 0x112233445566abcdULL);
	assert_int_equal(ptc_sp_read(t, &v), 0);
	assert_int_equal(v, ptc_regs_sp(r2));
	/* Stopped in pause(): orig_rax keeps its number. */
	assert_int_equal(ptc_regs_syscall(r2, &v, NULL), 1);
	assert_int_equal(v, 34);

	ptc_regs_free(r);
	ptc_regs_free(r2);
	ptc_session_free(s);
	reap_child(pid);
}

static void
test_sse(void **state)
{
	struct ptc_session *s = ptc_session_new(0);
	struct ptc_regs *r = ptc_regs_new();
	struct ptc_task *t;
	pid_t pid = sleeper();
	unsigned char in[16], out[32];
	uint64_t v;
	int i;

	(void)state;
	for (i = 0; i < 16; i++)
		in[i] = (unsigned char)(0xa0 + i);
	assert_int_equal(ptc_attach(s, pid, PTC_ATTACH_STOP, &t), 0);
	assert_int_equal(ptc_regs_fetch(r, t, PTC_REGS_FP), 0);
	assert_int_equal(ptc_regs_get(r, "fcw", &v), 0);
	assert_int_equal(v, 0x37f);
	assert_int_equal(ptc_regs_set_bytes(r, "xmm7", in, sizeof(in)), 0);
	assert_int_equal(ptc_regs_store(r, t), 0);
	assert_int_equal(ptc_regs_fetch(r, t, PTC_REGS_FP), 0);
	assert_int_equal(ptc_regs_get_bytes(r, "xmm7", out, sizeof(out)), 16);
	assert_memory_equal(in, out, 16);
	if (ptc_regs_have_avx(r)) {
		assert_int_equal(ptc_regs_get_bytes(r, "ymm7", out,
		    sizeof(out)), 32);
		assert_memory_equal(in, out, 16);
	}
	ptc_regs_free(r);
	ptc_session_free(s);
	reap_child(pid);
}

#define SC_NR "rax"
static const char *const sc_args[] = { "rdi", "rsi", "rdx", "r10", "r8",
    "r9" };
#define SC_AUDIT AUDIT_ARCH_X86_64
#define PAUSE_NAME "pause"
#endif

/* The registers of a syscall about to be made, by the CPU's convention. */
static void
test_syscall_args(void **state)
{
	struct ptc_session *s = ptc_session_new(0);
	struct ptc_regs *r = ptc_regs_new();
	struct ptc_task *t;
	pid_t pid = sleeper();
	uint64_t nr, args[6];
	uint32_t arch = 0;
	int i;

	(void)state;
	assert_int_equal(ptc_attach(s, pid, PTC_ATTACH_STOP, &t), 0);
	assert_int_equal(ptc_regs_fetch(r, t, 0), 0);
	assert_int_equal(ptc_regs_set(r, SC_NR, 4242), 0);
	for (i = 0; i < 6; i++)
		assert_int_equal(ptc_regs_set(r, sc_args[i],
		    0x1000 + (uint64_t)i), 0);
	assert_int_equal(ptc_regs_syscall_args(r, &nr, args, &arch), 0);
	assert_int_equal(nr, 4242);
	for (i = 0; i < 6; i++)
		assert_int_equal(args[i], 0x1000 + (uint64_t)i);
	assert_int_equal(arch, SC_AUDIT);
	assert_int_equal(ptc_regs_syscall_args(r, &nr, args, NULL), 0);
	ptc_regs_free(r);
	ptc_session_free(s);
	reap_child(pid);
}

/* At a syscall-entry stop the snapshot knows the syscall. */
static void
test_syscall_stop(void **state)
{
	struct ptc_session *s = ptc_session_new(PTC_TRACE_SYSCALLS);
	struct ptc_regs *r = ptc_regs_new();
	struct ptc_task *t;
	struct ptc_event ev;
	pid_t pid = sleeper();
	uint64_t nr = 0;
	uint32_t arch = 0;
	int i;

	(void)state;
	assert_int_equal(ptc_attach(s, pid, PTC_ATTACH_STOP, &t), 0);
	/* The interrupted pause() starts again: its entry is the next stop. */
	for (i = 0; i < 5; i++) {
		assert_int_equal(ptc_resume(t, PTC_RESUME_SYSCALL, 0), 0);
		assert_int_equal(ptc_wait_task(s, t, &ev), 0);
		if (ev.type == PTC_EV_SYSCALL_ENTER)
			break;
	}
	assert_int_equal(ev.type, PTC_EV_SYSCALL_ENTER);
	assert_int_equal(ptc_regs_fetch(r, t, 0), 0);
	assert_int_equal(ptc_regs_syscall(r, &nr, &arch), 1);
	assert_int_equal(arch, SC_AUDIT);
	assert_non_null(ptc_sc_name(arch, nr));
	assert_string_equal(ptc_sc_name(arch, nr), PAUSE_NAME);
	ptc_regs_free(r);
	ptc_session_free(s);
	reap_child(pid);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_decode),
		cmocka_unit_test(test_parts_and_store),
		cmocka_unit_test(test_sse),
		cmocka_unit_test(test_syscall_args),
		cmocka_unit_test(test_syscall_stop),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
