# stack: stack-chain built without DWARF too, for ptstack's fallback to
# addresses and symbols.
TARGETS_EXTRA += $(B)/targets/stack-chain-nodebug
$(B)/targets/stack-chain-nodebug: tests/targets/stack-chain.c
	@mkdir -p $(dir $@)
	$(CC) $(TGT_CFLAGS) -g0 -o $@ $<
