/*
 * fuzz_dis.c: the disassembler over random bytes for every
 * architecture ptc_dis_open() knows (first byte picks it, second the
 * syntax, then eight bytes of base address): every byte must be
 * accounted for, items 1..PTC_INSN_MAX long, text NUL-terminated.
 */
#include <stdio.h>

#include "ptcore.h"
#include "fuzz.h"

#define NDIS 64

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct ptc_dis *cache[NDIS][2];
	const char *const *names = ptc_dis_arch_names();
	struct fz z = { data, size };
	struct ptc_dis *d;
	struct ptc_insn in;
	const uint8_t *code;
	size_t nnames, len, total = 0, k, one;
	uint64_t addr, a0;
	unsigned pick, att;

	for (nnames = 0; names[nnames] != NULL && nnames < NDIS; nnames++)
		;
	if (nnames == 0 || size > 8192)
		return 0;
	pick = (unsigned)fz_take(&z, 1) % nnames;
	att = (unsigned)fz_take(&z, 1) & 1;
	a0 = addr = fz_take(&z, 8);
	d = cache[pick][att];
	if (d == NULL) {
		d = ptc_dis_open(names[pick], att ? PTC_DIS_ATT : 0);
		if (d == NULL)
			return 0; /* AT&T on a CPU other than x86 */
		cache[pick][att] = d;
	}
	code = z.p;
	len = z.n;
	while (len > 0) {
		memset(&in, 0xa5, sizeof(in));
		FZ_CHECK(ptc_dis_next(d, &code, &len, &addr, &in) == 1);
		FZ_CHECK(in.size >= 1 && in.size <= PTC_INSN_MAX);
		FZ_CHECK(memchr(in.mnemonic, 0, sizeof(in.mnemonic)) != NULL);
		FZ_CHECK(memchr(in.operands, 0, sizeof(in.operands)) != NULL);
		FZ_CHECK(memcmp(in.bytes, z.p + total, in.size) == 0);
		total += in.size;
		FZ_CHECK(addr == a0 + total);
		for (k = 0; k < 8; k++)
			if ((in.groups & (1u << k)) != 0)
				FZ_CHECK(ptc_dis_group_name(1u << k) != NULL);
	}
	FZ_CHECK(total == z.n);
	FZ_CHECK(ptc_dis_next(d, &code, &len, &addr, &in) == 0);
	one = ptc_dis_one(d, z.p, z.n, a0, &in);
	FZ_CHECK(one <= z.n && (z.n == 0 || one >= 1));
	return 0;
}
