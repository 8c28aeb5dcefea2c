/*
 * test_sc: the syscall decoders, fed canned tracee memory through
 * ptc_scdec_set_reader(), checked against strace 6.1's exact text.
 */
#include <linux/audit.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "ptcore.h"

/*
 * The build's own CPU: its table decodes the calls below, looked up by
 * name, since the numbers differ (the generic table of aarch64 has no
 * open or pause).  LEGACY: the table has the old calls.
 */
#if defined(__x86_64__)
#define NATIVE AUDIT_ARCH_X86_64
#define LEGACY 1
#elif defined(__aarch64__)
#define NATIVE AUDIT_ARCH_AARCH64
#define LEGACY 0
#elif defined(__i386__)
#define NATIVE AUDIT_ARCH_I386
#define LEGACY 1
#elif defined(__powerpc64__) && defined(__LITTLE_ENDIAN__)
#define NATIVE AUDIT_ARCH_PPC64LE
#define LEGACY 1
#elif defined(__arm__)
#define NATIVE AUDIT_ARCH_ARM
#define LEGACY 1
#else
#error "no expectations for this CPU"
#endif

/* A long or a pointer of the tracee, in canned memory. */
#if defined(__i386__) || defined(__arm__)
typedef uint32_t kword;
#else
typedef uint64_t kword;
#endif

/* The number of a syscall the native table must have. */
static long
scnr(const char *name)
{
	long n = ptc_sc_lookup(NATIVE, name);

	if (n < 0)
		fail_msg("no syscall %s in the native table", name);
	return n;
}

/* ---- canned memory ---- */

struct region {
	uint64_t addr;
	const void *p;
	size_t len;
};
static struct region mem[16];
static int nmem;

static void
map(uint64_t addr, const void *p, size_t len)
{
	mem[nmem].addr = addr;
	mem[nmem].p = p;
	mem[nmem].len = len;
	nmem++;
}

static unsigned nrd;    /* reads asked of rd() */

static ssize_t
rd(void *ctx, uint64_t addr, void *buf, size_t len)
{
	int i;

	(void)ctx;
	nrd++;
	for (i = 0; i < nmem; i++) {
		if (addr >= mem[i].addr && addr < mem[i].addr + mem[i].len) {
			size_t n = mem[i].addr + mem[i].len - addr;

			if (n > len)
				n = len;
			memcpy(buf, (const char *)mem[i].p + (addr - mem[i].addr), n);
			return (ssize_t)n;
		}
	}
	return -1;
}

/* The ABI decode() decodes for: the native one unless a test says. */
static uint32_t dec_arch;

static int
setup(void **state)
{
	(void)state;
	nmem = 0;
	dec_arch = NATIVE;
	return 0;
}

static struct ptc_fmt fmt;
static char out[8192];

static void
fmt_default(void)
{
	memset(&fmt, 0, sizeof(fmt));
	fmt.strsize = 32;
}

/* Decode one syscall; half: stop after entry. */
static const char *
decode(long nr, int64_t rval, int half, uint64_t a0, uint64_t a1,
    uint64_t a2, uint64_t a3, uint64_t a4, uint64_t a5)
{
	struct ptc_scdec *d = ptc_scdec_new();
	struct ptc_scinfo si = { 0 };
	FILE *fp;

	out[0] = '\0';
	fp = fmemopen(out, sizeof(out), "w");
	assert_non_null(d);
	assert_non_null(fp);
	ptc_scdec_set_reader(d, rd, NULL);
	si.op = PTC_SC_ENTRY;
	si.arch = dec_arch;
	si.nr = (uint64_t)nr;
	si.args[0] = a0;
	si.args[1] = a1;
	si.args[2] = a2;
	si.args[3] = a3;
	si.args[4] = a4;
	si.args[5] = a5;
	assert_int_equal(ptc_sc_enter(d, fp, 1, &si, &fmt), 0);
	if (!half) {
		si.op = PTC_SC_EXIT;
		si.rval = rval;
		si.is_error = rval < 0 && rval >= -4095;
		assert_int_equal(ptc_sc_exit(d, fp, &si, &fmt), 0);
	}
	fclose(fp);
	ptc_scdec_free(d);
	return out;
}

#define D(name, rv, ...) decode(scnr(name), rv, 0, __VA_ARGS__)

/* ---- tables ---- */

/* Numbers of the native table, as the CPU's kernel headers give them. */
static const struct {
	long nr;
	const char *name;
} known[] = {
#if defined(__x86_64__)
	{ 0, "read" }, { 59, "execve" }, { 257, "openat" }, { 435, "clone3" },
	{ 437, "openat2" }, { 444, "landlock_create_ruleset" },
	{ 449, "futex_waitv" }, { 451, "cachestat" }, { 462, "mseal" },
#elif defined(__aarch64__)
	{ 63, "read" }, { 221, "execve" }, { 56, "openat" }, { 435, "clone3" },
	{ 437, "openat2" }, { 444, "landlock_create_ruleset" },
	{ 449, "futex_waitv" }, { 128, "restart_syscall" }, { 220, "clone" },
#elif defined(__i386__)
	{ 3, "read" }, { 11, "execve" }, { 295, "openat" }, { 435, "clone3" },
	{ 437, "openat2" }, { 444, "landlock_create_ruleset" },
	{ 449, "futex_waitv" }, { 192, "mmap2" }, { 0, "restart_syscall" },
#elif defined(__powerpc64__)
	{ 3, "read" }, { 11, "execve" }, { 286, "openat" }, { 435, "clone3" },
	{ 437, "openat2" }, { 444, "landlock_create_ruleset" },
	{ 449, "futex_waitv" }, { 0, "restart_syscall" }, { 120, "clone" },
	{ 363, "switch_endian" },
#elif defined(__arm__)
	{ 3, "read" }, { 11, "execve" }, { 322, "openat" }, { 435, "clone3" },
	{ 437, "openat2" }, { 444, "landlock_create_ruleset" },
	{ 449, "futex_waitv" }, { 192, "mmap2" }, { 0, "restart_syscall" },
#endif
};

static void
test_names(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(known) / sizeof(known[0]); i++) {
		assert_non_null(ptc_sc_name(NATIVE, (uint64_t)known[i].nr));
		assert_string_equal(ptc_sc_name(NATIVE, (uint64_t)known[i].nr),
		    known[i].name);
		assert_int_equal(ptc_sc_lookup(NATIVE, known[i].name),
		    known[i].nr);
	}
	/* A number the CPU leaves unused. */
#if defined(__i386__) || defined(__arm__)
	assert_null(ptc_sc_name(NATIVE, 222));
#elif defined(__powerpc64__)
	/* 224 is unused on ppc64 (400 is msgsnd there) */
	assert_null(ptc_sc_name(NATIVE, 224));
#else
	assert_null(ptc_sc_name(NATIVE, 400));
#endif
	assert_null(ptc_sc_name(NATIVE, 100000));
	assert_null(ptc_sc_name(0x1234, 0));
	assert_int_equal(ptc_sc_lookup(NATIVE, "nosuchcall"), -1);
	assert_true(ptc_sc_count(NATIVE) >= 451);
#if LEGACY
	assert_true(ptc_sc_lookup(NATIVE, "open") >= 0);
	assert_true(ptc_sc_lookup(NATIVE, "rmdir") >= 0);
#else
	/* The generic table: the *at calls only. */
	assert_int_equal(ptc_sc_lookup(NATIVE, "open"), -1);
	assert_int_equal(ptc_sc_lookup(NATIVE, "rmdir"), -1);
	assert_int_equal(ptc_sc_lookup(NATIVE, "fork"), -1);
#endif
}

static void
test_classes(void **state)
{
	(void)state;
	assert_true(ptc_sc_classes(NATIVE, scnr("openat")) & PTC_SCC_FILE);
	assert_true(ptc_sc_classes(NATIVE, scnr("openat")) & PTC_SCC_DESC);
	assert_false(ptc_sc_classes(NATIVE, scnr("read")) & PTC_SCC_FILE);
	assert_true(ptc_sc_classes(NATIVE, scnr("connect")) & PTC_SCC_NETWORK);
#if defined(__arm__)
	/* arm EABI maps with mmap2 only */
	assert_true(ptc_sc_classes(NATIVE, scnr("mmap2")) & PTC_SCC_MEMORY);
#else
	assert_true(ptc_sc_classes(NATIVE, scnr("mmap")) & PTC_SCC_MEMORY);
#endif
	assert_true(ptc_sc_classes(NATIVE, scnr("getpid")) & PTC_SCC_PURE);
	assert_true(ptc_sc_classes(NATIVE, scnr("clone")) & PTC_SCC_PROCESS);
	assert_true(ptc_sc_classes(NATIVE, scnr("fstat")) & PTC_SCC_FSTAT);
#if LEGACY
	assert_true(ptc_sc_classes(NATIVE, scnr("stat")) & PTC_SCC_STAT);
	assert_true(ptc_sc_classes(NATIVE, scnr("lstat")) & PTC_SCC_LSTAT);
#endif
	assert_int_equal(ptc_sc_class_parse("%file"), PTC_SCC_FILE);
	assert_int_equal(ptc_sc_class_parse("network"), PTC_SCC_NETWORK);
	assert_int_equal(ptc_sc_class_parse("%%stat"),
	    PTC_SCC_STAT | PTC_SCC_LSTAT | PTC_SCC_FSTAT);
	assert_int_equal(ptc_sc_class_parse("%bogus"), 0);
}

