# Common setup for the bats suites: assertions, the tools on PATH, and
# tracee programs that are started by a test and always cleaned up.

bats_load_library bats-support 2>/dev/null || load /usr/lib/bats/bats-support/load
bats_load_library bats-assert 2>/dev/null || load /usr/lib/bats/bats-assert/load

: "${PTOOLS_TOP:=$(cd "$BATS_TEST_DIRNAME/.." && pwd)}"
: "${B:=build}"
: "${PTOOLS_BIN:=$PTOOLS_TOP/$B/bin}"
: "${PTOOLS_TARGETS:=$PTOOLS_TOP/$B/targets}"
PATH=$PTOOLS_BIN:$PATH
export PATH PTOOLS_BIN PTOOLS_TARGETS PTOOLS_TOP

_started_pids=()

# start_target NAME [ARGS...]: run tests/targets/NAME in the background,
# wait until it prints its first line ("ready ..."), set $TPID and
# $TOUT (its output file).  The process is killed in teardown.
start_target() {
	local name=$1; shift
	TOUT=$(mktemp "$BATS_TEST_TMPDIR/out.XXXXXX")
	"$PTOOLS_TARGETS/$name" "$@" >"$TOUT" 2>&1 </dev/null &
	TPID=$!
	_started_pids+=("$TPID")
	local _
	for _ in $(seq 1 500); do
		[ -s "$TOUT" ] && return 0
		kill -0 "$TPID" 2>/dev/null || break
		sleep 0.01
	done
	echo "target $name did not start: $(cat "$TOUT")" >&2
	return 1
}

# start_cmd CMD...: like start_target for any command line.
start_cmd() {
	TOUT=$(mktemp "$BATS_TEST_TMPDIR/out.XXXXXX")
	"$@" >"$TOUT" 2>&1 </dev/null &
	TPID=$!
	_started_pids+=("$TPID")
	local _
	for _ in $(seq 1 500); do
		if [ -s "$TOUT" ]; then
			# the command may fork: the target is who says "ready PID"
			TPID=$(awk '/^ready / { print $2; exit }' "$TOUT")
			_started_pids+=("$TPID")
			return 0
		fi
		kill -0 "$TPID" 2>/dev/null || break
		sleep 0.01
	done
	echo "did not start: $(cat "$TOUT")" >&2
	return 1
}

# proc_state PID: the one-letter state from /proc/PID/stat.
proc_state() {
	sed 's/.*) //' "/proc/$1/stat" | cut -d' ' -f1
}

# tracer_pid PID: TracerPid from /proc/PID/status.
tracer_pid() {
	awk '/^TracerPid:/ { print $2 }' "/proc/$1/status"
}

# assert_untouched PID: running (not stopped by ptrace), not traced.
assert_untouched() {
	local st _
	for _ in $(seq 1 100); do
		st=$(proc_state "$1")
		[ "$st" != t ] && [ "$(tracer_pid "$1")" = 0 ] && break
		sleep 0.01
	done
	[ "$st" = S ] || [ "$st" = R ] || fail "process $1 is in state $st"
	[ "$(tracer_pid "$1")" = 0 ] || fail "process $1 is still traced by $(tracer_pid "$1")"
}

# sym_addr TARGET SYMBOL: link-time address of SYMBOL in the target binary.
sym_addr() {
	nm "$PTOOLS_TARGETS/$1" | awk -v s="$2" '$3 == s { print "0x" $1; exit }'
}

teardown_targets() {
	local p
	for p in "${_started_pids[@]}"; do
		kill -CONT "$p" 2>/dev/null
		kill -KILL "$p" 2>/dev/null
		wait "$p" 2>/dev/null
	done
	_started_pids=()
}

teardown() {
	teardown_targets
}

# ptools_cpu: the CPU the tools under test were built for: x86_64, i386,
# aarch64, ppc64le or arm.  Not `uname -m`, which is the kernel's: the
# i386 guest runs
# 32-bit tools on a 64-bit kernel.
ptools_cpu() {
	if [ -z "${_ptools_cpu:-}" ]; then
		case $(readelf -h "$PTOOLS_BIN/ptmaps" | sed -n 's/^ *Machine: *//p') in
		*X86-64*) _ptools_cpu=x86_64 ;;
		*80386*) _ptools_cpu=i386 ;;
		AArch64) _ptools_cpu=aarch64 ;;
		PowerPC64*) _ptools_cpu=ppc64le ;;
		ARM) _ptools_cpu=arm ;;
		*) _ptools_cpu=unknown ;;
		esac
	fi
	echo "$_ptools_cpu"
}

