/*
 * insn1.c: one instruction decoded for explaining a fault, the part of
 * ptc_arch_insn_access() that is the same on every CPU (capstone set
 * up in detail mode, the instruction's length and text).
 */
#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "generic.h"

cs_insn *
ptc__access_begin(cs_arch arch, cs_mode mode, const void *code, size_t len,
    uint64_t pc, csh *h, struct ptc__access *a)
{
	cs_insn *insn = NULL;

	memset(a, 0, sizeof(*a));
	if (cs_open(arch, mode, h) != CS_ERR_OK)
		return NULL;
	cs_option(*h, CS_OPT_DETAIL, CS_OPT_ON);
	if (cs_disasm(*h, code, len, pc, 1, &insn) != 1) {
		cs_close(h);
		return NULL;
	}
	a->len = insn->size;
	snprintf(a->text, sizeof(a->text), "%s%s%s", insn->mnemonic,
	    insn->op_str[0] ? " " : "", insn->op_str);
	return insn;
}

void
ptc__access_end(csh *h, cs_insn *insn)
{
	cs_free(insn, 1);
	cs_close(h);
}
