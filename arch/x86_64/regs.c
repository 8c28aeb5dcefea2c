/*
 * regs.c: the x86_64 general registers as offsets into
 * struct user_regs_struct, with their 32-, 16- and 8-bit parts.
 */
#include <sys/user.h>

#include <stddef.h>
#include <string.h>

#include "internal.h"

#define R(n, f, sz, sh) { n, offsetof(struct user_regs_struct, f), sz, sh }
#define GPR(q, d, w, l, f) \
	R(q, f, 8, 0), R(d, f, 4, 0), R(w, f, 2, 0), R(l, f, 1, 0)

static const struct ptc_arch_reg regs[] = {
	GPR("rax", "eax", "ax", "al", rax),
	GPR("rbx", "ebx", "bx", "bl", rbx),
	GPR("rcx", "ecx", "cx", "cl", rcx),
	GPR("rdx", "edx", "dx", "dl", rdx),
	GPR("rsi", "esi", "si", "sil", rsi),
	GPR("rdi", "edi", "di", "dil", rdi),
	GPR("rbp", "ebp", "bp", "bpl", rbp),
	GPR("rsp", "esp", "sp", "spl", rsp),
	GPR("r8", "r8d", "r8w", "r8b", r8),
	GPR("r9", "r9d", "r9w", "r9b", r9),
	GPR("r10", "r10d", "r10w", "r10b", r10),
	GPR("r11", "r11d", "r11w", "r11b", r11),
	GPR("r12", "r12d", "r12w", "r12b", r12),
	GPR("r13", "r13d", "r13w", "r13b", r13),
	GPR("r14", "r14d", "r14w", "r14b", r14),
	GPR("r15", "r15d", "r15w", "r15b", r15),
	R("ah", rax, 1, 8), R("bh", rbx, 1, 8),
	R("ch", rcx, 1, 8), R("dh", rdx, 1, 8),
	R("rip", rip, 8, 0), R("eip", rip, 4, 0),
	R("rflags", eflags, 8, 0), R("eflags", eflags, 4, 0),
	R("orig_rax", orig_rax, 8, 0),
	R("cs", cs, 8, 0), R("ss", ss, 8, 0), R("ds", ds, 8, 0),
	R("es", es, 8, 0), R("fs", fs, 8, 0), R("gs", gs, 8, 0),
	R("fs_base", fs_base, 8, 0), R("gs_base", gs_base, 8, 0),
};

const size_t ptc_arch_gregs_size = sizeof(struct user_regs_struct);
const char ptc_arch_pc_name[] = "rip";
const char ptc_arch_sp_name[] = "rsp";

const struct ptc_arch_reg *
ptc_arch_reg_find(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(regs) / sizeof(regs[0]); i++)
		if (strcmp(regs[i].name, name) == 0)
			return &regs[i];
	return NULL;
}
