#!/usr/bin/env bats
# ptpeek: hexdump, raw, typed values, strings, search, and bad input.

bats_require_minimum_version 1.5.0
load helper
load completion

# rt SYM [TARGET]: runtime address of SYM in the started target $TPID.
rt() {
	local t=${2:-basic} base
	base=$(awk -v p="$PTOOLS_TARGETS/$t" '$6 == p { print $1; exit }' \
	    "/proc/$TPID/maps" | cut -d- -f1)
	printf '0x%x\n' $((0x$base + $(sym_addr "$t" "$1")))
}

# layout: the page addresses printed by the mem-layout target.
layout() {
	local s e _
	start_target mem-layout
	read -r _ _ RW RO <"$TOUT"
	# the page size (64 KiB on some CPUs): RW's page ends at a hole
	PS=
	while IFS='- ' read -r s e _; do
		if ((0x$s <= RW && RW < 0x$e)); then PS=$((0x$e - RW)); fi
	done <"/proc/$TPID/maps"
	[ -n "$PS" ]
}

hexline() { # hexline ADDR: the address column of ptpeek's dump
	printf '0x%012x' "$1"
}

@test "hexdump of known bytes, exact" {
	start_target basic
	a=$(rt data_bytes)
	run ptpeek "$TPID" "$a" 20
	assert_success
	assert_output "$(hexline $a)  00 01 02 03 04 05 06 07  08 09 0a 0b 0c 0d 0e 0f  |................|
$(hexline $((a + 16)))  10 11 12 13                                       |....|"
}

@test "default length is 64 bytes; symbols and offsets as ADDR" {
	start_target basic
	run ptpeek "$TPID" "$(rt data_bytes)"
	assert_success
	assert_equal "${#lines[@]}" 4
	assert_line --index 3 --partial "30 31 32 33 34 35 36 37  38 39 3a 3b 3c 3d 3e 3f  |0123456789:;<=>?|"
	run ptpeek "$TPID" data_bytes+0x30 16
	assert_success
	assert_output --partial "30 31 32 33 34 35 36 37  38 39 3a 3b 3c 3d 3e 3f  |0123456789:;<=>?|"
}

@test "typed values, one per line" {
	start_target basic
	run ptpeek -t u32 "$TPID" "$(rt counter_u32)"
	assert_success
	assert_output 100
	run ptpeek -t i32 "$TPID" "$(rt negative_i32)"
	assert_output -- -42
	run ptpeek -t u64 "$TPID" "$(rt magic_u64)"
	assert_output 1234605616436508552
	# -t ptr reads a pointer of the tracee's size (little-endian CPUs)
	run ptpeek -t ptr "$TPID" "$(rt magic_u64)"
	if [ "$(ptr_type)" = u32 ]; then
		assert_output 0x55667788
	else
		assert_output 0x1122334455667788
	fi
	run ptpeek -t f64 "$TPID" "$(rt value_f64)"
	assert_output 3.5
	run ptpeek -t f32 "$TPID" "$(rt value_f32)"
	assert_output -- -0.25
	run ptpeek -t u8 "$TPID" "$(rt data_bytes)" 3
	assert_output "0
1
2"
	run ptpeek -t u16 "$TPID" "$(( $(rt data_bytes) + 1 ))" 2
	assert_output "513
1027"
	run ptpeek -t i8 "$TPID" "$(rt negative_i32)"
	assert_output -- -42
}

@test "C string, escaped" {
	start_target basic
	run ptpeek -s "$TPID" "$(rt greeting)"
	assert_success
	assert_output "hello, ptools"
	run ptpeek -s "$TPID" "$(rt greeting)" 5
	assert_output "hello"
	run ptpeek -s "$TPID" "$(rt weird_str)"
	assert_success
	assert_output --partial 'tab\there\nnl \"q\" \\ '
	[[ $output != *$'\t'* && $output != *$'\x7f'* && $output != *$'\x01'* ]]
}

@test "raw bytes to a pipe; refused on a terminal" {
	start_target basic
	a=$(rt data_bytes)
	run bash -c "ptpeek -r $TPID $a 8 | od -An -tx1"
	assert_success
	assert_output " 00 01 02 03 04 05 06 07"
	run script -qec "ptpeek -r $TPID $a 8" /dev/null
	assert_failure
	assert_output --partial "ptpeek: refusing to write raw bytes to a terminal"
}

