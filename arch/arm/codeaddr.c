/*
 * codeaddr.c: an arm code pointer (an entry point, a function pointer)
 * has bit 0 set for Thumb code; the instruction is at the even address.
 */
#include "internal.h"

uint64_t
ptc_arch_code_addr(uint64_t ptr)
{
	return ptr & ~(uint64_t)1;
}
