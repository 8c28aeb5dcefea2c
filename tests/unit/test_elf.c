/*
 * test_elf: ELF reading (lib/elf.c) on the test tracees, /bin/true, and
 * truncated and corrupted copies made in a temporary directory.
 */
#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <inttypes.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "ptcore.h"

static char basic[4096], nopie[4096];

/*
 * The first instruction bytes of add_numbers as gcc -O0 emits them:
 * x86-64 "push %rbp; mov %rsp,%rbp", i386 "push %ebp; mov %esp,%ebp",
 * AArch64 "sub sp, sp, #0x10" (a leaf keeps no frame record), ppc64le
 * "std r31,-8(r1)" (the frame pointer saved below the stack pointer),
 * arm (Thumb-2) "push {r7}; sub sp, #12".
 */
#if defined(__x86_64__)
#define PROLOGUE "\x55\x48\x89\xe5"
#elif defined(__i386__)
#define PROLOGUE "\x55\x89\xe5"
#elif defined(__aarch64__)
#define PROLOGUE "\xff\x43\x00\xd1"
#elif defined(__powerpc64__)
#define PROLOGUE "\xf8\xff\xe1\xfb"
#elif defined(__arm__)
#define PROLOGUE "\x80\xb4\x83\xb0"
#else
#error "expectations for this CPU are missing"
#endif

static void
target_paths(void)
{
	const char *dir = getenv("PTOOLS_TARGETS");
	const char *b = getenv("B");
	char def[512];

	if (dir == NULL) {
		snprintf(def, sizeof(def), "%s/targets", b ? b : "build");
		dir = def;
	}
	snprintf(basic, sizeof(basic), "%s/basic", dir);
	snprintf(nopie, sizeof(nopie), "%s/basic-nopie", dir);
}

/*
 * Link-time address of sym in path according to nm(1), the oracle, and
 * its size into *size when size is not NULL (nm -S).
 */
static uint64_t
nm_sym(const char *path, const char *sym, uint64_t *size)
{
	char cmd[8192], line[512];
	uint64_t v = 0;
	FILE *fp;

	snprintf(cmd, sizeof(cmd), "nm -S '%s'", path);
	fp = popen(cmd, "r");
	assert_non_null(fp);
	while (fgets(line, sizeof(line), fp) != NULL) {
		char f[4][256];
		int n = sscanf(line, "%255s %255s %255s %255s", f[0], f[1], f[2],
		    f[3]);

		/* "addr size type name", or "addr type name" without a size */
		if (n >= 3 && strcmp(f[n - 1], sym) == 0) {
			v = strtoull(f[0], NULL, 16);
			if (size != NULL)
				*size = n == 4 ? strtoull(f[1], NULL, 16) : 0;
		}
	}
	pclose(fp);
	assert_true(v != 0);
	return v;
}

static uint64_t
nm_addr(const char *path, const char *sym)
{
	return nm_sym(path, sym, NULL);
}

static void
test_header(void **state)
{
	struct ptc_elf *e;

	(void)state;
	e = ptc_elf_open(basic);
	assert_non_null(e);
	/* the tracees are built for the machine the tests run on */
#if defined(__x86_64__)
	assert_int_equal(ptc_elf_machine(e), EM_X86_64);
	assert_int_equal(ptc_elf_class(e), 64);
#elif defined(__aarch64__)
	assert_int_equal(ptc_elf_machine(e), EM_AARCH64);
	assert_int_equal(ptc_elf_class(e), 64);
#elif defined(__i386__)
	assert_int_equal(ptc_elf_machine(e), EM_386);
	assert_int_equal(ptc_elf_class(e), 32);
#elif defined(__powerpc64__)
	assert_int_equal(ptc_elf_machine(e), EM_PPC64);
	assert_int_equal(ptc_elf_class(e), 64);
#elif defined(__arm__)
	assert_int_equal(ptc_elf_machine(e), EM_ARM);
	assert_int_equal(ptc_elf_class(e), 32);
#else
#error "expectations for this CPU are missing"
#endif
	assert_int_equal(ptc_elf_type(e), ET_DYN);
	assert_int_equal(ptc_elf_big_endian(e), 0);
	assert_true(ptc_elf_has_symtab(e));
	ptc_elf_close(e);

	e = ptc_elf_open(nopie);
	assert_non_null(e);
	assert_int_equal(ptc_elf_type(e), ET_EXEC);
	ptc_elf_close(e);
}

