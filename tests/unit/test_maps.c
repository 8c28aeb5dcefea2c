/*
 * test_maps: the /proc/PID/maps parser on tricky lines, lookup by
 * address and by module name, and reading a live process's maps.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "ptcore.h"

static const char text[] =
    "555555554000-555555556000 r--p 00000000 fd:01 1234                       /usr/bin/my prog\n"
    "555555556000-555555558000 r-xp 00002000 fd:01 1234                       /usr/bin/my prog\n"
    "555555559000-55555557a000 rw-p 00000000 00:00 0                          [heap]\n"
    "7ffff7d80000-7ffff7da8000 r--p 00000000 fd:01 99                         /usr/lib/x86_64-linux-gnu/libc.so.6\n"
    "7ffff7da8000-7ffff7f3d000 r-xp 00028000 fd:01 99                         /usr/lib/x86_64-linux-gnu/libc.so.6\n"
    "7ffff7f90000-7ffff7f94000 rw-p 00000000 00:00 0 \n"
    "7ffff7f94000-7ffff7f95000 rw-s 00000000 00:05 77                         /dev/shm/gone (deleted)\n"
    "7ffff7f95000-7ffff7f96000 r-xp 00000000 fd:01 42                         /opt/lib/libold-2.36.so\n"
    "7ffff7fc1000-7ffff7fc5000 r--p 00000000 00:00 0                          [vvar]\n"
    "7ffff7fc5000-7ffff7fc7000 r-xp 00000000 00:00 0                          [vdso]\n"
    "7ffffffde000-7ffffffff000 rw-p 00000000 00:00 0                          [stack]\n"
    "ffffffffff600000-ffffffffff601000 --xp 00000000 00:00 0                  [vsyscall]";

static void
test_parse(void **state)
{
	struct ptc_maps *m = ptc_maps_parse(text, sizeof(text) - 1);
	const struct ptc_map *p;

	(void)state;
	assert_non_null(m);
	assert_int_equal(ptc_maps_count(m), 12);
	p = ptc_maps_at(m, 1);
	assert_int_equal(p->start, 0x555555556000);
	assert_int_equal(p->end, 0x555555558000);
	assert_int_equal(p->offset, 0x2000);
	assert_string_equal(p->perms, "r-xp");
	assert_int_equal(p->dev_major, 0xfd);
	assert_int_equal(p->dev_minor, 1);
	assert_int_equal(p->inode, 1234);
	assert_string_equal(p->path, "/usr/bin/my prog");
	assert_string_equal(ptc_map_name(p), "my prog");
	/* anonymous, with a trailing blank */
	p = ptc_maps_at(m, 5);
	assert_string_equal(p->path, "");
	assert_string_equal(ptc_map_name(p), "");
	p = ptc_maps_at(m, 6);
	assert_string_equal(p->path, "/dev/shm/gone (deleted)");
	assert_string_equal(p->perms, "rw-s");
	assert_string_equal(ptc_map_name(p), "gone");
	p = ptc_maps_at(m, 11);
	assert_int_equal(p->start, 0xffffffffff600000);
	assert_string_equal(ptc_map_name(p), "[vsyscall]");
	assert_null(ptc_maps_at(m, 12));
	ptc_maps_free(m);
}

static void
test_find(void **state)
{
	struct ptc_maps *m = ptc_maps_parse(text, sizeof(text) - 1);

	(void)state;
	assert_null(ptc_maps_find(m, 0));
	assert_null(ptc_maps_find(m, 0x555555553fff));
	assert_int_equal(ptc_maps_find(m, 0x555555554000)->start,
	    0x555555554000);
	assert_int_equal(ptc_maps_find(m, 0x555555555fff)->start,
	    0x555555554000);
	assert_int_equal(ptc_maps_find(m, 0x555555556000)->start,
	    0x555555556000);
	/* the gap between the executable and the heap */
	assert_null(ptc_maps_find(m, 0x555555558000));
	assert_string_equal(ptc_maps_find(m, 0x7ffffffff000 - 1)->path,
	    "[stack]");
	assert_null(ptc_maps_find(m, 0x7ffffffff000));
	assert_string_equal(ptc_maps_find(m, 0xffffffffff600fff)->path,
	    "[vsyscall]");
	assert_null(ptc_maps_find(m, UINT64_MAX));
	ptc_maps_free(m);
}

