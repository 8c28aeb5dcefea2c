/*
 * test_regs.c: the register layer against real stopped tracees: names,
 * parts and flags, atomic stores, FP/SSE blocks, the syscall a thread
 * is in or about to make.  What each CPU has is data (struct cpu, one
 * row per CPU); the same tests run on every build against two
 * tracees: a forked copy of this program (the build's own CPU) and,
 * where it was built, the static32 program, a 32-bit x86 process,
 * which the x86_64 build reads in the i386 view and the i386 build
 * natively.
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

struct reg_expect {
	const char *name;
	unsigned size, bits, kind;
};

struct decode_expect {
	const char *reg;
	uint64_t val;
	const char *text;
};

struct part_expect {
	const char *reg;
	uint64_t val;
};

/* What the library shows of one CPU's registers. */
struct cpu {
	const char *arch;              /* ptc_regs_arch() */
	unsigned ptrsize;
	size_t nregs, ngeneral;        /* the view's size, PTC_REG_GENERAL */
	const char *first;             /* ptc_regs_reg_at(r, 0) */
	const char *pc, *sp, *flags;
	struct reg_expect regs[8];     /* lookups; name NULL ends */
	const char *absent[4];         /* names of other CPUs */
	struct decode_expect decode[7];
	const char *plain;             /* a register with no decoding */
	/* the code segment of user code; 0: none (alt: another kernel's) */
	const char *cs;
	uint64_t cs_val, cs_val_alt;

	/* Stores: wide=wide_val reads back as parts[]; narrow=too_big is
	 * ERANGE; flag set shows as flag_bit of flags; writing half=
	 * half_val alone leaves wide at wide_after. */
	const char *wide;
	uint64_t wide_val;
	struct part_expect parts[4];
	const char *narrow;
	uint64_t too_big;
	const char *flag;
	unsigned flag_bit;
	const char *half;
	uint64_t half_val, wide_after;

	/* FP: a control register and its value at program start (under
	 * mask), a vector register, the one past the last (absent), the
	 * wide register whose low half the vector is (NULL: none); vec
	 * NULL: the CPU's vector registers are not in the library's view,
	 * and vec_absent is a name past the FP registers. */
	const char *fp_ctl;
	uint64_t fp_ctl_val;
	uint64_t fp_ctl_mask;          /* the bits compared; 0: all */
	const char *fp_ctl2;
	uint64_t fp_ctl2_val, fp_ctl2_mask;
	const char *vec, *vec_absent, *vec_wide;
	/* another name of vec; a vector made of two registers' bytes,
	 * the upper half another register of its own (NULL: none) */
	const char *vec_alias, *vec_split, *vec_split_hi;

	/* The syscall convention. */
	const char *sc_nr, *sc_args[6];
	uint32_t audit;
	/* A thread stopped inside a syscall still shows its number. */
	int stop_keeps_nr;
	/* The syscall glibc's pause() makes. */
	const char *pause_call;
};

static const struct cpu cpu_x86_64 = {
	.arch = "x86_64", .ptrsize = 8, .nregs = 145, .ngeneral = 27,
	.first = "rax", .pc = "rip", .sp = "rsp", .flags = "rflags",
	.regs = {
		{ "ah", 1, 8, PTC_REG_PART }, { "r12d", 4, 32, PTC_REG_PART },
		{ "eip", 4, 32, PTC_REG_PART }, { "zf", 0, 1, PTC_REG_PART },
		{ "orig_rax", 8, 64, PTC_REG_GENERAL },
		{ "st7", 10, 80, PTC_REG_X87 }, { "xmm15", 16, 128, PTC_REG_SSE },
		{ "ymm3", 32, 256, PTC_REG_AVX },
	},
	.absent = { "orig_eax", "x0", "pstate", "nope" },
	.decode = {
		{ "rflags", 0x246, "[ PF ZF IF ]" }, { "rflags", 0, "[ ]" },
		{ "mxcsr", 0x1f80, "[ IM DM ZM OM UM PM ]" },
		{ "mxcsr", 0x3f81, "[ IE IM DM ZM OM UM PM RC=down ]" },
		{ "fsw", 0x3841, "[ IE SF TOP=7 ]" },
	},
	.plain = "rax", .cs = "cs", .cs_val = 0x33, .cs_val_alt = 0x33,
	.wide = "rbx", .wide_val = 0x1122334455667788ULL,
	.parts = { { "ebx", 0x55667788 }, { "bx", 0x7788 }, { "bh", 0x77 },
	    { "bl", 0x88 } },
	.narrow = "al", .too_big = 0x100, .flag = "cf", .flag_bit = 0,
	.half = "bx", .half_val = 0xabcd, .wide_after = 0x112233445566abcdULL,
	.fp_ctl = "fcw", .fp_ctl_val = 0x37f,
	.fp_ctl2 = "mxcsr", .fp_ctl2_val = 0x1f80, .fp_ctl2_mask = 0xffc0,
	.vec = "xmm7", .vec_absent = "xmm16", .vec_wide = "ymm7",
	.sc_nr = "rax", .sc_args = { "rdi", "rsi", "rdx", "r10", "r8", "r9" },
	.audit = AUDIT_ARCH_X86_64, .stop_keeps_nr = 1, .pause_call = "pause",
};

