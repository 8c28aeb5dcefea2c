# What the ptstrace suites share: syscall names on every CPU, the
# setup of a suite that compares with strace, the normalisation of
# their outputs and the ways of running both tracers.

# The generic syscall table (aarch64) has no mkdir, access, dup2, vfork
# ...: the C library makes the *at call or its successor instead.
generic_sc() {
	[ "$(uname -m)" = aarch64 ]
}

# scs LIST: the comma list of syscalls with each call the generic table
# lacks replaced by the one the C library makes there.
scs() {
	local n out='' IFS=,

	for n in $1; do
		if generic_sc; then
			case $n in
			mkdir | rename | symlink | readlink) n=${n}at ;;
			rmdir | unlink) n=unlinkat ;;
			chmod) n=fchmodat ;;
			access) n=faccessat ;;
			dup2) n=dup3 ;;
			pipe) n=pipe2 ;;
			poll) n=ppoll ;;
			select) n=pselect6 ;;
			epoll_wait) n=epoll_pwait ;;
			fork | vfork) n=clone ;;
			stat | lstat) n=newfstatat ;;
			open) n=openat ;;
			esac
		fi
		out=${out:+$out,}$n
	done
	echo "$out"
}

# sc_setup: for a suite that runs strace too: skip without it, work in
# the test's directory, tracee programs in $T, no core files.
sc_setup() {
	command -v strace >/dev/null || skip "strace is not installed"
	cd "$BATS_TEST_TMPDIR" || exit 1
	T=$PTOOLS_TARGETS
	ulimit -c 0
}

# normalise [FILE...]: what must differ between two runs goes: process
# ids (line prefixes, arguments, results in decimal or hex, siginfo,
# and the padding before the result that a pid's digits move),
# siginfo's CPU times, the environment's address, inode numbers of
# pipes and sockets, ports, System V ids.
normalise() {
	sed -E 's/\b(pid|si_pid=|PID=)( *)[0-9]+/\1\2PID/g
		s/^[0-9]+( +)/PID\1/
		s/si_(utime|stime)=[0-9]+/si_\1=N/g
		s/\b(getpid|getppid|gettid|set_tid_address|wait4|clone|clone3|vfork|fork)(\(.*\)) += (0x[0-9a-f]+|[0-9]+)( <[0-9.]+>)?$/\1\2 = PID\4/
		s/(kill|tkill|tgkill|wait4)\((0x[0-9a-f]+|[0-9]+),/\1(PID,/
		s/^(kill|tkill|tgkill)(\(PID,.*\)) += /\1\2 = /
		s/execve\((.*), 0x[0-9a-f]+ (\/\* [0-9]+ vars \*\/)\)/execve(\1, ENVP \2)/
		s/(UNIX-[A-Z]+:\[)[0-9]+(->)?[0-9]*/\1INODE\2INODE/g
		s/(pipe|socket):\[[0-9]+\]/\1:[INO]/g
		s/(sin6?_port=htons\()[0-9]+\)/\1PORT)/g
		s/^(shmget|semget)(\(.*\)) += [0-9]+$/\1\2 = ID/
		s/^(shmctl|semctl)\([0-9]+,/\1(ID,/' "$@"
}

# both FILTER ARGS...: run "strace ARGS" and "ptstrace ARGS" (the
# arguments may name the output file as @OUT@, which becomes s.out and
# p.out), pass each output file through FILTER and compare them, the
# programs' standard outputs and the exit statuses.  The outputs must
# not be empty.
both() {
	local filter=$1 src=0 prc=0 a
	local -a sa=() pa=()
	shift
	for a in "$@"; do
		sa+=("${a//@OUT@/s.out}")
		pa+=("${a//@OUT@/p.out}")
	done
	setarch -R strace "${sa[@]}" >s.stdout 2>s.stderr </dev/null || src=$?
	setarch -R ptstrace "${pa[@]}" >p.stdout 2>p.stderr </dev/null || prc=$?
	"$filter" s.out >s.norm
	"$filter" p.out >p.norm
	run diff -u s.norm p.norm
	assert_success
	run diff -u s.stdout p.stdout
	assert_success
	[ "$src" -eq "$prc" ] || fail "exit status: strace $src, ptstrace $prc"
	[ -s s.norm ] || fail "strace wrote nothing: the comparison is vacuous"
}

# same ARGS...: both, with the output in @OUT@ and normalised.
same() {
	both normalise -o @OUT@ "$@"
}

# Lines matching the regular expression COMPARE_DROP are left out.
drop() {
	if [ -n "${COMPARE_DROP:-}" ]; then
		grep -Ev "$COMPARE_DROP" || true
	else
		cat
	fi
}

# compare TARGET SET [ARGS...]: trace TARGET with both tracers and the
# options COMPARE_OPTS (word-split), keeping the syscalls of SET; the
# outputs (normalised, less COMPARE_DROP) and the exit statuses must
# agree.
compare() {
	local target=$1 set src prc
	set=$(scs "$2")
	shift 2
	src=0
	# shellcheck disable=SC2086
	setarch -R strace ${COMPARE_OPTS:-} -o s.out -e trace="$set" \
	    "$T/$target" "$@" >/dev/null 2>&1 || src=$?
	prc=0
	# shellcheck disable=SC2086
	setarch -R ptstrace ${COMPARE_OPTS:-} -o p.out -e trace="$set" \
	    "$T/$target" "$@" >/dev/null 2>&1 || prc=$?
	normalise s.out | drop >s.norm
	normalise p.out | drop >p.norm
	run diff -u s.norm p.norm
	assert_success
	[ "$src" -eq "$prc" ] || fail "exit status: strace $src, ptstrace $prc"
	# the comparison is not vacuous
	[ "$(wc -l <s.norm)" -ge 2 ]
}

# Wait until FILE has a line matching REGEX (at most 5 s).
wait_for_line() {
	local i
	for ((i = 0; i < 500; i++)); do
		grep -Eq "$2" "$1" 2>/dev/null && return 0
		sleep 0.01
	done
	echo "no line /$2/ in $1:" >&2
	cat "$1" >&2
	return 1
}