@test "-F finds strings, hex bytes and typed values; feeds ptpoke" {
	start_target basic
	g=$(rt greeting)
	run ptpeek -F str:hello "$TPID"
	assert_success
	assert_line "$g"
	run ptpeek -F "68 65 6c 6c 6f 2c" "$TPID"
	assert_line "$g"
	run ptpeek -F 68656c6c6f2c "$TPID"
	assert_line "$g"
	run ptpeek -t u32 -F 100 "$TPID"
	assert_line "$(rt counter_u32)"
	for l in "${lines[@]}"; do [[ $l =~ ^0x[0-9a-f]+$ ]]; done
	# within a range, every offset; typed search is aligned
	d=$(rt data_bytes)
	run ptpeek -F "03 04" "$TPID" "$d" 64
	assert_output "$(printf '0x%x' $((d + 3)))"
	run ptpeek -t u16 -F 0x0504 "$TPID" "$d" 64
	assert_output "$(printf '0x%x' $((d + 4)))"
	run ptpeek -t u16 -F 0x0403 "$TPID" "$d" 64
	assert_success
	assert_output ""
}

@test "-F finds a match across a read chunk boundary" {
	start_target basic 2
	heap=$(ptpeek -t "$(ptr_type)" "$TPID" "$(rt heap_buf)")
	needle=$((heap + 2 * 1024 * 1024 - 64))
	# the first 1 MiB chunk ends inside the needle
	run ptpeek -F str:NEEDLE-in-heap "$TPID" $((needle + 5 - 1024 * 1024)) 0x200000
	assert_success
	assert_output "$(printf '0x%x' $needle)"
	run ptpeek -F str:NEEDLE-in-heap "$TPID"
	assert_line "$(printf '0x%x' $needle)"
}

@test "long options do what the short ones do" {
	start_target basic
	g=$(rt greeting)
	run ptpeek --string "$TPID" "$g"
	assert_success
	assert_output "hello, ptools"
	run ptpeek --type=u32 "$TPID" counter_u32
	assert_output 100
	run ptpeek --type i32 "$TPID" negative_i32
	assert_output -- -42
	run ptpeek --find=str:hello "$TPID"
	assert_line "$g"
	run ptpeek --type u32 --find 100 "$TPID"
	assert_line "$(rt counter_u32)"
	run bash -c "ptpeek --raw $TPID data_bytes 4 | od -An -tx1"
	assert_output " 00 01 02 03"
	run ptpeek --stop --type=u32 "$TPID" counter_u32
	assert_success
	assert_output 100
	assert_untouched "$TPID"
}

@test "-S stops for the read and lets the process go" {
	start_target basic
	run ptpeek -S -t u32 "$TPID" "$(rt counter_u32)"
	assert_success
	assert_output 100
	assert_untouched "$TPID"
}

@test "LEN 0 prints nothing" {
	start_target basic
	run ptpeek "$TPID" "$(rt data_bytes)" 0
	assert_success
	assert_output ""
}

@test "unmapped address" {
	start_target basic
	run ptpeek "$TPID" 0x10 8
	assert_failure 1
	assert_output "ptpeek: process $TPID: cannot read memory at 0x10 (unmapped or unreadable)"
	assert_untouched "$TPID"
}

@test "partly mapped range: what was read, then the first bad address" {
	layout
	run ptpeek "$TPID" $((RW + PS - 16)) 32
	assert_failure 1
	assert_line --index 0 "$(hexline $((RW + PS - 16)))  f0 f1 f2 f3 f4 f5 f6 f7  f8 f9 fa fb fc fd fe ff  |................|"
	assert_line --index 1 "$(printf 'ptpeek: process %d: cannot read memory at 0x%x (unmapped or unreadable)' "$TPID" $((RW + PS)))"
	assert_equal "${#lines[@]}" 2
	run ptpeek -t u32 "$TPID" $((RW + PS - 8)) 4
	assert_failure 1
	assert_line --index 0 4227529208
	assert_line --index 1 4294901244
	assert_untouched "$TPID"
}

@test "absurd and malformed LEN" {
	start_target basic
	a=$(rt data_bytes)
	run ptpeek "$TPID" "$a" 0xffffffffffffffff
	assert_failure 1
	assert_output --partial "range wraps around the address space"
	run ptpeek "$TPID" "$a" 99999999999999999999
	assert_failure 1
	assert_output --regexp "^ptpeek: length 99999999999999999999: "
	run ptpeek "$TPID" "$a" 12x
	assert_failure 1
	assert_output --regexp "^ptpeek: length 12x: "
	run ptpeek -t u64 "$TPID" "$a" 0x4000000000000000
	assert_failure 1
	assert_output "ptpeek: count 0x4000000000000000: too large"
	run ptpeek -s "$TPID" "$a" 0x10000000
	assert_failure 1
	assert_output --partial "more than the"
	run ptpeek "$TPID" "$a" 0x100000000000
	assert_failure 1
	assert_output --regexp "^ptpeek: process $TPID: length 17592186044416 is more than the [0-9]+ bytes the process has mapped\$"
	run ptpeek -t u64 "$TPID" "$a" 0x100000000000
	assert_failure 1
	assert_output --partial "bytes the process has mapped"
	assert_untouched "$TPID"
}

