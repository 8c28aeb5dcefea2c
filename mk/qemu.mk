# Cross builds and test runs under qemu: `make check-qemu ARCH=aarch64`
# and `make check-qemu ARCH=i386` (tests/qemu/run.sh does the work and
# explains the layout of build-qemu/).

# Included before the main rules: keep "all" the default goal.
.DEFAULT_GOAL := all

# Syscall tables of the other CPUs: numbers from arch/CPU/syscalls.nr,
# descriptions from the x86_64 table by name (mk/qemu-sctbl.awk), then
# C as mk/sc.mk makes it.  An x86_64 build also carries the i386 table,
# for 32-bit tracees (drop that line once mk/sc.mk lists i386 in
# SC_ARCHES_x86_64).  lib/syscall.c knows which tables were built from
# the PTC_SC_<cpu> macros.
SC_ARCHES_aarch64 = aarch64
SC_ARCHES_i386    = i386
ifeq ($(ARCH),x86_64)
GEN_SRC += $(B)/gen/sc_i386.c
endif
CPPFLAGS += $(patsubst $(B)/gen/sc_%.c,-DPTC_SC_%,$(filter $(B)/gen/sc_%.c,$(GEN_SRC)))

$(B)/gen/sc_aarch64.c $(B)/gen/sc_i386.c: $(B)/gen/sc_%.c: arch/%/syscalls.nr \
    arch/x86_64/syscalls.tbl mk/qemu-sctbl.awk mk/scgen.awk
	@mkdir -p $(dir $@)
	awk -f mk/qemu-sctbl.awk arch/x86_64/syscalls.tbl arch/$*/syscalls.nr \
	    > $(B)/gen/syscalls-$*.tbl
	awk -v arch=$* -f mk/scgen.awk $(B)/gen/syscalls-$*.tbl > $@.tmp && mv $@.tmp $@

# Tracees written in x86_64 assembly have a version per CPU here; the
# rule for each is the same as tests/targets' (mk/step.mk adds its flags).
ifneq ($(ARCH),x86_64)
$(B)/targets/step-asm: tests/qemu/step-asm-$(ARCH).c
	@mkdir -p $(dir $@)
	$(CC) $(TGT_CFLAGS) -o $@ $<
endif

.PHONY: check-qemu qemu-build qemu-unit
check-qemu:
	@bash tests/qemu/run.sh $(ARCH)

# Building blocks for tests/qemu/run.sh: the tools and tracees, and the
# unit tests (linked separately, see there).  Second expansion, because
# the lists are defined by the main Makefile after this file is read.
.SECONDEXPANSION:
qemu-build: all $$(TGT_BIN)
qemu-unit: $$(UNIT_BIN)