/* Every __NR_ of the installed kernel headers has our number and name. */
static void
check_header(const char *path, uint32_t arch)
{
	FILE *fp = fopen(path, "r");
	char line[256], name[128];
	long nr;
	int n = 0;

	if (fp == NULL)
		skip();
	while (fgets(line, sizeof(line), fp) != NULL) {
		if (sscanf(line, "#define __NR_%127s %ld", name, &nr) != 2)
			continue;
		if (ptc_sc_name(arch, (uint64_t)nr) == NULL ||
		    strcmp(ptc_sc_name(arch, (uint64_t)nr), name) != 0)
			fail_msg("%s: __NR_%s is %ld, table says %s", path,
			    name, nr, ptc_sc_name(arch, (uint64_t)nr) ?
			    ptc_sc_name(arch, (uint64_t)nr) : "nothing");
		n++;
	}
	fclose(fp);
	assert_true(n > 300);
}

static void
test_kernel_headers(void **state)
{
	(void)state;
#if defined(__x86_64__)
	check_header("/usr/include/x86_64-linux-gnu/asm/unistd_64.h", NATIVE);
#else
	/*
	 * The generic header numbers calls through macros check_header
	 * cannot follow; tests/qemu/sysnr.sh checks these tables with the
	 * cross compiler.
	 */
	skip();
#endif
}

static void
test_kernel_headers_i386(void **state)
{
	(void)state;
#ifndef PTC_SC_i386
	skip();
#endif
	check_header("/usr/include/x86_64-linux-gnu/asm/unistd_32.h",
	    AUDIT_ARCH_I386);
	assert_string_equal(ptc_sc_name(AUDIT_ARCH_I386, 11), "execve");
	assert_string_equal(ptc_sc_name(AUDIT_ARCH_I386, 435), "clone3");
	assert_int_equal(ptc_sc_lookup(AUDIT_ARCH_I386, "mmap2"), 192);
	assert_int_equal(ptc_sc_lookup(AUDIT_ARCH_I386, "openat"), 295);
}

/*
 * Every build has every CPU's table, made from its numbers at build
 * time: the newest calls are there for all of them, not only those the
 * build machine's headers knew.
 */
static void
test_tables_current(void **state)
{
	static const uint32_t cpus[] = {
		AUDIT_ARCH_X86_64, AUDIT_ARCH_I386, AUDIT_ARCH_AARCH64
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cpus) / sizeof(cpus[0]); i++) {
		assert_string_equal(ptc_sc_name(cpus[i], 452), "fchmodat2");
		assert_string_equal(ptc_sc_name(cpus[i], 462), "mseal");
		assert_string_equal(ptc_sc_name(cpus[i], 469), "file_setattr");
		assert_int_equal(ptc_sc_lookup(cpus[i], "cachestat"), 451);
	}
	assert_string_equal(ptc_sc_name(AUDIT_ARCH_AARCH64, 453),
	    "map_shadow_stack");
	assert_null(ptc_sc_name(AUDIT_ARCH_I386, 453));
}

/*
 * Above 400 the kernel numbers a syscall the same on every CPU, but for
 * the CPU's own calls (i386's 64-bit time variants and direct ipc calls
 * below 424, x86's shadow stack on a 64-bit CPU).
 */
static int
cpu_specific(uint32_t arch, const char *name)
{
	size_t n = strlen(name);

	if (arch == AUDIT_ARCH_I386)
		return (n > 6 && strcmp(name + n - 6, "time64") == 0) ||
		    strcmp(name, "msgrcv") == 0 || strcmp(name, "msgctl") == 0;
	return strcmp(name, "map_shadow_stack") == 0;
}

static void
test_tables_same_above_400(void **state)
{
	static const uint32_t cpus[] = {
		AUDIT_ARCH_X86_64, AUDIT_ARCH_I386, AUDIT_ARCH_AARCH64
	};
	size_t i, j;
	uint64_t nr;
	int seen = 0;

	(void)state;
	for (i = 0; i < sizeof(cpus) / sizeof(cpus[0]); i++) {
		for (nr = 401; nr < ptc_sc_count(cpus[i]); nr++) {
			const char *name = ptc_sc_name(cpus[i], nr);

			/* i386's socketcall and ipc subcalls (500 up). */
			if (name == NULL || nr >= 500 ||
			    cpu_specific(cpus[i], name))
				continue;
			seen++;
			for (j = 0; j < sizeof(cpus) / sizeof(cpus[0]); j++)
				if (ptc_sc_lookup(cpus[j], name) != (long)nr)
					fail_msg("%s (%llu) of %#x is %ld on %#x",
					    name, (unsigned long long)nr, cpus[i],
					    ptc_sc_lookup(cpus[j], name), cpus[j]);
		}
	}
	/* 424..469 on each CPU but i386's missing 453 and x86_64's 453. */
	assert_true(seen >= 3 * 45);
}

/* A 32-bit task: 4-byte words, its own numbers and pointer sizes. */
/*
 * 64-bit offsets a 32-bit task passes in two registers, and _llseek's
 * result, as the i386 strace shows them (lines from a guest run).
 */
static void
test_i386_split_offsets(void **state)
{
#ifndef PTC_SC_i386
	(void)state;
	skip();
#else
	static const char data[] = "llo, ptool";
	static const uint64_t res = 24;

	(void)state;
	fmt_default();
	map(0x1000, data, 10);
	map(0x2000, &res, sizeof(res));
	dec_arch = AUDIT_ARCH_I386;
	assert_string_equal(decode(180, 10, 0, 5, 0x1000, 10, 2, 0, 0),
	    "pread64(5, \"llo, ptool\", 10, 2)         = 10");
	assert_string_equal(decode(181, 2, 0, 5, 0x1000, 2, 5, 1, 0),
	    "pwrite64(5, \"ll\", 2, 4294967301)        = 2");
	assert_string_equal(decode(140, 0, 0, 5, 0xffffffff, 0xfffffffd,
	    0x2000, 2, 0), "_llseek(5, -3, [24], SEEK_END)          = 0");
	assert_string_equal(decode(140, -9, 0, 5, 0, 0, 0x2000, 0, 0),
	    "_llseek(5, 0, 0x2000, SEEK_SET)         = -1 EBADF (Bad file descriptor)");
	assert_string_equal(decode(324, 0, 0, 3, 1, 0, 1, 0x1000, 0),
	    "fallocate(3, FALLOC_FL_KEEP_SIZE, 4294967296, 4096) = 0");
	dec_arch = NATIVE;
#endif
}

static void
test_i386_decode(void **state)
{
	static const char path[] = "/etc/passwd";
	static const uint32_t argv[] = { 0x1000, 0x1100, 0 };
	static const char a1[] = "-l";
	struct ptc_scdec *d;
	struct ptc_scinfo si = { 0 };
	FILE *fp;

	(void)state;
#ifndef PTC_SC_i386
	skip();
#endif
	d = ptc_scdec_new();
	fp = fmemopen(out, sizeof(out), "w");
	fmt_default();
	map(0x1000, path, sizeof(path));
	map(0x1100, a1, sizeof(a1));
	map(0x2000, argv, sizeof(argv));
	map(0x3000, argv + 2, 4);
	ptc_scdec_set_reader(d, rd, NULL);
	si.arch = AUDIT_ARCH_I386;
	si.nr = 11;
	si.args[0] = 0x1000;
	si.args[1] = 0x2000;
	si.args[2] = 0x3000;
	ptc_sc_enter(d, fp, 1, &si, &fmt);
	ptc_sc_noreturn(d, fp, &fmt);
	si.nr = 295;  /* openat */
	si.args[0] = 0xffffff9c;
	si.args[1] = 0x1000;
	si.args[2] = 0;
	fputc('\n', fp);
	ptc_sc_enter(d, fp, 1, &si, &fmt);
	si.rval = 3;
	ptc_sc_exit(d, fp, &si, &fmt);
	fclose(fp);
	assert_string_equal(out,
	    "execve(\"/etc/passwd\", [\"/etc/passwd\", \"-l\"], 0x3000 /* 0 vars */) = ?\n"
	    "openat(AT_FDCWD, \"/etc/passwd\", O_RDONLY) = 3");
	ptc_scdec_free(d);
}

/*
 * i386's socketcall and ipc show as the call they stand for, in every
 * build (the x86_64 one traces 32-bit programs); lines from the i386
 * strace 6.1.
 */