@test "garbage and overflowing address expressions, unknown names" {
	start_target basic
	p="ptpeek: process $TPID"
	# malformed: exit 2 before the process is touched
	run ptpeek "$TPID" 0x1ffffffffffffffff 8
	assert_failure 2
	assert_output "ptpeek: 0x1ffffffffffffffff: number too large: 0x1ffffffffffffffff"
	run ptpeek "$TPID" 99999999999999999999999 8
	assert_failure 2
	assert_output "ptpeek: 99999999999999999999999: number too large: 99999999999999999999999"
	run ptpeek "$TPID" no_such_symbol_here 8
	assert_failure 1
	assert_output "$p: no_such_symbol_here: unknown symbol 'no_such_symbol_here'"
	run ptpeek "$TPID" '0x10+' 8
	assert_failure 2
	assert_output "ptpeek: 0x10+: missing number after '0x10+'"
	run ptpeek "$TPID" '(main+4' 8
	assert_failure 2
	assert_output "ptpeek: (main+4: missing ')' after '(main+4'"
	run ptpeek "$TPID" nosuchlib:foo 8
	assert_failure 1
	assert_output "$p: nosuchlib:foo: no module 'nosuchlib' in process $TPID"
	run ptpeek "$TPID" libc:nosuchfn 8
	assert_failure 1
	assert_output "$p: libc:nosuchfn: unknown symbol 'nosuchfn' in libc.so.6"
	run ptpeek "$TPID" '[nosuch]' 8
	assert_failure 1
	assert_output "$p: [nosuch]: no mapping '[nosuch]' in process $TPID"
	assert_untouched "$TPID"
	run ptpeek -t u32 "$TPID" counter_u32
	assert_output 100
}

@test "a register as ADDR stops the thread only for the read" {
	local sp pc insn back
	sp=$(cpu_reg sp) pc=$(cpu_reg pc)
	read -r insn back < <(syscall_insn)
	start_target basic
	run ptpeek -t ptr "$TPID" "%$sp"
	assert_success
	assert_output --regexp '^0x[0-9a-f]+$'
	assert_untouched "$TPID"
	# the sleeping thread's program counter is at its system call
	run bash -c "ptpeek -r $TPID %$pc-$back $((${#insn} / 2)) | od -An -tx1 | tr -d ' \n'"
	assert_success
	assert_output "$insn"
	assert_untouched "$TPID"
}

@test "no such process, zombie, kernel thread" {
	run ptpeek 2147483647 0x1000 8
	assert_failure 1
	assert_output "ptpeek: no such process 2147483647"
	make_zombie
	z=$ZOMBIE
	run ptpeek "$z" 0x1000 8
	assert_failure 1
	assert_output "ptpeek: process $z is a zombie"
	run ptpeek 2 0x1000 8
	assert_failure 1
	assert_output "ptpeek: process 2 is a kernel thread"
}

@test "EPERM: an unprivileged user against a root process" {
	start_target basic
	a=$(rt counter_u32)
	run setpriv --reuid=65534 --regid=65534 --clear-groups "$PTOOLS_BIN/ptpeek" -t u32 "$TPID" "$a"
	assert_failure 1
	assert_output "ptpeek: not allowed to read memory of process $TPID"
	assert_untouched "$TPID"
	run ptpeek -t u32 "$TPID" "$a"
	assert_output 100
}

@test "target exits while ptpeek reads" {
	start_target basic 8
	heap=$(ptpeek -t "$(ptr_type)" "$TPID" "$(rt heap_buf)")
	mkfifo "$BATS_TEST_TMPDIR/f"
	ptpeek -r "$TPID" "$heap" 0x800000 >"$BATS_TEST_TMPDIR/f" 2>"$BATS_TEST_TMPDIR/err" &
	pp=$!
	exec {rfd}<"$BATS_TEST_TMPDIR/f"
	head -c 4096 <&"$rfd" >/dev/null
	# ptpeek is blocked writing its first 4 MiB; the target dies now
	kill -KILL "$TPID"
	for i in $(seq 1 200); do
		[ "$(proc_state "$TPID" 2>/dev/null)" = Z ] && break
		sleep 0.01
	done
	cat <&"$rfd" >/dev/null
	exec {rfd}<&-
	rc=0
	wait "$pp" || rc=$?
	assert_equal "$rc" 1
	run cat "$BATS_TEST_TMPDIR/err"
	assert_output "ptpeek: no such process $TPID"
}

