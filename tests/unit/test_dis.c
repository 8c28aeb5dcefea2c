/*
 * test_dis.c: the disassembler wrapper: architecture names, ELF machines,
 * decoding, groups and targets, data for bytes that do not decode, and
 * the one-instruction call a stepper uses.
 */
#include <elf.h>
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <cmocka.h>

#include "ptcore.h"

static void
test_names(void **state)
{
	const char *const *names = ptc_dis_arch_names();
	const char *want[] = { "x86_64", "x86-64", "amd64", "i386", "x86",
	    "x86-16", "8086", "aarch64", "arm64", "arm", "thumb", "mips",
	    "mipsel", "mips64", "ppc", "ppc64", "ppc64le" };
	size_t i, j, ncanon = 0;

	(void)state;
	for (i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		for (j = 0; names[j] != NULL; j++)
			if (strcmp(names[j], want[i]) == 0)
				break;
		assert_non_null(names[j]);
	}
	for (j = 0; names[j] != NULL; j++) {
		struct ptc_dis *d = ptc_dis_open(names[j], 0);

		assert_non_null(d);
		if (ptc_dis_arch_canonical(j)) {
			ncanon++;
			assert_string_equal(ptc_dis_arch(d), names[j]);
		}
		ptc_dis_close(d);
	}
	assert_int_equal(ptc_dis_arch_canonical(0), 1);
	assert_int_equal(ptc_dis_arch_canonical(1), 0);
	assert_true(ncanon >= 10);
	/* case does not matter */
	struct ptc_dis *d = ptc_dis_open("AMD64", 0);
	assert_non_null(d);
	assert_string_equal(ptc_dis_arch(d), "x86_64");
	assert_int_equal(ptc_dis_addr_bits(d), 64);
	assert_int_equal(ptc_dis_unit(d), 1);
	ptc_dis_close(d);
}

static void
test_open_errors(void **state)
{
	(void)state;
	errno = 0;
	assert_null(ptc_dis_open("vax", 0));
	assert_int_equal(errno, EINVAL);
	assert_non_null(strstr(ptc_error(), "vax"));
	assert_null(ptc_dis_open("arm", PTC_DIS_ATT));
	assert_int_equal(errno, EINVAL);
	assert_non_null(strstr(ptc_error(), "AT&T"));
	assert_null(ptc_dis_open_elf(EM_SPARC, 32, 1, 0));
	assert_int_equal(errno, ENOTSUP);
	ptc_dis_close(NULL);
}

static void
test_open_elf(void **state)
{
	static const struct {
		int machine, cls, big;
		const char *name;
	} t[] = {
		{ EM_X86_64, 64, 0, "x86_64" },
		{ EM_386, 32, 0, "i386" },
		{ EM_AARCH64, 64, 0, "aarch64" },
		{ EM_ARM, 32, 0, "arm" },
		{ EM_MIPS, 32, 1, "mips" },
		{ EM_MIPS, 32, 0, "mipsel" },
		{ EM_MIPS, 64, 1, "mips64" },
		{ EM_PPC, 32, 1, "ppc" },
		{ EM_PPC64, 64, 1, "ppc64" },
		{ EM_PPC64, 64, 0, "ppc64le" },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		struct ptc_dis *d = ptc_dis_open_elf(t[i].machine, t[i].cls,
		    t[i].big, 0);

		assert_non_null(d);
		assert_string_equal(ptc_dis_arch(d), t[i].name);
		ptc_dis_close(d);
	}
}

static void
test_native(void **state)
{
	struct ptc_dis *d = ptc_dis_open(NULL, 0);

	(void)state;
	assert_non_null(d);
#if defined(__x86_64__)
	assert_string_equal(ptc_dis_arch(d), "x86_64");
#elif defined(__aarch64__)
	assert_string_equal(ptc_dis_arch(d), "aarch64");
#elif defined(__i386__)
	assert_string_equal(ptc_dis_arch(d), "i386");
#elif defined(__powerpc64__) && defined(__LITTLE_ENDIAN__)
	assert_string_equal(ptc_dis_arch(d), "ppc64le");
#elif defined(__arm__)
	assert_string_equal(ptc_dis_arch(d), "arm");
#else
#error "expectations for this CPU are missing"
#endif
	ptc_dis_close(d);
}

/* The CPU this was built for, as ptc_dis_arch() names it. */
#if defined(__x86_64__)
#define NATIVE "x86_64"
#elif defined(__aarch64__)
#define NATIVE "aarch64"
#elif defined(__i386__)
#define NATIVE "i386"
#elif defined(__powerpc64__) && defined(__LITTLE_ENDIAN__)
#define NATIVE "ppc64le"
#elif defined(__arm__)
#define NATIVE "arm"
#endif

