#!/usr/bin/env bats
# ptregs: show and set registers; values agree with gdb.

bats_require_minimum_version 1.5.0
load helper

# What differs per CPU (of the tools and their tracees, which in the
# i386 guest is not the kernel's): the general registers, and which are
# the pc, the stack pointer, a scratch register and the flags.
case $(ptools_cpu) in
aarch64)
	GENERAL="x0 x1 x2 x3 x4 x5 x6 x7 x8 x9 x10 x11 x12 x13 x14 x15 x16 x17 x18 x19 x20 x21 x22 x23 x24 x25 x26 x27 x28 x29 x30 sp pc pstate"
	PC=pc SP=sp ACC=x0 FLAGS=pstate
	# basic sleeps in clock_nanosleep; once interrupted it restarts
	# with restart_syscall
	SLEEP='clock_nanosleep \(115\)|restart_syscall \(128\)'
	;;
ppc64le)
	GENERAL="r0 r1 r2 r3 r4 r5 r6 r7 r8 r9 r10 r11 r12 r13 r14 r15 r16 r17 r18 r19 r20 r21 r22 r23 r24 r25 r26 r27 r28 r29 r30 r31 nip link ctr ccr xer msr"
	PC=nip SP=r1 ACC=r3 FLAGS=ccr
	SLEEP='clock_nanosleep \(248\)|restart_syscall \(0\)'
	;;
arm)
	GENERAL="r0 r1 r2 r3 r4 r5 r6 r7 r8 r9 r10 r11 r12 sp lr pc cpsr orig_r0"
	PC=pc SP=sp ACC=r0 FLAGS=cpsr
	SLEEP='clock_nanosleep \(265\)|clock_nanosleep_time64 \(407\)|restart_syscall \(0\)'
	;;
i386)
	GENERAL="eax ebx ecx edx esi edi ebp esp eip eflags cs ss ds es fs gs orig_eax"
	PC=eip SP=esp ACC=eax FLAGS=eflags
	SLEEP='clock_nanosleep \(267\)|clock_nanosleep_time64 \(407\)|restart_syscall \(0\)'
	;;
*)
	GENERAL="rax rbx rcx rdx rsi rdi rbp rsp r8 r9 r10 r11 r12 r13 r14 r15 rip rflags cs ss ds es fs gs fs_base gs_base orig_rax"
	PC=rip SP=rsp ACC=rax FLAGS=rflags
	SLEEP='clock_nanosleep \(230\)|restart_syscall \(219\)'
	;;
esac

# gdb's own command-line: skip where it is not installed (the guests).
need_gdb() {
	command -v gdb >/dev/null || skip "needs gdb, which is not installed"
}

@test "ptregs -h prints usage and exits 0" {
	run --separate-stderr ptregs -h
	assert_success
	[ -z "$stderr" ]
	assert_line --index 0 "usage: ptregs [-aj] [-T | -t TID] [-p PID | PID] [REG[=VALUE] ...]"
	assert_line --index 1 "       ptregs -l"
	assert_line --index 2 "options:"
	assert_line "  -T, --all-threads        every thread of the process"
	assert_line "  -t, --thread=TID         thread TID of the process"
	run --separate-stderr ptregs --help
	assert_success
	[ -z "$stderr" ]
	assert_equal "$output" "$(ptregs -h)"
}

@test "ptregs -l lists the CPU's register names and touches no process" {
	run ptregs -l
	assert_success
	# the general registers first, in the order ptregs prints them
	n=$(echo $GENERAL | wc -w)
	[ "$(printf '%s\n' "${lines[@]:0:n}" | tr '\n' ' ')" = "$GENERAL " ] || fail "first: ${lines[*]:0:n}"
	assert_line "$ACC"
	assert_line "$PC"
	# then the -a registers; each name once
	[ "$(printf '%s\n' "$output" | sort | uniq -d)" = "" ]
	case $FLAGS:$PC in
	cpsr:*) assert_line d31; assert_line q15; refute_line v31 ;;
	*:pc) assert_line v31 ;;
	*:nip) assert_line f31; assert_line fpscr; assert_line v31
		assert_line vscr; assert_line vrsave; assert_line vs63 ;;
	*:eip) assert_line xmm7; refute_line xmm8; refute_line rax ;;
	*) assert_line xmm15; assert_line ymm15 ;;
	esac
	# every listed name is accepted by a register read
	start_target basic
	kill -STOP "$TPID"
	sleep 0.1
	run ptregs "$TPID" $(ptregs -l)
	assert_success
	[ "${#lines[@]}" -eq "$(ptregs -l | wc -l)" ]
	run ptregs -l "$TPID"
	assert_failure 2
	assert_output --partial "-l takes no other options or operands"
	run ptregs -la
	assert_failure 2
}