static void
test_i386_socketcall(void **state)
{
#ifndef PTC_SC_i386
	(void)state;
	skip();
#else
	static const uint32_t sp_args[] = { 1, 1, 0, 0x2000 };
	static const int32_t fds[] = { 5, 6 };
	static const uint32_t send_args[] = { 3, 0x3000, 5, 0 };
	static const uint32_t recv_args[] = { 4, 0x3000, 16, 0 };
	static const uint32_t sock_args[] = { 2, 0x80001, 0 };
	static const char hello[] = "hello";
	static const uint32_t mm_args[] = { 4, 0x8000, 1, 0 };
	static const uint32_t mmsg[] = { 0, 0, 0x8100, 1, 0, 0, 0, 3 };
	static const uint32_t iov[] = { 0x8200, 3 };
	static const char xyz[] = "xyz";
	struct ptc_scdec *d;
	struct ptc_scinfo si = { 0 };
	FILE *fp;

	(void)state;
	fmt_default();
	map(0x1000, sp_args, sizeof(sp_args));
	map(0x2000, fds, sizeof(fds));
	map(0x3000, hello, 5);
	map(0x4000, send_args, sizeof(send_args));
	map(0x5000, recv_args, sizeof(recv_args));
	map(0x6000, sock_args, sizeof(sock_args));
	dec_arch = AUDIT_ARCH_I386;
	assert_string_equal(decode(102, 0, 0, 8, 0x1000, 0, 0, 0, 0),
	    "socketpair(AF_UNIX, SOCK_STREAM, 0, [5, 6]) = 0");
	assert_string_equal(decode(102, 5, 0, 9, 0x4000, 0, 0, 0, 0),
	    "send(3, \"hello\", 5, 0)                  = 5");
	assert_string_equal(decode(102, 5, 0, 10, 0x5000, 0, 0, 0, 0),
	    "recv(4, \"hello\", 16, 0)                 = 5");
	assert_string_equal(decode(102, 5, 0, 1, 0x6000, 0, 0, 0, 0),
	    "socket(AF_INET, SOCK_STREAM|SOCK_CLOEXEC, IPPROTO_IP) = 5");
	/* struct mmsghdr in the 32-bit layout. */
	map(0x7000, mm_args, sizeof(mm_args));
	map(0x8000, mmsg, sizeof(mmsg));
	map(0x8100, iov, sizeof(iov));
	map(0x8200, xyz, 3);
	assert_string_equal(decode(102, 1, 0, 20, 0x7000, 0, 0, 0, 0),
	    "sendmmsg(4, [{msg_hdr={msg_name=NULL, msg_namelen=0, "
	    "msg_iov=[{iov_base=\"xyz\", iov_len=3}], msg_iovlen=1, "
	    "msg_controllen=0, msg_flags=0}, msg_len=3}], 1, 0) = 1");
	/* No array to read, or no such call: the multiplexer itself. */
	assert_string_equal(decode(102, -14, 0, 1, 0x1234, 6, 7, 8, 9),
	    "socketcall(SYS_SOCKET, 0x1234)          = -1 EFAULT (Bad address)");
	assert_string_equal(decode(102, -22, 0, 0, 0x1234, 6, 7, 8, 9),
	    "socketcall(0, 0x1234)                   = -1 EINVAL (Invalid argument)");
	assert_string_equal(decode(102, -22, 0, 21, 0x1234, 6, 7, 8, 9),
	    "socketcall(21, 0x1234)                  = -1 EINVAL (Invalid argument)");
	assert_string_equal(decode(102, -14, 0, 1, 0, 0, 0, 0, 0),
	    "socketcall(SYS_SOCKET, NULL)            = -1 EFAULT (Bad address)");
	assert_string_equal(decode(102, -22, 0, 77, 0, 0, 0, 0, 0),
	    "socketcall(77, NULL)                    = -1 EINVAL (Invalid argument)");
	/* The entry half names the subcall (for "<... recv resumed>"). */
	d = ptc_scdec_new();
	fp = fmemopen(out, sizeof(out), "w");
	ptc_scdec_set_reader(d, rd, NULL);
	si.op = PTC_SC_ENTRY;
	si.arch = AUDIT_ARCH_I386;
	si.nr = 102;
	si.args[0] = 10;
	si.args[1] = 0x5000;
	ptc_sc_enter(d, fp, 1, &si, &fmt);
	fclose(fp);
	assert_string_equal(out, "recv(4, ");
	assert_string_equal(ptc_sc_current(d), "recv");
	ptc_scdec_free(d);
	/* JSON names it too. */
	fmt.json = 1;
	assert_non_null(strstr(decode(102, 5, 0, 9, 0x4000, 0, 0, 0, 0),
	    "\"syscall\":\"send\",\"args\":[3,\"hello\",5,\"0\"]"));
	fmt.json = 0;
	/* Names, classes and lookup see the subcalls as calls. */
	assert_string_equal(ptc_sc_name(AUDIT_ARCH_I386, 509), "send");
	assert_true(ptc_sc_classes(AUDIT_ARCH_I386, 510) & PTC_SCC_NETWORK);
	assert_int_equal(ptc_sc_lookup(AUDIT_ARCH_I386, "socket"), 359);
	assert_int_equal(ptc_sc_lookup(AUDIT_ARCH_I386, "recv"), 510);
	dec_arch = NATIVE;
#endif
}

static void
test_i386_ipc(void **state)
{
#ifndef PTC_SC_i386
	(void)state;
	skip();
#else
	static const uint32_t shmaddr = 0xf7f5b000;
	static const uint32_t kludge[] = { 0x3000, 7 };
	static const uint16_t sops[] = { 0, 1, 0 };
	static const uint32_t semval = 3, zero = 0;
	static const char msg[] = "\1\0\0\0hi";

	(void)state;
	fmt_default();
	map(0x2000, &shmaddr, sizeof(shmaddr));
	map(0x4000, kludge, sizeof(kludge));
	map(0x5000, sops, sizeof(sops));
	map(0x6000, &semval, sizeof(semval));
	map(0x6100, &zero, sizeof(zero));
	map(0x7000, msg, sizeof(msg));
	dec_arch = AUDIT_ARCH_I386;
	/* ipc(SEMOP, first, second, third, ptr, fifth); a version ignored. */
	assert_string_equal(decode(117, -14, 0, 1, 0x1234, 6, 7, 8, 9),
	    "semop(4660, 0x8, 6)                     = -1 EFAULT (Bad address)");
	assert_string_equal(decode(117, -14, 0, 0x10001, 0x1234, 6, 7, 8, 9),
	    "semop(4660, 0x8, 6)                     = -1 EFAULT (Bad address)");
	assert_string_equal(decode(117, -22, 0, 0x20001, 0, 0, 0, 0, 0),
	    "semop(0, NULL, 0)                       = -1 EINVAL (Invalid argument)");
	assert_string_equal(decode(117, -38, 0, 99, 5, 6, 7, 8, 9),
	    "ipc(99, 0x5, 0x6, 0x7, 0x8, 0x9)        = -1 ENOSYS (Function not implemented)");
	assert_string_equal(decode(117, -38, 0, 99, 0, 0, 0xffffffff, 0, 0),
	    "ipc(99, 0, 0, 0xffffffff, 0, 0)         = -1 ENOSYS (Function not implemented)");
	assert_string_equal(decode(117, 0, 0, 2, 0, 1, 0x380, 0, 0),
	    "semget(IPC_PRIVATE, 1, IPC_CREAT|0600)  = 0");
	assert_string_equal(decode(117, 0, 0, 13, 0, 0x380, 0, 0, 0),
	    "msgget(IPC_PRIVATE, IPC_CREAT|0600)     = 0");
	assert_string_equal(decode(117, 0, 0, 23, 0, 4096, 0x380, 0, 0),
	    "shmget(IPC_PRIVATE, 4096, IPC_CREAT|0600) = 0");
	/* shmat's result is stored at ipc's third argument. */
	assert_string_equal(decode(117, 0, 0, 21, 0, 0x1000, 0x2000, 0, 0),
	    "shmat(0, NULL, SHM_RDONLY)              = 0xf7f5b000");
	assert_string_equal(decode(117, 0, 0, 22, 0, 0, 0, 0xf7f5b000, 0),
	    "shmdt(0xf7f5b000)                       = 0");
	/* The direct calls' printers: semop's array, ctl commands. */
	assert_string_equal(decode(117, 0, 0, 4, 0, 1, 0, 0x5000, 0),
	    "semtimedop(0, [{sem_num=0, sem_op=1, sem_flg=0}], 1, NULL) = 0");
	assert_string_equal(decode(117, 2, 0, 3, 0, 0, 0x10c, 0x6100, 0),
	    "semctl(0, 0, IPC_64|GETVAL, [NULL])     = 2");
	assert_string_equal(decode(117, 0, 0, 3, 0, 0, 0x110, 0x6000, 0),
	    "semctl(0, 0, IPC_64|SETVAL, [0x3])      = 0");
	assert_string_equal(decode(117, 0, 0, 14, 0, 0x100, 0, 0, 0),
	    "msgctl(0, IPC_64|IPC_RMID, NULL)        = 0");
	assert_string_equal(decode(117, 0, 0, 11, 0, 3, 0, 0x7000, 0),
	    "msgsnd(0, {mtype=1, mtext=\"hi\\0\"}, 3, 0) = 0");
	/* msgrcv, version 0: buffer and type in a struct ipc_kludge. */
	assert_string_equal(decode(117, 3, 0, 12, 2, 8, 04000, 0x4000, 0),
	    "msgrcv(2, 0x3000, 8, 7, IPC_NOWAIT)     = 3");
	assert_string_equal(decode(117, 3, 0, 0x1000c, 2, 8, 04000, 0x3000,
	    7), "msgrcv(2, 0x3000, 8, 7, IPC_NOWAIT)     = 3");
	dec_arch = NATIVE;
#endif
}

