/*
 * dis.c (i386): which row of the disassembler's architecture table is
 * this CPU.  The capstone mode of each CPU is in that table (lib/dis.c).
 */
#include "internal.h"

const char *
ptc_arch_dis_native(void)
{
	return "i386";
}
