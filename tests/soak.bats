#!/usr/bin/env bats
# Soak: ptstrace -f over a process tree that keeps forking, starting
# threads, running programs and taking signals (tests/targets/soak).
# The trace must account for every one of them, and no task may be
# left stopped or traced.  PTOOLS_SOAK_SECONDS (default 20) bounds the
# long run.

load helper

: "${PTOOLS_SOAK_SECONDS:=20}"

# counts FILE: what a trace shows, as "forks F threads T execs E
# signals S" plus the number of exits with status 0.  A call line split
# by another task's stop still has "NAME(" once, in its first half.
counts() {
	printf 'forks %d threads %d execs %d signals %d failures 0 exits %d\n' \
	    "$(grep -c ' clone(' "$1")" "$(grep -c ' clone3(' "$1")" \
	    "$(grep -c 'execve("/proc/self/exe", \["soak", "leaf"\]' "$1")" \
	    "$(grep -c -- '--- SIGUSR1 {si_signo=SIGUSR1, si_code=SI_TKILL' "$1")" \
	    "$(grep -c '+++ exited with 0 +++$' "$1")"
}

@test "soak: ptstrace -f shows every fork, thread, exec, signal and exit of a busy tree" {
	run ptstrace -f -o "$BATS_TEST_TMPDIR/tr" -- \
	    "$PTOOLS_TARGETS/soak" "$PTOOLS_SOAK_SECONDS"
	assert_success
	[[ $output =~ ^forks\ ([0-9]+)\ threads ]] || fail "soak said: $output"
	n=${BASH_REMATCH[1]}
	[ "$n" -gt 50 ] || fail "only $n rounds"
	# Each child and its thread exit 0, then soak itself.
	assert_equal "$(counts "$BATS_TEST_TMPDIR/tr")" \
	    "$output exits $((2 * n + 1))"
	# Nothing unfinished is left behind.
	assert_equal "$(grep -c '<unfinished \.\.\.>$' "$BATS_TEST_TMPDIR/tr")" \
	    "$(grep -c ' resumed>' "$BATS_TEST_TMPDIR/tr")"
}

@test "soak: ptstrace -f -p interrupted mid-run leaves the whole tree untraced and running" {
	"$PTOOLS_TARGETS/soak" 6 >"$BATS_TEST_TMPDIR/out" &
	local pid=$! i
	_started_pids+=("$pid")
	sleep 0.5
	ptstrace -f -p "$pid" -o "$BATS_TEST_TMPDIR/tr" &
	local tr=$!
	sleep 3
	kill -INT "$tr"
	wait "$tr" || true
	# soak's threads and children (they come and go): none in a
	# tracing stop, none traced by the tracer that was interrupted.
	for i in /proc/"$pid"/task/* $(pgrep -P "$pid" | sed 's,^,/proc/,'); do
		st=$(sed 's/.*) //' "$i/stat" 2>/dev/null | cut -d' ' -f1)
		[ "$st" != t ] || fail "${i##*/} is in a tracing stop"
		[ "$(awk '/^TracerPid:/ { print $2 }' "$i/status" 2>/dev/null)" != "$tr" ] ||
		    fail "${i##*/} is still traced"
	done
	assert_untouched "$pid"
	# It runs on to its end: a child left stopped would hang it.
	wait "$pid"
	[[ $(cat "$BATS_TEST_TMPDIR/out") =~ failures\ 0$ ]] || fail "$(cat "$BATS_TEST_TMPDIR/out")"
	grep -q 'execve("/proc/self/exe"' "$BATS_TEST_TMPDIR/tr"
}
