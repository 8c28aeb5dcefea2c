/*
 * test_regs32.c: register views of a 32-bit x86 process (the static32
 * tracee): a 64-bit build reads it in the i386 layout, by the i386
 * names, with 4-byte pointers; the 32-bit build does the same natively.
 * Skipped where the tracee was not built (other CPUs, no 32-bit C
 * library).
 */
#include <sys/wait.h>

#include <linux/audit.h>

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

static char prog[4096];
static pid_t child;

/* The state letter of process pid in /proc/PID/stat. */
static char
proc_state(pid_t pid)
{
	char path[64], buf[512], *p;
	FILE *fp;
	size_t n;

	snprintf(path, sizeof(path), "/proc/%d/stat", (int)pid);
	if ((fp = fopen(path, "re")) == NULL)
		return '?';
	n = fread(buf, 1, sizeof(buf) - 1, fp);
	fclose(fp);
	buf[n] = '\0';
	p = strrchr(buf, ')');
	return p != NULL && p[1] == ' ' ? p[2] : '?';
}

/* static32 wait, once it has said it is ready. */
static pid_t
start32(void)
{
	char line[64];
	int fd[2];
	pid_t pid;

	assert_int_equal(pipe(fd), 0);
	if ((pid = fork()) == 0) {
		dup2(fd[1], 1);
		close(fd[0]);
		execl(prog, prog, "wait", (char *)NULL);
		_exit(127);
	}
	close(fd[1]);
	memset(line, 0, sizeof(line));
	assert_true(read(fd[0], line, sizeof(line) - 1) > 0);
	assert_memory_equal(line, "ready ", 6);
	close(fd[0]);
	child = pid;
	/* Asleep: past its write, in the sleep it stays in. */
	for (int i = 0; i < 500 && proc_state(pid) != 'S'; i++)
		usleep(10000);
	return pid;
}

static void
reap_child(pid_t pid)
{
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
	child = 0;
}

/* A failed test leaves its tracee behind: end it here. */
static int
teardown(void **state)
{
	(void)state;
	if (child > 0)
		reap_child(child);
	return 0;
}

static int
setup(void **state)
{
	const char *dir = getenv("PTOOLS_TARGETS");
	const char *b = getenv("B");

	(void)state;
	if (dir != NULL)
		snprintf(prog, sizeof(prog), "%s/static32", dir);
	else
		snprintf(prog, sizeof(prog), "%s/targets/static32",
		    b != NULL ? b : "build");
	return 0;
}

static int
have_prog(void)
{
	return access(prog, X_OK) == 0;
}

static void
test_view(void **state)
{
	struct ptc_session *s;
	struct ptc_regs *r;
	struct ptc_task *t;
	const struct ptc_reginfo *ri;
	char dec[128];
	uint64_t v;
	pid_t pid;

	(void)state;
	if (!have_prog())
		skip();
	pid = start32();
	s = ptc_session_new(0);
	r = ptc_regs_new();
	/* Before a fetch, a snapshot has the native view. */
	assert_ptr_equal(ptc_regs_reg_at(r, 0), ptc_reg_at(0));
	assert_int_equal(ptc_regs_reg_count(NULL), ptc_reg_count());
	assert_int_equal(ptc_attach(s, pid, PTC_ATTACH_STOP, &t), 0);
	assert_int_equal(ptc_regs_fetch(r, t, 0), 0);
	assert_string_equal(ptc_regs_arch(r), "i386");
	assert_string_equal(ptc_regs_pc_name(r), "eip");
	assert_string_equal(ptc_regs_sp_name(r), "esp");
	assert_string_equal(ptc_regs_flags_name(r), "eflags");
	assert_int_equal(ptc_regs_ptrsize(r), 4);
	ri = ptc_regs_reg_at(r, 0);
	assert_string_equal(ri->name, "eax");
	assert_int_equal(ri->size, 4);
	assert_int_equal(ri->kind, PTC_REG_GENERAL);
	assert_null(ptc_regs_reg_lookup(r, "rax"));
	assert_null(ptc_regs_reg_lookup(r, "r8"));
	assert_non_null(ptc_regs_reg_lookup(r, "orig_eax"));
	assert_null(ptc_regs_reg_at(r, ptc_regs_reg_count(r)));
	assert_int_equal(ptc_regs_get(r, "rax", &v), -1);
	assert_int_equal(errno, EINVAL);
	/* Linux's 32-bit user code segment, and its flags decoded. */
	assert_int_equal(ptc_regs_get(r, "cs", &v), 0);
	assert_int_equal(v, 0x23);
	assert_int_equal(ptc_regs_get(r, "eflags", &v), 0);
	assert_int_equal(ptc_regs_decode(r, "eflags", v, dec, sizeof(dec)), 0);
	assert_non_null(strstr(dec, "IF"));
	assert_int_equal(ptc_regs_get(r, "eip", &v), 0);
	assert_true(v != 0 && v <= 0xffffffffu);
	assert_int_equal(ptc_regs_pc(r), v);
	assert_int_equal(ptc_regs_get(r, "esp", &v), 0);
	assert_int_equal(ptc_regs_sp(r), v);
	assert_int_equal(ptc_proc_ptrsize(pid), 4);
	assert_int_equal(ptc_task_ptrsize(t), 4);
	assert_int_equal(ptc_proc_ptrsize(getpid()), (int)sizeof(void *));
	ptc_regs_free(r);
	ptc_session_free(s);
	reap_child(pid);
}

