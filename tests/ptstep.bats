#!/usr/bin/env bats
# ptstep: single-stepping, breakpoints, fault explanations.

load helper

ASM=$PTOOLS_TARGETS/step-asm
CALLS=$PTOOLS_TARGETS/step-calls

# What differs per CPU: register names, the breakpoint instruction, and
# the addresses of step-asm (tests/targets/step-asm.c, and
# tests/qemu/step-asm-aarch64.c built in its place on aarch64, and
# tests/qemu/step-asm-ppc64le.c on ppc64le, step-asm-arm.c, Thumb
# code, on arm).
case $(uname -m) in
aarch64)
	PC=pc SP=sp BPHEX=000020d4 BPLEN=4 EXIT_NR=93
	SEQ=0x4001a0 UNTIL=0x4001a8
	;;
ppc64le)
	PC=nip SP=r1 BPHEX=0800e07f BPLEN=4 EXIT_NR=1
	SEQ=0x100001a4 UNTIL=0x100001ac
	# a breakpoint on a function with an ELFv2 global entry is set on
	# its local entry, 8 bytes in (ptstep(1)): NAME+0x8
	LOC='(\+0x8)?' FACT=fact+0x8
	;;
armv7l)
	PC=pc SP=sp BPHEX=01de BPLEN=2 EXIT_NR=1
	SEQ=0x1011a UNTIL=0x1011e
	;;
*)
	PC=rip SP=rsp BPHEX=cc BPLEN=1 EXIT_NR=60
	SEQ=0x401036 UNTIL=0x40103e
	;;
esac
LOC=${LOC:-} FACT=${FACT:-fact}

# where ptstep puts a breakpoint asked for at ADDR of PID: ADDR, or past
# a ppc64le global entry (addis r2,r12; addi r2,r2), see ptstep(1)
bp_at() {
	if [ "$PC" = nip ] && [[ $(mem_hex "$1" "$2" 8) == ????4c3c????4238 ]]; then
		printf '0x%x\n' $(($2 + 8))
	else
		echo "$2"
	fi
}

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

# counting PID SYMBOL: the u64 at SYMBOL changes within two seconds.
# step-threads' threads add to their counters without a lock, so a store
# that was held up can take a counter back: a change, not a rise, tells
# that they still run.
counting() {
	local v0 _
	v0=$(ptpeek -S -t u64 "$1" "$2") || return 1
	for _ in $(seq 1 20); do
		sleep 0.1
		[ "$(ptpeek -S -t u64 "$1" "$2")" != "$v0" ] && return 0
	done
	echo "$2 of process $1 stays at $v0" >&2
	return 1
}

@test "ptstep -h prints usage and exits 0" {
	run ptstep -h
	assert_success
	assert_line --index 0 "usage: ptstep [-cjkNrs] [-b ADDR...] [-L ADDR...] [-n COUNT] [-u ADDR] (-p PID | [--] CMD [ARG ...])"
	assert_line --index 1 "options:"
	assert_line "  -b, --break=ADDR         run to a breakpoint at ADDR first (repeatable)"
	assert_line "  -u, --until=ADDR         stop when the next instruction is at ADDR"
	assert_line "  -c, --continue           run at full speed; explain a fault"
	assert_line "  -L, --log=ADDR           log each call of ADDR, with its arguments (repeatable)"
	assert_line "  -N, --next               step over calls"
	run ptstep --help
	assert_success
	assert_line --index 0 --partial "usage: ptstep [-cjkNrs]"
}

@test "ptstep long options are the short ones" {
	run ptstep --count=3 -- "$ASM"
	assert_failure 36
	[ "$(printf '%s\n' "$output" | grep -c '^0x')" -eq 3 ]
	local until=$UNTIL
	! i386_build || until=0x804903b
	run ptstep --until "$until" --json -- "$ASM"
	assert_failure 36
	[ "$(printf '%s\n' "$output" | jq -r 'select(.event == "until") | .addr')" = "$until" ]
	run ptstep --count 0 -- "$ASM"
	assert_failure 2
	assert_line --index 0 "ptstep: bad COUNT '0'"
	run ptstep --pid=1 -- "$ASM"
	assert_failure 2
	assert_line --index 0 "ptstep: give -p PID or a command, not both"
	run ptstep --break
	assert_failure 2
	assert_line --index 0 "ptstep: option --break needs an argument"
	run ptstep --continue --log=sum6 -- "$CALLS"
	assert_failure 95
	[ "$(grep -c '^call .* sum6 ' <<<"$output")" -eq 2 ]
	run ptstep --next --break=fact -- "$CALLS"
	assert_failure 95
	refute_line --regexp '^0x[0-9a-f]+ +sum6'
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
	if [ "$PC" = pc ]; then
		expected="0x400144 e00340f9 ldr x0, [sp]
0x400148 1f0800f1 cmp x0, #2
0x40014c ab020054 b.lt #0x4001a0
0x4001a0 a0008052 movz w0, #0x5
0x4001a4 001c0011 add w0, w0, #7
0x4001a8 61008052 movz w1, #0x3
0x4001ac 007c011b mul w0, w0, w1
0x4001b0 02008052 movz w2, #0
0x4001b4 1f2003d5 nop
0x4001b8 a80b80d2 movz x8, #0x5d
0x4001bc 010000d4 svc #0"
	elif [ "$PC" = nip ]; then
		expected="0x10000148 000061e8 ld r3, 0(r1)
0x1000014c 0200232c cmpdi r3, 2
0x10000150 54008041 blt 0x100001a4
0x100001a4 05006038 li r3, 5
0x100001a8 07006338 addi r3, r3, 7
0x100001ac 03008038 li r4, 3
0x100001b0 d621637c mullw r3, r3, r4
0x100001b4 0000a038 li r5, 0
0x100001b8 00000060 nop
0x100001bc 01000038 li r0, 1
0x100001c0 02000044 sc"
	else
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
	fi
	[ "$cols" = "$expected" ] || fail "got: $cols"
	assert_line "exited   36"
}

@test "ptstep names the location by symbol or module" {
	run ptstep -n 4 -- "$ASM"
	sym=$(printf '%s\n' "$output" | awk -v a="$SEQ" '$1 == a { print $2 }')
	[[ $sym =~ ^(seq|step-asm\+0x${SEQ: -4})$ ]] || fail "location '$sym'"
}

@test "ptstep -n stops counting and the program runs on to its own exit" {
	run ptstep -n 3 -- "$ASM"
	assert_failure 36
	[ "$(printf '%s\n' "$output" | grep -c '^0x')" -eq 3 ]
	refute_line --partial "exited"
}

@test "ptstep -u stops at an address" {
	run ptstep -u "$UNTIL" -- "$ASM"
	assert_failure 36
	assert_line --partial "until    $UNTIL"
	[ "$(printf '%s\n' "$output" | grep -c '^0x')" -eq 5 ]
}