@test "ptregs -V prints the version" {
	run ptregs -V
	assert_output "ptregs 0.1.0"
	run ptregs --version
	assert_success
	assert_output "ptregs 0.1.0"
}

@test "ptregs bad usage exits 2" {
	run ptregs
	assert_failure 2
	assert_output --partial "usage:"
	run ptregs -x 1
	assert_failure 2
	assert_line --index 0 "ptregs: unknown option -x"
	assert_line --index 1 "usage: ptregs [-aj] [-T | -t TID] [-p PID | PID] [REG[=VALUE] ...]"
	run --separate-stderr ptregs --no-such-option 1
	assert_failure 2
	[ -z "$output" ]
	assert_equal "${stderr%%$'\n'*}" "ptregs: unknown option --no-such-option"
	run ptregs --thread
	assert_failure 2
	assert_line --index 0 "ptregs: option --thread needs an argument"
	assert_line --index 1 "usage: ptregs [-aj] [-T | -t TID] [-p PID | PID] [REG[=VALUE] ...]"
	run ptregs 1 --pid
	assert_failure 2
	assert_line --index 0 "ptregs: option --pid needs an argument"
	run ptregs --list=all
	assert_failure 2
	assert_line --index 0 "ptregs: option --list takes no argument"
	run ptregs --pid=x
	assert_failure 2
	assert_line --index 0 "ptregs: bad PID 'x'"
	run ptregs notapid
	assert_failure 2
	start_target basic
	run ptregs "$TPID" nosuchreg
	assert_failure 2
	assert_output --partial "unknown register 'nosuchreg'"
	run ptregs "$TPID" "$ACC=zz"
	assert_failure 2
	assert_output --partial "bad value"
	assert_untouched "$TPID"
}

@test "ptregs long options do what the short ones do" {
	start_target step-threads
	kill -STOP "$TPID"
	sleep 0.1
	run ptregs --pid "$TPID"
	assert_success
	assert_line --index 0 "thread   $TPID"
	assert_equal "$output" "$(ptregs -p "$TPID")"
	run ptregs --pid="$TPID" "$SP"
	assert_success
	assert_equal "$output" "$(ptregs "$TPID" "$SP")"
	run ptregs --fp "$TPID"
	assert_success
	assert_equal "$output" "$(ptregs -a "$TPID")"
	run ptregs --json "$TPID"
	assert_success
	assert_equal "$output" "$(ptregs -j "$TPID")"
	run ptregs --all-threads "$TPID" "$PC"
	assert_success
	[ "${#lines[@]}" -eq "$(ls /proc/$TPID/task | wc -l)" ]
	assert_equal "$output" "$(ptregs -T "$TPID" "$PC")"
	other=$(ls /proc/$TPID/task | grep -vx "$TPID" | head -1)
	run ptregs --thread="$other" "$TPID"
	assert_success
	assert_line --index 0 "thread   $other"
	assert_equal "$output" "$(ptregs -t "$other" "$TPID")"
	run ptregs --list
	assert_success
	assert_equal "$output" "$(ptregs -l)"
	[ "$(proc_state "$TPID")" = T ]
	kill -CONT "$TPID"
	assert_untouched "$TPID"
}

@test "ptregs: a failed write to standard output is an error" {
	run bash -c 'ptregs -l >/dev/full'
	assert_failure 1
	assert_output "ptregs: stdout: No space left on device"
	start_target basic
	run bash -c 'ptregs "$1" >/dev/full' _ "$TPID"
	assert_failure 1
	assert_output "ptregs: stdout: No space left on device"
	assert_untouched "$TPID"
}

