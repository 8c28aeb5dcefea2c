#!/usr/bin/env bats
# ptstrace -c/-C (the syscall summary) against strace 6.1 on the same
# program (st-stats, whose calls and errors per syscall are fixed): the
# parts that repeat from run to run are compared exactly (headers,
# column order and widths, calls, errors, names and their order, the
# totals); the times only by what they must be (-w against system CPU
# time, -O's reduction and its floor at 0).  Refused -U, -S and -O
# values give strace's message and exit 2.

load helper

setup() {
	command -v strace >/dev/null || skip "strace is not installed"
	cd "$BATS_TEST_TMPDIR" || exit 1
	T=$PTOOLS_TARGETS
}

# both OPTS...: the summary of st-stats from both tracers in s.out and
# p.out; both exit 0.
both() {
	setarch -R strace -o s.out "$@" "$T/st-stats" || fail "strace failed"
	setarch -R ptstrace -o p.out "$@" "$T/st-stats" ||
	    fail "ptstrace failed"
}

# same OPTS...: both, and the two summaries are identical.
same() {
	both "$@"
	run diff -u s.out p.out
	assert_success
	# not vacuous: a header, two rules, a total and some rows
	[ "$(wc -l <p.out)" -ge 8 ]
}

# the columns that do not depend on timing: every field but the
# times, which become T (errors last so that its blanks stay at the end)
untimed() {
	awk 'NR <= 2 || /^-/ { print; next }
	    { printf "%s %s", $1, $2; for (i = 3; i <= 7; i++) printf " T";
	      if (NF > 7) printf " %s", $8; print "" }' "$1"
}

@test "stats: -S calls, -U calls,errors,name as strace" {
	same -c -S calls -U calls,errors,name
	run cat p.out
	assert_line --index 0 "    calls    errors syscall"
	# the program's own calls are there, exit_group (no return) is not
	assert_line "        7           getpid"
	assert_line "        6         4 close"
	refute_line --partial exit_group
}

@test "stats: -S name, name first (padded to the longest name) as strace" {
	same -c -S name -U name,calls,errors
	grep -q '^chdir  *2  *2$' p.out || fail "no chdir row: $(cat p.out)"
	# sched_get_priority_max widens the name column to 23
	assert_equal "$(sed -n 2p p.out)" "----------------------- --------- ---------"
}

@test "stats: -S errors and -S nothing (syscall number order) as strace" {
	same -c -S errors -U errors,calls
	same -c -S nothing -U syscall,count,error
}

@test "stats: strace's aliases of -S and -U" {
	same -c -S count -U count
	same -c -S syscall -U syscall_name,error,calls
	same -c -S error -U errors,count,name
}

@test "stats: -C prints the trace, then the same table" {
	same -C -S name -U calls,errors,name -e trace=close,chdir,umask
	grep -q '^close(-1) *= -1 EBADF' p.out || fail "no trace: $(cat p.out)"
}

@test "stats: long option names" {
	setarch -R strace -o s.out --summary-only --summary-sort-by=calls \
	    --summary-columns=calls,name "$T/st-stats"
	setarch -R ptstrace -o p.out --summary-only --summary-sort-by=calls \
	    --summary-columns=calls,name "$T/st-stats"
	run diff -u s.out p.out
	assert_success
	grep -q ' umask$' p.out
}

@test "stats: every column in any order: headers, widths, counts as strace" {
	local cols=name,calls,avg-time,max-time,min-time,total-time,time-percent,errors
	both -c -S name -U "$cols"
	untimed s.out >s.un
	untimed p.out >p.un
	run diff -u s.un p.un
	assert_success
	assert_equal "$(head -1 p.out)" "syscall                     calls  usecs/call  longest shortest     seconds % time    errors"
	assert_equal "$(sed -n 2p p.out)" "----------------------- --------- ----------- -------- -------- ----------- ------ ---------"
	both -c -S name -U time_percent,time_total,shortest,longest,time_avg \
	    -e trace=sched_get_priority_max
	run diff -u <(sed 2q s.out) <(sed 2q p.out)
	assert_success
	assert_equal "$(head -1 p.out)" "% time     seconds shortest  longest  usecs/call syscall"
}

@test "stats: the default table's layout as strace" {
	both -c -e trace=getpid,getppid
	run diff -u <(sed 2q s.out) <(sed 2q p.out)
	assert_success
	assert_equal "$(sed 1q p.out)" "% time     seconds  usecs/call     calls    errors syscall"
	grep -Eq '^100\.00 +[0-9.]+ +[0-9]+ +10 +total$' p.out ||
	    fail "no total: $(cat p.out)"
}

