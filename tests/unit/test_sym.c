/*
 * test_sym: symbols of live processes (lib/sym.c) on the basic tracee,
 * PIE and non-PIE, run as children of the test; nm(1) and the child's
 * own memory are the oracles.
 */
#include <errno.h>
#include <fcntl.h>
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

#include "ptcore.h"

static char basic[PATH_MAX], nopie[PATH_MAX];

/* what each CPU's vDSO calls clock_gettime (i386: the 32-bit x86 one) */
#if defined(__aarch64__) || defined(__powerpc64__)
#define VDSO_GETTIME "__kernel_clock_gettime"
#elif defined(__x86_64__) || defined(__i386__) || defined(__arm__)
#define VDSO_GETTIME "__vdso_clock_gettime"
#else
#error "expectations for this CPU are missing"
#endif
/* children of the running test, killed by its teardown even when it fails */
static pid_t children[8];
static size_t nchildren;

static void
target_paths(void)
{
	const char *dir = getenv("PTOOLS_TARGETS");
	const char *b = getenv("B");
	char def[512], rp[PATH_MAX];

	if (dir == NULL) {
		snprintf(def, sizeof(def), "%s/targets", b ? b : "build");
		dir = def;
	}
	snprintf(basic, sizeof(basic), "%s/basic", dir);
	snprintf(nopie, sizeof(nopie), "%s/basic-nopie", dir);
	if (realpath(basic, rp) != NULL)
		snprintf(basic, sizeof(basic), "%s", rp);
	if (realpath(nopie, rp) != NULL)
		snprintf(nopie, sizeof(nopie), "%s", rp);
}

/* Run prog, wait for its "ready" line; returns the pid. */
static pid_t
start(const char *prog)
{
	int fds[2];
	char line[64];
	pid_t pid;
	FILE *fp;

	assert_int_equal(pipe(fds), 0);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		prctl(PR_SET_PDEATHSIG, SIGKILL);
		dup2(fds[1], 1);
		close(fds[0]);
		close(fds[1]);
		execl(prog, prog, (char *)NULL);
		_exit(127);
	}
	if (nchildren < sizeof(children) / sizeof(children[0]))
		children[nchildren++] = pid;
	close(fds[1]);
	fp = fdopen(fds[0], "r");
	assert_non_null(fp);
	assert_non_null(fgets(line, sizeof(line), fp));
	assert_true(strncmp(line, "ready ", 6) == 0);
	fclose(fp);
	return pid;
}

static void
stop(pid_t pid)
{
	size_t i;

	for (i = 0; i < nchildren; i++)
		if (children[i] == pid)
			children[i] = children[--nchildren];
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
}

static int
teardown(void **state)
{
	(void)state;
	while (nchildren > 0)
		stop(children[0]);
	return 0;
}

static uint64_t
nm_addr(const char *path, const char *sym, int dynamic)
{
	char cmd[PATH_MAX + 64], line[512];
	uint64_t v = 0;
	FILE *fp;

	snprintf(cmd, sizeof(cmd), "nm %s --defined-only '%s' 2>/dev/null",
	    dynamic ? "-D" : "", path);
	fp = popen(cmd, "r");
	assert_non_null(fp);
	while (fgets(line, sizeof(line), fp) != NULL) {
		char name[256], t;
		unsigned long long a;

		if (sscanf(line, "%llx %c %255s", &a, &t, name) == 3 &&
		    (strcmp(name, sym) == 0 ||
		    (strncmp(name, sym, strlen(sym)) == 0 &&
		    name[strlen(sym)] == '@')))
			v = a;
	}
	pclose(fp);
	assert_true(v != 0);
	return v;
}

/* Start and path of the first mapping of the file whose name ends in base. */
static uint64_t
first_map(pid_t pid, const char *base, char *path, size_t len)
{
	char fn[64], line[PATH_MAX + 128];
	uint64_t start = 0;
	FILE *fp;

	snprintf(fn, sizeof(fn), "/proc/%d/maps", (int)pid);
	fp = fopen(fn, "r");
	assert_non_null(fp);
	while (fgets(line, sizeof(line), fp) != NULL) {
		unsigned long long s;
		char *p = strchr(line, '/'), *b;

		if (p == NULL)
			continue;
		p[strcspn(p, "\n")] = '\0';
		b = strrchr(p, '/') + 1;
		if (strncmp(b, base, strlen(base)) != 0)
			continue;
		if (sscanf(line, "%llx-", &s) == 1) {
			start = s;
			if (path != NULL)
				snprintf(path, len, "%s", p);
			break;
		}
	}
	fclose(fp);
	assert_true(start != 0);
	return start;
}

