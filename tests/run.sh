#!/bin/sh
# Run every test suite (C unit tests, then the bats suites) against the
# build in $B and finish with one line: "N passed, N failed, N skipped".
B=${B:-build}
top=$(pwd)
PTOOLS_BIN=$top/$B/bin
PTOOLS_TARGETS=$top/$B/targets
PTOOLS_TOP=$top
export PTOOLS_BIN PTOOLS_TARGETS PTOOLS_TOP B
# A hung test fails instead of hanging the run.
: "${BATS_TEST_TIMEOUT:=180}"
export BATS_TEST_TIMEOUT
tap=$(mktemp)
trap 'rm -f "$tap"' EXIT
crashed=0

for u in "$B"/unit/test_*; do
	[ -x "$u" ] || continue
	echo "# unit: $u"
	CMOCKA_MESSAGE_OUTPUT=TAP timeout 600 "$u" >"$tap.one" 2>&1
	rc=$?
	cat "$tap.one"
	cat "$tap.one" >>"$tap"
	# A failed test explains the status; a skip ("not ok ... # SKIP")
	# does not, so a leak or crash after skips is still a failure.
	if [ $rc -ne 0 ] && ! grep -v '# SKIP' "$tap.one" | grep -q '^not ok'; then
		echo "not ok - $u exited with status $rc"
		echo "not ok - $u exited with status $rc" >>"$tap"
		crashed=$((crashed + 1))
	fi
	rm -f "$tap.one"
done

suites=$(ls tests/*.bats 2>/dev/null)
if [ -n "$suites" ]; then
	# shellcheck disable=SC2086
	bats --tap $suites | tee -a "$tap"
fi

# bats writes "ok N name # skip", cmocka "not ok N - name # SKIP".
skipped=$(grep -ciE '^(not )?ok .*# skip' "$tap")
okall=$(grep -ciE '^ok .*' "$tap")
okskip=$(grep -ciE '^ok .*# skip' "$tap")
failed=$(grep -c '^not ok' "$tap")
failed=$((failed - (skipped - okskip)))
passed=$((okall - okskip))
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
