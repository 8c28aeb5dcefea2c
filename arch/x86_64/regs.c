/*
 * regs.c: the x86_64 registers as the library sees them.  General
 * registers are offsets into struct user_regs_struct (NT_PRSTATUS);
 * x87, SSE and AVX registers are offsets into the FXSAVE area that
 * starts both the legacy NT_PRFPREG block and the XSAVE block
 * (NT_X86_XSTATE), whose AVX component holds the ymm upper halves.
 * A 32-bit task's registers come in the i386 layout (regview.c).
 */
#include <sys/user.h>

#include <linux/audit.h>

#include <stddef.h>

#include "internal.h"
#include "x86.h"

#define GO(f) offsetof(struct user_regs_struct, f)
#define FO(f) offsetof(struct user_fpregs_struct, f)

/* XSAVE layout: the header's feature bitmap and the AVX component. */
#define XSAVE_XFEATURES 512
#define XSAVE_AVX       576
#define XF_X87 0x1
#define XF_SSE 0x2
#define XF_AVX 0x4

#define GEN(n, f) { { n, 8, 64, PTC_REG_GENERAL }, PTC__RS_GEN, GO(f), 0, 0, 0 }
#define PART(n, f, sz, sh) \
	{ { n, sz, (sz) * 8, PTC_REG_PART }, PTC__RS_GEN, GO(f), sh, 0, 0 }
#define FLAG(n, bit, w) \
	{ { n, 0, w, PTC_REG_PART }, PTC__RS_GEN, GO(eflags), bit, 0, 0 }
#define SUBS(d, w, l, f) PART(d, f, 4, 0), PART(w, f, 2, 0), PART(l, f, 1, 0)
#define X87(n, off, sz) \
	{ { n, sz, (sz) * 8, PTC_REG_X87 }, PTC__RS_FP, off, 0, 0, XF_X87 }
#define ST(i) X87("st" #i, FO(st_space) + 16 * (i), 10)
#define XMM(i) { { "xmm" #i, 16, 128, PTC_REG_SSE }, PTC__RS_FP, \
	FO(xmm_space) + 16 * (i), 0, 0, XF_SSE }
#define YMM(i) { { "ymm" #i, 32, 256, PTC_REG_AVX }, PTC__RS_FP, \
	FO(xmm_space) + 16 * (i), 0, XSAVE_AVX + 16 * (i), XF_SSE | XF_AVX }