static const struct cpu cpu_i386 = {
	.arch = "i386", .ptrsize = 4, .nregs = 81, .ngeneral = 17,
	.first = "eax", .pc = "eip", .sp = "esp", .flags = "eflags",
	.regs = {
		{ "ah", 1, 8, PTC_REG_PART }, { "bp", 2, 16, PTC_REG_PART },
		{ "zf", 0, 1, PTC_REG_PART }, { "iopl", 0, 2, PTC_REG_PART },
		{ "orig_eax", 4, 32, PTC_REG_GENERAL },
		{ "fip", 4, 32, PTC_REG_X87 }, { "xmm7", 16, 128, PTC_REG_SSE },
		{ "ymm3", 32, 256, PTC_REG_AVX },
	},
	.absent = { "rax", "r8", "orig_rax", "x0" },
	.decode = {
		{ "eflags", 0x246, "[ PF ZF IF ]" }, { "eflags", 0, "[ ]" },
		{ "mxcsr", 0x1f80, "[ IM DM ZM OM UM PM ]" },
		{ "mxcsr", 0x3f81, "[ IE IM DM ZM OM UM PM RC=down ]" },
		{ "fsw", 0x3841, "[ IE SF TOP=7 ]" },
	},
	/* 0x23 under a 64-bit kernel (its 32-bit segment), 0x73 under a
	 * 32-bit one. */
	.plain = "eax", .cs = "cs", .cs_val = 0x23, .cs_val_alt = 0x73,
	.wide = "ebx", .wide_val = 0x11223344,
	.parts = { { "bx", 0x3344 }, { "bh", 0x33 }, { "bl", 0x44 } },
	.narrow = "ebx", .too_big = 0x100000000ULL, .flag = "cf",
	.flag_bit = 0,
	.half = "bx", .half_val = 0xabcd, .wide_after = 0x1122abcd,
	.fp_ctl = "fcw", .fp_ctl_val = 0x37f,
	.fp_ctl2 = "mxcsr", .fp_ctl2_val = 0x1f80, .fp_ctl2_mask = 0xffc0,
	/* eight xmm registers in 32-bit mode */
	.vec = "xmm7", .vec_absent = "xmm8", .vec_wide = "ymm7",
	.sc_nr = "eax", .sc_args = { "ebx", "ecx", "edx", "esi", "edi", "ebp" },
	.audit = AUDIT_ARCH_I386, .stop_keeps_nr = 1, .pause_call = "pause",
};

static const struct cpu cpu_aarch64 = {
	/* x0-x30 sp pc pstate, w0-w30 fp lr wsp, n z c v, v0-v31 fpsr fpcr */
	.arch = "aarch64", .ptrsize = 8, .nregs = 106, .ngeneral = 34,
	.first = "x0", .pc = "pc", .sp = "sp", .flags = "pstate",
	.regs = {
		{ "w3", 4, 32, PTC_REG_PART }, { "lr", 8, 64, PTC_REG_PART },
		{ "wsp", 4, 32, PTC_REG_PART }, { "z", 0, 1, PTC_REG_PART },
		{ "pstate", 8, 64, PTC_REG_GENERAL },
		{ "v31", 16, 128, PTC_REG_SSE }, { "fpcr", 4, 32, PTC_REG_SSE },
	},
	.absent = { "rax", "eax", "xmm0", "nope" },
	.decode = {
		{ "pstate", 0x60000000, "[ Z C EL0 ]" },
		{ "pstate", 0x80001000, "[ N SSBS EL0 ]" },
		{ "pstate", 0, "[ EL0 ]" },
		{ "fpsr", 0x08000001, "[ QC IOC ]" }, { "fpcr", 0, "[ ]" },
		{ "fpcr", 0x02c00000, "[ DN RM=zero ]" },
	},
	.plain = "x0",
	.wide = "x19", .wide_val = 0x1122334455667788ULL,
	.parts = { { "w19", 0x55667788 } },
	.narrow = "w21", .too_big = 0x100000000ULL, .flag = "c",
	.flag_bit = 29,
	.half = "w19", .half_val = 0xabcd, .wide_after = 0x112233440000abcdULL,
	/* round to nearest, no traps: the default */
	.fp_ctl = "fpcr", .fp_ctl_val = 0,
	.vec = "v7", .vec_absent = "v32",
	.sc_nr = "x8", .sc_args = { "x0", "x1", "x2", "x3", "x4", "x5" },
	/*
	 * Stopped by the attach in the middle of pause(): the kernel has
	 * moved the pc back onto svc #0 to restart it and forgotten the
	 * number (NT_ARM_SYSTEM_CALL is -1), unlike x86's orig_rax.
	 */
	.audit = AUDIT_ARCH_AARCH64, .stop_keeps_nr = 0,
	/* glibc's pause() where the kernel has no pause syscall */
	.pause_call = "ppoll",
};