/* i386 TLS descriptors: set_thread_area, get_thread_area, clone3's tls. */
static void
test_i386_user_desc(void **state)
{
#ifndef PTC_SC_i386
	(void)state;
	skip();
#else
	static uint32_t ud[] = { 0xffffffff, 0xf7fc2540, 0xfffff, 0x51 };
	static const uint64_t ca[] = {
		0x3d0f00, 0, 0xf7d25ba8, 0xf7d25ba8, 0, 0xf7525000, 0x800440,
		0x5000, 0, 0, 0,
	};
	static const uint32_t ud2[] = { 12, 0xf7d25b40, 0xfffff, 0x51 };
	static const int32_t ptid = 670;
	struct ptc_scdec *d;
	struct ptc_scinfo si = { 0 };
	FILE *fp;

	(void)state;
	fmt_default();
	map(0x1000, ud, sizeof(ud));
	map(0x4000, ca, sizeof(ca));
	map(0x5000, ud2, sizeof(ud2));
	map(0xf7d25ba8, &ptid, sizeof(ptid));
	d = ptc_scdec_new();
	fp = fmemopen(out, sizeof(out), "w");
	ptc_scdec_set_reader(d, rd, NULL);
	si.op = PTC_SC_ENTRY;
	si.arch = AUDIT_ARCH_I386;
	si.nr = 243;
	si.args[0] = 0x1000;
	ptc_sc_enter(d, fp, 1, &si, &fmt);
	ud[0] = 12;   /* the kernel writes the entry it chose back */
	si.op = PTC_SC_EXIT;
	si.rval = 0;
	ptc_sc_exit(d, fp, &si, &fmt);
	fclose(fp);
	ptc_scdec_free(d);
	assert_string_equal(out,
	    "set_thread_area({entry_number=-1, base_addr=0xf7fc2540, "
	    "limit=0x0fffff, seg_32bit=1, contents=0, read_exec_only=0, "
	    "limit_in_pages=1, seg_not_present=0, useable=1}) = 0 "
	    "(entry_number=12)");
	dec_arch = AUDIT_ARCH_I386;
	assert_string_equal(decode(244, 0, 0, 0x1000, 0, 0, 0, 0, 0),
	    "get_thread_area({entry_number=12, base_addr=0xf7fc2540, "
	    "limit=0x0fffff, seg_32bit=1, contents=0, read_exec_only=0, "
	    "limit_in_pages=1, seg_not_present=0, useable=1}) = 0");
	/* clone's tls too (a 32-bit clone passes it fourth). */
	assert_string_equal(decode(120, 7101, 0, 0x80011, 0, 0, 0x1000, 0, 0),
	    "clone(child_stack=NULL, flags=CLONE_SETTLS|SIGCHLD, "
	    "tls={entry_number=12, base_addr=0xf7fc2540, limit=0x0fffff, "
	    "seg_32bit=1, contents=0, read_exec_only=0, limit_in_pages=1, "
	    "seg_not_present=0, useable=1}) = 7101");
	assert_string_equal(decode(244, -14, 0, 0x9000, 0, 0, 0, 0, 0),
	    "get_thread_area(0x9000)                 = -1 EFAULT (Bad address)");
	assert_string_equal(decode(435, 670, 0, 0x4000, 88, 0, 0, 0, 0),
	    "clone3({flags=CLONE_VM|CLONE_FS|CLONE_FILES|CLONE_SIGHAND|"
	    "CLONE_THREAD|CLONE_SYSVSEM|CLONE_SETTLS|CLONE_PARENT_SETTID|"
	    "CLONE_CHILD_CLEARTID, child_tid=0xf7d25ba8, "
	    "parent_tid=0xf7d25ba8, exit_signal=0, stack=0xf7525000, "
	    "stack_size=0x800440, tls={entry_number=12, "
	    "base_addr=0xf7d25b40, limit=0x0fffff, seg_32bit=1, contents=0, "
	    "read_exec_only=0, limit_in_pages=1, seg_not_present=0, "
	    "useable=1}} => {parent_tid=[670]}, 88) = 670");
	dec_arch = NATIVE;
#endif
}

static void
test_signals_errnos(void **state)
{
	(void)state;
	assert_string_equal(ptc_signame(9), "SIGKILL");
	assert_string_equal(ptc_signame(17), "SIGCHLD");
	assert_string_equal(ptc_signame(32), "SIGRTMIN");
	assert_string_equal(ptc_signame(34), "SIGRT_2");
	assert_string_equal(ptc_signame(64), "SIGRT_32");
	assert_null(ptc_signame(65));
	assert_null(ptc_signame(0));
	assert_int_equal(ptc_sigparse("SIGTERM"), 15);
	assert_int_equal(ptc_sigparse("term"), 15);
	assert_int_equal(ptc_sigparse("9"), 9);
	assert_int_equal(ptc_sigparse("RTMIN"), 32);
	assert_int_equal(ptc_sigparse("SIGRT_3"), 35);
	assert_int_equal(ptc_sigparse("SIGNOPE"), -1);
	assert_int_equal(ptc_sigparse("0"), -1);
	assert_string_equal(ptc_errname(2), "ENOENT");
	assert_string_equal(ptc_errname(11), "EAGAIN");
	assert_string_equal(ptc_errname(95), "EOPNOTSUPP");
	assert_string_equal(ptc_errname(512), "ERESTARTSYS");
	assert_null(ptc_errname(0));
}

/* ---- decoding ---- */

static void
test_openat(void **state)
{
	static const char path[] = "/etc/passwd";

	(void)state;
	fmt_default();
	map(0x1000, path, sizeof(path));
	assert_string_equal(D("openat", 3, (uint64_t)-100, 0x1000, 02000000, 0, 0, 0),
	    "openat(AT_FDCWD, \"/etc/passwd\", O_RDONLY|O_CLOEXEC) = 3");
	assert_string_equal(D("openat", -2, (uint64_t)-100, 0x1000, 0, 0, 0, 0),
	    "openat(AT_FDCWD, \"/etc/passwd\", O_RDONLY) = -1 ENOENT (No such file or directory)");
	assert_string_equal(D("openat", 4, 5, 0x1000, 01101, 0640, 0, 0),
	    "openat(5, \"/etc/passwd\", O_WRONLY|O_CREAT|O_TRUNC, 0640) = 4");
	/* Unreadable path: its address. */
#if LEGACY
	assert_string_equal(D("open", -14, 0xdead0000, 0, 0, 0, 0, 0),
	    "open(0xdead0000, O_RDONLY)              = -1 EFAULT (Bad address)");
#endif
	assert_string_equal(D("openat", -14, (uint64_t)-100, 0xdead0000, 0, 0, 0, 0),
	    "openat(AT_FDCWD, 0xdead0000, O_RDONLY)  = -1 EFAULT (Bad address)");
	/* The bits that differ between CPUs (x86 has its own layout). */
#if defined(__aarch64__) || defined(__arm__)
	assert_string_equal(D("openat", 3, (uint64_t)-100, 0x1000, 0440000, 0, 0, 0),
	    "openat(AT_FDCWD, \"/etc/passwd\", O_RDONLY|O_LARGEFILE|O_DIRECTORY) = 3");
	assert_string_equal(D("openat", 3, (uint64_t)-100, 0x1000, 0300000, 0, 0, 0),
	    "openat(AT_FDCWD, \"/etc/passwd\", O_RDONLY|O_DIRECT|O_NOFOLLOW) = 3");
#elif defined(__powerpc64__)
	assert_string_equal(D("openat", 3, (uint64_t)-100, 0x1000, 0240000, 0, 0, 0),
	    "openat(AT_FDCWD, \"/etc/passwd\", O_RDONLY|O_LARGEFILE|O_DIRECTORY) = 3");
	assert_string_equal(D("openat", 3, (uint64_t)-100, 0x1000, 0500000, 0, 0, 0),
	    "openat(AT_FDCWD, \"/etc/passwd\", O_RDONLY|O_DIRECT|O_NOFOLLOW) = 3");
#else
	assert_string_equal(D("openat", 3, (uint64_t)-100, 0x1000, 0300000, 0, 0, 0),
	    "openat(AT_FDCWD, \"/etc/passwd\", O_RDONLY|O_LARGEFILE|O_DIRECTORY) = 3");
	assert_string_equal(D("openat", 3, (uint64_t)-100, 0x1000, 0440000, 0, 0, 0),
	    "openat(AT_FDCWD, \"/etc/passwd\", O_RDONLY|O_DIRECT|O_NOFOLLOW) = 3");
#endif
}

