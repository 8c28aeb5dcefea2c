# skip.awk: insert `skip "REASON"` into the tests of one bats file that
# tests/qemu/skips.txt names for this CPU (see there).
#
# Usage: awk -v arch=aarch64 -v suite=ptdis -f tests/qemu/skip.awk \
#	tests/qemu/skips.txt tests/ptdis.bats > guest-copy.bats
BEGIN { FS = "\t" }
FNR == 1 { file++ }
file == 1 {
	if ($0 ~ /^[ \t]*(#|$)/ || NF < 4)
		next
	if (($1 == "*" || $1 == arch) && ($2 == "*" || $2 == suite)) {
		n++
		pat[n] = $3
		why[n] = $4
	}
	next
}
{
	print
	if (match($0, /^@test "[^"]*" \{$/) == 0)
		next
	name = substr($0, 8, length($0) - 10)
	for (i = 1; i <= n; i++) {
		if (substr(pat[i], 1, 1) == "~")
			hit = name ~ substr(pat[i], 2)
		else
			hit = name == pat[i]
		if (hit) {
			r = why[i]
			gsub(/["\\$`]/, "\\\\&", r)
			printf "\tskip \"%s\"\n", r
			break
		}
	}
}
