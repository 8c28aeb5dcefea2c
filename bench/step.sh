#!/bin/sh
# Single-stepping speed: ptstep with its output to a pipe against a gdb
# stepi loop that prints each instruction (x/i $pc), over the same
# program in the same run.  Start-up costs are removed by timing two
# lengths of each and taking the difference.  Also: syscalls per step
# (strace -c), and the floor of this machine (a bare
# PTRACE_SINGLESTEP + waitpid loop, built here).
# Then ptstep -c, which runs to a crash at full speed, against the same
# program untraced and under gdb -batch -ex run (best of three each);
# and the calls a logging breakpoint logs per second, against gdb's
# dprintf; `sh bench/step.sh -c` runs only those parts.
B=${B:-build}
BIN=${PTOOLS_BIN:-$B/bin}
TGT=${PTOOLS_TARGETS:-$B/targets}/step-hello
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { print b - a }'; }
calc() { awk "BEGIN { print $1 }"; }

# best of three: seconds of the command, its output thrown away
best3() {
	b=
	for _ in 1 2 3; do
		t0=$(now)
		"$@" >/dev/null 2>&1
		t1=$(now)
		t=$(secs "$t0" "$t1")
		[ -z "$b" ] && b=$t
		b=$(calc "($t < $b) ? $t : $b")
	done
	echo "$b"
}

# step-calls l N spins N million times, then reads address 8.
crash_bench() {
	crash=${PTOOLS_TARGETS:-$B/targets}/step-calls
	for n in 0 100; do
		u=$(best3 "$crash" l $n)
		p=$(best3 "$BIN/ptstep" -c -- "$crash" l $n)
		g=$(best3 gdb -nx -batch -ex run --args "$crash" l $n)
		printf 'crash after %s M loops: untraced %.3f s, ptstep -c %.3f s (%+.3f), gdb -batch -ex run %.3f s (%+.3f)\n' \
		    "$n" "$u" "$p" "$(calc "$p - $u")" "$g" "$(calc "$g - $u")"
	done
}
# Logging breakpoints: calls logged in 2 s of step-loop, which calls
# work() without end, by ptstep -c -L and by a gdb dprintf (both attach
# inside the 2 s).
log_bench() {
	"${PTOOLS_TARGETS:-$B/targets}/step-loop" >/dev/null &
	lp=$!
	sleep 0.2
	pl=$(timeout -s INT 2 "$BIN/ptstep" -c -L work -p "$lp" | grep -c '^call')
	gl=$(timeout -s INT 2 gdb -nx -batch -p "$lp" -ex 'dprintf work,"hit\n"' \
	    -ex continue 2>/dev/null | grep -c '^hit')
	kill "$lp"
	printf 'calls logged in 2 s: ptstep -c -L %s (%.0f/s), gdb dprintf %s (%.0f/s)\n' \
	    "$pl" "$(calc "$pl / 2")" "$gl" "$(calc "$gl / 2")"
}
if [ "${1:-}" = -c ]; then
	crash_bench
	log_bench
	exit 0
fi

pt_time() {
	t0=$(now)
	"$BIN/ptstep" -n "$1" -- "$TGT" 2>/dev/null | cat >/dev/null
	t1=$(now)
	secs "$t0" "$t1"
}

gdb_time() {
	cat >"$tmp/g.gdb" <<EOG
set pagination off
set confirm off
starti
set \$i = 0
while \$i < $1
  stepi
  x/i \$pc
  set \$i = \$i + 1
end
kill
quit
EOG
	t0=$(now)
	gdb -nx -batch -x "$tmp/g.gdb" --args "$TGT" 2>/dev/null | cat >/dev/null
	t1=$(now)
	secs "$t0" "$t1"
}

PN1=5000 PN2=100000 GN1=200 GN2=5000
p1=$(pt_time $PN1); p2=$(pt_time $PN2)
pt_rate=$(calc "($PN2 - $PN1) / ($p2 - $p1)")
g1=$(gdb_time $GN1); g2=$(gdb_time $GN2)
gdb_rate=$(calc "($GN2 - $GN1) / ($g2 - $g1)")

cat >"$tmp/raw.c" <<'EOC'
#include <sys/ptrace.h>
#include <sys/wait.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>
int
main(int argc, char **argv)
{
	int i, st, n = atoi(argv[1]);
	struct timespec a, b;
	pid_t p = fork();

	(void)argc;
	if (p == 0) {
		volatile unsigned long x = 0;

		ptrace(PTRACE_TRACEME, 0, 0, 0);
		raise(SIGSTOP);
		for (;;)
			x++;
	}
	waitpid(p, &st, 0);
	clock_gettime(CLOCK_MONOTONIC, &a);
	for (i = 0; i < n; i++) {
		ptrace(PTRACE_SINGLESTEP, p, 0, 0);
		waitpid(p, &st, 0);
	}
	clock_gettime(CLOCK_MONOTONIC, &b);
	printf("%.0f\n", n / ((b.tv_sec - a.tv_sec) + (b.tv_nsec - a.tv_nsec) / 1e9));
	kill(p, SIGKILL);
	return 0;
}
EOC
floor=0
cc -O2 -o "$tmp/raw" "$tmp/raw.c" 2>/dev/null && floor=$("$tmp/raw" 100000)

# Attach mode: strace cannot trace the child ptstep itself traces.
"${PTOOLS_TARGETS:-$B/targets}/step-loop" >/dev/null &
lp=$!
sleep 0.2
strace -c -o "$tmp/sc" "$BIN/ptstep" -n 20000 -p "$lp" >/dev/null 2>&1
kill "$lp"
calls=$(awk '$NF == "total" { print $4 }' "$tmp/sc")
per_step=$(calc "$calls / 20000")

printf 'ptstep: %.0f steps/s (output to a pipe)\n' "$pt_rate"
printf 'gdb stepi + x/i loop: %.0f steps/s\n' "$gdb_rate"
printf 'ratio ptstep/gdb: %.1fx\n' "$(calc "$pt_rate / $gdb_rate")"
printf 'floor (bare SINGLESTEP+waitpid): %s steps/s; ptstep is %.0f%% of it\n' \
    "$floor" "$(calc "100 * $pt_rate / $floor")"
printf 'syscalls per step (strace -c, 20000 steps of ptstep -p, start-up included): %.2f\n' "$per_step"
crash_bench
log_bench