static void
test_module(void **state)
{
	struct ptc_maps *m = ptc_maps_parse(text, sizeof(text) - 1);
	const struct ptc_map *p;

	(void)state;
	p = ptc_maps_module(m, "libc");
	assert_non_null(p);
	assert_int_equal(p->start, 0x7ffff7d80000);
	assert_ptr_equal(ptc_maps_module(m, "libc.so.6"), p);
	assert_ptr_equal(ptc_maps_module(m, "libc.so"), p);
	assert_ptr_equal(ptc_maps_module(m,
	    "/usr/lib/x86_64-linux-gnu/libc.so.6"), p);
	assert_int_equal(ptc_maps_module(m, "libold")->start, 0x7ffff7f95000);
	assert_int_equal(ptc_maps_module(m, "libold-2.36.so")->start,
	    0x7ffff7f95000);
	assert_int_equal(ptc_maps_module(m, "my prog")->start, 0x555555554000);
	assert_int_equal(ptc_maps_module(m, "[stack]")->start, 0x7ffffffde000);
	assert_int_equal(ptc_maps_module(m, "[heap]")->start, 0x555555559000);
	assert_int_equal(ptc_maps_module(m, "gone")->start, 0x7ffff7f94000);
	assert_null(ptc_maps_module(m, "lib"));
	assert_int_equal(errno, ENOENT);
	assert_string_equal(ptc_error(), "no module named \"lib\"");
	assert_null(ptc_maps_module(m, "libcap"));
	assert_null(ptc_maps_module(m, "stack"));
	assert_null(ptc_maps_module(m, "/usr/bin/my"));
	assert_null(ptc_maps_module(m, ""));
	ptc_maps_free(m);
}

static void
test_bad_lines(void **state)
{
	static const char *const bad[] = {
		"zzzz-1000 r--p 00000000 00:00 0\n",
		"1000 r--p 00000000 00:00 0\n",
		"1000-2000 rq-p 00000000 00:00 0\n",
		"1000-2000 r--p 00000000 00:00\n",
		"2000-1000 r--p 00000000 00:00 0\n",
		"1000-2000 r--p 00000000 00:00 12x\n",
		"10000000000000000-2000 r--p 00000000 00:00 0\n",
	};

	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		assert_null(ptc_maps_parse(bad[i], strlen(bad[i])));
		assert_int_equal(errno, EINVAL);
		assert_non_null(strstr(ptc_error(), "maps line 1"));
	}
	/* empty text is no mappings, not an error */
	struct ptc_maps *m = ptc_maps_parse("", 0);
	assert_non_null(m);
	assert_int_equal(ptc_maps_count(m), 0);
	assert_null(ptc_maps_find(m, 0x1000));
	ptc_maps_free(m);
	/* unsorted input is sorted */
	static const char un[] =
	    "3000-4000 r--p 00000000 00:00 0 b\n"
	    "1000-2000 r--p 00000000 00:00 0 a\n";
	m = ptc_maps_parse(un, sizeof(un) - 1);
	assert_string_equal(ptc_maps_find(m, 0x1800)->path, "a");
	assert_string_equal(ptc_maps_find(m, 0x3800)->path, "b");
	ptc_maps_free(m);
}

static void
test_live(void **state)
{
	struct ptc_maps *m = ptc_maps_read(getpid());
	const struct ptc_map *p;
	static int here;

	(void)state;
	assert_non_null(m);
	p = ptc_maps_find(m, (uint64_t)(uintptr_t)&here);
	assert_non_null(p);
	assert_string_equal(p->perms, "rw-p");
	assert_non_null(ptc_maps_module(m, "[stack]"));
	assert_non_null(ptc_maps_module(m, "test_maps"));
	ptc_maps_free(m);
	assert_null(ptc_maps_read(0x3ffffff0));
	assert_int_equal(errno, ESRCH);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_find),
		cmocka_unit_test(test_module),
		cmocka_unit_test(test_bad_lines),
		cmocka_unit_test(test_live),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
