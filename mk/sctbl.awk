# sctbl.awk: make the syscall table of another CPU from its numbers
# (arch/CPU/syscalls.nr) and the descriptions in arch/x86_64/syscalls.tbl,
# so that each syscall is described once, by name, whatever its number.
# The build runs it (mk/sc.mk); the result is never committed.
#
# Usage: awk -f mk/sctbl.awk arch/x86_64/syscalls.tbl arch/aarch64/syscalls.nr
#
# Rows of syscalls.nr:
#	NR NAME			the row of NAME in the x86_64 table
#	NR NAME =OTHER		the row of OTHER (fcntl64 =fcntl)
#	NR NAME ~		NAME's classes and return, arguments raw
#	NR NAME ~OTHER		OTHER's classes and return, arguments raw
#	NR NAME CLASSES RET ARG...	a row of its own (mk/scgen.awk format)
# A bare name the x86_64 table lacks is an error (a misspelt name would
# otherwise go undecoded); "~" gives such a name "- int ?" (no class,
# raw).
FNR == 1 { file++ }
/^[ \t]*(#|$)/ { next }
file == 1 {
	rest = $0
	sub(/^[ \t]*[^ \t]+[ \t]+[^ \t]+[ \t]+/, "", rest)
	desc[$2] = rest
	cls[$2] = $3
	ret[$2] = $4
	next
}
file == 2 {
	if (NF == 2) {
		if (!($2 in desc)) {
			printf "%s:%d: no x86_64 row %s (a row of its own, or ~)\n", FILENAME, FNR, $2 > "/dev/stderr"
			exit 1
		}
		d = desc[$2]
	} else if ($3 ~ /^=/) {
		o = substr($3, 2)
		if (!(o in desc)) {
			printf "%s:%d: no x86_64 row %s\n", FILENAME, FNR, o > "/dev/stderr"
			exit 1
		}
		d = desc[o]
	} else if ($3 ~ /^~/) {
		o = length($3) > 1 ? substr($3, 2) : $2
		d = (o in desc) ? cls[o] "\t" ret[o] "\t?" : "-\tint\t?"
	} else {
		d = $3
		for (i = 4; i <= NF; i++)
			d = d "\t" $i
	}
	printf "%s\t%s\t%s\n", $1, $2, d
}
