# Common setup for the bats suites: assertions, the tools on PATH, and
# tracee programs that are started by a test and always cleaned up.

bats_load_library bats-support 2>/dev/null || load /usr/lib/bats/bats-support/load
bats_load_library bats-assert 2>/dev/null || load /usr/lib/bats/bats-assert/load

: "${PTOOLS_TOP:=$(cd "$BATS_TEST_DIRNAME/.." && pwd)}"
: "${B:=build}"
: "${PTOOLS_BIN:=$PTOOLS_TOP/$B/bin}"
: "${PTOOLS_TARGETS:=$PTOOLS_TOP/$B/targets}"
PATH=$PTOOLS_BIN:$PATH
export PATH PTOOLS_BIN PTOOLS_TARGETS PTOOLS_TOP

_started_pids=()

# start_target NAME [ARGS...]: run tests/targets/NAME in the background,
# wait until it prints its first line ("ready ..."), set $TPID and
# $TOUT (its output file).  The process is killed in teardown.
start_target() {
	local name=$1; shift
	TOUT=$(mktemp "$BATS_TEST_TMPDIR/out.XXXXXX")
	"$PTOOLS_TARGETS/$name" "$@" >"$TOUT" 2>&1 </dev/null &
	TPID=$!
	_started_pids+=("$TPID")
	local _
	for _ in $(seq 1 500); do
		[ -s "$TOUT" ] && return 0
		kill -0 "$TPID" 2>/dev/null || break
		sleep 0.01
	done
	echo "target $name did not start: $(cat "$TOUT")" >&2
	return 1
}

# proc_state PID: the one-letter state from /proc/PID/stat.
proc_state() {
	sed 's/.*) //' "/proc/$1/stat" | cut -d' ' -f1
}

# tracer_pid PID: TracerPid from /proc/PID/status.
tracer_pid() {
	awk '/^TracerPid:/ { print $2 }' "/proc/$1/status"
}

# assert_untouched PID: running (not stopped by ptrace), not traced.
assert_untouched() {
	local st _
	for _ in $(seq 1 100); do
		st=$(proc_state "$1")
		[ "$st" != t ] && [ "$(tracer_pid "$1")" = 0 ] && break
		sleep 0.01
	done
	[ "$st" = S ] || [ "$st" = R ] || fail "process $1 is in state $st"
	[ "$(tracer_pid "$1")" = 0 ] || fail "process $1 is still traced by $(tracer_pid "$1")"
}

# sym_addr TARGET SYMBOL: link-time address of SYMBOL in the target binary.
sym_addr() {
	nm "$PTOOLS_TARGETS/$1" | awk -v s="$2" '$3 == s { print "0x" $1; exit }'
}

teardown_targets() {
	local p
	for p in "${_started_pids[@]}"; do
		kill -CONT "$p" 2>/dev/null
		kill -KILL "$p" 2>/dev/null
		wait "$p" 2>/dev/null
	done
	_started_pids=()
}

teardown() {
	teardown_targets
}
