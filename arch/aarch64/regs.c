/*
 * regs.c: the aarch64 registers as the library sees them.  General
 * registers are offsets into struct user_regs_struct (NT_PRSTATUS: x0-x30,
 * sp, pc, pstate), with the 32-bit w views, the fp and lr aliases and
 * the NZCV condition flags of pstate; the FP/SIMD registers v0-v31,
 * fpsr and fpcr are offsets into struct user_fpsimd_struct (NT_PRFPREG).
 * The kernel keeps the syscall number outside NT_PRSTATUS, in
 * NT_ARM_SYSTEM_CALL: the OS layer appends it to the general block
 * (struct gregs below), which so tells whether the thread is inside a
 * syscall.
 */
#include <sys/user.h>

#include <linux/audit.h>

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "generic.h"
#include "internal.h"

#define GO(f) offsetof(struct user_regs_struct, f)
#define FO(f) offsetof(struct user_fpsimd_struct, f)

#define GEN(n, f) { { n, 8, 64, PTC_REG_GENERAL }, PTC__RS_GEN, GO(f), 0, 0, 0 }
#define X(i) GEN("x" #i, regs[i])
#define PART(n, f, sz) \
	{ { n, sz, (sz) * 8, PTC_REG_PART }, PTC__RS_GEN, GO(f), 0, 0, 0 }
#define W(i) PART("w" #i, regs[i], 4)
#define FLAG(n, bit) \
	{ { n, 0, 1, PTC_REG_PART }, PTC__RS_GEN, GO(pstate), bit, 0, 0 }
#define V(i) { { "v" #i, 16, 128, PTC_REG_SSE }, PTC__RS_FP, \
	FO(vregs) + 16 * (i), 0, 0, 0 }
#define FPCTL(n, f) { { n, 4, 32, PTC_REG_SSE }, PTC__RS_FP, FO(f), 0, 0, 0 }

/* pstate: NZCV in bits 31-28; bit 4 set means the task runs AArch32. */
#define PSR_MODE32 0x10

static const struct ptc__regdesc descs[] = {
	X(0), X(1), X(2), X(3), X(4), X(5), X(6), X(7),
	X(8), X(9), X(10), X(11), X(12), X(13), X(14), X(15),
	X(16), X(17), X(18), X(19), X(20), X(21), X(22), X(23),
	X(24), X(25), X(26), X(27), X(28), X(29), X(30),
	GEN("sp", sp), GEN("pc", pc), GEN("pstate", pstate),

	W(0), W(1), W(2), W(3), W(4), W(5), W(6), W(7),
	W(8), W(9), W(10), W(11), W(12), W(13), W(14), W(15),
	W(16), W(17), W(18), W(19), W(20), W(21), W(22), W(23),
	W(24), W(25), W(26), W(27), W(28), W(29), W(30),
	PART("fp", regs[29], 8), PART("lr", regs[30], 8),
	PART("wsp", sp, 4),
	FLAG("n", 31), FLAG("z", 30), FLAG("c", 29), FLAG("v", 28),

	V(0), V(1), V(2), V(3), V(4), V(5), V(6), V(7),
	V(8), V(9), V(10), V(11), V(12), V(13), V(14), V(15),
	V(16), V(17), V(18), V(19), V(20), V(21), V(22), V(23),
	V(24), V(25), V(26), V(27), V(28), V(29), V(30), V(31),
	FPCTL("fpsr", fpsr), FPCTL("fpcr", fpcr),
};

/*
 * The general block: NT_PRSTATUS, then the number of the syscall under
 * way (-1: none) from NT_ARM_SYSTEM_CALL.  Only the first part is
 * written back (the kernel takes no more than NT_PRSTATUS holds).
 */
struct gregs {
	struct user_regs_struct r;
	int64_t syscallno;
};

const char ptc_arch_pc_name[] = "pc";
const char ptc_arch_sp_name[] = "sp";

static const struct ptc__flagname pstate_names[] = {
	{ 31, "N" }, { 30, "Z" }, { 29, "C" }, { 28, "V" }, { 27, "Q" },
	{ 25, "DIT" }, { 23, "UAO" }, { 22, "PAN" }, { 21, "SS" },
	{ 20, "IL" }, { 12, "SSBS" }, { 11, "BTYPE1" }, { 10, "BTYPE0" },
	{ 9, "D" }, { 8, "A" }, { 7, "I" }, { 6, "F" }, { 0, NULL },
};

/* Cumulative exception flags (fpsr) and their trap enables (fpcr). */
static const struct ptc__flagname fpsr_names[] = {
	{ 31, "N" }, { 30, "Z" }, { 29, "C" }, { 28, "V" }, { 27, "QC" },
	{ 7, "IDC" }, { 4, "IXC" }, { 3, "UFC" }, { 2, "OFC" }, { 1, "DZC" },
	{ 0, "IOC" }, { 0, NULL },
};

static const struct ptc__flagname fpcr_names[] = {
	{ 26, "AHP" }, { 25, "DN" }, { 24, "FZ" }, { 15, "IDE" },
	{ 12, "IXE" }, { 11, "UFE" }, { 10, "OFE" }, { 9, "DZE" },
	{ 8, "IOE" }, { 0, NULL },
};

static int
decode(const char *name, uint64_t v, char *buf, size_t len)
{
	static const char *const rm[] = { "nearest", "up", "down", "zero" };
	char extra[32] = "";

	if (strcmp(name, "pstate") == 0) {
		snprintf(extra, sizeof(extra), " EL%u%s",
		    (unsigned)((v >> 2) & 3), (v & PSR_MODE32) ? " AArch32" : "");
		return ptc__flagbits(buf, len, pstate_names, v, extra);
	}
	if (strcmp(name, "fpsr") == 0)
		return ptc__flagbits(buf, len, fpsr_names, v, NULL);
	if (strcmp(name, "fpcr") == 0) {
		if (((v >> 22) & 3) != 0)
			snprintf(extra, sizeof(extra), " RM=%s",
			    rm[(v >> 22) & 3]);
		return ptc__flagbits(buf, len, fpcr_names, v, extra);
	}
	return -1;
}

static int
in_syscall(const void *gregs, uint64_t *nr)
{
	const struct gregs *g = gregs;

	if (g->syscallno < 0)
		return 0;
	*nr = (uint64_t)g->syscallno;
	return 1;
}

static uint32_t
audit(const void *gregs)
{
	const struct user_regs_struct *r = gregs;

	return (r->pstate & PSR_MODE32) ? AUDIT_ARCH_ARM : AUDIT_ARCH_AARCH64;
}

/* No XSAVE-style component bitmap on this CPU. */
static const struct ptc__regview view = {
	.arch = "aarch64",
	.descs = descs,
	.ndescs = sizeof(descs) / sizeof(descs[0]),
	.gregs_size = sizeof(struct gregs),
	.xfeatures_off = 0,
	.pc_name = ptc_arch_pc_name,
	.sp_name = ptc_arch_sp_name,
	.ptrsize = 8,
	.decode = decode,
	.in_syscall = in_syscall,
	.audit = audit,
};
const struct ptc__regview *const ptc_arch_view = &view;

/*
 * The number is in NT_ARM_SYSTEM_CALL, not in the general block (x8
 * is only where the program put it); the result goes back in x0.  A
 * 32-bit task's registers are not read here.
 */
const char *const *
ptc_arch_sc_tamper_regs(uint32_t arch)
{
	static const char *const r64[] = { NULL, "x0" };

	return arch == AUDIT_ARCH_AARCH64 ? r64 : NULL;
}
