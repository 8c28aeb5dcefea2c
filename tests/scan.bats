#!/usr/bin/env bats
# The scanmem workflow as a pipeline: ptpeek searches (-F, -v), narrows a
# candidate list read on stdin ("-"), watches (-w); ptpoke freezes (-r)
# and undoes (-o).  The scan-game target keeps score next to decoys of
# the same value and changes it on SIGUSR1.

bats_require_minimum_version 1.5.0
load helper

# rt SYMBOL: runtime address of a symbol of scan-game, as 0x hex
rt() {
	local base
	base=$(awk -v p="$PTOOLS_TARGETS/scan-game" '$6 == p { print $1; exit }' \
	    "/proc/$TPID/maps" | cut -d- -f1)
	printf '0x%x\n' $((0x$base + $(sym_addr scan-game "$1")))
}

# wait_for TEXT: until the target has printed the line TEXT
wait_for() {
	local _
	for _ in $(seq 1 500); do
		grep -qx "$1" "$TOUT" && return 0
		sleep 0.01
	done
	fail "the target never printed '$1': $(cat "$TOUT")"
}

# wait_value ADDR VALUE: until the i32 at ADDR reads VALUE
wait_value() {
	local _
	for _ in $(seq 1 500); do
		[ "$(ptpeek -t i32 "$TPID" "$1")" = "$2" ] && return 0
		sleep 0.01
	done
	fail "$1 never held $2"
}

# wait_lines FILE N: until FILE has N lines
wait_lines() {
	local _
	for _ in $(seq 1 500); do
		[ "$(wc -l <"$1")" -ge "$2" ] && return 0
		sleep 0.01
	done
	fail "$1 has fewer than $2 lines: $(cat "$1")"
}

setup() {
	start_target scan-game
	S=$(rt score)
	STILL=$(rt decoy_still)
	MOVING=$(rt decoy_moving)
	TABLE=$(rt table)
}

@test "search, narrow, watch, freeze and undo: one score among decoys" {
	c1=$BATS_TEST_TMPDIR/c1
	ptpeek -v -t i32 -F 1000 "$TPID" >"$c1"
	grep -qx "$S 1000" "$c1"
	grep -qx "$STILL 1000" "$c1"
	grep -qx "$MOVING 1000" "$c1"
	# in address order, every value 1000
	assert_equal "$(cut -d' ' -f2 "$c1" | sort -u)" 1000
	prev=0
	while read -r a _; do
		[ $((a)) -gt "$prev" ] || fail "$a is out of order in $(cat "$c1")"
		prev=$((a))
	done <"$c1"
	kill -USR1 "$TPID"
	wait_for "score 1025"
	# two went up, one of them by 25: the score
	run ptpeek -v -t i32 -F increased "$TPID" - <"$c1"
	assert_success
	assert_output "$(printf '%s 1025\n%s 1001' "$S" "$MOVING" | sort)"
	run ptpeek -v -t i32 -F +25 "$TPID" - <"$c1"
	assert_success
	assert_output "$S 1025"
	run ptpeek -v -t i32 -F changed "$TPID" - <"$c1"
	assert_equal "${#lines[@]}" 2
	run ptpeek -t i32 -F unchanged "$TPID" - <"$c1"
	assert_line "$STILL"
	refute_line "$S"
	refute_line "$MOVING"
	# -1 from the new values: nobody went down
	ptpeek -v -t i32 -F changed "$TPID" - <"$c1" >"$BATS_TEST_TMPDIR/c2"
	run ptpeek -t i32 -F -1 "$TPID" - <"$BATS_TEST_TMPDIR/c2"
	assert_success
	assert_output ""

	# watch: the value now, then each change
	w=$BATS_TEST_TMPDIR/watch
	ptpeek -t i32 -w 10ms -n 2 "$TPID" "$S" >"$w" &
	wp=$!
	wait_lines "$w" 1
	kill -USR1 "$TPID"
	wait_for "score 1050"
	# a watch samples every 10 ms: a second change sooner than its next
	# look would be one change from 1025 to 1075
	wait_lines "$w" 2
	kill -USR1 "$TPID"
	wait_for "score 1075"
	rc=0
	wait "$wp" || rc=$?
	assert_equal "$rc" 0
	run cat "$w"
	assert_equal "${#lines[@]}" 3
	assert_line --index 0 --regexp "^[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{6} $S 1025\$"
	assert_line --index 1 --regexp " $S 1050\$"
	assert_line --index 2 --regexp " $S 1075\$"

	# freeze at 9999: what the program adds is undone
	old=$BATS_TEST_TMPDIR/old
	ptpoke -t i32 -o "$old" -r 5ms "$TPID" "$S" 9999 &
	fp=$!
	wait_value "$S" 9999
	kill -USR1 "$TPID"
	wait_for "score 10024"
	wait_value "$S" 9999
	assert_untouched "$TPID"
	kill -TERM "$fp"
	rc=0
	wait "$fp" || rc=$?
	assert_equal "$rc" 0
	# the bytes before the first write, then undo
	assert_equal "$(od -An -td4 "$old" | tr -d ' ')" 1075
	ptpoke "$TPID" "$S" - <"$old"
	kill -USR2 "$TPID"
	wait_for "score 1075"
	assert_equal "$(ptpeek -t i32 "$TPID" "$S")" 1075
	assert_untouched "$TPID"
}

