/*
 * bp.c: the 64-bit PowerPC software breakpoint, trap (tw 31,0,0:
 * 0x7fe00008, stored little-endian).  Every instruction is four bytes,
 * so it covers exactly one; it raises a program check that the kernel
 * reports as SIGTRAP with TRAP_BRKPT, the pc (nip) left on the trap.
 */
#include <signal.h>
#include <stddef.h>

#include "internal.h"

const unsigned char ptc_arch_bp_insn[] = { 0x08, 0x00, 0xe0, 0x7f };
const size_t ptc_arch_bp_len = sizeof(ptc_arch_bp_insn);
const size_t ptc_arch_bp_pc_adjust = 0;
const int ptc_arch_bp_si_code = TRAP_BRKPT;
