/*
 * nextpc.c: the kernel single-steps every instruction on this CPU but
 * one.  Returning from a syscall made with scv (the vectored call,
 * 0x44000001 with its level in bits 5-11) does not raise the trace
 * interrupt before the next instruction, so a PTRACE_SINGLESTEP over it
 * runs that instruction too.  There the step is made by a breakpoint
 * on the instruction after the scv, the one place it can return to;
 * everywhere else the kernel steps (0).
 */
#include <stdint.h>
#include <string.h>

#include "internal.h"

/* Primary opcode 17, the low two bits 01: scv LEV (10 is sc). */
#define SCV_MASK 0xfc000003u
#define SCV_BITS 0x44000001u

int
ptc_arch_next_pcs(pid_t pid, const struct ptc_regs *r,
    struct ptc__next out[2])
{
	unsigned char code[4];
	uint64_t pc = 0, msr = 0;
	uint32_t insn;

	if (ptc_regs_get(r, "nip", &pc) != 0 ||
	    ptc_regs_get(r, "msr", &msr) != 0)
		return -1;
	/* a big-endian or 32-bit task: the kernel steps it */
	if ((msr & 1) == 0 || (msr >> 63) == 0)
		return 0;
	if (ptc_mem_read(pid, pc, code, sizeof(code), PTC_MEM_AUTO) !=
	    (ssize_t)sizeof(code))
		return 0;
	insn = (uint32_t)code[0] | (uint32_t)code[1] << 8 |
	    (uint32_t)code[2] << 16 | (uint32_t)code[3] << 24;
	if ((insn & SCV_MASK) != SCV_BITS)
		return 0;
	out[0].addr = pc + 4;
	out[0].insn = ptc_arch_bp_insn;
	out[0].len = ptc_arch_bp_len;
	return 1;
}
