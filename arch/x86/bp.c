/*
 * bp.c: the x86 software breakpoint, for x86_64 and i386 alike.  int3 is
 * one byte, so it fits over any instruction; it traps with SI_KERNEL
 * (int 3 too) and leaves the pc one past it.
 */
#include <signal.h>
#include <stddef.h>

#include "internal.h"

const unsigned char ptc_arch_bp_insn[] = { 0xcc };
const size_t ptc_arch_bp_len = sizeof(ptc_arch_bp_insn);
const size_t ptc_arch_bp_pc_adjust = 1;
const int ptc_arch_bp_si_code = SI_KERNEL;