@test "ptregs prints every general register with flags decoded, and the syscall" {
	start_target basic
	run ptregs "$TPID"
	assert_success
	assert_line --index 0 "thread   $TPID"
	assert_line --index 1 --regexp "^syscall  ($SLEEP)\$"
	names=$(printf '%s\n' "${lines[@]:2}" | awk '{ print $1 }' | tr '\n' ' ')
	[ "$names" = "$GENERAL " ] || fail "names: $names"
	if [ "$FLAGS" = cpsr ]; then
		# Thumb code in user mode
		assert_line --regexp '^cpsr     0x[0-9a-f]{8} \[( [A-Z]+)* T usr( GE=[0-9a-f])? \]$'
		assert_line --regexp '^r11      0x[0-9a-f]{8}$'
	elif [ "$PC" = pc ]; then
		assert_line --regexp '^pstate   0x[0-9a-f]{16} \[( [A-Z]+)* EL0 \]$'
		assert_line --regexp '^x29      0x[0-9a-f]{16}$'
	elif [ "$PC" = nip ]; then
		# cr0 by name, the other fields by number; msr as bits
		assert_line --regexp '^ccr      0x[0-9a-f]{16} \[( [A-Z]+)*( cr[1-7]=[0-9a-f])* \]$'
		assert_line --regexp '^msr      0x[0-9a-f]{16} \[ SF( [A-Z0-9]+)* PR( [A-Z0-9]+)* LE \]$'
		# the kernel's record of the exception, by name: a syscall
		# entered by sc or scv
		run ptregs "$TPID" trap
		assert_output --regexp '^0x(c0[01]|300[01])$'
		run ptregs "$TPID"
	elif [ "$PC" = eip ]; then
		assert_line --regexp '^eflags   0x[0-9a-f]{8} \[( [A-Z]+)* IF( [A-Z]+)* \]$'
		assert_line "cs       0x00000023"
		# the 64-bit names are not in the 32-bit view
		run ptregs "$TPID" rax
		assert_failure 2
		assert_output --partial "unknown register 'rax'"
		run ptregs "$TPID"
	else
		assert_line --regexp '^rflags   0x[0-9a-f]{16} \[( [A-Z]+)* IF( [A-Z]+)* \]$'
		assert_line --regexp '^cs       0x0000000000000033$'
	fi
	[ "${#lines[@]}" -eq $(($(echo $GENERAL | wc -w) + 2)) ]
	assert_untouched "$TPID"
}

@test "ptregs values agree with gdb on a stopped process, which stays stopped" {
	need_gdb
	start_target basic
	kill -STOP "$TPID"
	sleep 0.1
	run ptregs "$TPID"
	assert_success
	mine=$output
	[ "$(proc_state "$TPID")" = T ]
	gdbout=$(gdb -nx -batch -p "$TPID" -ex 'info registers' 2>/dev/null)
	[ "$(proc_state "$TPID")" = T ]
	n=0
	if [ "$PC" = pc ]; then
		# gdb calls pstate cpsr and decodes it its own way
		regs="${GENERAL/pstate/cpsr}" want=34
	elif [ "$PC" = nip ]; then
		# gdb's names where they are ours (pc, cr and lr are aliases)
		regs="${GENERAL%% nip*} msr ctr xer" want=35
	elif [ "$PC" = eip ]; then
		regs="${GENERAL% orig_eax}" want=16
	else
		regs="rax rbx rcx rdx rsi rdi rbp rsp r8 r9 r10 r11 r12 r13 r14 r15 rip eflags cs ss ds es fs gs fs_base gs_base"
		want=24
	fi
	for r in $regs; do
		g=$(printf '%s\n' "$gdbout" | awk -v r="$r" '$1 == r { print $2; exit }')
		[ -n "$g" ] || continue
		m=$(printf '%s\n' "$mine" | awk -v r="$r" -v f="$FLAGS" 'BEGIN { sub(/^eflags$/, f, r); sub(/^cpsr$/, "pstate", r) } $1 == r { print $2; exit }')
		[ $((g)) -eq $((m)) ] || fail "$r: gdb $g ptregs $m"
		n=$((n + 1))
	done
	[ "$n" -ge "$want" ] || fail "only $n registers compared"
	if [ "$PC" != pc ] && [ "$PC" != nip ]; then
		gflags=$(printf '%s\n' "$gdbout" | awk '$1 == "eflags" { $1 = $2 = ""; print }' | sed 's/^ *//')
		mflags=$(printf '%s\n' "$mine" | awk -v f="$FLAGS" '$1 == f { $1 = $2 = ""; print }' | sed 's/^ *//')
		[ "$gflags" = "$mflags" ] || fail "flags: gdb '$gflags' ptregs '$mflags'"
	fi
	kill -CONT "$TPID"
	assert_untouched "$TPID"
}

