/*
 * dis.c (x86_64): which row of the disassembler's architecture table is
 * this CPU (the capstone mode of each CPU is in that table, lib/dis.c),
 * and how code makes a syscall here: the instruction and the registers
 * of its number and arguments.  A 64-bit process may run 32-bit code,
 * so the i386 ways are known too.
 */
#include <linux/audit.h>

#include <string.h>

#include "internal.h"

const char *
ptc_arch_dis_native(void)
{
	return "x86_64";
}

/* Number, then the six arguments. */
static const char *const regs64[] = { "rax", "rdi", "rsi", "rdx", "r10",
    "r8", "r9" };
/* The 32-bit names are parts of the 64-bit registers, or registers of a
 * 32-bit register table: the same names either way. */
static const char *const regs32[] = { "eax", "ebx", "ecx", "edx", "esi",
    "edi", "ebp" };

const char *const *
ptc_arch_syscall_regs(uint32_t arch)
{
	if (arch == AUDIT_ARCH_X86_64)
		return regs64;
	if (arch == AUDIT_ARCH_I386)
		return regs32;
	return NULL;
}

bool
ptc_arch_insn_is_syscall(const char *disarch, const uint8_t *code,
    size_t size)
{
	if (size != 2)
		return false;
	if (strcmp(disarch, "x86_64") == 0)
		return code[0] == 0x0f && code[1] == 0x05;     /* syscall */
	if (strcmp(disarch, "i386") == 0)
		return (code[0] == 0xcd && code[1] == 0x80) || /* int 0x80 */
		    (code[0] == 0x0f && code[1] == 0x34);      /* sysenter */
	return false;
}

bool
ptc_arch_insn_is_breakpoint(const char *disarch, const uint8_t *code,
    size_t size)
{
	if (strcmp(disarch, "x86_64") != 0 && strcmp(disarch, "i386") != 0)
		return false;
	return (size == 1 && code[0] == 0xcc) ||                   /* int3 */
	    (size == 2 && code[0] == 0xcd && code[1] == 0x03);     /* int 3 */
}

/* The syscall number is in orig_rax, inside the general block. */
const unsigned ptc_arch_sysnr_regset = 0;
