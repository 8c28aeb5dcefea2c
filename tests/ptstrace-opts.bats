#!/usr/bin/env bats
# ptstrace's command line against strace 6.1's: for each option and -e
# qualifier whose output is deterministic, the same tracee program run
# under both (setarch -R, same directory) must give the same lines, pids
# normalised; timestamps are compared by their shape (digits replaced).
# A bad command line must give strace's message, "strace:" read as
# "ptstrace:", and exit 2 where strace exits 1.

bats_require_minimum_version 1.5.0
load helper
load ptstrace-sc

setup() {
	sc_setup
}

# Digits become 9: times differ, their shape must not.
shape() {
	normalise "$@" | sed -E 's/[0-9]/9/g'
}

# same_stderr ARGS...: both, the trace on the standard error (no -o: its
# implied -q would hide what is compared).
same_stderr() {
	local src=0 prc=0
	setarch -R strace "$@" 2>s.out >/dev/null </dev/null || src=$?
	setarch -R ptstrace "$@" 2>p.out >/dev/null </dev/null || prc=$?
	normalise s.out >s.norm
	normalise p.out >p.norm
	run diff -u s.norm p.norm
	assert_success
	[ "$src" -eq "$prc" ] || fail "exit status: strace $src, ptstrace $prc"
	[ -s s.norm ] || fail "strace wrote nothing: the comparison is vacuous"
}

