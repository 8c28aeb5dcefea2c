/*
 * test_regs.c: the register layer against a real stopped child: names,
 * parts and flags, atomic stores, FP/SSE blocks, fault explanation.
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
	assert_int_equal(ptc_regs_syscall(r2, &v, NULL), 1);

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

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_decode),
		cmocka_unit_test(test_parts_and_store),
		cmocka_unit_test(test_sse),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