@test "ptregs named registers print bare values; parts and flags agree" {
	start_target basic
	kill -STOP "$TPID"
	sleep 0.1
	if [ "$FLAGS" = cpsr ]; then
		# the aliases are the r registers; the flags are cpsr's bits
		run ptregs "$TPID" pc r11 fp r14 lr r13 sp cpsr n z c v t
		assert_success
		[ "${#lines[@]}" -eq 13 ]
		[ "${lines[1]}" = "${lines[2]}" ]
		[ "${lines[3]}" = "${lines[4]}" ]
		[ "${lines[5]}" = "${lines[6]}" ]
		fl=${lines[7]}
		[ "${lines[8]}" -eq $(((fl >> 31) & 1)) ]
		[ "${lines[9]}" -eq $(((fl >> 30) & 1)) ]
		[ "${lines[10]}" -eq $(((fl >> 29) & 1)) ]
		[ "${lines[11]}" -eq $(((fl >> 28) & 1)) ]
		[ "${lines[12]}" -eq $(((fl >> 5) & 1)) ]
	elif [ "$PC" = pc ]; then
		run ptregs "$TPID" pc x29 w29 fp x30 lr sp wsp pstate n z c v
		assert_success
		[ "${#lines[@]}" -eq 13 ]
		x29=${lines[1]}
		[ $((lines[2])) -eq $((x29 & 0xffffffff)) ]
		[ "${lines[3]}" = "$x29" ]
		[ "${lines[4]}" = "${lines[5]}" ]
		[ $((lines[7])) -eq $((lines[6] & 0xffffffff)) ]
		fl=${lines[8]}
		[ "${lines[9]}" -eq $(((fl >> 31) & 1)) ]
		[ "${lines[10]}" -eq $(((fl >> 30) & 1)) ]
		[ "${lines[11]}" -eq $(((fl >> 29) & 1)) ]
		[ "${lines[12]}" -eq $(((fl >> 28) & 1)) ]
	elif [ "$PC" = nip ]; then
		run ptregs "$TPID" nip r1 sp gpr1 link lr ccr cr lt gt eq so
		assert_success
		[ "${#lines[@]}" -eq 12 ]
		[ "${lines[2]}" = "${lines[1]}" ]
		[ "${lines[3]}" = "${lines[1]}" ]
		[ "${lines[5]}" = "${lines[4]}" ]
		fl=${lines[6]}
		[ $((lines[7])) -eq $((fl & 0xffffffff)) ]
		[ "${lines[8]}" -eq $(((fl >> 31) & 1)) ]
		[ "${lines[9]}" -eq $(((fl >> 30) & 1)) ]
		[ "${lines[10]}" -eq $(((fl >> 29) & 1)) ]
		[ "${lines[11]}" -eq $(((fl >> 28) & 1)) ]
	elif [ "$PC" = eip ]; then
		run ptregs "$TPID" eip eax ax al ah eflags zf if
		assert_success
		[ "${#lines[@]}" -eq 8 ]
		eax=${lines[1]}
		[ $((lines[2])) -eq $((eax & 0xffff)) ]
		[ $((lines[3])) -eq $((eax & 0xff)) ]
		[ $((lines[4])) -eq $(((eax >> 8) & 0xff)) ]
		[ "${lines[6]}" -eq $(((lines[5] >> 6) & 1)) ]
		[ "${lines[7]}" = 1 ]
	else
		run ptregs "$TPID" rip rax eax ax al ah rflags zf if
		assert_success
		[ "${#lines[@]}" -eq 9 ]
		rax=${lines[1]}
		[ $((lines[2])) -eq $((rax & 0xffffffff)) ]
		[ $((lines[3])) -eq $((rax & 0xffff)) ]
		[ $((lines[4])) -eq $((rax & 0xff)) ]
		[ $((lines[5])) -eq $(((rax >> 8) & 0xff)) ]
		fl=${lines[6]}
		[ "${lines[7]}" -eq $(((fl >> 6) & 1)) ]
		[ "${lines[8]}" = 1 ]
	fi
	[ "$(ptregs "$TPID" "$PC")" = "${lines[0]}" ]
	[ "$(proc_state "$TPID")" = T ]
}

