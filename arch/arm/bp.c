/*
 * bp.c: the arm software breakpoints, the undefined instructions the
 * kernel reserves for them: 0xe7f001f0 in ARM code (four bytes, stored
 * little-endian) and 0xde01 in Thumb code (two bytes, which also cover
 * the first half of a 32-bit Thumb-2 instruction).  Both trap with
 * TRAP_BRKPT and leave the pc on the breakpoint.  ptc_arch_bp_insn is
 * the ARM one; bppick.c chooses per address.
 */
#include <signal.h>
#include <stddef.h>

#include "internal.h"

const unsigned char ptc_arch_bp_insn[] = { 0xf0, 0x01, 0xf0, 0xe7 };
const size_t ptc_arch_bp_len = sizeof(ptc_arch_bp_insn);
const size_t ptc_arch_bp_pc_adjust = 0;
const int ptc_arch_bp_si_code = TRAP_BRKPT;