static const struct cpu cpu_ppc64le = {
	/*
	 * r0-r31 nip link ctr ccr xer msr, orig_gpr3 trap dar dsisr softe
	 * result, gpr0-gpr31 pc sp lr cr, lt gt eq so, f0-f31 fpscr,
	 * v0-v31 vscr vrsave, vs0-vs63
	 */
	.arch = "ppc64le", .ptrsize = 8, .nregs = 215, .ngeneral = 38,
	.first = "r0", .pc = "nip", .sp = "r1", .flags = "ccr",
	.regs = {
		{ "gpr3", 8, 64, PTC_REG_PART }, { "lr", 8, 64, PTC_REG_PART },
		{ "cr", 4, 32, PTC_REG_PART }, { "so", 0, 1, PTC_REG_PART },
		{ "msr", 8, 64, PTC_REG_GENERAL },
		{ "f31", 8, 64, PTC_REG_SSE }, { "vs0", 16, 128, PTC_REG_SSE },
		{ "vscr", 4, 32, PTC_REG_SSE },
	},
	.absent = { "rax", "x0", "xmm0", "nope" },
	.decode = {
		{ "ccr", 0x20000000, "[ EQ ]" },
		{ "ccr", 0x92000000, "[ LT SO cr1=2 ]" },
		{ "ccr", 0, "[ ]" },
		{ "xer", 0x20000000, "[ CA ]" },
		{ "msr", 0x800000000280f033ULL,
		    "[ SF VEC VSX EE PR FP ME IR DR RI LE ]" },
		{ "fpscr", 0x82000001, "[ FX XX RN=zero ]" },
		{ "vscr", 0x10001, "[ NJ SAT ]" },
	},
	.plain = "r3",
	.wide = "r19", .wide_val = 0x1122334455667788ULL,
	.parts = { { "gpr19", 0x1122334455667788ULL } },
	.narrow = "cr", .too_big = 0x100000000ULL, .flag = "so",
	.flag_bit = 28,
	/* gpr19 is all of r19 */
	.half = "gpr19", .half_val = 0xabcd, .wide_after = 0xabcd,
	/*
	 * round to nearest, no exceptions enabled: the default; the status
	 * bits above are sticky, set by what the C library computed
	 */
	.fp_ctl = "fpscr", .fp_ctl_val = 0, .fp_ctl_mask = 0xff,
	/* v7 is vs39 (NT_PPC_VMX); vs7 is f7 and a doubleword of NT_PPC_VSX */
	.vec = "v7", .vec_absent = "vs64", .vec_alias = "vs39",
	.vec_split = "vs7", .vec_split_hi = "f7",
	.sc_nr = "r0", .sc_args = { "r3", "r4", "r5", "r6", "r7", "r8" },
	/* trap still says sc or scv, r0 still holds the number */
	.audit = AUDIT_ARCH_PPC64LE, .stop_keeps_nr = 1,
	.pause_call = "pause",
};

