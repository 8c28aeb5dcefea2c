/*
 * test_dwvar: variables by their DWARF type (lib/dwpath.c, lib/dwvar.c):
 * the access path parser on its own, then ptc_var_eval() and
 * ptc_var_print() on the dw-vars tracee, with nm(1) and the tracee's
 * memory as the oracles, and on a copy stripped of its debug
 * information.
 */
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "internal.h"

/* The tracee's types, laid out by the same compiler for the same CPU. */
struct inner {
	int y;
	double z;
};
struct s {
	int x;
	struct inner in;
};

static char prog[PATH_MAX], stripped[PATH_MAX];
static pid_t child = -1;

/* Run path, wait for its "ready" line. */
static pid_t
run_tracee(const char *path)
{
	int fds[2];
	char line[128];
	FILE *fp;

	assert_int_equal(pipe(fds), 0);
	child = fork();
	assert_true(child >= 0);
	if (child == 0) {
		prctl(PR_SET_PDEATHSIG, SIGKILL);
		dup2(fds[1], 1);
		close(fds[0]);
		close(fds[1]);
		execl(path, path, (char *)NULL);
		_exit(127);
	}
	close(fds[1]);
	assert_non_null(fp = fdopen(fds[0], "r"));
	assert_non_null(fgets(line, sizeof(line), fp));
	assert_memory_equal(line, "ready ", 6);
	fclose(fp);
	return child;
}

static int
teardown(void **state)
{
	(void)state;
	if (child > 0) {
		kill(child, SIGKILL);
		waitpid(child, NULL, 0);
		child = -1;
	}
	return 0;
}

/* Runtime address of sym in the running tracee: nm's value + PIE base. */
static uint64_t
sym_rt(pid_t pid, const char *sym)
{
	char cmd[PATH_MAX + 128], line[PATH_MAX + 128];
	unsigned long long v = 0, base = 0;
	FILE *fp;

	snprintf(cmd, sizeof(cmd), "nm '%s' | awk '$3 == \"%s\" { print $1 }'",
	    prog, sym);
	assert_non_null(fp = popen(cmd, "r"));
	assert_int_equal(fscanf(fp, "%llx", &v), 1);
	pclose(fp);
	snprintf(cmd, sizeof(cmd), "/proc/%d/maps", (int)pid);
	assert_non_null(fp = fopen(cmd, "r"));
	while (fgets(line, sizeof(line), fp) != NULL)
		if (strstr(line, "/dw-vars") != NULL) {
			assert_int_equal(sscanf(line, "%llx-", &base), 1);
			break;
		}
	fclose(fp);
	return v + base;
}

/* ptc_var_print() into a string (static buffer); NULL on failure. */
static const char *
print(struct ptc_vars *v, const char *path, unsigned flags)
{
	static char out[4096];
	FILE *fp = fmemopen(out, sizeof(out), "w");
	int rc;

	assert_non_null(fp);
	rc = ptc_var_print(v, path, flags, fp);
	assert_int_equal(fclose(fp), 0);
	return rc == 0 ? out : NULL;
}

