#!/bin/sh
# make demo: start the bundled target program and show the tools on it.
B=${B:-build}
bin=$B/bin
tgt=$B/targets/basic
out=$(mktemp)
"$tgt" >"$out" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; rm -f "$out"' EXIT INT TERM
while [ ! -s "$out" ]; do sleep 0.01; done

run() {
	printf '\n$ %s\n' "$*"
	"$@"
}
echo "target: $tgt, pid $pid"
[ -x "$bin/ptmaps" ] && run "$bin/ptmaps" -n basic "$pid"
[ -x "$bin/ptpeek" ] && run "$bin/ptpeek" "$pid" greeting 32
[ -x "$bin/ptpeek" ] && run "$bin/ptpeek" -t u32 "$pid" counter_u32
[ -x "$bin/ptpoke" ] && run "$bin/ptpoke" -t u32 "$pid" counter_u32 12345
[ -x "$bin/ptpeek" ] && run "$bin/ptpeek" -t u32 "$pid" counter_u32
[ -x "$bin/ptregs" ] && run "$bin/ptregs" "$pid" rip rsp
[ -x "$bin/ptdis" ] && run "$bin/ptdis" -p "$pid" add_numbers 16
[ -x "$bin/ptstrace" ] && run "$bin/ptstrace" -e trace=openat,read,write cat /etc/hostname
exit 0
