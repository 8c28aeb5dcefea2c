/*
 * dis.c (x86_64): how code makes a syscall and traps here, as data that
 * lib/dis.c reads: syscall with the number in rax and the arguments in
 * rdi, rsi, rdx, r10, r8, r9.  A 64-bit process may run 32-bit code, so
 * the i386 ways (arch/x86/code32.c) are known too.
 */
#include <linux/audit.h>

#include "internal.h"
#include "x86.h"

static const struct ptc__arch_code code64 = {
	"x86_64", AUDIT_ARCH_X86_64,
	{ "rax", "rdi", "rsi", "rdx", "r10", "r8", "r9" },
	{ { 2, 0x050f, 0xffff } },   /* syscall */
	{ { 1, 0xcc, 0xff },         /* int3 */
	  { 2, 0x03cd, 0xffff } },   /* int 3 */
	{ "rdi", "rsi", "rdx", "rcx", "r8", "r9" },  /* System V calls */
};

const struct ptc__arch_code *const ptc_arch_code[] = {
	&code64, &ptc__x86_code32, NULL
};

/* The syscall number is in orig_rax, inside the general block. */
const unsigned ptc_arch_sysnr_regset = 0;
