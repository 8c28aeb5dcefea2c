# Timing helpers the benchmark scripts source (not a benchmark itself).
# shellcheck shell=sh

now() { date +%s%N; }
# avg_ms N CMD...: mean wall time of N runs in ms (3 decimals)
avg_ms() {
	n=$1; shift
	t0=$(now)
	i=0
	while [ $i -lt "$n" ]; do "$@" >/dev/null 2>&1; i=$((i + 1)); done
	t1=$(now)
	echo "$t0 $t1 $n" | awk '{ printf "%.3f", ($2 - $1) / $3 / 1e6 }'
}
# median_ms N CMD...: the median wall time of N runs of CMD in ms (1 decimal)
median_ms() {
	n=$1; shift
	i=0 ts=
	while [ $i -lt "$n" ]; do
		t0=$(now)
		"$@" >/dev/null 2>&1
		t1=$(now)
		ts="$ts $(((t1 - t0) / 1000))"
		i=$((i + 1))
	done
	# shellcheck disable=SC2086 # one time a word
	printf '%s\n' $ts | sort -n |
	    awk '{ a[NR] = $1 } END { printf "%.1f", a[int((NR + 1) / 2)] / 1000 }'
}
# median T...: the median of the times given (ms, 1 decimal)
median() {
	printf '%s\n' "$@" | sort -n |
	    awk '{ a[NR] = $1 } END { printf "%.1f", a[int((NR + 1) / 2)] }'
}
# ratio A B: A / B with 2 decimals (0 when B is 0)
ratio() { echo "$1 $2" | awk '{ printf "%.2f", ($2 > 0 ? $1 / $2 : 0) }'; }
# best CMD...: the fastest of 3 runs, ms
best() {
	b=
	for _ in 1 2 3; do
		t=$(avg_ms 1 "$@")
		b=$(echo "$t ${b:-$t}" | awk '{ print ($1 < $2 ? $1 : $2) }')
	done
	echo "$b"
}
