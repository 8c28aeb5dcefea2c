/*
 * dis.c (aarch64): how code makes a syscall and traps here, as data that
 * lib/dis.c reads: svc #0 with the number in x8 and the arguments in
 * x0-x5; brk #imm16 traps.  Once the syscall is under way the kernel
 * keeps its number apart from the general registers, in the
 * NT_ARM_SYSTEM_CALL register set (x8 may have changed by then).
 */
#include <linux/audit.h>

#include <elf.h>

#include "internal.h"

#ifndef NT_ARM_SYSTEM_CALL
#define NT_ARM_SYSTEM_CALL 0x404
#endif

static const struct ptc__arch_code code64 = {
	"aarch64", AUDIT_ARCH_AARCH64,
	{ "x8", "x0", "x1", "x2", "x3", "x4", "x5" },
	{ { 4, 0xd4000001, 0xffffffff } },   /* svc #0 */
	{ { 4, 0xd4200000, 0xffe0001f } },   /* brk #imm16 */
	{ "x0", "x1", "x2", "x3", "x4", "x5" },  /* AAPCS64 calls */
	{ { 4, 0x94000000, 0xfc000000 },     /* bl */
	  { 4, 0xd63f0000, 0xfffffc1f } },   /* blr xN */
};

const struct ptc__arch_code *const ptc_arch_code[] = { &code64, NULL };

const unsigned ptc_arch_sysnr_regset = NT_ARM_SYSTEM_CALL;
