#!/usr/bin/env bats
# ptpoke: hex bytes, typed values, strings, stdin, -o and undo,
# read-only pages, and bad input that must leave memory unchanged.

bats_require_minimum_version 1.5.0
load helper
load completion

rt() {
	local t=${2:-basic} base
	base=$(awk -v p="$PTOOLS_TARGETS/$t" '$6 == p { print $1; exit }' \
	    "/proc/$TPID/maps" | cut -d- -f1)
	printf '0x%x\n' $((0x$base + $(sym_addr "$t" "$1")))
}

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

# bytes PID ADDR LEN: the bytes there in hex, one line
bytes() {
	ptpeek -r "$1" "$2" "$3" | od -An -tx1 -v | tr -s ' \n' ' ' | sed 's/^ //; s/ $//'
}

@test "hex bytes, as one operand or many" {
	start_target basic
	d=$(rt data_bytes)
	run ptpoke "$TPID" "$d" 9090cc
	assert_success
	assert_output ""
	assert_equal "$(bytes "$TPID" "$d" 4)" "90 90 cc 03"
	ptpoke "$TPID" "$d" aa bb
	assert_equal "$(bytes "$TPID" "$d" 4)" "aa bb cc 03"
	ptpoke "$TPID" $((d + 1)) "de ad be ef"
	assert_equal "$(bytes "$TPID" "$d" 6)" "aa de ad be ef 05"
	assert_untouched "$TPID"
}

@test "typed values" {
	start_target basic
	c=$(rt counter_u32)
	ptpoke -t u32 "$TPID" "$c" 12345
	assert_equal "$(ptpeek -t u32 "$TPID" "$c")" 12345
	ptpoke -t i32 "$TPID" "$(rt negative_i32)" -7
	assert_equal "$(ptpeek -t i32 "$TPID" "$(rt negative_i32)")" -7
	ptpoke -t f64 "$TPID" "$(rt value_f64)" 0.125
	assert_equal "$(ptpeek -t f64 "$TPID" "$(rt value_f64)")" 0.125
	ptpoke -t u64 "$TPID" "$(rt magic_u64)" 0xcafef00d
	assert_equal "$(ptpeek -t ptr "$TPID" "$(rt magic_u64)")" 0xcafef00d
	d=$(rt data_bytes)
	ptpoke -t u16 "$TPID" "$d" 1 2 0xffff
	assert_equal "$(bytes "$TPID" "$d" 7)" "01 00 02 00 ff ff 06"
}

@test "a string, without NUL" {
	start_target basic
	g=$(rt greeting)
	ptpoke -s "HELLO" "$TPID" "$g"
	assert_equal "$(ptpeek -s "$TPID" "$g")" "HELLO, ptools"
}

@test "long options do what the short ones do; options end at the PID" {
	start_target basic
	c=$(rt counter_u32)
	run ptpoke --type=u32 "$TPID" "$c" 12345
	assert_success
	assert_equal "$(ptpeek -t u32 "$TPID" "$c")" 12345
	# a negative value after the operands is a value, not an option
	ptpoke --type i32 "$TPID" "$(rt negative_i32)" -7
	assert_equal "$(ptpeek -t i32 "$TPID" "$(rt negative_i32)")" -7
	g=$(rt greeting)
	ptpoke --string HELLO "$TPID" "$g"
	assert_equal "$(ptpeek -s "$TPID" "$g")" "HELLO, ptools"
	d=$(rt data_bytes)
	ptpoke --old="$BATS_TEST_TMPDIR/old" --string=ab "$TPID" "$d"
	assert_equal "$(od -An -tx1 "$BATS_TEST_TMPDIR/old" | tr -s ' ' | sed 's/^ //')" "00 01"
	assert_equal "$(bytes "$TPID" "$d" 3)" "61 62 02"
	# after the PID, --string is a value to write: not hex, refused
	run ptpoke "$TPID" "$d" --string=cd
	assert_failure 1
	assert_output 'ptpoke: invalid hex byte at "--string" in "--string=cd"'
	assert_equal "$(bytes "$TPID" "$d" 3)" "61 62 02"
	assert_untouched "$TPID"
}

