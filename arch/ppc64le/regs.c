/*
 * regs.c: the 64-bit little-endian PowerPC registers as the library sees
 * them.  General registers are offsets into struct pt_regs (NT_PRSTATUS:
 * r0-r31, nip, msr, orig_gpr3, ctr, link, xer, ccr, softe, trap, dar,
 * dsisr, result), with the gprN, pc, sp, lr and cr aliases and the four
 * condition bits of cr0.  The FP block is three register sets back to
 * back (lib/os.h): NT_PRFPREG, the 33 doublewords of f0-f31 and fpscr;
 * NT_PPC_VMX, the quadwords of v0-v31, then vscr, then vrsave; and
 * NT_PPC_VSX, doubleword 1 of vs0-vs31.  vs0-vs31 are f0-f31 (doubleword
 * 0, the upper half as a little-endian number) joined to those, vs32-vs63
 * are v0-v31: a 128-bit value reads as gdb's $vsN.uint128 does.  Where
 * the CPU has no VMX or VSX the block ends before that part, and its
 * registers do not read.
 *
 * trap says how the thread entered the kernel: 0xc00 is the sc
 * instruction, 0x3000 scv; at a stop inside a syscall the number is in
 * r0.
 */
#include <asm/ptrace.h>

#include <linux/audit.h>

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "generic.h"
#include "internal.h"

#define GO(f) offsetof(struct pt_regs, f)

#define GEN(n, f) { { n, 8, 64, PTC_REG_GENERAL }, PTC__RS_GEN, GO(f), 0, 0, 0 }
#define R(i) GEN("r" #i, gpr[i])
#define PART(n, f, sz) \
	{ { n, sz, (sz) * 8, PTC_REG_PART }, PTC__RS_GEN, GO(f), 0, 0, 0 }
#define GPR(i) PART("gpr" #i, gpr[i], 8)
#define FLAG(n, bit) \
	{ { n, 0, 1, PTC_REG_PART }, PTC__RS_GEN, GO(ccr), bit, 0, 0 }
/* NT_PRFPREG: fpr[32] then fpscr, a doubleword each. */
#define FPR_OFF PTC__PPC_FPR_OFF
#define F(i) { { "f" #i, 8, 64, PTC_REG_SSE }, PTC__RS_FP, \
	FPR_OFF + 8 * (i), 0, 0, 0 }
/*
 * NT_PPC_VMX: vr[32], then vscr and vrsave, each the first word of its
 * quadword on a little-endian CPU (vscr is the last word of the vector
 * in the CPU's own numbering, which a little-endian store puts first).
 */
#define VMX_OFF (FPR_OFF + PTC__PPC_FPR_LEN)
#define V(i) { { "v" #i, 16, 128, PTC_REG_SSE }, PTC__RS_FP, \
	VMX_OFF + 16 * (i), 0, 0, 0 }
#define VMX_WORD(n, q) \
	{ { n, 4, 32, PTC_REG_SSE }, PTC__RS_FP, VMX_OFF + 16 * (q), 0, 0, 0 }
/*
 * NT_PPC_VSX: the low halves of vs0-vs31, whose high halves are f0-f31;
 * vs32-vs63 are v0-v31.
 */
#define VSX_OFF (VMX_OFF + PTC__PPC_VMX_LEN)
#define VS(i) { { "vs" #i, 16, 128, PTC_REG_SSE }, PTC__RS_FP, \
	VSX_OFF + 8 * (i), 0, FPR_OFF + 8 * (i), 0 }
#define VSV(i, v) { { "vs" #i, 16, 128, PTC_REG_SSE }, PTC__RS_FP, \
	VMX_OFF + 16 * (v), 0, 0, 0 }

/* The trap numbers of the two syscall instructions (TRAP(regs)). */
#define TRAP_SC  0xc00
#define TRAP_SCV 0x3000
/* msr: SF set means 64-bit mode, LE little-endian. */
#define MSR_SF ((uint64_t)1 << 63)
#define MSR_LE 1

/*
 * NT_PRSTATUS is ELF_NGREG (48) doublewords, struct pt_regs and the
 * unused rest; the block must be that long to be read and written.
 */
#define PPC_NGREG 48
struct gregs {
	struct pt_regs r;
	uint64_t rest[PPC_NGREG - sizeof(struct pt_regs) / 8];
};

