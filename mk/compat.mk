# compat: static 32-bit x86 programs as tracees, for the register
# views of 32-bit tasks (the _32 tests of tests/unit/test_regs.c) and
# syscall tampering in them.  An x86_64 build makes them with -m32
# where the compiler can; without a 32-bit C library those tests skip.
ifeq ($(ARCH),x86_64)
COMPAT_M32 = -m32
endif
ifneq ($(filter x86_64 i386,$(ARCH)),)
TARGETS_EXTRA += $(B)/targets/static32
$(B)/targets/static32: tests/qemu/static32.c
	@mkdir -p $(dir $@)
	@$(CC) $(COMPAT_M32) -static -O0 -g -o $@ $< 2>/dev/null || \
	    echo "compat: no 32-bit static C library here; $@ not built"
# st-inject as a 32-bit program: -e inject= on the i386 ABI of a 64-bit
# kernel (tests/ptstrace-inject.bats).
TARGETS_EXTRA += $(B)/targets/st-inject32
$(B)/targets/st-inject32: tests/targets/st-inject.c
	@mkdir -p $(dir $@)
	@$(CC) $(COMPAT_M32) -static -O1 -o $@ $< 2>/dev/null || \
	    echo "compat: no 32-bit static C library here; $@ not built"
endif