@test "ptstep -r shows the registers each instruction changed" {
	run ptstep -r -- "$ASM"
	if [ "$PC" = pc ]; then
		# NZCV change only with cmp; pc is never listed.  The kernel
		# may flip PSTATE.SSBS (bit 12) between two steps, which then
		# shows as a pstate change too (once in the aarch64 guest).
		assert_line --regexp '^0x400148 .* cmp x0, #2  ; pstate=0x[0-9a-f]+$'
		assert_line --regexp '^0x4001a0 .* movz w0, #0x5  ; x0=0x5( pstate=0x[0-9a-f]+)?$'
		assert_line --regexp '^0x4001a4 .* add w0, w0, #7  ; x0=0xc( pstate=0x[0-9a-f]+)?$'
		assert_line --regexp '^0x4001ac .* mul w0, w0, w1  ; x0=0x24( pstate=0x[0-9a-f]+)?$'
		assert_line --regexp '^0x4001b4 .* nop$'
	elif [ "$PC" = nip ]; then
		# cr0 changes with cmpdi; msr may change where the kernel
		# hands the FP unit over lazily
		assert_line --regexp '^0x1000014c .* cmpdi r3, 2  ; ccr=0x80000000( msr=0x[0-9a-f]+)?$'
		assert_line --regexp '^0x100001a4 .* li r3, 5  ; r3=0x5( msr=0x[0-9a-f]+)?$'
		assert_line --regexp '^0x100001a8 .* addi r3, r3, 7  ; r3=0xc( msr=0x[0-9a-f]+)?$'
		assert_line --regexp '^0x100001b0 .* mullw r3, r3, r4  ; r3=0x24( msr=0x[0-9a-f]+)?$'
		assert_line --regexp '^0x100001b8 .* nop$'
	else
		assert_line --regexp '^0x401036 .* mov eax, 5  ; rax=0x5$'
		assert_line --regexp '^0x40103b .* add eax, 7  ; rax=0xc rflags=0x[0-9a-f]+$'
		assert_line --regexp '^0x40103e .* imul eax, eax, 3  ; rax=0x24( rflags=0x[0-9a-f]+)?$'
		assert_line --regexp '^0x401043 .* nop$'
	fi
}

@test "ptstep -s shows syscalls as they are entered" {
	run ptstep -s -- "$ASM"
	assert_line --regexp "^syscall  exit\\((0x24|36)[,)].* \\[$EXIT_NR\\]\$"
	# shown just before the syscall instruction, once
	[ "$(printf '%s\n' "$output" | grep -c '^syscall ')" -eq 1 ]
	[ "$(printf '%s\n' "$output" | grep -A1 '^syscall ' | tail -1)" = "$(printf '%s\n' "$output" | grep '^0x' | tail -1)" ]
}

@test "ptstep -j prints one JSON object per line" {
	run ptstep -j -r -- "$ASM"
	assert_failure 36
	printf '%s\n' "$output" | jq -e . >/dev/null
	if [ "$PC" = pc ]; then
		[ "$(printf '%s\n' "$output" | jq -r 'select(.addr == "0x4001a0") | .insn')" = "movz w0, #0x5" ]
		[ "$(printf '%s\n' "$output" | jq -r 'select(.addr == "0x4001a0") | .regs.x0')" = "0x5" ]
	elif [ "$PC" = nip ]; then
		[ "$(printf '%s\n' "$output" | jq -r 'select(.addr == "0x100001a4") | .insn')" = "li r3, 5" ]
		[ "$(printf '%s\n' "$output" | jq -r 'select(.addr == "0x100001a4") | .regs.r3')" = "0x5" ]
	else
		[ "$(printf '%s\n' "$output" | jq -r 'select(.addr == "0x401036") | .insn')" = "mov eax, 5" ]
		[ "$(printf '%s\n' "$output" | jq -r 'select(.addr == "0x401036") | .regs.rax')" = "0x5" ]
	fi
	[ "$(printf '%s\n' "$output" | jq -r 'select(.event == "exited") | .text')" = "36" ]
}

@test "ptstep explains a NULL-pointer read" {
	run ptstep -- "$ASM" n
	assert_failure 139
	pc=0x40104f
	[ "$PC" = pc ] && pc=0x4001c4
	[ "$PC" = nip ] && pc=0x100001c8
	assert_line --regexp "^fault    SIGSEGV at $pc .*: NULL-pointer read of 0x8 \\(size 4\\)$"
	assert_line --regexp '^where    0x8 is not mapped'
	assert_line "killed   SIGSEGV"
}

@test "ptstep -j reports a fault as a JSON object" {
	run ptstep -j -- "$ASM" n
	assert_failure 139
	f=$(printf '%s\n' "$output" | jq -c 'select(.event == "fault") | [.signal, .pc, .kind, .addr, .size, .insn]')
	if [ "$PC" = pc ]; then
		[ "$f" = '["SIGSEGV","0x4001c4","null","0x8",4,"ldr w1, [x0, #8]"]' ] || fail "$f"
	elif [ "$PC" = nip ]; then
		[ "$f" = '["SIGSEGV","0x100001c8","null","0x8",4,"lwz r4, 8(r3)"]' ] || fail "$f"
	else
		[ "$f" = '["SIGSEGV","0x40104f","null","0x8",4,"mov ecx, dword ptr [rax + 8]"]' ] || fail "$f"
	fi
}

@test "ptstep explains a write to read-only data" {
	run ptstep -- "$ASM" w
	if [ "$PC" = pc ]; then
		# the linker puts .rodata in the text segment here
		assert_line --regexp '^fault    SIGSEGV at 0x4001d4 .*: invalid write of 0x400248 \(size 4\): mapping is not writable$'
		assert_line --regexp '^where    0x400248 is in .* r-xp .*step-asm \(\+0x248\)$'
	elif [ "$PC" = nip ]; then
		# .rodata is in the text segment here too
		assert_line --regexp '^fault    SIGSEGV at 0x100001d8 .*: invalid write of 0x1000025c \(size 4\): mapping is not writable$'
		assert_line --regexp '^where    0x1000025c is in .* r-xp .*step-asm \(\+0x25c\)$'
	else
		assert_line --regexp '^fault    SIGSEGV at 0x401059 .*: invalid write of 0x[0-9a-f]+ \(size 4\): mapping is not writable$'
		assert_line --regexp '^where    0x[0-9a-f]+ is in .* r--p .*step-asm'
	fi
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
	pc=0x401076
	[ "$PC" = pc ] && pc=0x4001f0
	[ "$PC" = nip ] && pc=0x100001fc
	assert_line --regexp "^fault    SIGSEGV at $pc "'.*: stack overflow: write of 0x[0-9a-f]+ \(size 8\) beyond the stack'
	assert_line --regexp '^where    .* bytes before .* \[stack\]$'
}

@test "ptstep explains a division by zero" {
	run ptstep -- "$ASM" d
	if [ "$PC" = pc ]; then
		# integer division by zero does not trap on aarch64: 1 / 0 = 0
		assert_success
		assert_line --regexp '^0x400200 .* sdiv w0, w0, w1$'
		refute_line --partial "fault"
		assert_line "exited   0"
		return
	fi
	if [ "$PC" = nip ]; then
		# nor on ppc64le: the quotient is undefined, and the exit
		# status with it
		assert_line --regexp '^0x1000020c .* divw r3, r3, r4$'
		refute_line --partial "fault"
		assert_line --regexp '^exited   [0-9]+$'
		return
	fi
	assert_failure 136
	assert_line --regexp '^fault    SIGFPE at 0x40108b .*: integer division by zero \(divisor ecx = 0\)$'
	assert_line "killed   SIGFPE"
}