static void
test_syscall(void **state)
{
	struct ptc_session *s;
	struct ptc_regs *r;
	struct ptc_task *t;
	const char *name;
	uint64_t nr;
	uint32_t arch;
	pid_t pid;

	(void)state;
	if (!have_prog())
		skip();
	pid = start32();
	s = ptc_session_new(0);
	r = ptc_regs_new();
	assert_int_equal(ptc_attach(s, pid, PTC_ATTACH_STOP, &t), 0);
	assert_int_equal(ptc_regs_fetch(r, t, 0), 0);
	/* sleep(3) of the i386 C library, by the i386 numbers */
	assert_int_equal(ptc_regs_syscall(r, &nr, &arch), 1);
	assert_int_equal(arch, AUDIT_ARCH_I386);
	assert_non_null(name = ptc_sc_name(arch, nr));
	if (strstr(name, "nanosleep") == NULL)
		fail_msg("syscall %s (%llu)", name, (unsigned long long)nr);
	ptc_regs_free(r);
	ptc_session_free(s);
	reap_child(pid);
}

static void
test_store(void **state)
{
	struct ptc_session *s;
	struct ptc_regs *r, *r2;
	struct ptc_task *t;
	uint64_t v, sp, pc;
	pid_t pid;

	(void)state;
	if (!have_prog())
		skip();
	pid = start32();
	s = ptc_session_new(0);
	r = ptc_regs_new();
	r2 = ptc_regs_new();
	assert_int_equal(ptc_attach(s, pid, PTC_ATTACH_STOP, &t), 0);
	assert_int_equal(ptc_regs_fetch(r, t, 0), 0);
	assert_int_equal(ptc_regs_set(r, "ebx", 0x11223344), 0);
	assert_int_equal(ptc_regs_set(r, "ebx", 0x100000000ULL), -1);
	assert_int_equal(errno, ERANGE);
	assert_int_equal(ptc_regs_set(r, "cf", 1), 0);
	assert_int_equal(ptc_regs_store(r, t), 0);
	assert_int_equal(ptc_regs_fetch(r2, t, 0), 0);
	assert_int_equal(ptc_regs_get(r2, "ebx", &v), 0);
	assert_int_equal(v, 0x11223344);
	assert_int_equal(ptc_regs_get(r2, "bh", &v), 0);
	assert_int_equal(v, 0x33);
	assert_int_equal(ptc_regs_get(r2, "cf", &v), 0);
	assert_int_equal(v, 1);
	/* A copy keeps the view. */
	assert_int_equal(ptc_regs_copy(r, r2), 0);
	assert_string_equal(ptc_regs_arch(r), "i386");
	assert_int_equal(ptc_regs_get(r, "bl", &v), 0);
	assert_int_equal(v, 0x44);
	/* One-register calls resolve names in the task's view too. */
	assert_int_equal(ptc_reg_read(t, "bl", &v), 0);
	assert_int_equal(v, 0x44);
	assert_int_equal(ptc_reg_write(t, "bx", 0xabcd), 0);
	assert_int_equal(ptc_reg_read(t, "ebx", &v), 0);
	assert_int_equal(v, 0x1122abcd);
	assert_int_equal(ptc_reg_read(t, "rbx", &v), -1);
	assert_int_equal(errno, EINVAL);
	assert_int_equal(ptc_sp_read(t, &sp), 0);
	assert_int_equal(sp, ptc_regs_sp(r2));
	assert_int_equal(ptc_pc_read(t, &pc), 0);
	assert_int_equal(pc, ptc_regs_pc(r2));
	ptc_regs_free(r);
	ptc_regs_free(r2);
	ptc_session_free(s);
	reap_child(pid);
}

static void
test_fp(void **state)
{
	struct ptc_session *s;
	struct ptc_regs *r;
	struct ptc_task *t;
	unsigned char in[16], out[32];
	uint64_t v;
	pid_t pid;
	int i;

	(void)state;
	if (!have_prog())
		skip();
	pid = start32();
	s = ptc_session_new(0);
	r = ptc_regs_new();
	assert_int_equal(ptc_attach(s, pid, PTC_ATTACH_STOP, &t), 0);
	assert_int_equal(ptc_regs_fetch(r, t, PTC_REGS_FP), 0);
	/* The x87 control word a program starts with, and the SSE one. */
	assert_int_equal(ptc_regs_get(r, "fcw", &v), 0);
	assert_int_equal(v, 0x37f);
	assert_int_equal(ptc_regs_get(r, "mxcsr", &v), 0);
	assert_int_equal(v & 0xffc0, 0x1f80);
	/* Eight xmm registers in 32-bit mode. */
	assert_null(ptc_regs_reg_lookup(r, "xmm8"));
	for (i = 0; i < 16; i++)
		in[i] = (unsigned char)(0xa0 + i);
	assert_int_equal(ptc_regs_set_bytes(r, "xmm7", in, sizeof(in)), 0);
	assert_int_equal(ptc_regs_store(r, t), 0);
	assert_int_equal(ptc_regs_fetch(r, t, PTC_REGS_FP), 0);
	assert_int_equal(ptc_regs_get_bytes(r, "xmm7", out, sizeof(out)), 16);
	assert_memory_equal(in, out, 16);
	assert_int_equal(ptc_reg_read(t, "fcw", &v), 0);
	assert_int_equal(v, 0x37f);
	ptc_regs_free(r);
	ptc_session_free(s);
	reap_child(pid);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_view, teardown),
		cmocka_unit_test_teardown(test_syscall, teardown),
		cmocka_unit_test_teardown(test_store, teardown),
		cmocka_unit_test_teardown(test_fp, teardown),
	};

	return cmocka_run_group_tests(tests, setup, NULL);
}
