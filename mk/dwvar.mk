# dwvar: dw-opt is built optimised, so that its debug information
# holds values the compiler kept only there and variables it dropped.
$(B)/targets/dw-opt: TGT_CFLAGS += -O2
