#!/usr/bin/env bats
# ptstrace: options, framing of the output, exit status, attach and
# detach, seccomp filtering, JSON, man page and completions.  The
# comparisons with strace itself are in ptstrace-compare.bats.

bats_require_minimum_version 1.5.0
load helper
load ptstrace-sc

setup() {
	cd "$BATS_TEST_TMPDIR" || exit 1
	T=$PTOOLS_TARGETS
	ulimit -c 0
	bg_pids=()
}

# Everything a test started in the background goes, tracers first (a
# spawned tracee dies with its tracer), so that nothing outlives the
# test holding bats's output open.
teardown() {
	local p
	for p in "${bg_pids[@]}"; do
		kill -KILL "$p" 2>/dev/null
		wait "$p" 2>/dev/null
	done
	teardown_targets
}

# bg_tracee FILE: the pid a tracee printed ("ready PID") in FILE, also
# remembered for teardown.
bg_tracee() {
	local pid
	pid=$(awk '{print $2; exit}' "$1")
	bg_pids+=("$pid")
	echo "$pid"
}

@test "ptstrace: -h prints the usage on stdout and exits 0" {
	run ptstrace -h
	assert_success
	assert_line --index 0 --regexp '^usage: ptstrace \[-ACdffhikqqrtttTvVwxxyyYzZ\] '
	# then a blank line and the options, as strace -h lists them
	assert_line --regexp '^  -e EXPR +trace=SET '
	assert_line --regexp '^  -d, --debug +-h, --help +-V, --version$'
}

@test "ptstrace: -V prints the version" {
	run ptstrace -V
	assert_success
	assert_output "ptstrace 0.1.0"
}

@test "ptstrace: a bad option or no program exits 2 with the usage" {
	# strace's framing: the message, then where to look
	run ptstrace -Q true
	assert_failure 2
	assert_output "ptstrace: invalid option -- 'Q'
Try 'ptstrace -h' for more information."
	run ptstrace
	assert_failure 2
	assert_output --partial "must have PROG [ARGS] or -p PID"
	run ptstrace -s abc true
	assert_failure 2
	run ptstrace -b exit true
	assert_failure 2
}

@test "ptstrace: an unknown syscall, signal or status in -e is a usage error" {
	run ptstrace -e trace=nosuchcall true
	assert_failure 2
	assert_line --index 0 "ptstrace: invalid system call 'nosuchcall'"
	run ptstrace -e signal=SIGFOO true
	assert_failure 2
	assert_line --index 0 "ptstrace: invalid signal 'SIGFOO'"
	run ptstrace -e status=great true
	assert_failure 2
	assert_line --index 0 "ptstrace: invalid status 'great'"
	run ptstrace -e 'trace=/(' true
	assert_failure 2
	# strace's message: regcomp: REGEX: what regerror(3) says
	assert_line --index 0 "ptstrace: regcomp: (: Unmatched ( or \\("
	run ptstrace -e trace='?nosuchcall,exit_group' -o out true
	assert_success
}

@test "ptstrace: a missing program is reported like strace" {
	run ptstrace /nonexistent/prog
	assert_failure 1
	assert_output "ptstrace: Can't stat '/nonexistent/prog': No such file or directory"
}

@test "ptstrace: exit status is the program's" {
	run ptstrace -o out "$T/st-proc"
	assert_failure 3
	run tail -1 out
	assert_output "+++ exited with 3 +++"
	run ptstrace -o out false
	assert_failure 1
	run ptstrace -o out true
	assert_success
}

@test "ptstrace: a program killed by a signal kills ptstrace the same way" {
	run ptstrace -o out "$T/st-signals" segv
	assert_failure 139
	run tail -1 out
	assert_output "+++ killed by SIGSEGV +++"
	run ptstrace -o out "$T/st-signals" kill
	assert_failure 137
	run tail -1 out
	assert_output "+++ killed by SIGKILL +++"
	run grep -c '^--- SIGSEGV {si_signo=SIGSEGV, ' out
	assert_output 0
}

@test "ptstrace: exit_group ends with = ? and the exit line" {
	run ptstrace -o out -e trace=exit_group -e signal=none "$T/st-proc"
	assert_failure 3
	run cat out
	assert_output "exit_group(3)                           = ?
+++ exited with 3 +++"
}

