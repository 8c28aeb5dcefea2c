/*
 * bppick.c: the arm breakpoint for an address, ARM or Thumb: by the
 * function symbol that covers the address in the file mapped there
 * (a Thumb function's value is odd), else by the instruction set the
 * stopped task runs (the T bit of its cpsr), which is right for code
 * without symbols in a program of one instruction set (a Debian armhf
 * program and its libraries are Thumb-2 but for a few hand-written
 * routines, such as the dynamic loader's first instructions).
 */
#include <stdint.h>
#include <string.h>

#include "arm.h"
#include "internal.h"

static const unsigned char thumb_bp[] = { 0x01, 0xde };

size_t
ptc_arch_bp_pick(pid_t pid, uint64_t addr, const unsigned char **insn)
{
	uint32_t regs[ARM_NGREGS];
	int thumb = ptc__thumb_at(pid, addr);

	*insn = ptc_arch_bp_insn;
	if (thumb < 0)
		thumb = ptc_os_getregs(pid, regs, sizeof(regs)) ==
		    (int)sizeof(regs) && (regs[ARM_CPSR] & ARM_CPSR_T);
	if (thumb) {
		*insn = thumb_bp;
		return sizeof(thumb_bp);
	}
	return ptc_arch_bp_len;
}
