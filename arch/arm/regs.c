/*
 * regs.c: the arm (32-bit, EABI) registers as the library sees them.
 * General registers are words of the kernel's NT_PRSTATUS block
 * (struct user_regs: r0-r15, cpsr, orig_r0), r13-r15 by the names gdb
 * shows them by (sp, lr, pc), with the aliases r13-r15, fp (r11) and
 * ip (r12) and the N Z C V T flags of cpsr; the
 * VFP registers d0-d31 (q0-q15 their pairs) and fpscr are the
 * NT_ARM_VFP block, read by the
 * OS layer in place of NT_PRFPREG (the old FPA block on this CPU).
 */
#include <linux/audit.h>

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "arm.h"
#include "generic.h"
#include "internal.h"

#define GEN(n, i) { { n, 4, 32, PTC_REG_GENERAL }, PTC__RS_GEN, 4 * (i), 0, 0, 0 }
#define R(i) GEN("r" #i, i)
#define ALIAS(n, i) { { n, 4, 32, PTC_REG_PART }, PTC__RS_GEN, 4 * (i), 0, 0, 0 }
#define FLAG(n, bit) \
	{ { n, 0, 1, PTC_REG_PART }, PTC__RS_GEN, 4 * ARM_CPSR, bit, 0, 0 }
#define D(i) { { "d" #i, 8, 64, PTC_REG_SSE }, PTC__RS_FP, 8 * (i), 0, 0, 0 }
#define Q(i) { { "q" #i, 16, 128, PTC_REG_SSE }, PTC__RS_FP, 16 * (i), 0, 0, 0 }

static const struct ptc__regdesc descs[] = {
	R(0), R(1), R(2), R(3), R(4), R(5), R(6), R(7),
	R(8), R(9), R(10), R(11), R(12),
	GEN("sp", 13), GEN("lr", 14), GEN("pc", 15),
	GEN("cpsr", ARM_CPSR), GEN("orig_r0", ARM_ORIG_R0),

	ALIAS("fp", 11), ALIAS("ip", 12), ALIAS("r13", 13), ALIAS("r14", 14),
	ALIAS("r15", 15),
	FLAG("n", 31), FLAG("z", 30), FLAG("c", 29), FLAG("v", 28),
	FLAG("t", ARM_CPSR_T_BIT),

	D(0), D(1), D(2), D(3), D(4), D(5), D(6), D(7),
	D(8), D(9), D(10), D(11), D(12), D(13), D(14), D(15),
	D(16), D(17), D(18), D(19), D(20), D(21), D(22), D(23),
	D(24), D(25), D(26), D(27), D(28), D(29), D(30), D(31),
	{ { "fpscr", 4, 32, PTC_REG_SSE }, PTC__RS_FP, 8 * 32, 0, 0, 0 },
	Q(0), Q(1), Q(2), Q(3), Q(4), Q(5), Q(6), Q(7),
	Q(8), Q(9), Q(10), Q(11), Q(12), Q(13), Q(14), Q(15),
};

const char ptc_arch_pc_name[] = "pc";
const char ptc_arch_sp_name[] = "sp";

static const struct ptc__flagname cpsr_names[] = {
	{ 31, "N" }, { 30, "Z" }, { 29, "C" }, { 28, "V" }, { 27, "Q" },
	{ 24, "J" }, { 9, "E" }, { 8, "A" }, { 7, "I" }, { 6, "F" },
	{ 5, "T" }, { 0, NULL },
};

/* Cumulative exception flags and their trap enables. */
static const struct ptc__flagname fpscr_names[] = {
	{ 31, "N" }, { 30, "Z" }, { 29, "C" }, { 28, "V" }, { 27, "QC" },
	{ 26, "AHP" }, { 25, "DN" }, { 24, "FZ" }, { 15, "IDE" },
	{ 12, "IXE" }, { 11, "UFE" }, { 10, "OFE" }, { 9, "DZE" },
	{ 8, "IOE" }, { 7, "IDC" }, { 4, "IXC" }, { 3, "UFC" }, { 2, "OFC" },
	{ 1, "DZC" }, { 0, "IOC" }, { 0, NULL },
};

