#!/usr/bin/env bats
# ptstrace's process ids against strace's: -Y (--decode-pids=comm) adds
# the command name of a thread or process to each id strace 6.1 decodes
# so, --decode-pids=pidns (--pidns-translation) the tracer's number of an
# id from another pid namespace, -n the syscall number to each line.
# Same tracee (tests/targets/st-pids.c), setarch -R, both tracers; the
# tracee prints its ids, so each output has its own numbers replaced by
# names and the rest must agree byte for byte.

load helper
load ptstrace-sc

# Calls of st-pids with process ids in them.
PIDS_SET=getpid,getppid,gettid,getpgrp,getpgid,getsid,setpgid,kill,tkill,tgkill,sched_getparam,getpriority,prlimit64,pidfd_open,fcntl,process_vm_readv,clone,clone3,waitid,wait4,exit_group

setup() {
	sc_setup
	# The options come with ptstrace's strace command line.
	ptstrace -Y -n --decode-pids=comm,pidns -o /dev/null true \
	    >/dev/null 2>&1 || skip "ptstrace has no -Y, -n, --decode-pids"
}

# names IDSFILE TRACE: the tracee's ids (lines "self N", "parent N",
# ...) by name; the tracer's own name is the same for both.
names() {
	local script="" what id
	while read -r what id; do
		script="$script s/\\b$id\\b/${what^^}/g;"
	done <"$1"
	sed -E "$script"' s/<(strace|ptstrace)>/<TRACER>/g
		s/execve\((.*), 0x[0-9a-f]+ (\/\* [0-9]+ vars \*\/)\)/execve(\1, ENVP \2)/' "$2"
}

# pair OPTS... -- ARGS...: run st-pids under both tracers with OPTS
# (word-split) and ARGS, normalise into s.norm and p.norm; the exit
# statuses must agree.
pair() {
	local opts=() src=0 prc=0
	while [ "$1" != -- ]; do opts+=("$1"); shift; done
	shift
	setarch -R strace "${opts[@]}" -o s.out "$T/st-pids" "$@" \
	    >s.ids 2>/dev/null || src=$?
	setarch -R ptstrace "${opts[@]}" -o p.out "$T/st-pids" "$@" \
	    >p.ids 2>/dev/null || prc=$?
	[ "$src" -eq "$prc" ] || fail "exit status: strace $src, ptstrace $prc"
	names s.ids s.out >s.norm
	names p.ids p.out >p.norm
}

# same_pair OPTIONS... -- [ARGS...]: pair, and the outputs must agree.
same_pair() {
	pair "$@"
	run diff -u s.norm p.norm
	assert_success
}

@test "-Y: ids of live threads and processes carry their command name" {
	same_pair -Y -e trace=$PIDS_SET -- 
	# the comparison is not vacuous: names on args, results, siginfo
	grep -qx 'getpid() *= SELF<st-pids>' p.norm
	grep -q '^kill(CHILD<st-pids>, 0) ' p.norm
	grep -q '^tgkill(SELF<st-pids>, SELF<st-pids>, 0) ' p.norm
	grep -q 'parent_tid=\[THREAD<st-pids>\]' p.norm
	grep -q '^waitid(P_PID, CHILD<st-pids>, {.*si_pid=CHILD<st-pids>,' p.norm
	grep -q '^--- SIGUSR1 {.*si_pid=SELF<st-pids>,' p.norm
	grep -Eq '^fcntl\([0-9]+, F_GETOWN\) *= SELF<st-pids>$' p.norm
	grep -Eq '^fcntl\([0-9]+, F_SETOWN, -SELF\) ' p.norm
	# a process group and a reaped child have no name
	grep -q '^kill(-SELF, 0) ' p.norm
	grep -q '^wait4(CHILD<st-pids>, .*) = CHILD$' p.norm
	grep -qx 'getppid() *= PARENT<TRACER>' p.norm
}

@test "--decode-pids=comm is -Y" {
	same_pair --decode-pids=comm -e trace=$PIDS_SET -- 
	grep -qx 'getpid() *= SELF<st-pids>' p.norm
}

@test "without -Y ids are plain numbers, as before" {
	same_pair -e trace=$PIDS_SET -- 
	grep -qx 'getpid() *= SELF' p.norm
	run grep -c '<' p.norm
	assert_output 0
}

@test "-Y -f -o: the prefix names the task, renamed by execve and prctl" {
	same_pair -Y -f -e trace=execve,getpid,prctl -- rename
	grep -q '^SELF<TRACER> execve(' p.norm
	grep -q '^SELF<st-pids> prctl(PR_SET_NAME, "st-renamed") = 0$' p.norm
	grep -q '^SELF<st-renamed> getpid() *= SELF<st-renamed>$' p.norm
}

@test "-Y -f -o: a rename that is not traced still renames the prefix" {
	same_pair -Y -f -e trace=getpid -- rename
	grep -q '^SELF<st-pids> getpid() *= SELF<st-pids>$' p.norm
	grep -q '^SELF<st-renamed> getpid() ' p.norm
}

@test "-n: the syscall number before the name" {
	same_pair -n -e trace=$PIDS_SET -- 
	grep -qx '\[  39\] getpid() *= SELF' p.norm
	grep -q '^\[ 435\] clone3(' p.norm
	# exit and signal lines carry the last syscall's number
	grep -qx '\[ 231\] +++ exited with 4 +++' p.norm
	grep -q '^\[  62\] --- SIGUSR1 ' p.norm
}

