#!/usr/bin/env bats
# Fault injection: tracees that die, tools that are killed or
# interrupted mid-operation, stopped and hostile tracees, thread churn,
# fork storms, huge argv, PID reuse and terminal escape sequences in
# tracee strings.  Every test checks the target's state afterwards: not
# stopped, not traced, memory and breakpoint bytes as before.

load helper

# wait_for CMD...: poll (up to 5 s) until CMD succeeds.
wait_for() {
	local i
	for i in $(seq 1 500); do
		"$@" && return 0
		sleep 0.01
	done
	return 1
}

is_traced() { [ "$(tracer_pid "$1")" != 0 ]; }
is_gone() { ! kill -0 "$1" 2>/dev/null || [ "$(proc_state "$1")" = Z ]; }

# wait_exit PID: wait (up to 5 s) for background job PID, set $status;
# a job still running after that is killed and fails the test.
wait_exit() {
	if ! wait_for is_gone "$1"; then
		kill -9 "$1" 2>/dev/null
		wait "$1" 2>/dev/null
		fail "process $1 did not exit"
	fi
	status=0
	wait "$1" || status=$?
}

# not_crashed WHAT: $status is no crash (SIGILL, SIGTRAP, SIGABRT,
# SIGBUS, SIGFPE, SIGSEGV); exits by SIGINT/SIGTERM/SIGHUP are fine.
not_crashed() {
	case $status in
	132|133|134|135|136|139) fail "$1 crashed with status $status" ;;
	esac
}

# rt_addr PID TARGET SYM: runtime address of SYM in a (PIE) target.
rt_addr() {
	local base link
	base=$(awk -v exe="$PTOOLS_TARGETS/$2" '$6 == exe { print $1; exit }' \
	    "/proc/$1/maps" | cut -d- -f1)
	link=$(sym_addr "$2" "$3")
	printf '0x%x\n' $((0x$base + link))
}

# mem_hex PID ADDR LEN: bytes of the process read through /proc, not
# through the tools under test.
mem_hex() {
	dd if="/proc/$1/mem" bs=4096 iflag=skip_bytes,count_bytes \
	    skip=$(($2)) count=$(($3)) 2>/dev/null | od -An -tx1 | tr -d ' \n'
}

# assert_stopped PID: in group-stop (T), not traced.
assert_stopped() {
	local pid=$1
	# evaluated on every try, not once
	wait_for eval '[ "$(tracer_pid "$pid")" = 0 ]'
	[ "$(proc_state "$1")" = T ] || fail "process $1 is in state $(proc_state "$1"), not T"
	[ "$(tracer_pid "$1")" = 0 ] || fail "process $1 is still traced"
}

# ---- the tracee dies under the tool ----

@test "faults: tracee SIGKILLed during ptstrace -p" {
	start_target hostile-sigs
	ptstrace -o "$BATS_TEST_TMPDIR/tr" -p "$TPID" 2>"$BATS_TEST_TMPDIR/err" &
	local tr=$!
	wait_for is_traced "$TPID"
	wait_for grep -q getppid "$BATS_TEST_TMPDIR/tr"
	kill -9 "$TPID"
	wait_exit "$tr"
	not_crashed ptstrace
	run tail -n 1 "$BATS_TEST_TMPDIR/tr"
	assert_output "+++ killed by SIGKILL +++"
}

@test "faults: tracee SIGKILLed during ptstep" {
	start_target hostile-sigs
	ptstep -n 100000000 -p "$TPID" >"$BATS_TEST_TMPDIR/st" 2>"$BATS_TEST_TMPDIR/err" &
	local st=$!
	wait_for is_traced "$TPID"
	wait_for test -s "$BATS_TEST_TMPDIR/st"
	kill -9 "$TPID"
	wait_exit "$st"
	not_crashed ptstep
	run cat "$BATS_TEST_TMPDIR/err"
	refute_output --partial "Sanitizer"
}

