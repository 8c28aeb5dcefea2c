#!/usr/bin/env bats
# ptstrace -e inject= and -e fault=: syscall tampering.  Each run goes
# under strace itself too, with address randomisation off, in the same
# directory: the traces, the program's own output (what each call
# returned to it) and the exit statuses must agree.  The tracee
# st-inject makes chdir, open, umask four times and one faccessat2, and
# prints each result, so the calls after a tampered one are seen to run
# as usual.  Bad expressions must be refused with strace's messages.

load helper
load ptstrace-sc

setup() {
	sc_setup
}

# count PATTERN FILE: lines of FILE with the fixed string PATTERN.
count() {
	grep -cF -- "$1" "$2" || true
}

@test "inject: error= on the third openat only, the calls after it go on" {
	same -e trace=openat -e inject=openat:error=ENOENT:when=3 "$T/st-inject"
	[ "$(count '= -1 ENOENT (No such file or directory) (INJECTED)' p.out)" -eq 1 ]
	[ "$(count '(INJECTED)' p.out)" -eq 1 ]
	# the third openat is the program's first /dev/null
	assert_equal "$(grep -cE '^open [2-4]: [0-9]+$' p.stdout)" 3
	assert_equal "$(sed -n 2p p.stdout)" "open 1: -1 No such file or directory"
}

@test "inject: retval= with when=FIRST..LAST+STEP on two syscalls" {
	same -e trace=chdir,umask -e inject=chdir,umask:retval=7:when=2..4+2 \
	    "$T/st-inject"
	assert_equal "$(count 'chdir(".")                              = 7 (INJECTED)' p.out)" 2
	assert_equal "$(count 'umask(022)                              = 007 (INJECTED)' p.out)" 2
	assert_equal "$(grep -E '^(chdir|umask) ' p.stdout | tr '\n' ' ')" \
	    "chdir 1: 0 umask 1: 18 chdir 2: 7 umask 2: 7 chdir 3: 0 umask 3: 18 chdir 4: 7 umask 4: 7 "
}

@test "inject: a retval= in the error range is a success, shown unsigned" {
	same -e trace=chdir -e inject=chdir:retval=-4095:when=1 "$T/st-inject"
	assert_equal "$(count 'chdir(".")                              = 18446744073709547521 (INJECTED)' p.out)" 1
	# the C library takes it for an error, as the warning says
	assert_equal "$(grep "^chdir 1" p.stdout)" "chdir 1: -1 Unknown error 4095"
	assert_equal "$(cat p.stderr)" "ptstrace: Inadvertent injection of error 4095 is possible for retval=18446744073709547521"
}

@test "inject: a later expression replaces an earlier one for its syscalls" {
	same -e trace=chdir,umask -e inject=chdir,umask:error=EACCES \
	    -e inject=umask:retval=0:when=3 -e fault=chdir:when=2+ "$T/st-inject"
	assert_equal "$(count 'chdir(".")                              = -1 ENOSYS (Function not implemented) (INJECTED)' p.out)" 3
	assert_equal "$(count 'umask(022)                              = 000 (INJECTED)' p.out)" 1
	assert_equal "$(count EACCES p.out)" 0
}

@test "fault: ENOSYS by default, error= and when= as with inject" {
	same -e trace=umask -e fault=umask:when=1..2 "$T/st-inject"
	assert_equal "$(count 'ENOSYS (Function not implemented) (INJECTED)' p.out)" 2
	same -e trace=chdir -e fault=chdir:error=ELOOP:when=4 "$T/st-inject"
	assert_equal "$(count 'ELOOP (Too many levels of symbolic links) (INJECTED)' p.out)" 1
	assert_equal "$(grep '^chdir 4' p.stdout)" "chdir 4: -1 Too many levels of symbolic links"
}

