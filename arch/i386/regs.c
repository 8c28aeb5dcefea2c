/*
 * regs.c: the i386 general registers as offsets into the 32-bit struct
 * user_regs_struct, with their 16- and 8-bit parts.
 */
#include <sys/user.h>

#include <stddef.h>
#include <string.h>

#include "internal.h"

#define R(n, f, sz, sh) { n, offsetof(struct user_regs_struct, f), sz, sh }
#define GPR(d, w, l, h, f) \
	R(d, f, 4, 0), R(w, f, 2, 0), R(l, f, 1, 0), R(h, f, 1, 8)
#define IDX(d, w, f) R(d, f, 4, 0), R(w, f, 2, 0)

static const struct ptc_arch_reg regs[] = {
	GPR("eax", "ax", "al", "ah", eax),
	GPR("ebx", "bx", "bl", "bh", ebx),
	GPR("ecx", "cx", "cl", "ch", ecx),
	GPR("edx", "dx", "dl", "dh", edx),
	IDX("esi", "si", esi), IDX("edi", "di", edi),
	IDX("ebp", "bp", ebp), IDX("esp", "sp", esp),
	R("eip", eip, 4, 0), R("eflags", eflags, 4, 0),
	R("orig_eax", orig_eax, 4, 0),
	R("cs", xcs, 2, 0), R("ss", xss, 2, 0), R("ds", xds, 2, 0),
	R("es", xes, 2, 0), R("fs", xfs, 2, 0), R("gs", xgs, 2, 0),
};

const size_t ptc_arch_gregs_size = sizeof(struct user_regs_struct);
const char ptc_arch_pc_name[] = "eip";
const char ptc_arch_sp_name[] = "esp";

const struct ptc_arch_reg *
ptc_arch_reg_find(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(regs) / sizeof(regs[0]); i++)
		if (strcmp(regs[i].name, name) == 0)
			return &regs[i];
	return NULL;
}
