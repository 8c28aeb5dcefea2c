/*
 * regs.c: the aarch64 general registers as offsets into struct
 * user_regs_struct (x0-x30, sp, pc, pstate), with the 32-bit w views
 * and the procedure-call aliases fp and lr.
 */
#include <sys/user.h>

#include <stddef.h>
#include <string.h>

#include "internal.h"

#define R(n, f, sz) { n, offsetof(struct user_regs_struct, f), sz, 0 }
#define X(i) R("x" #i, regs[i], 8), R("w" #i, regs[i], 4)

static const struct ptc_arch_reg regs[] = {
	X(0), X(1), X(2), X(3), X(4), X(5), X(6), X(7),
	X(8), X(9), X(10), X(11), X(12), X(13), X(14), X(15),
	X(16), X(17), X(18), X(19), X(20), X(21), X(22), X(23),
	X(24), X(25), X(26), X(27), X(28), X(29), X(30),
	R("fp", regs[29], 8), R("lr", regs[30], 8),
	R("sp", sp, 8), R("wsp", sp, 4),
	R("pc", pc, 8),
	R("pstate", pstate, 8), R("cpsr", pstate, 4),
};

const size_t ptc_arch_gregs_size = sizeof(struct user_regs_struct);
const char ptc_arch_pc_name[] = "pc";
const char ptc_arch_sp_name[] = "sp";

const struct ptc_arch_reg *
ptc_arch_reg_find(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(regs) / sizeof(regs[0]); i++)
		if (strcmp(regs[i].name, name) == 0)
			return &regs[i];
	return NULL;
}
