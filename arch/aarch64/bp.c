/*
 * bp.c: the aarch64 software breakpoint, brk #0 (0xd4200000, stored
 * little-endian).  Every instruction is four bytes, so it covers exactly
 * one; after its trap the pc still points at it.
 */
#include <signal.h>
#include <stddef.h>

#include "internal.h"

const unsigned char ptc_arch_bp_insn[] = { 0x00, 0x00, 0x20, 0xd4 };
const size_t ptc_arch_bp_len = sizeof(ptc_arch_bp_insn);
const size_t ptc_arch_bp_pc_adjust = 0;

/*
 * brk traps with TRAP_BRKPT.  A single step ends with TRAP_TRACE
 * (TRAP_HWBKPT on old kernels); a step over svc has no report of its
 * own and looks like a kill() from nobody (SI_USER), at the syscall's
 * exit, with the pc after it or, when the exception return did not
 * leave the step armed, still there.
 */
enum ptc__trap
ptc_arch_trap_kind(const siginfo_t *si)
{
	switch (si->si_code) {
	case TRAP_BRKPT:
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
