#!/bin/sh
# Backtrace benchmark: every thread of stack-chain (threads blocked in a
# known call chain) at 8 and 200 threads, ptstack against eu-stack -p
# and gdb -batch -ex 'thread apply all bt', in the same run; like
# against like: ptstack (lines, inlined frames) with eu-stack -i -s,
# ptstack -a (symbols only) with plain eu-stack -p.
# Run from the top of the tree by `make bench` (PTOOLS_BIN, PTOOLS_TARGETS).
: "${PTOOLS_BIN:=build/bin}" "${PTOOLS_TARGETS:=build/targets}"
stack=$PTOOLS_BIN/ptstack
tgt=$(cd "$PTOOLS_TARGETS" && pwd)/stack-chain
NRUN=${STACK_BENCH_RUNS:-10}
NGDB=${STACK_BENCH_NGDB:-2}

tmp=$(mktemp -d)
pid=
trap 'kill $pid 2>/dev/null; rm -rf "$tmp"' EXIT INT TERM

# shellcheck source=/dev/null
. "$(dirname "$0")/lib/timing.sh"

for n in 8 200; do
	"$tgt" $((n - 1)) >"$tmp/out" 2>&1 &
	pid=$!
	while [ ! -s "$tmp/out" ]; do sleep 0.05; done
	sleep 0.2
	echo "backtraces of $n threads (mean of $NRUN; gdb $NGDB):"
	tp=$(avg_ms "$NRUN" "$stack" "$pid")
	echo "  ptstack    $tp ms ($("$stack" "$pid" 2>/dev/null | grep -c '^#') frames)"
	ta=$(avg_ms "$NRUN" "$stack" -a "$pid")
	echo "  ptstack -a $ta ms (symbols only)"
	if command -v eu-stack >/dev/null 2>&1; then
		te=$(avg_ms "$NRUN" eu-stack -p "$pid")
		echo "  eu-stack   $te ms   eu-stack/ptstack -a = $(ratio "$te" "$ta")"
		te=$(avg_ms "$NRUN" eu-stack -i -s -p "$pid")
		echo "  eu-stack -i -s (inlined frames, lines: as ptstack) $te ms   eu-stack -i -s/ptstack = $(ratio "$te" "$tp")"
	else
		echo "  eu-stack   not installed"
	fi
	if command -v gdb >/dev/null 2>&1; then
		tg=$(avg_ms "$NGDB" gdb -nx -batch -p "$pid" -ex 'thread apply all bt')
		echo "  gdb        $tg ms   gdb/ptstack = $(ratio "$tg" "$tp")"
	else
		echo "  gdb        not installed"
	fi
	kill "$pid"
	wait "$pid" 2>/dev/null
done