static void
test_byname(void **state)
{
	static const char *names[] = { "main", "add_numbers", "counter_u32",
	    "magic_u64", "greeting", "data_bytes", "heap_buf", "_start" };
	const char *files[] = { basic, nopie };
	struct ptc_sym s;
	size_t i, f;

	(void)state;
	for (f = 0; f < 2; f++) {
		struct ptc_elf *e = ptc_elf_open(files[f]);

		assert_non_null(e);
		for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
			assert_int_equal(ptc_elf_sym_byname(e, names[i], &s), 0);
			assert_string_equal(s.name, names[i]);
			assert_int_equal(s.value, nm_addr(files[f], names[i]));
		}
		assert_int_equal(ptc_elf_sym_byname(e, "add_numbers", &s), 0);
		assert_int_equal(s.type, STT_FUNC);
		assert_true(s.size > 0);
		assert_int_equal(ptc_elf_sym_byname(e, "counter_u32", &s), 0);
		assert_int_equal(s.type, STT_OBJECT);
		assert_int_equal(s.size, 4);
		assert_int_equal(ptc_elf_sym_byname(e, "no_such_symbol", &s), -1);
		assert_int_equal(errno, ENOENT);
		assert_string_equal(ptc_error(), "unknown symbol 'no_such_symbol'");
		/* undefined references are not definitions */
		assert_int_equal(ptc_elf_sym_byname(e, "printf", &s), -1);
		ptc_elf_close(e);
	}
}

static void
test_byaddr(void **state)
{
	struct ptc_elf *e;
	struct ptc_sym s;
	uint64_t a, m;
	int cov;

	(void)state;
	e = ptc_elf_open(basic);
	assert_non_null(e);
	a = nm_addr(basic, "add_numbers");
	assert_int_equal(ptc_elf_sym_byaddr(e, a, &s), 0);
	assert_string_equal(s.name, "add_numbers");
	assert_int_equal(ptc_elf_sym_find(e, a + 3, &s, &cov), 0);
	assert_string_equal(s.name, "add_numbers");
	assert_int_equal(cov, 1);
	m = nm_addr(basic, "main");
	assert_int_equal(ptc_elf_sym_find(e, m + 1, &s, &cov), 0);
	assert_string_equal(s.name, "main");
	assert_int_equal(ptc_elf_sym_find(e, nm_addr(basic, "data_bytes") + 63,
	    &s, &cov), 0);
	assert_string_equal(s.name, "data_bytes");
	assert_int_equal(cov, 1);
	assert_int_equal(ptc_elf_sym_find(e, nm_addr(basic, "counter_u32") + 3,
	    &s, &cov), 0);
	assert_string_equal(s.name, "counter_u32");
	/* below every symbol */
	assert_int_equal(ptc_elf_sym_byaddr(e, 0, &s), -1);
	assert_int_equal(errno, ENOENT);
	/* far above: nearest below, not covering */
	assert_int_equal(ptc_elf_sym_find(e, 0x7fffffff0000ULL, &s, &cov), 0);
	assert_int_equal(cov, 0);
	ptc_elf_close(e);
}

/* PLT entries are named after what they call, objdump being the oracle. */
static void
test_plt(void **state)
{
	const char *files[] = { basic, nopie, "/bin/true" };
	char cmd[8192], line[512];
	size_t f, seen = 0;

	(void)state;
#if defined(__powerpc64__)
	/*
	 * ppc64 ELFv2 calls other modules through linker stubs
	 * ("plt_call.printf" to objdump) and its .plt holds addresses,
	 * not code: there are no NAME@plt entries to compare.
	 */
	skip();
#endif
	for (f = 0; f < 3; f++) {
		struct ptc_elf *e = ptc_elf_open(files[f]);
		FILE *fp;

		assert_non_null(e);
		snprintf(cmd, sizeof(cmd), "objdump -d '%s'", files[f]);
		fp = popen(cmd, "r");
		assert_non_null(fp);
		while (fgets(line, sizeof(line), fp) != NULL) {
			unsigned long long a;
			char name[256];
			struct ptc_sym s;

			/* "0000000000001030 <puts@plt>:" */
			/* not "<puts@plt-0x10>", objdump's name for PLT0 */
			if (sscanf(line, "%llx <%255[^>]>:", &a, name) != 2 ||
			    strlen(name) < 5 ||
			    strcmp(name + strlen(name) - 4, "@plt") != 0)
				continue;
			if (ptc_elf_sym_byname(e, name, &s) != 0)
				fail_msg("%s: %s: %s", files[f], name, ptc_error());
			assert_int_equal(s.value, a);
			assert_int_equal(ptc_elf_sym_byaddr(e, a + 1, &s), 0);
			assert_string_equal(s.name, name);
			seen++;
		}
		pclose(fp);
		/* the plain name is the function, not its PLT entry */
		if (ptc_elf_sym_byname(e, "printf", NULL) == 0)
			fail_msg("printf found in %s", files[f]);
		ptc_elf_close(e);
	}
	assert_true(seen >= 6);
}