static const struct ptc__regdesc descs[] = {
	R(0), R(1), R(2), R(3), R(4), R(5), R(6), R(7),
	R(8), R(9), R(10), R(11), R(12), R(13), R(14), R(15),
	R(16), R(17), R(18), R(19), R(20), R(21), R(22), R(23),
	R(24), R(25), R(26), R(27), R(28), R(29), R(30), R(31),
	/* ccr ahead of msr: it is the flags register (ptc_regs_flags_name) */
	GEN("nip", nip), GEN("link", link), GEN("ctr", ctr), GEN("ccr", ccr),
	GEN("xer", xer), GEN("msr", msr),
	/*
	 * The kernel's record of the last exception, not registers of the
	 * program: read by name, not shown among the general registers
	 * (a single step changes trap and orig_gpr3 every time).
	 */
	PART("orig_gpr3", orig_gpr3, 8), PART("trap", trap, 8),
	PART("dar", dar, 8), PART("dsisr", dsisr, 8),
	PART("softe", softe, 8), PART("result", result, 8),

	GPR(0), GPR(1), GPR(2), GPR(3), GPR(4), GPR(5), GPR(6), GPR(7),
	GPR(8), GPR(9), GPR(10), GPR(11), GPR(12), GPR(13), GPR(14), GPR(15),
	GPR(16), GPR(17), GPR(18), GPR(19), GPR(20), GPR(21), GPR(22), GPR(23),
	GPR(24), GPR(25), GPR(26), GPR(27), GPR(28), GPR(29), GPR(30), GPR(31),
	PART("pc", nip, 8), PART("sp", gpr[1], 8), PART("lr", link, 8),
	PART("cr", ccr, 4),
	FLAG("lt", 31), FLAG("gt", 30), FLAG("eq", 29), FLAG("so", 28),

	F(0), F(1), F(2), F(3), F(4), F(5), F(6), F(7),
	F(8), F(9), F(10), F(11), F(12), F(13), F(14), F(15),
	F(16), F(17), F(18), F(19), F(20), F(21), F(22), F(23),
	F(24), F(25), F(26), F(27), F(28), F(29), F(30), F(31),
	{ { "fpscr", 8, 64, PTC_REG_SSE }, PTC__RS_FP, FPR_OFF + 8 * 32, 0, 0,
	  0 },

	V(0), V(1), V(2), V(3), V(4), V(5), V(6), V(7),
	V(8), V(9), V(10), V(11), V(12), V(13), V(14), V(15),
	V(16), V(17), V(18), V(19), V(20), V(21), V(22), V(23),
	V(24), V(25), V(26), V(27), V(28), V(29), V(30), V(31),
	VMX_WORD("vscr", 32), VMX_WORD("vrsave", 33),

	VS(0), VS(1), VS(2), VS(3), VS(4), VS(5), VS(6), VS(7),
	VS(8), VS(9), VS(10), VS(11), VS(12), VS(13), VS(14), VS(15),
	VS(16), VS(17), VS(18), VS(19), VS(20), VS(21), VS(22), VS(23),
	VS(24), VS(25), VS(26), VS(27), VS(28), VS(29), VS(30), VS(31),
	VSV(32, 0), VSV(33, 1), VSV(34, 2), VSV(35, 3),
	VSV(36, 4), VSV(37, 5), VSV(38, 6), VSV(39, 7),
	VSV(40, 8), VSV(41, 9), VSV(42, 10), VSV(43, 11),
	VSV(44, 12), VSV(45, 13), VSV(46, 14), VSV(47, 15),
	VSV(48, 16), VSV(49, 17), VSV(50, 18), VSV(51, 19),
	VSV(52, 20), VSV(53, 21), VSV(54, 22), VSV(55, 23),
	VSV(56, 24), VSV(57, 25), VSV(58, 26), VSV(59, 27),
	VSV(60, 28), VSV(61, 29), VSV(62, 30), VSV(63, 31),
};

const char ptc_arch_pc_name[] = "nip";
const char ptc_arch_sp_name[] = "r1";

/* cr0, the field that compare instructions with a dot and sc set. */
static const struct ptc__flagname ccr_names[] = {
	{ 31, "LT" }, { 30, "GT" }, { 29, "EQ" }, { 28, "SO" }, { 0, NULL },
};

static const struct ptc__flagname xer_names[] = {
	{ 31, "SO" }, { 30, "OV" }, { 29, "CA" }, { 19, "OV32" },
	{ 18, "CA32" }, { 0, NULL },
};

static const struct ptc__flagname msr_names[] = {
	{ 63, "SF" }, { 60, "HV" }, { 34, "TS1" }, { 33, "TS0" },
	{ 32, "TM" }, { 25, "VEC" }, { 23, "VSX" }, { 15, "EE" },
	{ 14, "PR" }, { 13, "FP" }, { 12, "ME" }, { 11, "FE0" }, { 10, "SE" },
	{ 9, "BE" }, { 8, "FE1" }, { 5, "IR" }, { 4, "DR" }, { 2, "PMM" },
	{ 1, "RI" }, { 0, "LE" }, { 0, NULL },
};

