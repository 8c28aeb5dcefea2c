#!/bin/sh
# Memory tool benchmarks, each against the reference tool in the same run:
#  1. one 8-byte read: ptpeek vs dd on /proc/PID/mem vs gdb -batch
#  2. 256 MiB heap to /dev/null: ptpeek -r vs dd bs=1M on /proc/PID/mem
#  3. ptpeek -F over the 256 MiB heap: MB/s
#  4. ptpeek -F and ptmaps on a 64 GiB PROT_NONE reservation vs gdb find
# Run from the top of the tree by `make bench` (PTOOLS_BIN, PTOOLS_TARGETS).
: "${PTOOLS_BIN:=build/bin}" "${PTOOLS_TARGETS:=build/targets}"
peek=$PTOOLS_BIN/ptpeek
tgt=$(cd "$PTOOLS_TARGETS" && pwd)/basic
MB=${MEM_BENCH_MB:-256}
N=${MEM_BENCH_N:-200}
NGDB=${MEM_BENCH_NGDB:-5}

out=$(mktemp)
"$tgt" "$MB" >"$out" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; rm -f "$out"' EXIT
trap 'exit 1' INT TERM HUP PIPE
while [ ! -s "$out" ]; do sleep 0.05; done

# runtime address of a symbol of the (PIE) target
symaddr() {
	base=$(awk -v p="$tgt" '$6 == p { print $1; exit }' "/proc/$pid/maps" | cut -d- -f1)
	off=$(nm "$tgt" | awk -v s="$1" '$3 == s { print $1; exit }')
	printf '%d' $((0x$base + 0x$off))
}
# shellcheck source=/dev/null
. "$(dirname "$0")/lib/timing.sh"

addr=$(symaddr magic_u64)
hex=$(printf '0x%x' "$addr")
heapptr=$(symaddr heap_buf)
heap=$("$peek" -t u64 "$pid" "$heapptr")
bytes=$((MB * 1024 * 1024))

echo "one-off read of 8 bytes at $hex (mean of $N runs; gdb $NGDB):"
if command -v hyperfine >/dev/null 2>&1; then
	hyperfine -N -w 5 -r "$N" "$peek $pid $hex 8" \
	    "dd if=/proc/$pid/mem bs=8 count=1 skip=$addr iflag=skip_bytes status=none" 2>&1 |
	    grep -E 'Time|±|faster' || true
fi
tp=$(avg_ms "$N" "$peek" "$pid" "$hex" 8)
td=$(avg_ms "$N" dd if=/proc/$pid/mem of=/dev/null bs=8 count=1 skip="$addr" iflag=skip_bytes status=none)
if command -v gdb >/dev/null 2>&1; then
	tg=$(avg_ms "$NGDB" gdb -nx -batch -p "$pid" -ex "x/8xb $hex")
else
	tg=0
fi
echo "  ptpeek   $tp ms"
echo "  dd       $td ms   ptpeek/dd  = $(ratio "$tp" "$td")  (goal <= 1.2)"
echo "  gdb      $tg ms   gdb/ptpeek = $(ratio "$tg" "$tp")  (goal >= 100)"

echo "bulk read of the $MB MiB heap at $heap to /dev/null (best of 3):"
rp=$(best sh -c "$peek -r $pid $heap $bytes >/dev/null")
rd=$(best dd if=/proc/$pid/mem of=/dev/null bs=1M count="$bytes" skip="$heap" iflag=skip_bytes,count_bytes status=none)
mbs() { echo "$1" | awk -v mb="$MB" '{ printf "%.0f", ($1 > 0 ? mb / ($1 / 1000) : 0) }'; }
echo "  ptpeek -r  $rp ms  $(mbs "$rp") MB/s"
echo "  dd bs=1M   $rd ms  $(mbs "$rd") MB/s   dd/ptpeek = $(ratio "$rd" "$rp")  (goal >= 1)"

echo "search of the $MB MiB heap (best of 3):"
sf=$(best sh -c "$peek -F str:NOT-IN-THE-HEAP $pid $heap $bytes")
found=$("$peek" -F str:NEEDLE-in-heap "$pid" "$heap" "$bytes")
echo "  ptpeek -F str:  $sf ms  $(mbs "$sf") MB/s  (needle found at $found)"
st=$(best sh -c "$peek -t u32 -F 0xdeadbeef $pid $heap $bytes")
echo "  ptpeek -t u32 -F  $st ms  $(mbs "$st") MB/s"
sa=$(best sh -c "$peek -F str:NOT-IN-THE-HEAP $pid >/dev/null")
echo "  ptpeek -F over every readable mapping: $sa ms"

# 4. A 64 GiB PROT_NONE reservation with three touched pages (the
#    mem-sparse target): the search reads the three readable pages only.
#    gdb's find over the reservation reads every page of it, through
#    /proc/PID/mem, which also sees PROT_NONE pages (as zeros).
sp_out=$(mktemp)
"$PTOOLS_TARGETS/mem-sparse" >"$sp_out" 2>&1 &
sp=$!
trap 'kill $pid $sp 2>/dev/null; rm -f "$out" "$sp_out"' EXIT
while [ ! -s "$sp_out" ]; do sleep 0.05; done
read -r _ _ p0 _ _ <"$sp_out"
echo "search of a process with a 64 GiB PROT_NONE reservation (best of 3):"
ss=$(best sh -c "$peek -F str:sparse-mark $sp >/dev/null")
sm=$(best sh -c "$PTOOLS_BIN/ptmaps $sp >/dev/null")
echo "  ptpeek -F over every readable mapping: $ss ms (3 marks: $("$peek" -F str:sparse-mark "$sp" | tr '\n' ' '))"
echo "  ptmaps: $sm ms"
if command -v gdb >/dev/null 2>&1 && [ -z "${MEM_BENCH_NO_GDB_FIND:-}" ]; then
	# once: it reads 64 GiB
	gf=$(avg_ms 1 gdb -nx -batch -p "$sp" -ex "find $p0, +0x1000000000, \"sparse-mark\"")
	echo "  gdb find over the reservation: $gf ms   gdb/ptpeek = $(ratio "$gf" "$ss")"
fi