@test "-o saves the old bytes and stdin puts them back" {
	start_target basic
	d=$(rt data_bytes)
	run ptpoke -o "$BATS_TEST_TMPDIR/old" -t u64 "$TPID" $((d + 8)) 0
	assert_success
	assert_equal "$(od -An -tx1 "$BATS_TEST_TMPDIR/old" | tr -s ' ' | sed 's/^ //')" "08 09 0a 0b 0c 0d 0e 0f"
	assert_equal "$(bytes "$TPID" $((d + 8)) 8)" "00 00 00 00 00 00 00 00"
	ptpoke "$TPID" $((d + 8)) - <"$BATS_TEST_TMPDIR/old"
	assert_equal "$(bytes "$TPID" $((d + 8)) 8)" "08 09 0a 0b 0c 0d 0e 0f"
}

@test "read-only code pages are written, and restored" {
	start_target basic
	f=$(rt add_numbers)
	before=$(bytes "$TPID" "$f" 4)
	ptpoke -o "$BATS_TEST_TMPDIR/old" "$TPID" "$f" cc
	assert_equal "$(bytes "$TPID" "$f" 1)" "cc"
	ptpoke "$TPID" "$f" - <"$BATS_TEST_TMPDIR/old"
	assert_equal "$(bytes "$TPID" "$f" 4)" "$before"
	# the process still runs the restored code
	assert_untouched "$TPID"
}

@test "read-only data page of a tracee" {
	layout
	run ptpoke "$TPID" "$RO" 41 42
	assert_success
	assert_equal "$(bytes "$TPID" "$RO" 3)" "41 42 fd"
}

@test "partly mapped range: nothing written" {
	layout
	run ptpoke -t u64 "$TPID" $((RW + PS - 4)) 0
	assert_failure 1
	assert_output "$(printf 'ptpoke: process %d: 8 bytes at 0x%x: 0x%x is not mapped; nothing written' "$TPID" $((RW + PS - 4)) $((RW + PS)))"
	assert_equal "$(bytes "$TPID" $((RW + PS - 4)) 4)" "fc fd fe ff"
	run ptpoke "$TPID" 0x10 00
	assert_failure 1
	assert_output "ptpoke: process $TPID: 1 bytes at 0x10: 0x10 is not mapped; nothing written"
	assert_untouched "$TPID"
}

@test "bad values are refused before anything is written" {
	start_target basic
	d=$(rt data_bytes)
	before=$(bytes "$TPID" "$d" 8)
	run ptpoke "$TPID" "$d" 01 02 zz
	assert_failure 1
	assert_output 'ptpoke: invalid hex byte at "zz" in "zz"'
	run ptpoke "$TPID" "$d" 012
	assert_failure 1
	assert_output 'ptpoke: odd number of hex digits in "012"'
	run ptpoke "$TPID" "$d" 0x90
	assert_failure 1
	assert_output --partial "without 0x"
	run ptpoke -t u8 "$TPID" "$d" 1 256
	assert_failure 1
	assert_output 'ptpoke: u8 value out of range "256"'
	run ptpoke -t i8 "$TPID" "$d" -129
	assert_output 'ptpoke: i8 value out of range "-129"'
	run ptpoke -t u64 "$TPID" "$d" 18446744073709551616
	assert_output 'ptpoke: u64 value out of range "18446744073709551616"'
	run ptpoke -t u32 "$TPID" "$d" -1
	assert_output 'ptpoke: invalid u32 value "-1"'
	run ptpoke -t f32 "$TPID" "$d" 1e39
	assert_output 'ptpoke: f32 value out of range "1e39"'
	run ptpoke -t f64 "$TPID" "$d" 1.5x
	assert_output 'ptpoke: invalid f64 value "1.5x"'
	run ptpoke "$TPID" no_such_symbol_here 00
	assert_failure 1
	assert_output --regexp "^ptpoke: process $TPID: no_such_symbol_here: "
	run ptpoke "$TPID" 0x1ffffffffffffffff 00
	assert_failure 2
	assert_output "ptpoke: 0x1ffffffffffffffff: number too large: 0x1ffffffffffffffff"
	assert_equal "$(bytes "$TPID" "$d" 8)" "$before"
	assert_untouched "$TPID"
}

