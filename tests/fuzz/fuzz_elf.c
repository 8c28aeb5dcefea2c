/*
 * fuzz_elf: libFuzzer target for the ELF reader (lib/elf.c): open the
 * input as an ELF image and use everything it offers.  Built by
 * `make fuzz` into $(B)/fuzz/; seed it with real binaries.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ptcore.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ptc_elf *e = ptc_elf_open_mem(data, size);
	struct ptc_sym s;
	unsigned char buf[64];
	const void *d;
	uint64_t a, z;
	size_t i, n;
	int cov;

	if (e == NULL)
		return 0;
	(void)ptc_elf_machine(e);
	(void)ptc_elf_class(e);
	(void)ptc_elf_type(e);
	(void)ptc_elf_big_endian(e);
	(void)ptc_elf_sym_byname(e, "main", &s);
	n = ptc_elf_nsyms(e);
	for (i = 0; i < n && i < 4096; i++) {
		if (ptc_elf_sym_at(e, i, &s) != 0)
			abort();
		(void)strlen(s.name);
		(void)ptc_elf_sym_byname(e, s.name, &s);
		(void)ptc_elf_sym_find(e, s.value + s.size / 2, &s, &cov);
		(void)ptc_elf_read(e, s.value, buf, sizeof(buf));
	}
	(void)ptc_elf_section(e, ".text", &d, &a, &z);
	(void)ptc_elf_section(e, ".gnu_debuglink", &d, &a, &z);
	(void)ptc_elf_read(e, 0, buf, sizeof(buf));
	(void)ptc_elf_bias(e, 0x400000, 0, &a);
	(void)ptc_elf_load_range(e, &a, &z);
	(void)ptc_elf_build_id(e, &d, &z);
	(void)ptc_elf_debuglink(e);
	ptc_elf_close(e);
	return 0;
}