static void
test_parse(void **state)
{
	struct ptc__dwpath p;
	const char *e;

	(void)state;
	e = "g_s.in.z";
	assert_int_equal(ptc__dwpath_parse(e, &p), 0);
	assert_int_equal(p.root_off, 0);
	assert_int_equal(p.root_len, 3);
	assert_int_equal(p.nops, 2);
	assert_int_equal(p.ops[0].kind, PTC__DW_FIELD);
	assert_memory_equal(e + p.ops[0].off, "in", p.ops[0].len);
	assert_int_equal(p.ops[1].kind, PTC__DW_FIELD);
	assert_memory_equal(e + p.ops[1].off, "z", p.ops[1].len);

	/* prefix * applies after the postfix steps, as in C */
	e = " * p -> next [ 0x10 ] ";
	assert_int_equal(ptc__dwpath_parse(e, &p), 0);
	assert_memory_equal(e + p.root_off, "p", p.root_len);
	assert_int_equal(p.nops, 3);
	assert_int_equal(p.ops[0].kind, PTC__DW_ARROW);
	assert_int_equal(p.ops[1].kind, PTC__DW_INDEX);
	assert_int_equal(p.ops[1].index, 16);
	assert_int_equal(p.ops[2].kind, PTC__DW_DEREF);

	/* parentheses change that */
	assert_int_equal(ptc__dwpath_parse("(*p).x", &p), 0);
	assert_int_equal(p.nops, 2);
	assert_int_equal(p.ops[0].kind, PTC__DW_DEREF);
	assert_int_equal(p.ops[1].kind, PTC__DW_FIELD);
	assert_int_equal(ptc__dwpath_parse("**pp", &p), 0);
	assert_int_equal(p.nops, 2);
	assert_int_equal(p.scope_len, 0);

	/* a function's static */
	e = "tick::calls[1]";
	assert_int_equal(ptc__dwpath_parse(e, &p), 0);
	assert_memory_equal(e + p.scope_off, "tick", p.scope_len);
	assert_memory_equal(e + p.root_off, "calls", p.root_len);
	assert_int_equal(p.nops, 1);
	assert_int_equal(ptc__dwpath_parse("tick::", &p), -1);
	assert_int_equal(ptc__dwpath_parse("a::b::c", &p), -1);

	/* bad paths fail with a detail that says where */
	assert_int_equal(ptc__dwpath_parse("", &p), -1);
	assert_int_equal(errno, EINVAL);
	assert_string_equal(ptc_error(), "expected a name at the end of ''");
	assert_int_equal(ptc__dwpath_parse("g_s.", &p), -1);
	assert_string_equal(ptc_error(),
	    "expected a name at the end of 'g_s.'");
	assert_int_equal(ptc__dwpath_parse("a[1", &p), -1);
	assert_string_equal(ptc_error(), "expected ']' at the end of 'a[1'");
	assert_int_equal(ptc__dwpath_parse("a[-1]", &p), -1);
	assert_int_equal(ptc__dwpath_parse("a b", &p), -1);
	assert_string_equal(ptc_error(), "garbage after 'a ': 'b'");
	assert_int_equal(ptc__dwpath_parse("(a", &p), -1);
	assert_int_equal(ptc__dwpath_parse("a[99999999999999999999]", &p), -1);
	assert_int_equal(errno, ERANGE);
	assert_int_equal(ptc__dwpath_parse("a->1", &p), -1);
	assert_int_equal(ptc__dwpath_parse("1a", &p), -1);
	assert_int_equal(ptc__dwpath_parse("a.b.", &p), -1);
}

static void
test_parse_limits(void **state)
{
	struct ptc__dwpath p;
	char e[1024];
	size_t i;

	(void)state;
	/* 64 steps fit, 65 do not */
	for (i = 0; i <= PTC__DWPATH_MAX; i++)
		e[i] = '*';
	snprintf(e + PTC__DWPATH_MAX + 1, sizeof(e) - PTC__DWPATH_MAX - 1,
	    "x");
	assert_int_equal(ptc__dwpath_parse(e + 1, &p), 0);
	assert_int_equal(p.nops, PTC__DWPATH_MAX);
	assert_int_equal(ptc__dwpath_parse(e, &p), -1);
	/* deep parentheses end with an error, not a stack overflow */
	memset(e, '(', 1000);
	e[1000] = '\0';
	assert_int_equal(ptc__dwpath_parse(e, &p), -1);
	assert_int_equal(errno, EINVAL);
	/* a long name */
	memset(e, 'a', 300);
	e[300] = '\0';
	assert_int_equal(ptc__dwpath_parse(e, &p), -1);
}

