/*
 * dis.c (ppc64le): how code makes a syscall and traps here, as data that
 * lib/dis.c reads.  sc (0x44000002) and, from POWER9 on, scv 0
 * (0x44000001) enter the kernel with the number in r0 and the arguments
 * in r3-r8; tw and td with every condition (TO = 31) always trap.
 * Functions take their first arguments in r3-r10 (ELFv2) and are called
 * by bl, or through ctr by bctrl; capstone groups neither as a call.
 */
#include <linux/audit.h>

#include "internal.h"

static const struct ptc__arch_code code64 = {
	"ppc64le", AUDIT_ARCH_PPC64LE,
	{ "r0", "r3", "r4", "r5", "r6", "r7", "r8" },
	{ { 4, 0x44000002, 0xffffffff },     /* sc */
	  { 4, 0x44000001, 0xffffffff } },   /* scv 0 */
	{ { 4, 0x7fe00008, 0xffe007ff },     /* tw 31,rA,rB (trap) */
	  { 4, 0x7fe00088, 0xffe007ff } },   /* td 31,rA,rB */
	{ "r3", "r4", "r5", "r6", "r7", "r8" },
	{ { 4, 0x48000001, 0xfc000001 },     /* bl, bla */
	  { 4, 0x4c000421, 0xfc0007ff } },   /* bcctrl (bctrl) */
};

const struct ptc__arch_code *const ptc_arch_code[] = { &code64, NULL };

/* The number stays in r0: no register set of its own. */
const unsigned ptc_arch_sysnr_regset = 0;