@test "faults: tracee SIGKILLed during a large ptpeek" {
	start_target basic 64
	local heap
	heap=$(ptpeek -t "$(ptr_type)" "$TPID" heap_buf)
	# A hexdump of 64 MiB into a slow pipe takes long enough.
	( rc=0; ptpeek "$TPID" "$heap" $((64 << 20)) 2>"$BATS_TEST_TMPDIR/err" || rc=$?
	  echo "rc=$rc" >"$BATS_TEST_TMPDIR/rc" ) | { sleep 0.3; cat >/dev/null; } &
	local pk=$!
	sleep 0.1
	kill -9 "$TPID"
	wait_exit "$pk"
	wait_for test -s "$BATS_TEST_TMPDIR/rc"
	run cat "$BATS_TEST_TMPDIR/rc"
	assert_output --regexp '^rc=[01]$'
	run ptpeek "$TPID" "$heap" 16
	assert_failure 1
	assert_output --regexp "^ptpeek: .*$TPID"
}

@test "faults: ptpeek -S of a tracee that is killed meanwhile fails cleanly" {
	start_target basic 64
	local heap
	heap=$(ptpeek -t "$(ptr_type)" "$TPID" heap_buf)
	( rc=0; ptpeek -S -r "$TPID" "$heap" $((64 << 20)) 2>"$BATS_TEST_TMPDIR/err" || rc=$?
	  echo "rc=$rc" >"$BATS_TEST_TMPDIR/rc" ) | { sleep 0.3; cat >/dev/null; } &
	local pk=$!
	wait_for is_traced "$TPID" || true
	kill -9 "$TPID"
	wait_exit "$pk"
	wait_for test -s "$BATS_TEST_TMPDIR/rc"
	run cat "$BATS_TEST_TMPDIR/rc"
	assert_output --regexp '^rc=[01]$'
}

# ---- the tool is SIGKILLed while attached ----

@test "faults: ptstrace -p SIGKILLed leaves the process running, untraced" {
	start_target hostile-sigs
	ptstrace -o /dev/null -p "$TPID" &
	local tr=$!
	wait_for is_traced "$TPID"
	sleep 0.1
	kill -9 "$tr"
	wait "$tr" || true
	assert_untouched "$TPID"
	local n
	n=$(ptpeek -t u64 "$TPID" loops)
	sleep 0.1
	[ "$(ptpeek -t u64 "$TPID" loops)" -gt "$n" ] || fail "process does not run on"
}

@test "faults: ptstep -p SIGKILLed at a breakpoint leaves the process running" {
	# SIGKILL cannot be caught: the breakpoint byte stays (see the
	# README's security notes), but the process is neither stopped
	# nor traced.  Killing ptstep while it single-steps is worse: the
	# kernel leaves the trap flag set and the process dies of SIGTRAP.
	start_target basic
	local addr
	addr=$(rt_addr "$TPID" basic add_numbers)
	local bp
	bp=$(bp_hex)
	ptstep -b add_numbers -n 1 -p "$TPID" >/dev/null 2>&1 &
	local st=$!
	wait_for eval '[ "$(mem_hex "$TPID" "$addr" $((${#bp} / 2)))" = "$bp" ]'
	kill -9 "$st"
	wait "$st" || true
	assert_untouched "$TPID"
}

@test "faults: ptstrace SIGKILLed takes the program it started with it" {
	local pidf=$BATS_TEST_TMPDIR/pid
	ptstrace -o /dev/null sh -c 'echo $$ > "$1"; exec sleep 60' sh "$pidf" &
	local tr=$!
	wait_for test -s "$pidf"
	local child
	child=$(cat "$pidf")
	kill -0 "$child"
	kill -9 "$tr"
	wait "$tr" || true
	wait_for is_gone "$child" || fail "spawned program $child survived its tracer"
}

@test "faults: ptstep SIGKILLed takes the program it started with it" {
	ptstep -n 100000000 -- "$PTOOLS_TARGETS/hostile-sigs" >/dev/null &
	local st=$! child=
	wait_for eval 'child=$(children_of '"$st"')'
	[ -n "$child" ] || fail "no child"
	kill -9 "$st"
	wait "$st" || true
	wait_for is_gone "$child" || fail "spawned program $child survived ptstep"
}

# ---- SIGINT, SIGTERM, SIGHUP mid-operation ----

@test "faults: SIGINT/SIGTERM/SIGHUP to ptstrace -p: process continues, memory unchanged" {
	local sig tr before
	for sig in INT TERM HUP; do
		start_target basic
		before=$(mem_hex "$TPID" "$(rt_addr "$TPID" basic data_bytes)" 64)
		ptstrace -o /dev/null -p "$TPID" &
		tr=$!
		wait_for is_traced "$TPID"
		sleep 0.05
		kill -"$sig" "$tr"
		wait_exit "$tr"
		assert_untouched "$TPID"
		[ "$(mem_hex "$TPID" "$(rt_addr "$TPID" basic data_bytes)" 64)" = "$before" ] ||
			fail "memory changed after SIG$sig"
		teardown_targets || true
	done
}

