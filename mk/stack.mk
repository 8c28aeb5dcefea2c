# stack: stack-chain built without DWARF too, for ptstack's fallback to
# addresses and symbols.
TARGETS_EXTRA += $(B)/targets/stack-chain-nodebug
$(B)/targets/stack-chain-nodebug: tests/targets/stack-chain.c
	@mkdir -p $(dir $@)
	$(CC) $(TGT_CFLAGS) -g0 -o $@ $<
# and without call frame information for its own code (the C library's
# stays): unwinding falls back to frame pointers.
TARGETS_EXTRA += $(B)/targets/stack-chain-nocfi
$(B)/targets/stack-chain-nocfi: tests/targets/stack-chain.c
	@mkdir -p $(dir $@)
	$(CC) $(TGT_CFLAGS) -g0 -fno-asynchronous-unwind-tables -fno-unwind-tables -o $@ $<
