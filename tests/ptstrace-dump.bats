#!/usr/bin/env bats
# ptstrace's -e read=SET, -e write=SET (hex dumps of the data a syscall
# moved) and -P PATH (only the syscalls that use a path), against strace
# itself on tests/targets/st-dumpio: the same program run under both,
# address randomisation off, in the same directory, must give the same
# trace and the same messages.

load helper

IO_SET=read,write,readv,writev,pread64,pwrite64,preadv,pwritev,sendto,recvfrom,sendmsg,recvmsg,sendmmsg,recvmmsg

setup() {
	command -v strace >/dev/null || skip "strace is not installed"
	cd "$BATS_TEST_TMPDIR" || exit 1
	T=$PTOOLS_TARGETS/st-dumpio
	PRE=
}

# Files the paths mode expects before it starts ($PRE), made afresh for
# each tracer, since -P resolves a path only when it exists.
fresh() {
	rm -f p1.* p2.* dump.dat big.dat
	if [ -n "$PRE" ]; then
		# shellcheck disable=SC2086
		touch $PRE
	fi
}

# clean CMD...: CMD with only descriptors 0, 1 and 2 open (bats keeps
# others open), so that the program's files get 3, 4, ... as they would
# from a shell.
clean() {
	(
		for fd in /proc/$BASHPID/fd/*; do
			fd=${fd##*/}
			[ "$fd" -gt 2 ] && eval "exec $fd>&-"
		done
		exec "$@"
	)
}

# compare MODE [OPTIONS...]: st-dumpio MODE under both tracers; the
# traces (-o), the messages on stderr and the exit statuses must agree.
compare() {
	local mode=$1 src=0 prc=0
	shift
	fresh
	clean setarch -R strace -o s.out "$@" "$T" "$mode" >/dev/null 2>s.err ||
	    src=$?
	fresh
	clean setarch -R ptstrace -o p.out "$@" "$T" "$mode" >/dev/null \
	    2>p.err || prc=$?
	sed -i 's/^ptstrace: /strace: /' p.err
	sed -E -i 's/^[0-9]+ +/PID /; s/from pid [0-9]+ @/from pid PID @/' \
	    s.out p.out
	run diff -u s.out p.out
	assert_success
	run diff -u s.err p.err
	assert_success
	[ "$src" -eq "$prc" ] || fail "exit status: strace $src, ptstrace $prc"
}

@test "-e read=all: every read of the program dumped as strace does" {
	compare io -e read=all -e trace="$IO_SET"
	# not vacuous: the dumps are there, and only after reads
	grep -q '^ \* 64 bytes in buffer 1$' p.out
	grep -q '^ | 00000  1c 23 2a 31 38 3f 46 4d  54 5b 62 69 70 77 7e 85  .#\*18?FMT\[bipw~. |$' p.out
	run grep -A1 '^write(1, "hello' p.out
	refute_output --partial ' | 00000'
}

@test "-e write=1,3: writes to descriptors 1 and 3 only" {
	compare io -e write=1,3 -e trace="$IO_SET"
	grep -A1 '^write(1, "hello' p.out | grep -qx ' | 00000  68 65 6c 6c 6f 0a                                 hello.           |'
	grep -q '^ \* 3 bytes in buffer 0$' p.out
	# the failing write to 9 and the socket sends are not dumped
	run grep -A1 '^write(9,' p.out
	refute_output --partial ' | 00000'
	run grep -A1 '^sendto(' p.out
	refute_output --partial ' | 00000'
}

@test "-e read=3 with readv and preadv: only the bytes read, buffer by buffer" {
	compare io -e read=3 -e trace=readv,preadv,read
	run grep -A4 '^preadv(' p.out
	assert_line ' * 9 bytes in buffer 1'
	assert_line ' | 00000  00 00 70 76 31 70 76 32  2d                       ..pv1pv2-        |'
}

@test "-e write=all: a failing write is dumped, a zero-length buffer ends a vector" {
	compare io -e write=all -e trace=write,writev
	grep -A1 '^write(9, "bad\\n", 4) *= -1 EBADF' p.out | grep -qx ' | 00000  62 61 64 0a                                       bad.             |'
	run grep -A3 '^writev(3, .*"after"' p.out
	assert_line --index 1 ' * 3 bytes in buffer 0'
	refute_output --partial 'buffer 2'
}

@test "-e read=all -e write=all: socket and message calls, sendmmsg and recvmmsg" {
	compare io -e read=all -e write=all -e trace=sendto,recvfrom,sendmsg,recvmsg,sendmmsg,recvmmsg
	grep -qx ' = 2 buffers in vector 0' p.out
	grep -qx ' = 1 buffers in vector 1' p.out
}

