#!/bin/sh
# ptstrace and strace as the number of tasks grows (tests/targets/many-tasks):
#  1. the cost of a traced syscall (two stops) in a process that has
#     100, 1000 and 10000 other threads: it should stay flat;
#  2. attaching with -f -p to a process of 1000 threads (goal < 1 s);
#  3. the tracer's peak RSS over many syscalls and many short-lived
#     processes: it should not grow with either;
#  4. -f over 2000 threads and 200 forks: time, and the same calls,
#     clones and exits as strace.
# Figures are medians of $RUNS runs (default 3).
B=${B:-build}
PTOOLS_BIN=${PTOOLS_BIN:-$(pwd)/$B/bin}
PTOOLS_TARGETS=${PTOOLS_TARGETS:-$(pwd)/$B/targets}
RUNS=${RUNS:-3}
CALLS=${CALLS:-100000}
prog=$PTOOLS_TARGETS/many-tasks
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
# shellcheck source=/dev/null
. "$(dirname "$0")/lib/timing.sh"

if ! command -v strace >/dev/null 2>&1; then
	echo "strace not installed: skipped"
	exit 0
fi

# ms CMD...: median wall time of $RUNS runs of CMD in milliseconds.
ms() { median_ms "$RUNS" "$@"; }

# per_call TRACER...: microseconds per traced getppid() beside N threads.
per_call() {
	n=$1
	shift
	b=$(ms "$@" -o "$out/t" "$prog" "$n" 0)
	f=$(ms "$@" -o "$out/t" "$prog" "$n" "$CALLS")
	awk -v b="$b" -v f="$f" -v c="$CALLS" 'BEGIN { printf "%.2f", (f - b) * 1000 / c }'
}

echo "1. a traced getppid() (two stops), beside N idle threads, us (median of $RUNS)"
echo "   threads   ptstrace -f   strace -f   ratio"
for n in 100 1000 10000; do
	p=$(per_call "$n" "$PTOOLS_BIN/ptstrace" -f)
	s=$(per_call "$n" strace -f)
	printf '   %7d   %11s   %9s   %s\n' "$n" "$p" "$s" "$(ratio "$p" "$s")"
done

# attach_ms TRACER...: ms until every thread of a 1000-thread process
# has a tracer.
attach_ms() {
	"$prog" 1000 0 wait >"$out/ready" &
	tp=$!
	while ! grep -q ready "$out/ready" 2>/dev/null; do sleep 0.01; done
	t0=$(date +%s%N)
	"$@" -f -p "$tp" -o /dev/null 2>/dev/null &
	trp=$!
	while [ "$(grep -l '^TracerPid:[[:space:]]*[1-9]' /proc/"$tp"/task/*/status 2>/dev/null | wc -l)" -lt 1001 ]; do
		:
	done
	t1=$(date +%s%N)
	kill -INT "$trp"
	wait "$trp" 2>/dev/null
	kill "$tp"
	wait "$tp" 2>/dev/null
	echo $(((t1 - t0) / 1000000))
}
echo "2. -f -p on a process of 1000 threads: ms until all are traced"
echo "   ptstrace $(attach_ms "$PTOOLS_BIN/ptstrace") ms, strace $(attach_ms strace) ms (goal < 1000)"

# rss_kb TRACER ARGS...: the tracer's peak RSS in KiB.
rss_kb() {
	/usr/bin/time -f %M -o "$out/rss" "$@" >/dev/null 2>&1
	cat "$out/rss"
}
if [ -x /usr/bin/time ]; then
	echo "3. peak RSS of the tracer, KiB (-f -o FILE)"
	for w in "0 100000" "0 1000000" "0 10000 forks" "0 50000 forks"; do
		# shellcheck disable=SC2086
		printf '   %-22s ptstrace %6s   strace %6s\n' "many-tasks $w" \
		    "$(rss_kb "$PTOOLS_BIN/ptstrace" -f -o "$out/t" "$prog" $w)" \
		    "$(rss_kb strace -f -o "$out/t" "$prog" $w)"
	done
else
	echo "3. skipped: no /usr/bin/time"
fi

# 4. -f over 2000 threads and 200 fork children: wall time, and whether
#    the two traces ran the same calls and ended the same tasks
#    (the tally of tests/ptstrace-compare.bats, at ten times its size).
tally() {
	sed -E -f "$(dirname "$0")/../tests/strace-tally.sed" "$1" | sort | uniq -c
}
echo "4. -f over many-tasks 2000 200 forks (2200 clones, 2201 exits)"
tp=$(ms "$PTOOLS_BIN/ptstrace" -f -o "$out/p" "$prog" 2000 200 forks)
ts=$(ms strace -f -o "$out/s" "$prog" 2000 200 forks)
tally "$out/p" >"$out/p.tally"
tally "$out/s" >"$out/s.tally"
if cmp -s "$out/p.tally" "$out/s.tally"; then same=yes; else same=NO; fi
echo "   ptstrace $tp ms, strace $ts ms, ratio $(ratio "$tp" "$ts"); same calls and exits: $same"