struct live {
	pid_t pid;
	struct ptc_maps *maps;
	struct ptc_syms *ss;
};

static void
live_open(struct live *l, const char *prog)
{
	l->pid = start(prog);
	l->maps = ptc_maps_read(l->pid);
	assert_non_null(l->maps);
	l->ss = ptc_syms_new(l->pid, l->maps);
	assert_non_null(l->ss);
}

static void
live_close(struct live *l)
{
	ptc_syms_free(l->ss);
	ptc_maps_free(l->maps);
	stop(l->pid);
}

static void
test_pie(void **state)
{
	struct live l;
	uint64_t a, base;
	uint32_t u32;
	char buf[32], sym[128], mod[128];

	(void)state;
	live_open(&l, basic);
	base = first_map(l.pid, "basic", NULL, 0);
	assert_int_equal(ptc_syms_lookup(l.ss, NULL, "main", &a), 0);
	assert_int_equal(a, base + nm_addr(basic, "main", 0));
	assert_int_equal(ptc_syms_lookup(l.ss, "basic", "main", &a), 0);
	assert_int_equal(a, base + nm_addr(basic, "main", 0));
	assert_int_equal(ptc_syms_lookup(l.ss, basic, "add_numbers", &a), 0);
	assert_int_equal(a, base + nm_addr(basic, "add_numbers", 0));

	/* the process's own memory agrees */
	assert_int_equal(ptc_syms_lookup(l.ss, NULL, "counter_u32", &a), 0);
	assert_int_equal(ptc_mem_read(l.pid, a, &u32, 4, PTC_MEM_AUTO), 4);
	assert_int_equal(u32, 100);
	assert_int_equal(ptc_syms_lookup(l.ss, NULL, "greeting", &a), 0);
	assert_int_equal(ptc_mem_read(l.pid, a, buf, 14, PTC_MEM_AUTO), 14);
	assert_string_equal(buf, "hello, ptools");

	a = base + nm_addr(basic, "main", 0);
	assert_int_equal(ptc_syms_describe(l.ss, a, sym, sizeof(sym), mod,
	    sizeof(mod)), 0);
	assert_string_equal(sym, "main");
	snprintf(buf, sizeof(buf), "basic+0x%" PRIx64, a - base);
	assert_string_equal(mod, buf);
	assert_int_equal(ptc_syms_describe(l.ss, a + 4, sym, sizeof(sym), mod,
	    sizeof(mod)), 0);
	assert_string_equal(sym, "main+0x4");
	assert_int_equal(ptc_syms_describe(l.ss, base, sym, sizeof(sym), mod,
	    sizeof(mod)), 0);
	assert_string_equal(mod, "basic");
	/* one at a time, and only the parts asked for */
	assert_int_equal(ptc_syms_describe(l.ss, a + 4, NULL, 0, mod,
	    sizeof(mod)), 0);
	assert_int_equal(ptc_syms_describe(l.ss, a + 4, sym, sizeof(sym), NULL,
	    0), 0);
	assert_string_equal(sym, "main+0x4");
	/* a small buffer truncates, never overflows */
	assert_int_equal(ptc_syms_describe(l.ss, a + 4, sym, 3, mod, 4), 0);
	assert_string_equal(sym, "ma");
	assert_string_equal(mod, "bas");

	assert_int_equal(ptc_syms_lookup(l.ss, NULL, "heap_buf", &a), 0);
	assert_int_equal(ptc_syms_describe(l.ss, a + 2, sym, sizeof(sym), NULL,
	    0), 0);
	assert_string_equal(sym, "heap_buf+0x2");
	live_close(&l);
}