@test "ptstrace: -e trace=none shows only signals and the exit" {
	run ptstrace -o out -e trace=none "$T/st-signals"
	assert_success
	run sed -E 's/si_pid=[0-9]+/si_pid=PID/; s/si_(utime|stime)=[0-9]+/si_\1=T/g' out
	assert_line --index 0 "--- SIGUSR1 {si_signo=SIGUSR1, si_code=SI_USER, si_pid=PID, si_uid=0} ---"
	assert_line --index 1 "--- SIGUSR2 {si_signo=SIGUSR2, si_code=SI_USER, si_pid=PID, si_uid=0} ---"
	assert_line --index 2 --regexp "^--- SIGCHLD \{si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=PID, "
	assert_line --index 3 "+++ exited with 0 +++"
	[ "${#lines[@]}" -eq 4 ]
}

@test "ptstrace: -e signal= selects the signals shown" {
	run ptstrace -o out -e trace=none -e signal=SIGUSR2 "$T/st-signals"
	assert_success
	run cut -c1-10 out
	assert_output "--- SIGUSR
+++ exited"
	# both USR1 and 12 (SIGUSR2) out: of the three signals, SIGCHLD stays
	run ptstrace -o out -e trace=none -e 'signal=!USR1,12' "$T/st-signals"
	assert_success
	run cut -c1-10 out
	assert_output "--- SIGCHL
+++ exited"
}

@test "ptstrace: a bad -e is refused before the -o file is opened" {
	# as strace does: the file is left as it was
	echo kept >out
	run ptstrace -o out -e trace=none -e 'signal=!USR1,NOSUCH' true
	assert_failure 2
	assert_output "ptstrace: invalid signal 'NOSUCH'"
	assert_equal "$(cat out)" kept
	run ptstrace -o out -e trace=nosuchcall true
	assert_failure 2
	assert_equal "$(cat out)" kept
}

@test "ptstrace: -qq hides the exit line, -q the attach messages" {
	run ptstrace -qq -o out -e trace=none -e signal=none "$T/st-proc"
	assert_failure 3
	[ ! -s out ]
	# As strace: followed children are announced only when the trace
	# goes to stderr, not with -o.
	run ptstrace -f -e trace=none "$T/st-proc" 2
	assert_line --regexp "^ptstrace: Process [0-9]+ attached"
	run ptstrace -f -o out -e trace=none "$T/st-proc" 2
	refute_output --partial "attached"
	run ptstrace -q -f -e trace=none "$T/st-proc" 2
	refute_output --partial "attached"
}

@test "ptstrace: -f with -o prefixes every line with the pid as strace" {
	run ptstrace -f -o out -e trace=exit_group,exit "$T/st-proc" 2
	assert_failure 3
	# 1 leader, 2 fork children, 1 vfork child, 1 thread
	run grep -cE '^[0-9]+ +\+\+\+ exited with' out
	assert_output 5
	run grep -vcE '^[0-9]+ {1,5}[^ ]' out
	assert_output 0
	# whole, or cut by the thread's exit and resumed
	run grep -E '^[0-9]+ +(exit_group\(3\) += \?|exit_group\(3 <unfinished \.\.\.>)$' out
	assert_success
	pid=$(tail -1 out | cut -d' ' -f1)
	[ "$(tail -1 out)" = "$(printf '%-5d +++ exited with 3 +++' "$pid")" ]
}

