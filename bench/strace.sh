#!/bin/sh
# ptstrace against strace on a syscall-heavy workload (one-byte dd):
#  1. untraced, ptstrace -f -e trace=openat (seccomp filter), and strace
#     the same (with and without --seccomp-bpf): the filtered run should
#     stay within 10% of the untraced one;
#  2. full tracing to a file: ptstrace time / strace time (goal <= 0.8),
#     and both beside the floor, bench/lib/syscall-floor.c: a tracer that
#     only stops at every syscall entry and exit (goal <= 1.15), and that
#     tracer asking each stop for the syscall's number, arguments and
#     result, which any decoder needs.
# Each figure is the median of $RUNS runs (default 5).
B=${B:-build}
PTOOLS_BIN=${PTOOLS_BIN:-$(pwd)/$B/bin}
RUNS=${RUNS:-7}
COUNT=${COUNT:-100000}
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

set -- dd if=/dev/zero of=/dev/null bs=1 count="$COUNT"
echo "workload: $*, median of $RUNS runs"

base=$(ms "$@")
pf=$(ms "$PTOOLS_BIN/ptstrace" -f -e trace=openat -o "$out/p" "$@")
sf=$(ms strace -f -e trace=openat -o "$out/s" "$@")
sfs=$(ms strace -f --seccomp-bpf -e trace=openat -o "$out/s" "$@")
echo "untraced                         ${base} ms"
echo "ptstrace -f -e trace=openat      ${pf} ms  ($(ratio "$pf" "$base") x untraced; goal <= 1.10)"
echo "strace -f -e trace=openat        ${sf} ms  ($(ratio "$sf" "$base") x untraced)"
echo "strace -f --seccomp-bpf -e ...   ${sfs} ms  ($(ratio "$sfs" "$base") x untraced)"

# The full traces and the floors take turns, a run of each per round,
# so that a machine whose speed drifts meets them all alike.
cc -O2 -o "$out/floor" "$(dirname "$0")/lib/syscall-floor.c" || exit 1

# full_round [PREFIX...]: the four commands, $RUNS rounds, each command
# run under PREFIX (nothing, or taskset -c 0); prints the four ratios.
# shellcheck disable=SC2086 # $work: the workload, a word an argument
full_round() {
	pts='' sts='' fls='' fis=''
	i=0
	while [ $i -lt "$RUNS" ]; do
		pts="$pts $(median_ms 1 "$@" "$PTOOLS_BIN/ptstrace" -f -o "$out/p" $work)"
		sts="$sts $(median_ms 1 "$@" strace -f -o "$out/s" $work)"
		fls="$fls $(median_ms 1 "$@" "$out/floor" $work)"
		fis="$fis $(median_ms 1 "$@" "$out/floor" -i $work)"
		i=$((i + 1))
	done
	# shellcheck disable=SC2086 # one time a word
	{ pt=$(median $pts); st=$(median $sts); fl=$(median $fls); fi=$(median $fis); }
	echo "full trace to a file: ptstrace ${pt} ms, strace ${st} ms, ratio $(ratio "$pt" "$st") (goal <= 0.80)"
	echo "floor (PTRACE_SYSCALL + waitpid, nothing decoded): ${fl} ms;" \
	    "ptstrace $(ratio "$pt" "$fl") x (goal <= 1.15), strace $(ratio "$st" "$fl") x"
	echo "floor + PTRACE_GET_SYSCALL_INFO at each stop: ${fi} ms" \
	    "($(ratio "$fi" "$fl") x the floor); ptstrace $(ratio "$pt" "$fi") x," \
	    "strace $(ratio "$st" "$fi") x"
}
work="$*"
full_round
# Tracer and tracee on one CPU.  Every stop hands the CPU from one to
# the other; on two CPUs the scheduler puts the tracee on the idle one
# at each resume, and each stop then costs a wakeup across CPUs, which
# on a virtual machine is most of the time and varies from run to run.
# On one CPU what is left is the work each does per stop.  (The tools
# never pin a tracee themselves: a program would see its affinity
# change.)
if command -v taskset >/dev/null 2>&1; then
	echo "the same, tracer and tracee pinned to CPU 0 (taskset -c 0):"
	full_round taskset -c 0
fi
echo "trace lines: ptstrace $(wc -l <"$out/p"), strace $(wc -l <"$out/s")"
