#!/usr/bin/env bats
# ptstep: single-stepping, breakpoints, fault explanations.

load helper

ASM=$PTOOLS_TARGETS/step-asm

# runtime address of SYMBOL in the PIE target NAME running as PID
rt_addr() {
	local base off
	base=$(awk -v p="$PTOOLS_TARGETS/$1" '$6 == p { print $1; exit }' "/proc/$3/maps" | cut -d- -f1)
	off=$(sym_addr "$1" "$2")
	printf '0x%x\n' $((0x$base + off))
}

# bytes LEN at ADDR of PID, as hex
mem_hex() {
	dd if="/proc/$1/mem" bs=1 skip=$(($2)) count="$3" status=none | od -An -tx1 | tr -d ' \n'
}

@test "ptstep -h prints usage and exits 0" {
	run ptstep -h
	assert_success
	assert_output --partial "usage: ptstep [-jkrs] [-b ADDR...] [-n COUNT] [-u ADDR]"
}

@test "ptstep -V prints the version" {
	run ptstep -V
	assert_success
	assert_output "ptstep 0.1.0"
}

@test "ptstep without a process is a usage error" {
	run ptstep
	assert_failure 2
	assert_output --partial "usage:"
	run ptstep -x
	assert_failure 2
	run ptstep -n 0 -- "$ASM"
	assert_failure 2
}

@test "ptstep steps a known instruction sequence exactly and keeps the exit status" {
	run ptstep -- "$ASM"
	assert_failure 36
	cols=$(printf '%s\n' "$output" | awk '/^0x/ { $2 = ""; print }' | tr -s ' ')
	expected="0x401000 488b3c24 mov rdi, qword ptr [rsp]
0x401004 4883ff02 cmp rdi, 2
0x401008 7c2c jl 0x401036
0x401036 b805000000 mov eax, 5
0x40103b 83c007 add eax, 7
0x40103e 6bc003 imul eax, eax, 3
0x401041 31d2 xor edx, edx
0x401043 90 nop
0x401044 89c7 mov edi, eax
0x401046 b83c000000 mov eax, 0x3c
0x40104b 0f05 syscall"
	[ "$cols" = "$expected" ] || fail "got: $cols"
	assert_line "exited   36"
}

@test "ptstep names the location by symbol or module" {
	run ptstep -n 4 -- "$ASM"
	sym=$(printf '%s\n' "$output" | awk '$1 == "0x401036" { print $2 }')
	[[ $sym =~ ^(seq|step-asm\+0x1036)$ ]] || fail "location '$sym'"
}

@test "ptstep -n stops counting and the program runs on to its own exit" {
	run ptstep -n 3 -- "$ASM"
	assert_failure 36
	[ "$(printf '%s\n' "$output" | grep -c '^0x')" -eq 3 ]
	refute_line --partial "exited"
}

@test "ptstep -u stops at an address" {
	run ptstep -u 0x40103e -- "$ASM"
	assert_failure 36
	assert_line --partial "until    0x40103e"
	[ "$(printf '%s\n' "$output" | grep -c '^0x')" -eq 5 ]
}

@test "ptstep -r shows the registers each instruction changed" {
	run ptstep -r -- "$ASM"
	assert_line --regexp '^0x401036 .* mov eax, 5  ; rax=0x5$'
	assert_line --regexp '^0x40103b .* add eax, 7  ; rax=0xc rflags=0x[0-9a-f]+$'
	assert_line --regexp '^0x40103e .* imul eax, eax, 3  ; rax=0x24( rflags=0x[0-9a-f]+)?$'
}

@test "ptstep -s shows syscalls as they are entered" {
	run ptstep -s -- "$ASM"
	assert_line --regexp '^syscall  exit\((0x24|36)[,)].* \[60\]$'
}

@test "ptstep -j prints one JSON object per line" {
	run ptstep -j -r -- "$ASM"
	assert_failure 36
	printf '%s\n' "$output" | jq -e . >/dev/null
	[ "$(printf '%s\n' "$output" | jq -r 'select(.addr == "0x401036") | .insn')" = "mov eax, 5" ]
	[ "$(printf '%s\n' "$output" | jq -r 'select(.addr == "0x401036") | .regs.rax')" = "0x5" ]
	[ "$(printf '%s\n' "$output" | jq -r 'select(.event == "exited") | .text')" = "36" ]
}

