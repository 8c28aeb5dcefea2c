/*
 * bp.c: the x86 software breakpoint, for x86_64 and i386 alike.  int3 is
 * one byte, so it fits over any instruction; after its trap the pc is
 * one past it.
 */
#include <signal.h>
#include <stddef.h>

#include "internal.h"

const unsigned char ptc_arch_bp_insn[] = { 0xcc };
const size_t ptc_arch_bp_len = sizeof(ptc_arch_bp_insn);
const size_t ptc_arch_bp_pc_adjust = 1;

/*
 * int3 (and int 3) trap with SI_KERNEL.  A single step ends with
 * TRAP_TRACE (TRAP_HWBKPT from a debug register).  The SIGTRAP at the
 * new program's first instruction after an exec says TRAP_BRKPT: no
 * instruction ran, and no breakpoint either.
 */
enum ptc__trap
ptc_arch_trap_kind(const siginfo_t *si)
{
	switch (si->si_code) {
	case SI_KERNEL:
		return PTC__TRAP_BREAK;
	case TRAP_TRACE:
	case TRAP_HWBKPT:
		return PTC__TRAP_STEP;
	case SI_USER:
		return PTC__TRAP_SYSCALL;
	default:
		return PTC__TRAP_OTHER;
	}
}