@test "usage, version, bad options" {
	run ptpeek -h
	assert_success
	assert_line --index 0 "usage: ptpeek [-r | -t type | -s] [-j] [-S] pid addr [len]"
	assert_line --index 1 "       ptpeek [-j] [-S] [-t type] [-v] -F pattern pid [addr [len]]"
	assert_line --index 2 "       ptpeek [-j] [-t type] [-n count] -w interval pid addr [len]"
	assert_line --index 3 "       ptpeek -d [-j] [-S] pid expr"
	assert_line --index 4 "options:"
	assert_line "  -S, --stop               stop the process while reading"
	run --separate-stderr ptpeek --help
	assert_success
	[ -z "$stderr" ]
	assert_line --index 0 "usage: ptpeek [-r | -t type | -s] [-j] [-S] pid addr [len]"
	assert_line "  -F, --find=PATTERN       print the addresses where PATTERN occurs"
	run ptpeek -V
	assert_output "ptpeek 0.1.0"
	run ptpeek --version
	assert_output "ptpeek 0.1.0"
	run ptpeek -Q 1 2
	assert_failure 2
	assert_line --index 0 "ptpeek: unknown option -Q"
	assert_line --index 1 "usage: ptpeek [-r | -t type | -s] [-j] [-S] pid addr [len]"
	run --separate-stderr ptpeek --no-such-option 1 2
	assert_failure 2
	[ -z "$output" ]
	assert_equal "${stderr%%$'\n'*}" "ptpeek: unknown option --no-such-option"
	run ptpeek --raw=1 1 2
	assert_failure 2
	assert_line --index 0 "ptpeek: option --raw takes no argument"
	# an abbreviation: of one option it is that option, of two an error
	run ptpeek --st 1 2
	assert_failure 2
	assert_line --index 0 "ptpeek: option --st is ambiguous: --stop, --string"
	assert_line --index 1 "usage: ptpeek [-r | -t type | -s] [-j] [-S] pid addr [len]"
	run ptpeek --s=u32 1 2
	assert_failure 2
	assert_line --index 0 "ptpeek: option --s is ambiguous: --stop, --string"
	run ptpeek --ty
	assert_failure 2
	assert_line --index 0 "ptpeek: option --ty needs an argument"
	# operands first: the options after them are still options
	run ptpeek 1 2 --type
	assert_failure 2
	assert_line --index 0 "ptpeek: option --type needs an argument"
	assert_line --index 1 "usage: ptpeek [-r | -t type | -s] [-j] [-S] pid addr [len]"
	run ptpeek 1 --find
	assert_failure 2
	assert_line --index 0 "ptpeek: option --find needs an argument"
	run ptpeek --raw --string 1 2
	assert_failure 2
	assert_line --index 0 "ptpeek: -r, -s and -t exclude each other"
	run ptpeek -r -s 1 2
	assert_failure 2
	assert_line --index 0 "ptpeek: -r, -s and -t exclude each other"
	run ptpeek -t u12 1 2
	assert_failure 2
	assert_line --index 0 --partial "ptpeek: unknown type \"u12\""
	run ptpeek 1
	assert_failure 2
	run ptpeek -s -F 00 1
	assert_failure 2
	run ptpeek abc 0x10
	assert_failure 2
	assert_line --index 0 --partial "ptpeek: invalid PID"
	run ptpeek -F 0xdead 1
	assert_failure 2
	assert_output --partial "without 0x"
}

@test "man page is lint-clean and matches usage" {
	run mandoc -Tlint -W warning "$PTOOLS_TOP/man/ptpeek.1"
	assert_success
	assert_output ""
	syn=$(MANWIDTH=200 mandoc -Tascii "$PTOOLS_TOP/man/ptpeek.1" | col -b |
	    sed -n '/^SYNOPSIS/,/^DESCRIPTION/p' | sed '1d;$d' | sed 's/^ *//' | grep .)
	assert_equal "$syn" "$(ptpeek -h | sed '/^$/,$d; s/^usage: //; s/^ *//')"
}