@test "ptstep explains an illegal instruction" {
	run ptstep -- "$ASM" u
	assert_failure 132
	if [ "$PC" = pc ]; then
		# capstone 4 does not decode udf
		assert_line --regexp '^fault    SIGILL at 0x40020c .*: illegal instruction( \(bytes do not decode\)|: udf #0)$'
	elif [ "$PC" = nip ]; then
		# the word 0 is no instruction
		assert_line --regexp '^fault    SIGILL at 0x10000218 .*: illegal instruction \(bytes do not decode\)$'
	else
		assert_line --regexp '^fault    SIGILL at 0x40108d .*: illegal instruction: ud2$'
	fi
	assert_line "killed   SIGILL"
}

@test "ptstep reports a trap it did not set and steps on" {
	run ptstep -- "$ASM" t
	assert_success
	if [ "$PC" = pc ]; then
		# brk leaves the pc on itself: ptstep steps over it
		assert_line --regexp '^0x400210 .* brk #0$'
		assert_line --regexp '^fault    SIGTRAP at 0x400210 .*: trap not set by this tool$'
		assert_line --regexp '^0x400214 .* movz x0, #0$'
		[ "$(printf '%s\n' "$output" | grep -c 'brk #0$')" -eq 1 ]
	elif [ "$PC" = nip ]; then
		# trap leaves the pc on itself too
		assert_line --regexp '^0x1000021c .* trap$'
		assert_line --regexp '^fault    SIGTRAP at 0x1000021c .*: trap not set by this tool$'
		assert_line --regexp '^0x10000220 .* li r3, 0$'
		[ "$(printf '%s\n' "$output" | grep -c ' trap$')" -eq 1 ]
	else
		assert_line --regexp '^fault    SIGTRAP .*: trap \(breakpoint instruction\) not set by this tool$'
		assert_line --regexp '^0x401090 .* xor edi, edi$'
	fi
	assert_line "exited   0"
}

# ---- -c: full speed, a fault explained ----

# the exit status of ptstep run with ARGS, negative when a signal
# killed it (python's convention), to tell a death from an exit
death_of() {
	python3 -c 'import subprocess, sys
print(subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode)' \
	    "$PTOOLS_BIN/ptstep" "$@"
}

@test "ptstep -c explains a NULL read at full speed, shows the instruction, dies of the signal" {
	run ptstep -c -- "$ASM" n
	assert_failure 139
	refute_line --regexp '^0x'
	assert_line --regexp '^fault    SIGSEGV at 0x[0-9a-f]+ .*: NULL-pointer read of 0x8 \(size 4\)$'
	assert_line --regexp '^where    0x8 is not mapped'
	case $(ptools_cpu) in
	aarch64) assert_line "insn     ldr w1, [x0, #8]" ;;
	ppc64le) assert_line "insn     lwz r4, 8(r3)" ;;
	arm) assert_line "insn     ldr r1, [r0, #8]" ;;
	i386) assert_line "insn     mov ecx, dword ptr [eax + 8]" ;;
	*) assert_line "insn     mov ecx, dword ptr [rax + 8]" ;;
	esac
	assert_line "killed   SIGSEGV"
	# step-asm has no DWARF: said once, then the one frame by symbol
	assert_line "source   no DWARF line information"
	assert_line --regexp '^frame    #0  0x0*[0-9a-f]+  f_null\+0x[0-9a-f]+  step-asm$'
	[ "${#lines[@]}" -eq 6 ] || fail "lines: $output"
	command -v python3 >/dev/null || skip "no python3 to tell a death from an exit"
	[ "$(death_of -c -- "$ASM" n)" = -11 ]
	[ "$(death_of -c -- "$CALLS")" = 95 ]
}

@test "ptstep -c explains every kind of fault of step-asm" {
	local m st re
	# step-asm's letter, the status, the fault line expected
	while IFS='|' read -r m st re; do
		run ptstep -c -- "$ASM" "$m"
		assert_failure "$st"
		assert_line --regexp "$re"
		refute_line --regexp '^0x'
	done <<'EOF'
w|139|^fault    SIGSEGV at .*: invalid write of 0x[0-9a-f]+ \(size 4\): mapping is not writable$
j|139|^fault    SIGSEGV at 0xdead0000 .*: execution of unmapped memory at 0xdead0000$
x|139|^fault    SIGSEGV at 0x[0-9a-f]+ .*: execution of non-executable memory at 0x[0-9a-f]+ \(mapping rw-p .*step-asm\)$
s|139|^fault    SIGSEGV at .*: stack overflow: write of 0x[0-9a-f]+ \(size [48]\) beyond the stack
u|132|^fault    SIGILL at 0x[0-9a-f]+ .*: illegal instruction
t|133|^fault    SIGTRAP at 0x[0-9a-f]+ .*not set by this tool$
EOF
	run ptstep -c -- "$ASM" j
	assert_line "insn     unreadable"
	run ptstep -c -- "$ASM" d
	if [ "$(ptools_cpu)" = aarch64 ] || [ "$(ptools_cpu)" = arm ]; then
		# integer division by zero does not trap on aarch64 and arm
		assert_success
		assert_output "exited   0"
		return
	fi
	if [ "$(ptools_cpu)" = ppc64le ]; then
		# nor on ppc64le, whose quotient is undefined
		assert_output --regexp '^exited   [0-9]+$'
		return
	fi
	assert_failure 136
	assert_line --regexp '^fault    SIGFPE at 0x[0-9a-f]+ .*: integer division by zero \(divisor ecx = 0\)$'
	assert_line "insn     idiv ecx"
	assert_line "killed   SIGFPE"
}

@test "ptstep -c gives the source line and the backtrace of a fault" {
	local line
	line=$(grep -n 'return \*(volatile char \*)mmap' "$PTOOLS_TOP/tests/targets/step-calls.c" | cut -d: -f1)
	run ptstep -c -- "$CALLS" b
	assert_failure 135
	assert_line "source   tests/targets/step-calls.c:$line"
	assert_line --regexp "^frame    #0  0x[0-9a-f]+  main\\+0x[0-9a-f]+  step-calls  tests/targets/step-calls.c:$line\$"
	assert_line --regexp '^frame    #[1-9] .* __libc_start_main'
	run ptstep -c -j -- "$CALLS" b
	[ "$(printf '%s\n' "$output" | jq -c 'select(.event == "source") | [.file, .line]')" = "[\"tests/targets/step-calls.c\",$line]" ]
	[ "$(printf '%s\n' "$output" | jq -r 'select(.event == "frame" and .n == 0) | .symbol')" = main ]
}

@test "ptstep -c reports SIGABRT, SIGBUS and SIGSYS" {
	run ptstep -c -- "$CALLS" a
	assert_failure 134
	assert_line "signal   SIGABRT"
	assert_line "killed   SIGABRT"
	run ptstep -c -- "$CALLS" b
	assert_failure 135
	assert_line --regexp '^fault    SIGBUS at 0x[0-9a-f]+ main\+0x[0-9a-f]+: bus error at 0x[0-9a-f]+: no backing page'
	assert_line --regexp '^where    .* r--s /tmp/step-calls.* \(deleted\)'
	assert_line "killed   SIGBUS"
	run ptstep -c -- "$CALLS" y
	assert_failure 159
	assert_line "signal   SIGSYS"
	assert_line "killed   SIGSYS"
}

