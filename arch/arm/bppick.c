/*
 * bppick.c: the arm breakpoint for an address, ARM or Thumb, by the
 * instruction set the stopped task runs (the T bit of its cpsr).  The
 * code of a Debian armhf program and its libraries is Thumb-2 all
 * through, so a breakpoint set anywhere in it takes the task's own
 * state; a process that mixes both sets (hand-written ARM code called
 * from Thumb) gets the instruction of the state it is stopped in.
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

	(void)addr;
	*insn = ptc_arch_bp_insn;
	if (ptc_os_getregs(pid, regs, sizeof(regs)) == (int)sizeof(regs) &&
	    (regs[ARM_CPSR] & ARM_CPSR_T)) {
		*insn = thumb_bp;
		return sizeof(thumb_bp);
	}
	return ptc_arch_bp_len;
}
