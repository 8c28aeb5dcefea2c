#!/usr/bin/env bats
# i386-compat.bats: the 64-bit tools (build-x86_64s) against a static
# 32-bit program, in the amd64 guest of `make check-qemu ARCH=i386`
# (copied there as tests/qemu-i386-compat.bats).  strace64 is Debian's
# amd64 strace, the reference for what a 64-bit tracer prints.

load helper

BIN64=$PTOOLS_TOP/build-x86_64s/bin
S32=$PTOOLS_TOP/build-i386/qemu/static32

@test "compat: the tools and the program are the right mix of 64 and 32 bit" {
	run od -An -tu1 -j4 -N1 "$BIN64/ptstrace"
	assert_output "   2"
	run od -An -tu1 -j4 -N1 "$S32"
	assert_output "   1"
	run "$S32"
	assert_failure 3
	assert_output "static32 says hello"
}

@test "compat: strace64 decodes the 32-bit program by the i386 table (the reference)" {
	# strace 6.1 prints no "[ Process PID=N runs in 32 bit mode. ]"
	# line here (a program that is 32-bit from its exec on).
	run strace64 -o "$BATS_TEST_TMPDIR/ref" "$S32"
	assert_failure 3
	assert_output "static32 says hello"
	run cat "$BATS_TEST_TMPDIR/ref"
	assert_line --regexp '^ugetrlimit\(RLIMIT_STACK, '
	assert_line --regexp '^set_thread_area\('
	refute_output --partial 'runs in 32 bit mode'
}

@test "compat: ptstrace decodes the 32-bit program by the i386 table" {
	run "$BIN64/ptstrace" -o "$BATS_TEST_TMPDIR/out" "$S32"
	assert_failure 3
	assert_output "static32 says hello"
	run cat "$BATS_TEST_TMPDIR/out"
	assert_line --regexp '^ugetrlimit\(RLIMIT_STACK, '
	assert_line --regexp '^set_thread_area\('
	assert_line --regexp '^write\(1, "static32 says hello\\n", 20\) += 20$'
	assert_line --regexp '^exit_group\(3\) += \?$'
}

@test "compat: ptstrace and strace64 print the same 32-bit syscall lines" {
	set=write,exit_group,readlink,getrandom,set_robust_list
	strace64 -qq -o "$BATS_TEST_TMPDIR/ref" -e trace=$set "$S32" || true
	"$BIN64/ptstrace" -qq -o "$BATS_TEST_TMPDIR/out" -e trace=$set "$S32" || true
	sed -E 's/^(getrandom\(")[^"]*/\1X/; s/^(set_robust_list\()0x[0-9a-f]+/\1P/' \
	    "$BATS_TEST_TMPDIR/ref" >"$BATS_TEST_TMPDIR/ref.n"
	sed -E 's/^(getrandom\(")[^"]*/\1X/; s/^(set_robust_list\()0x[0-9a-f]+/\1P/' \
	    "$BATS_TEST_TMPDIR/out" >"$BATS_TEST_TMPDIR/out.n"
	run diff "$BATS_TEST_TMPDIR/ref.n" "$BATS_TEST_TMPDIR/out.n"
	assert_success
	[ "$(wc -l <"$BATS_TEST_TMPDIR/ref.n")" -ge 4 ]
}

@test "compat: ptregs shows the 32-bit registers of a 32-bit process" {
	"$S32" wait >"$BATS_TEST_TMPDIR/o" &
	TPID=$!
	_started_pids+=("$TPID")
	for i in $(seq 1 500); do [ -s "$BATS_TEST_TMPDIR/o" ] && break; sleep 0.01; done
	run "$BIN64/ptregs" "$TPID" eip esp
	assert_success
	assert_line --index 0 --regexp '^0x[0-9a-f]{1,8}$'
	assert_line --index 1 --regexp '^0x[0-9a-f]{1,8}$'
	run "$BIN64/ptregs" "$TPID"
	assert_success
	assert_output --regexp '(^|[[:space:]])eax[[:space:]:=]'
	refute_output --regexp '(^|[[:space:]])rax[[:space:]:=]'
	assert_untouched "$TPID"
}

@test "compat: ptpeek reads a 32-bit process's data and -t ptr is 4 bytes" {
	"$S32" wait >"$BATS_TEST_TMPDIR/o" &
	TPID=$!
	_started_pids+=("$TPID")
	for i in $(seq 1 500); do [ -s "$BATS_TEST_TMPDIR/o" ] && break; sleep 0.01; done
	addr=0x$(nm "$S32" | awk '$3 == "counter_u32" { print $1 }')
	run "$BIN64/ptpeek" -t u32 "$TPID" "$addr"
	assert_success
	assert_output 100
	run "$BIN64/ptpeek" -t ptr "$TPID" "$addr" 8
	assert_success
	assert_line --index 0 --regexp '^0x0*64$'
	assert_line --index 1 --regexp '^0x[0-9a-f]{1,8}$'
	assert_untouched "$TPID"
}

@test "compat: ptdis -p disassembles a 32-bit process in 32-bit mode" {
	"$S32" wait >"$BATS_TEST_TMPDIR/o" &
	TPID=$!
	_started_pids+=("$TPID")
	for i in $(seq 1 500); do [ -s "$BATS_TEST_TMPDIR/o" ] && break; sleep 0.01; done
	run "$BIN64/ptdis" -p "$TPID" main 16
	assert_success
	# objdump of the same bytes in i386 mode is the reference
	start=$(nm "$S32" | awk '$3 == "main" { print $1 }')
	want=$(objdump -d --no-show-raw-insn -M intel \
	    --start-address=0x$start --stop-address=$(printf '0x%x' $((0x$start + 16))) "$S32" |
	    awk -F'\t' '/^ *[0-9a-f]+:/ { print $2 }' | head -n 2 | awk '{ print $1 }')
	for m in $want; do
		assert_output --partial "$m"
	done
	refute_output --partial "rbp"
}