@test "ptstep -c -j reports the fault as JSON; a program that ends well just ends" {
	run ptstep -c -j -- "$ASM" n
	assert_failure 139
	f=$(printf '%s\n' "$output" | jq -c 'select(.event == "fault") | [.signal, .kind, .addr, .size]')
	[ "$f" = '["SIGSEGV","null","0x8",4]' ] || fail "$f"
	run ptstep -c -- "$CALLS"
	assert_failure 95
	assert_output "exited   95"
}

@test "ptstep -c -b runs to the breakpoint, then steps" {
	run ptstep -c -b sum6 -n 3 -- "$CALLS"
	assert_failure 95
	assert_line --regexp '^break    0x[0-9a-f]+ sum6 thread [0-9]+$'
	[ "$(grep -c '^0x' <<<"$output")" -eq 3 ]
	assert_line --index 1 --regexp '^source   tests/targets/step-calls.c:[0-9]+$'
	assert_line --index 2 --regexp '^0x[0-9a-f]+ +sum6 '
}

# ---- -L: logging breakpoints ----

@test "ptstep -L logs each call with its six arguments and runs on" {
	run ptstep -L sum6 -L fact -- "$CALLS"
	assert_failure 95
	got=$(awk '$1 == "call" { $2 = ""; $5 = ""; print }' <<<"$output" | tr -s ' ' | cut -d' ' -f1-4)
	expected="call sum6 thread a0=0x1
call sum6 thread a0=0xa
call $FACT thread a0=0x5
call $FACT thread a0=0x4
call $FACT thread a0=0x3
call $FACT thread a0=0x2
call $FACT thread a0=0x1"
	[ "$got" = "$expected" ] || fail "got: $got"
	assert_line --regexp '^call     0x[0-9a-f]+ sum6 thread [0-9]+ a0=0x1 a1=0x2 a2=0x3 a3=0x4 a4=0x5 a5=0x6$'
	assert_line --regexp '^call     0x[0-9a-f]+ sum6 thread [0-9]+ a0=0xa a1=0x14 a2=0x1e a3=0x28 a4=0x32 a5=0x3c$'
	# every call by the one thread, the process itself
	[ "$(awk '$1 == "call" { print $5 }' <<<"$output" | sort -u | wc -l)" -eq 1 ]
	assert_line "exited   95"
}

@test "ptstep -L -j logs the calls of every thread as JSON" {
	run ptstep -c -j -L sum6 -- "$CALLS" t
	assert_success
	got=$(printf '%s\n' "$output" | jq -c 'select(.event == "call") | [.sym, .args]')
	[ "$got" = '["sum6",["0x64","0xc8","0x12c","0x190","0x1f4","0x258"]]
["sum6",["0x3e8","0x7d0","0xbb8","0xfa0","0x1388","0x1770"]]' ] || fail "$got"
	[ "$(printf '%s\n' "$output" | jq -r 'select(.event == "call") | .tid' | sort -u | wc -l)" -eq 2 ]
}

@test "ptstep -L where a program starts logs it once, and follows an exec" {
	run ptstep -L _start -- "$ASM"
	assert_failure 36
	[ "$(grep -c '^call .* _start thread' <<<"$output")" -eq 1 ] || fail "$output"
	run ptstep -L _start -- "$ASM" e
	assert_success
	[ "$(grep -c '^call .* _start thread' <<<"$output")" -eq 1 ] || fail "$output"
	assert_line --regexp '^exec     process [0-9]+ runs a new program, without breakpoints$'
	assert_line "exited   0"
}

@test "ptstep -L logs in fork and vfork children until they run a new program" {
	run ptstep -L sum6 -- "$CALLS" f
	assert_success
	refute_line "child died"
	main=$(awk '$1 == "main" { print $2 }' <<<"$output")
	# a fork child, its fork child, a vfork child, a fork child before
	# its exec (the program it runs then is not logged), the process,
	# and a child that runs on after the process has exited: ptstep
	# ends with that child, telling the process's status
	got=$(awk '$1 == "call" { print $3, $6 }' <<<"$output")
	[ "$got" = "sum6 a0=0x7
sum6 a0=0xd
sum6 a0=0x13
sum6 a0=0x19
sum6 a0=0x1f
sum6 a0=0x25" ] || fail "$output"
	[ "$(awk '$1 == "call" { print $5 }' <<<"$output" | sort -u | wc -l)" -eq 6 ]
	assert_line --regexp "^call     0x[0-9a-f]+ sum6 thread $main a0=0x1f a1=0x20 "
	assert_line --index $((${#lines[@]} - 1)) "exited   0"
}

@test "ptstep -b: a vfork child runs through the breakpoint, the process stops there" {
	run ptstep -b sum6 -n 1 -- "$CALLS" f
	assert_success
	refute_line "child died"
	main=$(awk '$1 == "main" { print $2 }' <<<"$output")
	assert_line --index 1 --regexp "^break    0x[0-9a-f]+ sum6 thread $main$"
}

@test "ptstep -L: fork children of an attached process log, and run on after SIGTERM" {
	start_target step-spawn F
	a=$(bp_at "$TPID" "$(rt_addr step-spawn tick "$TPID")")
	ptstep -L tick -p "$TPID" >"$BATS_TEST_TMPDIR/log" 2>&1 &
	spid=$!
	for _ in $(seq 1 200); do
		[ "$(awk -v p="$TPID" '$1 == "call" && $5 != p' \
		    "$BATS_TEST_TMPDIR/log" | wc -l)" -ge 30 ] && break
		sleep 0.02
	done
	kill -TERM "$spid"
	rc=0
	wait "$spid" || rc=$?
	# the children's calls, 20 each, and the process's, one per child
	run awk -v p="$TPID" '$1 == "call" { n[$5 == p ? "main" : $5]++ }
	    END {
		for (k in n)
			if (k != "main") {
				c++
				if (n[k] > 20)
					bad++
			}
		print ((c >= 2 && bad == 0 && n["main"] >= 1) ? "ok" : "bad")
	    }' "$BATS_TEST_TMPDIR/log"
	assert_output ok
	sleep 0.2
	refute grep -q "child died" "$TOUT"
	[ "$(mem_hex "$TPID" "$a" "$BPLEN")" != "$BPHEX" ]
	for c in $(children_of "$TPID"); do
		# (a child may end meanwhile)
		tp=$(tracer_pid "$c" 2>/dev/null) || continue
		[ "$tp" = 0 ] || fail "child $c still traced"
		[ "$(mem_hex "$c" "$a" "$BPLEN")" != "$BPHEX" ] || fail "child $c has the breakpoint"
	done
	assert_untouched "$TPID"
	counting "$TPID" ticks
}

@test "ptstep -L: SIGTERM in the middle of forks leaves no child a breakpoint" {
	# A child met while its fork is under way (its parent's event or
	# its own first stop still to come) holds the breakpoint too.
	for i in $(seq 1 12); do
		start_target step-spawn r
		ptstep -L tick -p "$TPID" >/dev/null 2>&1 &
		spid=$!
		sleep "0.$((5 + i * 3))"
		kill -TERM "$spid"
		rc=0
		wait "$spid" || rc=$?
		[ "$rc" = 143 ] || fail "try $i: ptstep exited $rc"
		sleep 0.1
		refute grep -q "child died" "$TOUT"
		assert_untouched "$TPID"
		kill -KILL "$TPID"
		wait "$TPID" 2>/dev/null || true
	done
}

# ---- -N: stepping over calls ----

@test "ptstep -N steps over calls, recursive ones too" {
	run ptstep -N -b main -- "$CALLS"
	assert_failure 95
	refute_line --regexp '^0x[0-9a-f]+ +(sum6|fact)'
	assert_line "exited   95"
	run ptstep -N -r -b fact -- "$CALLS"
	assert_failure 95
	# fact(5) runs once: the inner calls end at their own return
	[ -z "$(awk '/^0x/ { print $1 }' <<<"$output" | sort | uniq -d)" ] ||
		fail "an instruction ran twice: $output"
	case $(ptools_cpu) in
	aarch64) assert_line --regexp '^0x[0-9a-f]+ +fact\+0x[0-9a-f]+ .* bl #?0x[0-9a-f]+  ; .*x0=0x18' ;;
	ppc64le) assert_line --regexp '^0x[0-9a-f]+ +fact\+0x[0-9a-f]+ .* bl 0x[0-9a-f]+  ; .*r3=0x18' ;;
	arm) assert_line --regexp '^0x[0-9a-f]+ +fact\+0x[0-9a-f]+ .* blx? #?0x[0-9a-f]+  ; .*r0=0x18' ;;
	i386) assert_line --regexp '^0x[0-9a-f]+ +fact\+0x[0-9a-f]+ .* call 0x[0-9a-f]+  ; .*eax=0x18' ;;
	*) assert_line --regexp '^0x[0-9a-f]+ +fact\+0x[0-9a-f]+ .* call 0x[0-9a-f]+  ; .*rax=0x18' ;;
	esac
}