/* An ELF header alone: no sections, no segments, of machine m. */
static struct ptc_elf *
bare_elf(int m, int cls)
{
	unsigned char img[64] = { 0x7f, 'E', 'L', 'F' };

	img[EI_CLASS] = cls == 64 ? ELFCLASS64 : ELFCLASS32;
	img[EI_DATA] = ELFDATA2LSB;
	img[EI_VERSION] = EV_CURRENT;
	if (cls == 64) {
		Elf64_Ehdr *h = (Elf64_Ehdr *)img;

		h->e_type = ET_REL;
		h->e_machine = (Elf64_Half)m;
		h->e_version = EV_CURRENT;
		h->e_ehsize = sizeof(*h);
	} else {
		Elf32_Ehdr *h = (Elf32_Ehdr *)img;

		h->e_type = ET_REL;
		h->e_machine = (Elf32_Half)m;
		h->e_version = EV_CURRENT;
		h->e_ehsize = sizeof(*h);
	}
	return ptc_elf_open_mem(img, sizeof(img));
}

/* The architecture ptc_dis_open_file() picks for machine m, or NULL. */
static const char *
file_arch(int m, int cls, int thumb, unsigned flags)
{
	static char name[32];
	struct ptc_elf *e = bare_elf(m, cls);
	struct ptc_dis *d;

	assert_non_null(e);
	d = ptc_dis_open_file(e, thumb, flags);
	ptc_elf_close(e);
	if (d == NULL)
		return NULL;
	snprintf(name, sizeof(name), "%s", ptc_dis_arch(d));
	ptc_dis_close(d);
	return name;
}

/* A disassembler for a file's code (thumb on ARM) or a process's. */
static void
test_open_file_pid(void **state)
{
	struct ptc_dis *d;
	pid_t pids[2] = { getpid(), 0x7ffffff0 };
#if defined(__arm__)
	/* this process's entry point is Thumb code, as armhf's are */
	static const char *const want[2] = { "thumb", NATIVE };
#else
	static const char *const want[2] = { NATIVE, NATIVE };
#endif

	(void)state;
	assert_string_equal(file_arch(EM_ARM, 32, 1, 0), "thumb");
	assert_string_equal(file_arch(EM_ARM, 32, 0, 0), "arm");
	/* the thumb bit means nothing to other machines */
	assert_string_equal(file_arch(EM_X86_64, 64, 1, PTC_DIS_ATT), "x86_64");
	assert_null(file_arch(EM_SPARC, 32, 0, 0));
	assert_int_equal(errno, ENOTSUP);
	/* this process: its executable's machine; no such process: this CPU */
	for (size_t i = 0; i < 2; i++) {
		d = ptc_dis_open_pid(pids[i], 0);
		assert_non_null(d);
		assert_string_equal(ptc_dis_arch(d), want[i]);
		ptc_dis_close(d);
	}
}

static void
test_next(void **state)
{
	/* push rbp; mov rbp, rsp; call .-15; (bad) 06; jmp rax; ret */
	static const uint8_t code[] = { 0x55, 0x48, 0x89, 0xe5, 0xe8, 0xf1,
	    0xff, 0xff, 0xff, 0x06, 0xff, 0xe0, 0xc3 };
	struct ptc_dis *d = ptc_dis_open("x86_64", 0);
	const uint8_t *p = code;
	size_t len = sizeof(code);
	uint64_t addr = 0x401136;
	struct ptc_insn in;

	(void)state;
	assert_int_equal(ptc_dis_next(d, &p, &len, &addr, &in), 1);
	assert_int_equal(in.addr, 0x401136);
	assert_int_equal(in.size, 1);
	assert_string_equal(in.mnemonic, "push");
	assert_string_equal(in.operands, "rbp");
	assert_int_equal(in.groups, 0);
	assert_int_equal(ptc_dis_next(d, &p, &len, &addr, &in), 1);
	assert_string_equal(in.mnemonic, "mov");
	assert_string_equal(in.operands, "rbp, rsp");
	assert_memory_equal(in.bytes, "\x48\x89\xe5", 3);
	assert_int_equal(ptc_dis_next(d, &p, &len, &addr, &in), 1);
	assert_string_equal(in.mnemonic, "call");
	assert_int_equal(in.groups, PTC_DIS_CALL | PTC_DIS_REL);
	assert_int_equal(in.target, 0x401130);
	assert_int_equal(ptc_dis_next(d, &p, &len, &addr, &in), 1);
	assert_int_equal(in.addr, 0x40113f);
	assert_int_equal(in.size, 1);
	assert_int_equal(in.groups, PTC_DIS_DATA);
	assert_string_equal(in.mnemonic, ".byte");
	assert_string_equal(in.operands, "0x06");
	assert_int_equal(ptc_dis_next(d, &p, &len, &addr, &in), 1);
	assert_string_equal(in.mnemonic, "jmp");
	assert_int_equal(in.groups, PTC_DIS_JUMP); /* indirect: no target */
	assert_int_equal(ptc_dis_next(d, &p, &len, &addr, &in), 1);
	assert_string_equal(in.mnemonic, "ret");
	assert_int_equal(in.groups, PTC_DIS_RET);
	assert_int_equal(len, 0);
	assert_int_equal(addr, 0x401136 + sizeof(code));
	assert_int_equal(ptc_dis_next(d, &p, &len, &addr, &in), 0);
	ptc_dis_close(d);
}