@test "inject: an error number and a lower-case errno name" {
	same -e trace=chdir,openat -e inject=chdir:error=13:when=1 \
	    -e inject=openat:error=enotdir:when=3 "$T/st-inject"
	assert_equal "$(count 'EACCES (Permission denied) (INJECTED)' p.out)" 1
	assert_equal "$(count 'ENOTDIR (Not a directory) (INJECTED)' p.out)" 1
	assert_equal "$(grep '^open 1' p.stdout)" "open 1: -1 Not a directory"
}

@test "inject: signal= is delivered as the call returns" {
	same -e trace=chdir -e inject=chdir:signal=SIGUSR1:when=2+2 "$T/st-inject"
	assert_equal "$(count '--- SIGUSR1 {si_signo=SIGUSR1, si_code=SI_KERNEL} ---' p.out)" 2
	assert_equal "$(grep '^signals' p.stdout)" "signals: 2"
	# a signal alone changes no result
	assert_equal "$(count INJECTED p.out)" 0
}

@test "inject: signal= with -f, where a seccomp filter stops the calls" {
	same -f -e trace=umask -e inject=umask:signal=usr1:retval=5:when=3 \
	    "$T/st-inject"
	assert_equal "$(count ' umask(022)                        = 005 (INJECTED)' p.out)" 1
	assert_equal "$(count 'SIGUSR1 {si_signo=SIGUSR1, si_code=SI_KERNEL}' p.out)" 1
	assert_equal "$(grep '^signals' p.stdout)" "signals: 1"
}

@test "inject: poke_enter writes through an argument before the call" {
	same -e trace=faccessat2 -e inject=faccessat2:poke_enter=@arg2=2f746d7000 \
	    "$T/st-inject"
	assert_equal "$(count 'faccessat2(AT_FDCWD, "/tmp", F_OK, 0)   = 0 (INJECTED: args)' p.out)" 1
	assert_equal "$(grep '^path' p.stdout)" "path: /tmp"
}

@test "inject: poke_exit with error= after the call" {
	same -e trace=faccessat2 \
	    -e inject=faccessat2:poke_exit=@arg2=2f746d7000:error=EPERM "$T/st-inject"
	assert_equal "$(count '"/nonexistent", F_OK, 0) = -1 EPERM (Operation not permitted) (INJECTED: args, retval)' p.out)" 1
	assert_equal "$(grep -E '^(faccessat|path)' p.stdout | tr '\n' ' ')" \
	    "faccessat 1: -1 Operation not permitted path: /tmp "
}

@test "inject: syscall= runs a harmless call in place of the real one" {
	same -e trace=chdir -e inject=chdir:syscall=getppid:error=EIO:when=1 \
	    "$T/st-inject"
	assert_equal "$(count 'chdir(".")                              = -1 EIO (Input/output error) (INJECTED)' p.out)" 1
	same -e trace=umask -e inject=umask:syscall=gettid:retval=0:when=2 \
	    "$T/st-inject"
	assert_equal "$(grep '^umask 2' p.stdout)" "umask 2: 0"
	assert_equal "$(grep '^umask 3' p.stdout)" "umask 3: 18"
}

@test "inject: delay_enter and delay_exit are noted as (DELAYED)" {
	same -e trace=chdir,umask -e inject=chdir:delay_enter=2ms:when=2 \
	    -e inject=umask:delay_exit=1000us:error=EPERM:when=3 "$T/st-inject"
	assert_equal "$(count 'chdir(".")                              = 0 (DELAYED)' p.out)" 1
	assert_equal "$(count 'umask(022)                              = -1 EPERM (Operation not permitted) (INJECTED) (DELAYED)' p.out)" 1
}

@test "inject: a syscall left out of trace= is not tampered with, as in strace" {
	"$T/st-inject" >plain.std
	same -e trace=umask -e inject=chdir:error=EACCES "$T/st-inject"
	run diff -u plain.std p.stdout
	assert_success
	assert_equal "$(count INJECTED p.out)" 0
}