@test "ptstep follows a process that execs while stepped" {
	run ptstep -n 40 -- "$ASM" e
	assert_success
	if [ "$PC" = pc ]; then
		assert_line --regexp '^0x400238 .* svc #0$'
	elif [ "$PC" = nip ]; then
		assert_line --regexp '^0x1000024c .* sc$'
	else
		assert_line --regexp '^0x4010ad .* syscall$'
		# the dynamic loader of /bin/true runs next, mapped high
		# (0x7e... or 0x7f... as the mmap base falls)
		assert_line --regexp '^0x7[0-9a-f]{11} '
	fi
	assert_line --regexp '^exec     process [0-9]+ runs true$'
	# the end of the exec is no instruction: the first one is shown once
	after=$(printf '%s\n' "$output" | awk '/^exec / { e = 1; next } e && /^0x/ { print $1 }' | head -2)
	[ "$(printf '%s\n' "$after" | wc -l)" -eq 2 ]
	[ "$(printf '%s\n' "$after" | uniq | wc -l)" -eq 2 ] || fail "repeated: $after"
}

@test "ptstep -p with -b runs to a breakpoint, steps, restores the bytes and detaches" {
	start_target step-loop
	a=$(rt_addr step-loop work "$TPID")
	before=$(mem_hex "$TPID" "$a" 4)
	run ptstep -n 3 -b "$a" -p "$TPID"
	assert_success
	assert_line --index 0 --regexp "^break    $a .*thread $TPID( \(stopped there already\))?$"
	assert_line --index 1 --regexp '^source   tests/targets/step-loop.c:[0-9]+$'
	[ "$(printf '%s\n' "$output" | awk 'NR == 3 { print $1 }')" = "$a" ]
	[ "$(printf '%s\n' "$output" | grep -c '^0x')" -eq 3 ]
	[ "$(mem_hex "$TPID" "$a" 4)" = "$before" ]
	assert_untouched "$TPID"
}

@test "ptstep -b main on a started program, then a libc function" {
	run ptstep -n 2 -b main -- "$PTOOLS_TARGETS/step-hello"
	assert_failure 3
	if [ "$PC" = nip ]; then
		# past main's global entry, which sets up r2, to the local
		# entry calls from its own module take
		assert_line --index 0 --regexp '^break    0x[0-9a-f]+ main\+0x8 thread [0-9]+$'
	else
		assert_line --index 0 --regexp '^break    0x[0-9a-f]+ main thread [0-9]+$'
	fi
	assert_line --index 1 'source   tests/targets/step-hello.c:9'
	if [ "$PC" = nip ]; then
		assert_line --index 2 --regexp '^0x[0-9a-f]+ +main\+0x8 +a602087c +mflr r0$'
		assert_line --index 3 --regexp '^0x[0-9a-f]+ +main\+0xc +100001f8 +std r0, 0x10\(r1\)$'
	elif [ "$(ptools_cpu)" = arm ]; then
		# Thumb: the frame record first
		assert_line --index 2 --regexp '^0x[0-9a-f]+ +main +[0-9a-f]+ +push \{r7, lr\}$'
	elif [ "$PC" = pc ]; then
		assert_line --index 2 --regexp '^0x[0-9a-f]+ +main +fd7bbfa9 +stp x29, x30, \[sp, #-0x10\]!$'
		assert_line --index 3 --regexp '^0x[0-9a-f]+ +main\+0x4 +fd030091 +mov x29, sp$'
	else
		assert_line --index 2 --regexp '^0x[0-9a-f]+ +main +[0-9a-f]+ +push rbp$'
		assert_line --index 3 --regexp '^0x[0-9a-f]+ +main\+0x1 +4889e5 +mov rbp, rsp$'
	fi
	run ptstep -n 1 -b libc:puts -- "$PTOOLS_TARGETS/step-hello"
	assert_failure 3
	# libc is mapped high: 0x7e... or 0x7f... as the mmap base falls
	# (aarch64: 0xffff...; arm below its 3 GiB: 0xb...); on ppc64le
	# past the global entry
	assert_line --index 0 --regexp '^break    0x(7[ef]|ffff|b)[0-9a-f]+ (_IO_)?puts(\+0x8)? thread [0-9]+$'
	[ "${#lines[@]}" -ge 2 ]
}

@test "ptstep marks where each source line starts; -j gives every instruction its line" {
	# main of step-hello: line 9 is its opening brace (the prologue),
	# line 10 the call of puts; -N keeps the steps inside main (i386
	# code has more of them: the PIC register).
	run ptstep -N -n 30 -b main -- "$PTOOLS_TARGETS/step-hello"
	assert_failure 3
	src=$(printf '%s\n' "$output" | grep '^source' | head -n 2)
	assert_equal "$src" "source   tests/targets/step-hello.c:9
source   tests/targets/step-hello.c:10"
	# Each line is named once, where it starts: before the first
	# instruction of main, and again only when the line changes.
	[ "$(printf '%s\n' "$output" | grep -A1 '^break' | sed -n 2p)" = "source   tests/targets/step-hello.c:9" ]
	[ "$(printf '%s\n' "$output" | grep -c '^source   tests/targets/step-hello.c:9$')" -eq 1 ]
	run ptstep -j -N -n 30 -b main -- "$PTOOLS_TARGETS/step-hello"
	assert_failure 3
	lines_of_main=$(printf '%s\n' "$output" | grep '^{' | jq -r 'select(.insn != null and (.sym | test("^main"))) | "\(.file):\(.line)"' | uniq)
	assert_equal "$lines_of_main" "tests/targets/step-hello.c:9
tests/targets/step-hello.c:10
tests/targets/step-hello.c:11
tests/targets/step-hello.c:12"
}

