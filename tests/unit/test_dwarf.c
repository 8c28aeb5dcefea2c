/*
 * test_dwarf: source lines, inlined calls and backtraces (lib/dwarf.c,
 * lib/unwind.c) on stack-chain, whose threads block at the end of a
 * known call chain, built with DWARF, without, and without CFI for its
 * own code (frame pointers then); the lines named in
 * tests/targets/stack-chain.c are the oracle.
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
#include <time.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "ptcore.h"

static char dir[PATH_MAX];
static FILE *child;
static pid_t child_pid;

/* Start stack-chain (or its -nodebug build) with nthreads threads, and
 * wait until its main thread sleeps in read(2). */
static pid_t
start(const char *name, int nthreads)
{
	char cmd[PATH_MAX + 64], line[64], st[PATH_MAX];
	struct timespec ms = { 0, 1000000 };

	snprintf(cmd, sizeof(cmd), "exec '%s/%s' %d", dir, name, nthreads);
	assert_non_null(child = popen(cmd, "r"));
	assert_non_null(fgets(line, sizeof(line), child));
	assert_int_equal(sscanf(line, "ready %d", &child_pid), 1);
	snprintf(st, sizeof(st), "/proc/%d/stat", (int)child_pid);
	for (int i = 0; i < 5000; i++) {
		FILE *fp = fopen(st, "r");
		char state = '?';

		assert_non_null(fp);
		(void)!fscanf(fp, "%*d (%*[^)]) %c", &state);
		fclose(fp);
		if (state == 'S')
			break;
		nanosleep(&ms, NULL);
	}
	return child_pid;
}

/* start() and the debug information of the process. */
static struct ptc_dwarf *
opened(const char *name, int nthreads, pid_t *pid)
{
	struct ptc_dwarf *d;

	*pid = start(name, nthreads);
	assert_non_null(d = ptc_dwarf_new(*pid));
	return d;
}

static int
teardown(void **state)
{
	(void)state;
	if (child != NULL) {
		kill(child_pid, SIGKILL);
		/* threads a failed test left traced are ours to reap */
		while (waitpid(-1, NULL, __WALL) > 0)
			;
		pclose(child);
		child = NULL;
	}
	return 0;
}

#define MAXF 64
struct frames {
	struct ptc_frame f[MAXF];
	char sym[MAXF][64], file[MAXF][PATH_MAX];
	int n;
};

/* Keep a copy: the strings of a frame live during the call only. */
static int
keep(const struct ptc_frame *f, void *arg)
{
	struct frames *fs = arg;
	int i = fs->n++;

	assert_true(i < MAXF);
	assert_int_equal(f->n, i);
	fs->f[i] = *f;
	snprintf(fs->sym[i], sizeof(fs->sym[i]), "%s", f->sym ? f->sym : "");
	snprintf(fs->file[i], sizeof(fs->file[i]), "%s",
	    f->file ? f->file : "");
	return 0;
}

/* Index of the first frame whose symbol is name; fails if none. */
static int
find(const struct frames *fs, const char *name)
{
	for (int i = 0; i < fs->n; i++)
		if (strcmp(fs->sym[i], name) == 0)
			return i;
	fail_msg("no frame %s", name);
	return -1;
}

/* Unwind thread tid of pid, stopped by a session of our own. */
static void
unwind(struct ptc_dwarf *d, pid_t pid, pid_t tid, unsigned max,
    struct frames *fs)
{
	struct ptc_session *s = ptc_session_new(0);
	struct ptc_task *t;
	int n;

	(void)pid;
	assert_non_null(s);
	assert_int_equal(ptc_attach(s, tid, PTC_ATTACH_STOP, &t), 0);
	fs->n = 0;
	n = ptc_dwarf_unwind(d, tid, max, keep, fs);
	ptc_session_free(s);
	assert_int_equal(n, fs->n);
}

static void
assert_line(const struct frames *fs, int i, const char *sym, int line,
    int inlined)
{
	const char *file = "tests/targets/stack-chain.c";
	size_t fl = strlen(fs->file[i]), l = strlen(file);

	assert_string_equal(fs->sym[i], sym);
	assert_int_equal(fs->f[i].line, line);
	assert_int_equal(fs->f[i].inlined, inlined);
	/* the line table names the file as it was compiled */
	assert_true(fl >= l && strcmp(fs->file[i] + fl - l, file) == 0);
}

/* The chain of the main thread, with the inlined call as its own frame. */
/*
 * arm: libdw unwinds by DWARF CFI only, and Debian's armhf C library,
 * where the tracees sleep, has none (its unwind tables are ARM EHABI,
 * .ARM.exidx): no frame above the syscall is found.
 */