@test "address expressions: *pointer, products, parentheses" {
	run ptpeek -t i32 "$TPID" '*score_ptr'
	assert_output 1000
	run ptpeek -t i32 "$TPID" 'table+4*3'
	assert_output 40
	run ptpeek -t i32 "$TPID" '(table + 4) * 1 + 4 * 2'
	assert_output 40
	run ptpeek -t i32 "$TPID" 'table + 4 * 2'
	assert_output 30
	run ptpeek -t i32 "$TPID" '*(score_ptr)-4'
	assert_output 1000
	run ptpeek -t i32 "$TPID" '*(0x8+8)'
	assert_failure 1
	assert_output "ptpeek: process $TPID: *(0x8+8): *(0x8+8): cannot read a pointer at 0x10"
	run ptpoke -t i32 "$TPID" '*score_ptr+0' 7
	assert_success
	assert_equal "$(ptpeek -t i32 "$TPID" "$S")" 7
	# malformed: exit 2, naming the place, the process untouched
	run ptpeek -t i32 "$TPID" '*(score_ptr'
	assert_failure 2
	assert_output "ptpeek: *(score_ptr: missing ')' after '*(score_ptr'"
	run ptpoke -t i32 "$TPID" 'table+*' 1
	assert_failure 2
	assert_output "ptpoke: table+*: missing number after 'table+*'"
	run ptpeek "$TPID" 'table)'
	assert_failure 2
	assert_output "ptpeek: table): garbage after 'table': ')'"
	assert_equal "$(ptpeek -t i32 "$TPID" "$S")" 7
	assert_untouched "$TPID"
}

@test "patterns: ranges, comparisons, wildcards, float tolerance" {
	t=$((TABLE))
	at() { printf '0x%x' $((t + $1)); }
	run ptpeek -t i32 -F 25..45 "$TPID" "$TABLE" 32
	assert_output "$(at 8; echo; at 12)"
	run ptpeek -t i32 -F '>=70' "$TPID" "$TABLE" 32
	assert_output "$(at 24; echo; at 28)"
	run ptpeek -t i32 -F '<20' "$TPID" "$TABLE" 32
	assert_output "$(at 0)"
	run ptpeek -t i32 -F '!=10' "$TPID" "$TABLE" 32
	assert_equal "${#lines[@]}" 7
	run ptpeek -v -t i32 -F '<=20' "$TPID" "$TABLE" 32
	assert_output "$(at 0) 10
$(at 4) 20"
	run ptpeek -v -F '14 00 00 00 ?? 00 00 00 28' "$TPID" "$TABLE" 32
	assert_output "$(at 4) 140000001e00000028"
	run ptpeek -F '?? 00 00 00 50' "$TPID" "$TABLE" 32
	assert_output "$(at 24)"
	run ptpeek -F '?? 00 00 00 51' "$TPID" "$TABLE" 32
	assert_output ""
	run ptpeek -F '?? 00 00 00 46' "$TPID" "$TABLE" 32
	assert_output "$(at 20)"
	h=$(rt health)
	hd=$(rt health_decoy)
	run ptpeek -v -t f64 -F '75.5~0.001' "$TPID" - <<<"$h
$hd"
	assert_output "$h 75.5
$hd 75.5000001"
	run ptpeek -t f64 -F 75.5 "$TPID" - <<<"$h
$hd"
	assert_output "$h"
	run ptpeek -t f64 -F '>75.5' "$TPID" - <<<"$h
$hd"
	assert_output "$hd"
	assert_untouched "$TPID"
}