@test "completions: bash offers options and PIDs; zsh and fish load" {
	source "$PTOOLS_TOP/completions/bash/ptpeek"
	COMP_WORDS=(ptpeek -t ""); COMP_CWORD=2; COMPREPLY=()
	_ptpeek
	[[ " ${COMPREPLY[*]} " == *" u32 "* && " ${COMPREPLY[*]} " == *" f64 "* ]]
	COMP_WORDS=(ptpeek -); COMP_CWORD=1; COMPREPLY=()
	_ptpeek
	[[ " ${COMPREPLY[*]} " == *" -F "* && " ${COMPREPLY[*]} " == *" -S "* ]]
	[[ " ${COMPREPLY[*]} " == *" --find "* && " ${COMPREPLY[*]} " == *" --stop "* ]]
	run complete_words ptpeek --st
	assert_output "$(printf -- '--stop\n--string')"
	# --type=u, as bash splits it at '='
	run complete_words ptpeek --type = u
	assert_output "$(printf 'u8\nu16\nu32\nu64')"
	COMP_WORDS=(ptpeek "$$"); COMP_CWORD=1; COMPREPLY=()
	_ptpeek
	[[ " ${COMPREPLY[*]} " == *" $$ "* ]]
	start_target basic
	COMP_WORDS=(ptpeek "$TPID" "[st"); COMP_CWORD=2; COMPREPLY=()
	_ptpeek
	[[ " ${COMPREPLY[*]} " == *" [stack] "* ]]
	# an option's argument is not the PID
	COMP_WORDS=(ptpeek --type = u32 --find 100 "$TPID" "[st"); COMP_CWORD=7; COMPREPLY=()
	_ptpeek
	assert_equal "${COMPREPLY[*]}" "[stack]"
	run zsh -c "autoload -U compinit; compinit -u; source $PTOOLS_TOP/completions/zsh/_ptpeek"
	assert_success
	run fish -n "$PTOOLS_TOP/completions/fish/ptpeek.fish"
	assert_success
	run fish --no-config -c "source $PTOOLS_TOP/completions/fish/ptpeek.fish; complete -C 'ptpeek --fi'"
	assert_success
	assert_output "--find	search for hex bytes, str:TEXT, a value or a comparison"
}

@test "SIGTERM while stopped with -S: the process runs on, untraced" {
	start_target basic 8
	heap=$(ptpeek -t "$(ptr_type)" "$TPID" "$(rt heap_buf)")
	mkfifo "$BATS_TEST_TMPDIR/f"
	ptpeek -S -r "$TPID" "$heap" 0x800000 >"$BATS_TEST_TMPDIR/f" 2>"$BATS_TEST_TMPDIR/err" &
	pp=$!
	exec {rfd}<"$BATS_TEST_TMPDIR/f"
	head -c 4096 <&"$rfd" >/dev/null
	# ptpeek holds the process stopped and is blocked writing
	[ "$(proc_state "$TPID")" = t ]
	kill -TERM "$pp"
	cat <&"$rfd" >/dev/null
	exec {rfd}<&-
	rc=0
	wait "$pp" || rc=$?
	[ "$rc" -ne 0 ]
	assert_untouched "$TPID"
	run ptpeek -t u32 "$TPID" "$(rt counter_u32)"
	assert_output 100
}

