# Cross builds and test runs under qemu: `make check-qemu ARCH=aarch64`,
# `make check-qemu ARCH=i386` and `make check-qemu ARCH=arm`
# (tests/qemu/run.sh does the work and explains the layout of
# build-qemu/).

# Included before the main rules: keep "all" the default goal.
.DEFAULT_GOAL := all

# The syscall tables of every CPU are generated at build time from
# arch/CPU/syscalls.nr (mk/sc.mk); check-qemu compares those numbers
# with the cross toolchain's kernel headers first.

# lib/xlat entries of one CPU's ABI carry a CPU tag (mk/xlatgen.awk).
ifeq ($(ARCH),i386)
# /proc/PID/mem offsets are addresses: above 2 GiB they need a 64-bit off_t.
CPPFLAGS += -D_FILE_OFFSET_BITS=64
endif
ifeq ($(ARCH),arm)
# The same on 32-bit arm, whose processes reach 3 GiB.
CPPFLAGS += -D_FILE_OFFSET_BITS=64
endif

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

# Building blocks for tests/qemu/run.sh, qemu-build (the tools and
# tracees) and qemu-unit (the unit tests, linked separately, see there),
# are at the end of the Makefile: they need its lists.
