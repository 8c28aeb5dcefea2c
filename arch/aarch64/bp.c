/*
 * bp.c: the aarch64 software breakpoint, brk #0 (0xd4200000, stored
 * little-endian).  Every instruction is four bytes, so it covers exactly
 * one; it traps with TRAP_BRKPT and leaves the pc on itself.
 */
#include <signal.h>
#include <stddef.h>

#include "internal.h"

const unsigned char ptc_arch_bp_insn[] = { 0x00, 0x00, 0x20, 0xd4 };
const size_t ptc_arch_bp_len = sizeof(ptc_arch_bp_insn);
const size_t ptc_arch_bp_pc_adjust = 0;
const int ptc_arch_bp_si_code = TRAP_BRKPT;
