/*
 * x86.h: code shared by the two x86 builds (arch/x86_64 and arch/i386,
 * which both take the files of arch/x86/ they do not replace; see the
 * Makefile).  The x86_64 build also reads the registers of 32-bit
 * programs (the i386 table, regs32.h) and explains their faults, so
 * what differs between the two modes is a parameter here, not a second
 * copy.
 */
#ifndef PTC_ARCH_X86_H
#define PTC_ARCH_X86_H

#include <stddef.h>
#include <stdint.h>

struct ptc_regs;
struct ptc__access;
struct ptc__arch_code;
struct ptc__regview;

/* An x86 code mode as the fault decoder needs it. */
struct ptc__x86_mode {
	int cs_mode;            /* capstone's CS_MODE_32 or CS_MODE_64 */
	unsigned word;          /* bytes pushed by push, call; popped by ret */
	uint64_t addr_mask;     /* addresses wrap at this width */
	/*
	 * Registers holding the fs and gs segment bases, added to operands
	 * that name those segments; NULL leaves the segment out (the
	 * 32-bit view has selectors only, and Linux's bases are zero but
	 * for the TLS segment).
	 */
	const char *fs_base, *gs_base;
};

extern const struct ptc__x86_mode ptc__x86_mode64, ptc__x86_mode32;

/* How 32-bit x86 code makes a syscall and traps (code32.c). */
extern const struct ptc__arch_code ptc__x86_code32;

/*
 * ptc_arch_insn_access() for code of mode m: the instruction's text,
 * its memory operands (base + index * scale + displacement, rip-relative
 * ones from the next instruction, segment bases as m says), the
 * implicit stack slot of push, pop, call and ret, and the divisor of
 * div and idiv.  0, or -1 if the bytes do not decode.
 */
int ptc__x86_insn_access(const struct ptc__x86_mode *m, const void *code,
    size_t len, uint64_t pc, const struct ptc_regs *r,
    struct ptc__access *a);

/*
 * A register view's decode for x86: eflags (and rflags when wide, the
 * 64-bit name), mxcsr and fsw.
 */
int ptc__x86_reg_decode(int wide, const char *name, uint64_t v, char *buf,
    size_t len);
/*
 * The view of 32-bit code (regs32.c): the i386 build's own, the x86_64
 * build's for 32-bit tasks.
 */
extern const struct ptc__regview ptc__x86_view32;

#endif
