# Symbols and address expressions: libFuzzer targets for the expression
# parser and the ELF reader.  `make fuzz` builds them with clang into
# $(B)/fuzz/; run e.g. `build/fuzz/fuzz_elf -max_total_time=60 DIR`
# with a directory of ELF files as seeds.
FUZZ_CC    ?= clang
FUZZ_FLAGS  = -g -O1 -fsanitize=fuzzer,address,undefined
FUZZ_SYM    = $(B)/fuzz/fuzz_addr $(B)/fuzz/fuzz_elf

.PHONY: fuzz-sym
fuzz: fuzz-sym
fuzz-sym: $(FUZZ_SYM)

$(B)/fuzz/fuzz_addr: tests/fuzz/fuzz_addr.c lib/addr.c lib/err.c lib/ptcore.h lib/internal.h
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(CPPFLAGS) -std=c11 $(FUZZ_FLAGS) $(PKG_CFLAGS) -o $@ \
	    tests/fuzz/fuzz_addr.c lib/addr.c lib/err.c $(PKG_LIBS) -lpthread

$(B)/fuzz/fuzz_elf: tests/fuzz/fuzz_elf.c lib/elf.c lib/err.c lib/ptcore.h lib/internal.h
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(CPPFLAGS) -std=c11 $(FUZZ_FLAGS) $(PKG_CFLAGS) -o $@ \
	    tests/fuzz/fuzz_elf.c lib/elf.c lib/err.c $(PKG_LIBS) -lpthread