static void
no_unwind_here(void)
{
#if defined(__arm__)
	print_message("skip: libdw cannot unwind through ARM EHABI-only "
	    "code (the C library)\n");
	skip();
#endif
}

static void
test_chain(void **state)
{
	pid_t pid;
	struct ptc_dwarf *d = opened("stack-chain", 0, &pid);
	struct frames fs;
	int c;

	(void)state;
	no_unwind_here();
	assert_int_equal(ptc_dwarf_exe_lines(d), 1);
	unwind(d, pid, pid, 0, &fs);
	c = find(&fs, "chain_c");
	assert_true(c >= 1);            /* read(2)'s wrapper is below */
	assert_line(&fs, c, "chain_c", 24, 0);
	assert_line(&fs, c + 1, "chain_inl", 31, 1);
	assert_line(&fs, c + 2, "chain_b", 37, 0);
	assert_line(&fs, c + 3, "chain_a", 43, 0);
	assert_line(&fs, c + 4, "main", 69, 0);
	/* an inlined frame is at its caller's pc, with no ELF offset */
	assert_true(fs.f[c + 1].pc == fs.f[c + 2].pc);
	assert_int_equal(fs.f[c + 1].symoff, 0);
	assert_true(fs.f[c + 2].symoff > 0);
	assert_non_null(strstr(fs.f[c].module, "stack-chain"));
	/* max cuts the walk short, inlined frames counted */
	unwind(d, pid, pid, (unsigned)c + 2, &fs);
	assert_int_equal(fs.n, c + 2);
	assert_string_equal(fs.sym[c + 1], "chain_inl");
	ptc_dwarf_free(d);
}

/* Worker threads: each its own stack, from worker() at line 51. */
static void
test_threads(void **state)
{
	pid_t pid, *tids;
	struct ptc_dwarf *d = opened("stack-chain", 2, &pid);
	struct frames fs;
	ssize_t n;
	int c, workers = 0;

	(void)state;
	no_unwind_here();
	/* the workers block before main does: all asleep now or soon */
	usleep(100000);
	assert_int_equal(n = ptc_pid_threads(pid, &tids), 3);
	for (ssize_t i = 0; i < n; i++) {
		if (tids[i] == pid)
			continue;
		unwind(d, pid, tids[i], 0, &fs);
		c = find(&fs, "chain_c");
		assert_line(&fs, c + 4, "worker", 51, 0);
		workers++;
	}
	assert_int_equal(workers, 2);
	free(tids);
	ptc_dwarf_free(d);
}

/* ptc_dwarf_srcline at a return address - 1: the inlined call chain. */
static void
test_srcline(void **state)
{
	pid_t pid;
	struct ptc_dwarf *d = opened("stack-chain", 0, &pid);
	struct ptc_srcloc loc[4];
	struct frames fs;
	int c;

	(void)state;
	no_unwind_here();
	unwind(d, pid, pid, 0, &fs);
	c = find(&fs, "chain_b");
	assert_int_equal(ptc_dwarf_srcline(d, fs.f[c].pc - 1, loc, 4), 2);
	assert_string_equal(loc[0].func, "chain_inl");
	assert_int_equal(loc[0].line, 31);
	assert_int_equal(loc[0].inlined, 1);
	assert_string_equal(loc[1].func, "chain_b");
	assert_int_equal(loc[1].line, 37);
	assert_int_equal(loc[1].inlined, 0);
	/* room for one: the count says how many there are */
	assert_int_equal(ptc_dwarf_srcline(d, fs.f[c].pc - 1, loc, 1), 2);
	assert_string_equal(loc[0].func, "chain_inl");
	/* no module at 0 */
	assert_int_equal(ptc_dwarf_srcline(d, 0, loc, 4), -1);
	assert_int_equal(errno, ENOENT);
	/* the same after reading the modules again */
	assert_int_equal(ptc_dwarf_refresh(d), 0);
	assert_int_equal(ptc_dwarf_srcline(d, fs.f[c].pc - 1, loc, 4), 2);
	assert_int_equal(loc[1].line, 37);
	ptc_dwarf_free(d);
}