static const struct ptc__regdesc descs[] = {
	GEN("rax", rax), GEN("rbx", rbx), GEN("rcx", rcx), GEN("rdx", rdx),
	GEN("rsi", rsi), GEN("rdi", rdi), GEN("rbp", rbp), GEN("rsp", rsp),
	GEN("r8", r8), GEN("r9", r9), GEN("r10", r10), GEN("r11", r11),
	GEN("r12", r12), GEN("r13", r13), GEN("r14", r14), GEN("r15", r15),
	GEN("rip", rip), GEN("rflags", eflags),
	GEN("cs", cs), GEN("ss", ss), GEN("ds", ds), GEN("es", es),
	GEN("fs", fs), GEN("gs", gs),
	GEN("fs_base", fs_base), GEN("gs_base", gs_base),
	GEN("orig_rax", orig_rax),

	SUBS("eax", "ax", "al", rax), SUBS("ebx", "bx", "bl", rbx),
	SUBS("ecx", "cx", "cl", rcx), SUBS("edx", "dx", "dl", rdx),
	SUBS("esi", "si", "sil", rsi), SUBS("edi", "di", "dil", rdi),
	SUBS("ebp", "bp", "bpl", rbp), SUBS("esp", "sp", "spl", rsp),
	SUBS("r8d", "r8w", "r8b", r8), SUBS("r9d", "r9w", "r9b", r9),
	SUBS("r10d", "r10w", "r10b", r10), SUBS("r11d", "r11w", "r11b", r11),
	SUBS("r12d", "r12w", "r12b", r12), SUBS("r13d", "r13w", "r13b", r13),
	SUBS("r14d", "r14w", "r14b", r14), SUBS("r15d", "r15w", "r15b", r15),
	PART("ah", rax, 1, 8), PART("bh", rbx, 1, 8),
	PART("ch", rcx, 1, 8), PART("dh", rdx, 1, 8),
	PART("eip", rip, 4, 0), PART("eflags", eflags, 4, 0),
	FLAG("cf", 0, 1), FLAG("pf", 2, 1), FLAG("af", 4, 1),
	FLAG("zf", 6, 1), FLAG("sf", 7, 1), FLAG("tf", 8, 1),
	FLAG("if", 9, 1), FLAG("df", 10, 1), FLAG("of", 11, 1),
	FLAG("iopl", 12, 2), FLAG("nt", 14, 1), FLAG("rf", 16, 1),
	FLAG("vm", 17, 1), FLAG("ac", 18, 1), FLAG("vif", 19, 1),
	FLAG("vip", 20, 1), FLAG("id", 21, 1),

	ST(0), ST(1), ST(2), ST(3), ST(4), ST(5), ST(6), ST(7),
	X87("fcw", FO(cwd), 2), X87("fsw", FO(swd), 2),
	X87("ftw", FO(ftw), 1), X87("fop", FO(fop), 2),
	X87("fip", FO(rip), 8), X87("fdp", FO(rdp), 8),

	XMM(0), XMM(1), XMM(2), XMM(3), XMM(4), XMM(5), XMM(6), XMM(7),
	XMM(8), XMM(9), XMM(10), XMM(11), XMM(12), XMM(13), XMM(14), XMM(15),
	{ { "mxcsr", 4, 32, PTC_REG_SSE }, PTC__RS_FP, FO(mxcsr), 0, 0,
	  XF_SSE },

	YMM(0), YMM(1), YMM(2), YMM(3), YMM(4), YMM(5), YMM(6), YMM(7),
	YMM(8), YMM(9), YMM(10), YMM(11), YMM(12), YMM(13), YMM(14), YMM(15),
};

/* The pc and sp by name. */
const char ptc_arch_pc_name[] = "rip";
const char ptc_arch_sp_name[] = "rsp";

static int
decode(const char *name, uint64_t v, char *buf, size_t len)
{
	return ptc__x86_reg_decode(1, name, v, buf, len);
}

static int
in_syscall(const void *gregs, uint64_t *nr)
{
	const struct user_regs_struct *r = gregs;

	/* The kernel keeps orig_rax at -1 outside a syscall. */
	if ((int64_t)r->orig_rax < 0)
		return 0;
	*nr = r->orig_rax;
	return 1;
}

static uint32_t
audit(const void *gregs)
{
	const struct user_regs_struct *r = gregs;

	/* 0x23 is the 32-bit user code segment of Linux on x86_64. */
	return r->cs == 0x23 ? AUDIT_ARCH_I386 : AUDIT_ARCH_X86_64;
}

static const struct ptc__regview view = {
	.arch = "x86_64",
	.descs = descs,
	.ndescs = sizeof(descs) / sizeof(descs[0]),
	.gregs_size = sizeof(struct user_regs_struct),
	.xfeatures_off = XSAVE_XFEATURES,
	.pc_name = ptc_arch_pc_name,
	.sp_name = ptc_arch_sp_name,
	.ptrsize = 8,
	.decode = decode,
	.in_syscall = in_syscall,
	.audit = audit,
};
const struct ptc__regview *const ptc_arch_view = &view;

/*
 * The kernel runs the number in orig_rax (orig_eax in a 32-bit task's
 * view), whatever rax held, and returns the value of rax.
 */
const char *const *
ptc_arch_sc_tamper_regs(uint32_t arch)
{
	static const char *const r64[] = { "orig_rax", "rax" };
	static const char *const r32[] = { "orig_eax", "eax" };

	if (arch == AUDIT_ARCH_X86_64)
		return r64;
	if (arch == AUDIT_ARCH_I386)
		return r32;
	return NULL;
}