@test "ptstep explains a NULL-pointer read" {
	run ptstep -- "$ASM" n
	assert_failure 139
	assert_line --regexp "^fault    SIGSEGV at 0x40104f .*: NULL-pointer read of 0x8 \\(size 4\\)$"
	assert_line --regexp '^where    0x8 is not mapped'
	assert_line "killed   SIGSEGV"
}

@test "ptstep -j reports a fault as a JSON object" {
	run ptstep -j -- "$ASM" n
	assert_failure 139
	f=$(printf '%s\n' "$output" | jq -c 'select(.event == "fault") | [.signal, .pc, .kind, .addr, .size, .insn]')
	[ "$f" = '["SIGSEGV","0x40104f","null","0x8",4,"mov ecx, dword ptr [rax + 8]"]' ] || fail "$f"
}

@test "ptstep explains a write to read-only data" {
	run ptstep -- "$ASM" w
	assert_line --regexp '^fault    SIGSEGV at 0x401059 .*: invalid write of 0x[0-9a-f]+ \(size 4\): mapping is not writable$'
	assert_line --regexp '^where    0x[0-9a-f]+ is in .* r--p .*step-asm'
}

@test "ptstep explains a jump to unmapped memory" {
	run ptstep -- "$ASM" j
	assert_line --regexp '^fault    SIGSEGV at 0xdead0000 .*: execution of unmapped memory at 0xdead0000$'
}

@test "ptstep explains execution of non-executable memory" {
	run ptstep -- "$ASM" x
	assert_line --regexp '^fault    SIGSEGV at 0x[0-9a-f]+ .*: execution of non-executable memory at 0x[0-9a-f]+ \(mapping rw-p .*step-asm\)$'
}

@test "ptstep explains a stack overflow by recursion" {
	run ptstep -- "$ASM" s
	assert_line --regexp '^fault    SIGSEGV at 0x401076 .*: stack overflow: write of 0x[0-9a-f]+ \(size 8\) beyond the stack'
	assert_line --regexp '^where    .* bytes before .* \[stack\]$'
}

@test "ptstep explains a division by zero" {
	run ptstep -- "$ASM" d
	assert_failure 136
	assert_line --regexp '^fault    SIGFPE at 0x40108b .*: integer division by zero \(divisor ecx = 0\)$'
	assert_line "killed   SIGFPE"
}

@test "ptstep explains an illegal instruction" {
	run ptstep -- "$ASM" u
	assert_line --regexp '^fault    SIGILL at 0x40108d .*: illegal instruction: ud2$'
}

@test "ptstep reports a trap it did not set and steps on" {
	run ptstep -- "$ASM" t
	assert_success
	assert_line --regexp '^fault    SIGTRAP .*: trap \(breakpoint instruction\) not set by this tool$'
	assert_line --regexp '^0x401090 .* xor edi, edi$'
}

@test "ptstep follows a process that execs while stepped" {
	run ptstep -n 40 -- "$ASM" e
	assert_success
	assert_line --regexp '^0x4010ad .* syscall$'
	assert_line --regexp '^exec     process [0-9]+ runs true$'
	# the dynamic loader of /bin/true runs next, mapped high (0x7e... or
	# 0x7f... as the mmap base falls)
	assert_line --regexp '^0x7[0-9a-f]{11} '
}

@test "ptstep -p with -b runs to a breakpoint, steps, restores the bytes and detaches" {
	start_target step-loop
	a=$(rt_addr step-loop work "$TPID")
	before=$(mem_hex "$TPID" "$a" 4)
	run ptstep -n 3 -b "$a" -p "$TPID"
	assert_success
	assert_line --index 0 --regexp "^break    $a .*thread $TPID( \(stopped there already\))?$"
	[ "$(printf '%s\n' "$output" | awk 'NR == 2 { print $1 }')" = "$a" ]
	[ "$(printf '%s\n' "$output" | grep -c '^0x')" -eq 3 ]
	[ "$(mem_hex "$TPID" "$a" 4)" = "$before" ]
	assert_untouched "$TPID"
}

