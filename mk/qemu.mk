# Cross builds and test runs under qemu: `make check-qemu ARCH=aarch64`
# and `make check-qemu ARCH=i386` (tests/qemu/run.sh does the work and
# explains the layout of build-qemu/).

# Included before the main rules: keep "all" the default goal.
.DEFAULT_GOAL := all

# The syscall tables of the CPUs this file brings (arch/CPU/syscalls.tbl,
# turned into C by mk/sc.mk).  An x86_64 build also needs the i386 table
# to decode 32-bit tracees; that line belongs in mk/sc.mk.
SC_ARCHES_aarch64 = aarch64
SC_ARCHES_i386    = i386

.PHONY: check-qemu qemu-build qemu-unit
check-qemu:
	@bash tests/qemu/run.sh $(ARCH)

# Building blocks for tests/qemu/run.sh: the tools and tracees, and the
# unit tests (linked separately, see there).  Second expansion, because
# the lists are defined by the main Makefile after this file is read.
.SECONDEXPANSION:
qemu-build: all $$(TGT_BIN)
qemu-unit: $$(UNIT_BIN)
