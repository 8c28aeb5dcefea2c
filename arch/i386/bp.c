/*
 * bp.c: the i386 software breakpoint.  int3 is one byte, so it fits
 * over any instruction; after its trap the pc is one past it.
 */
#include <stddef.h>

#include "internal.h"

const unsigned char ptc_arch_bp_insn[] = { 0xcc };
const size_t ptc_arch_bp_len = sizeof(ptc_arch_bp_insn);
const size_t ptc_arch_bp_pc_adjust = 1;