@test "ptstep -b main on a started program, then a libc function" {
	run ptstep -n 2 -b main -- "$PTOOLS_TARGETS/step-hello"
	assert_failure 3
	assert_line --index 0 --regexp '^break    0x[0-9a-f]+ main thread [0-9]+$'
	assert_line --index 1 --regexp '^0x[0-9a-f]+ +main +[0-9a-f]+ +push rbp$'
	assert_line --index 2 --regexp '^0x[0-9a-f]+ +main\+0x1 +4889e5 +mov rbp, rsp$'
	run ptstep -n 1 -b libc:puts -- "$PTOOLS_TARGETS/step-hello"
	assert_failure 3
	assert_line --index 0 --regexp '^break    0x7f[0-9a-f]+ (_IO_)?puts thread [0-9]+$'
	[ "${#lines[@]}" -ge 2 ]
}

@test "ptstep -p -k kills the process at the end" {
	start_target step-loop
	run ptstep -n 2 -k -p "$TPID"
	assert_success
	sleep 0.1
	st=$(proc_state "$TPID" 2>/dev/null || echo gone)
	[ -z "$st" ] || [ "$st" = Z ] || [ "$st" = gone ] || fail "state $st"
}

@test "ptstep -k kills a program it started" {
	run ptstep -n 2 -k -b main -- "$PTOOLS_TARGETS/step-hello"
	assert_failure 137
	refute_output --partial "hello from step-hello"
	[ "$(printf '%s\n' "$output" | grep -c '^0x')" -eq 2 ]
}

@test "ptstep refuses a breakpoint on unmapped memory" {
	start_target step-loop
	run ptstep -b 0x10 -p "$TPID"
	assert_failure 1
	assert_output "ptstep: breakpoint 0x10: 0x10 is not mapped"
	assert_untouched "$TPID"
}

@test "ptstep refuses a breakpoint on non-executable memory" {
	start_target step-loop
	a=$(rt_addr step-loop total "$TPID")
	run ptstep -b "$a" -p "$TPID"
	assert_failure 1
	assert_output --regexp "^ptstep: breakpoint $a: $a is not executable \(mapping 0x[0-9a-f]+-0x[0-9a-f]+ rw-p .*step-loop\)$"
	assert_untouched "$TPID"
}

@test "ptstep refuses two breakpoints at the same address" {
	start_target step-loop
	a=$(rt_addr step-loop work "$TPID")
	run ptstep -b "$a" -b "$(printf '%d' "$a")" -p "$TPID"
	assert_failure 1
	assert_output --partial "same address as $a"
	[ "$(mem_hex "$TPID" "$a" 1)" != cc ]
	assert_untouched "$TPID"
}

@test "ptstep with a breakpoint where the process is stopped starts there" {
	start_target basic
	pc=$(ptregs "$TPID" rip)
	before=$(mem_hex "$TPID" "$pc" 4)
	run ptstep -b "$pc" -u "$pc" -p "$TPID"
	assert_success
	assert_line --index 0 --regexp "^break    $pc .*thread $TPID \(stopped there already\)$"
	assert_line --index 1 --regexp "^until    $pc .*reached$"
	[ "$(mem_hex "$TPID" "$pc" 4)" = "$before" ]
	assert_untouched "$TPID"
}

@test "ptstep -b and -u take register expressions" {
	start_target basic
	pc=$(ptregs "$TPID" rip)
	run ptstep -b %rip -u %rip -p "$TPID"
	assert_success
	assert_line --index 0 --regexp "^break    $pc .*\(stopped there already\)$"
	run ptstep -b %rsp -p "$TPID"
	assert_failure 1
	assert_output --regexp "^ptstep: breakpoint %rsp: 0x[0-9a-f]+ is not executable \(mapping .* rw-p \[stack\]\)$"
	assert_untouched "$TPID"
}

