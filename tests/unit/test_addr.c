/*
 * test_addr: numbers and address expressions (lib/addr.c).  The parser
 * runs first against a table resolver (every rule and error message),
 * then ptc_addr_eval() against a live child running the basic tracee.
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
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "internal.h"

/* the dynamic loader's file name and clock_gettime in the vDSO, per CPU */
#if defined(__x86_64__)
#define LDSO "ld-linux-x86-64.so.2"
#define VDSO_GETTIME "__vdso_clock_gettime"
#elif defined(__i386__)
#define LDSO "ld-linux.so.2"
#define VDSO_GETTIME "__vdso_clock_gettime"
#elif defined(__aarch64__)
#define LDSO "ld-linux-aarch64.so.1"
#define VDSO_GETTIME "__kernel_clock_gettime"
#elif defined(__powerpc64__)
#define LDSO "ld64.so.2"
#define VDSO_GETTIME "__kernel_clock_gettime"
#elif defined(__arm__)
#define LDSO "ld-linux-armhf.so.3"
#define VDSO_GETTIME "__vdso_clock_gettime"
#else
#error "expectations for this CPU are missing"
#endif

/* ---- ptc_parse_u64 ---- */

static void
test_parse_u64(void **state)
{
	static const struct {
		const char *s;
		uint64_t v;
	} ok[] = {
		{ "0", 0 }, { "1", 1 }, { "010", 10 }, { "0009", 9 },
		{ "0x10", 16 }, { "0X1f", 31 }, { "0xDeadBeef", 0xdeadbeef },
		{ "0x0", 0 }, { "18446744073709551615", UINT64_MAX },
		{ "0xffffffffffffffff", UINT64_MAX },
		{ "0x000000000000000000001", 1 },
	};
	static const struct {
		const char *s;
		int err;
		const char *msg;
	} bad[] = {
		{ "", EINVAL, "empty number" },
		{ "0x", EINVAL, "no digits after '0x'" },
		{ "0xg", EINVAL, "bad hex digit 'g' in '0xg'" },
		{ "12a", EINVAL, "bad decimal digit 'a' in '12a'" },
		{ "0b101", EINVAL, "bad decimal digit 'b' in '0b101'" },
		{ "-1", EINVAL, "not a number: '-1'" },
		{ "+1", EINVAL, "not a number: '+1'" },
		{ " 1", EINVAL, "not a number: ' 1'" },
		{ "1 ", EINVAL, "bad decimal digit ' ' in '1 '" },
		{ "abc", EINVAL, "not a number: 'abc'" },
		{ "18446744073709551616", ERANGE,
		    "number too large: 18446744073709551616" },
		{ "0x1ffffffffffffffff", ERANGE,
		    "number too large: 0x1ffffffffffffffff" },
		{ "99999999999999999999999", ERANGE,
		    "number too large: 99999999999999999999999" },
		{ "1\x01", EINVAL, "bad decimal digit '\\1' in number" },
	};
	size_t i;
	uint64_t v;

	(void)state;
	for (i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
		v = 12345;
		assert_int_equal(ptc_parse_u64(ok[i].s, &v), 0);
		assert_int_equal(v, ok[i].v);
	}
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		v = 12345;
		errno = 0;
		assert_int_equal(ptc_parse_u64(bad[i].s, &v), -1);
		assert_int_equal(errno, bad[i].err);
		assert_string_equal(ptc_error(), bad[i].msg);
		assert_int_equal(v, 12345);
	}
	assert_int_equal(ptc_parse_u64(NULL, &v), -1);
}

/* ---- the parser, with a table resolver ---- */