static void
test_eval(void **state)
{
	struct ptc_target *t;
	struct ptc_vars *v;
	struct ptc_var var;
	pid_t pid;
	uint64_t gs, gpt;
	int n;

	(void)state;
	pid = run_tracee(prog);
	assert_non_null(t = ptc_target_open(pid));
	assert_non_null(v = ptc_vars_open(t));
	gs = sym_rt(pid, "g_s");
	gpt = sym_rt(pid, "g_pt");

	assert_int_equal(ptc_var_eval(v, "g_s", &var), 0);
	assert_int_equal(var.addr, gs);
	assert_int_equal(var.size, sizeof(struct s));
	assert_string_equal(var.type, "struct s");
	assert_int_equal(ptc_var_eval(v, "g_s.in.z", &var), 0);
	assert_int_equal(var.addr, gs + offsetof(struct s, in) +
	    offsetof(struct inner, z));
	assert_int_equal(var.size, 8);
	assert_string_equal(var.type, "double");
	assert_int_equal(ptc_var_eval(v, "g_arr[2]", &var), 0);
	assert_int_equal(var.addr, sym_rt(pid, "g_arr") + 8);
	assert_string_equal(var.type, "int");
	assert_int_equal(ptc_var_eval(v, "g_ptr->z", &var), 0);
	assert_int_equal(var.addr, gpt + offsetof(struct inner, z));
	assert_int_equal(ptc_var_eval(v, "*g_ptr", &var), 0);
	assert_int_equal(var.addr, gpt);
	assert_string_equal(var.type, "struct inner");
	assert_int_equal(ptc_var_eval(v, "g_ptr", &var), 0);
	assert_string_equal(var.type, "struct inner *");
	assert_int_equal(ptc_var_eval(v, "g_mat[1]", &var), 0);
	assert_int_equal(var.addr, sym_rt(pid, "g_mat") + 12);
	assert_int_equal(var.size, 12);
	assert_string_equal(var.type, "int [3]");
	assert_int_equal(ptc_var_eval(v, "g_mat[1][2]", &var), 0);
	assert_int_equal(var.addr, sym_rt(pid, "g_mat") + 20);
	assert_int_equal(ptc_var_eval(v, "g_str", &var), 0);
	assert_string_equal(var.type, "const char *");
	assert_int_equal(ptc_var_eval(v, "g_td", &var), 0);
	assert_string_equal(var.type, "s_t");
	assert_int_equal(ptc_var_eval(v, "g_td.in.y", &var), 0);
	assert_int_equal(ptc_var_eval(v, "g_head->next->v", &var), 0);
	assert_int_equal(var.addr, sym_rt(pid, "g_l2"));
	assert_int_equal(ptc_var_eval(v, "s_count", &var), 0);
	assert_int_equal(var.addr, sym_rt(pid, "s_count"));
	assert_int_equal(ptc_var_eval(v, "tick::calls", &var), 0);
	assert_string_equal(var.type, "int");
	/* its local symbol's name is the compiler's choice: read it */
	assert_int_equal(ptc_mem_read(pid, var.addr, &n, sizeof(n),
	    PTC_MEM_AUTO), (ssize_t)sizeof(n));
	assert_int_equal(n, 4);
	assert_int_equal(ptc_var_eval(v, "g_anon.f", &var), 0);
	assert_int_equal(var.addr, sym_rt(pid, "g_anon") + 4);
	assert_string_equal(var.type, "float");

	/* errors, with errno and a detail naming the culprit */
	assert_int_equal(ptc_var_eval(v, "g_nope", &var), -1);
	assert_int_equal(errno, ENOENT);
	assert_string_equal(ptc_error(), "unknown variable 'g_nope'");
	assert_int_equal(ptc_var_eval(v, "g_s.in.q", &var), -1);
	assert_int_equal(errno, ENOENT);
	assert_string_equal(ptc_error(),
	    "no member 'q' in 'g_s.in' (struct inner)");
	assert_int_equal(ptc_var_eval(v, "g_arr[4]", &var), -1);
	assert_int_equal(errno, ERANGE);
	assert_int_equal(ptc_var_eval(v, "g_mat[0][3]", &var), -1);
	assert_int_equal(errno, ERANGE);
	assert_int_equal(ptc_var_eval(v, "g_s->x", &var), -1);
	assert_int_equal(errno, EINVAL);
	assert_int_equal(ptc_var_eval(v, "g_c.x", &var), -1);
	assert_int_equal(errno, EINVAL);
	/* the address of a member of nothing is no error; its value is */
	assert_int_equal(ptc_var_eval(v, "g_nullp->y", &var), 0);
	assert_int_equal(var.addr, 0);
	assert_null(print(v, "g_nullp->y", 0));
	assert_int_equal(errno, EFAULT);
	assert_string_equal(ptc_error(), "cannot access memory at 0x0");
	assert_int_equal(ptc_var_eval(v, "g_s.", &var), -1);
	assert_int_equal(errno, EINVAL);

	ptc_vars_close(v);
	ptc_target_close(t);
}

