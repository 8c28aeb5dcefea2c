#!/bin/sh
# bench/dis.sh: disassemble the whole .text of a large binary (the C
# library, or $DIS_BENCH_FILE) to /dev/null with ptdis, and in the same
# run with objdump, with a raw capstone loop compiled here (decode and
# print address, mnemonic and operands: the floor for any capstone tool)
# and with cstool (fed the same bytes as hex, in pieces that fit an
# argument).  Prints each time (best of 5) and the ratios.
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

# best NAME CMD: best wall time of 5 runs of CMD (sh -c) into $b, shown
best() {
	b=
	for _ in 1 2 3 4 5; do
		t0=$(date +%s.%N)
		sh -c "$2" >/dev/null 2>&1
		t1=$(date +%s.%N)
		b=$(echo "$t0 $t1 $b" | awk '{ t = $2 - $1
		    if ($3 != "" && $3 < t) t = $3; printf "%.4f", t }')
	done
	printf '%-30s %8.3f s\n' "$1" "$b"
}

best "ptdis -e (.text)" "'$PTDIS' -e '$f'"; t_elf=$b
best "ptdis -b (raw bytes)" "'$PTDIS' -b $vma <'$tmp/text.bin'"; t_raw=$b
best "ptdis -j -e (.text)" "'$PTDIS' -j -e '$f'"; t_json=$b
best "objdump -d --no-show-raw-insn" \
    "objdump -d -M intel --no-show-raw-insn -j .text '$f'"; t_obj=$b
best "raw capstone loop" "'$tmp/raw' $vma <'$tmp/text.bin'"; t_cs=$b
best "cstool (30 KB pieces)" \
    "for p in '$tmp'/piece.*.hex; do cstool x64 \$(cat \$p); done"; t_cst=$b

echo "$t_elf $t_raw $t_json $t_obj $t_cs $t_cst" | awk '{
	printf "ratio ptdis -e / objdump:         %.2f (target < 1)\n", $1 / $4
	printf "ratio ptdis -e / raw capstone:    %.2f (target <= 1.2)\n", $1 / $5
	printf "ratio ptdis -b / raw capstone:    %.2f\n", $2 / $5
	printf "ratio ptdis -j -e / raw capstone: %.2f\n", $3 / $5
	printf "ratio ptdis -e / cstool:          %.2f\n", $1 / $6
}'