static const struct {
	enum ptc_addr_term kind;
	const char *name;
	uint64_t v;
} table[] = {
	{ PTC_AT_NAME, "main", 0x1000 },
	{ PTC_AT_NAME, "foo", 0x10 },
	{ PTC_AT_NAME, "foo-1", 0x5000 },
	{ PTC_AT_NAME, "libc", 0x7f0000000000ULL },
	{ PTC_AT_NAME, "libc:malloc", 0x7f0000001234ULL },
	{ PTC_AT_NAME, "libc-2.36.so", 0x7f0000000000ULL },
	{ PTC_AT_NAME, "ld-linux-x86-64.so.2", 0x7f1000000000ULL },
	{ PTC_AT_NAME, "libstdc++.so.6", 0x7f2000000000ULL },
	{ PTC_AT_NAME, "/usr/bin/cat", 0x555500000000ULL },
	{ PTC_AT_NAME, "big", UINT64_MAX - 1 },
	{ PTC_AT_NAME, "sym.cold", 0x2000 },
	{ PTC_AT_NAME, "memcpy@GLIBC_2.2.5", 0x3000 },
	{ PTC_AT_REG, "rsp", 0x7ffc0000 },
	{ PTC_AT_REG, "rip", 0x401000 },
	{ PTC_AT_MAP, "[stack]", 0x7ffd00000000ULL },
	{ PTC_AT_MAP, "[vdso]", 0x7ffe00000000ULL },
	{ PTC_AT_NAME, "[vdso]:__vdso_time", 0x7ffe00000c00ULL },
};

/* what the fake process stores where, for '*' */
static const struct {
	uint64_t at, v;
} ptrs[] = {
	{ 0x1000, 0x4000 },             /* *main */
	{ 0x4000, 0x10 },               /* **main */
	{ 0x7ffc0008, 0x555500001000ULL },  /* *(%rsp+8) */
	{ 0x7f0000001234ULL, 0x7f00000ff000ULL }, /* *libc:malloc */
	{ 0x100c, UINT64_MAX },         /* *(main+12) */
};

static int calls;

static int
fake(void *ctx, enum ptc_addr_term kind, const char *name, uint64_t *v)
{
	size_t i;

	(void)ctx;
	calls++;
	if (kind == PTC_AT_DEREF) {
		for (i = 0; i < sizeof(ptrs) / sizeof(ptrs[0]); i++)
			if (ptrs[i].at == *v) {
				*v = ptrs[i].v;
				return 0;
			}
		return ptc_fail(EFAULT, "*%s: cannot read a pointer at 0x%"
		    PRIx64, name, *v);
	}
	for (i = 0; i < sizeof(table) / sizeof(table[0]); i++) {
		if (table[i].kind == kind && strcmp(table[i].name, name) == 0) {
			*v = table[i].v;
			return 0;
		}
	}
	if (strcmp(name, "eperm") == 0)
		return ptc_fail(EPERM, "not allowed to look");
	if (kind == PTC_AT_REG)
		return ptc_fail(EINVAL, "unknown register '%s'", name);
	if (kind == PTC_AT_MAP)
		return ptc_fail(ENOENT, "no mapping '%s' in process 123", name);
	if (strncmp(name, "lib", 3) == 0)
		return ptc_fail(ENOENT, "no module '%s' in process 123", name);
	return ptc_fail(ENOENT, "unknown symbol '%s'", name);
}

