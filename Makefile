# ptools: tools for looking into and changing live Linux processes.
# `make` builds libptcore.a and the tools, `make check` runs every test suite.

VERSION   = 0.1.0
PREFIX   ?= /usr/local
BINDIR   ?= $(PREFIX)/bin
LIBDIR   ?= $(PREFIX)/lib
INCDIR   ?= $(PREFIX)/include
MANDIR   ?= $(PREFIX)/share/man
DATADIR  ?= $(PREFIX)/share

ARCH     ?= $(shell uname -m)
# CPU code is looked up file by file: a file of arch/$(ARCH)/ replaces
# the file of the same name in the family's directory (arch/x86/ for
# x86_64 and i386: the 64-bit build also handles 32-bit programs), which
# replaces the one of arch/generic/ (code that is the same on every
# CPU, or a default such as "no other register layout").  Headers are
# found in the same order on the include path; a file names another by
# its name only, never by its directory.
ARCH_FAMILY = $(if $(filter x86_64 i386,$(ARCH)),x86)
ARCH_DIRS   = arch/$(ARCH) $(if $(ARCH_FAMILY),arch/$(ARCH_FAMILY)) arch/generic
# $(call arch_src,DIRS): the .c files of DIRS, each name from the first
# directory that has it.
arch_src = $(if $1,$(call arch_src,$(wordlist 2,$(words $1),$1),$2 \
	   $(filter-out $(addprefix %/,$(notdir $2)),$(wildcard $(firstword $1)/*.c))),$(strip $2))
OS       ?= linux
CC       ?= cc
CFLAGS   ?= -O2 -g
WARN      = -std=c11 -Wall -Wextra -Wshadow -Wno-missing-field-initializers
PKG_CONFIG ?= pkg-config
PKGS      = libbsd-overlay libelf libdw capstone
# STATIC=1 links the tools statically (for the qemu guests).
ifeq ($(STATIC),1)
PKG_STATIC = --static
LDFLAGS   += -static
endif
# A missing package is reported when something is compiled or linked
# (PKG_CHECK in the recipes), not while the Makefile is read: `make deps`
# must work on a machine that lacks them.
PKG_CFLAGS := $(shell $(PKG_CONFIG) --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell $(PKG_CONFIG) --libs $(PKG_STATIC) $(PKGS) 2>/dev/null)
PKG_ERR    := $(shell e=$$($(PKG_CONFIG) --print-errors --exists $(PKGS) 2>&1) || echo "$${e:-$(PKG_CONFIG) failed}")
PKG_CHECK   = $(if $(PKG_ERR),$(error cannot build, $(PKG_CONFIG) $(PKGS): $(PKG_ERR); `make deps` installs what is missing))
CPPFLAGS += -D_GNU_SOURCE -DPTC_VERSION='"$(VERSION)"' -Ilib $(addprefix -I,$(ARCH_DIRS)) -Ios/$(OS)

# SANITIZE=1 builds into build-san/ with ASan and UBSan; tracee programs
# in tests/targets are never sanitized.
ifeq ($(SANITIZE),1)
B        ?= build-san
SANFLAGS  = -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
else
B        ?= build
SANFLAGS  =
endif
ALL_CFLAGS  = $(WARN) $(CFLAGS) $(SANFLAGS) $(PKG_CFLAGS) -I$(B)/gen
ALL_LDFLAGS = $(LDFLAGS) $(SANFLAGS)
LIBS        = $(PKG_LIBS) -lpthread

# Fragments in mk/ add generated sources (GEN_SRC, under $(B)/gen), their
# headers (GEN_HDR, under $(B)/gen) and extra tracee build rules.
GEN_SRC :=
GEN_HDR :=
TARGETS_EXTRA :=
.DEFAULT_GOAL := all
# Generated sources are kept, not removed as intermediate files.
.SECONDARY:
include $(wildcard mk/*.mk)

LIB_SRC  = $(wildcard lib/*.c) $(call arch_src,$(ARCH_DIRS)) $(wildcard os/$(OS)/*.c)
LIB_OBJ  = $(patsubst %.c,$(B)/obj/%.o,$(LIB_SRC) $(GEN_SRC))
TOOLS    = $(basename $(notdir $(wildcard tools/*.c)))
TOOL_BIN = $(addprefix $(B)/bin/,$(TOOLS))
UNIT_SRC = $(wildcard tests/unit/test_*.c)
UNIT_BIN = $(patsubst tests/unit/%.c,$(B)/unit/%,$(UNIT_SRC))
TGT_SRC  = $(wildcard tests/targets/*.c)
NOPIE    = basic
TGT_BIN  = $(patsubst tests/targets/%.c,$(B)/targets/%,$(TGT_SRC)) \
	   $(patsubst %,$(B)/targets/%-nopie,$(NOPIE)) $(TARGETS_EXTRA)

.PHONY: FORCE all check run-check run-demo clean install uninstall bench demo deps lint fuzz
all: $(B)/libptcore.a $(TOOL_BIN) $(B)/ptcore.pc

$(B)/obj/%.o: %.c lib/ptcore.h $(GEN_HDR)
	$(PKG_CHECK)@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

$(B)/libptcore.a: $(LIB_OBJ)
	@rm -f $@
	$(AR) rcs $@ $^

# tools/common/ holds what every tool shares (options, --help, exit).
CLI_OBJ  = $(B)/obj/tools/common/cli.o
$(B)/bin/%: $(B)/obj/tools/%.o $(CLI_OBJ) $(B)/libptcore.a
	$(PKG_CHECK)@mkdir -p $(dir $@)
	$(CC) $(ALL_LDFLAGS) -o $@ $< $(CLI_OBJ) $(B)/libptcore.a $(LIBS)

$(B)/unit/%: tests/unit/%.c $(B)/libptcore.a
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) $(ALL_LDFLAGS) -o $@ $< $(B)/libptcore.a $(LIBS) -lcmocka

# Tracee programs: unoptimised, with symbols, never sanitized.  Those in
# NOPIE are also built as fixed-address executables, NAME-nopie.
TGT_CFLAGS = -std=gnu11 -O0 -g -fno-omit-frame-pointer -Wall -pthread
$(B)/targets/%-nopie: tests/targets/%.c
	@mkdir -p $(dir $@)
	$(CC) $(TGT_CFLAGS) -fno-pie -no-pie -o $@ $<
$(B)/targets/%: tests/targets/%.c
	@mkdir -p $(dir $@)
	$(CC) $(TGT_CFLAGS) -o $@ $<

# Remade on every run but only replaced when it changes, so a PREFIX
# given to `make install` reaches the installed file.
$(B)/ptcore.pc: ptcore.pc.in Makefile FORCE
	@mkdir -p $(dir $@)
	@sed -e 's|@PREFIX@|$(PREFIX)|; s|@LIBDIR@|$(LIBDIR)|; s|@INCDIR@|$(INCDIR)|; s|@VERSION@|$(VERSION)|' \
	    ptcore.pc.in > $@.new && \
	    if cmp -s $@.new $@; then rm -f $@.new; else mv $@.new $@; fi
FORCE:

# check and demo first install missing packages (as root) or say which.
check: deps
	@$(MAKE) --no-print-directory run-check
run-check: all $(UNIT_BIN) $(TGT_BIN)
	@B=$(B) sh tests/run.sh

deps:
	@sh tests/deps.sh

demo: deps
	@$(MAKE) --no-print-directory run-demo
run-demo: all $(TGT_BIN)
	@B=$(B) sh tests/demo.sh

bench: all $(TGT_BIN)
	@B=$(B) sh bench/run.sh

lint:
	@sh tests/lint.sh

# A man page or completion not written yet is skipped; one that fails to
# install fails the install.
install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(LIBDIR)/pkgconfig $(DESTDIR)$(INCDIR) \
	  $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man3 $(DESTDIR)$(MANDIR)/man7 \
	  $(DESTDIR)$(DATADIR)/bash-completion/completions $(DESTDIR)$(DATADIR)/zsh/site-functions \
	  $(DESTDIR)$(DATADIR)/fish/vendor_completions.d
	$(if $(TOOL_BIN),install -m 755 $(TOOL_BIN) $(DESTDIR)$(BINDIR))
	install -m 644 $(B)/libptcore.a $(DESTDIR)$(LIBDIR)
	install -m 644 lib/ptcore.h $(DESTDIR)$(INCDIR)
	install -m 644 $(B)/ptcore.pc $(DESTDIR)$(LIBDIR)/pkgconfig
	for s in 1 3 7; do for f in man/*.$$s; do \
	  [ ! -f "$$f" ] || install -m 644 "$$f" $(DESTDIR)$(MANDIR)/man$$s || exit 1; \
	done; done
	for t in $(TOOLS); do \
	  [ ! -f completions/bash/$$t ] || install -m 644 completions/bash/$$t $(DESTDIR)$(DATADIR)/bash-completion/completions || exit 1; \
	  [ ! -f completions/zsh/_$$t ] || install -m 644 completions/zsh/_$$t $(DESTDIR)$(DATADIR)/zsh/site-functions || exit 1; \
	  [ ! -f completions/fish/$$t.fish ] || install -m 644 completions/fish/$$t.fish $(DESTDIR)$(DATADIR)/fish/vendor_completions.d || exit 1; \
	done

uninstall:
	for t in $(TOOLS); do rm -f $(DESTDIR)$(BINDIR)/$$t $(DESTDIR)$(MANDIR)/man1/$$t.1 \
	  $(DESTDIR)$(DATADIR)/bash-completion/completions/$$t $(DESTDIR)$(DATADIR)/zsh/site-functions/_$$t \
	  $(DESTDIR)$(DATADIR)/fish/vendor_completions.d/$$t.fish; done
	rm -f $(DESTDIR)$(LIBDIR)/libptcore.a $(DESTDIR)$(INCDIR)/ptcore.h $(DESTDIR)$(LIBDIR)/pkgconfig/ptcore.pc \
	  $(DESTDIR)$(MANDIR)/man3/ptcore.3 $(DESTDIR)$(MANDIR)/man7/ptools.7

clean:
	rm -rf build build-san

-include $(shell find $(B)/obj -name '*.d' 2>/dev/null)

# Rules of mk/ fragments that name the lists above, which are complete
# only here: the building blocks of tests/qemu/run.sh (mk/qemu.mk) and
# the fuzzing build of the library (mk/fuzz.mk).
qemu-build: all $(TGT_BIN)
qemu-unit: $(UNIT_BIN)
$(FZ)/libptcore.a: $(patsubst %.c,$(FZ)/obj/%.o,$(LIB_SRC) $(GEN_SRC))
	@rm -f $@
	$(AR) rcs $@ $^