@test "ptregs REG=VALUE sets several registers at once" {
	start_target basic
	kill -STOP "$TPID"
	sleep 0.1
	if [ "$FLAGS" = cpsr ]; then
		run ptregs "$TPID" r4=0x11223344 r5=5 r6=-1 c=1
		assert_success
		assert_output ""
		run ptregs "$TPID" r4 r5 r6 c
		assert_output "0x11223344
0x5
0xffffffff
1"
		run ptregs "$TPID" r4=0x100000000
		assert_failure 1
		assert_output --partial "too wide for r4"
		run ptregs "$TPID" ip=0x99 z=1
		assert_success
		run ptregs "$TPID" r12 z c
		assert_output "0x99
1
1"
	elif [ "$PC" = pc ]; then
		run ptregs "$TPID" x19=0x1122334455667788 x20=5 x21=-1 c=1
		assert_success
		assert_output ""
		run ptregs "$TPID" x19 w19 x20 x21 c
		assert_output "0x1122334455667788
0x55667788
0x5
0xffffffffffffffff
1"
		run ptregs "$TPID" w19=0x99 z=1
		assert_success
		run ptregs "$TPID" x19 z c
		assert_output "0x1122334400000099
1
1"
		run ptregs "$TPID" w19=0x100000000
		assert_failure 1
		assert_output --partial "too wide for w19"
		# a negative value is two's complement in the register's width
		run ptregs "$TPID" w19=-2
		assert_success
		run ptregs "$TPID" x19
		assert_output "0x11223344fffffffe"
	elif [ "$PC" = nip ]; then
		run ptregs "$TPID" r19=0x1122334455667788 r20=5 r21=-1 so=1
		assert_success
		assert_output ""
		run ptregs "$TPID" r19 gpr19 r20 r21 so
		assert_output "0x1122334455667788
0x1122334455667788
0x5
0xffffffffffffffff
1"
		run ptregs "$TPID" gpr19=0x99 eq=1
		assert_success
		run ptregs "$TPID" r19 eq so
		assert_output "0x99
1
1"
		run ptregs "$TPID" cr=0x100000000
		assert_failure 1
		assert_output --partial "too wide for cr"
		# a negative value is two's complement in the register's width
		run ptregs "$TPID" cr=-2
		assert_success
		run ptregs "$TPID" ccr
		assert_output "0xfffffffe"
	elif [ "$PC" = eip ]; then
		run ptregs "$TPID" ebx=0x11223344 esi=5 edi=-1 cf=1
		assert_success
		assert_output ""
		run ptregs "$TPID" ebx bx bl bh esi edi cf
		assert_output "0x11223344
0x3344
0x44
0x33
0x5
0xffffffff
1"
		run ptregs "$TPID" ebx=0x100000000
		assert_failure 1
		assert_output --partial "too wide for ebx"
		run ptregs "$TPID" bx=-2 al=-128
		assert_success
		run ptregs "$TPID" ebx al
		assert_output "0x1122fffe
0x80"
	else
		run ptregs "$TPID" rbx=0x1122334455667788 r12=5 r13=-1 cf=1
		assert_success
		assert_output ""
		run ptregs "$TPID" rbx ebx bx bl bh r12 r13 cf
		assert_output "0x1122334455667788
0x55667788
0x7788
0x88
0x77
0x5
0xffffffffffffffff
1"
		run ptregs "$TPID" bl=0x99 ah=1
		run ptregs "$TPID" rbx
		assert_output "0x1122334455667799"
		run ptregs "$TPID" al=0x100
		assert_failure 1
		assert_output --partial "too wide for al"
		# a negative value is two's complement in the register's width
		run ptregs "$TPID" ebx=-2 al=-128
		assert_success
		run ptregs "$TPID" rbx al
		assert_output "0x11223344fffffffe
0x80"
		run ptregs "$TPID" al=-129
		assert_failure 1
		assert_output --partial "too wide for al"
	fi
	[ "$(proc_state "$TPID")" = T ]
}