static void
test_sorted(void **state)
{
	struct ptc_elf *e;
	struct ptc_sym s;
	uint64_t prev = 0;
	size_t i, n;
	int seen_main = 0;

	(void)state;
	e = ptc_elf_open(basic);
	assert_non_null(e);
	/* a name index built before the sort must not go stale */
	assert_int_equal(ptc_elf_sym_byname(e, "add_numbers", &s), 0);
	n = ptc_elf_nsyms(e);
	assert_true(n > 10);
	for (i = 0; i < n; i++) {
		assert_int_equal(ptc_elf_sym_at(e, i, &s), 0);
		assert_true(s.value >= prev);
		prev = s.value;
		if (strcmp(s.name, "main") == 0)
			seen_main++;
	}
	/* in .symtab and .dynsym? listed once all the same */
	assert_int_equal(seen_main, 1);
	/* names are still found after the table was sorted and merged */
	assert_int_equal(ptc_elf_sym_byname(e, "main", &s), 0);
	assert_string_equal(s.name, "main");
	assert_int_equal(s.value, nm_addr(basic, "main"));
	assert_int_equal(ptc_elf_sym_at(e, n, &s), -1);
	ptc_elf_close(e);
}

static void
test_read(void **state)
{
	const char *files[] = { basic, nopie };
	unsigned char buf[64];
	uint32_t u32;
	uint64_t u64;
	size_t f, i;

	(void)state;
	for (f = 0; f < 2; f++) {
		struct ptc_elf *e = ptc_elf_open(files[f]);

		assert_non_null(e);
		assert_int_equal(ptc_elf_read(e, nm_addr(files[f], "counter_u32"),
		    &u32, 4), 0);
		assert_int_equal(u32, 100);
		assert_int_equal(ptc_elf_read(e, nm_addr(files[f], "magic_u64"),
		    &u64, 8), 0);
		assert_int_equal(u64, 0x1122334455667788ULL);
		assert_int_equal(ptc_elf_read(e, nm_addr(files[f], "greeting"),
		    buf, 14), 0);
		assert_string_equal((char *)buf, "hello, ptools");
		assert_int_equal(ptc_elf_read(e, nm_addr(files[f], "data_bytes"),
		    buf, 64), 0);
		for (i = 0; i < 64; i++)
			assert_int_equal(buf[i], i);
		/* .bss: in memory, not in the file, reads as zeros */
		memset(buf, 0xee, 8);
		assert_int_equal(ptc_elf_read(e, nm_addr(files[f], "heap_buf"),
		    buf, 8), 0);
		for (i = 0; i < 8; i++)
			assert_int_equal(buf[i], 0);
		assert_int_equal(ptc_elf_read(e, nm_addr(files[f], "add_numbers"),
		    buf, sizeof(PROLOGUE) - 1), 0);
		assert_memory_equal(buf, PROLOGUE, sizeof(PROLOGUE) - 1);
		assert_int_equal(ptc_elf_read(e, 0x7fff00000000ULL, buf, 1), -1);
		assert_int_equal(errno, EFAULT);
		assert_string_equal(ptc_error(),
		    "0x7fff00000000 is not in a loaded segment");
		assert_int_equal(ptc_elf_read(e, UINT64_MAX, buf, 2), -1);
		ptc_elf_close(e);
	}
}

static void
test_section(void **state)
{
	struct ptc_elf *e;
	const void *data;
	uint64_t addr, size, a;

	(void)state;
	e = ptc_elf_open(basic);
	assert_non_null(e);
	assert_int_equal(ptc_elf_section(e, ".text", &data, &addr, &size), 0);
	a = nm_addr(basic, "add_numbers");
	assert_true(a >= addr && a < addr + size);
	{
		unsigned char seg[16];

		/* the section and the segment that holds it agree */
		assert_int_equal(ptc_elf_read(e, a, seg, sizeof(seg)), 0);
		assert_memory_equal((const char *)data + (a - addr), seg,
		    sizeof(seg));
	}
	assert_memory_equal((const char *)data + (a - addr), PROLOGUE,
	    sizeof(PROLOGUE) - 1);
	assert_int_equal(ptc_elf_section(e, ".bss", &data, &addr, &size), -1);
	assert_int_equal(errno, ENODATA);
	assert_int_equal(ptc_elf_section(e, ".nothere", &data, &addr, &size), -1);
	assert_int_equal(errno, ENOENT);
	assert_string_equal(ptc_error(), "no section .nothere");
	ptc_elf_close(e);
}