@test "faults: SIGINT/SIGTERM/SIGHUP to ptstep waiting at a breakpoint: bytes restored" {
	local sig st addr before bp
	bp=$(bp_hex)
	for sig in INT TERM HUP; do
		start_target basic
		addr=$(rt_addr "$TPID" basic add_numbers)
		before=$(mem_hex "$TPID" "$addr" 16)
		ptstep -b add_numbers -n 1 -p "$TPID" >/dev/null 2>&1 &
		st=$!
		# The breakpoint is written: the test sees it before the signal.
		wait_for eval '[ "$(mem_hex "$TPID" "$addr" $((${#bp} / 2)))" = "$bp" ]' ||
			fail "no breakpoint written at $addr"
		kill -"$sig" "$st"
		wait_exit "$st"
		assert_untouched "$TPID"
		[ "$(mem_hex "$TPID" "$addr" 16)" = "$before" ] ||
			fail "code at add_numbers not restored after SIG$sig"
		teardown_targets || true
	done
}

@test "faults: SIGINT/SIGTERM/SIGHUP to ptstep -c -L logging calls: bytes restored, process runs on" {
	local sig st addr before
	for sig in INT TERM HUP; do
		start_target step-loop
		addr=$(rt_addr "$TPID" step-loop work)
		before=$(mem_hex "$TPID" "$addr" 16)
		ptstep -c -L work -p "$TPID" >"$BATS_TEST_TMPDIR/log" 2>&1 &
		st=$!
		wait_for grep -q '^call .* work thread' "$BATS_TEST_TMPDIR/log" ||
			fail "no call logged: $(cat "$BATS_TEST_TMPDIR/log")"
		kill -"$sig" "$st"
		wait_exit "$st"
		not_crashed ptstep
		assert_untouched "$TPID"
		[ "$(mem_hex "$TPID" "$addr" 16)" = "$before" ] ||
			fail "code at work not restored after SIG$sig"
		teardown_targets || true
	done
}

@test "faults: ptstep -c on a process that crashes: explained, and it dies of its own signal" {
	start_target step-loop
	ptstep -c -p "$TPID" >"$BATS_TEST_TMPDIR/out" 2>&1 &
	local st=$!
	wait_for is_traced "$TPID"
	sleep 0.1
	kill -SEGV "$TPID"
	wait_exit "$st"
	[ "$status" -eq 0 ] || fail "ptstep -p exited $status"
	run cat "$BATS_TEST_TMPDIR/out"
	# sent by kill(1): no address of the program is blamed
	assert_line --regexp "^fault    SIGSEGV at 0x[0-9a-f]+ .*: sent by process [0-9]+ \\(uid $(id -u)\\), not caused by the instruction\$"
	refute_line --regexp '^where'
	assert_line "killed   SIGSEGV"
	is_gone "$TPID" || fail "process $TPID survived its SIGSEGV"
}

@test "faults: SIGINT/SIGTERM/SIGHUP to ptstep while stepping: process continues" {
	local sig st
	for sig in INT TERM HUP; do
		start_target hostile-sigs
		ptstep -n 100000000 -p "$TPID" >/dev/null 2>&1 &
		st=$!
		wait_for is_traced "$TPID"
		sleep 0.1
		kill -"$sig" "$st"
		wait_exit "$st"
		assert_untouched "$TPID"
		teardown_targets || true
	done
}

@test "faults: SIGINT then SIGTERM to ptstep while stepping: the second signal still detaches" {
	# The second signal makes ptstep exit at once; the kernel would
	# leave the single-step armed and the process die of SIGTRAP.
	local i st
	for i in 1 2 3 4 5; do
		start_target hostile-sigs
		ptstep -n 100000000 -p "$TPID" >/dev/null 2>&1 &
		st=$!
		wait_for is_traced "$TPID"
		sleep 0.1
		kill -INT "$st"
		kill -TERM "$st" 2>/dev/null || true
		wait_exit "$st"
		assert_untouched "$TPID"
		sleep 0.1
		kill -0 "$TPID" || fail "process died (round $i)"
		teardown_targets || true
	done
}