@test "ptregs -a adds x87, SSE and AVX" {
	start_target basic
	run ptregs -a "$TPID"
	assert_success
	if [ "$FLAGS" = cpsr ]; then
		# arm VFP: d0-d31, fpscr, then q0-q15 (the d registers by
		# pairs) after the general registers
		names=$(printf '%s\n' "${lines[@]:2}" | awk '{ print $1 }' | tr '\n' ' ')
		[ "$names" = "$GENERAL $(printf 'd%d ' $(seq 0 31))fpscr $(printf 'q%d ' $(seq 0 15))" ] || fail "names: $names"
		assert_line --regexp '^d31      0x[0-9a-f]{16}$'
		# round to nearest, no traps, no flush to zero (the default):
		# at most cumulative exception flags are set
		assert_line --regexp '^fpscr    0x000000[0-9a-f]{2} \[( (IDC|IXC|UFC|OFC|DZC|IOC))* \]$'
		assert_untouched "$TPID"
		return
	fi
	if [ "$PC" = pc ]; then
		# FP/SIMD: v0-v31, fpsr and fpcr after the general registers
		names=$(printf '%s\n' "${lines[@]:2}" | awk '{ print $1 }' | tr '\n' ' ')
		[ "$names" = "$GENERAL $(printf 'v%d ' $(seq 0 31))fpsr fpcr " ] || fail "names: $names"
		assert_line --regexp '^v31      0x[0-9a-f]{32}$'
		assert_line --regexp '^fpsr     0x[0-9a-f]{8} \[( [A-Z]+)* \]$'
		# the default: round to nearest, no traps
		assert_line 'fpcr     0x00000000 [ ]'
		assert_untouched "$TPID"
		return
	fi
	if [ "$PC" = nip ]; then
		# f0-f31 and fpscr, v0-v31, vscr and vrsave (VMX), vs0-vs63
		# (VSX) after the general registers
		names=$(printf '%s\n' "${lines[@]:2}" | awk '{ print $1 }' | tr '\n' ' ')
		[ "$names" = "$GENERAL $(printf 'f%d ' $(seq 0 31))fpscr $(printf 'v%d ' $(seq 0 31))vscr vrsave $(printf 'vs%d ' $(seq 0 63))" ] || fail "names: $names"
		assert_line --regexp '^f31      0x[0-9a-f]{16}$'
		assert_line --regexp '^fpscr    0x[0-9a-f]{16} \[( [A-Z]+)*( RN=[a-z]+)? \]$'
		assert_line --regexp '^v31      0x[0-9a-f]{32}$'
		# non-Java mode, which Linux starts a program with
		assert_line --regexp '^vscr     0x000[01]000[01] \[( NJ)?( SAT)? \]$'
		assert_line --regexp '^vrsave   0x[0-9a-f]{8}$'
		assert_line --regexp '^vs63     0x[0-9a-f]{32}$'
		# vs32-vs63 are v0-v31; the first half of vs0-vs31 is f0-f31
		v=$(printf '%s\n' "$output" | awk '$1 == "v31" { print $2 }')
		vs=$(printf '%s\n' "$output" | awk '$1 == "vs63" { print $2 }')
		[ "$v" = "$vs" ] || fail "v31 $v vs63 $vs"
		f=$(printf '%s\n' "$output" | awk '$1 == "f31" { print $2 }')
		vs=$(printf '%s\n' "$output" | awk '$1 == "vs31" { print substr($2, 1, 18) }')
		[ "$f" = "$vs" ] || fail "f31 $f vs31 $vs"
		assert_untouched "$TPID"
		return
	fi
	assert_line --regexp '^st0      0x[0-9a-f]{20} '
	assert_line --regexp '^fcw      0x037f$'
	assert_line --regexp '^mxcsr    0x[0-9a-f]{8} \[( [A-Z]+)* \]$'
	if [ "$PC" = eip ]; then
		# 32-bit code has eight xmm registers
		assert_line --regexp '^xmm7     0x[0-9a-f]{32}$'
		refute_line --regexp '^xmm8 '
	else
		assert_line --regexp '^xmm15    0x[0-9a-f]{32}$'
	fi
	if grep -qw avx /proc/cpuinfo; then
		assert_line --regexp '^ymm0     0x[0-9a-f]{64}$'
		# the low half of ymm0 is xmm0
		x=$(printf '%s\n' "$output" | awk '$1 == "xmm0" { print substr($2, 3) }')
		y=$(printf '%s\n' "$output" | awk '$1 == "ymm0" { print substr($2, 35) }')
		[ "$x" = "$y" ]
	fi
	assert_untouched "$TPID"
}

@test "ptregs sets and reads an SSE register" {
	start_target basic
	kill -STOP "$TPID"
	sleep 0.1
	v=xmm9
	[ "$PC" = pc ] && v=v9
	[ "$FLAGS" = cpsr ] && v=q9
	[ "$PC" = eip ] && v=xmm5
	[ "$PC" = nip ] && v=v9
	run ptregs "$TPID" $v=0x00112233445566778899aabbccddeeff
	assert_success
	run ptregs "$TPID" $v
	assert_output "0x00112233445566778899aabbccddeeff"
	# the other registers are untouched
	run ptregs "$TPID" ${v%?}4
	refute_output "0x00112233445566778899aabbccddeeff"
	[ "$PC" = rip ] || return 0
	command -v gdb >/dev/null || return 0
	gx=$(gdb -nx -batch -p "$TPID" -ex 'p/x $xmm9.uint128' 2>/dev/null | awk '/^\$1/ { print $3 }')
	[ "$gx" = 0x112233445566778899aabbccddeeff ] || fail "gdb xmm9 $gx"
}

