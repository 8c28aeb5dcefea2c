/*
 * dis.c (i386): the code this CPU runs is 32-bit x86 code, whose
 * syscall and trap instructions arch/x86/code32.c describes for both x86
 * builds.
 */
#include "internal.h"
#include "x86.h"

const struct ptc__arch_code *const ptc_arch_code[] = {
	&ptc__x86_code32, NULL
};

/* The syscall number is in orig_eax, inside the general block. */
const unsigned ptc_arch_sysnr_regset = 0;
