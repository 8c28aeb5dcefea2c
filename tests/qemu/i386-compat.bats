#!/usr/bin/env bats
# i386-compat.bats: the 64-bit tools (build-x86_64s) against a static
# 32-bit program, in the amd64 guest of `make check-qemu ARCH=i386`
# (copied there as tests/qemu-i386-compat.bats).  strace64 is Debian's
# amd64 strace, the reference for what a 64-bit tracer prints.

#
# Outside the guest, on an x86_64 machine that runs 32-bit programs:
# PTOOLS_BIN64=build/bin PTOOLS_S32=build/targets/static32 with
# PTOOLS_BIN a 32-bit build, and strace64 a 64-bit strace in PATH.

load helper

BIN64=${PTOOLS_BIN64:-$PTOOLS_TOP/build-x86_64s/bin}
BIN32=$PTOOLS_BIN
S32=${PTOOLS_S32:-$PTOOLS_TOP/build-i386/qemu/static32}

# Start "static32 wait" and wait for its line (sets TPID).
start32() {
	"$S32" wait >"$BATS_TEST_TMPDIR/o" &
	TPID=$!
	_started_pids+=("$TPID")
	for i in $(seq 1 500); do [ -s "$BATS_TEST_TMPDIR/o" ] && break; sleep 0.01; done
	[ -s "$BATS_TEST_TMPDIR/o" ] || fail "static32 did not start"
}

# Address of symbol $1 of static32, 0x hex.
sym32() {
	printf '0x%s' "$(nm "$S32" | awk -v s="$1" '$3 == s { print $1 }')"
}

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
	start32
	# The first stop interrupts the sleep; from then on the thread is
	# in restart_syscall at each stop, which is what is checked.
	"$BIN64/ptregs" "$TPID" >/dev/null
	run "$BIN64/ptregs" "$TPID"
	assert_success
	names=$(printf '%s\n' "$output" | awk '{ printf "%s ", $1 }')
	[ "$names" = "thread syscall eax ebx ecx edx esi edi ebp esp eip eflags cs ss ds es fs gs orig_eax " ] ||
	    fail "names: $names"
	assert_line --index 0 "thread   $TPID"
	assert_line --index 1 "syscall  restart_syscall (0)"
	assert_line "cs       0x00000023"
	assert_line "ss       0x0000002b"
	assert_line "orig_eax 0x00000000"
	assert_line --regexp '^eip      0x[0-9a-f]{8}$'
	assert_line --regexp '^eflags   0x[0-9a-f]{8} \[( [A-Z]+)* IF( [A-Z]+)* \]$'
	# The thread sleeps in the kernel's entry code of the vDSO.
	eip=$("$BIN64/ptregs" "$TPID" eip)
	run "$BIN64/ptmaps" "$TPID" "$eip"
	assert_success
	assert_output --partial "[vdso]"
	esp=$("$BIN64/ptregs" "$TPID" esp)
	[[ $esp =~ ^0x[0-9a-f]{1,8}$ ]] || fail "esp $esp"
	run "$BIN64/ptmaps" "$TPID" "$esp"
	assert_output --partial "[stack]"
	run "$BIN64/ptregs" "$TPID" rax
	assert_failure 2
	assert_output --partial "unknown register 'rax'"
	assert_untouched "$TPID"
}

@test "compat: the 64-bit and the 32-bit ptregs print the same for a 32-bit process" {
	start32
	"$BIN32/ptregs" "$TPID" >/dev/null
	"$BIN64/ptregs" "$TPID" >"$BATS_TEST_TMPDIR/64"
	"$BIN32/ptregs" "$TPID" >"$BATS_TEST_TMPDIR/32"
	run diff "$BATS_TEST_TMPDIR/32" "$BATS_TEST_TMPDIR/64"
	assert_success
	[ "$(wc -l <"$BATS_TEST_TMPDIR/64")" -eq 19 ]
	"$BIN64/ptregs" -a "$TPID" >"$BATS_TEST_TMPDIR/64"
	"$BIN32/ptregs" -a "$TPID" >"$BATS_TEST_TMPDIR/32"
	run diff "$BATS_TEST_TMPDIR/32" "$BATS_TEST_TMPDIR/64"
	assert_success
	run cat "$BATS_TEST_TMPDIR/64"
	assert_line "fcw      0x037f"
	assert_line --regexp '^xmm7     0x[0-9a-f]{32}$'
	refute_line --regexp '^xmm8 '
	"$BIN64/ptregs" -j "$TPID" >"$BATS_TEST_TMPDIR/64"
	"$BIN32/ptregs" -j "$TPID" >"$BATS_TEST_TMPDIR/32"
	run diff "$BATS_TEST_TMPDIR/32" "$BATS_TEST_TMPDIR/64"
	assert_success
	run jq -c '[.syscall.name, (.regs | keys | length), .regs.cs, (.flags | index("IF") != null)]' "$BATS_TEST_TMPDIR/64"
	assert_output '["restart_syscall",17,"0x00000023",true]'
	assert_untouched "$TPID"
}