# vec-regs loads known values (tests/targets/vec-regs.c) with the
# CPU's own instructions: each reads as gdb prints $vsN.uint128, the
# first doubleword of the vector as the upper half of the number.
@test "ptregs reads ppc64le vector registers (VMX, VSX) as loaded" {
	[ "$(ptools_cpu)" = ppc64le ] || skip "ppc64le only: its VMX and VSX registers"
	start_target vec-regs
	run ptregs "$TPID" vs5 f5 vs33 v1 vscr vrsave
	assert_success
	assert_output "0x00112233445566778899aabbccddeeff
0x11223344556677
0x0123456789abcdeffedcba9876543210
0x0123456789abcdeffedcba9876543210
0x10001
0x12345678"
	run ptregs -a "$TPID"
	assert_line "f5       0x0011223344556677"
	assert_line "v1       0x0123456789abcdeffedcba9876543210"
	assert_line "vscr     0x00010001 [ NJ SAT ]"
	assert_line "vrsave   0x12345678"
	assert_line "vs5      0x00112233445566778899aabbccddeeff"
	assert_line "vs33     0x0123456789abcdeffedcba9876543210"
	run ptregs -j "$TPID" vs5 vscr
	assert_output '{"tid":'"$TPID"',"syscall":null,"regs":{"vs5":"0x00112233445566778899aabbccddeeff","vscr":"0x00010001"}}'
}

@test "ptregs sets ppc64le vector registers, and the program sees them" {
	[ "$(ptools_cpu)" = ppc64le ] || skip "ppc64le only: its VMX and VSX registers"
	start_target vec-regs
	# one write: the halves of vs5 go to two register sets (f5, VSX)
	run ptregs "$TPID" vs5=0xa0a1a2a3a4a5a6a7b0b1b2b3b4b5b6b7 \
	    v1=0xc0c1c2c3c4c5c6c7d0d1d2d3d4d5d6d7 vscr=0x10000 vrsave=0x55
	assert_success
	assert_output ""
	run ptregs "$TPID" f5 vs5 vs33 vscr vrsave
	assert_output "0xa0a1a2a3a4a5a6a7
0xa0a1a2a3a4a5a6a7b0b1b2b3b4b5b6b7
0xc0c1c2c3c4c5c6c7d0d1d2d3d4d5d6d7
0x10000
0x55"
	# a half alone: f5 is the first doubleword of vs5
	run ptregs "$TPID" f5=0x1122334455667788
	assert_success
	run ptregs "$TPID" vs5 vs6
	assert_line --index 0 "0x1122334455667788b0b1b2b3b4b5b6b7"
	refute_line --index 1 "0x1122334455667788b0b1b2b3b4b5b6b7"
	run ptregs "$TPID" vscr=0x100000000
	assert_failure 1
	assert_output --partial "too wide for vscr"
	# the program stores its registers: what it holds now
	ptpoke -t u64 "$TPID" go 1
	for _ in $(seq 1 200); do
		[ "$(ptpeek -t u64 "$TPID" stored)" = 1 ] && break
		sleep 0.05
	done
	run ptpeek -t u64 "$TPID" seen 7
	assert_success
	assert_output "1234605616436508552
12732154106453800631
13889596871863027399
15047039637272254167
0
65536
85"
}

@test "ptregs -j prints JSON that matches the text" {
	start_target basic
	kill -STOP "$TPID"
	sleep 0.1
	run ptregs -j "$TPID"
	assert_success
	[ "$(printf '%s\n' "$output" | jq -r .tid)" = "$TPID" ]
	[ $(($(printf '%s\n' "$output" | jq -r .regs.$PC))) -eq $(($(ptregs "$TPID" "$PC"))) ]
	if [ "$FLAGS" = cpsr ]; then
		printf '%s\n' "$output" | jq -e '.flags | index("usr")' >/dev/null
	elif [ "$PC" = pc ]; then
		printf '%s\n' "$output" | jq -e '.flags | index("EL0")' >/dev/null
	elif [ "$PC" = nip ]; then
		# cr0's bits as set: none may be
		printf '%s\n' "$output" | jq -e '.flags | type == "array"' >/dev/null
	else
		printf '%s\n' "$output" | jq -e '.flags | index("IF")' >/dev/null
	fi
	printf '%s\n' "$output" | jq -e '.syscall.name | test("nanosleep|restart_syscall")' >/dev/null
	[ "$(printf '%s\n' "$output" | jq -r '.regs | keys_unsorted | join(" ")')" = "$GENERAL" ]
	run ptregs -j "$TPID" "$SP"
	[ "$(printf '%s\n' "$output" | jq -r '.regs | keys | join(",")')" = "$SP" ]
}