@test "no such process, zombie, kernel thread, EPERM" {
	run ptpoke 2147483647 0x1000 00
	assert_failure 1
	assert_output "ptpoke: no such process 2147483647"
	run ptpoke 2 0x1000 00
	assert_failure 1
	assert_output "ptpoke: process 2 is a kernel thread"
	make_zombie
	z=$ZOMBIE
	run ptpoke "$z" 0x1000 00
	assert_failure 1
	assert_output "ptpoke: process $z is a zombie"
	start_target basic
	c=$(rt counter_u32)
	run setpriv --reuid=65534 --regid=65534 --clear-groups "$PTOOLS_BIN/ptpoke" -t u32 "$TPID" "$c" 7
	assert_failure 1
	assert_output "ptpoke: process $TPID: not allowed to read the mappings of process $TPID"
	assert_untouched "$TPID"
	assert_equal "$(ptpeek -t u32 "$TPID" "$c")" 100
}

@test "usage, version, bad options" {
	run ptpoke -h
	assert_success
	assert_line --index 0 "usage: ptpoke [-t type] [-s string] [-o oldfile] [-r interval] pid addr [value ... | -]"
	assert_line --index 1 "options:"
	assert_line "  -o, --old=OLDFILE        save the bytes overwritten to OLDFILE"
	run --separate-stderr ptpoke --help
	assert_success
	[ -z "$stderr" ]
	assert_line --index 0 "usage: ptpoke [-t type] [-s string] [-o oldfile] [-r interval] pid addr [value ... | -]"
	assert_line "  -t, --type=TYPE          the values are of TYPE (u32, i64, f64, ptr, ...)"
	run ptpoke -V
	assert_output "ptpoke 0.1.0"
	run ptpoke --version
	assert_output "ptpoke 0.1.0"
	run ptpoke -Q 1 2 3
	assert_failure 2
	assert_line --index 0 "ptpoke: unknown option -Q"
	assert_line --index 1 "usage: ptpoke [-t type] [-s string] [-o oldfile] [-r interval] pid addr [value ... | -]"
	run --separate-stderr ptpoke --no-such-option 1 2 3
	assert_failure 2
	[ -z "$output" ]
	assert_equal "${stderr%%$'\n'*}" "ptpoke: unknown option --no-such-option"
	run ptpoke --type
	assert_failure 2
	assert_line --index 0 "ptpoke: option --type needs an argument"
	assert_line --index 1 "usage: ptpoke [-t type] [-s string] [-o oldfile] [-r interval] pid addr [value ... | -]"
	run ptpoke --old
	assert_failure 2
	assert_line --index 0 "ptpoke: option --old needs an argument"
	run ptpoke --string=a --type=u8 1 0x1000
	assert_failure 2
	assert_line --index 0 "ptpoke: -s and -t exclude each other"
	run ptpoke 1 0x1000
	assert_failure 2
	assert_line --index 0 "ptpoke: nothing to write: give values, -s or -"
	run ptpoke -s ab 1 0x1000 00
	assert_failure 2
	run ptpoke -t u8 1 0x1000 -
	assert_failure 2
	run ptpoke -s a -t u8 1 0x1000
	assert_failure 2
}

@test "man page is lint-clean and matches usage" {
	run mandoc -Tlint -W warning "$PTOOLS_TOP/man/ptpoke.1"
	assert_success
	assert_output ""
	syn=$(MANWIDTH=200 mandoc -Tascii "$PTOOLS_TOP/man/ptpoke.1" | col -b |
	    sed -n '/^SYNOPSIS/,/^DESCRIPTION/p' | sed '1d;$d' | sed 's/^ *//' | grep . |
	    sed ':a;N;$!ba;s/\n[[:space:]]*/ /g')
	# both wrap the one long usage line, each its own way
	assert_equal "$syn" "$(ptpoke -h | sed '/^$/,$d; s/^usage: //' |
	    sed ':a;N;$!ba;s/\n[[:space:]]*/ /g')"
}