static const struct cpu cpu_arm = {
	/*
	 * r0-r12 sp lr pc cpsr orig_r0, fp ip r13 r14 r15, n z c v t,
	 * d0-d31 fpscr,
	 * q0-q15.
	 * The tracees are Thumb code: their snapshots read as "thumb".
	 */
	.arch = "thumb", .ptrsize = 4, .nregs = 77, .ngeneral = 18,
	.first = "r0", .pc = "pc", .sp = "sp", .flags = "cpsr",
	.regs = {
		{ "ip", 4, 32, PTC_REG_PART }, { "r14", 4, 32, PTC_REG_PART },
		{ "t", 0, 1, PTC_REG_PART }, { "cpsr", 4, 32, PTC_REG_GENERAL },
		{ "orig_r0", 4, 32, PTC_REG_GENERAL },
		{ "d31", 8, 64, PTC_REG_SSE }, { "fpscr", 4, 32, PTC_REG_SSE },
	},
	.absent = { "rax", "x0", "pstate", "nope" },
	.decode = {
		{ "cpsr", 0x60000010, "[ Z C usr ]" },
		{ "cpsr", 0x80000030, "[ N T usr ]" },
		{ "cpsr", 0x000f0010, "[ usr GE=f ]" },
		{ "fpscr", 0x08000001, "[ QC IOC ]" }, { "fpscr", 0, "[ ]" },
		{ "fpscr", 0x03c00000, "[ DN FZ RM=zero ]" },
	},
	.plain = "r0",
	/* no narrower views: ip is r12 whole */
	.wide = "r12", .wide_val = 0x11223344,
	.parts = { { "ip", 0x11223344 } },
	.narrow = "r4", .too_big = 0x100000000ULL, .flag = "c",
	.flag_bit = 29,
	.half = "ip", .half_val = 0xabcd, .wide_after = 0xabcd,
	/*
	 * round to nearest, no traps, no flush to zero: the default; the
	 * cumulative flags are the program's
	 */
	.fp_ctl = "fpscr", .fp_ctl_val = 0, .fp_ctl_mask = 0x07c09f00,
	.vec = "q7", .vec_absent = "q16",
	.sc_nr = "r7", .sc_args = { "r0", "r1", "r2", "r3", "r4", "r5" },
	/*
	 * Stopped by the attach in the middle of pause(): at no syscall
	 * stop, the kernel tells no number (and has moved the pc back
	 * onto svc #0 to restart it).
	 */
	.audit = AUDIT_ARCH_ARM, .stop_keeps_nr = 0, .pause_call = "pause",
};

static const struct cpu *const cpus[] = {
	&cpu_x86_64, &cpu_i386, &cpu_aarch64, &cpu_ppc64le, &cpu_arm,
};

#if defined(__x86_64__)
#define CPU_NATIVE cpu_x86_64
#elif defined(__i386__)
#define CPU_NATIVE cpu_i386
#elif defined(__aarch64__)
#define CPU_NATIVE cpu_aarch64
#elif defined(__powerpc64__) && defined(__LITTLE_ENDIAN__)
#define CPU_NATIVE cpu_ppc64le
#elif defined(__arm__)
#define CPU_NATIVE cpu_arm
#else
#error "test_regs: no expectations for this CPU"
#endif

/*
 * A tracee and the CPU row it is seen with: the syscall it sleeps in
 * (a substring of the name) and the one it makes when resumed after
 * the attach interrupted it.
 */
struct fixture {
	const struct cpu *cpu;
	pid_t (*start)(void);
	int (*available)(void);
	const char *sleep_call, *restart_call;
	/* the build's own CPU: the snapshot's view is the native one */
	int native;
};

static pid_t child;
static char prog32[4096];

static char proc_state(pid_t pid);

/*
 * A child asleep in pause(): until it is seen asleep, it may still be
 * in the C library's work after fork (set_robust_list), however long a
 * slow machine takes.
 */
static pid_t
sleeper(void)
{
	pid_t pid = fork();

	if (pid == 0) {
		for (;;)
			pause();
	}
	for (int i = 0; i < 500 && proc_state(pid) != 'S'; i++)
		usleep(10000);
	return pid;
}

static int
always(void)
{
	return 1;
}

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

static int
have_prog32(void)
{
	const char *dir = getenv("PTOOLS_TARGETS");
	const char *b = getenv("B");

	if (dir != NULL)
		snprintf(prog32, sizeof(prog32), "%s/static32", dir);
	else
		snprintf(prog32, sizeof(prog32), "%s/targets/static32",
		    b != NULL ? b : "build");
	return access(prog32, X_OK) == 0;
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
		execl(prog32, prog32, "wait", (char *)NULL);
		_exit(127);
	}
	close(fd[1]);
	memset(line, 0, sizeof(line));
	assert_true(read(fd[0], line, sizeof(line) - 1) > 0);
	assert_memory_equal(line, "ready ", 6);
	close(fd[0]);
	/* Asleep: past its write, in the sleep it stays in. */
	for (int i = 0; i < 500 && proc_state(pid) != 'S'; i++)
		usleep(10000);
	return pid;
}

static const struct fixture native = {
	&CPU_NATIVE, sleeper, always, NULL, NULL, 1,
};

/*
 * sleep(3) is a nanosleep (clock_nanosleep_time64 in newer C
 * libraries); interrupted, the kernel resumes it by restart_syscall.
 */
static const struct fixture compat32 = {
	&cpu_i386, start32, have_prog32, "nanosleep", "restart_syscall",
#if defined(__i386__)
	1,
#else
	0,
#endif
};

