/*
 * fuzz_elf.c: the ELF reader on malformed and truncated files: open
 * from memory, walk every symbol, look symbols up by name and address,
 * read sections and loaded bytes, build-id, debuglink and load bias.
 */
#include <stdio.h>

#include "ptcore.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const secs[] = { ".text", ".data", ".bss",
	    ".symtab", ".dynsym", ".gnu_debuglink", "", ".shstrtab" };
	struct ptc_elf *e;
	struct ptc_sym sym;
	const void *p;
	uint64_t a, sz, lo, hi, bias;
	unsigned char buf[256];
	size_t i, n, idlen;
	int covered;

	if (size > (1u << 20))
		return 0;
	e = ptc_elf_open_mem(data, size);
	if (e == NULL)
		return 0;
	(void)ptc_elf_machine(e);
	(void)ptc_elf_class(e);
	(void)ptc_elf_type(e);
	(void)ptc_elf_big_endian(e);
	(void)ptc_elf_has_symtab(e);
	n = ptc_elf_nsyms(e);
	for (i = 0; i < n && i < 4096; i++) {
		if (ptc_elf_sym_at(e, i, &sym) != 0)
			continue;
		FZ_CHECK(sym.name != NULL);
		(void)strlen(sym.name);
		if (i % 7 == 0 && ptc_elf_sym_byname(e, sym.name, &sym) == 0)
			FZ_CHECK(sym.name != NULL);
		(void)ptc_elf_sym_find(e, sym.value + sym.size / 2, &sym,
		    &covered);
		(void)ptc_elf_sym_byaddr(e, sym.value, &sym);
		(void)ptc_elf_read(e, sym.value, buf, sizeof(buf));
	}
	FZ_CHECK(ptc_elf_sym_at(e, n, &sym) != 0);
	(void)ptc_elf_sym_byname(e, "main", &sym);
	(void)ptc_elf_sym_byname(e, "memcpy", &sym);
	(void)ptc_elf_sym_byaddr(e, 0, &sym);
	(void)ptc_elf_sym_byaddr(e, UINT64_MAX, &sym);
	for (i = 0; i < sizeof(secs) / sizeof(secs[0]); i++)
		if (ptc_elf_section(e, secs[i], &p, &a, &sz) == 0 && sz > 0)
			FZ_CHECK(p != NULL);
	if (ptc_elf_load_range(e, &lo, &hi) == 0) {
		(void)ptc_elf_read(e, lo, buf, sizeof(buf));
		(void)ptc_elf_read(e, hi - 1, buf, 1);
		(void)ptc_elf_read(e, hi - 8, buf, 64);
	}
	(void)ptc_elf_read(e, UINT64_MAX - 3, buf, 8);
	if (ptc_elf_build_id(e, &p, &idlen) == 0 && idlen > 0)
		FZ_CHECK(p != NULL);
	(void)ptc_elf_debuglink(e);
	(void)ptc_elf_bias(e, 0x555555554000, 0, &bias);
	(void)ptc_elf_bias(e, 0x400000, 0x1000, &bias);
	ptc_elf_close(e);
	return 0;
}