static void
test_parse_ok(void **state)
{
	static const struct {
		const char *expr;
		uint64_t v;
	} ok[] = {
		{ "0", 0 },
		{ "0x7f0012340000", 0x7f0012340000ULL },
		{ "0100", 100 },
		{ "18446744073709551615", UINT64_MAX },
		{ "0x1000+0x10", 0x1010 },
		{ "0x1000-16", 0xff0 },
		{ "0x10+0x10+0x10", 0x30 },
		{ "main", 0x1000 },
		{ "main+0x10", 0x1010 },
		{ "main+16-4", 0x100c },
		{ "main + 16", 0x1010 },
		{ "main\t-\t1", 0xfff },
		{ "  main  ", 0x1000 },
		{ "libc", 0x7f0000000000ULL },
		{ "libc+0x1a2b0", 0x7f000001a2b0ULL },
		{ "libc:malloc", 0x7f0000001234ULL },
		{ "libc:malloc+8", 0x7f000000123cULL },
		{ "libc-2.36.so+1", 0x7f0000000001ULL },
		{ "ld-linux-x86-64.so.2", 0x7f1000000000ULL },
		{ "ld-linux-x86-64.so.2+0x10", 0x7f1000000010ULL },
		{ "libstdc++.so.6", 0x7f2000000000ULL },
		{ "libstdc++.so.6+2", 0x7f2000000002ULL },
		{ "libstdc++.so.6-0x1000", 0x7f1ffffff000ULL },
		{ "/usr/bin/cat+0x40", 0x555500000040ULL },
		{ "foo-1", 0xf },         /* a name and an offset come first */
		{ "sym.cold+1", 0x2001 },
		{ "memcpy@GLIBC_2.2.5", 0x3000 },
		{ "%rsp", 0x7ffc0000 },
		{ "%rsp-16", 0x7ffbfff0 },
		{ "%rip+0x5", 0x401005 },
		{ "[stack]", 0x7ffd00000000ULL },
		{ "[stack]+0x100", 0x7ffd00000100ULL },
		{ "[vdso] - 1", 0x7ffdffffffffULL },
		{ "[vdso]:__vdso_time", 0x7ffe00000c00ULL },
		{ "[vdso]:__vdso_time+4", 0x7ffe00000c04ULL },
		{ "big+1", UINT64_MAX },
		{ "0xffffffffffffffff-0xffffffffffffffff", 0 },
		/* precedence, parentheses and '*' */
		{ "main*2", 0x2000 },
		{ "main+4*3", 0x100c },
		{ "main + 4 * 3", 0x100c },
		{ "2*main+1", 0x2001 },
		{ "(main+4)*2", 0x2008 },
		{ "( main + 4 ) * 2", 0x2008 },
		{ "10-2*3", 4 },
		{ "10-2-3", 5 },
		{ "(1+2)*(3+4)", 21 },
		{ "((((7))))", 7 },
		{ "2*3*4", 24 },
		{ "%rsp*8", 0x3ffe00000ULL },
		{ "main + foo", 0x1010 },
		{ "0x10+main", 0x1010 },
		{ "foo-1*2", 0xe },
		{ "libc+0x10*2", 0x7f0000000020ULL },
		{ "ld-linux-x86-64.so.2+0x10*2", 0x7f1000000020ULL },
		{ "libstdc++.so.6+2*2", 0x7f2000000004ULL },
		{ "*main", 0x4000 },
		{ "**main", 0x10 },
		{ "* * main", 0x10 },
		{ "*main+8", 0x4008 },
		{ "*(main)+8", 0x4008 },
		{ "*(%rsp+8)", 0x555500001000ULL },
		{ "*(%rsp + 4*2)", 0x555500001000ULL },
		{ "*libc:malloc", 0x7f00000ff000ULL },
		{ "*libc:malloc+0x10", 0x7f00000ff010ULL },
		{ "2**main", 0x8000 },
		{ "*(main+12)", UINT64_MAX },
	};
	size_t i;
	uint64_t v;

	(void)state;
	for (i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
		v = 0xbad;
		if (ptc__addr_parse(ok[i].expr, fake, NULL, &v) != 0)
			fail_msg("'%s': %s", ok[i].expr, ptc_error());
		if (v != ok[i].v)
			fail_msg("'%s' = 0x%" PRIx64 ", want 0x%" PRIx64,
			    ok[i].expr, v, ok[i].v);
	}
}