@test "faults: SIGINT/SIGTERM/SIGHUP to ptstep stepping into a blocking syscall: process survives" {
	# The step's SIGTRAP waits for the syscall to end; it must not be
	# left to kill the process after the detach.
	local sig st
	for sig in INT TERM HUP; do
		start_target basic
		ptstep -n 5 -p "$TPID" >/dev/null 2>&1 &
		st=$!
		wait_for is_traced "$TPID"
		sleep 0.2
		kill -"$sig" "$st"
		wait_exit "$st"
		assert_untouched "$TPID"
		sleep 0.1
		kill -0 "$TPID" || fail "process died after SIG$sig to ptstep"
		teardown_targets || true
	done
}

@test "faults: SIGINT/SIGTERM/SIGHUP to ptpeek -S mid-read: process continues" {
	local sig pk heap pp
	for sig in INT TERM HUP; do
		start_target basic 64
		heap=$(ptpeek -t "$(ptr_type)" "$TPID" heap_buf)
		ptpeek -S "$TPID" "$heap" $((64 << 20)) 2>/dev/null | { sleep 0.3; cat >/dev/null; } &
		pk=$!
		# the signal goes to ptpeek, not to the shell about to exec it
		wait_for eval 'pp=$(child_named $$ ptpeek)' || fail "ptpeek did not start"
		sleep 0.1
		kill -"$sig" "$pp" 2>/dev/null || true
		wait_exit "$pk"
		assert_untouched "$TPID"
		teardown_targets || true
	done
}

@test "faults: SIGINT/SIGTERM/SIGHUP to ptpoke waiting for input: memory unchanged" {
	local sig pk addr before fifo=$BATS_TEST_TMPDIR/fifo
	mkfifo "$fifo"
	for sig in INT TERM HUP; do
		start_target basic
		addr=$(rt_addr "$TPID" basic counter_u32)
		before=$(mem_hex "$TPID" "$addr" 4)
		# Opened read-write first, so ptpoke's open does not block.
		exec 7<>"$fifo"
		ptpoke "$TPID" counter_u32 - <"$fifo" 7>&- 2>"$BATS_TEST_TMPDIR/err" &
		pk=$!
		# Its handlers are installed (SIGINT caught) and it waits.
		wait_for eval '[ "$(cat /proc/$pk/comm 2>/dev/null)" = ptpoke ] &&
		    [ $((0x$(awk "/^SigCgt:/ { print \$2 }" /proc/$pk/status) & 2)) = 2 ] &&
		    [ "$(proc_state $pk)" = S ]'
		kill -"$sig" "$pk"
		printf '\x07\x00\x00\x00' >&7
		exec 7>&-
		wait_exit "$pk"
		# Whether the signal met read(2) or came with the data, nothing
		# is written.
		grep -q "^ptpoke: .*[Ii]nterrupted" "$BATS_TEST_TMPDIR/err"
		assert_untouched "$TPID"
		[ "$(mem_hex "$TPID" "$addr" 4)" = "$before" ] || fail "counter_u32 written after SIG$sig"
		teardown_targets || true
	done
}

# ---- a process in group-stop stays stopped ----

@test "faults: a process stopped by SIGSTOP stays stopped after every tool" {
	start_target basic
	kill -STOP "$TPID"
	wait_for eval '[ "$(proc_state "$TPID")" = T ]'
	run ptmaps "$TPID"
	assert_success
	assert_stopped "$TPID"
	run ptpeek -t u32 "$TPID" counter_u32
	assert_output 100
	assert_stopped "$TPID"
	run ptpeek -S -t u32 "$TPID" counter_u32
	assert_output 100
	assert_stopped "$TPID"
	run ptpoke -t u32 "$TPID" counter_u32 101
	assert_success
	assert_stopped "$TPID"
	run ptregs "$TPID" "$(cpu_reg pc)"
	assert_success
	assert_stopped "$TPID"
	run ptdis -p "$TPID" add_numbers 8
	assert_success
	assert_stopped "$TPID"
	run timeout -s INT 0.5 ptstrace -o /dev/null -p "$TPID"
	assert_stopped "$TPID"
	run timeout -s INT 1 ptstep -n 3 -p "$TPID"
	assert_stopped "$TPID"
	[ "$(mem_hex "$TPID" "$(rt_addr "$TPID" basic counter_u32)" 4)" = 65000000 ]
}

