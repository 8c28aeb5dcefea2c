#!/usr/bin/env bats
# ptstrace against strace itself: the same tracee programs, run under
# both with address randomisation off (setarch -R), in the same
# directory, must give the same lines for the syscalls listed here.  Only
# what must differ is normalised (process ids, CPU times in siginfo).
# Each list holds the syscalls whose decoding is complete; grow it as
# decoders are added.

load helper
load ptstrace-sc

setup() {
	COMPARE_OPTS=
	COMPARE_DROP=
	sc_setup
}

@test "compare: exit_group and process exit" {
	compare st-proc exit_group
}

@test "compare: files (st-files)" {
	compare st-files "${ST_FILES_SET:-mkdir,rmdir,unlink,rename,symlink,readlink,chmod,truncate,umask,chdir,getcwd,access,openat,close,read,write,lseek,pread64,dup,dup2,fcntl,fsync,exit_group}"
}

@test "compare: memory (st-memory)" {
	compare st-memory "${ST_MEMORY_SET:-mmap,mprotect,munmap,madvise,mremap,msync,mlock,munlock,brk,exit_group}"
}

@test "compare: signals (st-signals)" {
	compare st-signals "${ST_SIGNALS_SET:-rt_sigaction,rt_sigprocmask,kill,exit_group}"
}

@test "compare: a program killed by SIGSEGV (st-signals segv)" {
	compare st-signals "${ST_SIGNALS_SET:-rt_sigaction,rt_sigprocmask,kill,exit_group}" segv
}

@test "compare: sockets (st-sockets)" {
	compare st-sockets "${ST_SOCKETS_SET:-socketpair,socket,bind,listen,connect,sendto,recvfrom,shutdown,setsockopt,getsockname,close,unlink}"
}

@test "compare: pipes, poll and sleeps (st-poll)" {
	compare st-poll "${ST_POLL_SET:-pipe2,pipe,poll,select,read,write,epoll_create1,epoll_ctl,epoll_wait,eventfd2,nanosleep,clock_nanosleep,close}"
}

@test "compare: capabilities in every -X style (st-caps)" {
	local x
	for x in abbrev raw verbose; do
		COMPARE_OPTS="-X $x"
		compare st-caps capget,capset
	done
}

@test "compare: processes (st-proc)" {
	# when SIGCHLD arrives depends on the scheduler, not on the tracer,
	# and so does a wait4 it interrupts
	COMPARE_OPTS="-e signal=none"
	COMPARE_DROP='= \? ERESTART'
	compare st-proc "${ST_PROC_SET:-getpid,getppid,wait4,exit_group}" 3
}

@test "compare: -s 8 -x on files" {
	COMPARE_OPTS="-s 8 -x"
	compare st-files "read,write,openat,readlink,getcwd,exit_group"
}

@test "compare: -xx on files" {
	COMPARE_OPTS="-xx"
	compare st-files "read,write,openat,exit_group"
}

@test "compare: -v on files" {
	COMPARE_OPTS="-v"
	compare st-files "${ST_FILES_SET:-mkdir,rmdir,unlink,rename,symlink,readlink,chmod,truncate,umask,chdir,getcwd,access,openat,close,read,write,lseek,pread64,dup,dup2,fcntl,fsync,exit_group}"
}

@test "compare: -y shows descriptor paths" {
	COMPARE_OPTS="-y"
	compare st-files "openat,close,read,write,lseek,pread64,dup,dup2,fcntl,fsync,exit_group"
}

@test "compare: -z and -Z" {
	COMPARE_OPTS="-z"
	compare st-files "openat,access,unlink,close,exit_group"
	COMPARE_OPTS="-Z"
	compare st-files "openat,access,unlink,close,exit_group"
}

@test "compare: syscall classes select the same syscalls" {
	local c
	for c in %file %memory %process %signal %network %stat %lstat %fstat %statfs %creds %clock %ipc %pure; do
		COMPARE_OPTS="-e signal=none"
		compare st-files "$c,exit_group" || fail "class $c"
	done
}

@test "compare: a whole trace (st-memory, everything)" {
	compare st-memory all
}

@test "compare: a whole trace (st-files, everything)" {
	compare st-files all
}