static void
test_parse_errors(void **state)
{
	static const struct {
		const char *expr;
		int err;
		const char *msg;
	} bad[] = {
		{ "", EINVAL, "empty address expression" },
		{ "   ", EINVAL, "empty address expression" },
		{ "main)", EINVAL, "garbage after 'main': ')'" },
		{ "(main", EINVAL, "missing ')' after '(main'" },
		{ "(main+4 x", EINVAL, "expected ')' after '(main+4 ', not 'x'" },
		{ "()", EINVAL, "unexpected ')' in address expression" },
		{ "*", EINVAL, "missing number after '*'" },
		{ "main*", EINVAL, "missing number after 'main*'" },
		{ "main**", EINVAL, "missing number after 'main**'" },
		{ "main*+2", EINVAL, "expected a number after 'main*', not '+2'" },
		{ "main*)", EINVAL, "expected a number after 'main*', not ')'" },
		{ "(", EINVAL, "missing number after '('" },
		{ "*0x10", EFAULT, "*0x10: cannot read a pointer at 0x10" },
		{ "*(main+1)", EFAULT,
		    "*(main+1): cannot read a pointer at 0x1001" },
		{ "big*2", ERANGE, "address overflows 64 bits at 'big*2'" },
		{ "*(main+12)+1", ERANGE,
		    "address overflows 64 bits at '*(main+12)+1'" },
		{ "1-2*3", ERANGE, "address below 0 at '1-2*3'" },
		{ "*mian", ENOENT, "unknown symbol 'mian'" },
		{ "0x10+-4", EINVAL, "expected a number after '0x10+', not '-4'" },
		{ "main + -4", EINVAL,
		    "expected a number after 'main + ', not '-4'" },
		{ "main+4 junk", EINVAL, "garbage after 'main+4': 'junk'" },
		{ "0x10 0x20", EINVAL, "garbage after '0x10': '0x20'" },
		{ "[stack]x", EINVAL, "garbage after '[stack]': 'x'" },
		{ "mian", ENOENT, "unknown symbol 'mian'" },
		{ "mian+4", ENOENT, "unknown symbol 'mian'" },
		{ "libfoo", ENOENT, "no module 'libfoo' in process 123" },
		{ "libfoo:bar", ENOENT, "no module 'libfoo:bar' in process 123" },
		{ "main+", EINVAL, "missing number after 'main+'" },
		{ "main -", EINVAL, "missing number after 'main -'" },
		{ "main+-4", EINVAL, "expected a number after 'main+', not '-4'" },
		{ "main+foo", EINVAL,
		    "expected a number after 'main+', not 'foo'" },
		{ "main+0xzz", EINVAL, "bad hex digit 'z' in '0xzz'" },
		{ "0x10zz", EINVAL, "bad hex digit 'z' in '0x10zz'" },
		{ "12a", EINVAL, "bad decimal digit 'a' in '12a'" },
		{ "0x", EINVAL, "no digits after '0x'" },
		{ "0x1ffffffffffffffff", ERANGE,
		    "number too large: 0x1ffffffffffffffff" },
		{ "main+0x1ffffffffffffffff", ERANGE,
		    "number too large: 0x1ffffffffffffffff" },
		{ "0x10-0x20", ERANGE, "address below 0 at '0x10-0x20'" },
		{ "big+2", ERANGE, "address overflows 64 bits at 'big+2'" },
		{ "main+0xffffffffffffffff", ERANGE,
		    "address overflows 64 bits at 'main+0xffffffffffffffff'" },
		{ "%", EINVAL, "missing register name after '%' in '%'" },
		{ "%-4", EINVAL, "missing register name after '%' in '%-4'" },
		{ "%xyz", EINVAL, "unknown register 'xyz'" },
		{ "[stack", EINVAL, "missing ']' in '[stack'" },
		{ "[nope]", ENOENT, "no mapping '[nope]' in process 123" },
		{ "[vdso]:nope", ENOENT, "unknown symbol '[vdso]:nope'" },
		{ "[vdso]:", ENOENT, "unknown symbol '[vdso]:'" },
		{ "+4", EINVAL, "missing address before '+' in '+4'" },
		{ "-4", EINVAL, "missing address before '-' in '-4'" },
		{ "main+?", EINVAL, "expected a number after 'main+', not '?'" },
		{ "?", EINVAL, "unexpected '?' in address expression" },
		{ "main\001", EINVAL, "garbage after 'main': '\\1'" },
		{ "eperm", EPERM, "not allowed to look" },
		{ "eperm+4", EPERM, "not allowed to look" },
	};
	size_t i;
	uint64_t v;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		v = 0xbad;
		errno = 0;
		if (ptc__addr_parse(bad[i].expr, fake, NULL, &v) != -1)
			fail_msg("'%s' gave 0x%" PRIx64, bad[i].expr, v);
		if (errno != bad[i].err)
			fail_msg("'%s': errno %d, want %d (%s)", bad[i].expr,
			    errno, bad[i].err, ptc_error());
		if (strcmp(ptc_error(), bad[i].msg) != 0)
			fail_msg("'%s': \"%s\", want \"%s\"", bad[i].expr,
			    ptc_error(), bad[i].msg);
		assert_int_equal(v, 0xbad);
	}
}