@test "stats: nothing counted prints nothing, as strace" {
	both -c -e trace=none
	[ ! -s s.out ] || fail "strace printed: $(cat s.out)"
	[ ! -s p.out ] || fail "ptstrace printed: $(cat p.out)"
}

# seconds SYSCALL FILE: the second column of SYSCALL's row (name first).
seconds() {
	awk -v n="$1" '$1 == n { print $2 }' "$2"
}

@test "stats: -w counts wall time, the default system CPU time" {
	ptstrace -o cpu.out -c -U name,total-time -e trace=clock_nanosleep \
	    "$T/st-stats" 150
	ptstrace -o wall.out -c -w -U name,total-time -e trace=clock_nanosleep \
	    "$T/st-stats" 150
	local cpu wall
	cpu=$(seconds clock_nanosleep cpu.out)
	wall=$(seconds clock_nanosleep wall.out)
	[ -n "$cpu" ] && [ -n "$wall" ] || fail "no rows: $(cat cpu.out wall.out)"
	# two sleeps of 150 ms: 0.3 s of wall time, almost no CPU
	awk -v c="$cpu" -v w="$wall" 'BEGIN { exit !(c < 0.1 && w >= 0.3 && w < 1) }' ||
	    fail "cpu $cpu, wall $wall"
}

@test "stats: -O takes its overhead off each call, never below 0" {
	ptstrace -o o.out -c -w -O 100ms -U name,total-time,min-time,max-time \
	    -e trace=clock_nanosleep,getpid "$T/st-stats" 150
	local t mn mx
	read -r t mn mx < <(awk '$1 == "clock_nanosleep" { print $2, $3, $4 }' o.out)
	# each 150 ms sleep counts about 50 ms
	awk -v t="$t" -v a="$mn" -v b="$mx" 'BEGIN { exit !(t >= 0.1 && t < 0.2 &&
	    a >= 0.05 && a < 0.1 && b >= a && b < 0.1) }' ||
	    fail "after -O 100ms: $(cat o.out)"
	# getpid is far below 100 ms: 0, not negative
	grep -Eq '^getpid +0\.000000 0\.000000 0\.000000$' o.out ||
	    fail "getpid: $(cat o.out)"
	# the same overhead in other units and forms
	ptstrace -o o2.out -c -w --summary-syscall-overhead=0.1s -U name,max-time \
	    -e trace=clock_nanosleep "$T/st-stats" 150
	mx=$(seconds clock_nanosleep o2.out)
	awk -v b="$mx" 'BEGIN { exit !(b >= 0.05 && b < 0.1) }' ||
	    fail "after -O 0.1s: $(cat o2.out)"
	ptstrace -o o3.out -c -w -O 1s -e trace=clock_nanosleep "$T/st-stats" 150
	grep -Eq '^100\.00 +0\.000000 +0 +2 +total$' o3.out ||
	    fail "after -O 1s: $(cat o3.out)"
}

# refused OPTS...: both tracers refuse; ptstrace exits 2 and its first
# line is strace's with the program's name.
refused() {
	run strace "$@" true
	[ "$status" -ne 0 ] || fail "strace accepted $*"
	local want=${lines[0]#strace: }
	run ptstrace "$@" true
	assert_failure 2
	assert_line --index 0 "ptstrace: $want"
}

@test "stats: bad -U columns are refused with strace's message" {
	refused -c -U bogus
	refused -c -U calls,none
	refused -c -U calls,
	refused -c -U ''
	refused -c -U calls,name,count
	refused -c -U time,time_percent
	refused -c --summary-columns=nothing
	assert_line --index 0 "ptstrace: unknown column name: 'nothing'"
}

@test "stats: bad -S keys are refused with strace's message" {
	refused -c -S foo
	refused -c -S Calls
	refused -c --summary-sort-by=
	assert_line --index 0 "ptstrace: invalid sortby: ''"
}

@test "stats: bad -O overheads are refused with strace's message" {
	refused -c -O 1x
	refused -c -O -1
	refused -c -O 1.5e
	refused -c -O 5ss
	refused -c -O 1e400
	refused -c -O ''
	refused -c --summary-syscall-overhead=abc
	assert_line --index 0 "ptstrace: invalid --summary-syscall-overhead argument: 'abc'"
}