/*
 * Skip a test whose CPU view this machine cannot run.  Call it before
 * allocating: skip() does not return, so anything held would leak.
 */
static void
need(const struct fixture *f)
{
	if (!f->available())
		skip();
}

/* Start the fixture's tracee and attach to it (stopped). */
static pid_t
begin(const struct fixture *f, struct ptc_session *s, struct ptc_task **t)
{
	child = f->start();
	assert_int_equal(ptc_attach(s, child, PTC_ATTACH_STOP, t), 0);
	return child;
}

static const char *
sleep_call(const struct fixture *f)
{
	return f->sleep_call != NULL ? f->sleep_call : f->cpu->pause_call;
}

static const char *
restart_call(const struct fixture *f)
{
	return f->restart_call != NULL ? f->restart_call : f->cpu->pause_call;
}

/* A failed test leaves its tracee behind: end it here. */
static int
teardown(void **state)
{
	(void)state;
	if (child > 0) {
		kill(child, SIGKILL);
		waitpid(child, NULL, 0);
		child = 0;
	}
	return 0;
}

static void
test_table(void **state)
{
	const struct fixture *f = *state;
	const struct cpu *c = f->cpu;
	struct ptc_session *s;
	struct ptc_regs *r;
	const struct ptc_reginfo *ri;
	struct ptc_task *t;
	size_t i, general = 0;
	uint64_t v;
	pid_t pid;

	need(f);
	s = ptc_session_new(0);
	r = ptc_regs_new();
	/* Before a fetch, a snapshot has the native view. */
	assert_ptr_equal(ptc_regs_reg_at(r, 0), ptc_reg_at(0));
	assert_int_equal(ptc_regs_reg_count(r), ptc_reg_count());
	assert_int_equal(ptc_regs_reg_count(NULL), ptc_reg_count());
#if defined(__arm__)
	/* without registers, the ARM instruction set, the native name */
	assert_string_equal(ptc_regs_arch(NULL), "arm");
#else
	assert_string_equal(ptc_regs_arch(NULL), CPU_NATIVE.arch);
#endif
	pid = begin(f, s, &t);
	assert_int_equal(ptc_regs_fetch(r, t, 0), 0);

	assert_string_equal(ptc_regs_arch(r), c->arch);
	assert_string_equal(ptc_regs_pc_name(r), c->pc);
	assert_string_equal(ptc_regs_sp_name(r), c->sp);
	assert_string_equal(ptc_regs_flags_name(r), c->flags);
	assert_int_equal(ptc_regs_ptrsize(r), c->ptrsize);
	assert_int_equal(ptc_proc_ptrsize(pid), (int)c->ptrsize);
	assert_int_equal(ptc_task_ptrsize(t), (int)c->ptrsize);
	assert_int_equal(ptc_proc_ptrsize(getpid()), (int)sizeof(void *));

	assert_int_equal(ptc_regs_reg_count(r), c->nregs);
	for (i = 0; (ri = ptc_regs_reg_at(r, i)) != NULL; i++)
		if (ri->kind == PTC_REG_GENERAL)
			general++;
	assert_int_equal(i, c->nregs);
	assert_int_equal(general, c->ngeneral);
	assert_null(ptc_regs_reg_at(r, ptc_regs_reg_count(r)));
	ri = ptc_regs_reg_at(r, 0);
	assert_string_equal(ri->name, c->first);
	assert_int_equal(ri->size, c->ptrsize);
	assert_int_equal(ri->kind, PTC_REG_GENERAL);
	for (i = 0; i < 8 && c->regs[i].name != NULL; i++) {
		ri = ptc_regs_reg_lookup(r, c->regs[i].name);
		if (ri == NULL)
			fail_msg("%s: no register %s", c->arch,
			    c->regs[i].name);
		assert_string_equal(ri->name, c->regs[i].name);
		assert_int_equal(ri->size, c->regs[i].size);
		assert_int_equal(ri->bits, c->regs[i].bits);
		assert_int_equal(ri->kind, c->regs[i].kind);
	}
	for (i = 0; i < 4 && c->absent[i] != NULL; i++) {
		if (ptc_regs_reg_lookup(r, c->absent[i]) != NULL)
			fail_msg("%s: has %s", c->arch, c->absent[i]);
		assert_int_equal(ptc_regs_get(r, c->absent[i], &v), -1);
		assert_int_equal(errno, EINVAL);
	}
	/* The native view is the one of the build's own CPU. */
	if (f->native) {
		for (i = 0; i < sizeof(cpus) / sizeof(cpus[0]); i++)
			if (strcmp(cpus[i]->arch, ptc_regs_arch(NULL)) == 0)
				assert_ptr_equal(cpus[i], c);
		assert_int_equal(ptc_reg_count(), c->nregs);
		for (i = 0; i < c->nregs; i++)
			assert_ptr_equal(ptc_reg_at(i), ptc_regs_reg_at(r, i));
		assert_null(ptc_reg_at(ptc_reg_count()));
		assert_ptr_equal(ptc_reg_lookup(c->pc),
		    ptc_regs_reg_lookup(r, c->pc));
		assert_null(ptc_reg_lookup(c->absent[0]));
	}

	/* pc, sp and the code segment as the CPU has them */
	assert_int_equal(ptc_regs_get(r, c->pc, &v), 0);
	assert_true(v != 0);
	if (c->ptrsize == 4)
		assert_true(v <= 0xffffffffu);
	assert_int_equal(ptc_regs_pc(r), v);
	assert_int_equal(ptc_regs_get(r, c->sp, &v), 0);
	assert_int_equal(ptc_regs_sp(r), v);
	if (c->cs != NULL) {
		assert_int_equal(ptc_regs_get(r, c->cs, &v), 0);
		if (v != c->cs_val && v != c->cs_val_alt)
			fail_msg("%s: %s is %#llx", c->arch, c->cs,
			    (unsigned long long)v);
	}
	ptc_regs_free(r);
	ptc_session_free(s);
}