@test "inject: the program's own execve is left alone, as in strace" {
	same -e trace=execve,chdir -e inject=execve,chdir:error=ENOENT "$T/st-inject"
	assert_equal "$(grep -c '^execve(.*) = 0$' p.out)" 1
	assert_equal "$(count 'chdir(".")                              = -1 ENOENT (No such file or directory) (INJECTED)' p.out)" 4
	assert_equal "$(grep -c '^chdir [1-4]: -1 No such file or directory$' p.stdout)" 4
}

@test "inject: a 32-bit program (orig_eax, eax; results shown as strace shows them)" {
	[ -x "$T/st-inject32" ] || skip "no 32-bit static C library: st-inject32 not built"
	same -e trace=chdir,umask,open,openat -e inject=chdir:error=EACCES:when=2 \
	    -e inject=umask:retval=4294967294:when=3:signal=USR1 \
	    -e fault=open,openat:when=1 "$T/st-inject32"
	assert_equal "$(count 'chdir(".")                              = -1 EACCES (Permission denied) (INJECTED)' p.out)" 1
	assert_equal "$(count 'umask(022)                              = 037777777776 (INJECTED)' p.out)" 1
	assert_equal "$(count '= -1 ENOSYS (Function not implemented) (INJECTED)' p.out)" 1
	assert_equal "$(grep -E '^(chdir 2|umask 3|signals)' p.stdout | tr '\n' ' ')" \
	    "chdir 2: -1 Permission denied umask 3: -2 signals: 1 "
}

@test "inject: -c counts injected errors as errors" {
	local s p
	s=$(setarch -R strace -c -S name -e trace=chdir,umask \
	    -e inject=chdir:error=EACCES:when=2+ -e inject=umask:retval=1 \
	    "$T/st-inject" 2>&1 >/dev/null | sed -E 's/^ *[0-9.]+ +[0-9.]+ +[0-9]+ +//')
	p=$(setarch -R ptstrace -c -S name -e trace=chdir,umask \
	    -e inject=chdir:error=EACCES:when=2+ -e inject=umask:retval=1 \
	    "$T/st-inject" 2>&1 >/dev/null | sed -E 's/^ *[0-9.]+ +[0-9.]+ +[0-9]+ +//')
	assert_equal "$p" "$s"
	[[ "$p" == *"4         3 chdir"* ]] || fail "no chdir row with 3 errors: $p"
}

@test "inject: --json marks the tampered call" {
	ptstrace --json -o p.json -e trace=chdir,faccessat2 \
	    -e inject=chdir:error=ENOENT:delay_exit=1ms:when=3 \
	    -e inject=faccessat2:poke_enter=@arg2=2f746d7000 "$T/st-inject" >/dev/null
	run grep -c '"syscall":"chdir"' p.json
	assert_output 4
	run grep '"injected":true' p.json
	assert_output --regexp '"syscall":"chdir".*"retval":-1,"errno":"ENOENT","injected":true,"delayed":true,"duration":'
	assert_equal "${#lines[@]}" 1
	run grep '"poked":true' p.json
	assert_output --regexp '"syscall":"faccessat2","args":\[.*"/tmp".*\],"retval":0,"poked":true,'
}

@test "inject: a retval the program will take for an error is warned of, as by strace" {
	local e s p
	for e in retval=-1 retval=4294967295 retval=4294967296 retval=-4096; do
		s=$(strace -qq -e trace=none -e inject=umask:$e true 2>&1)
		p=$(ptstrace -qq -e trace=none -e inject=umask:$e true 2>&1)
		assert_equal "$p" "${s//strace:/ptstrace:}"
		[ -n "$p" ] || fail "no warning for $e"
	done
}