static void
test_print(void **state)
{
	struct ptc_target *t;
	struct ptc_vars *v;
	pid_t pid;
	int x = 99;
	char want[256];

	(void)state;
	pid = run_tracee(prog);
	assert_non_null(t = ptc_target_open(pid));
	assert_non_null(v = ptc_vars_open(t));
	assert_string_equal(print(v, "g_s", 0),
	    "{x = 7, in = {y = -3, z = 0.125}}");
	assert_string_equal(print(v, "g_zero", 0), "{0 <repeats 16 times>}");
	assert_string_equal(print(v, "g_long", 0),
	    "\"x\", '\\000' <repeats 38 times>");
	assert_string_equal(print(v, "g_color", 0), "GREEN");
	assert_string_equal(print(v, "g_bits", 0), "{a = -2, b = 17, c = 5}");
	snprintf(want, sizeof(want), "(struct inner *) 0x%" PRIx64 " <g_pt>",
	    sym_rt(pid, "g_pt"));
	assert_string_equal(print(v, "g_ptr", 0), want);
	assert_string_equal(print(v, "g_s", PTC_VAR_JSON),
	    "{\"x\":7,\"in\":{\"y\":-3,\"z\":0.125}}");
	assert_non_null(strstr(print(v, "g_strs[1]", PTC_VAR_JSON),
	    "\",\"string\":\"b\\n\\\"c\\\"\"}"));
	assert_string_equal(print(v, "g_anon", PTC_VAR_JSON),
	    "{\"tag\":3,\"n\":4,\"f\":5.60519386e-45}");

	/* a change in the process shows at the next call */
	assert_int_equal(ptc_mem_write(pid, sym_rt(pid, "g_s"), &x, sizeof(x),
	    PTC_MEM_AUTO), (ssize_t)sizeof(x));
	assert_string_equal(print(v, "g_s.x", 0), "99");
	/* nothing is written when the value cannot be read */
	assert_null(print(v, "*g_nullp", 0));
	assert_int_equal(errno, EFAULT);
	ptc_vars_close(v);
	ptc_target_close(t);
}

static void
test_no_debuginfo(void **state)
{
	struct ptc_target *t;
	struct ptc_vars *v;
	struct ptc_var var;
	char cmd[2 * PATH_MAX + 64], want[256];
	pid_t pid;

	(void)state;
	snprintf(cmd, sizeof(cmd), "objcopy --strip-debug '%s' '%s'", prog,
	    stripped);
	assert_int_equal(system(cmd), 0);
	pid = run_tracee(stripped);
	assert_non_null(t = ptc_target_open(pid));
	assert_non_null(v = ptc_vars_open(t));
	assert_int_equal(ptc_var_eval(v, "g_s", &var), -1);
	assert_int_equal(errno, ENOENT);
	snprintf(want, sizeof(want), "no debug information for 'g_s' (the "
	    "executable was built without -g?); its ELF symbol is at 0x%"
	    PRIx64, sym_rt(pid, "g_s"));
	assert_string_equal(ptc_error(), want);
	assert_null(print(v, "g_nope", 0));
	assert_string_equal(ptc_error(), "unknown variable 'g_nope' (the "
	    "executable has no debug information: built without -g?)");
	ptc_vars_close(v);
	ptc_target_close(t);
	unlink(stripped);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_parse_limits),
		cmocka_unit_test_teardown(test_eval, teardown),
		cmocka_unit_test_teardown(test_print, teardown),
		cmocka_unit_test_teardown(test_no_debuginfo, teardown),
	};
	const char *dir = getenv("PTOOLS_TARGETS");
	char def[PATH_MAX];

	if (dir == NULL) {
		snprintf(def, sizeof(def), "%s/targets",
		    getenv("B") != NULL ? getenv("B") : "build");
		dir = def;
	}
	if (snprintf(prog, sizeof(prog), "%s/dw-vars", dir) >= (int)sizeof(prog))
		return 1;
	if (realpath(prog, def) != NULL)
		snprintf(prog, sizeof(prog), "%s", def);
	snprintf(stripped, sizeof(stripped), "/tmp/test_dwvar.%d/dw-vars",
	    (int)getpid());
	snprintf(def, sizeof(def), "/tmp/test_dwvar.%d", (int)getpid());
	if (mkdir(def, 0700) != 0)
		return 1;
	signal(SIGPIPE, SIG_IGN);
	{
		int rc = cmocka_run_group_tests(tests, NULL, NULL);

		unlink(stripped);
		rmdir(def);
		return rc;
	}
}