@test "ptstrace: -f on stderr uses [pid N] prefixes while there are several tasks" {
	run ptstrace -q -f -e trace=exit_group "$T/st-proc" 2
	assert_failure 3
	assert_line --regexp '^\[pid +[0-9]+\] exit_group\(0'
	assert_line --regexp '^\[pid +[0-9]+\] \+\+\+ exited with 1 \+\+\+$'
	# the last task alone: no prefix
	assert_line --index $((${#lines[@]} - 1)) "+++ exited with 3 +++"
	# exit_group ends at its exit event, when the thread may not have
	# gone yet (then it has a prefix, and the thread exits with 3)
	assert_line --regexp '^(\[pid +[0-9]+\] )?(exit_group\(3\)|<\.\.\. exit_group resumed>\)) +='
	# strace's width: 5 columns for the pid
	run bash -c "grep -E '^\[pid ' <<<'$output' | grep -vcE '^\[pid [ 0-9]{5}\] '"
	assert_output 0
}

@test "ptstrace: -ff -o writes one file per process" {
	run ptstrace -ff -o tr -e trace=exit_group,exit "$T/st-proc" 2
	assert_failure 3
	run ls
	n=$(ls tr.* | wc -l)
	[ "$n" -eq 5 ]
	run cat tr.*
	refute_output --regexp '^(\[pid|[0-9]+ )'
	run grep -l 'exit_group(3)' tr.*
	assert_success
}

@test "ptstrace: a fork-heavy program (200 children) under -f" {
	run ptstrace -f -qq -o out -e trace=exit_group,wait4 "$T/st-proc" 200
	assert_failure 3
	run grep -c ' exit_group(' out
	assert_output 202
	run grep -cE 'wait4\(.*\) += [0-9]+$|<\.\.\. wait4 resumed>.* = [0-9]+$' out
	assert_output 201
}

@test "ptstrace: unfinished and resumed lines are framed as strace frames them" {
	# three threads that sleep 10 ms in a loop: their calls overlap
	ptstrace -I2 -f -q -o out -e trace=clock_nanosleep "$T/st-threads" 3 >tout 3>&- &
	tracer=$!
	bg_pids+=("$tracer")
	wait_for_line tout '^ready'
	pid=$(bg_tracee tout)
	sleep 0.5
	kill -INT "$tracer"
	wait "$tracer" || true
	kill -KILL "$pid"
	run grep -cE '^[0-9]+ +clock_nanosleep\(CLOCK_REALTIME, 0, \{tv_sec=0, tv_nsec=10000000\},  <unfinished \.\.\.>$' out
	refute_output 0
	# rem: NULL, or (i386, from the C library's 64-bit time wrapper) a buffer
	run grep -cE '^[0-9]+ +<\.\.\. clock_nanosleep resumed>(NULL|0x[0-9a-f]+)\) += 0$' out
	refute_output 0
	# every <unfinished ...> is resumed later by the same pid
	while read -r pid rest; do
		grep -qE "^$pid +<\.\.\. clock_nanosleep resumed>" out ||
		    fail "no resumed line for $pid"
	done < <(grep ' <unfinished \.\.\.>$' out)
	# and nothing else
	run grep -vcE 'clock_nanosleep\(CLOCK_REALTIME, 0, \{tv_sec=0, tv_nsec=10000000\}, ((NULL|0x[0-9a-f]+)\) += 0| <unfinished \.\.\.>| <detached \.\.\.>)$|<\.\.\. clock_nanosleep resumed>((NULL|0x[0-9a-f]+)\) += 0| <detached \.\.\.>)$' out
	assert_output 0
}

@test "ptstrace: -T -tt -ttt -r -i decorate lines as strace" {
	ptstrace -o out -T -e trace=getppid "$T/st-proc"  || true
	run grep -E '^getppid\(\) += [0-9]+ <[0-9]+\.[0-9]{6}>$' out
	assert_success
	ptstrace -o out -tt -e trace=getppid "$T/st-proc" || true
	run grep -E '^[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{6} getppid\(\) += [0-9]+$' out
	assert_success
	ptstrace -o out -t -e trace=getppid "$T/st-proc" || true
	run grep -E '^[0-9]{2}:[0-9]{2}:[0-9]{2} getppid\(\)' out
	assert_success
	ptstrace -o out -ttt -e trace=getppid "$T/st-proc" || true
	run grep -E '^[0-9]{10}\.[0-9]{6} getppid\(\)' out
	assert_success
	ptstrace -o out -r -e trace=getppid "$T/st-proc" || true
	run grep -E '^ +[0-9]+\.[0-9]{6} getppid\(\)' out
	assert_success
	ptstrace -o out -i -e trace=getppid "$T/st-proc" || true
	run grep -E '^\[[0-9a-f]{16}\] getppid\(\)' out
	assert_success
	run tail -1 out
	assert_output "[????????????????] +++ exited with 3 +++"
}

@test "ptstrace: -z, -Z and -e status= select by outcome" {
	local acc=access dfd=
	if generic_sc; then
		acc=faccessat dfd='AT_FDCWD, '
	fi
	ptstrace -o out -Z -e trace=$acc "$T/st-files"
	run cat out
	assert_line --index 0 "$(printf '%-39s = -1 ENOENT (No such file or directory)' "$acc($dfd\"/etc/ld.so.preload\", R_OK)")"
	assert_line --index 1 "$(printf '%-39s = -1 ENOENT (No such file or directory)' "$acc($dfd\"st-dir/missing\", F_OK)")"
	[ "${#lines[@]}" -eq 3 ]
	ptstrace -o out -z -e trace=$acc "$T/st-files"
	run cat out
	assert_line --index 0 "$(printf '%-39s = 0' "$acc($dfd\"st-dir/data.txt\", R_OK|W_OK)")"
	[ "${#lines[@]}" -eq 2 ]
	ptstrace -o out -e status=failed -e trace=openat,close "$T/st-files"
	# the program's own failures (a system without ld.so.cache adds
	# the loader's)
	run grep -v -e '"/etc/ld\.so' -e '"/lib/' out
	run grep -c ' = -1 ' <<<"$output"
	assert_output 3
	run grep -F 'openat(AT_FDCWD, "st-dir/missing", O_RDONLY)' out
	assert_output 'openat(AT_FDCWD, "st-dir/missing", O_RDONLY) = -1 ENOENT (No such file or directory)'
	run grep -vc ' = -1 \|^+++' out
	assert_output 0
	ptstrace -o out -e 'status=!unfinished' -e trace=exit_group "$T/st-files"
	run cat out
	assert_output "+++ exited with 0 +++"
}

@test "ptstrace: -e trace= accepts classes, negation and regular expressions" {
	if generic_sc; then
		ptstrace -o out -e 'trace=/^(mkdir|unlink)at$' "$T/st-files"
		run cut -d'(' -f1 out
		assert_output "mkdirat
unlinkat
unlinkat
unlinkat
+++ exited with 0 +++"
	else
		ptstrace -o out -e 'trace=/^(mk|rm)dir$' "$T/st-files"
		run cut -d'(' -f1 out
		assert_output "mkdir
rmdir
+++ exited with 0 +++"
	fi
	ptstrace -o out -e 'trace=!all' "$T/st-files"
	run cat out
	assert_output "+++ exited with 0 +++"
	ptstrace -o out -e 'trace=%memory' "$T/st-memory"
	# (mmap2: the mmap of 32-bit x86)
	run grep -vcE '^(mmap2?|munmap|mprotect|madvise|mremap|msync|mlock|munlock|brk)\(|^\+\+\+' out
	assert_output 0
	run grep -c '^mremap(' out
	assert_output 1
}

@test "ptstrace: socket calls are named, filtered and counted by their own names" {
	# On 32-bit x86 the C library makes these through socketcall(2):
	# they must still show, filter (seccomp with -f, and without) and
	# count as socketpair, shutdown, ...
	local want="socketpair(AF_UNIX, SOCK_STREAM, 0, [3, 4]) = 0
shutdown(3, SHUT_WR)                    = 0
listen(3, 1)                            = 0"
	ptstrace -o out -e trace=socketpair,shutdown,listen "$T/st-sockets" 3>&- 4>&-
	run grep -v '^+++' out
	assert_output "$want"
	ptstrace -f -o out -e 'trace=/^(socketpair|shutdown|listen)$' "$T/st-sockets" 3>&- 4>&-
	run sed -E '/\+\+\+/d; s/^[0-9]+ +//; s/ +=/ =/' out
	assert_output "$(sed -E 's/ +=/ =/' <<<"$want")"
	ptstrace -f -o out -e 'trace=%network' "$T/st-sockets"
	run grep -cE '^([0-9]+ +)?(socketpair|shutdown|listen|socket|bind|connect)\(' out
	assert_output 9
	run grep -c socketcall out
	assert_output 0
	ptstrace -f -o out -e 'trace=!%network' "$T/st-sockets"
	run grep -cE '^([0-9]+ +)?(socketpair|shutdown|listen|socket|bind|connect|socketcall)\(' out
	assert_output 0
	ptstrace -c -o out -e trace=socketpair,listen "$T/st-sockets"
	run grep -cE ' (socketpair|listen)$' out
	assert_output 2
	ptstrace --json -o out -e trace=shutdown "$T/st-sockets"
	run jq -r 'select(.syscall) | .syscall' out
	assert_output shutdown
}

@test "ptstrace: -c prints strace's summary table" {
	run ptstrace -c -o out "$T/st-files"
	assert_success
	run cat out
	assert_line --index 0 "% time     seconds  usecs/call     calls    errors syscall"
	assert_line --index 1 "------ ----------- ----------- --------- --------- ----------------"
	assert_line --regexp "^ +[0-9]+\\.[0-9]{2} +[0-9]+\\.[0-9]{6} +[0-9]+ +3 +2 $(scs access)\$"
	# rmdir; unlinkat for unlink twice and rmdir
	if generic_sc; then
		assert_line --regexp '^ +[0-9]+\.[0-9]{2} +[0-9]+\.[0-9]{6} +[0-9]+ +3 +unlinkat$'
	else
		assert_line --regexp '^ +[0-9]+\.[0-9]{2} +[0-9]+\.[0-9]{6} +[0-9]+ +1 +rmdir$'
	fi
	assert_line --index $((${#lines[@]} - 1)) --regexp '^100\.00 +[0-9]+\.[0-9]{6} +[0-9]+ +[0-9]+ +[0-9]+ total$'
	refute_output --partial "+++ exited"
	run ptstrace -c -S calls -o out -e trace=close "$T/st-files"
	run sed -n 3p out
	assert_output --regexp ' close$'
}

@test "ptstrace: --json writes one valid object per line" {
	run ptstrace --json -o out -e trace="$(scs openat,close,access)" "$T/st-signals"
	assert_success
	run jq -e -c . out
	assert_success
	run jq -r --arg a "$(scs access)" 'select(.syscall == $a) | [.retval, .errno] | @tsv' out
	assert_output "-1	ENOENT"
	run jq -e -s 'map(select(.syscall)) | all(has("pid") and has("time") and has("args") and has("retval") and has("duration"))' out
	assert_success
	run jq -r 'select(.signal) | .signal' out
	assert_output "SIGUSR1
SIGUSR2
SIGCHLD"
	run jq -c 'select(has("exited"))' out
	assert_output --regexp '^\{"pid":[0-9]+,"time":[0-9.]+,"exited":0\}$'
	run ptstrace --json -o out "$T/st-signals" segv
	run tail -1 out
	assert_output --regexp '"killed":"SIGSEGV","core_dumped":false\}$'
}

@test "ptstrace: a trace= filter runs the program under a seccomp filter" {
	ptstrace -I2 -f -q -o out -e trace=getppid "$T/st-threads" 1 >tout 3>&- &
	tracer=$!
	bg_pids+=("$tracer")
	wait_for_line tout '^ready'
	pid=$(bg_tracee tout)
	run grep -E '^Seccomp:' "/proc/$pid/status"
	assert_output --regexp 'Seccomp:[[:space:]]+2'
	kill -INT "$tracer"
	wait "$tracer" || true
	kill -KILL "$pid" 2>/dev/null || true
	run grep -cE '^[0-9]+ +getppid\(\) ' out
	refute_output 0
	# (a call cut by the detach ends in <detached ...>)
	run grep -vcE '^[0-9]+ +getppid\(\) |<detached \.\.\.>$' out
	assert_output 0
	# without -f there is no filter (an untraced child would get ENOSYS)
	# (a file of its own: the shell truncates a reused one only once
	# the background job has started, after the wait may have read it)
	ptstrace -I2 -q -o out --seccomp-bpf -e trace=getppid "$T/st-threads" 1 >tout2 3>&- &
	tracer=$!
	bg_pids+=("$tracer")
	wait_for_line tout2 '^ready'
	pid=$(bg_tracee tout2)
	run grep -E '^Seccomp:' "/proc/$pid/status"
	assert_output --regexp 'Seccomp:[[:space:]]+0'
	kill -INT "$tracer"
	wait "$tracer" || true
	kill -KILL "$pid" 2>/dev/null || true
}

@test "ptstrace: without -f a trace= filter leaves the untraced thread alone" {
	run timeout 20 ptstrace -o out -e signal=none -e trace=%process "$T/st-proc" 2
	assert_failure 3
	# (a call that SIGCHLD interrupted is restarted: timing)
	run sh -c "grep -v '= ? ERESTART' out | cut -d'(' -f1"
	# two forks, the vfork, the thread: clone3 for threads where the
	# C library has it; the generic table has no fork or vfork
	if generic_sc; then
		assert_output "execve
clone
clone
wait4
wait4
clone
wait4
clone
exit_group
+++ exited with 3 +++"
	else
		# the C libraries of the ppc64le and arm guests (glibc
		# 2.36) make threads with clone
		local thr=clone3
		case $(ptools_cpu) in ppc64le|arm) thr=clone ;; esac
		assert_output "execve
clone
clone
wait4
wait4
vfork
wait4
$thr
exit_group
+++ exited with 3 +++"
	fi
}

@test "ptstrace: SIGINT is honoured while the tracee keeps making syscalls" {
	# -o FILE PROG ignores SIGINT unless -I says otherwise, as strace
	ptstrace -I waiting -f -q -o out "$T/st-threads" 3 >tout 3>&- &
	tracer=$!
	bg_pids+=("$tracer")
	wait_for_line tout '^ready'
	pid=$(bg_tracee tout)
	sleep 0.2
	kill -INT "$tracer"
	rc=0
	timeout 10 tail --pid="$tracer" -f /dev/null || rc=$?
	[ "$rc" -eq 0 ] || fail "ptstrace did not end after SIGINT"
	kill -0 "$pid"
	assert_untouched "$pid"
	kill -KILL "$pid"
}

@test "ptstrace: -o FILE PROG ignores SIGINT sent to the tracer only, as strace does" {
	command -v strace >/dev/null || skip "strace is not installed"
	local tool tracer pid
	for tool in strace ptstrace; do
		rm -f tout
		"$tool" -f -q -o out "$T/st-threads" 3 >tout 3>&- &
		tracer=$!
		bg_pids+=("$tracer")
		wait_for_line tout '^ready'
		pid=$(bg_tracee tout)
		kill -INT "$tracer"
		sleep 0.5
		kill -0 "$tracer" || fail "$tool ended on a SIGINT of its own"
		kill -0 "$pid" || fail "the program traced by $tool ended"
		# a tracee that dies ends the tracer as usual
		kill -KILL "$pid"
		rc=0
		timeout 10 tail --pid="$tracer" -f /dev/null || rc=$?
		[ "$rc" -eq 0 ] || fail "$tool did not end with its program"
	done
}

@test "ptstrace: -p attaches every thread, SIGINT detaches and the process runs on" {
	start_target st-threads 3
	ptstrace -p "$TPID" -o out -e trace=getppid 2>err 3>&- &
	tracer=$!
	bg_pids+=("$tracer")
	wait_for_line err 'attached'
	sleep 0.3
	kill -INT "$tracer"
	rc=0
	wait "$tracer" || rc=$?
	[ "$rc" -eq 130 ]
	assert_untouched "$TPID"
	run cat err
	assert_line --index 0 "ptstrace: Process $TPID attached with 3 threads"
	assert_line "ptstrace: Process $TPID detached"
	run grep -c 'detached$' err
	assert_output 3
	# all three threads were traced (several tasks in one -o file from
	# the start: strace's "PID " prefix)
	run sh -c "grep -oE '^[0-9]+ ' out | sort -u | wc -l"
	assert_output 3
	# and the process still makes progress
	run grep -c . "/proc/$TPID/status"
	assert_success
}

@test "ptstrace: -p PID,PID attaches several processes" {
	start_target st-threads 1
	p1=$TPID
	start_target st-threads 1
	p2=$TPID
	ptstrace -p "$p1,$p2" -o out -e trace=getppid 2>err 3>&- &
	tracer=$!
	bg_pids+=("$tracer")
	# two processes in one -o file: each line starts with its pid
	wait_for_line out "^$p1 +getppid"
	wait_for_line out "^$p2 +getppid"
	kill -INT "$tracer"
	wait "$tracer" || true
	run grep -cE "^$p1 +getppid" out
	refute_output 0
	run grep -cE "^$p2 +getppid" out
	refute_output 0
	assert_untouched "$p1"
	assert_untouched "$p2"
}

@test "ptstrace: -C prints the trace and the table, -S name sorts by name" {
	local acc
	acc=$(scs access)
	run ptstrace -C -S name -o out -e trace=close,$acc "$T/st-files"
	assert_success
	run grep -c '^close(' out
	refute_output 0
	# (a call that took all the time starts its line with "100.00")
	run grep -E "^ *[0-9.]+ +[0-9.]+ +[0-9]+ +[0-9]+ +[0-9]* *($acc|close)\$" out
	if [[ $acc < close ]]; then
		assert_line --index 0 --regexp " $acc\$"
		assert_line --index 1 --regexp ' close$'
	else
		assert_line --index 0 --regexp ' close$'
		assert_line --index 1 --regexp " $acc\$"
	fi
}

@test "ptstrace: SIGINT while the program blocks in a syscall ends its line with <detached ...>" {
	start_target basic
	ptstrace -p "$TPID" -o out 2>err 3>&- &
	tracer=$!
	bg_pids+=("$tracer")
	wait_for_line err attached
	sleep 0.3
	kill -INT "$tracer"
	wait "$tracer" || true
	assert_untouched "$TPID"
	# basic sleeps in clock_nanosleep(1000 s), restarted after the
	# attach: the call it resumes was read from /proc before
	run tail -1 out
	assert_output --regexp '^(clock_nanosleep\(CLOCK_REALTIME, 0, \{tv_sec=1000, tv_nsec=0\}, |restart_syscall\(<\.\.\. resuming interrupted clock_nanosleep \.\.\.>) <detached \.\.\.>$'
	run cat err
	assert_line "ptstrace: Process $TPID detached"
}

@test "ptstrace: a process already traced is refused with a clear message" {
	start_target basic
	ptstrace -q -p "$TPID" -o /dev/null 3>&- &
	tracer=$!
	bg_pids+=("$tracer")
	for i in $(seq 1 200); do
		[ "$(tracer_pid "$TPID")" != 0 ] && break
		sleep 0.01
	done
	run ptstrace -p "$TPID"
	assert_failure 1
	assert_output "ptstrace: attach to process $TPID: already traced by process $tracer"
	kill -INT "$tracer"
	wait "$tracer" || true
	assert_untouched "$TPID"
}

@test "ptstrace: attaching to a process of another user fails with EPERM" {
	start_target basic
	run setpriv --reuid=65534 --regid=65534 --clear-groups "$PTOOLS_BIN/ptstrace" -p "$TPID"
	assert_failure 1
	# (named as it was called, as strace names itself)
	assert_output --regexp "^(.*/)?ptstrace: attach to process $TPID: .*Operation not permitted"
	run ptstrace -p 12x
	assert_failure 2
	run ptstrace -p 4194303
	assert_failure 1
	assert_output "ptstrace: attach to process 4194303: no such process 4194303"
}

@test "ptstrace: the spawned program dies with a killed ptstrace, an attached one runs on" {
	ptstrace -q -o /dev/null "$T/st-threads" 2 >tout 3>&- &
	tracer=$!
	bg_pids+=("$tracer")
	wait_for_line tout '^ready'
	pid=$(bg_tracee tout)
	kill -KILL "$tracer"
	wait "$tracer" || true
	for i in $(seq 1 200); do
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.01
	done
	run kill -0 "$pid"
	assert_failure
	start_target st-threads 2
	ptstrace -p "$TPID" -o out 2>err 3>&- &
	tracer=$!
	bg_pids+=("$tracer")
	wait_for_line err attached
	sleep 0.1
	kill -KILL "$tracer"
	wait "$tracer" || true
	assert_untouched "$TPID"
}

@test "ptstrace: execve by a thread that is not the leader" {
	run ptstrace -f -q -o out -e trace=execve,exit_group "$T/st-execthread"
	assert_success
	run grep -c 'superseded by execve' out
	assert_output 1
	run grep -cE ' <pid changed to [0-9]+ \.\.\.>$' out
	assert_output 1
	run tail -1 out
	assert_output --regexp '^[0-9]+ +\+\+\+ exited with 0 \+\+\+$'
}

@test "ptstrace: -b execve detaches at an exec, not at the one that starts the program" {
	# the program's own start is traced, and its exit status kept
	run ptstrace -f -o out -b execve sh -c 'exit 5'
	assert_failure 5
	run grep -c '^[0-9]* *exit_group(5)' out
	assert_output 1
	# a later exec lets it go: its status is lost, as strace loses it
	run ptstrace -o out -b execve sh -c 'exec sh -c "exit 5"'
	assert_success
	run tail -1 out
	assert_output --regexp '^execve\(.*<detached \.\.\.>$'
	run grep -c 'exit_group' out
	assert_output 0
	# without -o the detach is told on stderr (a program file, not a
	# shell builtin, which busybox's sh would not exec)
	run --separate-stderr ptstrace -e trace=none -b execve sh -c "exec $T/step-hello"
	assert_success
	[[ $stderr =~ ptstrace:\ Process\ [0-9]+\ detached ]]
}

@test "ptstrace: -E sets and unsets variables, -u runs as another user" {
	run ptstrace -o /dev/null -E PTS_A=one -E HOME sh -c 'echo "$PTS_A:${HOME-unset}"'
	assert_success
	assert_output "one:unset"
	run ptstrace -o /dev/null -u nobody id -u
	assert_success
	assert_output 65534
	run ptstrace -u no-such-user-here true
	assert_failure 1
	assert_output --partial "no-such-user-here"
}

@test "ptstrace: -D runs the tracer detached, the program keeps its pid" {
	run ptstrace -D -o out sh -c 'echo $$; exit 4'
	assert_failure 4
	pid=$output
	run grep -c '^exit_group(4) ' out
	assert_output 1
}

@test "ptstrace: -k prints a stack trace after each syscall" {
	local rmd
	rmd=$(scs rmdir)
	run ptstrace -k -o out -e trace="$rmd" "$T/st-files"
	assert_success
	run grep -A20 "^$rmd(" out
	assert_line --regexp '^ > .*libc.*\(.*\+0x[0-9a-f]+\) \[0x[0-9a-f]+\]$'
	assert_line --regexp '^ > .*/st-files\(main\+0x[0-9a-f]+\) \[0x[0-9a-f]+\]$'
}

@test "ptstrace: -o |command pipes the trace" {
	# ptstrace waits for the command, and its exit is no tracee's
	run --separate-stderr ptstrace -o '|wc -l >count' -e trace=exit_group true
	assert_success
	assert_equal "$stderr" ""
	run cat count
	assert_output 2
}

@test "ptstrace: trace output the system refuses is reported, not lost in silence" {
	# a full device: said once, the lost lines counted, the program's status kept
	run --separate-stderr ptstrace -o /dev/full -e trace=exit_group sh -c 'exit 3'
	assert_failure 3
	assert_equal "$output" ""
	assert_equal "$stderr" "ptstrace: /dev/full: No space left on device
ptstrace: /dev/full: 2 lines of trace output lost"
	# a command that reads nothing: EPIPE, once.  10000 lines are more
	# than the pipe and the output buffer hold, so a write waits until
	# the command is gone, however late it ends.
	run --separate-stderr ptstrace -o '|true' dd if=/dev/zero of=/dev/null bs=1 count=5000
	assert_success
	assert_equal "$(grep -c 'Broken pipe' <<<"$stderr")" 1
	[[ "$stderr" =~ "ptstrace: |true: "[0-9]+" lines of trace output lost" ]]
}

@test "ptstrace: the man page is lint-clean and its synopsis matches -h" {
	run mandoc -Tlint -W all "$PTOOLS_TOP/man/ptstrace.1"
	refute_output --regexp 'ERROR|WARNING'
	syn=$(MANWIDTH=200 mandoc -Tutf8 -O width=200 "$PTOOLS_TOP/man/ptstrace.1" | col -b |
	    sed -n '/^SYNOPSIS/,/^DESCRIPTION/p' | sed '1d;$d' | tr -s ' \n\t' ' ' | sed 's/^ //; s/ $//')
	use=$(ptstrace -h | sed '/^$/,$d; s/^usage: //' | tr -s ' \n\t' ' ' | sed 's/ $//')
	[ "$syn" = "$use" ] || fail "synopsis: $syn
usage:    $use"
}

@test "ptstrace: a call left out by -e trace is read at its entry only" {
	# ptstrace traced by ptstrace: how often it asks the kernel for a
	# stop's syscall (PTRACE_GET_SYSCALL_INFO) against how many stops
	# it resumes from (PTRACE_SYSCALL, about two a call).
	# (LeakSanitizer cannot run in a traced process)
	for e in none all; do
		ptstrace -qq -e signal=none -e trace=ptrace -o "pc.$e" -- \
		    env ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" \
		    "$PTOOLS_BIN/ptstrace" -o /dev/null -e trace=$e /bin/true
	done
	info_none=$(grep -c '^ptrace(PTRACE_GET_SYSCALL_INFO,' pc.none)
	info_all=$(grep -c '^ptrace(PTRACE_GET_SYSCALL_INFO,' pc.all)
	stops=$(grep -c '^ptrace(PTRACE_SYSCALL,' pc.none)
	[ "$stops" -gt 20 ] || fail "only $stops resumes: $(cat pc.none)"
	# once a call without trace=..., twice with
	[ $((info_none * 2)) -le $((stops + 2)) ] ||
	    fail "trace=none: $info_none reads for $stops stops"
	[ $((info_all * 2)) -ge $((stops * 3 / 2)) ] ||
	    fail "trace=all: $info_all reads for $stops stops"
}

@test "ptstrace: bash completion offers options, syscalls and classes" {
	source "$PTOOLS_TOP/completions/bash/ptstrace"
	COMP_WORDS=(ptstrace -e trace=ope)
	COMP_CWORD=2
	_ptstrace
	[[ " ${COMPREPLY[*]} " == *" trace=openat "* ]] || fail "${COMPREPLY[*]}"
	COMP_WORDS=(ptstrace -e trace=%fi)
	COMPREPLY=()
	_ptstrace
	[[ " ${COMPREPLY[*]} " == *" trace=%file "* ]] || fail "${COMPREPLY[*]}"
	COMP_WORDS=(ptstrace --js)
	COMP_CWORD=1
	COMPREPLY=()
	_ptstrace
	[ "${COMPREPLY[*]}" = "--json" ]
}

@test "ptstrace: zsh and fish completions load" {
	run zsh -c "autoload -U compinit; compinit -u; source '$PTOOLS_TOP/completions/zsh/_ptstrace'"
	assert_success
	run fish -n "$PTOOLS_TOP/completions/fish/ptstrace.fish"
	assert_success
}

@test "ptstrace: the completions list exactly the syscalls of the table" {
	want=$(awk '!/^#/ && NF >= 2 { print $2 }' "$PTOOLS_TOP/arch/x86_64/syscalls.tbl" | sort -u)
	got=$(bash -c "source '$PTOOLS_TOP/completions/bash/ptstrace'; printf '%s\n' \$_ptstrace_syscalls" | sort -u)
	[ "$want" = "$got" ] || fail "bash list differs from the table"
	got=$(zsh -c "source '$PTOOLS_TOP/completions/zsh/_ptstrace' 2>/dev/null; print -l \$_ptstrace_syscalls" | sort -u)
	[ "$want" = "$got" ] || fail "zsh list differs from the table"
	got=$(sed -n 's/^set -l __ptstrace_syscalls //p' "$PTOOLS_TOP/completions/fish/ptstrace.fish" | tr ' ' '\n' | sed '/^$/d' | sort -u)
	[ "$want" = "$got" ] || fail "fish list differs from the table"
}