@test "inject: the warning comes once, and before the error of a refused expression" {
	local s
	run ptstrace -e trace=none -e inject=umask:retval=-2 -e inject=getpid:retval=-3 true
	assert_success
	assert_output "ptstrace: Inadvertent injection of error 2 is possible for retval=18446744073709551614
ptstrace: Inadvertent injection of error 3 is possible for retval=18446744073709551613
+++ exited with 0 +++"
	s=$(strace -qq -e trace=none -e inject=umask:retval=-2:when=0 true 2>&1) && fail "strace took it"
	run ptstrace -qq -e trace=none -e inject=umask:retval=-2:when=0 true
	[ "$status" -ne 0 ]
	assert_equal "${lines[0]}
${lines[1]}" "${s//strace:/ptstrace:}"
}

@test "inject: bad expressions are refused with strace's messages" {
	local e s p bad
	# refused with the status of any bad -e expression
	run ptstrace -e trace=nosuchcall true
	bad=$status
	[ "$bad" -ne 0 ]
	for e in inject=openat inject=openat:error=EFOO inject=openat:error=4096 \
	    inject=openat:error=0x10 inject=openat:error= inject=foo:error=EIO \
	    inject=:error=EIO inject=%foo:error=EIO fault=openat:retval=1 \
	    fault=openat:signal=SIGUSR1 inject=openat:retval=99999999999999999999 \
	    inject=openat:retval=1e3 inject=openat:error=EIO:retval=0 \
	    inject=openat:error=EIO:error=EIO inject=openat:when=0:error=EIO \
	    inject=openat:when=3..2:error=EIO inject=openat:when=2+0:error=EIO \
	    inject=openat:when=65536:error=EIO inject=openat:when=1..65535:error=EIO \
	    inject=openat:when=1.2:error=EIO inject=getpid:when=1 \
	    inject=openat:signal=FOO inject=openat:signal=65 inject=openat:signal=0x5 \
	    inject=openat:signal=1:signal=2 inject=openat:syscall=write:error=EIO \
	    inject=openat:syscall=nosuch:error=EIO inject=getpid:syscall=getpid \
	    inject=openat:delay_enter=abc inject=openat:delay_enter=-1 \
	    inject=openat:delay_exit=5n inject=openat:delay_enter=1:delay_enter=2 \
	    inject=openat:poke_enter=@arg1=zz inject=openat:poke_enter=@arg8=00 \
	    inject=openat:poke_enter=@arg1=0 inject=openat:poke_enter= \
	    inject=openat:poke_exit=@arg1=00,@arg1=11 inject=openat:bogus=1; do
		s=$(strace -qq -e trace=none -e "$e" true 2>&1 | head -1)
		run ptstrace -qq -e trace=none -e "$e" true
		[ "$status" -eq "$bad" ] || fail "$e: status $status, not $bad"
		assert_equal "${lines[0]}" "${s//strace:/ptstrace:}"
		[[ "$s" == "strace: invalid "* ]] || fail "$e: strace accepts it: $s"
	done
}

@test "inject: good expressions strace takes are taken" {
	local e
	for e in inject=getpid:error=4095 inject=getpid:error=+5 \
	    inject=getpid:error=010 inject=getpid:retval=0x10 \
	    inject=getpid:signal=RTMIN inject=getpid:signal=SIGRT_1 \
	    inject=getpid:signal=64 inject=getpid:when=+1:error=EIO \
	    inject=getpid:when=1..+2:error=EIO inject=getpid:when=65535:error=EIO \
	    inject=getpid:when=1:when=2:error=EIO \
	    inject=getpid:delay_exit=1.5e3MS inject=getpid:delay_enter=7ns \
	    inject=getpid:poke_enter=@arg7=00,@arg1=aBcD \
	    fault=getpid:syscall=getppid inject='!getpid:error=EIO' \
	    inject='?nosuch,getpid:error=EIO' inject=%creds:error=EIO \
	    inject=/^get:error=EIO; do
		strace -qq -e trace=none -e "$e" true || fail "strace refuses $e"
		run ptstrace -qq -e trace=none -e "$e" true
		assert_success
		assert_output ""
	done
}