/* Labels: the symbol that starts at an address, nothing in between. */
static void
test_label(void **state)
{
	struct live l;
	uint64_t a, base;
	char buf[128];

	(void)state;
	live_open(&l, basic);
	base = first_map(l.pid, "basic", NULL, 0);
	a = base + nm_addr(basic, "add_numbers", 0);
	assert_int_equal(ptc_syms_label(l.ss, a, buf, sizeof(buf)), 0);
	assert_string_equal(buf, "add_numbers");
	/* inside a function: no label, and buf says so */
	assert_int_equal(ptc_syms_label(l.ss, a + 1, buf, sizeof(buf)), -1);
	assert_int_equal(errno, ENOENT);
	assert_string_equal(buf, "");
	/* truncated to fit */
	assert_int_equal(ptc_syms_label(l.ss, a, buf, 4), 0);
	assert_string_equal(buf, "add");
	/* in a library, without the version suffix, as describe writes it */
	assert_int_equal(ptc_syms_lookup(l.ss, "libc", "malloc", &a), 0);
	assert_int_equal(ptc_syms_label(l.ss, a, buf, sizeof(buf)), 0);
	assert_null(strchr(buf, '@'));
	{
		char sym[128];

		assert_int_equal(ptc_syms_describe(l.ss, a, sym, sizeof(sym),
		    NULL, 0), 0);
		assert_string_equal(buf, sym);
	}
	/* in no module */
	assert_int_equal(ptc_syms_label(l.ss, 0x1000, buf, sizeof(buf)), -1);
	assert_int_equal(errno, ENOENT);
	live_close(&l);
}

static void
test_nopie(void **state)
{
	struct live l;
	uint64_t a;
	uint32_t u32;
	char sym[128], mod[128];

	(void)state;
	live_open(&l, nopie);
	assert_int_equal(ptc_syms_lookup(l.ss, NULL, "main", &a), 0);
	assert_int_equal(a, nm_addr(nopie, "main", 0));
	assert_int_equal(ptc_syms_lookup(l.ss, NULL, "counter_u32", &a), 0);
	assert_int_equal(a, nm_addr(nopie, "counter_u32", 0));
	assert_int_equal(ptc_mem_read(l.pid, a, &u32, 4, PTC_MEM_AUTO), 4);
	assert_int_equal(u32, 100);
	assert_int_equal(ptc_syms_describe(l.ss, nm_addr(nopie, "add_numbers",
	    0) + 1, sym, sizeof(sym), mod, sizeof(mod)), 0);
	assert_string_equal(sym, "add_numbers+0x1");
	live_close(&l);
}

static void
test_libc(void **state)
{
	struct live l;
	uint64_t a, base;
	char path[PATH_MAX], sym[128], mod[128], want[160];

	(void)state;
	live_open(&l, basic);
	base = first_map(l.pid, "libc.so", path, sizeof(path));
	assert_int_equal(ptc_syms_lookup(l.ss, "libc", "malloc", &a), 0);
	assert_int_equal(a, base + nm_addr(path, "malloc", 1));
	assert_int_equal(ptc_syms_lookup(l.ss, "libc.so.6", "malloc", &a), 0);
	assert_int_equal(ptc_syms_lookup(l.ss, NULL, "malloc", &a), 0);
	assert_int_equal(a, base + nm_addr(path, "malloc", 1));
	assert_int_equal(ptc_syms_describe(l.ss, a, sym, sizeof(sym), mod,
	    sizeof(mod)), 0);
	assert_string_equal(sym, "malloc");
	snprintf(want, sizeof(want), "%s+0x%" PRIx64, strrchr(path, '/') + 1,
	    a - base);
	assert_string_equal(mod, want);
	assert_int_equal(ptc_syms_describe(l.ss, a + 0x10, sym, sizeof(sym),
	    NULL, 0), 0);
	assert_string_equal(sym, "malloc+0x10");
	live_close(&l);
}

static void
test_errors(void **state)
{
	struct live l;
	uint64_t a;
	char sym[128], mod[128], want[128];

	(void)state;
	assert_null(ptc_syms_new(1, NULL));
	assert_int_equal(errno, EINVAL);

	live_open(&l, basic);
	assert_int_equal(ptc_syms_lookup(l.ss, NULL, "mian", &a), -1);
	assert_int_equal(errno, ENOENT);
	assert_string_equal(ptc_error(), "unknown symbol 'mian'");
	assert_int_equal(ptc_syms_lookup(l.ss, "libfoo", "x", &a), -1);
	assert_int_equal(errno, ENOENT);
	snprintf(want, sizeof(want), "no module 'libfoo' in process %d",
	    (int)l.pid);
	assert_string_equal(ptc_error(), want);
	assert_int_equal(ptc_syms_lookup(l.ss, "libc", "mallocx", &a), -1);
	assert_string_equal(ptc_error(), "unknown symbol 'mallocx' in libc.so.6");
	assert_int_equal(ptc_syms_lookup(l.ss, NULL, "", &a), -1);
	assert_int_equal(errno, EINVAL);
	/* regions without ELF: no symbols, but a module name */
	assert_int_equal(ptc_syms_lookup(l.ss, "[stack]", "main", &a), -1);
	assert_string_equal(ptc_error(),
	    "no symbols for [stack]: not an ELF module");
	assert_int_equal(ptc_syms_describe(l.ss, 0, sym, sizeof(sym), mod,
	    sizeof(mod)), -1);
	assert_int_equal(errno, ENOENT);
	assert_string_equal(sym, "");
	assert_string_equal(mod, "");
	live_close(&l);
}