@test "ptstep: code without DWARF lines gets no source lines" {
	run ptstep -- "$ASM"
	assert_failure 36
	refute_line --partial 'source'
	run ptstep -j -n 3 -- "$ASM"
	[ "$(printf '%s\n' "$output" | jq -r 'select(.insn != null) | .file // "none"' | sort -u)" = none ]
}

@test "ptstep steps over a syscall that returns: each instruction once" {
	run ptstep -n 60 -b libc:write -- "$PTOOLS_TARGETS/step-hello"
	assert_failure 3
	assert_line --regexp "^break    0x[0-9a-f]+ (__libc_|__)?write$LOC thread [0-9]+\$"
	insns=$(printf '%s\n' "$output" | awk '/^0x/ { print $1, $3, $4 }')
	# scv 0 (01000044) is data to capstone 4
	sc=$(printf '%s\n' "$insns" | grep -m1 -nE ' (syscall|svc|sc)$| 01000044 ' | cut -d: -f1)
	[ -n "$sc" ] || fail "no syscall instruction in: $insns"
	set -- $(printf '%s\n' "$insns" | sed -n "${sc}p")
	next=$(printf '0x%x' $(($1 + ${#2} / 2)))
	# the instruction after the syscall comes next, and only once
	[ "$(printf '%s\n' "$insns" | sed -n "$((sc + 1))p" | cut -d' ' -f1)" = "$next" ] || fail "after $1: $insns"
	[ "$(printf '%s\n' "$insns" | sed -n "$((sc + 2))p" | cut -d' ' -f1)" != "$next" ] || fail "twice: $insns"
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
	[ "$(mem_hex "$TPID" "$a" "$BPLEN")" != "$BPHEX" ]
	assert_untouched "$TPID"
}

@test "ptstep with a breakpoint where the process is stopped starts there" {
	start_target basic
	pc=$(ptregs "$TPID" "$PC")
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
	pc=$(ptregs "$TPID" "$PC")
	run ptstep -b "%$PC" -u "%$PC" -p "$TPID"
	assert_success
	assert_line --index 0 --regexp "^break    $pc .*\(stopped there already\)$"
	run ptstep -b "%$SP" -p "$TPID"
	assert_failure 1
	assert_output --regexp "^ptstep: breakpoint %$SP: 0x[0-9a-f]+ is not executable \(mapping .* rw-p \[stack\]\)$"
	assert_untouched "$TPID"
}

@test "ptstep on a multi-threaded process: any thread may hit the breakpoint, the rest run on" {
	start_target step-threads
	a=$(bp_at "$TPID" "$(rt_addr step-threads tick "$TPID")")
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

@test "ptstep -b on 64 busy threads that all run into the breakpoint: one steps, all run on" {
	start_target step-threads 64
	[ "$(ls /proc/"$TPID"/task | wc -l)" -eq 65 ]
	a=$(bp_at "$TPID" "$(rt_addr step-threads tick "$TPID")")
	before=$(mem_hex "$TPID" "$a" 4)
	run ptstep -n 3 -b "$a" -p "$TPID"
	assert_success
	assert_line --index 0 --regexp "^break    $a tick$LOC thread [0-9]+( \(stopped there already\))?$"
	[ "$(grep -c '^0x' <<<"$output")" -eq 3 ]
	[ "$(mem_hex "$TPID" "$a" 4)" = "$before" ]
	assert_untouched "$TPID"
	for t in /proc/$TPID/task/*; do
		[ "$(awk '/^TracerPid:/ { print $2 }' "$t/status")" = 0 ] || fail "thread $t traced"
		[ "$(sed 's/.*) //' "$t/stat" | cut -d' ' -f1)" != t ] || fail "thread $t stopped"
	done
	# Every thread still calls tick: none was left on a trap.
	counting "$TPID" ticks
	[ "$(ls /proc/"$TPID"/task | wc -l)" -eq 65 ]
}

@test "ptstep -N: threads running untraced through the return address are not hit" {
	# Two threads spin in a loop that calls tick (the main thread does
	# not); ptstep steps the one that hits -b tick, and -N runs each
	# later call of tick to its return address, which the other thread
	# runs through too.  At the lowest priority: in an emulated 2-CPU
	# guest the spinners would starve the test's own commands.
	start_cmd nice -n 19 "$PTOOLS_TARGETS/step-threads" 2
	[ "$(ls /proc/"$TPID"/task | wc -l)" -eq 3 ]
	a=$(bp_at "$TPID" "$(rt_addr step-threads tick "$TPID")")
	run ptstep -N -n 40 -b "$a" -p "$TPID"
	assert_success
	[ "$(grep -c '^0x' <<<"$output")" -eq 40 ] || fail "$output"
	# a call of tick stepped over: shown once, tick's own code never
	case $(ptools_cpu) in
	aarch64|ppc64le|arm) assert_line --regexp '^0x[0-9a-f]+ +spinner\+0x[0-9a-f]+ .* bl #?0x[0-9a-f]+' ;;
	*) assert_line --regexp '^0x[0-9a-f]+ +spinner\+0x[0-9a-f]+ .* call 0x[0-9a-f]+' ;;
	esac
	# (the steps begin in tick, at the breakpoint)
	[ -z "$(awk '/ spinner\+.* (call|bl) / { c = 1 } c && $2 ~ /^tick/' <<<"$output")" ] ||
		fail "stepped into tick: $output"
	assert_untouched "$TPID"
	for t in /proc/$TPID/task/*; do
		[ "$(awk '/^TracerPid:/ { print $2 }' "$t/status")" = 0 ] || fail "thread $t traced"
	done
	[ "$(ls /proc/"$TPID"/task | wc -l)" -eq 3 ]
	counting "$TPID" spins
}

@test "ptstep -b: threads created after the attach may hit the breakpoint" {
	start_target step-spawn t
	a=$(bp_at "$TPID" "$(rt_addr step-spawn tick "$TPID")")
	for i in 1 2 3 4 5; do
		run ptstep -n 2 -b "$a" -p "$TPID"
		assert_success
		assert_line --index 0 --regexp "^break    $a tick$LOC thread [0-9]+( \(stopped there already\))?$"
	done
	[ "$(mem_hex "$TPID" "$a" "$BPLEN")" != "$BPHEX" ]
	assert_untouched "$TPID"
}

@test "ptstep -b: fork children get the original bytes and run on" {
	start_target step-spawn f
	a=$(bp_at "$TPID" "$(rt_addr step-spawn tick "$TPID")")
	for i in 1 2 3 4 5; do
		run ptstep -n 2 -b "$a" -p "$TPID"
		assert_success
		assert_line --index 0 --regexp "^break    $a tick$LOC thread $TPID$"
	done
	sleep 0.1
	refute grep -q "child died" "$TOUT"
	assert_untouched "$TPID"
}

@test "ptstep restores breakpoint bytes when interrupted with SIGINT" {
	start_target step-loop
	a=$(bp_at "$TPID" "$(rt_addr step-loop never_called "$TPID")")
	before=$(mem_hex "$TPID" "$a" 4)
	ptstep -b "$a" -p "$TPID" >/dev/null 2>&1 &
	spid=$!
	for i in $(seq 1 100); do
		[ "$(mem_hex "$TPID" "$a" "$BPLEN")" = "$BPHEX" ] && break
		sleep 0.02
	done
	[ "$(mem_hex "$TPID" "$a" "$BPLEN")" = "$BPHEX" ] || fail "breakpoint never written"
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
	use=$(ptstep -h 2>&1 | sed -n '1s/^usage: //p')
	[ "$syn" = "$use" ] || fail "man: '$syn' usage: '$use'"
}

@test "ptstep completions load and complete options" {
	source "$PTOOLS_TOP/completions/bash/ptstep"
	COMP_WORDS=(ptstep -)
	COMP_CWORD=1
	_ptstep
	[[ " ${COMPREPLY[*]} " == *" -b "* ]]
	[[ " ${COMPREPLY[*]} " == *" -u "* ]]
	[[ " ${COMPREPLY[*]} " == *" -L "* ]]
	[[ " ${COMPREPLY[*]} " == *" --continue "* ]]
	[[ " ${COMPREPLY[*]} " == *" --next "* ]]
	zsh -c "autoload -U compinit; compinit -u; source $PTOOLS_TOP/completions/zsh/_ptstep"
	fish -n "$PTOOLS_TOP/completions/fish/ptstep.fish"
}

# ---- i386: the 32-bit build (tests/qemu/step-asm-i386.c) ----
# The tests above expect x86_64 code and addresses; the i386 guest
# skips them (tests/qemu/skips.txt) and runs these instead, which skip
# unless the tools are 32-bit x86 (the guest's kernel is x86_64, so
# uname cannot tell).

# The ELF machine of the tools: 3 is EM_386.
i386_build() {
	[ "$(od -An -tu2 -j18 -N2 "$PTOOLS_BIN/ptstep" | tr -d ' ')" = 3 ]
}

@test "i386: ptstep steps a known instruction sequence exactly and keeps the exit status" {
	i386_build || skip "the tools are not 32-bit x86"
	run ptstep -- "$ASM"
	assert_failure 36
	cols=$(printf '%s\n' "$output" | awk '/^0x/ { $2 = ""; print }' | tr -s ' ')
	expected="0x8049000 8b3c24 mov edi, dword ptr [esp]
0x8049003 83ff02 cmp edi, 2
0x8049006 7c2b jl 0x8049033
0x8049033 b805000000 mov eax, 5
0x8049038 83c007 add eax, 7
0x804903b 6bc003 imul eax, eax, 3
0x804903e 31d2 xor edx, edx
0x8049040 90 nop
0x8049041 89c3 mov ebx, eax
0x8049043 b801000000 mov eax, 1
0x8049048 cd80 int 0x80"
	[ "$cols" = "$expected" ] || fail "got: $cols"
	assert_line "exited   36"
	sym=$(printf '%s\n' "$output" | awk '$1 == "0x8049033" { print $2 }')
	[ "$sym" = seq ] || fail "location '$sym'"
}

@test "i386: ptstep -u, -r, -s and -j" {
	i386_build || skip "the tools are not 32-bit x86"
	run ptstep -u 0x804903b -- "$ASM"
	assert_failure 36
	assert_line --partial "until    0x804903b"
	[ "$(printf '%s\n' "$output" | grep -c '^0x')" -eq 5 ]
	run ptstep -r -- "$ASM"
	assert_line --regexp '^0x8049033 .* mov eax, 5  ; eax=0x5$'
	assert_line --regexp '^0x8049038 .* add eax, 7  ; eax=0xc eflags=0x[0-9a-f]+$'
	assert_line --regexp '^0x8049041 .* mov ebx, eax  ; ebx=0x24$'
	run ptstep -s -- "$ASM"
	assert_line 'syscall  exit(36) [1]'
	run ptstep -j -r -- "$ASM"
	assert_failure 36
	[ "$(printf '%s\n' "$output" | jq -c 'select(.addr == "0x8049033") | [.insn, .regs]')" = '["mov eax, 5",{"eax":"0x5"}]' ]
	[ "$(printf '%s\n' "$output" | jq -r 'select(.event == "exited") | .text')" = "36" ]
}

@test "i386: ptstep explains faults in 32-bit code" {
	i386_build || skip "the tools are not 32-bit x86"
	run ptstep -- "$ASM" n
	assert_failure 139
	assert_line "fault    SIGSEGV at 0x804904c f_null+0x2: NULL-pointer read of 0x8 (size 4)"
	assert_line --regexp '^where    0x8 is not mapped'
	run ptstep -j -- "$ASM" n
	f=$(printf '%s\n' "$output" | jq -c 'select(.event == "fault") | [.signal, .pc, .kind, .addr, .size, .insn]')
	[ "$f" = '["SIGSEGV","0x804904c","null","0x8",4,"mov ecx, dword ptr [eax + 8]"]' ] || fail "$f"
	run ptstep -- "$ASM" w
	assert_line "fault    SIGSEGV at 0x8049054 f_rodata+0x5: invalid write of 0x804a000 (size 4): mapping is not writable"
	run ptstep -- "$ASM" d
	assert_failure 136
	assert_line "fault    SIGFPE at 0x8049082 f_div+0x8: integer division by zero (divisor ecx = 0)"
	run ptstep -- "$ASM" u
	assert_line "fault    SIGILL at 0x8049084 f_ud2: illegal instruction: ud2"
	run ptstep -- "$ASM" t
	assert_success
	assert_line --regexp '^fault    SIGTRAP .*: trap \(breakpoint instruction\) not set by this tool$'
	assert_line --regexp '^0x8049087 .* xor ebx, ebx$'
}

@test "i386: ptstep explains a stack overflow by recursion" {
	i386_build || skip "the tools are not 32-bit x86"
	# A 1 MiB stack: 256 frames of 4 KiB, not 2048 steps of each.
	run bash -c 'ulimit -s 1024 && exec ptstep -- "$1" s' _ "$ASM"
	assert_line --regexp '^fault    SIGSEGV at 0x804906e f_stack\+0x6: stack overflow: write of 0x[0-9a-f]+ \(size 4\) beyond the stack'
	assert_line --regexp '^where    .* bytes before .* \[stack\]$'
}

@test "i386: ptstep follows an exec, and -b main, -k on a started program" {
	i386_build || skip "the tools are not 32-bit x86"
	run ptstep -n 40 -- "$ASM" e
	assert_success
	assert_line --regexp '^0x80490a1 +f_exec\+0x11 +cd80 +int 0x80$'
	assert_line --regexp '^exec     process [0-9]+ runs true$'
	run ptstep -n 2 -b main -- "$PTOOLS_TARGETS/step-hello"
	assert_failure 3
	assert_line --index 0 --regexp '^break    0x[0-9a-f]+ main thread [0-9]+$'
	assert_line --index 1 --regexp '^source   tests/targets/step-hello\.c:[0-9]+$'
	assert_line --index 2 --regexp '^0x[0-9a-f]+ +main +8d4c2404 +lea ecx, \[esp \+ 4\]$'
	run ptstep -n 1 -b libc:puts -- "$PTOOLS_TARGETS/step-hello"
	assert_failure 3
	assert_line --index 0 --regexp '^break    0xf[0-9a-f]{7} (_IO_)?puts thread [0-9]+$'
	run ptstep -n 2 -k -b main -- "$PTOOLS_TARGETS/step-hello"
	assert_failure 137
	refute_output --partial "hello from step-hello"
}

@test "i386: ptstep steps over a syscall that returns: each instruction once" {
	i386_build || skip "the tools are not 32-bit x86"
	run ptstep -n 60 -b libc:write -- "$PTOOLS_TARGETS/step-hello"
	assert_failure 3
	assert_line --regexp '^break    0x[0-9a-f]+ (__libc_|__)?write thread [0-9]+$'
	insns=$(printf '%s\n' "$output" | awk '/^0x/ { print $1, $4, $5 }')
	# the vDSO's entry makes the call: sysenter, syscall or int 0x80
	sc=$(printf '%s\n' "$insns" | grep -m1 -nE ' (sysenter|syscall|int 0x80) *$' | cut -d: -f1)
	[ -n "$sc" ] || fail "no syscall instruction in: $insns"
	at=$(printf '%s\n' "$insns" | sed -n "${sc}p" | cut -d' ' -f1)
	next=$(printf '%s\n' "$insns" | sed -n "$((sc + 1))p" | cut -d' ' -f1)
	after=$(printf '%s\n' "$insns" | sed -n "$((sc + 2))p" | cut -d' ' -f1)
	# execution goes on past it, and the next instruction is shown once
	[ -n "$next" ] && [ "$next" != "$at" ] && [ "$after" != "$next" ] ||
	    fail "at $at: $insns"
}

@test "i386: ptstep -b and -u take %eip and %esp" {
	i386_build || skip "the tools are not 32-bit x86"
	start_target basic
	pc=$(ptregs "$TPID" eip)
	before=$(mem_hex "$TPID" "$pc" 4)
	run ptstep -b %eip -u %eip -p "$TPID"
	assert_success
	assert_line --index 0 --regexp "^break    $pc .*thread $TPID \(stopped there already\)$"
	assert_line --index 1 --regexp "^until    $pc .*reached$"
	[ "$(mem_hex "$TPID" "$pc" 4)" = "$before" ]
	run ptstep -b %esp -p "$TPID"
	assert_failure 1
	assert_output --regexp "^ptstep: breakpoint %esp: 0x[0-9a-f]+ is not executable \(mapping .* rw-p \[stack\]\)$"
	assert_untouched "$TPID"
}

# ---- arm: the 32-bit arm build (tests/qemu/step-asm-arm.c, Thumb) ----
# The tests above that expect x86_64 or aarch64 code and addresses are
# skipped in the arm guest (tests/qemu/skips.txt); these run instead.
# The kernel cannot single-step there: every step is made by
# breakpoints where the instruction can go next.

# The ELF machine of the tools: 40 is EM_ARM.
arm_build() {
	[ "$(od -An -tu2 -j18 -N2 "$PTOOLS_BIN/ptstep" | tr -d ' ')" = 40 ]
}

@test "arm: ptstep steps a known instruction sequence exactly and keeps the exit status" {
	arm_build || skip "the tools are not 32-bit arm"
	run ptstep -- "$ASM"
	assert_failure 36
	cols=$(printf '%s\n' "$output" | awk '/^0x/ { $2 = ""; print }' | tr -s ' ')
	expected="0x100d8 0098 ldr r0, [sp]
0x100da 0228 cmp r0, #2
0x100dc c0f21d80 blt.w #0x1011a
0x1011a 0520 movs r0, #5
0x1011c 0730 adds r0, #7
0x1011e 0321 movs r1, #3
0x10120 4843 muls r0, r1, r0
0x10122 0022 movs r2, #0
0x10124 00bf nop
0x10126 0127 movs r7, #1
0x10128 00df svc #0"
	[ "$cols" = "$expected" ] || fail "got: $cols"
	assert_line "exited   36"
	sym=$(printf '%s\n' "$output" | awk '$1 == "0x1011a" { print $2 }')
	[ "$sym" = seq ] || fail "location '$sym'"
}

@test "arm: ptstep -u, -r, -s and -j" {
	arm_build || skip "the tools are not 32-bit arm"
	run ptstep -u 0x1011e -- "$ASM"
	assert_failure 36
	assert_line --partial "until    0x1011e"
	[ "$(printf '%s\n' "$output" | grep -c '^0x')" -eq 5 ]
	run ptstep -r -- "$ASM"
	# movs and adds set the flags too
	assert_line --regexp '^0x1011a .* movs r0, #5  ; r0=0x5( cpsr=0x[0-9a-f]+)?$'
	assert_line --regexp '^0x1011c .* adds r0, #7  ; r0=0xc( cpsr=0x[0-9a-f]+)?$'
	assert_line --regexp '^0x10120 .* muls r0, r1, r0  ; r0=0x24( cpsr=0x[0-9a-f]+)?$'
	run ptstep -s -- "$ASM"
	assert_line 'syscall  exit(36) [1]'
	run ptstep -j -r -- "$ASM"
	assert_failure 36
	[ "$(printf '%s\n' "$output" | jq -r 'select(.addr == "0x1011a") | .insn')" = "movs r0, #5" ]
	[ "$(printf '%s\n' "$output" | jq -r 'select(.addr == "0x1011a") | .regs.r0')" = "0x5" ]
	[ "$(printf '%s\n' "$output" | jq -r 'select(.event == "exited") | .text')" = "36" ]
}

@test "arm: ptstep explains faults in Thumb code" {
	arm_build || skip "the tools are not 32-bit arm"
	run ptstep -- "$ASM" n
	assert_failure 139
	assert_line "fault    SIGSEGV at 0x1012c f_null+0x2: NULL-pointer read of 0x8 (size 4)"
	assert_line --regexp '^where    0x8 is not mapped'
	run ptstep -- "$ASM" w
	assert_line "fault    SIGSEGV at 0x10132 f_rodata+0x4: invalid write of 0x10184 (size 4): mapping is not writable"
	run ptstep -- "$ASM" u
	assert_failure 132
	assert_line --regexp '^fault    SIGILL at 0x10156 f_ud2: illegal instruction'
	# integer division by zero does not trap: 1 / 0 = 0
	run ptstep -- "$ASM" d
	assert_success
	assert_line --regexp '^0x1014e .* sdiv r0, r0, r1$'
}

@test "arm: ptstep follows an exec and steps over a syscall that returns" {
	arm_build || skip "the tools are not 32-bit arm"
	run ptstep -n 40 -- "$ASM" e
	assert_success
	assert_line --regexp '^0x1016c +f_exec\+0xc +00df +svc #0$'
	assert_line --regexp '^exec     process [0-9]+ runs true$'
	run ptstep -n 60 -b libc:write -- "$PTOOLS_TARGETS/step-hello"
	assert_failure 3
	assert_line --regexp '^break    0x[0-9a-f]+ (__libc_|__)?write thread [0-9]+$'
	insns=$(printf '%s\n' "$output" | awk '/^0x/ { print $1, $4, $5 }')
	sc=$(printf '%s\n' "$insns" | grep -m1 -nE ' svc #0 *$' | cut -d: -f1)
	[ -n "$sc" ] || fail "no svc in: $insns"
	at=$(printf '%s\n' "$insns" | sed -n "${sc}p" | cut -d' ' -f1)
	next=$(printf '%s\n' "$insns" | sed -n "$((sc + 1))p" | cut -d' ' -f1)
	after=$(printf '%s\n' "$insns" | sed -n "$((sc + 2))p" | cut -d' ' -f1)
	[ -n "$next" ] && [ "$next" != "$at" ] && [ "$after" != "$next" ] ||
	    fail "at $at: $insns"
}
