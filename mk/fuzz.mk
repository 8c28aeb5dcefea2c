# Fuzzing: `make fuzz` builds every tests/fuzz/fuzz_NAME.c with clang's
# libFuzzer, ASan and UBSan against the library sources compiled again
# with clang (into $(FZ)/, never the gcc objects) and runs each for
# FUZZ_SECONDS on a copy of its seed corpus (tests/fuzz/corpus/NAME) and
# regression inputs (tests/fuzz/regress/NAME).  New crashes land in
# $(FZ)/crash/NAME/ (keep them in tests/fuzz/regress/NAME/ once fixed).
#
# `make fuzz-regress` (and tests/fuzz.bats in `make check`) replays every
# corpus and regression input through the same entry points built with
# $(CC) and a small driver (tests/fuzz/replay.c): no libFuzzer needed,
# sanitizers on with SANITIZE=1.

.DEFAULT_GOAL := all

FZ           ?= build-fuzz
FUZZ_CC      ?= clang
FUZZ_SECONDS ?= 30
FUZZ_JOBS    ?= 1
# FUZZ_RUNS=N: a fixed number of runs from a fixed seed, so a CI run is
# reproducible (exploration is `make fuzz` without it).
FUZZ_RUNS    ?=
FUZZ_EXTRA    = $(if $(FUZZ_RUNS),-runs=$(FUZZ_RUNS) -seed=1)
FUZZ_NAMES    = $(patsubst tests/fuzz/fuzz_%.c,%,$(wildcard tests/fuzz/fuzz_*.c))
FUZZ_BIN      = $(addprefix $(FZ)/fuzz_,$(FUZZ_NAMES))
FUZZ_REPLAY   = $(addprefix $(B)/fuzz/replay_,$(FUZZ_NAMES))
FUZZ_CFLAGS   = -std=c11 -g -O1 -fno-omit-frame-pointer \
		-fsanitize=fuzzer-no-link,address,undefined \
		-fno-sanitize-recover=undefined $(PKG_CFLAGS) -I$(B)/gen
FUZZ_LDFLAGS  = -fsanitize=fuzzer,address,undefined

# The replay drivers are built (and run by tests/fuzz.bats) with check.
TARGETS_EXTRA += $(FUZZ_REPLAY)

.PHONY: fuzz fuzz-build fuzz-regress

$(FZ)/obj/%.o: %.c lib/ptcore.h $(GEN_HDR)
	$(PKG_CHECK)@mkdir -p $(dir $@)
	$(FUZZ_CC) $(CPPFLAGS) $(FUZZ_CFLAGS) -MMD -MP -c -o $@ $<

# $(FZ)/libptcore.a, the library built for fuzzing, is made by a rule at
# the end of the Makefile: it needs the complete LIB_SRC and GEN_SRC.

$(FZ)/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz.h $(FZ)/libptcore.a
	$(FUZZ_CC) $(CPPFLAGS) $(FUZZ_CFLAGS) $(FUZZ_LDFLAGS) -o $@ $< \
	    $(FZ)/libptcore.a $(LIBS)

$(B)/fuzz/replay_%: tests/fuzz/fuzz_%.c tests/fuzz/replay.c tests/fuzz/fuzz.h $(B)/libptcore.a
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) $(ALL_LDFLAGS) -o $@ $< \
	    tests/fuzz/replay.c $(B)/libptcore.a $(LIBS)

fuzz-build: $(FUZZ_BIN)

# Each target runs on a scratch copy of its corpus (new inputs found
# stay in $(FZ)/corpus/NAME, the committed seeds are not touched); the
# last line of each run gives its executions.
fuzz: fuzz-build
	@for n in $(FUZZ_NAMES); do \
	  mkdir -p $(FZ)/corpus/$$n $(FZ)/crash/$$n; \
	  cp -n tests/fuzz/corpus/$$n/* $(FZ)/corpus/$$n/ 2>/dev/null; \
	  dirs="$(FZ)/corpus/$$n"; \
	  [ -d tests/fuzz/regress/$$n ] && dirs="$$dirs tests/fuzz/regress/$$n"; \
	  echo "fuzz $$n: $(FUZZ_SECONDS) s"; \
	  $(FZ)/fuzz_$$n -max_total_time=$(FUZZ_SECONDS) -timeout=10 $(FUZZ_EXTRA) \
	    -rss_limit_mb=2048 -malloc_limit_mb=512 -print_final_stats=1 \
	    -artifact_prefix=$(FZ)/crash/$$n/ $$dirs \
	    >$(FZ)/fuzz_$$n.log 2>&1; rc=$$?; \
	  grep -E '^stat::number_of_executed_units' $(FZ)/fuzz_$$n.log | \
	    sed "s/^/  $$n /"; \
	  if [ $$rc -ne 0 ]; then tail -40 $(FZ)/fuzz_$$n.log; \
	    echo "fuzz $$n: FAILED, see $(FZ)/fuzz_$$n.log"; exit 1; fi; \
	done

fuzz-regress: $(FUZZ_REPLAY)
	@for n in $(FUZZ_NAMES); do \
	  $(B)/fuzz/replay_$$n tests/fuzz/corpus/$$n \
	    $$(ls -d tests/fuzz/regress/$$n 2>/dev/null) | sed "s/^/$$n: /" || exit 1; \
	done

-include $(shell find $(FZ)/obj -name '*.d' 2>/dev/null)

# A tracee whose function symbol holds an escape sequence (tests of the
# escaping of symbol names in tests/faults.bats).
TARGETS_EXTRA += $(B)/targets/hostile-sym-esc
# A cross compiler (aarch64-linux-gnu-gcc) has its own objcopy.
OBJCOPY ?= $(if $(filter %-gcc,$(firstword $(CC))),$(patsubst %-gcc,%-objcopy,$(firstword $(CC))),objcopy)
$(B)/targets/hostile-sym-esc: $(B)/targets/hostile-sym
	$(OBJCOPY) --redefine-sym "evil_sym=$$(printf 'evil\033[31msym')" $< $@