# bad ARGS...: strace exits 1 and ptstrace 2, with the same first line.
bad() {
	local want
	run strace "$@"
	[ "$status" -eq 1 ] || fail "strace $*: status $status, want 1: $output"
	want=${lines[0]/#strace:/ptstrace:}
	[ -n "$want" ]
	run ptstrace "$@"
	[ "$status" -eq 2 ] || fail "ptstrace $*: status $status, want 2: $output"
	[ "${lines[0]}" = "$want" ] || fail "ptstrace $*: '${lines[0]}', want '$want'"
}

# ---- output format ----

@test "opts: -a COLUMN and --columns" {
	same -a 20 -e trace=openat,close,read,write "$T/st-files"
	same --columns=60 -e trace=openat,close "$T/st-files"
	same -a 0 -e trace=close "$T/st-files"
}

@test "opts: -s STRSIZE and --string-limit" {
	same -s 4 -e trace=read,write "$T/st-files"
	same --string-limit=0 -e trace=read "$T/st-files"
}

@test "opts: -x, -xx and --strings-in-hex=" {
	same -x -e trace=read,write,openat "$T/st-files"
	same -xx -e trace=read,write,openat "$T/st-files"
	same --strings-in-hex -e trace=read,write "$T/st-files"
	same --strings-in-hex=non-ascii -e trace=write "$T/st-files"
	same --strings-in-hex=non-ascii-chars -e trace=write,read "$T/st-sockets"
	same --strings-in-hex=none -e trace=write "$T/st-files"
}

@test "opts: -y, -yy and --decode-fds=path,socket,dev" {
	same -y -e trace=read,write,close,lseek,fsync "$T/st-files"
	same -yy -e trace=close,fcntl,dup,dup2 "$T/st-files"
	same --decode-fds -e trace=close "$T/st-files"
	same --decode-fds=path,dev -e trace=close,read,write "$T/st-files"
	same -e decode-fds=socket -e trace=shutdown,listen "$T/st-sockets"
	same -e decode-fds=none -e trace=close "$T/st-files"
}

@test "opts: -X raw, abbrev and verbose" {
	local x
	for x in raw abbrev verbose; do
		same -X "$x" -e trace=openat,fcntl,lseek,mkdir,access "$T/st-files"
		same --const-print-style="$x" -e trace=rt_sigaction,rt_sigprocmask "$T/st-signals"
	done
}

@test "opts: -e abbrev= and -v" {
	same -e abbrev=none -e trace=execve "$T/st-files"
	same -v -e trace=execve "$T/st-files"
}

@test "opts: -e verbose= shows the structures of the calls left out as addresses" {
	same -e verbose=none -e trace=newfstatat,rt_sigaction,getcwd "$T/st-files"
	same -e 'verbose=!rt_sigaction' -e trace=rt_sigaction,rt_sigprocmask "$T/st-signals"
	same --verbose=rt_sigprocmask -e trace=rt_sigaction,rt_sigprocmask "$T/st-signals"
	# and it does change something
	run grep -c 'rt_sigaction(SIG[A-Z0-9]*, 0x' p.out
	refute_output 0
}

@test "opts: -t, -tt, -ttt, -r, -T and their long forms, by shape" {
	local o
	for o in -t -tt -ttt -r -T -rT -ttT \
	    --absolute-timestamps --absolute-timestamps=format:unix,precision:ns \
	    --absolute-timestamps=unix,ms --absolute-timestamps=precision:us \
	    --absolute-timestamps=format:none --timestamps=time,ns \
	    --relative-timestamps=ms --relative-timestamps=s \
	    --relative-timestamps=ns --syscall-times=ns --syscall-times=s \
	    --syscall-times=ms; do
		both shape -o @OUT@ "$o" -e trace=getppid,exit_group "$T/st-proc"
	done
	# the shape itself: 10 digits, '.', 9 digits
	grep -qE '^[0-9]{10}\.[0-9]{9} exit_group\(3\) += \?$' <(ptstrace -o /dev/stdout --absolute-timestamps=format:unix,precision:ns -e trace=exit_group "$T/st-proc" 2>/dev/null)
}

# ---- filtering ----

@test "opts: -e trace= by number, @64, !, ?, and the last one wins" {
	same -e trace=257,3 "$T/st-files"
	same -e trace=openat@64,close@64 "$T/st-files"
	same -e trace=openat -e trace=close "$T/st-files"
	same -e trace='?nosuchcall,close' "$T/st-files"
	same -e 'trace=!!close' "$T/st-files"
	same -e 'trace=!%memory,%file,%desc,%process,%signal,%creds,getrandom,rseq,arch_prctl,set_tid_address,set_robust_list,prlimit64,execve' "$T/st-files"
	same -e close "$T/st-files"
}

@test "opts: -e trace= classes" {
	local c
	for c in %%stat %stat %lstat %fstat %file %desc %creds %clock %pure \
	    %signal %process %memory %ipc %network %net %%statfs %statfs; do
		same -e trace="$c,exit_group" "$T/st-files"
	done
	same -e trace=%network "$T/st-sockets"
	same -e trace=%signal "$T/st-signals"
}

@test "opts: -e trace= regular expressions" {
	same -e 'trace=/^(close|dup.*)$' "$T/st-files"
	same -e 'trace=/stat' "$T/st-files"
	same -e 'trace=/^rt_sig' "$T/st-signals"
}

@test "opts: -e status=, -z and -Z" {
	same -e status=failed "$T/st-files"
	same -e 'status=!successful' "$T/st-files"
	same -e status=unfinished,failed "$T/st-files"
	same -z -e trace=openat,access,mkdir,unlink "$T/st-files"
	same -Z "$T/st-files"
	same --successful-only -e trace=openat "$T/st-files"
	same --failed-only -e trace=%file "$T/st-files"
}

@test "opts: -e signal= and --signal=" {
	same -e trace=kill -e signal=SIGUSR1 "$T/st-signals"
	same -e trace=none -e 'signal=!SIGCHLD' "$T/st-signals"
	same -e trace=none -e signal=usr1,17 "$T/st-signals"
	same -e trace=none --signal=none "$T/st-signals"
	same -e trace=none -e signal=0 "$T/st-signals"
}

# ---- messages ----

@test "opts: -q, -qq, -qqq and -e quiet=" {
	same_stderr -e trace=exit_group "$T/st-proc"
	same_stderr -q -e trace=exit_group "$T/st-proc"
	same_stderr -qq -e trace=exit_group,exit "$T/st-proc"
	same_stderr -qqq -e trace=none "$T/st-signals"
	same_stderr -e quiet=exit -e trace=exit_group "$T/st-proc"
	same_stderr -e quiet=attach,exit -e trace=exit_group "$T/st-proc"
	same_stderr --quiet -e trace=exit_group "$T/st-proc"
	same_stderr -e 'quiet=!exit' -e trace=exit_group "$T/st-proc"
	same_stderr --silent=exits -e trace=exit_group "$T/st-proc"
	same_stderr -e quiet=none -e trace=exit_group "$T/st-proc"
}

# ---- output files ----

@test "opts: -A appends to -o FILE, which is truncated without it" {
	echo old >s.out
	echo old >p.out
	same -A -e trace=close "$T/st-files"
	[ "$(head -n 1 p.out)" = old ]
	same --output-append-mode -e trace=close "$T/st-files"
	[ "$(grep -c '^old$' p.out)" -eq 1 ]
	same -e trace=close "$T/st-files"
	run grep -c '^old$' p.out
	assert_output 0
}

@test "opts: -o '|CMD' and -o '!CMD' pipe the trace into a command" {
	local tool
	for tool in strace ptstrace; do
		setarch -R "$tool" -o "|cat > $tool.pipe" -e trace=close,exit_group "$T/st-files" >/dev/null
		setarch -R "$tool" -o "!cat > $tool.bang" -e trace=close,exit_group "$T/st-files" >/dev/null
	done
	run diff -u <(normalise strace.pipe) <(normalise ptstrace.pipe)
	assert_success
	run diff -u <(normalise strace.bang) <(normalise ptstrace.bang)
	assert_success
	grep -q '^close(' ptstrace.pipe
}

# files PREFIX: the normalised contents of the PREFIX.PID files, each on
# one line ("|" for newlines), sorted.
files() {
	local f
	for f in "$1".*; do
		[[ $f =~ \.[0-9]+$ ]] || continue
		normalise "$f" | tr '\n' '|'
		echo
	done | LC_ALL=C sort
}

@test "opts: -ff and --output-separately write one file per process" {
	local tool n
	for tool in strace ptstrace; do
		setarch -R "$tool" -ff -o "$tool" -e trace=exit_group,exit -e signal=none -e quiet=exit "$T/st-proc" 2 >/dev/null || true
		files "$tool" >"$tool.all"
	done
	n=$(ls strace.* | grep -c '\.[0-9][0-9]*$')
	[ "$n" -ge 3 ]
	[ "$(ls ptstrace.* | grep -c '\.[0-9][0-9]*$')" -eq "$n" ]
	run diff -u strace.all ptstrace.all
	assert_success
	rm -f strace.* ptstrace.*
	for tool in strace ptstrace; do
		setarch -R "$tool" --follow-forks --output-separately -o "$tool" -e trace=exit_group,exit -e signal=none -e quiet=exit "$T/st-proc" 2 >/dev/null || true
		files "$tool" >"$tool.all"
	done
	run diff -u strace.all ptstrace.all
	assert_success
	[ "$(wc -l <ptstrace.all)" -eq "$n" ]
	# -f once makes strace forget --output-separately: one file, with
	# the pid on each line (the order of the lines is not fixed)
	for tool in strace ptstrace; do
		setarch -R "$tool" -f --output-separately -o "$tool.one" -e trace=exit_group -e signal=none "$T/st-proc" 1 >/dev/null || true
		[ "$(grep -cE '^[0-9]+ +exit_group\(' "$tool.one")" -ge 2 ] ||
		    fail "$tool: $(cat "$tool.one")"
		[ "$(ls | grep -c "^$tool\.one\.")" -eq 0 ] || fail "$tool: $(ls)"
	done
}

# ---- startup ----

# daemon TOOL OPT: how the program sits under "TOOL OPT": its parent,
# process group and session and its tracer's, in words relative to the
# shell that started TOOL.
daemon() {
	local tool=$1 opt=$2 me
	# shellcheck disable=SC2016 # expanded by the traced sh
	"$tool" "$opt" -o /dev/null sh -c '
		t=$(awk "/^TracerPid/ { print \$2 }" /proc/$$/status)
		set -- $(cut -d" " -f4-6 /proc/$$/stat)
		echo "pid $$ ppid $1 pgrp $2 sid $3"
		set -- $(cut -d" " -f4-6 /proc/$t/stat)
		echo "tracer $t tppid $1 tpgrp $2 tsid $3"' >"$tool.d" &
	me=$!
	wait "$me"
	local spgrp ssid
	spgrp=$(cut -d' ' -f5 "/proc/$BASHPID/stat")
	ssid=$(cut -d' ' -f6 "/proc/$BASHPID/stat")
	awk -v me="$me" -v sh="$BASHPID" -v g="$spgrp" -v s="$ssid" '
	{
		t = ($1 == "tracer") ? $2 : ""
		for (i = 2; i <= NF; i += 2) {
			v = $i
			if (v == me) v = "STARTED"
			else if (v == sh) v = "SHELL"
			else if (v == t) v = "TRACER"
			else if (v == g) v = "SHELL_PGRP"
			else if (v == s) v = "SHELL_SID"
			else v = "OTHER"
			$i = v
		}
		print
	}' "$tool.d"
}

@test "opts: -D, -DD, -DDD and --daemonize= arrange the processes as strace" {
	local o
	for o in -D -DD -DDD --daemonize --daemonize=grandchild \
	    --daemonize=pgroup --daemonize=session; do
		daemon strace "$o" >s.d
		daemon ptstrace "$o" >p.d
		run diff -u s.d p.d
		assert_success
		grep -q '^pid STARTED ppid SHELL ' p.d ||
		    fail "$o: $(cat p.d)"
	done
	# without -D the tracer, started from the shell, is the parent
	daemon ptstrace -q >p.d
	grep -q '^pid OTHER ppid STARTED ' p.d || fail "$(cat p.d)"
	grep -q '^tracer STARTED tppid SHELL ' p.d || fail "$(cat p.d)"
}

@test "opts: -E sets and removes variables, -u runs as another user" {
	local tool
	[ "$(id -u)" -eq 0 ] || skip "-u needs root"
	for tool in strace ptstrace; do
		FOO=old BAR=x "$tool" -o /dev/null -E FOO=new -E BAR --env=BAZ=1 -u nobody \
		    sh -c 'echo "$FOO ${BAR-unset} $BAZ $(id -un) $(id -gn)"' >"$tool.env"
	done
	run cat ptstrace.env
	assert_output "$(cat strace.env)"
	assert_output --regexp '^new unset 1 nobody '
}

@test "opts: -y escapes < and > in a path, as strace does" {
	mkdir 'a<<0::0>>1'
	cd 'a<<0::0>>1'
	same_stderr -y -e trace=fsync dd if=/dev/null of=f conv=fsync status=none
	grep -qF '\74\0740::0\76\0761/f>' p.out
}

@test "opts: -b execve detaches at execve" {
	same -f -b execve -e trace=execve,exit_group sh -c "exec $T/st-proc"
	grep -q ' execve(.*<detached \.\.\.>$' p.out
}

# A background job of a shell starts with SIGINT ignored, which strace
# -I1 leaves so: SIGTERM, one of the same signals, is sent instead.
@test "opts: -I never: a SIGTERM to the tracer of '-o FILE PROG' is ignored, -I1 and -I2 end the tracing" {
	local tool i tracer pid
	for tool in strace ptstrace; do
		for i in "" 1 2 3 4 never anywhere; do
			rm -f tout
			"$tool" ${i:+-I "$i"} -o out -e trace=none "$T/st-threads" 1 >tout 3>&- &
			tracer=$!
			wait_for_line tout '^ready'
			pid=$(awk '{ print $2; exit }' tout)
			kill -TERM "$tracer"
			sleep 0.3
			case $i in
			1|2|anywhere)
				! kill -0 "$tracer" 2>/dev/null ||
				    fail "$tool -I $i: a SIGTERM did not end the tracing"
				kill -0 "$pid" || fail "$tool -I $i: the program ended" ;;
			*)
				kill -0 "$tracer" || fail "$tool -I '$i': a SIGTERM ended the tracer" ;;
			esac
			kill -KILL "$pid"
			wait "$tracer" || true
		done
	done
}

