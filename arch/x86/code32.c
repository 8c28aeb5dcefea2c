/*
 * code32.c: how 32-bit x86 code makes a syscall and traps, for both
 * x86 builds: the i386 one runs only such code, the x86_64 one runs it
 * beside its own.  int 0x80 (or sysenter through the vDSO) with the
 * number in eax and the arguments in ebx, ecx, edx, esi, edi, ebp; int3
 * or int 3 traps.  The 32-bit names are parts of the 64-bit registers,
 * or registers of a 32-bit register table: the same names either way.
 */
#include <linux/audit.h>

#include "internal.h"
#include "x86.h"

const struct ptc__arch_code ptc__x86_code32 = {
	"i386", AUDIT_ARCH_I386,
	{ "eax", "ebx", "ecx", "edx", "esi", "edi", "ebp" },
	{ { 2, 0x80cd, 0xffff },     /* int 0x80 */
	  { 2, 0x340f, 0xffff } },   /* sysenter */
	{ { 1, 0xcc, 0xff },         /* int3 */
	  { 2, 0x03cd, 0xffff } },   /* int 3 */
	{ NULL },  /* cdecl: every argument on the stack */
};