# ---- tracees that fight back ----

@test "faults: a tracee blocking and ignoring every signal is traced and left running" {
	start_target hostile-sigs
	timeout -s INT 0.5 ptstrace -o "$BATS_TEST_TMPDIR/tr" -p "$TPID" || true
	assert_untouched "$TPID"
	run grep -c '^getppid() *= ' "$BATS_TEST_TMPDIR/tr"
	[ "$output" -gt 0 ]
	run ptregs "$TPID" "$(cpu_reg pc)"
	assert_success
	run ptstep -n 5 -p "$TPID"
	assert_success
	assert_equal "$(grep -c "^0x" <<<"$output")" 5
	run ptpeek -S -t u64 "$TPID" loops
	assert_success
	assert_untouched "$TPID"
	local n
	n=$(ptpeek -t u64 "$TPID" loops)
	sleep 0.05
	[ "$(ptpeek -t u64 "$TPID" loops)" -gt "$n" ] || fail "process does not run on"
}

@test "faults: threads exiting while ptregs reads registers" {
	start_target hostile-threads
	local i
	for i in $(seq 1 30); do
		run ptregs -a "$TPID"
		[ "$status" -le 1 ] || fail "ptregs exited with $status: $output"
		[ "$status" -eq 0 ] || assert_output --regexp '^ptregs: '
	done
	assert_untouched "$TPID"
}

