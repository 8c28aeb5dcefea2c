# step: tracees for ptstep/ptregs.  step-asm has no libc: every
# instruction it runs is written in it, at fixed addresses.
$(B)/targets/step-asm: TGT_CFLAGS += -nostdlib -static -fno-pie -no-pie
