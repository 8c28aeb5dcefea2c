#!/bin/sh
# Search benchmarks on SCAN_BENCH_MB (1024) MiB of pseudo-random resident
# data (the scan-game target), each against a reference in the same run:
#  1. ptpeek -F over every readable mapping vs dd reading the same
#     mappings from /proc/PID/mem (goal: ptpeek/dd <= 1.5)
#  2. the same search vs scanmem's first scan of the process, when
#     scanmem is installed (goal: scanmem/ptpeek > 1)
#  3. a comparison (-t u32 -F '>N') and a wildcard pattern over the same
#     memory, and re-checking 100000 candidates from a pipe
# Run from the top of the tree by `make bench` (PTOOLS_BIN, PTOOLS_TARGETS).
: "${PTOOLS_BIN:=build/bin}" "${PTOOLS_TARGETS:=build/targets}"
peek=$PTOOLS_BIN/ptpeek
tgt=$(cd "$PTOOLS_TARGETS" && pwd)/scan-game
MB=${SCAN_BENCH_MB:-1024}

out=$(mktemp)
list=$(mktemp)
"$tgt" "$MB" >"$out" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; rm -f "$out" "$list"' EXIT
trap 'exit 1' INT TERM HUP PIPE
while [ ! -s "$out" ]; do sleep 0.05; done
# shellcheck source=/dev/null
. "$(dirname "$0")/lib/timing.sh"


# The mappings ptpeek -F reads: readable, not [vvar].
maps=$(awk '$2 ~ /^r/ && $6 != "[vvar]" && $6 != "[vvar_vclock]" {
	split($1, a, "-"); print a[1], a[2] }' "/proc/$pid/maps")
total=$(echo "$maps" | while read -r s e; do echo $((0x$e - 0x$s)); done |
    awk '{ t += $1 } END { printf "%.0f", t / 1048576 }')
ddall() {
	echo "$maps" | while read -r s e; do
		dd if=/proc/$pid/mem of=/dev/null bs=1M skip=$((0x$s)) \
		    count=$((0x$e - 0x$s)) iflag=skip_bytes,count_bytes \
		    status=none 2>/dev/null
	done
}
mbs() { echo "$1" | awk -v mb="$total" '{ printf "%.0f", ($1 > 0 ? mb / ($1 / 1000) : 0) }'; }

echo "every readable mapping of a process with $MB MiB of random data ($total MiB; best of 3):"
td=$(best ddall)
echo "  dd of each mapping          $td ms  $(mbs "$td") MB/s"
# a value the data never holds at an aligned place, so every byte is read
tf=$(best sh -c "$peek -t u32 -F 0x12345678 $pid")
echo "  ptpeek -t u32 -F 0x12345678 $tf ms  $(mbs "$tf") MB/s   ptpeek/dd = $(ratio "$tf" "$td")  (goal <= 1.5)"
ts=$(best sh -c "$peek -F str:NOT-IN-THE-DATA $pid")
echo "  ptpeek -F str:...           $ts ms  $(mbs "$ts") MB/s   ptpeek/dd = $(ratio "$ts" "$td")"
tc=$(best sh -c "$peek -t u32 -F '>4294967290' $pid >/dev/null")
echo "  ptpeek -t u32 -F '>N'       $tc ms  $(mbs "$tc") MB/s   ptpeek/dd = $(ratio "$tc" "$td")"
tw=$(best sh -c "$peek -F '12 ?? 56 78' $pid >/dev/null")
echo "  ptpeek -F '12 ?? 56 78'     $tw ms  $(mbs "$tw") MB/s   ptpeek/dd = $(ratio "$tw" "$td")"
if command -v scanmem >/dev/null 2>&1; then
	# scanmem's first scan of every readable region, same value, int32
	tm=$(best sh -c "scanmem -p $pid -e -c 'option region_scan_level 3;option scan_data_type int32;305419896;exit' </dev/null")
	echo "  scanmem first scan          $tm ms  $(mbs "$tm") MB/s   scanmem/ptpeek = $(ratio "$tm" "$tf")  (goal > 1)"
else
	echo "  scanmem: not installed, not compared"
fi

echo "re-checking candidates from a pipe (best of 3):"
bulk=$("$peek" -t ptr "$pid" bulk)
awk -v b="$((bulk))" 'BEGIN { for (i = 0; i < 100000; i++) printf "0x%x\n", b + i * 4096 }' >"$list"
tl=$(best sh -c "$peek -t u32 $pid - <$list >/dev/null")
echo "  ptpeek -t u32 - (100000 candidates, one page apart)  $tl ms  $(echo "$tl" | awk '{ printf "%.0f", 100000 / ($1 / 1000) }') candidates/s"