static void
test_parse_limits(void **state)
{
	char *s;
	uint64_t v;
	size_t i;

	(void)state;
	assert_int_equal(ptc__addr_parse(NULL, fake, NULL, &v), -1);
	s = malloc(10000);
	assert_non_null(s);
	memset(s, 'a', 9999);
	s[9999] = '\0';
	assert_int_equal(ptc__addr_parse(s, fake, NULL, &v), -1);
	assert_string_equal(ptc_error(), "address expression too long");
	/* a long chain of offsets is fine */
	strcpy(s, "main");
	for (i = 0; i < 500; i++)
		strcat(s, "+1");
	assert_int_equal(ptc__addr_parse(s, fake, NULL, &v), 0);
	assert_int_equal(v, 0x1000 + 500);
	/* a name with many '+' is tried a bounded number of times */
	memset(s, '+', 3000);
	memcpy(s, "x", 1);
	s[3000] = '\0';
	calls = 0;
	assert_int_equal(ptc__addr_parse(s, fake, NULL, &v), -1);
	assert_true(calls <= 1);
	free(s);
	/* long names are quoted short in messages */
	s = malloc(3000);
	memset(s, 'q', 2999);
	s[2999] = '\0';
	assert_int_equal(ptc__addr_parse(s, fake, NULL, &v), -1);
	assert_true(strlen(ptc_error()) < 512);
	free(s);
	/* nesting is bounded, so the recursion is */
	s = malloc(4000);
	assert_non_null(s);
	for (i = 0; i < 1000; i++)
		s[i] = i % 2 ? '(' : '*';
	strcpy(s + 1000, "main");
	assert_int_equal(ptc__addr_parse(s, fake, NULL, &v), -1);
	assert_string_equal(ptc_error(), "address expression nested too deeply");
	memset(s, '(', 40);
	strcpy(s + 40, "7");
	memset(s + 41, ')', 40);
	s[81] = '\0';
	assert_int_equal(ptc__addr_parse(s, fake, NULL, &v), 0);
	assert_int_equal(v, 7);
	free(s);
}

/* ptc_addr_check: the syntax alone, nothing resolved or computed */
static void
test_check(void **state)
{
	static const char *const ok[] = {
		"main", "mian+4", "0x10-0x20", "big+2", "*nowhere",
		"*(%nosuchreg+8)*2", "libc-2.36.so+1", "[nope]", "a+b*c",
		"main+0xzz",  /* could be a module so named */
	};
	static const struct {
		const char *expr, *msg;
	} bad[] = {
		{ "main+", "missing number after 'main+'" },
		{ "(1", "missing ')' after '(1'" },
		{ "1)", "garbage after '1': ')'" },
		{ "0x10+0xzz", "bad hex digit 'z' in '0xzz'" },
		{ "0x1ffffffffffffffff", "number too large: 0x1ffffffffffffffff" },
		{ "", "empty address expression" },
		{ "%", "missing register name after '%' in '%'" },
	};
	size_t i;

	(void)state;
	calls = 0;
	for (i = 0; i < sizeof(ok) / sizeof(ok[0]); i++)
		if (ptc_addr_check(ok[i]) != 0)
			fail_msg("'%s': %s", ok[i], ptc_error());
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		assert_int_equal(ptc_addr_check(bad[i].expr), -1);
		assert_string_equal(ptc_error(), bad[i].msg);
	}
	assert_int_equal(calls, 0);
}

/*
 * Bytes of every kind at every position: no crash, and a result that is
 * either a value or an error with a message.
 */
static void
test_parse_noise(void **state)
{
	static const char alphabet[] = "0x1f9+-%[]:._$@/~ \tmainlbc*()\001\377";
	uint64_t st = 1;
	char s[40];
	int i;

	(void)state;
	for (i = 0; i < 200000; i++) {
		size_t n, k;
		uint64_t v;

		st = st * 6364136223846793005ULL + 1442695040888963407ULL;
		n = (size_t)(st >> 59) + 1;
		for (k = 0; k < n; k++) {
			st = st * 6364136223846793005ULL + 1;
			s[k] = alphabet[(st >> 33) % (sizeof(alphabet) - 1)];
		}
		s[n] = '\0';
		if (ptc__addr_parse(s, fake, NULL, &v) == -1)
			assert_true(ptc_error()[0] != '\0');
	}
}

/* ---- ptc_addr_eval on a live process ---- */

static char basic[PATH_MAX];
static pid_t child;

static int
setup_child(void **state)
{
	const char *dir = getenv("PTOOLS_TARGETS");
	const char *b = getenv("B");
	char def[512], line[64];
	int fds[2];
	FILE *fp;

	(void)state;
	if (dir == NULL) {
		snprintf(def, sizeof(def), "%s/targets", b ? b : "build");
		dir = def;
	}
	snprintf(basic, sizeof(basic), "%s/basic", dir);
	if (pipe(fds) != 0)
		return -1;
	if ((child = fork()) == -1)
		return -1;
	if (child == 0) {
		prctl(PR_SET_PDEATHSIG, SIGKILL);
		dup2(fds[1], 1);
		close(fds[0]);
		close(fds[1]);
		execl(basic, basic, (char *)NULL);
		_exit(127);
	}
	close(fds[1]);
	fp = fdopen(fds[0], "r");
	if (fp == NULL || fgets(line, sizeof(line), fp) == NULL)
		return -1;
	fclose(fp);
	return 0;
}