@test "compare: the %desc class" {
	COMPARE_OPTS="-qq -e signal=none"
	compare st-files "%desc,exit_group"
}

@test "compare: -ff, one file per process (st-proc 3)" {
	local set
	set=$(scs getpid,getppid,wait4,exit_group,exit,vfork,clone,clone3)
	setarch -R strace -ff -e signal=none -o s -e trace=$set "$T/st-proc" 3 \
	    >/dev/null 2>&1 || true
	setarch -R ptstrace -ff -e signal=none -o p -e trace=$set "$T/st-proc" 3 \
	    >/dev/null 2>&1 || true
	mapfile -t sf < <(ls s.* | sort -t. -k2 -n)
	mapfile -t pf < <(ls p.* | sort -t. -k2 -n)
	[ "${#sf[@]}" -eq 6 ] || fail "strace wrote ${#sf[@]} files"
	[ "${#pf[@]}" -eq "${#sf[@]}" ] || fail "ptstrace wrote ${#pf[@]} files"
	for i in "${!sf[@]}"; do
		# a call restarted because a child died meanwhile is timing
		normalise "${sf[$i]}" | sed -E '/= \? ERESTART/d
		    s/(child_tidptr|parent_tid|tid)=0x[0-9a-f]+/\1=ADDR/g
		    s/parent_tid=\[[0-9]+\]/parent_tid=[PID]/' >s.norm
		normalise "${pf[$i]}" | sed -E '/= \? ERESTART/d
		    s/(child_tidptr|parent_tid|tid)=0x[0-9a-f]+/\1=ADDR/g
		    s/parent_tid=\[[0-9]+\]/parent_tid=[PID]/' >p.norm
		# a thread reaped after the group exit began reports the
		# group's exit code: timing again
		if [ "$i" -eq $((${#sf[@]} - 1)) ]; then
			sed -i -E 's/^\+\+\+ exited with [0-9]+ \+\+\+$/+++ exited +++/' s.norm p.norm
		fi
		run diff -u s.norm p.norm
		assert_success
	done
}

# tally FILE: the calls a -f trace started and the tasks that ended.
tally() {
	sed -E -f "$PTOOLS_TOP/tests/strace-tally.sed" "$1" | sort | uniq -c
}

@test "compare: -f over 200 threads and 20 forks: the same calls, clones and exits" {
	strace -f -o s.out "$T/many-tasks" 200 20 forks >/dev/null 2>&1
	ptstrace -f -o p.out "$T/many-tasks" 200 20 forks >/dev/null 2>&1
	# the program's own munmap calls vary from run to run (1 or 2 in
	# the aarch64 guest, under strace as well): not the tracer's doing
	tally s.out | grep -v ' munmap$' >s.tally
	tally p.out | grep -v ' munmap$' >p.tally
	# the 220 clones (threads by clone3 or clone) and 221 exits are
	# there at all
	[ "$(awk '$2 == "clone" || $2 == "clone3" { n += $1 } END { print n }' \
	    s.tally)" = 220 ] || fail "strace: $(cat s.tally)"
	grep -qE '^ +221 \+\+\+ exited with 0$' s.tally ||
	    fail "strace: $(cat s.tally)"
	run diff -u s.tally p.tally
	assert_success
}

@test "compare: -k stack frames of the program and libc" {
	local set
	strace -k -o /dev/null -e trace=none true 2>/dev/null ||
	    skip "this strace was built without -k"
	set=$(scs rmdir)
	setarch -R strace -k -o s.out -e trace="$set" "$T/st-files" >/dev/null 2>&1
	setarch -R ptstrace -k -o p.out -e trace="$set" "$T/st-files" >/dev/null 2>&1
	# the syscall line, the libc wrapper and main (strace's libdw may
	# name the libc start-up frames by other aliases)
	run diff <(head -3 s.out) <(head -3 p.out)
	assert_success
	run grep -c '(main+0x' p.out
	assert_output 1
}

@test "compare: one call of each decoded kind (sc-calls)" {
	# when its child's SIGCHLD comes is the scheduler's choice
	COMPARE_OPTS="-e signal=none"
	COMPARE_DROP='= \? ERESTART'
	compare sc-calls all
}