@test "faults: threads exiting while ptstrace -f -p traces them" {
	start_target hostile-threads
	ptstrace -f -o "$BATS_TEST_TMPDIR/tr" -p "$TPID" 2>"$BATS_TEST_TMPDIR/err" &
	local tr=$!
	wait_for is_traced "$TPID"
	wait_for grep -q 'clone' "$BATS_TEST_TMPDIR/tr"
	sleep 0.3
	kill -INT "$tr"
	wait_exit "$tr"
	not_crashed ptstrace
	assert_untouched "$TPID"
	for t in /proc/"$TPID"/task/*; do
		[ "$(awk '/^TracerPid:/ { print $2 }' "$t/status" 2>/dev/null || echo 0)" = 0 ] ||
			fail "thread $t still traced"
	done
	run grep -c '+++ exited with 0 +++\|exited with 0' "$BATS_TEST_TMPDIR/tr"
	[ "$output" -gt 0 ] || fail "no thread exit seen"
}

@test "faults: 1000 forks under ptstrace -f" {
	run ptstrace -f -o "$BATS_TEST_TMPDIR/tr" "$PTOOLS_TARGETS/hostile-fork" 1000
	assert_success
	assert_output "forked 1000"
	run grep -c '+++ exited with 0 +++' "$BATS_TEST_TMPDIR/tr"
	assert_output 1001
}

@test "faults: argv and environment of megabytes under ptstrace" {
	local big args=() i
	# A 64 MiB stack limit lets execve take 4 MiB of arguments.
	ulimit -s 65536 || skip "cannot raise the stack limit"
	big=$(head -c 131000 /dev/zero | tr '\0' a)
	for i in $(seq 1 30); do args+=("$big"); done
	BIG1=$big BIG2=$big run ptstrace -v -o "$BATS_TEST_TMPDIR/tr" /bin/true "${args[@]}"
	assert_success
	run grep -c '^execve("/bin/true", \["/bin/true", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"\.\.\., ' \
	    "$BATS_TEST_TMPDIR/tr"
	assert_output 1
	run grep -c '"BIG1=aaaaaaaaaaaaaaaaaaaaaaaaaaa"\.\.\.' "$BATS_TEST_TMPDIR/tr"
	assert_output 1
	# Strings are cut at -s: the trace stays small.
	[ "$(stat -c %s "$BATS_TEST_TMPDIR/tr")" -lt 65536 ]
}

# ---- the PID changes hands ----

@test "faults: PID reused between reading maps and writing memory" {
	[ -w /proc/sys/kernel/ns_last_pid ] || skip "cannot choose the next PID"
	# ptpoke -o FIFO stops between looking at the process (maps, old
	# bytes) and writing, until someone reads the FIFO: meanwhile the
	# process dies and a new one gets its PID.
	local fifo=$BATS_TEST_TMPDIR/old pk old
	mkfifo "$fifo"
	start_target basic-nopie
	old=$TPID
	ptpoke -o "$fifo" -t u32 "$old" counter_u32 7 2>"$BATS_TEST_TMPDIR/err" &
	pk=$!
	wait_for eval '[ "$(proc_state $pk)" = S ]'
	kill -9 "$old"
	wait "$old" 2>/dev/null || true
	# Other processes of the system may race for the PID: a few tries,
	# with no fork between choosing it and starting the target.
	local out=$BATS_TEST_TMPDIR/new.out try
	for try in 1 2 3 4 5 6 7 8 9 10; do
		echo $((old - 1)) >/proc/sys/kernel/ns_last_pid
		"$PTOOLS_TARGETS/basic-nopie" >"$out" 2>&1 </dev/null &
		TPID=$!
		_started_pids+=("$TPID")
		[ "$TPID" = "$old" ] && break
		kill -9 "$TPID"
		wait "$TPID" 2>/dev/null || true
	done
	if [ "$TPID" != "$old" ]; then
		cat "$fifo" >/dev/null
		skip "PID $old was not reused (got $TPID)"
	fi
	wait_for test -s "$out"
	cat "$fifo" >/dev/null
	wait_exit "$pk"
	run cat "$BATS_TEST_TMPDIR/err"
	assert_output "ptpoke: process $old has exited: nothing written"
	assert_equal "$(ptpeek -t u32 "$TPID" counter_u32)" 100
	assert_untouched "$TPID"
}

@test "faults: the process exits before ptpeek reads" {
	start_target basic
	local addr
	addr=$(rt_addr "$TPID" basic greeting)
	kill -9 "$TPID"
	wait "$TPID" 2>/dev/null || true
	run ptpeek -s "$TPID" "$addr"
	assert_failure 1
	assert_output --regexp "^ptpeek: .*$TPID"
	run ptpoke -t u32 "$TPID" "$addr" 1
	assert_failure 1
	run ptmaps "$TPID"
	assert_failure 1
}

# ---- hostile strings never reach the terminal raw ----

no_raw_ctl() {
	# No ESC, CSI (0x9b) or other control byte but newline.
	! LC_ALL=C grep -q $'[\x01-\x09\x0b-\x1f\x7f\x9b]' "$1"
}

@test "escaping: ptstrace shows escape sequences escaped" {
	start_target hostile-esc "$BATS_TEST_TMPDIR"
	timeout -s INT 0.5 ptstrace -y -o "$BATS_TEST_TMPDIR/tr" -p "$TPID" || true
	assert_untouched "$TPID"
	grep -qF '</dev/null>, "\33[31mRED\33]0;owned\7\33[2J\r\nfake: ok"..., ' \
	    "$BATS_TEST_TMPDIR/tr"
	grep -q 'evil\\33\[7m\\nname' "$BATS_TEST_TMPDIR/tr"
	no_raw_ctl "$BATS_TEST_TMPDIR/tr"
	timeout -s INT 0.5 ptstrace --json -o "$BATS_TEST_TMPDIR/js" -p "$TPID" || true
	jq -e . "$BATS_TEST_TMPDIR/js" >/dev/null
	no_raw_ctl "$BATS_TEST_TMPDIR/js"
}

@test "escaping: ptpeek -s escapes a hostile string" {
	start_target hostile-esc "$BATS_TEST_TMPDIR"
	ptpeek -s "$TPID" evil_str >"$BATS_TEST_TMPDIR/out"
	run cat "$BATS_TEST_TMPDIR/out"
	assert_output '\33[31mRED\33]0;owned\7\33[2J\r\nfake: ok\233m'
	no_raw_ctl "$BATS_TEST_TMPDIR/out"
}

@test "escaping: ptmaps escapes a mapped file name with control characters" {
	start_target hostile-esc "$BATS_TEST_TMPDIR"
	ptmaps "$TPID" >"$BATS_TEST_TMPDIR/out"
	no_raw_ctl "$BATS_TEST_TMPDIR/out"
	# One line per mapping: the newline in the name did not split one.
	assert_equal "$(wc -l <"$BATS_TEST_TMPDIR/out")" "$(wc -l <"/proc/$TPID/maps")"
	grep -q 'evil\\33\[7m' "$BATS_TEST_TMPDIR/out"
	ptmaps -j "$TPID" >"$BATS_TEST_TMPDIR/js"
	no_raw_ctl "$BATS_TEST_TMPDIR/js"
	jq -c 'select(.path | test("evil\u001b\\[7m"))' "$BATS_TEST_TMPDIR/js" | grep -q .
	local start
	start=$(awk '/evil/ { print $1; exit }' "/proc/$TPID/maps" | cut -d- -f1)
	ptmaps "$TPID" "0x$start" >"$BATS_TEST_TMPDIR/one"
	no_raw_ctl "$BATS_TEST_TMPDIR/one"
	grep -q 'evil\\33\[7m' "$BATS_TEST_TMPDIR/one"
}

@test "escaping: ptstrace -k escapes a module path in stack traces" {
	# a dynamic program that writes and exits, on every CPU (the guests'
	# echo is busybox, which needs its own name)
	local exe=$BATS_TEST_TMPDIR/evil$'\033'[7mecho
	cp "$(command -v jq)" "$exe"
	run ptstrace -k -e trace=write -o "$BATS_TEST_TMPDIR/tr" "$exe" -n 1
	assert_success
	grep -qF 'evil\33[7mecho(' "$BATS_TEST_TMPDIR/tr"
	no_raw_ctl "$BATS_TEST_TMPDIR/tr"
}

# The runtime address of hostile-sym-esc's renamed function.
evil_sym_addr() {
	local link base
	link=$(nm "$PTOOLS_TARGETS/hostile-sym-esc" | LC_ALL=C awk '/ T evil/ { print $1 }')
	base=$(awk -v exe="$PTOOLS_TARGETS/hostile-sym-esc" '$6 == exe { print $1; exit }' \
	    "/proc/$1/maps" | cut -d- -f1)
	printf '0x%x\n' $((0x$base + 0x$link))
}

@test "escaping: symbol names with escape sequences in ptdis, ptstep and ptmaps" {
	start_target hostile-sym-esc
	local addr
	addr=$(evil_sym_addr "$TPID")
	ptdis -e "$PTOOLS_TARGETS/hostile-sym-esc" >"$BATS_TEST_TMPDIR/dis"
	grep -qF '<evil\33[31msym>:' "$BATS_TEST_TMPDIR/dis"
	# the first instruction's length, and a call (with its target)
	local next=0x1 call='call   0x'
	[ "$(ptools_cpu)" = aarch64 ] && next=0x4 call='bl     #0x'
	grep -qF "$call" "$BATS_TEST_TMPDIR/dis"
	no_raw_ctl "$BATS_TEST_TMPDIR/dis"
	ptdis -p "$TPID" "$addr" 4 >"$BATS_TEST_TMPDIR/dis"
	grep -qF '<evil\33[31msym>:' "$BATS_TEST_TMPDIR/dis"
	no_raw_ctl "$BATS_TEST_TMPDIR/dis"
	ptstep -n 3 -b "$addr" -p "$TPID" >"$BATS_TEST_TMPDIR/st"
	grep -qF "evil\\33[31msym+$next " "$BATS_TEST_TMPDIR/st"
	no_raw_ctl "$BATS_TEST_TMPDIR/st"
	ptmaps "$TPID" "$addr" >"$BATS_TEST_TMPDIR/maps"
	no_raw_ctl "$BATS_TEST_TMPDIR/maps"
	assert_untouched "$TPID"
}

@test "faults: timeout(1) signals twice: output complete, a stepped process survives" {
	# timeout sends its signal to the tool and then to its own group.
	start_target hostile-esc "$BATS_TEST_TMPDIR"
	local i
	for i in 1 2 3; do
		timeout -s INT 0.3 ptstrace --json -o "$BATS_TEST_TMPDIR/js" -p "$TPID" 2>/dev/null || true
		jq -e . "$BATS_TEST_TMPDIR/js" >/dev/null || fail "JSON cut short"
		tail -n 1 "$BATS_TEST_TMPDIR/js" | grep -q '}$'
	done
	assert_untouched "$TPID"
	teardown_targets || true
	start_target basic
	timeout 0.5 ptstep -n 5 -p "$TPID" >/dev/null 2>&1 || true
	assert_untouched "$TPID"
	sleep 0.1
	kill -0 "$TPID" || fail "stepped process died"
}