static void
test_bias(void **state)
{
	struct ptc_elf *e;
	uint64_t b;

	(void)state;
	e = ptc_elf_open(basic);
	assert_non_null(e);
	assert_int_equal(ptc_elf_bias(e, 0x555555554000ULL, 0, &b), 0);
	assert_int_equal(b, 0x555555554000ULL);
	/* the offsets and addresses of the segments of each CPU's link */
#if defined(__x86_64__)
	/* the first mapping seen may be the text segment */
	assert_int_equal(ptc_elf_bias(e, 0x555555555000ULL, 0x1000, &b), 0);
	assert_int_equal(b, 0x555555554000ULL);
	assert_int_equal(ptc_elf_bias(e, 0x555555557000ULL, 0x2000, &b), 0);
	assert_int_equal(b, 0x555555555000ULL);
#elif defined(__i386__)
	/* text at 0x1000, read-only data at 0x2000, as on x86-64 */
	assert_int_equal(ptc_elf_bias(e, 0x56556000ULL, 0x1000, &b), 0);
	assert_int_equal(b, 0x56555000ULL);
	assert_int_equal(ptc_elf_bias(e, 0x56557000ULL, 0x2000, &b), 0);
	assert_int_equal(b, 0x56555000ULL);
#elif defined(__aarch64__)
	/*
	 * Two segments 64 KiB apart in memory, adjacent in the file: the
	 * data's page at file offset 0xf000 is mapped at 0x1f000.
	 */
	assert_int_equal(ptc_elf_bias(e, 0x555555573000ULL, 0xf000, &b), 0);
	assert_int_equal(b, 0x555555554000ULL);
#elif defined(__powerpc64__)
	/* 64 KiB pages as on aarch64: the same two segments */
	assert_int_equal(ptc_elf_bias(e, 0x555555573000ULL, 0xf000, &b), 0);
	assert_int_equal(b, 0x555555554000ULL);
#endif
	/*
	 * arm: no second case, its data segment starts in the file's
	 * first page too (offset 0xf08), where the text's mapping is.
	 */
	assert_int_equal(ptc_elf_bias(e, 0x555555554000ULL, 0x10000000, &b), -1);
	ptc_elf_close(e);

	e = ptc_elf_open(nopie);
	assert_non_null(e);
	{
		uint64_t lo, hi;

		/* mapped where it was linked */
		assert_int_equal(ptc_elf_load_range(e, &lo, &hi), 0);
		assert_int_equal(ptc_elf_bias(e, lo, 0, &b), 0);
		assert_int_equal(b, 0);
	}
	/* where each CPU's linker puts a fixed-address executable */
#if defined(__x86_64__)
	assert_int_equal(ptc_elf_bias(e, 0x401000, 0x1000, &b), 0);
#elif defined(__i386__)
	assert_int_equal(ptc_elf_bias(e, 0x8049000, 0x1000, &b), 0);
#elif defined(__aarch64__)
	assert_int_equal(ptc_elf_bias(e, 0x41f000, 0xf000, &b), 0);
#elif defined(__powerpc64__)
	assert_int_equal(ptc_elf_bias(e, 0x1001f000, 0xf000, &b), 0);
#elif defined(__arm__)
	assert_int_equal(ptc_elf_bias(e, 0x10000, 0, &b), 0);
#endif
	assert_int_equal(b, 0);
	ptc_elf_close(e);
}

static void
test_stripped(void **state)
{
	struct ptc_elf *e;
	const void *id;
	size_t len;
	struct ptc_sym s;

	(void)state;
	e = ptc_elf_open("/bin/true");
	assert_non_null(e);
	assert_int_equal(ptc_elf_has_symtab(e), 0);
	if (ptc_elf_build_id(e, &id, &len) == 0)
		assert_int_equal(len, 20);
	/* a stripped file still names what it exports, if anything */
	(void)ptc_elf_sym_byname(e, "main", &s);
	ptc_elf_close(e);

	e = ptc_elf_open(basic);
	assert_non_null(e);
	assert_int_equal(ptc_elf_build_id(e, &id, &len), 0);
	assert_int_equal(len, 20);
	assert_null(ptc_elf_debuglink(e));
	ptc_elf_close(e);
}

static void
test_errors(void **state)
{
	char dir[] = "/tmp/ptc-elf-XXXXXX", path[256];
	struct ptc_elf *e;
	FILE *fp;

	(void)state;
	assert_null(ptc_elf_open("/nonexistent/file"));
	assert_int_equal(errno, ENOENT);
	assert_string_equal(ptc_error(),
	    "/nonexistent/file: No such file or directory");
	assert_null(ptc_elf_open("/"));
	assert_int_equal(errno, EISDIR);

	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/text", dir);
	fp = fopen(path, "w");
	assert_non_null(fp);
	fputs("#!/bin/sh\necho not elf\n", fp);
	fclose(fp);
	assert_null(ptc_elf_open(path));
	assert_int_equal(errno, ENOEXEC);
	assert_non_null(strstr(ptc_error(), "not an ELF file"));
	unlink(path);
	snprintf(path, sizeof(path), "%s/empty", dir);
	fp = fopen(path, "w");
	assert_non_null(fp);
	fclose(fp);
	assert_null(ptc_elf_open(path));
	assert_int_equal(errno, ENOEXEC);
	unlink(path);
	rmdir(dir);

	assert_null(ptc_elf_open_mem("\177ELF", 4));
	e = ptc_elf_open_mem("\177ELF\2\1\1\0\0\0\0\0\0\0\0\0", 16);
	assert_null(e);
}