# cpu_reg pc|sp: the name of the program counter or the stack pointer
# on ptools_cpu, as address expressions and ptregs spell it.
cpu_reg() {
	case $1:$(ptools_cpu) in
	pc:x86_64) echo rip ;;
	sp:x86_64) echo rsp ;;
	pc:i386) echo eip ;;
	sp:i386) echo esp ;;
	pc:aarch64) echo pc ;;
	sp:aarch64) echo sp ;;
	pc:ppc64le) echo nip ;;
	sp:ppc64le) echo r1 ;;
	pc:arm) echo pc ;;
	sp:arm) echo sp ;;
	*) echo "cpu_reg: no $1 for $(ptools_cpu)" >&2; return 1 ;;
	esac
}

# make_zombie: set $ZOMBIE to a zombie process (a shell that exec's away
# from its exited child); its parent is killed in teardown.  Found
# through /proc, as the guests' ps does not run.
make_zombie() {
	local zp _
	sh -c 'true & exec sleep 60' &
	zp=$!
	_started_pids+=("$zp")
	ZOMBIE=
	for _ in $(seq 1 200); do
		ZOMBIE=$(tr -d ' ' <"/proc/$zp/task/$zp/children" 2>/dev/null)
		[ -n "$ZOMBIE" ] && [ "$(proc_state "$ZOMBIE")" = Z ] && return 0
		sleep 0.01
	done
	echo "make_zombie: no zombie child of $zp" >&2
	return 1
}

# syscall_insn: "HEXBYTES BACK" of the system call instruction of a
# thread that a tracer stopped while it slept in a system call, on
# ptools_cpu: the instruction starts BACK bytes before the program
# counter.  x86 stops past the instruction (i386: past the vDSO's int
# 0x80, whichever instruction entered the kernel); aarch64 has already
# moved pc back to the svc, to restart the call, and so has arm (the C
# library's Thumb svc #0); ppc64le stops past the scv 0 the C library
# uses on POWER9 (the guest's CPU).
syscall_insn() {
	case $(ptools_cpu) in
	x86_64) echo "0f05 2" ;;
	i386) echo "cd80 2" ;;
	aarch64) echo "010000d4 0" ;;
	ppc64le) echo "01000044 4" ;;
	arm) echo "00df 0" ;;
	esac
}

# children_of PID: the PIDs of PID's children, one per line, from /proc
# (pgrep does not run in the guests).
children_of() {
	cat /proc/"$1"/task/*/children 2>/dev/null | tr ' ' '\n' | grep -v '^$'
}

# page_size: the kernel's page size in bytes (64 KiB on ppc64le).
page_size() {
	awk '/^KernelPageSize:/ { print $2 * 1024; exit }' /proc/self/smaps
}

# bp_hex: the bytes of the software breakpoint the tools write, in hex,
# on ptools_cpu (int3; brk #0; trap; on arm the Thumb one, udf #1, as
# the tracees are Thumb code: ARM code gets f001f0e7).
bp_hex() {
	case $(ptools_cpu) in
	x86_64|i386) echo cc ;;
	aarch64) echo 000020d4 ;;
	ppc64le) echo 0800e07f ;;
	arm) echo 01de ;;
	esac
}

# ptr_type: the ptpeek type of a pointer of the tracees on ptools_cpu,
# for tests that need an address stored in the tracee, whatever size
# -t ptr reads.
ptr_type() {
	case $(ptools_cpu) in
	i386|arm) echo u32 ;;
	*) echo u64 ;;
	esac
}

# child_named PARENT NAME: the PID of PARENT's first child whose command
# name is NAME (once it has exec'd), or status 1.
child_named() {
	local p
	for p in $(children_of "$1"); do
		[ "$(cat "/proc/$p/comm" 2>/dev/null)" = "$2" ] && { echo "$p"; return 0; }
	done
	return 1
}
