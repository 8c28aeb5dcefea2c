/*
 * dis.c (aarch64): which row of the disassembler's architecture table is
 * this CPU (the capstone mode of each CPU is in that table, lib/dis.c),
 * and how code makes a syscall here: svc #0 with the number in x8 and
 * the arguments in x0-x5.  Once the syscall is under way the kernel
 * keeps its number apart from the general registers, in the
 * NT_ARM_SYSTEM_CALL register set (x8 may have changed by then).
 */
#include <linux/audit.h>

#include <elf.h>
#include <string.h>

#include "internal.h"

#ifndef NT_ARM_SYSTEM_CALL
#define NT_ARM_SYSTEM_CALL 0x404
#endif

const char *
ptc_arch_dis_native(void)
{
	return "aarch64";
}

/* Number, then the six arguments. */
static const char *const regs64[] = { "x8", "x0", "x1", "x2", "x3", "x4",
    "x5" };

const char *const *
ptc_arch_syscall_regs(uint32_t arch)
{
	return arch == AUDIT_ARCH_AARCH64 ? regs64 : NULL;
}

bool
ptc_arch_insn_is_syscall(const char *disarch, const uint8_t *code,
    size_t size)
{
	/* svc #0: 0xd4000001, little-endian. */
	static const uint8_t svc0[] = { 0x01, 0x00, 0x00, 0xd4 };

	return size == sizeof(svc0) && strcmp(disarch, "aarch64") == 0 &&
	    memcmp(code, svc0, sizeof(svc0)) == 0;
}

bool
ptc_arch_insn_is_breakpoint(const char *disarch, const uint8_t *code,
    size_t size)
{
	uint32_t w;

	if (size != 4 || strcmp(disarch, "aarch64") != 0)
		return false;
	w = (uint32_t)code[0] | (uint32_t)code[1] << 8 |
	    (uint32_t)code[2] << 16 | (uint32_t)code[3] << 24;
	return (w & 0xffe0001f) == 0xd4200000;  /* brk #imm16 */
}

const unsigned ptc_arch_sysnr_regset = NT_ARM_SYSTEM_CALL;