static char *
slurp(const char *path, size_t *len)
{
	struct stat st;
	char *buf;
	int fd;

	fd = open(path, O_RDONLY);
	assert_true(fd >= 0);
	assert_int_equal(fstat(fd, &st), 0);
	buf = malloc((size_t)st.st_size);
	assert_non_null(buf);
	assert_int_equal(read(fd, buf, (size_t)st.st_size), st.st_size);
	close(fd);
	*len = (size_t)st.st_size;
	return buf;
}

/* Use everything an opened file offers; only crashes count as failure. */
static void
exercise(struct ptc_elf *e)
{
	struct ptc_sym s;
	unsigned char buf[32];
	const void *d;
	uint64_t a, z;
	size_t i, n, idlen;
	int cov;

	(void)ptc_elf_machine(e);
	(void)ptc_elf_class(e);
	(void)ptc_elf_type(e);
	(void)ptc_elf_big_endian(e);
	(void)ptc_elf_sym_byname(e, "main", &s);
	(void)ptc_elf_sym_byname(e, "add_numbers", &s);
	n = ptc_elf_nsyms(e);
	for (i = 0; i < n; i++) {
		if (ptc_elf_sym_at(e, i, &s) == 0) {
			(void)strlen(s.name);
			(void)ptc_elf_sym_find(e, s.value + 1, &s, &cov);
			(void)ptc_elf_read(e, s.value, buf, sizeof(buf));
		}
	}
	(void)ptc_elf_section(e, ".text", &d, &a, &z);
	(void)ptc_elf_section(e, ".data", &d, &a, &z);
	(void)ptc_elf_read(e, 0x1000, buf, sizeof(buf));
	(void)ptc_elf_read(e, 0x401000, buf, sizeof(buf));
	(void)ptc_elf_bias(e, 0x400000, 0, &a);
	if (ptc_elf_build_id(e, &d, &idlen) == 0)
		assert_true(idlen > 0);
	(void)ptc_elf_debuglink(e);
}

static void
test_truncated(void **state)
{
	char dir[] = "/tmp/ptc-elf-XXXXXX", path[256];
	size_t len, cut, opened = 0;
	char *img;

	(void)state;
	img = slurp(basic, &len);
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/cut", dir);
	for (cut = 0; cut < len; cut += cut < 256 ? 1 : 97) {
		struct ptc_elf *e;
		FILE *fp = fopen(path, "w");

		assert_non_null(fp);
		assert_int_equal(fwrite(img, 1, cut, fp), cut);
		fclose(fp);
		e = ptc_elf_open(path);
		if (e != NULL) {
			opened++;
			exercise(e);
			ptc_elf_close(e);
		} else {
			assert_true(errno != 0);
			assert_true(strlen(ptc_error()) > 0);
		}
	}
	/* headers alone are enough to open a cut file in most cases */
	assert_true(opened > 0);
	unlink(path);
	rmdir(dir);
	free(img);
}

/* Small deterministic generator so a failure can be replayed. */
static uint32_t
rnd(uint64_t *st)
{
	*st = *st * 6364136223846793005ULL + 1442695040888963407ULL;
	return (uint32_t)(*st >> 33);
}

static char corrupt_path[64];

/*
 * Open a damaged image both ways libelf reads: from memory, and from a
 * file read on demand with pread.
 */
static void
open_both(const char *img, size_t len)
{
	struct ptc_elf *e;
	FILE *fp;

	if ((e = ptc_elf_open_mem(img, len)) != NULL) {
		exercise(e);
		ptc_elf_close(e);
	}
	fp = fopen(corrupt_path, "w");
	assert_non_null(fp);
	assert_int_equal(fwrite(img, 1, len, fp), len);
	assert_int_equal(fclose(fp), 0);
	if ((e = ptc_elf_open(corrupt_path)) != NULL) {
		exercise(e);
		ptc_elf_close(e);
	}
}