@test "ptstep on a multi-threaded process: any thread may hit the breakpoint, the rest run on" {
	start_target step-threads
	a=$(rt_addr step-threads tick "$TPID")
	before=$(mem_hex "$TPID" "$a" 4)
	run ptstep -n 4 -b "$a" -p "$TPID"
	assert_success
	assert_line --index 0 --regexp "^break    $a "
	[ "$(mem_hex "$TPID" "$a" 4)" = "$before" ]
	assert_untouched "$TPID"
	for t in /proc/$TPID/task/*; do
		[ "$(awk '/^TracerPid:/ { print $2 }' "$t/status")" = 0 ] || fail "thread $t traced"
	done
}

@test "ptstep -b: threads created after the attach may hit the breakpoint" {
	start_target step-spawn t
	a=$(rt_addr step-spawn tick "$TPID")
	for i in 1 2 3 4 5; do
		run ptstep -n 2 -b "$a" -p "$TPID"
		assert_success
		assert_line --index 0 --regexp "^break    $a tick thread [0-9]+$"
	done
	[ "$(mem_hex "$TPID" "$a" 1)" != cc ]
	assert_untouched "$TPID"
}

@test "ptstep -b: fork children get the original bytes and run on" {
	start_target step-spawn f
	a=$(rt_addr step-spawn tick "$TPID")
	for i in 1 2 3 4 5; do
		run ptstep -n 2 -b "$a" -p "$TPID"
		assert_success
		assert_line --index 0 --regexp "^break    $a tick thread $TPID$"
	done
	sleep 0.1
	refute grep -q "child died" "$TOUT"
	assert_untouched "$TPID"
}

@test "ptstep restores breakpoint bytes when interrupted with SIGINT" {
	start_target step-loop
	a=$(rt_addr step-loop never_called "$TPID")
	before=$(mem_hex "$TPID" "$a" 4)
	ptstep -b "$a" -p "$TPID" >/dev/null 2>&1 &
	spid=$!
	for i in $(seq 1 100); do
		[ "$(mem_hex "$TPID" "$a" 1)" = cc ] && break
		sleep 0.02
	done
	[ "$(mem_hex "$TPID" "$a" 1)" = cc ] || fail "breakpoint never written"
	kill -INT "$spid"
	wait "$spid" || true
	[ "$(mem_hex "$TPID" "$a" 4)" = "$before" ]
	assert_untouched "$TPID"
}

@test "ptstep: no such process" {
	run ptstep -p 999999
	assert_failure 1
	assert_output --partial "ptstep: process 999999: "
}

@test "ptstep: not permitted" {
	start_target step-loop
	run setpriv --reuid=65534 --regid=65534 --clear-groups "$PTOOLS_BIN/ptstep" -n 1 -p "$TPID"
	assert_failure 1
	assert_output --partial "ptstep: process $TPID: "
	assert_output --partial "ptrace"
	assert_untouched "$TPID"
}

@test "ptstep: command not found" {
	run ptstep -- /nonexistent/prog
	assert_failure 1
	assert_output --partial "/nonexistent/prog"
}

@test "ptstep man page is lint-clean and matches usage" {
	run mandoc -Tlint -W warning "$PTOOLS_TOP/man/ptstep.1"
	assert_success
	assert_output ""
	syn=$(mandoc -Tutf8 "$PTOOLS_TOP/man/ptstep.1" | col -b | awk '/^SYNOPSIS/ { s = 1; next } s && /^$/ { exit } s { printf "%s ", $0 }' | tr -s ' \t' '  ' | sed 's/^ //; s/ $//')
	use=$(ptstep -h 2>&1 | sed 's/^usage: //')
	[ "$syn" = "$use" ] || fail "man: '$syn' usage: '$use'"
}

@test "ptstep completions load and complete options" {
	source "$PTOOLS_TOP/completions/bash/ptstep"
	COMP_WORDS=(ptstep -)
	COMP_CWORD=1
	_ptstep
	[[ " ${COMPREPLY[*]} " == *" -b "* ]]
	[[ " ${COMPREPLY[*]} " == *" -u "* ]]
	zsh -c "autoload -U compinit; compinit -u; source $PTOOLS_TOP/completions/zsh/_ptstep"
	fish -n "$PTOOLS_TOP/completions/fish/ptstep.fish"
}