static int
teardown_child(void **state)
{
	(void)state;
	kill(child, SIGKILL);
	waitpid(child, NULL, 0);
	return 0;
}

static uint64_t
nm_addr(const char *sym)
{
	char cmd[PATH_MAX + 64], line[512];
	uint64_t v = 0;
	FILE *fp;

	snprintf(cmd, sizeof(cmd), "nm '%s'", basic);
	fp = popen(cmd, "r");
	assert_non_null(fp);
	while (fgets(line, sizeof(line), fp) != NULL) {
		char name[256], t;
		unsigned long long a;

		if (sscanf(line, "%llx %c %255s", &a, &t, name) == 3 &&
		    strcmp(name, sym) == 0)
			v = a;
	}
	pclose(fp);
	return v;
}

static char
proc_state(pid_t pid, int *tracer)
{
	char path[64], line[256], st = '?';
	FILE *fp;

	snprintf(path, sizeof(path), "/proc/%d/status", (int)pid);
	fp = fopen(path, "r");
	assert_non_null(fp);
	while (fgets(line, sizeof(line), fp) != NULL) {
		if (strncmp(line, "State:", 6) == 0)
			sscanf(line + 6, " %c", &st);
		if (strncmp(line, "TracerPid:", 10) == 0)
			*tracer = atoi(line + 10);
	}
	fclose(fp);
	return st;
}