static void
test_corrupted(void **state)
{
	const char *files[] = { basic, nopie, "/bin/true" };
	uint64_t st = 12345;
	size_t f, iters;

	(void)state;
	snprintf(corrupt_path, sizeof(corrupt_path), "/tmp/ptc-elf-%d",
	    (int)getpid());
	/* PTC_ELF_ITERS=100000 for a longer hunt */
	iters = getenv("PTC_ELF_ITERS") ? strtoul(getenv("PTC_ELF_ITERS"),
	    NULL, 10) : 400;
	for (f = 0; f < 3; f++) {
		size_t len, iter;
		char *img = slurp(files[f], &len);
		char *copy = malloc(len);
		Elf64_Ehdr *eh = (Elf64_Ehdr *)copy;

		assert_non_null(copy);
		for (iter = 0; iter < iters; iter++) {
			int k, flips = 1 + (int)(rnd(&st) % 8);

			memcpy(copy, img, len);
			for (k = 0; k < flips; k++) {
				size_t pos;
				uint32_t r = rnd(&st);

				/* mostly headers, where damage is interesting */
				switch (r % 4) {
				case 0:
					pos = rnd(&st) % 64;
					break;
				case 1:
					pos = eh->e_shoff < len ? eh->e_shoff +
					    rnd(&st) % (len - eh->e_shoff) : 0;
					break;
				case 2:
					pos = eh->e_phoff + rnd(&st) % 0x300;
					break;
				default:
					pos = rnd(&st) % len;
				}
				if (pos >= len)
					pos = rnd(&st) % len;
				copy[pos] = (char)rnd(&st);
			}
			open_both(copy, len);
		}
		/* targeted damage: offsets and counts far out of range */
		{
			static const size_t offs[] = {
			    offsetof(Elf64_Ehdr, e_shoff),
			    offsetof(Elf64_Ehdr, e_phoff),
			    offsetof(Elf64_Ehdr, e_shnum),
			    offsetof(Elf64_Ehdr, e_phnum),
			    offsetof(Elf64_Ehdr, e_shstrndx),
			    offsetof(Elf64_Ehdr, e_shentsize),
			    offsetof(Elf64_Ehdr, e_phentsize) };
			static const uint64_t vals[] = { 0, 1, 0xffff,
			    0xfffffff0ULL, UINT64_MAX };
			size_t o, v;

			for (o = 0; o < sizeof(offs) / sizeof(offs[0]); o++) {
				for (v = 0; v < sizeof(vals) / sizeof(vals[0]); v++) {
					size_t w = offs[o] < offsetof(Elf64_Ehdr,
					    e_flags) ? 8 : 2;

					memcpy(copy, img, len);
					memcpy(copy + offs[o], &vals[v], w);
					open_both(copy, len);
				}
			}
		}
		/* every section header's link, offset and size made wild */
		{
			Elf64_Ehdr *h = (Elf64_Ehdr *)img;
			size_t i, fld;

			for (i = 0; i < h->e_shnum &&
			    h->e_shoff + (i + 1) * sizeof(Elf64_Shdr) <= len; i++) {
				for (fld = 0; fld < 3; fld++) {
					Elf64_Shdr *sh;

					memcpy(copy, img, len);
					sh = (Elf64_Shdr *)(copy + h->e_shoff) + i;
					if (fld == 0)
						sh->sh_link = 0xffff;
					else if (fld == 1)
						sh->sh_offset = len - 1;
					else
						sh->sh_size = UINT64_MAX / 2;
					open_both(copy, len);
				}
			}
		}
		free(copy);
		free(img);
	}
	unlink(corrupt_path);
}

static void
test_open_fd(void **state)
{
	struct ptc_elf *e;
	struct ptc_sym s;
	int fd;

	(void)state;
	fd = open(basic, O_RDONLY);
	assert_true(fd >= 0);
	e = ptc_elf_open_fd(fd, "basic via fd");
	close(fd);
	assert_non_null(e);
	assert_int_equal(ptc_elf_sym_byname(e, "main", &s), 0);
	ptc_elf_close(e);
}