static void
test_read_write(void **state)
{
	static const char data[] = "root:x:0:0:root:/root:/bin/bash\nmore";

	(void)state;
	fmt_default();
	map(0x2000, data, sizeof(data) - 1);
	assert_string_equal(D("read", 10, 3, 0x2000, 10, 0, 0, 0),
	    "read(3, \"root:x:0:0\", 10)               = 10");
	assert_string_equal(D("read", 36, 3, 0x2000, 4096, 0, 0, 0),
	    "read(3, \"root:x:0:0:root:/root:/bin/bash\\n\"..., 4096) = 36");
	assert_string_equal(D("write", 4, 1, 0x2000, 4, 0, 0, 0),
	    "write(1, \"root\", 4)                     = 4");
	assert_string_equal(D("read", -11, 3, 0x2000, 10, 0, 0, 0),
	    "read(3, 0x2000, 10)                     = -1 EAGAIN (Resource temporarily unavailable)");
	fmt.strsize = 4;
	assert_string_equal(D("write", 10, 1, 0x2000, 10, 0, 0, 0),
	    "write(1, \"root\"..., 10)                 = 10");
	fmt.xstyle = 2;
	assert_string_equal(D("write", 2, 1, 0x2000, 2, 0, 0, 0),
	    "write(1, \"\\x72\\x6f\", 2)                 = 2");
}

/* Entry alone is what strace shows before "<unfinished ...>". */
static void
test_unfinished(void **state)
{
	static const char data[] = "x";

	(void)state;
	fmt_default();
	map(0x2000, data, 1);
	assert_string_equal(decode(scnr("read"), 0, 1, 3, 0x2000, 1, 0, 0, 0), "read(3, ");
	assert_string_equal(decode(scnr("close"), 0, 1, 3, 0, 0, 0, 0, 0), "close(3");
	assert_string_equal(decode(scnr("getpid"), 0, 1, 0, 0, 0, 0, 0, 0), "getpid(");
	assert_string_equal(decode(scnr("wait4"), 0, 1, 5, 0x2000, 0, 0, 0, 0), "wait4(5, ");
	/* clone's tail brings its own ", " ("<... clone resumed>, child_tidptr="). */
	/* clone's child_tid and tls: x86_64's order, or the others'. */
#if defined(__x86_64__)
#define CLONE_TID(t) 0, t, 0
#else
#define CLONE_TID(t) 0, 0, t
#endif
	assert_string_equal(decode(scnr("clone"), 0, 1, 0x01200011, 0, CLONE_TID(0x7000), 0),
	    "clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD");
	assert_string_equal(D("clone", 42, 0x01200011, 0, CLONE_TID(0x7000), 0),
	    "clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD, "
	    "child_tidptr=0x7000) = 42");
	assert_string_equal(D("clone", 42, 17, 0, 0, 0, 0, 0),
	    "clone(child_stack=NULL, flags=SIGCHLD)  = 42");
}

static void
test_column(void **state)
{
	struct ptc_scdec *d = ptc_scdec_new();
	struct ptc_scinfo si = { 0 };
	FILE *fp = fmemopen(out, sizeof(out), "w");

	(void)state;
	fmt_default();
	ptc_scdec_set_reader(d, rd, NULL);
	si.arch = NATIVE;
	si.nr = (uint64_t)scnr("getpid");
	ptc_scdec_column(d, 10);
	ptc_sc_enter(d, fp, 1, &si, &fmt);
	si.rval = 7;
	ptc_sc_exit(d, fp, &si, &fmt);
	fclose(fp);
	/* Column 10 + "getpid() ", then spaces up to column 40. */
	assert_string_equal(out, "getpid()                      = 7");
	fp = fmemopen(out, sizeof(out), "w");
	si.nr = (uint64_t)scnr("close");
	si.args[0] = 4;
	ptc_sc_enter(d, fp, 1, &si, &fmt);
	/* Exit text after an 18-column "<... close resumed>" prefix. */
	ptc_scdec_column(d, 18);
	ptc_sc_exit(d, fp, &si, &fmt);
	fclose(fp);
	assert_string_equal(out, "close(4)                     = 7");
	assert_string_equal(ptc_sc_current(d), "close");
	ptc_scdec_free(d);
}

static void
test_unknown_nr(void **state)
{
	(void)state;
	fmt_default();
	assert_string_equal(decode(500, -38, 0, 1, 2, 3, 4, 5, 6),
	    "syscall_0x1f4(0x1, 0x2, 0x3, 0x4, 0x5, 0x6) = -1 ENOSYS (Function not implemented)");
}

static void
test_execve(void **state)
{
	static const char p0[] = "/bin/ls", a1[] = "-l", e0[] = "A=1";
	kword argv[] = { 0x1000, 0x1100, 0x1200, 0 };
	kword envp[] = { 0x1300, 0x1300, 0 };
	struct ptc_scdec *d = ptc_scdec_new();
	struct ptc_scinfo si = { 0 };
	FILE *fp = fmemopen(out, sizeof(out), "w");

	(void)state;
	fmt_default();
	map(0x1000, p0, sizeof(p0));
	map(0x1100, p0 + 5, sizeof(p0) - 5);
	map(0x1200, a1, sizeof(a1));
	map(0x1300, e0, sizeof(e0));
	map(0x5000, argv, sizeof(argv));
	map(0x6000, envp, sizeof(envp));
	ptc_scdec_set_reader(d, rd, NULL);
	si.arch = NATIVE;
	si.nr = (uint64_t)scnr("execve");
	si.args[0] = 0x1000;
	si.args[1] = 0x5000;
	si.args[2] = 0x6000;
	ptc_sc_enter(d, fp, 1, &si, &fmt);
	ptc_sc_exit(d, fp, &si, &fmt);
	fclose(fp);
	assert_string_equal(out, "execve(\"/bin/ls\", [\"/bin/ls\", \"ls\", \"-l\"], "
	    "0x6000 /* 2 vars */) = 0");
	/* Success never returns to the old image: entry text is all. */
	fp = fmemopen(out, sizeof(out), "w");
	fmt.verbose = 1;
	ptc_sc_enter(d, fp, 1, &si, &fmt);
	nmem = 0;
	ptc_sc_noreturn(d, fp, &fmt);
	fclose(fp);
	assert_string_equal(out, "execve(\"/bin/ls\", [\"/bin/ls\", \"ls\", \"-l\"], "
	    "[\"A=1\", \"A=1\"]) = ?");
	ptc_scdec_free(d);
}

/* -s 2 cuts argv after two strings; -v shows them all. */
static void
test_execve_long(void **state)
{
	static const char p0[] = "/bin/x", s[] = "a";
	kword argv[5] = { 0x1000, 0x1100, 0x1100, 0x1100, 0 };
	kword envp[1] = { 0 };

	(void)state;
	fmt_default();
	fmt.strsize = 2;
	map(0x1000, p0, sizeof(p0));
	map(0x1100, s, sizeof(s));
	map(0x5000, argv, sizeof(argv));
	map(0x6000, envp, sizeof(envp));
	assert_string_equal(D("execve", 0, 0x1000, 0x5000, 0x6000, 0, 0, 0),
	    "execve(\"/bin/x\", [\"/b\"..., \"a\", ...], 0x6000 /* 0 vars */) = 0");
	fmt.verbose = 1;
	assert_string_equal(D("execve", 0, 0x1000, 0x5000, 0x6000, 0, 0, 0),
	    "execve(\"/bin/x\", [\"/b\"..., \"a\", \"a\", \"a\"], []) = 0");
}

static void
test_wait4(void **state)
{
	static int st_exit = 3 << 8, st_kill = 9, st_core = 11 | 0x80,
	    st_stop = (19 << 8) | 0x7f;

	(void)state;
	fmt_default();
	map(0x100, &st_exit, 4);
	map(0x200, &st_kill, 4);
	map(0x300, &st_core, 4);
	map(0x400, &st_stop, 4);
	assert_string_equal(D("wait4", 42, 42, 0x100, 0, 0, 0, 0),
	    "wait4(42, [{WIFEXITED(s) && WEXITSTATUS(s) == 3}], 0, NULL) = 42");
	assert_string_equal(D("wait4", 42, (uint64_t)-1, 0x200, 0x40000000, 0, 0, 0),
	    "wait4(-1, [{WIFSIGNALED(s) && WTERMSIG(s) == SIGKILL}], __WALL, NULL) = 42");
	assert_string_equal(D("wait4", 42, 42, 0x300, 0, 0, 0, 0),
	    "wait4(42, [{WIFSIGNALED(s) && WTERMSIG(s) == SIGSEGV && WCOREDUMP(s)}], 0, NULL) = 42");
	assert_string_equal(D("wait4", 42, 42, 0x400, 2, 0, 0, 0),
	    "wait4(42, [{WIFSTOPPED(s) && WSTOPSIG(s) == SIGSTOP}], WSTOPPED, NULL) = 42");
	assert_string_equal(D("wait4", 0, 42, 0x400, 1, 0, 0, 0),
	    "wait4(42, 0x400, WNOHANG, NULL)         = 0");
}

