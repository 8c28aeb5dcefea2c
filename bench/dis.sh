#!/bin/sh
# bench/dis.sh: disassemble the whole .text of a large binary (the C
# library, or $DIS_BENCH_FILE) to /dev/null with ptdis, and in the same
# run with objdump, with a raw capstone loop compiled here (decode and
# print address, mnemonic and operands: the floor for any capstone tool)
# and with cstool (fed the same bytes as hex, in pieces that fit an
# argument).  Prints each time (best of 7) and the ratios.
B=${B:-build}
PTDIS=${PTOOLS_BIN:-$B/bin}/ptdis
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

f=${DIS_BENCH_FILE:-$(ldd /bin/true | awk '/libc\.so/ { print $3 }')}
f=$(readlink -f "$f")
# shellcheck disable=SC2046 # three words wanted
set -- $(readelf -SW "$f" | awk '$2 == ".text" { print $5, $4, $6 }')
off=$((0x$1)) vma=$((0x$2)) size=$((0x$3))
tail -c +$((off + 1)) "$f" | head -c "$size" >"$tmp/text.bin"
echo "file: $f, .text $size bytes at 0x$2"

cat >"$tmp/raw.c" <<'EOF'
#include <capstone/capstone.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

int
main(int argc, char *argv[])
{
	static uint8_t buf[64 << 20];
	size_t len = fread(buf, 1, sizeof(buf), stdin), n = len;
	uint64_t addr = strtoull(argv[1], NULL, 0);
	const uint8_t *p = buf;
	cs_insn *in;
	csh h;

	(void)argc;
	if (cs_open(CS_ARCH_X86, CS_MODE_64, &h) != CS_ERR_OK)
		return 1;
	in = cs_malloc(h);
	while (n > 0) {
		if (cs_disasm_iter(h, &p, &n, &addr, in))
			printf("%" PRIx64 "  %s %s\n", in->address, in->mnemonic,
			    in->op_str);
		else {
			p++, n--, addr++;
		}
	}
	cs_free(in, 1);
	cs_close(&h);
	return 0;
}
EOF
# shellcheck disable=SC2046 # flags are words
${CC:-cc} -O2 -o "$tmp/raw" "$tmp/raw.c" $(pkg-config --cflags --libs capstone) ||
	{ echo "cannot build the raw capstone loop"; exit 1; }
split -b 30000 "$tmp/text.bin" "$tmp/piece."
for p in "$tmp"/piece.*; do
	od -An -v -tx1 "$p" | tr -d ' \n' >"$p.hex"
done

# The candidates run in turn, round after round, so that a burst of load
# on the machine hits them all alike; each keeps its best wall time in
# $tmp/t.NAME.
round() {
	t0=$(date +%s.%N)
	sh -c "$2" >/dev/null 2>&1
	t1=$(date +%s.%N)
	old=$(cat "$tmp/t.$1" 2>/dev/null)
	echo "$t0 $t1 $old" | awk '{ t = $2 - $1
	    if ($3 != "" && $3 < t) t = $3; printf "%.4f\n", t }' >"$tmp/t.$1.new"
	mv "$tmp/t.$1.new" "$tmp/t.$1"
}
for _ in 1 2 3 4 5 6 7; do
	round elf "'$PTDIS' -e '$f'"
	round raw "'$PTDIS' -b $vma '$tmp/text.bin'"
	round json "'$PTDIS' -j -e '$f'"
	round obj "objdump -d -M intel --no-show-raw-insn -j .text '$f'"
	round cs "'$tmp/raw' $vma <'$tmp/text.bin'"
	round cst "for p in '$tmp'/piece.*.hex; do cstool x64 \$(cat \$p); done"
done
t_elf=$(cat "$tmp/t.elf") t_raw=$(cat "$tmp/t.raw") t_json=$(cat "$tmp/t.json")
t_obj=$(cat "$tmp/t.obj") t_cs=$(cat "$tmp/t.cs") t_cst=$(cat "$tmp/t.cst")
printf '%-30s %8.3f s\n' "ptdis -e (.text)" "$t_elf" \
    "ptdis -b (raw bytes)" "$t_raw" "ptdis -j -e (.text)" "$t_json" \
    "objdump -d --no-show-raw-insn" "$t_obj" "raw capstone loop" "$t_cs" \
    "cstool (30 KB pieces)" "$t_cst"

echo "$t_elf $t_raw $t_json $t_obj $t_cs $t_cst" | awk '{
	printf "ratio ptdis -e / objdump:         %.2f (target < 1)\n", $1 / $4
	printf "ratio ptdis -e / raw capstone:    %.2f (target <= 1.2)\n", $1 / $5
	printf "ratio ptdis -b / raw capstone:    %.2f\n", $2 / $5
	printf "ratio ptdis -j -e / raw capstone: %.2f\n", $3 / $5
	printf "ratio ptdis -e / cstool:          %.2f\n", $1 / $6
}'