/* The bytes a listing shows: a section, a function by its symbol. */
static void
test_code(void **state)
{
	struct ptc_elf_code c;
	struct ptc_sym s;
	struct ptc_elf *e;
	uint64_t a, size = 0, taddr, tsize;
	const void *tdata;
	char buf[64];

	(void)state;
	e = ptc_elf_open(basic);
	assert_non_null(e);
	assert_int_equal(ptc_elf_section(e, ".text", &tdata, &taddr, &tsize), 0);
	/* no name: .text */
	assert_int_equal(ptc_elf_code(e, NULL, &c), 0);
	assert_ptr_equal(c.data, tdata);
	assert_int_equal(c.addr, taddr);
	assert_int_equal(c.size, tsize);
	assert_null(c.label);
	assert_int_equal(c.thumb, 0);
	ptc_elf_code_free(&c);
	/* a function: its symbol's address and size, the loaded bytes */
	a = nm_sym(basic, "add_numbers", &size);
	assert_int_equal(ptc_elf_code(e, "add_numbers", &c), 0);
	assert_int_equal(c.addr, a);
	assert_int_equal(c.size, size);
	assert_true(size > 0);
	assert_string_equal(c.label, "add_numbers");
	assert_memory_equal(c.data, PROLOGUE, sizeof(PROLOGUE) - 1);
	ptc_elf_code_free(&c);
	assert_null(c.copy);
	ptc_elf_code_free(&c);  /* twice is harmless */
	/* errors say what was asked for */
	assert_int_equal(ptc_elf_code(e, "no_such_function", &c), -1);
	assert_int_equal(errno, ENOENT);
	assert_string_equal(ptc_error(),
	    "no symbol or section no_such_function");
	assert_int_equal(ptc_elf_code(e, ".bss", &c), -1);
	assert_int_equal(errno, ENODATA);
	assert_string_equal(ptc_error(), "section .bss has no file data");

	/* labels and targets */
	assert_int_equal(ptc_elf_sym_label(e, a, &s), 0);
	assert_string_equal(s.name, "add_numbers");
	assert_int_equal(ptc_elf_sym_label(e, a + 1, &s), -1);
	assert_int_equal(errno, ENOENT);
	assert_int_equal(ptc_elf_sym_label(e, 0, &s), -1);
	assert_int_equal(ptc_elf_describe(e, a, buf, sizeof(buf)), 0);
	assert_string_equal(buf, "add_numbers");
	assert_int_equal(ptc_elf_describe(e, a + 3, buf, sizeof(buf)), 0);
	assert_string_equal(buf, "add_numbers+0x3");
	assert_int_equal(ptc_elf_describe(e, a + 3, buf, 5), 0);
	assert_string_equal(buf, "add_");
	assert_int_equal(ptc_elf_describe(e, 0x7fffffff0000ULL, buf,
	    sizeof(buf)), -1);
	assert_int_equal(errno, ENOENT);
	ptc_elf_close(e);
}

/*
 * A relocatable ARM object made here: thumb function f (symbol value 1,
 * size 4), g and h without a size at 4 and 8, in a 12-byte .text.
 */
static size_t
arm_object(unsigned char *img, size_t cap)
{
	static const unsigned char text[12] = {
		0x80, 0xb5, 0x80, 0xbd,  /* push {r7, lr}; pop {r7, pc} */
		0x70, 0x47, 0x00, 0xbf,  /* bx lr; nop */
		0x70, 0x47, 0x00, 0xbf,
	};
	static const char strtab[] = "\0f\0g\0h";
	static const char shstr[] = "\0.text\0.symtab\0.strtab\0.shstrtab";
	Elf32_Sym sym[4] = { { 0 } };
	Elf32_Shdr sh[5] = { { 0 } };
	Elf32_Ehdr eh = { { 0 } };
	size_t off_text = sizeof(eh), off_sym = 64, off_str = 128,
	    off_shstr = 136, off_sh = 200;

	assert_true(cap >= off_sh + sizeof(sh));
	memset(img, 0, cap);
	memcpy(eh.e_ident, ELFMAG, SELFMAG);
	eh.e_ident[EI_CLASS] = ELFCLASS32;
	eh.e_ident[EI_DATA] = ELFDATA2LSB;
	eh.e_ident[EI_VERSION] = EV_CURRENT;
	eh.e_type = ET_REL;
	eh.e_machine = EM_ARM;
	eh.e_version = EV_CURRENT;
	eh.e_shoff = (Elf32_Off)off_sh;
	eh.e_flags = 0x05000000;  /* EABI 5 */
	eh.e_ehsize = sizeof(eh);
	eh.e_shentsize = sizeof(sh[0]);
	eh.e_shnum = 5;
	eh.e_shstrndx = 4;
	sym[1] = (Elf32_Sym){ 1, 1, 4, ELF32_ST_INFO(STB_GLOBAL, STT_FUNC), 0, 1 };
	sym[2] = (Elf32_Sym){ 3, 4, 0, ELF32_ST_INFO(STB_GLOBAL, STT_FUNC), 0, 1 };
	sym[3] = (Elf32_Sym){ 5, 8, 0, ELF32_ST_INFO(STB_GLOBAL, STT_FUNC), 0, 1 };
	sh[1] = (Elf32_Shdr){ 1, SHT_PROGBITS, SHF_ALLOC | SHF_EXECINSTR, 0,
	    (Elf32_Off)off_text, sizeof(text), 0, 0, 4, 0 };
	sh[2] = (Elf32_Shdr){ 7, SHT_SYMTAB, 0, 0, (Elf32_Off)off_sym,
	    sizeof(sym), 3, 1, 4, sizeof(sym[0]) };
	sh[3] = (Elf32_Shdr){ 15, SHT_STRTAB, 0, 0, (Elf32_Off)off_str,
	    sizeof(strtab), 0, 0, 1, 0 };
	sh[4] = (Elf32_Shdr){ 23, SHT_STRTAB, 0, 0, (Elf32_Off)off_shstr,
	    sizeof(shstr), 0, 0, 1, 0 };
	memcpy(img, &eh, sizeof(eh));
	memcpy(img + off_text, text, sizeof(text));
	memcpy(img + off_sym, sym, sizeof(sym));
	memcpy(img + off_str, strtab, sizeof(strtab));
	memcpy(img + off_shstr, shstr, sizeof(shstr));
	memcpy(img + off_sh, sh, sizeof(sh));
	return off_sh + sizeof(sh);
}