static void
test_regions(void **state)
{
	struct live l;
	const struct ptc_map *m;
	uint64_t a;
	char sym[128], mod[128], want[64];

	(void)state;
	live_open(&l, basic);
	m = ptc_maps_module(l.maps, "[stack]");
	assert_non_null(m);
	assert_int_equal(ptc_syms_describe(l.ss, m->start + 0x10, sym,
	    sizeof(sym), mod, sizeof(mod)), 0);
	assert_string_equal(sym, "");
	assert_string_equal(mod, "[stack]+0x10");
	/* the vDSO is an ELF image in memory only */
	m = ptc_maps_module(l.maps, "[vdso]");
	assert_non_null(m);
	assert_int_equal(ptc_syms_lookup(l.ss, "[vdso]", VDSO_GETTIME, &a), 0);
	assert_true(a >= m->start && a < m->end);
	assert_int_equal(ptc_syms_describe(l.ss, a, sym, sizeof(sym), mod,
	    sizeof(mod)), 0);
	/* the name it was found by; the vDSO's aliases sort after it */
	assert_string_equal(sym, VDSO_GETTIME);
	snprintf(want, sizeof(want), "[vdso]+0x%" PRIx64, a - m->start);
	assert_string_equal(mod, want);
	live_close(&l);
}

/* A deleted executable is still read through its mapping. */
static void
test_deleted(void **state)
{
	char dir[] = "/tmp/ptc-sym-XXXXXX", copy[PATH_MAX], cmd[3 * PATH_MAX];
	struct live l;
	uint64_t a;
	uint32_t u32;
	char sym[128], mod[128];

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(copy, sizeof(copy), "%s/victim", dir);
	snprintf(cmd, sizeof(cmd), "cp '%s' '%s'", basic, copy);
	assert_int_equal(system(cmd), 0);
	l.pid = start(copy);
	assert_int_equal(unlink(copy), 0);
	assert_int_equal(rmdir(dir), 0);
	l.maps = ptc_maps_read(l.pid);
	assert_non_null(l.maps);
	l.ss = ptc_syms_new(l.pid, l.maps);
	assert_non_null(l.ss);
	assert_int_equal(ptc_syms_lookup(l.ss, NULL, "counter_u32", &a), 0);
	assert_int_equal(ptc_mem_read(l.pid, a, &u32, 4, PTC_MEM_AUTO), 4);
	assert_int_equal(u32, 100);
	assert_int_equal(ptc_syms_lookup(l.ss, "victim", "main", &a), 0);
	assert_int_equal(ptc_syms_describe(l.ss, a + 1, sym, sizeof(sym), mod,
	    sizeof(mod)), 0);
	assert_string_equal(sym, "main+0x1");
	assert_true(strncmp(mod, "victim+0x", 9) == 0);
	live_close(&l);
}

/* With libc's debug file installed, its local symbols are found too. */
static void
test_debugfile(void **state)
{
	struct live l;
	char path[PATH_MAX], sym[128];
	struct ptc_elf *e;
	const void *id;
	size_t len;
	uint64_t a;

	(void)state;
	live_open(&l, basic);
	first_map(l.pid, "libc.so", path, sizeof(path));
	e = ptc_elf_open(path);
	assert_non_null(e);
	if (ptc_elf_has_symtab(e) || ptc_elf_build_id(e, &id, &len) != 0) {
		ptc_elf_close(e);
		live_close(&l);
		skip();
	}
	{
		const unsigned char *b = id;
		char dbg[256];
		int o = snprintf(dbg, sizeof(dbg),
		    "/usr/lib/debug/.build-id/%02x/", b[0]);

		for (size_t i = 1; i < len; i++)
			o += snprintf(dbg + o, sizeof(dbg) - (size_t)o, "%02x", b[i]);
		snprintf(dbg + o, sizeof(dbg) - (size_t)o, ".debug");
		ptc_elf_close(e);
		if (access(dbg, R_OK) != 0) {
			live_close(&l);
			skip();
		}
	}
	/* a static function of malloc.c: only in the debug file */
	assert_int_equal(ptc_syms_lookup(l.ss, "libc", "_int_malloc", &a), 0);
	assert_int_equal(ptc_syms_describe(l.ss, a + 1, sym, sizeof(sym), NULL,
	    0), 0);
	assert_string_equal(sym, "_int_malloc+0x1");
	live_close(&l);
}