@test "-e read=\!3 -e write=none and -z: the inverted set, the staged output" {
	compare io -e 'read=!3' -e write=none -z -e trace="$IO_SET"
	grep -q '^ | 00000  70 69 6e 67' p.out
	compare io -e read=3 -e write=3 -z -f -e trace="$IO_SET"
	grep -q '^ | 00000  70 76 31  ' p.out
}

@test "-e write=3: a buffer longer than strace's 64 KiB read" {
	compare big -e write=3 -e trace=write
	grep -qx ' | 10010  29 2a 2b 2c                                       )\*+,             |' p.out
	[ "$(grep -c '^ | ' p.out)" -eq 4098 ]
}

@test "--json: read_data and write_data members in hex" {
	fresh
	clean ptstrace --json -o p.json -e read=3 -e write=all -e trace=write,readv,sendmmsg "$T" >/dev/null
	grep -q '"syscall":"write","args":\[9,"bad\\n",4\],"retval":-1,"errno":"EBADF","write_data":"6261640a","duration":' p.json
	grep -q '"syscall":"readv",.*"retval":72,"read_data":"8c939aa1a8afb6bd' p.json
	grep -q '"syscall":"sendmmsg",.*"write_data":"6f6e652d3174776f",' p.json
	if command -v python3 >/dev/null; then
		python3 -c 'import json, sys
for l in open(sys.argv[1]): json.loads(l)' p.json
	fi
}

@test "-e read=/write=: bad descriptor sets are refused" {
	run ptstrace -e read=x true
	assert_failure 2
	assert_output --partial "invalid descriptor 'x'"
	run ptstrace -e write= true
	assert_failure 2
	assert_output --partial "invalid descriptor ''"
	run ptstrace -e read=-1 true
	assert_failure 2
	assert_output --partial "invalid descriptor '-1'"
	run ptstrace -e 'write=1,y' true
	assert_failure 2
	assert_output --partial "invalid descriptor 'y'"
}

@test "-P FILE -e trace=all: calls by name and by descriptor, the resolution message" {
	PRE=p1.txt
	compare paths -P p1.txt -e trace=all
	grep -q '^strace: Requested path "p1.txt" resolved into "/' p.err
	grep -q '^mmap(NULL, 9, PROT_READ, MAP_PRIVATE, 3, 0)' p.out
	grep -q '^pselect6(4, \[3\]' p.out
	grep -q '^poll(\[{fd=9,' p.out
	grep -q '^read(4, "path one\\n", 32)' p.out
	run grep -c . p.out
	[ "$output" -eq 15 ]
}

@test "-P with a path that does not exist: only the calls naming it" {
	compare paths -P p2.txt
	run cat p.out
	assert_line --index 0 --regexp '^newfstatat\(AT_FDCWD, "p2.txt", 0x[0-9a-f]+, 0\) += -1 ENOENT'
	assert_line --index 1 --regexp '^access\("p2.txt", F_OK\) += -1 ENOENT'
	assert_line --index 2 '+++ exited with 0 +++'
	[ ! -s p.err ]
}

@test "-P with two paths, and with -f (the seccomp filter)" {
	PRE=p1.txt
	compare paths -P p2.txt -P p1.txt
	grep -q '^access("p2.txt"' p.out
	grep -q '^dup2(3, 9)' p.out
	compare paths -f -P p1.txt -P p2.txt -e trace=all
	grep -q '^PID rename("p1.txt", "p1.moved")' p.out
}

@test "-P: an absolute path is not announced; the empty path" {
	PRE=p1.txt
	compare paths -P "$BATS_TEST_TMPDIR/p1.txt"
	[ ! -s p.err ]
	grep -q '^newfstatat(3, ""' p.out
	compare paths -P ''
	grep -q '^newfstatat(3, "", {st_mode=S_IFREG|0644, st_size=9,' p.out
	run grep -c '^openat' p.out
	[ "$output" -eq 0 ]
}

@test "-P: more than 256 paths are refused" {
	local args=() i
	for i in $(seq 1 257); do
		args+=(-P "/p$i")
	done
	run ptstrace "${args[@]}" true
	assert_failure 2
	assert_output --partial "too many -P"
}

@test "long forms --read=, --write=, --trace-path=; -e quiet=path-resolution" {
	compare io --read=3 --write=1 -e trace=write,readv
	grep -q '^ \* 8 bytes in buffer 0$' p.out
	grep -q '^ | 00000  68 65 6c 6c 6f 0a ' p.out
	PRE=p1.txt
	compare paths --trace-path=p1.txt -e quiet=path-resolution
	[ ! -s p.err ]
	grep -q '^dup2(3, 9)' p.out
}

@test "-e write=: a buffer that runs into an unmapped page" {
	compare fault -e write=3 -e trace=write
	grep -q '^ | <Cannot fetch 34464 bytes from pid PID @0x' p.out
	grep -q '^strace: umoven: short read (4096 < 34464) @0x' p.err
}
