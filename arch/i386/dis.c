/*
 * dis.c (i386): which row of the disassembler's architecture table is
 * this CPU (the capstone mode of each CPU is in that table, lib/dis.c),
 * and how code makes a syscall here: the instruction (int 0x80, or
 * sysenter through the vDSO) and the registers of its number and
 * arguments.
 */
#include <linux/audit.h>

#include <string.h>

#include "internal.h"

const char *
ptc_arch_dis_native(void)
{
	return "i386";
}

/* Number, then the six arguments. */
static const char *const regs32[] = { "eax", "ebx", "ecx", "edx", "esi",
    "edi", "ebp" };

const char *const *
ptc_arch_syscall_regs(uint32_t arch)
{
	return arch == AUDIT_ARCH_I386 ? regs32 : NULL;
}

bool
ptc_arch_insn_is_syscall(const char *disarch, const uint8_t *code,
    size_t size)
{
	if (size != 2 || strcmp(disarch, "i386") != 0)
		return false;
	return (code[0] == 0xcd && code[1] == 0x80) ||  /* int 0x80 */
	    (code[0] == 0x0f && code[1] == 0x34);       /* sysenter */
}

bool
ptc_arch_insn_is_breakpoint(const char *disarch, const uint8_t *code,
    size_t size)
{
	if (strcmp(disarch, "i386") != 0)
		return false;
	return (size == 1 && code[0] == 0xcc) ||                   /* int3 */
	    (size == 2 && code[0] == 0xcd && code[1] == 0x03);     /* int 3 */
}

/* The syscall number is in orig_eax, inside the general block. */
const unsigned ptc_arch_sysnr_regset = 0;
