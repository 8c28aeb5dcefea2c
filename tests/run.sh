#!/bin/sh
# Run every test suite (C unit tests, then the bats suites) against the
# build in $B and finish with one line: "N passed, N failed, N skipped".
#
# PTOOLS_JOBS=N (default 1) runs N suites at a time: N workers take the
# unit tests, then the suites, largest file first, from one list, each
# suite in its own bats run.  A suite's TAP is printed whole when it
# ends, with its time, so the output of two suites never mixes.  The
# qemu guests use it: under software emulation one suite keeps one guest
# CPU busy.
B=${B:-build}
top=$(pwd)
PTOOLS_BIN=$top/$B/bin
PTOOLS_TARGETS=$top/$B/targets
PTOOLS_TOP=$top
export PTOOLS_BIN PTOOLS_TARGETS PTOOLS_TOP B
# A hung test fails instead of hanging the run.
: "${BATS_TEST_TIMEOUT:=180}"
export BATS_TEST_TIMEOUT
jobs=${PTOOLS_JOBS:-1}
case $jobs in
'' | *[!0-9]* | 0) echo "run.sh: PTOOLS_JOBS: not a positive number: $jobs" >&2; exit 2 ;;
esac
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# id_of FILE: a file name for FILE's results in $work.
id_of() {
	echo "$1" | tr / _
}

# run_item FILE: run one unit test binary or bats suite into
# $work/ID.tap, then print it (under a lock: one printer at a time).
run_item() {
	id=$(id_of "$1")
	t0=$(date +%s)
	case $1 in
	*.bats)
		bats --tap "$1" >"$work/$id.tap" 2>&1
		;;
	*)
		{
			echo "# unit: $1"
			CMOCKA_MESSAGE_OUTPUT=TAP timeout 600 "$1" >"$work/$id.one" 2>&1
			rc=$?
			cat "$work/$id.one"
			# A failed test explains the status; a skip ("not ok
			# ... # SKIP") does not, so a leak or crash after skips
			# is still a failure.
			if [ $rc -ne 0 ] && ! grep -v '# SKIP' "$work/$id.one" |
			    grep -q '^not ok'; then
				echo "not ok - $1 exited with status $rc"
			fi
		} >"$work/$id.tap"
		;;
	esac
	[ "$jobs" -gt 1 ] && echo "# $1: $(($(date +%s) - t0))s" >>"$work/$id.tap"
	until mkdir "$work/print.lock" 2>/dev/null; do sleep 0.2; done
	cat "$work/$id.tap"
	rmdir "$work/print.lock"
}

units=""
for u in "$B"/unit/test_*; do
	[ -x "$u" ] && units="$units $u"
done
suites=$(ls tests/*.bats 2>/dev/null)

if [ "$jobs" -eq 1 ]; then
	for u in $units; do
		run_item "$u"
	done
	if [ -n "$suites" ]; then
		# One bats run for all suites: its TAP streams as it goes.
		# shellcheck disable=SC2086
		bats --tap $suites | tee "$work/bats.tap"
	fi
else
	# Long items first, so that none starts last: the unit tests (one
	# of them, test_sc, runs 270 s in the i386 guest), then the suites,
	# largest file first.
	# shellcheck disable=SC2086
	list="$units $(ls -S $suites 2>/dev/null)"
	i=0
	while [ $i -lt "$jobs" ]; do
		(
			for s in $list; do
				# mkdir is atomic: the first worker to make a
				# suite's claim runs it.
				mkdir "$work/$(id_of "$s").claim" 2>/dev/null ||
				    continue
				run_item "$s"
			done
		) &
		i=$((i + 1))
	done
	wait
fi

# bats writes "ok N name # skip", cmocka "not ok N - name # SKIP".
cat "$work"/*.tap >"$work/all" 2>/dev/null
skipped=$(grep -ciE '^(not )?ok .*# skip' "$work/all")
okall=$(grep -ciE '^ok .*' "$work/all")
okskip=$(grep -ciE '^ok .*# skip' "$work/all")
failed=$(grep -c '^not ok' "$work/all")
failed=$((failed - (skipped - okskip)))
passed=$((okall - okskip))
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