static void
test_decode(void **state)
{
	const struct fixture *f = *state;
	const struct cpu *c = f->cpu;
	struct ptc_session *s;
	struct ptc_regs *r;
	const struct decode_expect *d;
	struct ptc_task *t;
	char buf[128];
	uint64_t v;

	need(f);
	s = ptc_session_new(0);
	r = ptc_regs_new();
	begin(f, s, &t);
	assert_int_equal(ptc_regs_fetch(r, t, 0), 0);
	for (d = c->decode; d < c->decode + 7 && d->reg != NULL; d++) {
		assert_int_equal(ptc_regs_decode(r, d->reg, d->val, buf,
		    sizeof(buf)), 0);
		assert_string_equal(buf, d->text);
		if (f->native) {
			assert_int_equal(ptc_reg_decode(d->reg, d->val, buf,
			    sizeof(buf)), 0);
			assert_string_equal(buf, d->text);
		}
	}
	assert_int_equal(ptc_regs_decode(r, c->plain, 0, buf, sizeof(buf)),
	    -1);
	/* A short buffer gets the start of the text, cut to fit. */
	for (d = c->decode; d < c->decode + 7 && d->reg != NULL; d++) {
		size_t n;

		for (n = 1; n <= strlen(d->text); n++) {
			assert_int_equal(ptc_regs_decode(r, d->reg, d->val, buf,
			    n), 0);
			assert_int_equal(strlen(buf), n - 1);
			assert_memory_equal(buf, d->text, n - 1);
		}
	}
	/* The live flags decode; an interrupt-enabled user program. */
	assert_int_equal(ptc_regs_get(r, c->flags, &v), 0);
	assert_int_equal(ptc_regs_decode(r, c->flags, v, buf, sizeof(buf)), 0);
	if (c->cs != NULL)
		assert_non_null(strstr(buf, " IF "));
	ptc_regs_free(r);
	ptc_session_free(s);
}