static void
test_eval_live(void **state)
{
	struct ptc_target *t;
	const struct ptc_map *m;
	uint64_t v, base, a2, sp, stack_start;
	uint32_t u32;
	char want[128];
	int tracer = -1;

	(void)state;
	t = ptc_target_open(child);
	assert_non_null(t);
	m = ptc_maps_module(ptc_target_maps(t), "basic");
	assert_non_null(m);
	base = m->start;

	assert_int_equal(ptc_addr_eval(t, "basic", &v), 0);
	assert_int_equal(v, base);
	assert_int_equal(ptc_addr_eval(t, "main", &v), 0);
	assert_int_equal(v, base + nm_addr("main"));
	assert_int_equal(ptc_addr_eval(t, "basic:main+4", &v), 0);
	assert_int_equal(v, base + nm_addr("main") + 4);
	assert_int_equal(ptc_addr_eval(t, "counter_u32", &v), 0);
	assert_int_equal(ptc_mem_read(child, v, &u32, 4, PTC_MEM_AUTO), 4);
	assert_int_equal(u32, 100);
	assert_int_equal(ptc_addr_eval(t, "basic+0x10", &v), 0);
	assert_int_equal(v, base + 0x10);

	assert_int_equal(ptc_addr_eval(t, "libc:malloc", &v), 0);
	assert_int_equal(ptc_addr_eval(t, "malloc", &a2), 0);
	assert_int_equal(v, a2);
	m = ptc_maps_module(ptc_target_maps(t), "libc");
	assert_non_null(m);
	assert_true(v > m->start);
	assert_int_equal(ptc_addr_eval(t, "libc", &v), 0);
	assert_int_equal(v, m->start);
	/* ld.so's name holds '-': still a module, with or without offset */
	m = ptc_maps_module(ptc_target_maps(t), LDSO);
	assert_non_null(m);
	assert_int_equal(ptc_addr_eval(t, LDSO "+0x10", &v), 0);
	assert_int_equal(v, m->start + 0x10);
	assert_int_equal(ptc_addr_eval(t, LDSO, &v), 0);
	assert_int_equal(v, m->start);
	m = ptc_maps_module(ptc_target_maps(t), "[stack]");
	assert_non_null(m);
	stack_start = m->start;
	assert_int_equal(ptc_addr_eval(t, "[stack]+0x8", &v), 0);
	assert_int_equal(v, stack_start + 8);

	assert_int_equal(ptc_addr_eval(t, "mian", &v), -1);
	assert_int_equal(errno, ENOENT);
	assert_string_equal(ptc_error(), "unknown symbol 'mian'");
	assert_int_equal(ptc_addr_eval(t, "libfoo+4", &v), -1);
	snprintf(want, sizeof(want), "no module 'libfoo' in process %d",
	    (int)child);
	assert_string_equal(ptc_error(), want);
	assert_int_equal(ptc_addr_eval(t, "libfoo:malloc", &v), -1);
	assert_string_equal(ptc_error(), want);
	assert_int_equal(ptc_addr_eval(t, "libc:mallocx", &v), -1);
	assert_string_equal(ptc_error(), "unknown symbol 'mallocx' in libc.so.6");
	/* every kernel the suite runs on maps a vDSO */
	m = ptc_maps_module(ptc_target_maps(t), "[vdso]");
	assert_non_null(m);
	assert_int_equal(ptc_addr_eval(t, "[vdso]:" VDSO_GETTIME, &v), 0);
	assert_true(v > m->start && v < m->end);
	assert_int_equal(ptc_addr_eval(t, ":main", &v), -1);
	assert_int_equal(errno, EINVAL);
	assert_int_equal(ptc_addr_eval(t, "/no/such/file", &v), -1);
	snprintf(want, sizeof(want), "no module '/no/such/file' in process %d",
	    (int)child);
	assert_string_equal(ptc_error(), want);
	assert_int_equal(ptc_addr_eval(t, "[nope]", &v), -1);
	snprintf(want, sizeof(want), "no mapping '[nope]' in process %d",
	    (int)child);
	assert_string_equal(ptc_error(), want);
	assert_int_equal(ptc_addr_eval(t, "main)", &v), -1);
	assert_string_equal(ptc_error(), "garbage after 'main': ')'");
	/* '*': a pointer as wide as the process's, stored in data_bytes */
	assert_int_equal(ptc_addr_eval(t, "counter_u32", &a2), 0);
	assert_int_equal(ptc_addr_eval(t, "data_bytes", &v), 0);
	{
		uint64_t p64 = a2;
		uint32_t p32 = (uint32_t)a2;
		size_t ps = (size_t)ptc_proc_ptrsize(child);

		assert_int_equal(ptc_mem_write(child, v, ps == 4 ?
		    (void *)&p32 : (void *)&p64, ps, PTC_MEM_AUTO), ps);
	}
	assert_int_equal(ptc_addr_eval(t, "*data_bytes", &v), 0);
	assert_int_equal(v, a2);
	assert_int_equal(ptc_addr_eval(t, "*(basic:data_bytes)+2*2", &v), 0);
	assert_int_equal(v, a2 + 4);
	assert_int_equal(ptc_addr_eval(t, "*0x10", &v), -1);
	assert_int_equal(errno, EFAULT);
	assert_string_equal(ptc_error(), "*0x10: cannot read a pointer at 0x10");

	/* not stopped until a register is asked for */
	assert_true(proc_state(child, &tracer) != 't');
	assert_int_equal(tracer, 0);
	snprintf(want, sizeof(want), "%%%s", ptc_arch_sp_name);
	assert_int_equal(ptc_addr_eval(t, want, &sp), 0);
	assert_true(sp > stack_start);
	snprintf(want, sizeof(want), "%%%s-16", ptc_arch_sp_name);
	assert_int_equal(ptc_addr_eval(t, want, &v), 0);
	assert_int_equal(v, sp - 16);
	snprintf(want, sizeof(want), "%%%s", ptc_arch_pc_name);
	assert_int_equal(ptc_addr_eval(t, want, &v), 0);
	assert_true(v != 0);
	assert_int_equal(ptc_addr_eval(t, "%nosuchreg", &v), -1);
	assert_int_equal(proc_state(child, &tracer), 't');
	ptc_target_close(t);
	/* and left running, untraced */
	usleep(10000);
	assert_true(proc_state(child, &tracer) != 't');
	assert_int_equal(tracer, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_u64),
		cmocka_unit_test(test_parse_ok),
		cmocka_unit_test(test_parse_errors),
		cmocka_unit_test(test_parse_limits),
		cmocka_unit_test(test_parse_noise),
		cmocka_unit_test(test_check),
		cmocka_unit_test_setup_teardown(test_eval_live, setup_child,
		    teardown_child),
	};

	signal(SIGPIPE, SIG_IGN);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