@test "opts: a SIGTERM with -I1 leaves the trace as strace killed would, a line cut short, and the program untraced" {
	local tool i tracer pid
	for tool in strace ptstrace; do
		for i in 1 2; do
			rm -f "$tool.$i"
			"$tool" -I "$i" -o "$tool.$i" -e trace=nanosleep,clock_nanosleep sleep 30 &
			tracer=$!
			for _ in $(seq 100); do
				[ -s "$tool.$i" ] && break
				sleep 0.05
			done
			pid=$(pgrep -P "$tracer" -x sleep)
			kill -TERM "$tracer"
			wait "$tracer" || true
			[ "$(awk '/^TracerPid/ { print $2 }' "/proc/$pid/status")" = 0 ] ||
			    fail "$tool -I $i: sleep is still traced"
			kill -KILL "$pid"
		done
	done
	cmp strace.1 ptstrace.1 || fail "strace: $(cat strace.1)
ptstrace: $(cat ptstrace.1)"
	[ "$(tail -c 2 ptstrace.1)" = ", " ] || fail "not cut short: $(cat ptstrace.1)"
	# -I2 finishes the line and says so
	assert_equal "$(cat ptstrace.2)" "$(cat ptstrace.1) <detached ...>"
}

@test "opts: --kill-on-exit kills the program when the tracer ends" {
	local tracer pid
	ptstrace --kill-on-exit -I1 -o /dev/null "$T/st-threads" 1 >tout 3>&- &
	tracer=$!
	wait_for_line tout '^ready'
	pid=$(awk '{ print $2; exit }' tout)
	kill -TERM "$tracer"
	wait "$tracer" || true
	sleep 0.2
	! kill -0 "$pid" 2>/dev/null || { kill -KILL "$pid"; fail "the program runs on"; }
	# without it, the program is detached and runs on
	rm -f tout
	ptstrace -I1 -o /dev/null "$T/st-threads" 1 >tout 3>&- &
	tracer=$!
	wait_for_line tout '^ready'
	pid=$(awk '{ print $2; exit }' tout)
	kill -TERM "$tracer"
	wait "$tracer" || true
	kill -0 "$pid"
	kill -KILL "$pid"
	run ptstrace --kill-on-exit -p "$$"
	assert_failure 2
	assert_output "ptstrace: --kill-on-exit and -p/--attach are mutually exclusive options"
}

