#!/usr/bin/env bats
# Replay of the fuzz corpora and saved crash inputs (tests/fuzz/) through
# the fuzz targets' entry points, built without libFuzzer by `make check`
# ($B/fuzz/replay_NAME), so inputs that once crashed stay fixed.  The
# fuzzing itself is `make fuzz`.

load helper

replay() {
	local n=$1 bin=$PTOOLS_TOP/$B/fuzz/replay_$1
	[ -x "$bin" ] || fail "$bin not built"
	local dirs=("$PTOOLS_TOP/tests/fuzz/corpus/$n")
	[ -d "$PTOOLS_TOP/tests/fuzz/regress/$n" ] &&
		dirs+=("$PTOOLS_TOP/tests/fuzz/regress/$n")
	run "$bin" "${dirs[@]}"
	assert_success
	# Every input ran: the count matches the files given.
	local want
	want=$(find "${dirs[@]}" -type f ! -name '.*' | wc -l)
	assert_output "$want inputs"
}

@test "fuzz replay: address expressions" { replay addr; }
@test "fuzz replay: maps parser" { replay maps; }
@test "fuzz replay: ELF reader" { replay elf; }
@test "fuzz replay: escaping and JSON strings" { replay escape; }
@test "fuzz replay: disassembler" { replay dis; }
@test "fuzz replay: syscall decoders" { replay scdec; }
@test "fuzz replay: access paths of ptpeek -d" { replay dwpath; }

@test "fuzz replay: the crashes found so far are kept" {
	# Each was a bug; its input must stay in the replayed set.
	[ -s "$PTOOLS_TOP/tests/fuzz/regress/scdec/json-iovec-trailing-comma" ]
	[ -s "$PTOOLS_TOP/tests/fuzz/regress/scdec/json-argv-trailing-comma" ]
}
