#!/bin/sh
# Symbol benchmarks, each against the reference tool in the same run:
#  1. symbolize N addresses in libc's text in one call:
#     ptmaps PID ADDR... vs gdb -batch "info symbol" vs addr2line -f
#  2. one read at a symbol by name: ptpeek PID libc:malloc 8 vs
#     gdb -batch -p PID -ex 'x/8xb malloc'
# Run from the top of the tree by `make bench` (PTOOLS_BIN, PTOOLS_TARGETS).
: "${PTOOLS_BIN:=build/bin}" "${PTOOLS_TARGETS:=build/targets}"
maps=$PTOOLS_BIN/ptmaps
peek=$PTOOLS_BIN/ptpeek
tgt=$(cd "$PTOOLS_TARGETS" && pwd)/basic
N=${SYM_BENCH_N:-2000}
NRUN=${SYM_BENCH_RUNS:-20}
NGDB=${SYM_BENCH_NGDB:-3}

tmp=$(mktemp -d)
"$tgt" >"$tmp/out" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; rm -rf "$tmp"' EXIT INT TERM
while [ ! -s "$tmp/out" ]; do sleep 0.05; done

# shellcheck source=/dev/null
. "$(dirname "$0")/lib/timing.sh"

# libc's path, load address and executable mapping
libc=$(awk '$6 ~ /\/libc[.-]/ { print $6; exit }' "/proc/$pid/maps")
base=$(awk -v p="$libc" '$6 == p { print $1; exit }' "/proc/$pid/maps" | cut -d- -f1)
text=$(awk -v p="$libc" '$6 == p && $2 ~ /x/ { print $1; exit }' "/proc/$pid/maps")
ts=$((0x${text%-*}))
te=$((0x${text#*-}))
step=$(((te - ts) / N))
i=0
: >"$tmp/addrs"
: >"$tmp/gdb"
: >"$tmp/link"
while [ $i -lt "$N" ]; do
	a=$((ts + i * step + 7))
	printf '0x%x\n' "$a" >>"$tmp/addrs"
	printf 'info symbol 0x%x\n' "$a" >>"$tmp/gdb"
	printf '0x%x\n' $((a - 0x$base)) >>"$tmp/link"
	i=$((i + 1))
done

echo "symbolize $N addresses in $libc (one call each; mean of $NRUN, gdb $NGDB):"
tp=$(avg_ms "$NRUN" sh -c "xargs '$maps' $pid <'$tmp/addrs'")
ta=$(avg_ms "$NRUN" addr2line -f -e "$libc" @"$tmp/link")
if command -v gdb >/dev/null 2>&1; then
	tg=$(avg_ms "$NGDB" gdb -nx -batch -p "$pid" -x "$tmp/gdb")
else
	tg=0
fi
echo "  ptmaps     $tp ms"
echo "  addr2line  $ta ms   addr2line/ptmaps = $(ratio "$ta" "$tp")"
echo "  gdb        $tg ms   gdb/ptmaps       = $(ratio "$tg" "$tp")"
named=$(xargs "$maps" "$pid" <"$tmp/addrs" 2>/dev/null | awk '$3 != "-"' | wc -l)
echo "  addresses with a symbol: $named of $N"

echo "read 8 bytes at libc:malloc (mean of $NRUN; gdb $NGDB):"
tp=$(avg_ms "$NRUN" "$peek" "$pid" libc:malloc 8)
if command -v gdb >/dev/null 2>&1; then
	tg=$(avg_ms "$NGDB" gdb -nx -batch -p "$pid" -ex 'x/8xb malloc')
else
	tg=0
fi
echo "  ptpeek     $tp ms"
echo "  gdb        $tg ms   gdb/ptpeek = $(ratio "$tg" "$tp")"
