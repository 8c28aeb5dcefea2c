/*
 * generic.h: helpers of the CPU layer that are the same on every CPU
 * (arch/generic/, found after arch/CPU/ and the family's directory; see
 * the Makefile).  Each CPU keeps what differs, its tables and its
 * reading of an instruction's operands, and calls these for the rest.
 */
#ifndef PTC_ARCH_GENERIC_H
#define PTC_ARCH_GENERIC_H

#include <capstone/capstone.h>

#include <stddef.h>
#include <stdint.h>

struct ptc__access;

/* One named bit of a flags register; a table ends with a NULL name. */
struct ptc__flagname {
	unsigned bit;
	const char *name;
};

/*
 * A flags register as the register views decode it: "[ NAME... EXTRA ]",
 * the names of the bits of v that table f lists, in its order, then
 * extra (fields that are not single bits, " RC=zero"; may be NULL),
 * into buf of len bytes, cut to fit.  Returns 0, the decode result.
 */
int ptc__flagbits(char *buf, size_t len, const struct ptc__flagname *f,
    uint64_t v, const char *extra);

/*
 * The start of every ptc_arch_insn_access(): clear a, disassemble the
 * one instruction at code (address pc) with capstone in detail mode for
 * arch and mode, and set a->len and a->text.  The instruction, whose
 * operands the caller reads, or NULL if the bytes do not decode (or
 * capstone fails); *h is then closed.  ptc__access_end() frees both.
 */
cs_insn *ptc__access_begin(cs_arch arch, cs_mode mode, const void *code,
    size_t len, uint64_t pc, csh *h, struct ptc__access *a);
void ptc__access_end(csh *h, cs_insn *insn);

#endif
