/*
 * codeaddr.c: a code pointer is the address of the code it points to
 * (a CPU where it also carries the instruction set, arm, has its own).
 */
#include "internal.h"

uint64_t
ptc_arch_code_addr(uint64_t ptr)
{
	return ptr;
}