static void
test_sigaction(void **state)
{
	/* The kernel's struct sigaction: handler, flags, restorer, mask. */
	static const struct {
		kword handler, flags, restorer;
		uint32_t mask[2];
	} sa = { 0x401000, 0x04000000 | 0x10000000, 0x7f001000, { 1u << 11, 0 } },
	    ign = { 1, 0, 0, { 0, 0 } };
	static const uint64_t set1 = (1ull << 16) | (1ull << 35), full = ~0ull;

	(void)state;
	fmt_default();
	map(0x100, &sa, sizeof(sa));
	map(0x200, &ign, sizeof(ign));
	map(0x300, &set1, 8);
	map(0x400, &full, 8);
	assert_string_equal(D("rt_sigaction", 0, 10, 0x100, 0, 8, 0, 0),
	    "rt_sigaction(SIGUSR1, {sa_handler=0x401000, sa_mask=[USR2], "
	    "sa_flags=SA_RESTORER|SA_RESTART, sa_restorer=0x7f001000}, NULL, 8) = 0");
	assert_string_equal(D("rt_sigaction", 0, 13, 0, 0x200, 8, 0, 0),
	    "rt_sigaction(SIGPIPE, NULL, {sa_handler=SIG_IGN, sa_mask=[], sa_flags=0}, 8) = 0");
	assert_string_equal(D("rt_sigprocmask", 0, 0, 0x300, 0x400, 8, 0, 0),
	    "rt_sigprocmask(SIG_BLOCK, [CHLD RT_4], ~[], 8) = 0");
	assert_string_equal(D("kill", 0, 1234, 15, 0, 0, 0, 0),
	    "kill(1234, SIGTERM)                     = 0");
}

static void
test_sockaddr(void **state)
{
	static const unsigned char in4[16] = { 2, 0, 0, 80, 127, 0, 0, 1 };
	static const unsigned char in6[28] = { 10, 0, 0, 53, 0, 0, 0, 0,
		0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0 };
	static const char un[] = "\1\0/run/x.sock";
	static const char abst[] = "\1\0\0abc";
	static const uint32_t len16 = 16;

	(void)state;
	fmt_default();
	map(0x100, in4, sizeof(in4));
	map(0x200, in6, sizeof(in6));
	map(0x300, un, sizeof(un));
	map(0x400, abst, sizeof(abst) - 1);
	map(0x500, &len16, 4);
	assert_string_equal(D("connect", -111, 3, 0x100, 16, 0, 0, 0),
	    "connect(3, {sa_family=AF_INET, sin_port=htons(80), "
	    "sin_addr=inet_addr(\"127.0.0.1\")}, 16) = -1 ECONNREFUSED (Connection refused)");
	assert_string_equal(D("bind", 0, 3, 0x200, 28, 0, 0, 0),
	    "bind(3, {sa_family=AF_INET6, sin6_port=htons(53), "
	    "sin6_flowinfo=htonl(0), inet_pton(AF_INET6, \"::1\", &sin6_addr), "
	    "sin6_scope_id=0}, 28) = 0");
	assert_string_equal(D("connect", 0, 3, 0x300, sizeof(un), 0, 0, 0),
	    "connect(3, {sa_family=AF_UNIX, sun_path=\"/run/x.sock\"}, 14) = 0");
	assert_string_equal(D("connect", 0, 3, 0x400, sizeof(abst) - 1, 0, 0, 0),
	    "connect(3, {sa_family=AF_UNIX, sun_path=@\"abc\"}, 6) = 0");
	assert_string_equal(D("socket", 3, 2, 0x80801, 0, 0, 0, 0),
	    "socket(AF_INET, SOCK_STREAM|SOCK_CLOEXEC|SOCK_NONBLOCK, IPPROTO_IP) = 3");
	assert_string_equal(D("setsockopt", 0, 3, 1, 2, 0x500, 4, 0),
	    "setsockopt(3, SOL_SOCKET, SO_REUSEADDR, [16], 4) = 0");
	/* An absurd length is capped, not allocated. */
	assert_string_equal(D("connect", -22, 3, 0x100, 0xffffffff, 0, 0, 0),
	    "connect(3, {sa_family=AF_INET, sin_port=htons(80), "
	    "sin_addr=inet_addr(\"127.0.0.1\")}, 4294967295) = -1 EINVAL (Invalid argument)");
}

static void
test_mmap_misc(void **state)
{
	static const int fds[2] = { 3, 4 };
	static const uint64_t rl[2] = { 8192 * 1024, ~0ull };
	static const uint64_t rl2[2] = { 1024, 4096 };
	static const kword ts[2] = { 1, 500 };

	(void)state;
	fmt_default();
	map(0x100, fds, sizeof(fds));
	map(0x200, rl, sizeof(rl));
	map(0x280, rl2, sizeof(rl2));
	map(0x300, ts, sizeof(ts));
#if defined(__i386__) || defined(__arm__)
	/* i386's mmap takes a structure; the C library calls mmap2 (arm
	 * EABI has no other). */
	assert_string_equal(D("mmap2", 0x7f000000, 0, 8192, 3, 0x22, (kword)-1, 0),
	    "mmap2(NULL, 8192, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x7f000000");
#else
	assert_string_equal(D("mmap", 0x7f0000000000, 0, 8192, 3, 0x22, (uint64_t)-1, 0),
	    "mmap(NULL, 8192, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x7f0000000000");
#endif
	assert_string_equal(D("mprotect", 0, 0x7f000000, 4096, 0, 0, 0, 0),
	    "mprotect(0x7f000000, 4096, PROT_NONE)   = 0");
	assert_string_equal(D("pipe2", 0, 0x100, 02000000, 0, 0, 0, 0),
	    "pipe2([3, 4], O_CLOEXEC)                = 0");
	assert_string_equal(D("prlimit64", 0, 0, 3, 0, 0x200, 0, 0),
	    "prlimit64(0, RLIMIT_STACK, NULL, {rlim_cur=8192*1024, rlim_max=RLIM64_INFINITY}) = 0");
	assert_string_equal(D("prlimit64", 0, 0, 7, 0, 0x280, 0, 0),
	    "prlimit64(0, RLIMIT_NOFILE, NULL, {rlim_cur=1024, rlim_max=4*1024}) = 0");
	assert_string_equal(D("clock_nanosleep", 0, 0, 0, 0x300, 0, 0, 0),
	    "clock_nanosleep(CLOCK_REALTIME, 0, {tv_sec=1, tv_nsec=500}, NULL) = 0");
#if defined(__aarch64__) || defined(__arm__)
	assert_string_equal(D("fcntl", 0x20002, 3, 3, 0, 0, 0, 0),
	    "fcntl(3, F_GETFL)                       = 0x20002 (flags O_RDWR|O_LARGEFILE)");
#elif defined(__powerpc64__)
	assert_string_equal(D("fcntl", 0x10002, 3, 3, 0, 0, 0, 0),
	    "fcntl(3, F_GETFL)                       = 0x10002 (flags O_RDWR|O_LARGEFILE)");
#else
	assert_string_equal(D("fcntl", 0x8002, 3, 3, 0, 0, 0, 0),
	    "fcntl(3, F_GETFL)                       = 0x8002 (flags O_RDWR|O_LARGEFILE)");
#endif
	assert_string_equal(D("lseek", 6, 3, 0, 2, 0, 0, 0),
	    "lseek(3, 0, SEEK_END)                   = 6");
	assert_string_equal(D("exit_group", 0, 0, 0, 0, 0, 0, 0) , "exit_group(0)                           = 0");
	assert_string_equal(D("umask", 022, 022, 0, 0, 0, 0, 0),
	    "umask(022)                              = 022");
}

