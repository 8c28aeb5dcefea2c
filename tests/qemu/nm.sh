#!/bin/sh
# nm for the qemu guests, which have no binutils: prints the symbol
# table that tests/qemu/run.sh recorded with the cross nm when it packed
# FILE (same output as `nm FILE`).
for f; do
	case $f in -*) continue ;; esac
	d=$(cd "$(dirname "$f")" && pwd) || exit 1
	t=$d/.nm/$(basename "$f")
	[ -f "$t" ] || { echo "nm: $f: no recorded symbols" >&2; exit 1; }
	cat "$t"
done