@test "ptregs -T lists every thread, -t picks one" {
	start_target step-threads
	run ptregs -T "$TPID"
	assert_success
	[ "$(printf '%s\n' "$output" | grep -c '^thread ')" -eq "$(ls /proc/$TPID/task | wc -l)" ]
	run ptregs -T "$TPID" "$PC"
	assert_success
	[ "$(printf '%s\n' "$output" | grep -c '^0x')" -eq "$(ls /proc/$TPID/task | wc -l)" ]
	run ptregs -T "$TPID" "$PC=0"
	assert_failure 2
	other=$(ls /proc/$TPID/task | grep -vx "$TPID" | head -1)
	run ptregs -t "$other" "$TPID"
	assert_success
	assert_line --index 0 "thread   $other"
	# the spinning thread is not in a syscall
	assert_line --index 1 "syscall  -"
	run ptregs -t 999999 "$TPID"
	assert_failure 1
	assert_output "ptregs: process $TPID has no thread 999999"
	assert_untouched "$TPID"
}

@test "ptregs: no such process" {
	run ptregs 999999
	assert_failure 1
	assert_output --partial "ptregs: process 999999: "
}

@test "ptregs: not permitted" {
	start_target basic
	run setpriv --reuid=65534 --regid=65534 --clear-groups "$PTOOLS_BIN/ptregs" "$TPID"
	assert_failure 1
	assert_output --partial "ptregs: process $TPID: "
	assert_untouched "$TPID"
}

@test "ptregs man page is lint-clean and matches usage" {
	run mandoc -Tlint -W warning "$PTOOLS_TOP/man/ptregs.1"
	assert_success
	assert_output ""
	syn=$(mandoc -Tutf8 "$PTOOLS_TOP/man/ptregs.1" | col -b | awk '/^SYNOPSIS/ { s = 1; next } s && /^$/ { exit } s { printf "%s ", $0 }' | tr -s ' \t' '  ' | sed 's/^ //; s/ $//')
	use=$(ptregs -h 2>&1 | sed '/^$/,$d; s/^usage: //; s/^ *//' | tr '\n' ' ' | sed 's/ $//')
	[ "$syn" = "$use" ] || fail "man: '$syn' usage: '$use'"
}

@test "ptregs completions: register names after the PID" {
	source "$PTOOLS_TOP/completions/bash/ptregs"
	COMP_WORDS=(ptregs 1 xm)
	COMP_CWORD=2
	_ptregs
	[[ " ${COMPREPLY[*]} " == *" xmm15 "* ]]
	COMP_WORDS=(ptregs -a 1 r1)
	COMP_CWORD=3
	_ptregs
	[[ " ${COMPREPLY[*]} " == *" r15 "* ]]
	COMP_WORDS=(ptregs -)
	COMP_CWORD=1
	_ptregs
	[[ " ${COMPREPLY[*]} " == *" -t "* ]]
	[[ " ${COMPREPLY[*]} " == *" -l "* ]]
	COMP_WORDS=(ptregs --th)
	COMP_CWORD=1
	_ptregs
	assert_equal "${COMPREPLY[*]}" "--thread"
	# --thread=TID offers the threads of the --pid given, however spelt
	start_target step-threads
	tasks=$(ls /proc/$TPID/task | sort | tr '\n' ' ')
	COMP_WORDS=(ptregs --pid = "$TPID" --thread = "")
	COMP_CWORD=6
	_ptregs
	assert_equal "$(printf '%s\n' "${COMPREPLY[@]}" | sort | tr '\n' ' ')" "$tasks"
	COMP_WORDS=(ptregs "--pid=$TPID" --thread "")
	COMP_CWORD=3
	_ptregs
	assert_equal "$(printf '%s\n' "${COMPREPLY[@]}" | sort | tr '\n' ' ')" "$tasks"
	# after --pid PID, registers
	COMP_WORDS=(ptregs --pid "$TPID" "${ACC:0:2}")
	COMP_CWORD=3
	_ptregs
	[[ " ${COMPREPLY[*]} " == *" $ACC "* ]]
	# the names come from ptregs -l: all of them, and nothing else
	COMP_WORDS=(ptregs 1 "")
	COMP_CWORD=2
	_ptregs
	[ "$(printf '%s\n' "${COMPREPLY[@]}" | sort)" = "$(ptregs -l | sort)" ]
	zsh -c "autoload -U compinit; compinit -u; source $PTOOLS_TOP/completions/zsh/_ptregs"
	fish -n "$PTOOLS_TOP/completions/fish/ptregs.fish"
	run fish -c "source $PTOOLS_TOP/completions/fish/ptregs.fish; complete -C 'ptregs 1 ${ACC:0:2}'"
	assert_line "$ACC"
	run fish --no-config -c "source $PTOOLS_TOP/completions/fish/ptregs.fish; complete -C 'ptregs --all-t'"
	assert_success
	assert_output "--all-threads	every thread"
}