@test "-S stops every thread for a consistent snapshot" {
	local pg
	start_target mem-threads
	pg=$(awk '/^KernelPageSize:/ { print $2; exit }' "/proc/$TPID/smaps")
	[ "$pg" -le 4 ] || skip "a pipe holds 16 pages, $((pg * 16)) KiB here: more than the stack ptpeek copies, so it never blocks"
	mkfifo "$BATS_TEST_TMPDIR/f"
	# opened read-write so that the writer does not wait for a reader
	exec {rfd}<>"$BATS_TEST_TMPDIR/f"
	# 128 KiB of stack does not fit in the pipe: ptpeek blocks writing
	timeout 20 ptpeek -S -r "$TPID" '[stack]' 0x20000 >"$BATS_TEST_TMPDIR/f" &
	pp=$!
	for i in $(seq 1 200); do
		[ "$(proc_state "$TPID")" = t ] && break
		sleep 0.01
	done
	sleep 0.1
	for task in /proc/"$TPID"/task/*; do
		st=$(sed 's/.*) //' "$task/stat" | cut -d' ' -f1)
		[ "$st" = t ] || fail "thread $task in state $st"
	done
	assert_equal "$(ls /proc/"$TPID"/task | wc -l)" 4
	n=$(timeout 20 head -c 131072 <&"$rfd" | wc -c)
	exec {rfd}<&-
	wait "$pp"
	assert_equal "$n" 131072
	assert_untouched "$TPID"
	for task in /proc/"$TPID"/task/*; do
		assert_equal "$(awk '/^TracerPid:/ { print $2 }' "$task/status")" 0
	done
}

@test "-s and -F over a range that runs into a hole" {
	layout
	run ptpeek -s "$TPID" $((RW + PS - 6))
	assert_failure 1
	assert_line --index 0 '\372\373\374\375\376\377'
	assert_line --index 1 "$(printf 'ptpeek: process %d: cannot read memory at 0x%x (unmapped or unreadable)' "$TPID" $((RW + PS)))"
	# one hit every 256 bytes of the page
	run ptpeek -F "fe ff" "$TPID" "$RW" $((2 * PS))
	assert_failure 1
	assert_equal "${#lines[@]}" $((PS / 256 + 1))
	assert_line --index 0 "$(printf '0x%x' $((RW + 0xfe)))"
	assert_line --index $((PS / 256 - 1)) "$(printf '0x%x' $((RW + PS - 2)))"
	assert_line --index $((PS / 256)) --partial "cannot read memory at $(printf '0x%x' $((RW + PS)))"
	# without a range, unreadable memory is skipped
	run ptpeek -F "fe ff" "$TPID"
	assert_success
	assert_line "$(printf '0x%x' $((RW + 0xffe)))"
	assert_untouched "$TPID"
}

# vm_pte PID: the kB of page tables the process has.
vm_pte() {
	awk '/^VmPTE:/ { print $2 }' "/proc/$1/status"
}

@test "-F on a huge PROT_NONE reservation: reads only the readable pages" {
	start_target mem-sparse
	read -r _ _ p0 p1 p2 <"$TOUT"
	pte=$(vm_pte "$TPID")
	run ptmaps "$TPID"
	assert_success
	# (ptmaps pads addresses to 12 digits; %p in the target does not)
	assert_line --regexp "^0x0*${p0#0x} 0x[0-9a-f]+ rw-p "
	assert_line --regexp "^0x0*${p2#0x} 0x[0-9a-f]+ rw-p "
	assert_line --regexp " ---p 0x00000000 0x[0-9a-f]+ *$"
	run ptpeek -F str:sparse-mark "$TPID"
	assert_success
	assert_equal "$(printf '%s\n' "${lines[@]}" | grep -c .)" 3
	assert_equal $((lines[0])) $((p0))
	assert_equal $((lines[1])) $((p1))
	assert_equal $((lines[2])) $((p2))
	# A range runs until its first page that cannot be read, which is
	# not read at all: no PROT_NONE page shows up as zeros.
	run ptpeek -F str:sparse-mark "$TPID" "$p0" $((p2 + 4096 - p0))
	assert_failure 1
	assert_equal $((lines[0])) $((p0))
	assert_line --index 1 --regexp "^ptpeek: process $TPID: cannot read memory at 0x[0-9a-f]+ \(unmapped or unreadable\)$"
	assert_equal "${#lines[@]}" 2
	# Nothing was faulted in: the page tables stayed as they were.
	[ $(($(vm_pte "$TPID") - pte)) -lt 64 ]
	assert_untouched "$TPID"
}

# ---- -d: variables by their DWARF type (the dw-vars target) ----

# Expressions whose values print the same in every run: no addresses.
DW_FIXED=(g_s g_arr g_zero g_pt '*g_ptr' 'g_ptr->y' g_color g_bad g_name
	g_long s_count g_u g_td g_flag g_c g_uc g_f g_d g_ll g_ull g_sh g_bits
	g_sarr g_esc g_mat 'g_mat[1]' 'g_s.in.z' 'g_arr[2]' 'g_head->next->v'
	'g_anon' 'g_sarr[1].in' '(*g_ptr).z' '*g_arr' tick::calls g_many g_buf
	g_mix g_names g_bools g_earr g_empty)

@test "-d: values as written, exact" {
	start_target dw-vars
	local want=(
		'{x = 7, in = {y = -3, z = 0.125}}' '{1, 2, 3, 4}'
		'{0 <repeats 16 times>}' '{y = 9, z = 2.5}' '{y = 9, z = 2.5}' 9
		GREEN 42 '"ptools\000\000\000\000\000\000\000\000\000"'
		"\"x\", '\\000' <repeats 38 times>" 11
		'{i = 1069547520, f = 1.5, b = "\000\000\300?"}'
		'{x = 1, in = {y = 2, z = 3}}' true "65 'A'" "200 '\\310'"
		0.100000001 0.10000000000000001 -1234567890123
		18446744073709551615 -7 '{a = -2, b = 17, c = 5}'
		'{{x = 1, in = {y = 2, z = 0.5}}, {x = 3, in = {y = 4, z = 1.5}}}'
		'"\033[1m\000"' '{{1, 2, 3}, {4, 5, 6}}' '{4, 5, 6}' 0.125 3 2
		'{tag = 3, {n = 4, f = 5.60519386e-45}}' '{y = 4, z = 1.5}' 2.5 1
		4 "'z' <repeats 249 times>"
		"\"\\001\\002\", '\\000' <repeats 16 times>, \"\\003\\004\", '\\000' <repeats 19 times>"
		'{1 <repeats 12 times>, 2, 3, 0 <repeats 16 times>}'
		'{"ab\000\000\000\000\000", "cdefgh\000"}' '{true, false, true}'
		'{BLUE, RED, 7}' '{<No data fields>}')
	local i
	for i in "${!DW_FIXED[@]}"; do
		run ptpeek -d "$TPID" "${DW_FIXED[$i]}"
		assert_success
		assert_output -- "${want[$i]}"
	done
	assert_untouched "$TPID"
}

@test "-d: pointers with their type, symbol and string" {
	start_target dw-vars
	run ptpeek -d "$TPID" g_ptr
	assert_success
	assert_output "$(printf '(struct inner *) 0x%x <g_pt>' "$(rt g_pt dw-vars)")"
	run ptpeek -d "$TPID" g_ip
	assert_output "$(printf '(int *) 0x%x <g_arr+8>' $(($(rt g_arr dw-vars) + 8)))"
	run ptpeek -d "$TPID" g_nullp
	assert_output '(struct inner *) 0x0'
	run ptpeek -d "$TPID" g_null
	assert_output '0x0'
	run ptpeek -d --dwarf "$TPID" s_msg
	assert_success
	if [ "$(ptools_cpu)" = arm ]; then
		# a sizeless label of arm's C runtime (all_implied_fbits)
		# comes before the string in .rodata and so names it
		assert_output --regexp '^0x[0-9a-f]+ (<[a-z_]+\+[0-9]+> )?"static \\"quoted\\"\\n"$'
	else
		assert_output --regexp '^0x[0-9a-f]+ "static \\"quoted\\"\\n"$'
	fi
	run ptpeek -d "$TPID" g_strs
	if [ "$(ptools_cpu)" = arm ]; then
		# (that label again, before each string)
		assert_output --regexp '^\{0x[0-9a-f]+ (<[a-z_]+\+[0-9]+> )?"a", 0x[0-9a-f]+ (<[a-z_]+\+[0-9]+> )?"b\\n\\"c\\"", 0x0\}$'
	else
		assert_output --regexp '^\{0x[0-9a-f]+ "a", 0x[0-9a-f]+ "b\\n\\"c\\"", 0x0\}$'
	fi
	run ptpeek -d "$TPID" g_l1
	assert_output "$(printf '{v = 1, next = 0x%x <g_l2>}' "$(rt g_l2 dw-vars)")"
}

@test "-d: the same text as gdb's print" {
	command -v gdb >/dev/null || skip "no gdb"
	start_target dw-vars
	local exprs=("${DW_FIXED[@]}" g_ptr g_ip g_str s_msg g_strs g_l1 g_vp
		environ 'environ[0]' g_big g_many g_manyp g_buf g_mix g_names
		g_ptrs g_bools g_earr g_ld g_empty)
	local args=() e i
	for e in "${exprs[@]}"; do
		args+=(-ex "print $e")
	done
	LC_ALL=C gdb -nx -batch -p "$TPID" "${args[@]}" \
	    >"$BATS_TEST_TMPDIR/gdb" 2>/dev/null </dev/null
	grep -c '^\$' "$BATS_TEST_TMPDIR/gdb" |
	    grep -qx "${#exprs[@]}" || skip "gdb could not attach"
	for i in "${!exprs[@]}"; do
		want=$(grep "^\\\$$((i + 1)) = " "$BATS_TEST_TMPDIR/gdb" |
		    sed 's/^\$[0-9]* = //')
		run ptpeek -d "$TPID" "${exprs[$i]}"
		assert_success
		assert_output -- "$want"
	done
}

@test "-d -j: one JSON object" {
	start_target dw-vars
	# a double is 4-byte aligned in an i386 struct
	local zoff=8 size=24
	[ "$(ptools_cpu)" = i386 ] && zoff=4 size=16
	run ptpeek -d -j "$TPID" g_s
	assert_success
	assert_output "$(printf '{"path":"g_s","address":"0x%x","size":%d,"type":"struct s","value":{"x":7,"in":{"y":-3,"z":0.125}}}' "$(rt g_s dw-vars)" $size)"
	run ptpeek --dwarf --json "$TPID" g_name
	assert_output --partial '"type":"char [16]","value":"ptools"}'
	run ptpeek -dj "$TPID" g_color
	assert_output --partial '"type":"enum color","value":"GREEN"}'
	run ptpeek -dj "$TPID" g_mat
	assert_output --partial '"type":"int [2][3]","value":[[1,2,3],[4,5,6]]}'
	run ptpeek -dj "$TPID" g_str
	assert_output --regexp '"type":"const char \*","value":\{"address":"0x[0-9a-f]+","string":"hello"\}\}$'
	run ptpeek -dj "$TPID" 'g_ptr->z'
	assert_output "$(printf '{"path":"g_ptr->z","address":"0x%x","size":8,"type":"double","value":2.5}' $(($(rt g_pt dw-vars) + zoff)))"
}

@test "-d: unknown names, bad paths and unreadable pointers: exit 1, named" {
	start_target dw-vars
	run ptpeek -d "$TPID" g_nope
	assert_failure 1
	assert_output "ptpeek: process $TPID: unknown variable 'g_nope'"
	run ptpeek -d "$TPID" g_s.in.q
	assert_failure 1
	assert_output "ptpeek: process $TPID: no member 'q' in 'g_s.in' (struct inner)"
	run ptpeek -d "$TPID" 'g_arr[4]'
	assert_failure 1
	assert_output "ptpeek: process $TPID: index 4 is past the 4 elements of 'g_arr'"
	run ptpeek -d "$TPID" 'g_s->x'
	assert_failure 1
	assert_output "ptpeek: process $TPID: 'g_s' is not a pointer"
	run ptpeek -d "$TPID" 'g_ptr.y'
	assert_output "ptpeek: process $TPID: 'g_ptr' is not a struct or union (use ->)"
	run ptpeek -d "$TPID" 'g_nullp->y'
	assert_failure 1
	assert_output "ptpeek: process $TPID: cannot access memory at 0x0"
	run ptpeek -d "$TPID" 'g_s.'
	assert_failure 1
	assert_output "ptpeek: process $TPID: expected a name at the end of 'g_s.'"
	run ptpeek -d "$TPID" '*g_vp'
	assert_output "ptpeek: process $TPID: 'g_vp' points to void"
	run ptpeek -d "$TPID" tick::local
	assert_failure 1
	assert_output "ptpeek: process $TPID: 'tick::local' is a local variable: only statics have a fixed address"
	run ptpeek -d "$TPID" main::calls
	assert_failure 1
	assert_output "ptpeek: process $TPID: no static 'calls' in function 'main'"
	run ptpeek -d "$TPID" g_tls
	assert_failure 1
	assert_output "ptpeek: process $TPID: 'g_tls' is thread-local: not supported"
	assert_untouched "$TPID"
}

@test "-d: usage errors exit 2" {
	run ptpeek -d -t u32 1 g_s
	assert_failure 2
	assert_line --index 0 "ptpeek: -d takes no -F, -r, -s, -t or -w"
	run ptpeek -j -r 1 main
	assert_failure 2
	run ptpeek -d 1 g_s 4
	assert_failure 2
	assert_line --index 0 "ptpeek: too many operands"
	run ptpeek -d 1
	assert_failure 2
}

@test "-d on a program without debug information says so" {
	objcopy --strip-debug "$PTOOLS_TARGETS/dw-vars" "$BATS_TEST_TMPDIR/dw-vars"
	PTOOLS_TARGETS=$BATS_TEST_TMPDIR start_target dw-vars
	run ptpeek -d "$TPID" g_s
	assert_failure 1
	assert_output "$(printf "ptpeek: process %d: no debug information for 'g_s' (the executable was built without -g?); its ELF symbol is at 0x%x" "$TPID" "$(PTOOLS_TARGETS=$BATS_TEST_TMPDIR rt g_s dw-vars)")"
	run ptpeek -d "$TPID" g_nope
	assert_failure 1
	assert_output "ptpeek: process $TPID: unknown variable 'g_nope' (the executable has no debug information: built without -g?)"
}

@test "-d -S reads a stopped process and lets it go" {
	start_target dw-vars
	run ptpeek -d -S "$TPID" 'g_sarr[1].in.y'
	assert_success
	assert_output 4
	assert_untouched "$TPID"
}

@test "-d reads an executable deleted after it started, in a path with a blank" {
	mkdir "$BATS_TEST_TMPDIR/a dir"
	cp "$PTOOLS_TARGETS/dw-vars" "$BATS_TEST_TMPDIR/a dir/"
	PTOOLS_TARGETS="$BATS_TEST_TMPDIR/a dir" start_target dw-vars
	rm "$BATS_TEST_TMPDIR/a dir/dw-vars"
	run ptpeek -d "$TPID" 'g_sarr[1]'
	assert_success
	assert_output '{x = 3, in = {y = 4, z = 1.5}}'
	run ptpeek -d "$TPID" g_nope
	assert_failure 1
	assert_output "ptpeek: process $TPID: unknown variable 'g_nope'"
}

@test "-d: values only the debug information holds; a variable optimized out" {
	start_target dw-opt
	run ptpeek -d "$TPID" k
	assert_success
	assert_output 42
	run ptpeek -d "$TPID" kp
	assert_output '{a = 3, b = 4}'
	run ptpeek -d "$TPID" kp.b
	assert_output 4
	run ptpeek -dj "$TPID" kp
	assert_output '{"path":"kp","address":null,"size":8,"type":"const struct pt","value":{"a":3,"b":4}}'
	run ptpeek -d "$TPID" dropped
	assert_failure 1
	assert_output "ptpeek: process $TPID: 'dropped' is optimized out"
	# gdb agrees, where it is installed and may attach
	command -v gdb >/dev/null || return 0
	run env LC_ALL=C gdb -nx -batch -p "$TPID" -ex 'print kp' \
	    -ex 'print dropped' </dev/null
	[[ $output == *'$1 = '* ]] || return 0
	assert_line '$1 = {a = 3, b = 4}'
	assert_line '$2 = <optimized out>'
}