@test "malformed patterns exit 2 naming the column; relative ones need values" {
	run ptpeek -t i32 -F '>=4x' "$TPID"
	assert_failure 2
	assert_output "ptpeek: -F '>=4x': invalid i32 value \"4x\" at column 3"
	run ptpeek -F 'de a?' "$TPID"
	assert_failure 2
	assert_output "ptpeek: -F 'de a?': '?' alone (a wildcard byte is '??') at column 5"
	run ptpeek -F 'de ag' "$TPID"
	assert_failure 2
	assert_output "ptpeek: -F 'de ag': not a hex digit at column 5"
	run ptpeek -F 'de ?' "$TPID"
	assert_failure 2
	assert_output "ptpeek: -F 'de ?': '?' alone (a wildcard byte is '??') at column 4"
	run ptpeek -F 'de a' "$TPID"
	assert_failure 2
	assert_output "ptpeek: -F 'de a': half a byte at column 4"
	run ptpeek -t u8 -F 9..3 "$TPID"
	assert_failure 2
	assert_output "ptpeek: -F '9..3': an empty range (the first number is the larger) at column 2"
	run ptpeek -F '>5' "$TPID"
	assert_failure 2
	assert_output "ptpeek: -F '>5': comparisons need a type (-t)"
	run ptpeek -t i32 -F increased "$TPID"
	assert_failure 2
	assert_output --partial "compares with the value seen before"
	run ptpeek -t i32 -F increased "$TPID" - <<<"$S"
	assert_failure 1
	assert_line --index 0 "ptpeek: stdin:1: no value seen before (a second column) to compare with"
	assert_untouched "$TPID"
}