@test "-n with -f -tt -i -Y: the order of the prefix" {
	pair -n -f -tt -i -Y -e trace=getpid,exit_group -- rename
	sed -Ei 's/ [0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{6} / TIME /' s.norm p.norm
	run diff -u s.norm p.norm
	assert_success
	grep -Eq '^SELF<st-renamed> TIME \[  39\] \[[0-9a-f]{16}\] getpid\(\) = SELF<st-renamed>$' p.norm
}

# joined TRACE: each "<unfinished ...>" line joined with its "<...
# resumed>" line, the result unaligned, the tracer's numbers as N, a
# child's CPU times in a SIGCHLD (the scheduler's) as T.
joined() {
	awk '/ <unfinished \.\.\.>$/ {
		sub(/ <unfinished \.\.\.>$/, ""); cut[$1] = $0; next
	}
	/^[^ ]+ <\.\.\. [a-z0-9_]+ resumed>/ && ($1 in cut) {
		rest = $0; sub(/^[^ ]+ <\.\.\. [a-z0-9_]+ resumed>/, "", rest)
		print cut[$1] rest; delete cut[$1]; next
	}
	{ print }' "$1" |
	    sed -E 's/(si_[us]time)=[0-9]+( \/\* [0-9.]+ s \*\/)?/\1=T/g
		s/[0-9]{3,}/N/g; s/<(strace|ptstrace)>/<TRACER>/
		s/\) +=/) =/'
}

@test "--decode-pids=pidns: ids from another pid namespace" {
	command -v unshare >/dev/null || skip "unshare is not installed"
	unshare -pf true 2>/dev/null || skip "cannot make a pid namespace"
	# Calls only the process in the namespace makes: unshare's own
	# lines (its clone, its wait4) could cut the others anywhere.
	local src=0 prc=0 set=getpid,gettid,getpgid,getsid,kill
	setarch -R strace -f --decode-pids=comm,pidns -e trace=$set -o s.out \
	    unshare -pf "$T/st-pids" >/dev/null 2>&1 || src=$?
	setarch -R ptstrace -f --decode-pids=comm,pidns -e trace=$set -o p.out \
	    unshare -pf "$T/st-pids" >/dev/null 2>&1 || prc=$?
	[ "$src" -eq "$prc" ] || fail "exit status: strace $src, ptstrace $prc"
	# The tracer's numbers vary; the namespace's are 1, 2, 3.  Three
	# processes: the order of their lines, and where one cuts
	# another's, are the scheduler's.
	joined s.out | sort >s.norm
	joined p.out | sort >p.norm
	run diff -u s.norm p.norm
	assert_success
	grep -q "getpid() = 1<st-pids> /\\* N in strace's PID NS \\*/$" p.norm
	grep -q "kill(2<st-pids> /\\* N in strace's PID NS \\*/, SIGKILL)" p.norm
	grep -q "si_pid=2<st-pids> /\\* N in strace's PID NS \\*/" p.norm
}

@test "--pidns-translation: the tracer's number without the name" {
	command -v unshare >/dev/null || skip "unshare is not installed"
	unshare -pf true 2>/dev/null || skip "cannot make a pid namespace"
	run ptstrace -f --pidns-translation -e trace=getpid \
	    unshare -pf "$T/st-pids" rename
	assert_success
	assert_output --regexp "getpid\(\) += 1 /\* [0-9]+ in strace's PID NS \*/"
}

@test "a /proc of the parent pid namespace: ids, names and paths are the tracee's" {
	command -v unshare >/dev/null || skip "unshare is not installed"
	unshare -Urpf true 2>/dev/null || skip "cannot make a user and pid namespace"
	# Without --mount-proc, /proc numbers every task as the parent
	# namespace does: /proc/2 is not the tracee 2.
	local rc=0
	unshare -Urpf ptstrace -f -y -Y -e trace=getpid,getppid,kill,openat \
	    -o p.out "$T/st-pids" >p.ids 2>p.err || rc=$?
	[ "$rc" -eq 4 ] || fail "exit status $rc, not st-pids's 4"
	run cat p.err
	refute_output --partial "unknown pid"
	names p.ids p.out >p.norm
	run grep -E "^SELF<st-pids> (getpid\(\) += SELF<st-pids>|getppid\(\) += PARENT<TRACER>|kill\(CHILD<st-pids>, SIGKILL\) += 0)$" p.norm
	assert_equal "${#lines[@]}" 3
	grep -Eq '^SELF<st-pids> openat\(AT_FDCWD<[^>]*>, "/dev/null", O_RDONLY\) = [A-Z0-9]+</dev/null>$' p.norm
	# No name of a task the tracer does not trace (the parent namespace's
	# numbers would name kernel threads).
	run sh -c "grep -oE '[A-Z0-9]+<[^>/]+>' p.norm | sort -u"
	assert_output "$(printf '%s\n' 'CHILD<st-pids>' 'PARENT<TRACER>' 'SELF<st-pids>' 'THREAD<st-pids>')"
}

@test "--decode-pids: a bad kind is refused" {
	run ptstrace --decode-pids=bogus true
	[ "$status" -eq 2 ] || fail "exit status $status"
	assert_output --partial "invalid decode-pids 'bogus'"
	run ptstrace --decode-pids= true
	[ "$status" -eq 2 ] || fail "exit status $status"
	assert_output --partial "invalid decode-pids ''"
}