static const char *
mode_name(unsigned m)
{
	switch (m) {
	case 0x10: return "usr";
	case 0x11: return "fiq";
	case 0x12: return "irq";
	case 0x13: return "svc";
	case 0x16: return "mon";
	case 0x17: return "abt";
	case 0x1a: return "hyp";
	case 0x1b: return "und";
	case 0x1f: return "sys";
	default: return "?";
	}
}

static int
decode(const char *name, uint64_t v, char *buf, size_t len)
{
	static const char *const rm[] = { "nearest", "up", "down", "zero" };
	char extra[48];
	size_t n;

	if (strcmp(name, "cpsr") == 0) {
		n = (size_t)snprintf(extra, sizeof(extra), " %s",
		    mode_name((unsigned)(v & 0x1f)));
		if (((v >> 16) & 0xf) != 0 && n < sizeof(extra))
			snprintf(extra + n, sizeof(extra) - n, " GE=%x",
			    (unsigned)((v >> 16) & 0xf));
		return ptc__flagbits(buf, len, cpsr_names, v, extra);
	}
	if (strcmp(name, "fpscr") == 0) {
		extra[0] = '\0';
		if (((v >> 22) & 3) != 0)
			snprintf(extra, sizeof(extra), " RM=%s",
			    rm[(v >> 22) & 3]);
		return ptc__flagbits(buf, len, fpscr_names, v, extra);
	}
	return -1;
}

/*
 * NT_PRSTATUS alone cannot tell (orig_r0 is the first argument of the
 * last syscall, kept after it returned; r7 is whatever the program left
 * there): the OS layer appends the number of the syscall of a syscall
 * stop (PTC__SYSNR_INFO), -2 at an exit stop, where r7 still holds the
 * number the EABI put there.  A thread stopped while asleep in a
 * syscall is at no syscall stop: the callers find the syscall it
 * restarts by the instruction at the pc.
 */
struct gregs {
	uint32_t r[ARM_NGREGS];
	int64_t syscallno;
};

static int
in_syscall(const void *gregs, uint64_t *nr)
{
	const struct gregs *g = gregs;

	if (g->syscallno == -2) {
		*nr = g->r[7];
		return 1;
	}
	if (g->syscallno < 0)
		return 0;
	*nr = (uint64_t)g->syscallno;
	return 1;
}

static uint32_t
audit(const void *gregs)
{
	(void)gregs;
	return AUDIT_ARCH_ARM;
}

/* The T bit tells which instruction set the thread runs now. */
static const char *
code_arch(const void *gregs)
{
	uint32_t cpsr;

	memcpy(&cpsr, (const char *)gregs + 4 * ARM_CPSR, sizeof(cpsr));
	return (cpsr & ARM_CPSR_T) ? "thumb" : "arm";
}

static const struct ptc__regview view = {
	.arch = "arm",
	.descs = descs,
	.ndescs = sizeof(descs) / sizeof(descs[0]),
	.gregs_size = sizeof(struct gregs),
	.xfeatures_off = 0,
	.pc_name = ptc_arch_pc_name,
	.sp_name = ptc_arch_sp_name,
	.ptrsize = 4,
	.decode = decode,
	.in_syscall = in_syscall,
	.audit = audit,
	.code_arch = code_arch,
};
const struct ptc__regview *const ptc_arch_view = &view;

/*
 * The number the kernel runs is kept apart from r7 once the syscall
 * has started (PTRACE_SET_SYSCALL changes it, ptc_os_set_sysnr); the
 * result goes back in r0.
 */
const char *const *
ptc_arch_sc_tamper_regs(uint32_t arch)
{
	static const char *const r32[] = { NULL, "r0" };

	return arch == AUDIT_ARCH_ARM ? r32 : NULL;
}
