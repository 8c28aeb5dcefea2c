/*
 * regs32.c: the registers of 32-bit x86 code (table in regs32.h):
 * eax..esp, eip, eflags with its flags, segments, and the x87, SSE and
 * AVX registers of the FXSAVE/XSAVE image.  The i386 build reads its
 * own tasks with this view, the x86_64 build its 32-bit tasks.
 */
#include <linux/audit.h>

#include "internal.h"
#include "regs32.h"
#include "x86.h"

static const struct ptc__regdesc descs32[] = { I386_REGDESCS };

/* Same flag names as rflags, which is eflags widened. */
static int
decode32(const char *name, uint64_t v, char *buf, size_t len)
{
	return ptc__x86_reg_decode(0, name, v, buf, len);
}

static int
in_syscall32(const void *gregs, uint64_t *nr)
{
	const struct i386_gregs *r = gregs;

	/* The kernel keeps orig_eax at -1 outside a syscall. */
	if ((int32_t)r->orig_eax < 0)
		return 0;
	*nr = r->orig_eax;
	return 1;
}

static uint32_t
audit32(const void *gregs)
{
	(void)gregs;
	return AUDIT_ARCH_I386;
}

const struct ptc__regview ptc__x86_view32 = {
	.arch = "i386",
	.descs = descs32,
	.ndescs = sizeof(descs32) / sizeof(descs32[0]),
	.gregs_size = sizeof(struct i386_gregs),
	.xfeatures_off = I386_XSAVE_XFEATURES,
	.pc_name = "eip",
	.sp_name = "esp",
	.ptrsize = 4,
	.decode = decode32,
	.in_syscall = in_syscall32,
	.audit = audit32,
};
