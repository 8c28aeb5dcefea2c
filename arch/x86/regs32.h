/*
 * regs32.h: the i386 register table, for the 32-bit build (i386/regs.c)
 * and for the x86_64 build, which looks at 32-bit tasks (x86_64/regs.c).
 * The layouts are spelled out with fixed-width fields so the table is
 * the same whichever compiler mode includes it: the general block is
 * the 32-bit struct user_regs_struct (NT_PRSTATUS of a 32-bit task, 68
 * bytes, also what a 64-bit tracer gets for one), the FP block the
 * FXSAVE image that starts the XSAVE state (NT_X86_XSTATE).
 */
#ifndef PTC_ARCH_X86_REGS32_H
#define PTC_ARCH_X86_REGS32_H

#include <stddef.h>
#include <stdint.h>

struct i386_gregs {
	uint32_t ebx, ecx, edx, esi, edi, ebp, eax;
	uint32_t xds, xes, xfs, xgs, orig_eax, eip, xcs, eflags, esp, xss;
};

struct i386_fxsave {
	uint16_t cwd, swd, twd, fop;
	uint32_t fip, fcs, foo, fos, mxcsr, mxcsr_mask;
	uint8_t st_space[128];
	uint8_t xmm_space[128];
};

/* XSAVE layout: the header's feature bitmap and the AVX component. */
#define I386_XSAVE_XFEATURES 512
#define I386_XSAVE_AVX       576
#define I386_XF_X87 0x1
#define I386_XF_SSE 0x2
#define I386_XF_AVX 0x4

#define I386_GO(f) offsetof(struct i386_gregs, f)
#define I386_FO(f) offsetof(struct i386_fxsave, f)

#define I386_GEN(n, f) \
	{ { n, 4, 32, PTC_REG_GENERAL }, PTC__RS_GEN, I386_GO(f), 0, 0, 0 }
#define I386_PART(n, f, sz, sh) \
	{ { n, sz, (sz) * 8, PTC_REG_PART }, PTC__RS_GEN, I386_GO(f), sh, 0, 0 }
#define I386_FLAG(n, bit, w) \
	{ { n, 0, w, PTC_REG_PART }, PTC__RS_GEN, I386_GO(eflags), bit, 0, 0 }
#define I386_SUBS(w, l, h, f) I386_PART(w, f, 2, 0), I386_PART(l, f, 1, 0), \
	I386_PART(h, f, 1, 8)
#define I386_X87(n, off, sz) { { n, sz, (sz) * 8, PTC_REG_X87 }, \
	PTC__RS_FP, off, 0, 0, I386_XF_X87 }
#define I386_ST(i) I386_X87("st" #i, I386_FO(st_space) + 16 * (i), 10)
#define I386_XMM(i) { { "xmm" #i, 16, 128, PTC_REG_SSE }, PTC__RS_FP, \
	I386_FO(xmm_space) + 16 * (i), 0, 0, I386_XF_SSE }
#define I386_YMM(i) { { "ymm" #i, 32, 256, PTC_REG_AVX }, PTC__RS_FP, \
	I386_FO(xmm_space) + 16 * (i), 0, I386_XSAVE_AVX + 16 * (i), \
	I386_XF_SSE | I386_XF_AVX }

#define I386_REGDESCS \
	I386_GEN("eax", eax), I386_GEN("ebx", ebx), I386_GEN("ecx", ecx), \
	I386_GEN("edx", edx), I386_GEN("esi", esi), I386_GEN("edi", edi), \
	I386_GEN("ebp", ebp), I386_GEN("esp", esp), \
	I386_GEN("eip", eip), I386_GEN("eflags", eflags), \
	I386_GEN("cs", xcs), I386_GEN("ss", xss), I386_GEN("ds", xds), \
	I386_GEN("es", xes), I386_GEN("fs", xfs), I386_GEN("gs", xgs), \
	I386_GEN("orig_eax", orig_eax), \
	\
	I386_SUBS("ax", "al", "ah", eax), I386_SUBS("bx", "bl", "bh", ebx), \
	I386_SUBS("cx", "cl", "ch", ecx), I386_SUBS("dx", "dl", "dh", edx), \
	I386_PART("si", esi, 2, 0), I386_PART("di", edi, 2, 0), \
	I386_PART("bp", ebp, 2, 0), I386_PART("sp", esp, 2, 0), \
	I386_FLAG("cf", 0, 1), I386_FLAG("pf", 2, 1), I386_FLAG("af", 4, 1), \
	I386_FLAG("zf", 6, 1), I386_FLAG("sf", 7, 1), I386_FLAG("tf", 8, 1), \
	I386_FLAG("if", 9, 1), I386_FLAG("df", 10, 1), I386_FLAG("of", 11, 1), \
	I386_FLAG("iopl", 12, 2), I386_FLAG("nt", 14, 1), \
	I386_FLAG("rf", 16, 1), I386_FLAG("vm", 17, 1), \
	I386_FLAG("ac", 18, 1), I386_FLAG("vif", 19, 1), \
	I386_FLAG("vip", 20, 1), I386_FLAG("id", 21, 1), \
	\
	I386_ST(0), I386_ST(1), I386_ST(2), I386_ST(3), \
	I386_ST(4), I386_ST(5), I386_ST(6), I386_ST(7), \
	I386_X87("fcw", I386_FO(cwd), 2), I386_X87("fsw", I386_FO(swd), 2), \
	I386_X87("ftw", I386_FO(twd), 1), I386_X87("fop", I386_FO(fop), 2), \
	I386_X87("fip", I386_FO(fip), 4), I386_X87("fdp", I386_FO(foo), 4), \
	\
	I386_XMM(0), I386_XMM(1), I386_XMM(2), I386_XMM(3), \
	I386_XMM(4), I386_XMM(5), I386_XMM(6), I386_XMM(7), \
	{ { "mxcsr", 4, 32, PTC_REG_SSE }, PTC__RS_FP, I386_FO(mxcsr), 0, 0, \
	  I386_XF_SSE }, \
	I386_YMM(0), I386_YMM(1), I386_YMM(2), I386_YMM(3), \
	I386_YMM(4), I386_YMM(5), I386_YMM(6), I386_YMM(7)

#endif
