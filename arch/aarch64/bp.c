/*
 * bp.c: the aarch64 software breakpoint, brk #0 (0xd4200000, stored
 * little-endian).  Every instruction is four bytes, so it covers exactly
 * one; after its trap the pc still points at it.
 */
#include <stddef.h>

#include "internal.h"

const unsigned char ptc_arch_bp_insn[] = { 0x00, 0x00, 0x20, 0xd4 };
const size_t ptc_arch_bp_len = sizeof(ptc_arch_bp_insn);
const size_t ptc_arch_bp_pc_adjust = 0;
