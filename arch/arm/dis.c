/*
 * dis.c (arm): how code makes a syscall and traps here, as data that
 * lib/dis.c reads, for both instruction sets: svc #0 with the number in
 * r7 and the arguments in r0-r5; the kernel's breakpoint instructions
 * (bp.c).  A function takes its first four integer arguments in r0-r3
 * (AAPCS), the rest on the stack from sp; calls are bl and blx.  The
 * ARM row comes first: the native name "arm" is the one ptdis knows for
 * this CPU's ELF files.
 */
#include <linux/audit.h>

#include "internal.h"

static const struct ptc__arch_code arm = {
	"arm", AUDIT_ARCH_ARM,
	{ "r7", "r0", "r1", "r2", "r3", "r4", "r5" },
	{ { 4, 0xef000000, 0xffffffff } },   /* svc #0 */
	{ { 4, 0xe7f001f0, 0xffffffff } },   /* udf #16 */
	{ "r0", "r1", "r2", "r3", NULL, NULL },
	{ { 4, 0x0b000000, 0x0f000000 },     /* bl (every condition) */
	  { 4, 0x012fff30, 0x0ffffff0 } },   /* blx rN */
};

/*
 * A 32-bit Thumb instruction is two halfwords, the first in the low
 * bits of the number matched.
 */
static const struct ptc__arch_code thumb = {
	"thumb", AUDIT_ARCH_ARM,
	{ "r7", "r0", "r1", "r2", "r3", "r4", "r5" },
	{ { 2, 0xdf00, 0xffff } },           /* svc #0 */
	{ { 2, 0xde01, 0xffff } },           /* udf #1 */
	{ "r0", "r1", "r2", "r3", NULL, NULL },
	{ { 4, 0xc000f000, 0xc000f800 },     /* bl, blx #imm */
	  { 2, 0x4780, 0xff87 } },           /* blx rN */
};

const struct ptc__arch_code *const ptc_arch_code[] = { &arm, &thumb, NULL };

/*
 * The number is r7 when the syscall starts; at a syscall stop the
 * kernel's own copy comes from PTRACE_GET_SYSCALL_INFO (regs.c).
 */
const unsigned ptc_arch_sysnr_regset = PTC__SYSNR_INFO;