# ---- miscellaneous ----

@test "opts: --tips prints a tip in a box on exit, format:none none" {
	# the tips are ptstrace's own, in a box of their own
	run --separate-stderr ptstrace -qq --tips -e trace=none true
	assert_success
	[ "$(grep -cE '^ ?-{10,} *$' <<<"$stderr")" -eq 2 ] || fail "no box: $stderr"
	[ "$(grep -cE '^\| .* \|$' <<<"$stderr")" -ge 1 ] || fail "no box: $stderr"
	run --separate-stderr ptstrace --tips=id:0,format:full -e trace=none true
	assert_success
	[ -n "$stderr" ]
	run --separate-stderr ptstrace -qq --tips=format:none -e trace=none true
	assert_success
	[ -z "$stderr" ]
}

@test "opts: -d tells of the tracer's work on stderr" {
	run --separate-stderr strace -d -e trace=none true
	[ -n "$stderr" ]
	run --separate-stderr ptstrace -d -e trace=none true
	assert_success
	[ "$(grep -c '^ptstrace: \[debug\] ' <<<"$stderr")" -ge 2 ] ||
	    fail "stderr: $stderr"
}

@test "opts: -V, --version, -h and --help" {
	run --separate-stderr ptstrace -V
	assert_success
	assert_output --regexp '^ptstrace [0-9]+\.[0-9]+\.[0-9]+$'
	run --separate-stderr ptstrace --version
	assert_output --regexp '^ptstrace [0-9]+\.[0-9]+\.[0-9]+$'
	run --separate-stderr ptstrace --help
	assert_success
	[ -z "$stderr" ]
	assert_line --index 0 --regexp '^usage: ptstrace '
	# every long option strace -h names is in ptstrace -h
	local o missing=
	for o in $(strace -h | grep -oE -- '--[a-z][a-z-]+' | sort -u); do
		# refused, see the last tests
		[ "$o" = --secontext ] || [ "$o" = --kvm ] && continue
		grep -qe "$o" <<<"$output" || missing+=" $o"
	done
	[ -z "$missing" ] || fail "ptstrace -h does not name:$missing"
}