@test "candidate lists: input order, bad lines by number, unreadable ones counted" {
	run --separate-stderr ptpeek -t i32 "$TPID" - <<EOF
$TABLE
bogus
0x10
$S 5

$((TABLE + 4)) junk
1 2 3
EOF
	assert_failure 1
	assert_output "$TABLE 10
$S 1000
$(printf '0x%x' $((TABLE + 4))) 20"
	[ "$(printf '%s\n' "$stderr" | sed -n 1p)" = "ptpeek: stdin:2: bad address: not a number: 'bogus'" ]
	[ "$(printf '%s\n' "$stderr" | sed -n 2p)" = "ptpeek: stdin:7: more than two columns" ]
	[ "$(printf '%s\n' "$stderr" | sed -n 3p)" = "ptpeek: process $TPID: 1 candidate not readable, skipped" ]
	[ "$(printf '%s\n' "$stderr" | sed -n 4p)" = "ptpeek: 2 bad candidate lines" ]
	# dumps of each candidate, and JSON records
	run ptpeek "$TPID" - 8 <<<"$TABLE"
	assert_output "$(ptpeek "$TPID" "$TABLE" 8)"
	run ptpeek -j "$TPID" - 8 <<<"$TABLE"
	assert_output "{\"addr\":\"$TABLE\",\"bytes\":\"0a00000014000000\"}"
	run ptpeek -j -v -t i32 -F 20 "$TPID" "$TABLE" 32
	assert_output "{\"addr\":\"$(printf '0x%x' $((TABLE + 4)))\",\"value\":20}"
	run ptpeek -j -s "$TPID" "$TABLE" 8
	assert_output "{\"addr\":\"$TABLE\",\"string\":\"\\n\"}"
	run ptpeek -j -r "$TPID" "$TABLE" 8
	assert_failure 2
	assert_line --index 0 "ptpeek: -j prints records: not with -r"
	run ptpeek -j -t i32 "$TPID" "$TABLE" 2
	assert_output "{\"addr\":\"$TABLE\",\"value\":10}
{\"addr\":\"$(printf '0x%x' $((TABLE + 4)))\",\"value\":20}"
	assert_untouched "$TPID"
}

@test "candidate re-reads are batched: 3000 candidates, 3 process_vm_readv calls" {
	list=$BATS_TEST_TMPDIR/list
	for i in $(seq 0 2999); do printf '0x%x\n' $((TABLE + i % 8 * 4)); done >"$list"
	# (a sanitizer build's leak check cannot run under ptrace)
	ptstrace -f -e trace=process_vm_readv -o "$BATS_TEST_TMPDIR/tr" \
	    env ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" \
	    ptpeek -t i32 -F 40 "$TPID" - <"$list" >"$BATS_TEST_TMPDIR/out"
	assert_equal "$(wc -l <"$BATS_TEST_TMPDIR/out")" 375
	assert_equal "$(sort -u "$BATS_TEST_TMPDIR/out")" "$(printf '0x%x' $((TABLE + 12)))"
	assert_equal "$(grep -c 'process_vm_readv(' "$BATS_TEST_TMPDIR/tr")" 3
}

@test "watch and freeze end when the process exits; usage errors" {
	# -j records, and SIGTERM ends a watch with status 0
	ptpeek -j -t i32 -w 10ms "$TPID" "$S" >"$BATS_TEST_TMPDIR/j" &
	wp=$!
	wait_lines "$BATS_TEST_TMPDIR/j" 1
	kill -TERM "$wp"
	rc=0
	wait "$wp" || rc=$?
	assert_equal "$rc" 0
	run cat "$BATS_TEST_TMPDIR/j"
	assert_output --regexp "^\{\"time\":[0-9]+\.[0-9]{6},\"addr\":\"$S\",\"value\":1000\}\$"
	assert_untouched "$TPID"

	ptpeek -t i32 -w 10ms "$TPID" "$S" >"$BATS_TEST_TMPDIR/w" 2>"$BATS_TEST_TMPDIR/we" &
	wp=$!
	ptpoke -t i32 -r 10ms "$TPID" "$S" 5 2>"$BATS_TEST_TMPDIR/fe" &
	fp=$!
	# both have started: the watcher has printed, the freeze has written
	wait_lines "$BATS_TEST_TMPDIR/w" 1
	wait_value "$S" 5
	kill -KILL "$TPID"
	rc=0
	wait "$wp" || rc=$?
	assert_equal "$rc" 0
	rc=0
	wait "$fp" || rc=$?
	assert_equal "$rc" 0
	run cat "$BATS_TEST_TMPDIR/we"
	assert_output "ptpeek: process $TPID has exited"
	run cat "$BATS_TEST_TMPDIR/fe"
	assert_output "ptpoke: process $TPID has exited"

	run ptpeek -w 0 1 main
	assert_failure 2
	assert_line --index 0 "ptpeek: -w: interval '0': from 1us to 30 years"
	run ptpeek -w 1x 1 main
	assert_failure 2
	assert_line --index 0 "ptpeek: -w: bad interval '1x': unknown unit 'x'"
	run ptpeek -n 3 1 main
	assert_failure 2
	assert_line --index 0 "ptpeek: -n needs -w"
	run ptpeek -v 1 main
	assert_failure 2
	assert_line --index 0 "ptpeek: -v needs -F"
	run ptpeek -w 1 -F 00 1 main
	assert_failure 2
	run ptpeek -t u32 -w 1 1 main 4
	assert_failure 2
	assert_line --index 0 "ptpeek: -w -t watches one value: no len"
	run ptpoke -r soon 1 main 00
	assert_failure 2
	assert_line --index 0 "ptpoke: -r: bad interval 'soon' (seconds, or a number with s, ms or us)"
}