/* Exception bits, their enables and the result class (FPRF). */
static const struct ptc__flagname fpscr_names[] = {
	{ 31, "FX" }, { 30, "FEX" }, { 29, "VX" }, { 28, "OX" }, { 27, "UX" },
	{ 26, "ZX" }, { 25, "XX" }, { 24, "VXSNAN" }, { 23, "VXISI" },
	{ 22, "VXIDI" }, { 21, "VXZDZ" }, { 20, "VXIMZ" }, { 19, "VXVC" },
	{ 18, "FR" }, { 17, "FI" }, { 16, "C" }, { 15, "FL" }, { 14, "FG" },
	{ 13, "FE" }, { 12, "FU" }, { 10, "VXSOFT" }, { 9, "VXSQRT" },
	{ 8, "VXCVI" }, { 7, "VE" }, { 6, "OE" }, { 5, "UE" }, { 4, "ZE" },
	{ 3, "XE" }, { 2, "NI" }, { 0, NULL },
};

/* Non-Java mode (denormals read as zero) and saturation. */
static const struct ptc__flagname vscr_names[] = {
	{ 16, "NJ" }, { 0, "SAT" }, { 0, NULL },
};

static int
decode(const char *name, uint64_t v, char *buf, size_t len)
{
	static const char *const rn[] = { "nearest", "zero", "up", "down" };
	char extra[80] = "";
	size_t n = 0;
	unsigned i, f;

	if (strcmp(name, "ccr") == 0 || strcmp(name, "cr") == 0) {
		/* the other seven fields, where not clear */
		for (i = 1; i < 8 && n < sizeof(extra); i++)
			if ((f = (unsigned)(v >> (28 - 4 * i)) & 0xf) != 0)
				n += (size_t)snprintf(extra + n,
				    sizeof(extra) - n, " cr%u=%x", i, f);
		return ptc__flagbits(buf, len, ccr_names, v, extra);
	}
	if (strcmp(name, "xer") == 0)
		return ptc__flagbits(buf, len, xer_names, v, NULL);
	if (strcmp(name, "msr") == 0)
		return ptc__flagbits(buf, len, msr_names, v, NULL);
	if (strcmp(name, "fpscr") == 0) {
		if ((v & 3) != 0)
			snprintf(extra, sizeof(extra), " RN=%s", rn[v & 3]);
		return ptc__flagbits(buf, len, fpscr_names, v, extra);
	}
	if (strcmp(name, "vscr") == 0)
		return ptc__flagbits(buf, len, vscr_names, v, NULL);
	return -1;
}

static int
in_syscall(const void *gregs, uint64_t *nr)
{
	const struct pt_regs *r = gregs;
	uint64_t trap = r->trap & ~(uint64_t)0xf;

	if (trap != TRAP_SC && trap != TRAP_SCV)
		return 0;
	*nr = r->gpr[0];
	return 1;
}

static uint32_t
audit(const void *gregs)
{
	const struct pt_regs *r = gregs;

	/* a 32-bit task is big-endian: there is no little-endian ppc32 ABI */
	if (!(r->msr & MSR_SF))
		return AUDIT_ARCH_PPC;
	return (r->msr & MSR_LE) ? AUDIT_ARCH_PPC64LE : AUDIT_ARCH_PPC64;
}

/* No XSAVE-style component bitmap on this CPU. */
static const struct ptc__regview view = {
	.arch = "ppc64le",
	.descs = descs,
	.ndescs = sizeof(descs) / sizeof(descs[0]),
	.gregs_size = sizeof(struct gregs),
	.xfeatures_off = 0,
	/* f0-f31 and fpscr; VMX and VSX where the CPU has them */
	.fp_fixed = VMX_OFF,
	.pc_name = ptc_arch_pc_name,
	.sp_name = ptc_arch_sp_name,
	.ptrsize = 8,
	.decode = decode,
	.in_syscall = in_syscall,
	.audit = audit,
};
const struct ptc__regview *const ptc_arch_view = &view;

/*
 * The kernel runs the number in r0 as it is after the entry stop and
 * returns r3 (for a syscall made with sc, with cr0.SO: scret.c).
 */
const char *const *
ptc_arch_sc_tamper_regs(uint32_t arch)
{
	static const char *const r64[] = { "r0", "r3" };

	return arch == AUDIT_ARCH_PPC64LE ? r64 : NULL;
}
