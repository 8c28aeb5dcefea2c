/*
 * regs.c: the i386 registers as the library sees them (table in
 * regs32.h): eax..esp, eip, eflags with its flags, segments, and the
 * x87, SSE and AVX registers of the FXSAVE/XSAVE image.
 */
#include <linux/audit.h>

#include <stddef.h>

#include "internal.h"
#include "regs32.h"
#include "x86.h"

const struct ptc__regdesc ptc_arch_regdescs[] = { I386_REGDESCS };
const size_t ptc_arch_nregdescs =
    sizeof(ptc_arch_regdescs) / sizeof(ptc_arch_regdescs[0]);
const size_t ptc_arch_xfeatures_off = I386_XSAVE_XFEATURES;

/* The general register block and the pc and sp by name. */
const size_t ptc_arch_gregs_size = sizeof(struct i386_gregs);
const char ptc_arch_pc_name[] = "eip";
const char ptc_arch_sp_name[] = "esp";

int
ptc_arch_reg_decode(const char *name, uint64_t v, char *buf, size_t len)
{
	return ptc__x86_reg_decode(0, name, v, buf, len);
}

int
ptc_arch_in_syscall(const void *gregs, uint64_t *nr)
{
	return ptc__i386_in_syscall(gregs, nr);
}

uint32_t
ptc_arch_audit(const void *gregs)
{
	(void)gregs;
	return AUDIT_ARCH_I386;
}

const struct ptc__regview *
ptc_arch_regview_other(size_t len)
{
	/* A 64-bit task seen from the 32-bit build: not read. */
	(void)len;
	return NULL;
}

/* The kernel runs the number in orig_eax and returns the value of eax. */
const char *const *
ptc_arch_sc_tamper_regs(uint32_t arch)
{
	static const char *const r32[] = { "orig_eax", "eax" };

	return arch == AUDIT_ARCH_I386 ? r32 : NULL;
}