static void
test_ioctl(void **state)
{
#if defined(__powerpc64__)
	/*
	 * PowerPC's struct termios: 4 flags (other bits), 19 c_cc, c_line,
	 * the two speeds; its ioctl numbers hold the direction in 3 bits
	 * and the size in 13.
	 */
	static const unsigned char tio[44] = {
		0x00, 0x03, 0, 0,           /* ICRNL|IXON */
		0x03, 0, 0, 0,              /* OPOST|ONLCR */
		0x0f, 0x0b, 0, 0,           /* B38400|CS8|CREAD */
		0xcf, 0x05, 0, 0,           /* ISIG ICANON ECHO ECHOE ECHOK ECHOCTL ECHOKE IEXTEN */
		3, 0x1c,
	};
	const uint64_t tcgets = 0x402c7413, tiocgwinsz = 0x40087468,
	    fionbio = 0x8004667e;
#else
	/* struct termios of the kernel: 4 flags, c_line, 19 c_cc. */
	static const unsigned char tio[36] = {
		0x00, 0x05, 0, 0,           /* ICRNL|IXON */
		0x05, 0, 0, 0,              /* OPOST|ONLCR */
		0xbf, 0, 0, 0,              /* B38400|CS8|CREAD */
		0x3b, 0x8a, 0, 0,           /* ISIG ICANON ECHO ECHOE ECHOK ECHOCTL ECHOKE IEXTEN */
		0, 3, 0x1c,
	};
	const uint64_t tcgets = 0x5401, tiocgwinsz = 0x5413, fionbio = 0x5421;
#endif
	static const uint16_t ws[4] = { 24, 80, 0, 0 };
	static const int one = 1;

	(void)state;
	fmt_default();
	map(0x100, tio, sizeof(tio));
	map(0x200, ws, sizeof(ws));
	map(0x300, &one, 4);
	assert_string_equal(D("ioctl", 0, 0, tcgets, 0x100, 0, 0, 0),
	    "ioctl(0, TCGETS, {c_iflag=ICRNL|IXON, c_oflag=NL0|CR0|TAB0|BS0|VT0|FF0|OPOST|ONLCR, "
	    "c_cflag=B38400|CS8|CREAD, c_lflag=ISIG|ICANON|ECHO|ECHOE|ECHOK|IEXTEN|ECHOCTL|ECHOKE, ...}) = 0");
	assert_string_equal(D("ioctl", -25, 1, tcgets, 0x100, 0, 0, 0),
	    "ioctl(1, TCGETS, 0x100)                 = -1 ENOTTY (Inappropriate ioctl for device)");
	assert_string_equal(D("ioctl", 0, 1, tiocgwinsz, 0x200, 0, 0, 0),
	    "ioctl(1, TIOCGWINSZ, {ws_row=24, ws_col=80, ws_xpixel=0, ws_ypixel=0}) = 0");
	assert_string_equal(D("ioctl", 0, 3, fionbio, 0x300, 0, 0, 0),
	    "ioctl(3, FIONBIO, [1])                  = 0");
	assert_string_equal(D("ioctl", -25, 3, 0xc0187a01, 0x300, 0, 0, 0),
	    "ioctl(3, _IOC(_IOC_READ|_IOC_WRITE, 0x7a, 0x1, 0x18), 0x300) = -1 ENOTTY (Inappropriate ioctl for device)");
}

static void
test_restart_errors(void **state)
{
	(void)state;
	fmt_default();
#if LEGACY
	assert_string_equal(D("pause", -514, 0, 0, 0, 0, 0, 0),
	    "pause()                                 = ? ERESTARTNOHAND (To be restarted if no handler)");
#endif
	assert_string_equal(D("ppoll", -514, 0, 0, 0, 0, 8, 0),
	    "ppoll(NULL, 0, NULL, NULL, 8)           = ? ERESTARTNOHAND (To be restarted if no handler)");
	assert_string_equal(D("nanosleep", -516, 0, 0, 0, 0, 0, 0),
	    "nanosleep(NULL, NULL)                   = ? ERESTART_RESTARTBLOCK (Interrupted by signal)");
}

/* rt_sigreturn shows the mask of the signal frame at the stack pointer. */
static void
test_sigreturn(void **state)
{
	static const uint64_t mask = (1ull << 9) | (1ull << 14);
	/* Where uc_sigmask is, from the stack pointer at the call. */
#if defined(__x86_64__)
	const uint64_t off = 296;
#elif defined(__aarch64__)
	const uint64_t off = 128 + 40;
#elif defined(__powerpc64__)
	const uint64_t off = 128 + 40;
#else
	const uint64_t off = 0;
#endif
	struct ptc_scdec *d;
	struct ptc_scinfo si = { 0 };
	FILE *fp;

	(void)state;
	if (off == 0)
		skip();
	d = ptc_scdec_new();
	fp = fmemopen(out, sizeof(out), "w");
	fmt_default();
	map(0x10000 + off, &mask, sizeof(mask));
	ptc_scdec_set_reader(d, rd, NULL);
	si.arch = NATIVE;
	si.nr = (uint64_t)scnr("rt_sigreturn");
	si.sp = 0x10000;
	ptc_sc_enter(d, fp, 1, &si, &fmt);
	si.rval = 0;
	ptc_sc_exit(d, fp, &si, &fmt);
	fclose(fp);
	assert_string_equal(out, "rt_sigreturn({mask=[USR1 TERM]})        = 0");
	ptc_scdec_free(d);
}

/* An iovec count from the tracee never drives an allocation. */
static void
test_caps(void **state)
{
	static const kword iov[2] = { 0x100, 3 };
	static const char buf[] = "abc";

	(void)state;
	fmt_default();
	map(0x100, buf, 3);
	map(0x200, iov, sizeof(iov));
	assert_string_equal(D("writev", 3, 1, 0x200, 1, 0, 0, 0),
	    "writev(1, [{iov_base=\"abc\", iov_len=3}], 1) = 3");
	/* 2^40 elements: the second is unreadable, so it stops there, as
	 * strace's print_array: "... / * address * /". */
	assert_string_equal(D("writev", -22, 1, 0x200, 1ull << 30, 0, 0, 0),
#if defined(__i386__) || defined(__arm__)
	    "writev(1, [{iov_base=\"abc\", iov_len=3}, ... /* 0x208 */], 1073741824) = -1 EINVAL (Invalid argument)");
#else
	    "writev(1, [{iov_base=\"abc\", iov_len=3}, ... /* 0x210 */], 1073741824) = -1 EINVAL (Invalid argument)");
#endif
	/* A huge read buffer shows -s bytes only. */
	assert_string_equal(D("read", -14, 3, 0x100, ~0ull, 0, 0, 0),
#if defined(__i386__) || defined(__arm__)
	    "read(3, 0x100, 4294967295)              = -1 EFAULT (Bad address)");
#else
	    "read(3, 0x100, 18446744073709551615)    = -1 EFAULT (Bad address)");
#endif
}

static void
test_json(void **state)
{
	static const char path[] = "/etc/passwd";
	static const char data[] = "ab\"c";

	(void)state;
	fmt_default();
	fmt.json = 1;
	map(0x1000, path, sizeof(path));
	map(0x2000, data, 4);
	assert_string_equal(D("openat", 3, (uint64_t)-100, 0x1000, 02000000, 0, 0, 0),
	    "\"syscall\":\"openat\",\"args\":[\"AT_FDCWD\",\"/etc/passwd\","
	    "\"O_RDONLY|O_CLOEXEC\"],\"retval\":3");
	assert_string_equal(D("read", -2, 3, 0x2000, 4, 0, 0, 0),
	    "\"syscall\":\"read\",\"args\":[3,\"0x2000\",4],\"retval\":-1,\"errno\":\"ENOENT\"");
	assert_string_equal(D("read", 4, 3, 0x2000, 4, 0, 0, 0),
	    "\"syscall\":\"read\",\"args\":[3,\"ab\\\"c\",4],\"retval\":4");
	/* Entry writes nothing in JSON mode. */
	assert_string_equal(decode(scnr("read"), 0, 1, 3, 0x2000, 1, 0, 0, 0), "");
}

static void
test_siginfo(void **state)
{
	siginfo_t si;
	FILE *fp;

	(void)state;
	fmt_default();
	memset(&si, 0, sizeof(si));
	si.si_signo = SIGCHLD;
	si.si_code = CLD_EXITED;
	si.si_pid = 77;
	si.si_uid = 0;
	si.si_status = 3;
	fp = fmemopen(out, sizeof(out), "w");
	assert_int_equal(ptc_siginfo_print(fp, &si, &fmt), 0);
	fclose(fp);
	assert_string_equal(out, "{si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=77, "
	    "si_uid=0, si_status=3, si_utime=0, si_stime=0}");
	memset(&si, 0, sizeof(si));
	si.si_signo = SIGSEGV;
	si.si_code = SEGV_MAPERR;
	si.si_addr = (void *)0x10;
	fp = fmemopen(out, sizeof(out), "w");
	ptc_siginfo_print(fp, &si, &fmt);
	fclose(fp);
	assert_string_equal(out, "{si_signo=SIGSEGV, si_code=SEGV_MAPERR, si_addr=0x10}");
	memset(&si, 0, sizeof(si));
	si.si_signo = SIGUSR1;
	si.si_code = SI_USER;
	si.si_pid = 5;
	si.si_uid = 1000;
	fp = fmemopen(out, sizeof(out), "w");
	ptc_siginfo_print(fp, &si, &fmt);
	fclose(fp);
	assert_string_equal(out, "{si_signo=SIGUSR1, si_code=SI_USER, si_pid=5, si_uid=1000}");
	fmt.json = 1;
	fp = fmemopen(out, sizeof(out), "w");
	ptc_siginfo_print(fp, &si, &fmt);
	fclose(fp);
	assert_string_equal(out, "{\"si_signo\":\"SIGUSR1\",\"si_code\":\"SI_USER\","
	    "\"si_pid\":5,\"si_uid\":1000}");
}

/* Tracee memory of random bytes: every decoder must stay in bounds. */
static uint64_t seed = 0x9e3779b97f4a7c15ull;

static uint64_t
rnd(void)
{
	seed ^= seed << 13;
	seed ^= seed >> 7;
	seed ^= seed << 17;
	return seed;
}

static ssize_t
rd_random(void *ctx, uint64_t addr, void *buf, size_t len)
{
	unsigned char *b = buf;
	size_t i;

	(void)ctx;
	if (addr < 0x10000 || addr > 0x7fffffffffffull)
		return -1;
	/* Sometimes a short read, as at the end of a mapping. */
	if ((rnd() & 7) == 0 && len > 1)
		len = (size_t)(rnd() % len) + 1;
	for (i = 0; i < len; i++)
		b[i] = (rnd() & 3) == 0 ? 0 : (unsigned char)rnd();
	return (ssize_t)len;
}