static void
test_store(void **state)
{
	const struct fixture *f = *state;
	const struct cpu *c = f->cpu;
	struct ptc_session *s;
	struct ptc_regs *r, *r2;
	struct ptc_task *t;
	uint64_t v;
	size_t i;

	need(f);
	s = ptc_session_new(0);
	r = ptc_regs_new();
	r2 = ptc_regs_new();
	begin(f, s, &t);
	assert_int_equal(ptc_regs_fetch(r, t, 0), 0);
	/* FP registers were not fetched */
	assert_int_equal(ptc_regs_get(r, c->fp_ctl, &v), -1);
	assert_int_equal(errno, ENODATA);
	assert_int_equal(ptc_regs_set(r, c->wide, c->wide_val), 0);
	assert_int_equal(ptc_regs_set(r, c->flag, 1), 0);
	assert_int_equal(ptc_regs_set(r, c->narrow, c->too_big), -1);
	assert_int_equal(errno, ERANGE);
	assert_int_equal(ptc_regs_store(r, t), 0);

	assert_int_equal(ptc_regs_fetch(r2, t, 0), 0);
	assert_int_equal(ptc_regs_get(r2, c->wide, &v), 0);
	assert_int_equal(v, c->wide_val);
	for (i = 0; i < 4 && c->parts[i].reg != NULL; i++) {
		assert_int_equal(ptc_regs_get(r2, c->parts[i].reg, &v), 0);
		assert_int_equal(v, c->parts[i].val);
		/* one-register calls resolve names in the task's view */
		assert_int_equal(ptc_reg_read(t, c->parts[i].reg, &v), 0);
		assert_int_equal(v, c->parts[i].val);
	}
	assert_int_equal(ptc_regs_get(r2, c->flag, &v), 0);
	assert_int_equal(v, 1);
	assert_int_equal(ptc_regs_get(r2, c->flags, &v), 0);
	assert_int_equal((v >> c->flag_bit) & 1, 1);
	/* A copy keeps the view. */
	assert_int_equal(ptc_regs_copy(r, r2), 0);
	assert_string_equal(ptc_regs_arch(r), c->arch);
	assert_int_equal(ptc_regs_get(r, c->parts[0].reg, &v), 0);
	assert_int_equal(v, c->parts[0].val);

	assert_int_equal(ptc_reg_write(t, c->half, c->half_val), 0);
	assert_int_equal(ptc_reg_read(t, c->wide, &v), 0);
	assert_int_equal(v, c->wide_after);
	assert_int_equal(ptc_reg_read(t, c->absent[0], &v), -1);
	assert_int_equal(errno, EINVAL);
	assert_int_equal(ptc_sp_read(t, &v), 0);
	assert_int_equal(v, ptc_regs_sp(r2));
	assert_int_equal(ptc_pc_read(t, &v), 0);
	assert_int_equal(v, ptc_regs_pc(r2));
	ptc_regs_free(r);
	ptc_regs_free(r2);
	ptc_session_free(s);
}

static void
test_fp(void **state)
{
	const struct fixture *f = *state;
	const struct cpu *c = f->cpu;
	struct ptc_session *s;
	struct ptc_regs *r;
	struct ptc_task *t;
	unsigned char in[16], out[32];
	uint64_t v;
	int i;

	need(f);
	s = ptc_session_new(0);
	r = ptc_regs_new();
	for (i = 0; i < 16; i++)
		in[i] = (unsigned char)(0xa0 + i);
	begin(f, s, &t);
	assert_int_equal(ptc_regs_fetch(r, t, PTC_REGS_FP), 0);
	assert_int_equal(ptc_regs_get(r, c->fp_ctl, &v), 0);
	assert_int_equal(v & (c->fp_ctl_mask ? c->fp_ctl_mask : ~0ULL),
	    c->fp_ctl_val);
	if (c->fp_ctl2 != NULL) {
		assert_int_equal(ptc_regs_get(r, c->fp_ctl2, &v), 0);
		assert_int_equal(v & c->fp_ctl2_mask, c->fp_ctl2_val);
	}
	assert_null(ptc_regs_reg_lookup(r, c->vec_absent));
	if (c->vec == NULL)
		goto no_vec;
	assert_int_equal(ptc_regs_set_bytes(r, c->vec, in, sizeof(in)), 0);
	assert_int_equal(ptc_regs_store(r, t), 0);
	assert_int_equal(ptc_regs_fetch(r, t, PTC_REGS_FP), 0);
	assert_int_equal(ptc_regs_get_bytes(r, c->vec, out, sizeof(out)), 16);
	assert_memory_equal(in, out, 16);
	/* too wide for a number */
	assert_int_equal(ptc_regs_get(r, c->vec, &v), -1);
	assert_int_equal(errno, EINVAL);
	if (c->vec_wide != NULL && ptc_regs_have_avx(r)) {
		assert_int_equal(ptc_regs_get_bytes(r, c->vec_wide, out,
		    sizeof(out)), 32);
		assert_memory_equal(in, out, 16);
	}
	if (c->vec_alias != NULL) {
		assert_int_equal(ptc_regs_get_bytes(r, c->vec_alias, out,
		    sizeof(out)), 16);
		assert_memory_equal(in, out, 16);
	}
	if (c->vec_split != NULL) {
		/* both halves written, each to its own block part */
		assert_int_equal(ptc_regs_set_bytes(r, c->vec_split, in,
		    sizeof(in)), 0);
		assert_int_equal(ptc_regs_store(r, t), 0);
		assert_int_equal(ptc_regs_fetch(r, t, PTC_REGS_FP), 0);
		assert_int_equal(ptc_regs_get_bytes(r, c->vec_split, out,
		    sizeof(out)), 16);
		assert_memory_equal(in, out, 16);
		assert_int_equal(ptc_regs_get(r, c->vec_split_hi, &v), 0);
		assert_memory_equal(&v, in + 8, 8);
	}
no_vec:
	assert_int_equal(ptc_reg_read(t, c->fp_ctl, &v), 0);
	assert_int_equal(v & (c->fp_ctl_mask ? c->fp_ctl_mask : ~0ULL),
	    c->fp_ctl_val);
	ptc_regs_free(r);
	ptc_session_free(s);
}