/* ARM thumb functions, sizes from the next symbol, a .o's .text. */
static void
test_code_arm(void **state)
{
	static const unsigned char f[] = { 0x80, 0xb5, 0x80, 0xbd };
	unsigned char img[512];
	struct ptc_elf_code c;
	struct ptc_elf *e;
	struct ptc_dis *d;
	struct ptc_insn in;

	(void)state;
	e = ptc_elf_open_mem(img, arm_object(img, sizeof(img)));
	assert_non_null(e);
	assert_int_equal(ptc_elf_machine(e), EM_ARM);
	/* the low bit: thumb code at the even address */
	assert_int_equal(ptc_elf_code(e, "f", &c), 0);
	assert_int_equal(c.thumb, 1);
	assert_int_equal(c.addr, 0);
	assert_int_equal(c.size, 4);
	assert_memory_equal(c.data, f, sizeof(f));
	d = ptc_dis_open_file(e, c.thumb, 0);
	assert_non_null(d);
	assert_string_equal(ptc_dis_arch(d), "thumb");
	assert_int_equal(ptc_dis_one(d, c.data, c.size, c.addr, &in), 2);
	assert_string_equal(in.mnemonic, "push");
	ptc_dis_close(d);
	ptc_elf_code_free(&c);
	/* without a size: up to the next symbol */
	assert_int_equal(ptc_elf_code(e, "g", &c), 0);
	assert_int_equal(c.thumb, 0);
	assert_int_equal(c.addr, 4);
	assert_int_equal(c.size, 4);
	ptc_elf_code_free(&c);
	/* the last one: 64 bytes, more than .text holds */
	assert_int_equal(ptc_elf_code(e, "h", &c), -1);
	assert_int_equal(errno, EFAULT);
	assert_string_equal(ptc_error(),
	    "h at 0x8: h is in neither .text.h nor .text");
	assert_null(c.copy);
	ptc_elf_close(e);
}

/* ptc_read_all: a pipe to its end, the size bound, a directory. */
static void
test_read_all(void **state)
{
	char chunk[1000];
	void *buf;
	size_t len, i;
	int p[2], fd;
	pid_t pid;

	(void)state;
	assert_int_equal(pipe(p), 0);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		close(p[0]);
		for (i = 0; i < sizeof(chunk); i++)
			chunk[i] = (char)i;
		for (i = 0; i < 100; i++)
			if (write(p[1], chunk, sizeof(chunk)) != sizeof(chunk))
				_exit(1);
		_exit(0);
	}
	close(p[1]);
	assert_int_equal(ptc_read_all(p[0], SIZE_MAX, &buf, &len), 0);
	close(p[0]);
	waitpid(pid, NULL, 0);
	assert_int_equal(len, 100000);
	assert_int_equal(((unsigned char *)buf)[99999], 99999 % 1000 % 256);
	free(buf);
	fd = open(basic, O_RDONLY);
	assert_true(fd >= 0);
	assert_int_equal(ptc_read_all(fd, 100, &buf, &len), -1);
	assert_int_equal(errno, EFBIG);
	close(fd);
	fd = open("/", O_RDONLY | O_DIRECTORY);
	assert_true(fd >= 0);
	assert_int_equal(ptc_read_all(fd, SIZE_MAX, &buf, &len), -1);
	assert_int_equal(errno, EISDIR);
	close(fd);
	fd = open("/dev/null", O_RDONLY);
	assert_int_equal(ptc_read_all(fd, SIZE_MAX, &buf, &len), 0);
	assert_int_equal(len, 0);
	free(buf);
	close(fd);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_header),
		cmocka_unit_test(test_byname),
		cmocka_unit_test(test_byaddr),
		cmocka_unit_test(test_sorted),
		cmocka_unit_test(test_plt),
		cmocka_unit_test(test_read),
		cmocka_unit_test(test_section),
		cmocka_unit_test(test_bias),
		cmocka_unit_test(test_stripped),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_open_fd),
		cmocka_unit_test(test_truncated),
		cmocka_unit_test(test_corrupted),
		cmocka_unit_test(test_code),
		cmocka_unit_test(test_code_arm),
		cmocka_unit_test(test_read_all),
	};

	target_paths();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