/* Without DWARF: symbols still, no lines, and the walk still works. */
static void
test_nodebug(void **state)
{
	pid_t pid;
	struct ptc_dwarf *d = opened("stack-chain-nodebug", 0, &pid);
	struct ptc_srcloc loc[4];
	struct frames fs;
	int c;

	(void)state;
	no_unwind_here();
	assert_int_equal(ptc_dwarf_exe_lines(d), 0);
	unwind(d, pid, pid, 0, &fs);
	c = find(&fs, "chain_c");
	/* no inlined frame: chain_inl is unknown without DWARF */
	assert_string_equal(fs.sym[c + 1], "chain_b");
	assert_string_equal(fs.sym[c + 2], "chain_a");
	assert_string_equal(fs.sym[c + 3], "main");
	for (int i = c; i < c + 4; i++) {
		assert_string_equal(fs.file[i], "");
		assert_int_equal(fs.f[i].line, 0);
	}
	assert_int_equal(ptc_dwarf_srcline(d, fs.f[c].pc - 1, loc, 4), 0);
	ptc_dwarf_free(d);
}

/* No CFI for the program's code: frame pointers lead the way out. */
static void
test_framepointers(void **state)
{
	pid_t pid;
	struct ptc_dwarf *d = opened("stack-chain-nocfi", 0, &pid);
	struct frames fs;
	int c;

	(void)state;
	no_unwind_here();
	unwind(d, pid, pid, 0, &fs);
	c = find(&fs, "chain_c");
#if defined(__aarch64__) || defined(__powerpc64__)
	/*
	 * On aarch64 and ppc64 libdwfl's frame-pointer fallback can name
	 * the first function without CFI twice (from its pc and from the
	 * link register); its callers then follow in order.
	 */
	if (strcmp(fs.sym[c + 1], "chain_c") == 0)
		c++;
#endif
	assert_string_equal(fs.sym[c + 1], "chain_b");
	assert_string_equal(fs.sym[c + 2], "chain_a");
	assert_string_equal(fs.sym[c + 3], "main");
	ptc_dwarf_free(d);
}

/* A thread that is not there: ESRCH, no frame. */
static void
test_gone(void **state)
{
	pid_t pid;
	struct ptc_dwarf *d = opened("stack-chain", 0, &pid);
	struct frames fs = { .n = 0 };

	(void)state;
	teardown(NULL);
	assert_int_equal(ptc_dwarf_unwind(d, pid, 0, keep, &fs), -1);
	assert_int_equal(errno, ESRCH);
	assert_int_equal(fs.n, 0);
	/* no modules to read again: every call fails the same way */
	assert_int_equal(ptc_dwarf_refresh(d), -1);
	assert_int_equal(ptc_dwarf_srcline(d, 0x1000, NULL, 0), -1);
	assert_int_equal(errno, ESRCH);
	assert_int_equal(ptc_dwarf_unwind(d, pid, 0, keep, &fs), -1);
	assert_int_equal(errno, ESRCH);
	assert_int_equal(ptc_dwarf_exe_lines(d), -1);
	ptc_dwarf_free(d);
}

/* The line format, on frames made up here. */
static void
test_print(void **state)
{
	struct ptc_frame f = { .n = 3, .pc = 0x401000, .sym = "f",
	    .symoff = 0x10, .module = "/usr/lib/libx.so.1", .file = "a.c",
	    .line = 7 };
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);

	(void)state;
	assert_non_null(fp);
	ptc_frame_print(fp, &f, 0, NULL);
	f.inlined = 1;
	f.symoff = 0;
	ptc_frame_print(fp, &f, 0, NULL);
	f = (struct ptc_frame){ .n = 12, .pc = 0x10 };
	ptc_frame_print(fp, &f, 0, NULL);
	f.sym = "g\033";
	ptc_frame_print(fp, &f, 1, "\"tid\":5,");
	fclose(fp);
	assert_string_equal(buf,
	    "#3  0x0000000000401000  f+0x10  libx.so.1  a.c:7\n"
	    "#3  0x0000000000401000  f  libx.so.1  a.c:7 (inlined)\n"
	    "#12  0x0000000000000010  ??  ??\n"
	    "{\"tid\":5,\"n\":12,\"pc\":\"0x10\",\"symbol\":\"g\\u001b\","
	    "\"offset\":0,\"module\":null,\"file\":null,\"line\":null,"
	    "\"inlined\":false}\n");
	free(buf);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_chain, teardown),
		cmocka_unit_test_teardown(test_threads, teardown),
		cmocka_unit_test_teardown(test_srcline, teardown),
		cmocka_unit_test_teardown(test_nodebug, teardown),
		cmocka_unit_test_teardown(test_framepointers, teardown),
		cmocka_unit_test_teardown(test_gone, teardown),
		cmocka_unit_test(test_print),
	};
	const char *t = getenv("PTOOLS_TARGETS"), *b = getenv("B");

	if (t != NULL)
		snprintf(dir, sizeof(dir), "%s", t);
	else
		snprintf(dir, sizeof(dir), "%s/targets", b ? b : "build");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
