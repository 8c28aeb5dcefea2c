#!/bin/sh
# Run every benchmark script in bench/ (each prints its own report).
B=${B:-build}
top=$(pwd)
PTOOLS_BIN=$top/$B/bin PTOOLS_TARGETS=$top/$B/targets PTOOLS_TOP=$top
export PTOOLS_BIN PTOOLS_TARGETS PTOOLS_TOP B
for b in bench/*.sh; do
	[ "$b" = bench/run.sh ] && continue
	echo "== $b"
	sh "$b" || echo "bench $b failed"
done