/* A small JSON checker: does s hold exactly one valid JSON value? */
static const char *jv(const char *s);

static const char *
jws(const char *s)
{
	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		s++;
	return s;
}

static const char *
jstr(const char *s)
{
	if (*s++ != '"')
		return NULL;
	while (*s != '"') {
		if ((unsigned char)*s < 0x20)
			return NULL;
		if (*s == '\\') {
			s++;
			if (*s == 'u') {
				int i;

				for (i = 1; i <= 4; i++)
					if (!strchr("0123456789abcdefABCDEF", s[i]) ||
					    s[i] == '\0')
						return NULL;
				s += 4;
			} else if (!strchr("\"\\/bfnrt", *s) || *s == '\0') {
				return NULL;
			}
		}
		s++;
	}
	return s + 1;
}

static const char *
jv(const char *s)
{
	s = jws(s);
	if (*s == '{' || *s == '[') {
		char close = *s == '{' ? '}' : ']';
		int obj = *s == '{';

		s = jws(s + 1);
		if (*s == close)
			return s + 1;
		for (;;) {
			if (obj) {
				if ((s = jstr(jws(s))) == NULL)
					return NULL;
				s = jws(s);
				if (*s++ != ':')
					return NULL;
			}
			if ((s = jv(s)) == NULL)
				return NULL;
			s = jws(s);
			if (*s == close)
				return s + 1;
			if (*s++ != ',')
				return NULL;
		}
	}
	if (*s == '"')
		return jstr(s);
	if (strncmp(s, "null", 4) == 0 || strncmp(s, "true", 4) == 0)
		return s + 4;
	if (strncmp(s, "false", 5) == 0)
		return s + 5;
	if (*s == '-')
		s++;
	if (*s < '0' || *s > '9')
		return NULL;
	while ((*s >= '0' && *s <= '9') || *s == '.' || *s == 'e' ||
	    *s == 'E' || *s == '+' || *s == '-')
		s++;
	return s;
}

static int
json_ok(const char *members)
{
	const char *end;
	size_t n = strlen(members);
	char *buf = malloc(n + 3);
	int ok;

	assert_non_null(buf);
	buf[0] = '{';
	memcpy(buf + 1, members, n);
	buf[n + 1] = '}';
	buf[n + 2] = '\0';
	end = jv(buf);
	ok = end != NULL && *jws(end) == '\0';
	free(buf);
	return ok;
}

/*
 * A stop's reads go a page at a time: an iovec array and the eight
 * buffers it names, all in two pages, take two reads, not nine.  Memory
 * that does not read a whole page (the canned region ends early) is
 * read as asked.
 */
static void
test_read_cache(void **state)
{
	size_t ps = (size_t)sysconf(_SC_PAGESIZE);
	unsigned char *pg = aligned_alloc(ps, 2 * ps);
	kword *iov = (kword *)(void *)pg;
	char want[1024], *w = want;
	static const char tail[] = "xyz";
	int i;

	(void)state;
	fmt_default();
	assert_non_null(pg);
	memset(pg, 0, 2 * ps);
	map(16 * ps, pg, ps);
	map(32 * ps, pg + ps, ps);
	w += sprintf(w, "writev(1, [");
	for (i = 0; i < 8; i++) {
		memcpy(pg + ps + 4 * i, "abcd", 4);
		pg[ps + 4 * i + 3] = (unsigned char)('0' + i);
		iov[2 * i] = (kword)(32 * ps + 4 * i);
		iov[2 * i + 1] = 4;
		w += sprintf(w, "%s{iov_base=\"abc%d\", iov_len=4}",
		    i ? ", " : "", i);
	}
	sprintf(w, "], 8) = 32");
	nrd = 0;
	assert_string_equal(D("writev", 32, 1, 16 * ps, 8, 0, 0, 0), want);
	assert_int_equal(nrd, 2);
	/* a region shorter than its page: its bytes all the same */
	map(48 * ps, tail, 3);
	iov[0] = (kword)(48 * ps);
	iov[1] = 3;
	assert_string_equal(D("writev", 3, 1, 16 * ps, 1, 0, 0, 0),
	    "writev(1, [{iov_base=\"xyz\", iov_len=3}], 1) = 3");
	free(pg);
}

static void
test_json_checker(void **state)
{
	(void)state;
	assert_true(json_ok("\"a\":[1,-2,{\"b\":null}],\"c\":\"x\\u00ff\""));
	assert_false(json_ok("\"a\":[1,]"));
	assert_false(json_ok("\"a\":\"x\" \"b\":1"));
	assert_false(json_ok("\"a\":child_stack=1"));
}

static void
test_random(void **state)
{
#ifdef PTC_SC_i386
	static const uint32_t arches[] = { NATIVE, AUDIT_ARCH_I386 };
#else
	static const uint32_t arches[] = { NATIVE };
#endif
	struct ptc_scdec *d = ptc_scdec_new();
	struct ptc_scinfo si = { 0 };
	char *jbuf = NULL;
	size_t jlen = 0;
	FILE *fp = fopen("/dev/null", "w"), *jf;
	size_t k;
	uint64_t nr;
	int round, i;

	(void)state;
	assert_non_null(fp);
	ptc_scdec_set_reader(d, rd_random, NULL);
	for (k = 0; k < sizeof(arches) / sizeof(arches[0]); k++) {
		for (round = 0; round < 32; round++) {
			fmt_default();
			fmt.verbose = round & 1;
			fmt.json = (round >> 1) & 1;
			fmt.xstyle = (round >> 2) & 1;
			fmt.decode_fds = (round >> 3) & 1;
			fmt.strsize = (round & 7) == 7 ? 100000 : 32;
			for (nr = 0; nr < ptc_sc_count(arches[k]) + 2; nr++) {
				si.arch = arches[k];
				si.nr = nr;
				for (i = 0; i < 6; i++) {
					uint64_t r = rnd();

					si.args[i] = (r & 3) == 0 ? r & 0xff :
					    (r & 3) == 1 ? 0x10000 + (r & 0xffffff) : r;
				}
				/* Grows as needed: a whole line, however long. */
				jf = fmt.json ? open_memstream(&jbuf, &jlen) : fp;
				assert_non_null(jf);
				ptc_sc_enter(d, jf, 1, &si, &fmt);
				si.rval = (rnd() & 1) ? -(int64_t)(rnd() % 4200) :
				    (int64_t)(rnd() % 70000);
				si.is_error = si.rval < 0 && si.rval >= -4095;
				ptc_sc_exit(d, jf, &si, &fmt);
				if (jf != fp) {
					fclose(jf);
					if (!json_ok(jbuf))
						fail_msg("%s: invalid JSON: %s",
						    ptc_sc_name(si.arch, nr) ?
						    ptc_sc_name(si.arch, nr) : "?",
						    jbuf);
					free(jbuf);
					jbuf = NULL;
				}
			}
		}
	}
	fclose(fp);
	ptc_scdec_free(d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_names, setup),
		cmocka_unit_test_setup(test_classes, setup),
		cmocka_unit_test_setup(test_kernel_headers, setup),
		cmocka_unit_test_setup(test_kernel_headers_i386, setup),
		cmocka_unit_test_setup(test_tables_current, setup),
		cmocka_unit_test_setup(test_tables_same_above_400, setup),
		cmocka_unit_test_setup(test_i386_decode, setup),
		cmocka_unit_test_setup(test_i386_split_offsets, setup),
		cmocka_unit_test_setup(test_i386_socketcall, setup),
		cmocka_unit_test_setup(test_i386_ipc, setup),
		cmocka_unit_test_setup(test_i386_user_desc, setup),
		cmocka_unit_test_setup(test_signals_errnos, setup),
		cmocka_unit_test_setup(test_openat, setup),
		cmocka_unit_test_setup(test_read_write, setup),
		cmocka_unit_test_setup(test_unfinished, setup),
		cmocka_unit_test_setup(test_column, setup),
		cmocka_unit_test_setup(test_unknown_nr, setup),
		cmocka_unit_test_setup(test_execve, setup),
		cmocka_unit_test_setup(test_execve_long, setup),
		cmocka_unit_test_setup(test_wait4, setup),
		cmocka_unit_test_setup(test_sigaction, setup),
		cmocka_unit_test_setup(test_sockaddr, setup),
		cmocka_unit_test_setup(test_mmap_misc, setup),
		cmocka_unit_test_setup(test_ioctl, setup),
		cmocka_unit_test_setup(test_restart_errors, setup),
		cmocka_unit_test_setup(test_sigreturn, setup),
		cmocka_unit_test_setup(test_caps, setup),
		cmocka_unit_test_setup(test_json, setup),
		cmocka_unit_test_setup(test_siginfo, setup),
		cmocka_unit_test_setup(test_read_cache, setup),
		cmocka_unit_test_setup(test_json_checker, setup),
		cmocka_unit_test_setup(test_random, setup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