/* The registers of a syscall about to be made, by the CPU's convention. */
static void
test_syscall_args(void **state)
{
	const struct fixture *f = *state;
	const struct cpu *c = f->cpu;
	struct ptc_session *s;
	struct ptc_regs *r;
	struct ptc_task *t;
	uint64_t nr, args[6];
	uint32_t arch = 0;
	int i;

	need(f);
	s = ptc_session_new(0);
	r = ptc_regs_new();
	begin(f, s, &t);
	assert_int_equal(ptc_regs_fetch(r, t, 0), 0);
	assert_int_equal(ptc_regs_set(r, c->sc_nr, 4242), 0);
	for (i = 0; i < 6; i++)
		assert_int_equal(ptc_regs_set(r, c->sc_args[i],
		    0x1000 + (uint64_t)i), 0);
	assert_int_equal(ptc_regs_syscall_args(r, &nr, args, &arch), 0);
	assert_int_equal(nr, 4242);
	for (i = 0; i < 6; i++)
		assert_int_equal(args[i], 0x1000 + (uint64_t)i);
	assert_int_equal(arch, c->audit);
	assert_int_equal(ptc_regs_syscall_args(r, &nr, args, NULL), 0);
	ptc_regs_free(r);
	ptc_session_free(s);
}

/* Stopped by the attach while asleep: the syscall it sleeps in. */
static void
test_syscall_asleep(void **state)
{
	const struct fixture *f = *state;
	const struct cpu *c = f->cpu;
	struct ptc_session *s;
	struct ptc_regs *r;
	struct ptc_task *t;
	const char *name;
	uint64_t nr = 0;
	uint32_t arch = 0;

	need(f);
	s = ptc_session_new(0);
	r = ptc_regs_new();
	begin(f, s, &t);
	assert_int_equal(ptc_regs_fetch(r, t, 0), 0);
	if (!c->stop_keeps_nr) {
		assert_int_equal(ptc_regs_syscall(r, &nr, &arch), 0);
	} else {
		assert_int_equal(ptc_regs_syscall(r, &nr, &arch), 1);
		assert_int_equal(arch, c->audit);
		assert_non_null(name = ptc_sc_name(arch, nr));
		if (strstr(name, sleep_call(f)) == NULL)
			fail_msg("%s: syscall %s (%llu), not %s", c->arch,
			    name, (unsigned long long)nr, sleep_call(f));
	}
	ptc_regs_free(r);
	ptc_session_free(s);
}

/* At a syscall-entry stop the snapshot knows the syscall. */
static void
test_syscall_stop(void **state)
{
	const struct fixture *f = *state;
	const struct cpu *c = f->cpu;
	struct ptc_session *s;
	struct ptc_regs *r;
	struct ptc_task *t;
	struct ptc_event ev;
	uint64_t nr = 0;
	uint32_t arch = 0;
	int i;

	need(f);
	s = ptc_session_new(PTC_TRACE_SYSCALLS);
	r = ptc_regs_new();
	begin(f, s, &t);
	/* The interrupted call starts again: its entry is the next stop. */
	for (i = 0; i < 5; i++) {
		assert_int_equal(ptc_resume(t, PTC_RESUME_SYSCALL, 0), 0);
		assert_int_equal(ptc_wait_task(s, t, &ev), 0);
		if (ev.type == PTC_EV_SYSCALL_ENTER)
			break;
	}
	assert_int_equal(ev.type, PTC_EV_SYSCALL_ENTER);
	assert_int_equal(ptc_regs_fetch(r, t, 0), 0);
	assert_int_equal(ptc_regs_syscall(r, &nr, &arch), 1);
	assert_int_equal(arch, c->audit);
	assert_non_null(ptc_sc_name(arch, nr));
	assert_string_equal(ptc_sc_name(arch, nr), restart_call(f));
	ptc_regs_free(r);
	ptc_session_free(s);
}

#define BOTH(fn) \
	{ #fn, fn, NULL, teardown, (void *)&native }, \
	{ #fn "_32", fn, NULL, teardown, (void *)&compat32 }

int
main(void)
{
	const struct CMUnitTest tests[] = {
		BOTH(test_table),
		BOTH(test_decode),
		BOTH(test_store),
		BOTH(test_fp),
		BOTH(test_syscall_args),
		BOTH(test_syscall_asleep),
		BOTH(test_syscall_stop),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