# ---- refused and bad values ----

@test "opts: bad values give strace's message and exit 2" {
	bad -a x true
	bad -a -1 true
	bad -X foo true
	bad -I 9 true
	bad -I foo true
	bad -e foo=bar true
	bad -e quiet=foo true
	bad -e decode-fds=foo true
	bad --decode-pids=foo true
	bad -e trace=foo true
	bad -e trace=%foo true
	bad -e trace= true
	bad -e 'trace=/(' true
	bad -e signal=FOO true
	bad -e signal=256 true
	bad -e status=x true
	bad -e abbrev=foo true
	bad -e read=x true
	bad -e trace=open@99 true
	bad -s -1 true
	bad -s x true
	bad -O x true
	bad -b exit true
	bad --daemonize=foo true
	bad --relative-timestamps=x true
	bad --absolute-timestamps=foo true
	bad --absolute-timestamps=precision:foo true
	bad --strings-in-hex=foo true
	bad --tips=foo true
	bad -p x
	bad -p 0
	bad -S foo -c true
	bad -U foo -c true
}

@test "opts: options that cannot go together give strace's message and exit 2" {
	bad -t --absolute-timestamps true
	bad -c -C true
	bad -w true
	bad -U calls true
	bad -D
	bad -DDDD true
	bad -D --daemonize true
	bad -ff -c true
	bad -ff -o '|cat' true
	bad -f --follow-forks true
	bad -ff --output-separately true
	bad -x --strings-in-hex true
	bad -y --decode-fds true
	bad -q -e quiet=all true
}

@test "opts: --secontext and -e kvm=vcpu are refused with exit 2" {
	run ptstrace --secontext true
	assert_failure 2
	assert_line --index 0 --partial "ptstrace: SELinux context printing (--secontext option) is not supported"
	run ptstrace -e secontext=full true
	assert_failure 2
	run ptstrace -e kvm=vcpu true
	assert_failure 2
	assert_line --index 0 "ptstrace: -e kvm=vcpu: decoding KVM vcpu exits is not supported"
	run ptstrace --kvm=vcpu true
	assert_failure 2
	# a value strace does not know is strace's message
	bad -e kvm=foo true
}