/* A stripped executable with its symbols in DIR/.debug via .gnu_debuglink. */
static void
test_debuglink(void **state)
{
	static char cmd[6 * PATH_MAX];
	char dir[] = "/tmp/ptc-dbg-XXXXXX", prog[PATH_MAX];
	struct live l;
	uint64_t a;
	uint32_t u32;
	char sym[128];

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(prog, sizeof(prog), "%s/prog", dir);
	snprintf(cmd, sizeof(cmd), "set -e; mkdir '%s/.debug'; cp '%s' '%s'; "
	    "objcopy --only-keep-debug '%s' '%s/.debug/prog.debug'; "
	    "strip --strip-all '%s'; "
	    "objcopy --add-gnu-debuglink='%s/.debug/prog.debug' '%s'",
	    dir, basic, prog, prog, dir, prog, dir, prog);
	if (system(cmd) != 0) {
		snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
		(void)system(cmd);
		skip();
	}
	live_open(&l, prog);
	assert_int_equal(ptc_syms_lookup(l.ss, NULL, "counter_u32", &a), 0);
	assert_int_equal(ptc_mem_read(l.pid, a, &u32, 4, PTC_MEM_AUTO), 4);
	assert_int_equal(u32, 100);
	assert_int_equal(ptc_syms_lookup(l.ss, "prog", "add_numbers", &a), 0);
	assert_int_equal(ptc_syms_describe(l.ss, a + 1, sym, sizeof(sym), NULL,
	    0), 0);
	assert_string_equal(sym, "add_numbers+0x1");
	live_close(&l);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
}

/* Many lookups by address on one loaded set: all consistent. */
static void
test_many(void **state)
{
	struct live l;
	struct ptc_elf *e;
	uint64_t base;
	size_t i, n, checked = 0, plt = 0;

	(void)state;
	live_open(&l, basic);
	base = first_map(l.pid, "basic", NULL, 0);
	e = ptc_elf_open(basic);
	assert_non_null(e);
	n = ptc_elf_nsyms(e);
	for (i = 0; i < n; i++) {
		struct ptc_sym s;
		char sym[256], want[256];
		int nl;

		assert_int_equal(ptc_elf_sym_at(e, i, &s), 0);
		if (s.size == 0 || (s.type != 2 && s.type != 1))
			continue;
		assert_int_equal(ptc_syms_describe(l.ss, base + s.value +
		    s.size - 1, sym, sizeof(sym), NULL, 0), 0);
		/* versioned names are shown as they are typed */
		nl = strstr(s.name, "@plt") != NULL ? (int)strlen(s.name) :
		    (int)strcspn(s.name, "@");
		if (s.size == 1)
			snprintf(want, sizeof(want), "%.*s", nl, s.name);
		else
			snprintf(want, sizeof(want), "%.*s+0x%" PRIx64, nl,
			    s.name, s.size - 1);
		if (strstr(s.name, "@plt") != NULL)
			plt++;
		assert_string_equal(sym, want);
		checked++;
	}
	assert_true(checked > 5);
	/*
	 * the tracee calls printf, malloc, getpid... through its PLT (on
	 * ppc64 through linker stubs, which have no symbols)
	 */
#if !defined(__powerpc64__)
	assert_true(plt >= 3);
#endif
	ptc_elf_close(e);
	live_close(&l);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_pie, teardown),
		cmocka_unit_test_teardown(test_nopie, teardown),
		cmocka_unit_test_teardown(test_label, teardown),
		cmocka_unit_test_teardown(test_libc, teardown),
		cmocka_unit_test_teardown(test_errors, teardown),
		cmocka_unit_test_teardown(test_regions, teardown),
		cmocka_unit_test_teardown(test_deleted, teardown),
		cmocka_unit_test_teardown(test_debugfile, teardown),
		cmocka_unit_test_teardown(test_debuglink, teardown),
		cmocka_unit_test_teardown(test_many, teardown),
	};

	target_paths();
	signal(SIGPIPE, SIG_IGN);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