@test "completions: bash offers types, files and PIDs; zsh and fish load" {
	source "$PTOOLS_TOP/completions/bash/ptpoke"
	COMP_WORDS=(ptpoke -t ""); COMP_CWORD=2; COMPREPLY=()
	_ptpoke
	[[ " ${COMPREPLY[*]} " == *" i64 "* ]]
	COMP_WORDS=(ptpoke -); COMP_CWORD=1; COMPREPLY=()
	_ptpoke
	[[ " ${COMPREPLY[*]} " == *" -o "* ]]
	run complete_words ptpoke --o
	assert_output -- --old
	# --type=i6, as bash splits it at '='
	run complete_words ptpoke --type = i6
	assert_output i64
	COMP_WORDS=(ptpoke -t u8 "$$"); COMP_CWORD=3; COMPREPLY=()
	_ptpoke
	[[ " ${COMPREPLY[*]} " == *" $$ "* ]]
	start_target basic
	COMP_WORDS=(ptpoke -t u8 "$TPID" "bas"); COMP_CWORD=4; COMPREPLY=()
	_ptpoke
	assert_equal "${COMPREPLY[*]}" "basic"
	COMP_WORDS=(ptpoke --old = old --type u8 "$TPID" "bas"); COMP_CWORD=7; COMPREPLY=()
	_ptpoke
	assert_equal "${COMPREPLY[*]}" "basic"
	# after the PID no more options: -1 is a value
	COMP_WORDS=(ptpoke "$TPID" -1 -); COMP_CWORD=3; COMPREPLY=()
	_ptpoke
	assert_equal "${COMPREPLY[*]}" ""
	run zsh -c "autoload -U compinit; compinit -u; source $PTOOLS_TOP/completions/zsh/_ptpoke"
	assert_success
	run fish -n "$PTOOLS_TOP/completions/fish/ptpoke.fish"
	assert_success
	run fish --no-config -c "source $PTOOLS_TOP/completions/fish/ptpoke.fish; complete -C 'ptpoke --ol'"
	assert_success
	assert_output "--old	save the overwritten bytes to a file"
}

@test "target exits while ptpoke waits for its input" {
	start_target basic
	mkfifo "$BATS_TEST_TMPDIR/in"
	# timeout: a safety net for a ptpoke that never ends, generous for
	# the slow guests.
	timeout 60 ptpoke "$TPID" greeting - <"$BATS_TEST_TMPDIR/in" 2>"$BATS_TEST_TMPDIR/err" &
	pp=$!
	exec {wfd}>"$BATS_TEST_TMPDIR/in"
	# ptpoke looks at the process first: kill it only once ptpoke waits
	# in read(0, ...) (the number of read on each CPU).  ptpoke is
	# timeout's child, or timeout itself (busybox's execs the program).
	local nr p i
	case $(ptools_cpu) in
	x86_64) nr=0 ;;
	i386) nr=3 ;;
	aarch64) nr=63 ;;
	ppc64le|arm) nr=3 ;;
	esac
	for i in $(seq 1 300); do
		for p in "$pp" $(children_of "$pp"); do
			[ "$(cat "/proc/$p/comm" 2>/dev/null)" = ptpoke ] && break
		done
		[ "$(cut -d' ' -f1,2 "/proc/$p/syscall" 2>/dev/null)" = "$nr 0x0" ] && break
		sleep 0.05
	done
	[ "$(cut -d' ' -f1,2 "/proc/$p/syscall")" = "$nr 0x0" ] ||
	    fail "ptpoke ($p) does not wait for its input"
	kill -KILL "$TPID"
	# Dead: a zombie, or already reaped by this shell (then the loop
	# must not wait for a Z that never comes: under emulation its 200
	# rounds took longer than 20 s).
	for i in $(seq 1 200); do
		[ "$(proc_state "$TPID" 2>/dev/null)" = Z ] && break
		kill -0 "$TPID" 2>/dev/null || break
		sleep 0.01
	done
	# ptpoke may see the death before this input: then nobody reads it,
	# and the write must not kill the test with SIGPIPE
	(trap '' PIPE; printf 'AB' >&"$wfd") 2>/dev/null || true
	exec {wfd}>&-
	rc=0
	wait "$pp" || rc=$?
	assert_equal "$rc" 1
	run cat "$BATS_TEST_TMPDIR/err"
	# a zombie, or already reaped by the shell
	assert_output --regexp "^ptpoke: (process $TPID is a zombie|no such process $TPID)\$"
}

@test "a non-PIE executable: symbols at their link-time addresses" {
	start_target basic-nopie
	a=$(sym_addr basic-nopie counter_u32)
	ptpoke -t u32 "$TPID" counter_u32 77
	assert_equal "$(ptpeek -t u32 "$TPID" "$a")" 77
}