@test "compat: %esp and %eip in address expressions of a 32-bit process" {
	start32
	esp=$("$BIN64/ptregs" "$TPID" esp)
	run "$BIN64/ptpeek" -t u32 "$TPID" %esp
	assert_success
	assert_output "$("$BIN64/ptpeek" -t u32 "$TPID" "$esp")"
	run "$BIN64/ptpeek" -r "$TPID" %eip-2 2
	assert_success
	run "$BIN64/ptpeek" "$TPID" %rsp
	assert_failure 1
	assert_output --partial "unknown register 'rsp'"
	assert_untouched "$TPID"
}

@test "compat: ptpeek reads a 32-bit process's data and -t ptr is 4 bytes" {
	start32
	addr=$(sym32 counter_u32)
	run "$BIN64/ptpeek" -t u32 "$TPID" "$addr"
	assert_success
	assert_output 100
	# greeting is "hello, ptools": four bytes a pointer
	run "$BIN64/ptpeek" -t ptr "$TPID" "$(sym32 greeting)" 3
	assert_success
	assert_output "$(printf '0x6c6c6568\n0x70202c6f\n0x6c6f6f74')"
	run "$BIN64/ptpeek" -t ptr "$TPID" "$(sym32 counter_ptr)"
	assert_success
	assert_output "$(printf '0x%x' "$addr")"
	# the same from the 32-bit tool
	run "$BIN32/ptpeek" -t ptr "$TPID" "$(sym32 counter_ptr)"
	assert_output "$(printf '0x%x' "$addr")"
	# -F with a pointer value looks for 4 bytes at 4-byte alignment
	run "$BIN64/ptpeek" -t ptr -F "$addr" "$TPID"
	assert_success
	assert_line "$(printf '0x%x' "$(sym32 counter_ptr)")"
	run "$BIN64/ptpeek" -t ptr -F 0x100000000 "$TPID"
	assert_failure 1
	assert_output --partial "4-byte pointers"
	assert_untouched "$TPID"
}

@test "compat: ptpoke -t ptr writes 4 bytes into a 32-bit process" {
	start32
	p=$(sym32 counter_ptr)
	next=$("$BIN64/ptpeek" -t u32 "$TPID" "$p+4")
	run "$BIN64/ptpoke" -t ptr "$TPID" "$p" "$(sym32 greeting)"
	assert_success
	run "$BIN64/ptpeek" -t ptr "$TPID" "$p"
	assert_output "$(printf '0x%x' "$(sym32 greeting)")"
	run "$BIN64/ptpeek" -t u32 "$TPID" "$p+4"
	assert_output "$next"
	run "$BIN64/ptpoke" -t ptr "$TPID" "$p" 0x100000000
	assert_failure 1
	assert_output --partial "4-byte pointers"
	run "$BIN64/ptpeek" -t ptr "$TPID" "$p"
	assert_output "$(printf '0x%x' "$(sym32 greeting)")"
	assert_untouched "$TPID"
}

@test "compat: ptdis -p disassembles a 32-bit process in 32-bit mode" {
	start32
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

@test "compat: the 64-bit ptstep steps a 32-bit program as the 32-bit ptstep does" {
	asm=$PTOOLS_TARGETS/step-asm
	run od -An -tu1 -j4 -N1 "$asm"
	assert_output "   1"
	# Without address randomization the two runs see the same stack.
	for arg in "" n w d u t; do
		setarch "$(uname -m)" -R "$BIN64/ptstep" -r -s -- "$asm" $arg \
		    >"$BATS_TEST_TMPDIR/64" 2>&1 || true
		setarch "$(uname -m)" -R "$BIN32/ptstep" -r -s -- "$asm" $arg \
		    >"$BATS_TEST_TMPDIR/32" 2>&1 || true
		run diff "$BATS_TEST_TMPDIR/32" "$BATS_TEST_TMPDIR/64"
		assert_success
	done
	run "$BIN64/ptstep" -r -s -- "$asm"
	assert_failure 36
	assert_line --regexp '^0x8049033 +seq +b805000000 +mov eax, 5  ; eax=0x5$'
	assert_line 'syscall  exit(36) [1]'
	run "$BIN64/ptstep" -- "$asm" w
	assert_line "fault    SIGSEGV at 0x8049054 f_rodata+0x5: invalid write of 0x804a000 (size 4): mapping is not writable"
	run "$BIN64/ptstep" -- "$asm" d
	assert_line "fault    SIGFPE at 0x8049082 f_div+0x8: integer division by zero (divisor ecx = 0)"
}
