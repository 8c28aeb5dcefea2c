# x86: code shared by the x86_64 and i386 builds lives in arch/x86/
# (the fault decoder, the i386 register table, flag decoding): the
# x86_64 build needs the 32-bit side too, for 32-bit programs.  Both
# compile its sources into the library and find its headers with
# -Iarch/x86, so neither arch directory reaches into the other (no
# "../i386/" includes).  What one mode needs differently (word size,
# address width, segment bases) is a parameter of the shared code.
# GEN_SRC is the Makefile's one list of extra library sources; these
# are not generated, and are compiled from where they are.
ifneq ($(filter x86_64 i386,$(ARCH)),)
CPPFLAGS += -Iarch/x86
GEN_SRC += $(wildcard arch/x86/*.c)
endif