static void
test_truncated(void **state)
{
	/* nop, then a call cut after three of its five bytes */
	static const uint8_t code[] = { 0x90, 0xe8, 0xf1, 0xff };
	struct ptc_dis *d = ptc_dis_open("x86_64", 0);
	const uint8_t *p = code;
	size_t len = sizeof(code);
	uint64_t addr = 0;
	struct ptc_insn in;

	(void)state;
	assert_int_equal(ptc_dis_next(d, &p, &len, &addr, &in), 1);
	assert_string_equal(in.mnemonic, "nop");
	assert_int_equal(ptc_dis_next(d, &p, &len, &addr, &in), 1);
	assert_int_equal(in.groups, PTC_DIS_DATA);
	assert_int_equal(in.size, 3);
	assert_string_equal(in.operands, "0xe8, 0xf1, 0xff");
	assert_int_equal(ptc_dis_next(d, &p, &len, &addr, &in), 0);
	ptc_dis_close(d);
}

static void
test_fixed_width_data(void **state)
{
	/* an undefined aarch64 word, then ret: data skips a whole word */
	static const uint8_t code[] = { 0xff, 0xff, 0xff, 0xff, 0xc0, 0x03,
	    0x5f, 0xd6, 0x01, 0x02 };
	struct ptc_dis *d = ptc_dis_open("arm64", 0);
	const uint8_t *p = code;
	size_t len = sizeof(code);
	uint64_t addr = 0x1000;
	struct ptc_insn in;

	(void)state;
	assert_int_equal(ptc_dis_unit(d), 4);
	assert_int_equal(ptc_dis_next(d, &p, &len, &addr, &in), 1);
	assert_int_equal(in.groups, PTC_DIS_DATA);
	assert_int_equal(in.size, 4);
	assert_string_equal(in.operands, "0xff, 0xff, 0xff, 0xff");
	assert_int_equal(ptc_dis_next(d, &p, &len, &addr, &in), 1);
	assert_int_equal(in.addr, 0x1004);
	assert_string_equal(in.mnemonic, "ret");
	assert_int_equal(ptc_dis_next(d, &p, &len, &addr, &in), 1);
	assert_int_equal(in.groups, PTC_DIS_DATA);
	assert_int_equal(in.size, 2);
	assert_int_equal(ptc_dis_next(d, &p, &len, &addr, &in), 0);
	ptc_dis_close(d);
}

static void
test_att_and_one(void **state)
{
	static const uint8_t code[] = { 0x48, 0x89, 0xe5, 0xc3 };
	struct ptc_dis *d = ptc_dis_open("x86_64", PTC_DIS_ATT);
	struct ptc_insn in;

	(void)state;
	assert_int_equal(ptc_dis_one(d, code, sizeof(code), 0x10, &in), 3);
	assert_int_equal(in.addr, 0x10);
	assert_string_equal(in.mnemonic, "movq");
	assert_string_equal(in.operands, "%rsp, %rbp");
	assert_int_equal(ptc_dis_one(d, code, 0, 0x10, &in), 0);
	assert_int_equal(ptc_dis_one(d, code, 2, 0x10, &in), 2);
	assert_int_equal(in.groups, PTC_DIS_DATA);
	ptc_dis_close(d);
}

static void
test_other_arch_targets(void **state)
{
	/* arm: bl to itself at 0x8000; thumb: b to itself */
	static const uint8_t arm[] = { 0xfe, 0xff, 0xff, 0xeb };
	static const uint8_t thumb[] = { 0xfe, 0xe7 };
	struct ptc_dis *d = ptc_dis_open("arm", 0);
	struct ptc_insn in;

	(void)state;
	assert_int_equal(ptc_dis_one(d, arm, sizeof(arm), 0x8000, &in), 4);
	assert_string_equal(in.mnemonic, "bl");
	assert_true(in.groups & PTC_DIS_REL);
	assert_int_equal(in.target, 0x8000);
	ptc_dis_close(d);
	d = ptc_dis_open("thumb", 0);
	assert_int_equal(ptc_dis_one(d, thumb, sizeof(thumb), 0x100, &in), 2);
	assert_string_equal(in.mnemonic, "b");
	assert_true(in.groups & PTC_DIS_JUMP);
	assert_int_equal(in.target, 0x100);
	ptc_dis_close(d);
}

static void
test_group_names(void **state)
{
	(void)state;
	assert_string_equal(ptc_dis_group_name(PTC_DIS_JUMP), "jump");
	assert_string_equal(ptc_dis_group_name(PTC_DIS_REL), "branch_relative");
	assert_string_equal(ptc_dis_group_name(PTC_DIS_DATA), "data");
	assert_null(ptc_dis_group_name(0));
	assert_null(ptc_dis_group_name(PTC_DIS_JUMP | PTC_DIS_CALL));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_open_errors),
		cmocka_unit_test(test_open_elf),
		cmocka_unit_test(test_native),
		cmocka_unit_test(test_open_file_pid),
		cmocka_unit_test(test_next),
		cmocka_unit_test(test_truncated),
		cmocka_unit_test(test_fixed_width_data),
		cmocka_unit_test(test_att_and_one),
		cmocka_unit_test(test_other_arch_targets),
		cmocka_unit_test(test_group_names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
