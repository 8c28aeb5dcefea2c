#!/usr/bin/env bats
# ptstrace's constant styles (-X raw|abbrev|verbose, --const-print-style)
# and undecoded calls (-e raw=SET) against strace itself: the same
# tracee programs under both, address randomisation off, process ids
# normalised.  The syscall sets are those whose decoding
# tests/ptstrace-compare.bats already finds identical, so a difference
# here is about the style.

load helper
load ptstrace-sc

setup() {
	COMPARE_DROP=
	sc_setup
}

# style OPTS TARGET SET [ARGS...]: compare TARGET's trace under both
# tracers with COMPARE_OPTS=OPTS; OPTS must have changed the output
# unless CHANGE=no (an -X style that shows some constant differently
# from the default is the point of the test).  strace shows the calls
# its table does not know whatever the trace set (sc-calls makes one):
# those lines go unless SET is "all".
style() {
	local COMPARE_DROP=$COMPARE_DROP

	[ "$3" = all ] || COMPARE_DROP=${COMPARE_DROP:+$COMPARE_DROP|}^syscall_0x
	COMPARE_OPTS=$1
	shift
	compare "$@"
	if [ "${CHANGE:-yes}" = yes ]; then
		setarch -R strace -e signal=none -o d.out -e trace="$(scs "$2")" \
		    "$T/$1" "${@:3}" >/dev/null 2>&1 || true
		normalise d.out | drop >d.norm
		! cmp -s d.norm s.norm || fail "'$COMPARE_OPTS' changed nothing"
	fi
}

SC_SET=brk,mmap,access,openat,newfstatat,close,read,pread64,write,pwrite64,fsync,lseek,fcntl,faccessat2,rename,truncate,chmod,unlink,mkdir,rmdir,readlink,pipe2,dup2,dup3,mprotect,madvise,munmap,rt_sigaction,rt_sigprocmask,clone,wait4,socket,setsockopt,connect,sendto,recvfrom,socketpair,shutdown,clock_nanosleep,poll,pselect6,epoll_create1,epoll_ctl,epoll_wait,eventfd2,timerfd_create,timerfd_settime,prlimit64,prctl,umask,getcwd,getrandom,arch_prctl,exit_group

@test "xlat: -X raw on one call of each decoded kind (sc-calls)" {
	style "-Xraw -e signal=none" sc-calls all
	# numbers where names were
	grep -q '^openat(-100, "sc-calls.tmp", 0x80241, 0640) = [0-9]*$' p.out
	grep -q '^rt_sigprocmask(0, \[17 37\], NULL, 8) ' p.out
}

@test "xlat: -X verbose on one call of each decoded kind (sc-calls)" {
	style "-Xverbose -e signal=none" sc-calls all
	grep -q '0x80241 /\* O_WRONLY|O_CREAT|O_TRUNC|O_CLOEXEC \*/' p.out
	grep -q 'flags=0x1200000 /\* CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID \*/|17 /\* SIGCHLD \*/' p.out
}

@test "xlat: --const-print-style= is -X" {
	style "--const-print-style=raw -e signal=none" sc-calls "$SC_SET"
	style "--const-print-style=verbose -e signal=none" sc-calls "$SC_SET"
}

@test "xlat: -X abbrev is the default style" {
	CHANGE=no style "-Xabbrev -e signal=none" sc-calls "$SC_SET"
	setarch -R ptstrace -e signal=none -o q.out -e trace="$SC_SET" \
	    "$T/sc-calls" >/dev/null 2>&1
	# the environments differ, and so do stack addresses
	normalise q.out | grep -v '^syscall_0x' | sed -E 's/0x7fff[0-9a-f]+/STACK/g' >q.norm
	sed -i -E 's/0x7fff[0-9a-f]+/STACK/g' p.norm
	run diff -u q.norm p.norm
	assert_success
	# the last -X given wins
	CHANGE=no style "-Xraw -Xabbrev -e signal=none" sc-calls "$SC_SET"
}

@test "xlat: -X raw and verbose on files (st-files)" {
	local set=mkdir,rmdir,unlink,rename,symlink,readlink,chmod,truncate,umask,chdir,getcwd,access,openat,close,read,write,lseek,pread64,dup,dup2,fcntl,fsync,exit_group
	style -Xraw st-files "$set"
	style -Xverbose st-files "$set"
	# a struct stat's mode: octal, then the names in a comment
	style "-Xverbose -e signal=none" sc-calls newfstatat,exit_group
	grep -q 'st_mode=0100640 /\* S_IFREG|0640 \*/' p.out
}

@test "xlat: -X raw and verbose on signals (st-signals)" {
	local set=rt_sigaction,rt_sigprocmask,kill,exit_group
	style -Xraw st-signals "$set"
	style -Xverbose st-signals "$set"
	style -Xraw st-signals "$set" segv
	style -Xverbose st-signals "$set" segv
}

@test "xlat: -X raw and verbose on memory, pipes and polls" {
	style -Xraw st-memory mmap,mprotect,munmap,madvise,mremap,msync,mlock,munlock,brk,exit_group
	style -Xverbose st-memory mmap,mprotect,munmap,madvise,mremap,msync,mlock,munlock,brk,exit_group
	style -Xraw st-poll pipe2,pipe,poll,select,read,write,epoll_create1,epoll_ctl,epoll_wait,eventfd2,nanosleep,clock_nanosleep,close
	style -Xverbose st-poll pipe2,pipe,poll,select,read,write,epoll_create1,epoll_ctl,epoll_wait,eventfd2,nanosleep,clock_nanosleep,close
}

@test "xlat: -X raw and verbose on sockets (st-sockets)" {
	# getsockname's port is the kernel's choice
	local set=socketpair,socket,bind,listen,connect,sendto,recvfrom,shutdown,setsockopt,close,unlink
	style -Xraw st-sockets "$set"
	style -Xverbose st-sockets "$set"
	grep -qF 'sin_port="\x00\x00" /* htons(0) */, sin_addr="\x7f\x00\x00\x01" /* inet_addr("127.0.0.1") */}' p.out
}

@test "xlat: -X raw and verbose on composite constants (st-xlat)" {
	local set=ioctl,utimensat,statx,shmget,shmctl,semget,semctl,futex,ioprio_set,ioprio_get
	CHANGE=no style -Xabbrev st-xlat "$set"
	style -Xraw st-xlat "$set"
	grep -q '^ioctl([0-9]*, 0x80045a42, 0x' p.out
	grep -q '^statx(-100, "st-xlat.tmp", |0x100, 0x200, ' p.out
	grep -q '^ioprio_get(0x1, 0) *= 16388$' p.out
	style -Xverbose st-xlat "$set"
	grep -q 'ioctl([0-9]*, 0x5401 /\* TCGETS \*/, ' p.out
	grep -qF '{tv_sec=0, tv_nsec=1073741823} /* UTIME_NOW */' p.out
	grep -qF '0x600 /* IPC_CREAT|IPC_EXCL */|0600' p.out
	grep -qF '16388 /* IOPRIO_PRIO_VALUE(0x2 /* IOPRIO_CLASS_BE */, 4) */' p.out
}

@test "xlat: -X raw and verbose with -y (AT_FDCWD and its directory)" {
	style "-Xraw -y -e signal=none" sc-calls openat,newfstatat,faccessat2,close,exit_group
	grep -q '^openat(-100</' p.out
	style "-Xverbose -y -e signal=none" sc-calls openat,newfstatat,faccessat2,close,exit_group
	grep -q '^openat(-100 /\* AT_FDCWD \*/</' p.out
}

@test "xlat: -e raw=all shows every argument undecoded" {
	style "-e raw=all -e signal=none" sc-calls "$SC_SET"
	grep -q '^openat(0xffffff9c, 0x[0-9a-f]*, 0x80241, 0x1a0) = 0x[0-9a-f]*$' p.out
	grep -q '^read(0x14, 0x[0-9a-f]*, 0x80) *= -1 EAGAIN (Resource temporarily unavailable)$' p.out
	# an unknown syscall: six arguments either way; execve's are
	# addresses in the tracer's copy of the program at that point
	COMPARE_DROP='^execve\(' style "-e raw=all -e signal=none" sc-calls all
	grep -q '^syscall_0x3039(0x1, 0x2, 0x3, 0x4, 0x5, 0x6) = -1 ENOSYS ' p.out
}

@test "xlat: -e raw=SET leaves the other calls decoded" {
	style "-e raw=openat,read,rt_sigaction -e signal=none" sc-calls "$SC_SET"
	grep -q '^close([0-9]*) ' p.out
	grep -q '^rt_sigaction(0xa, 0x' p.out
	style "-e raw=!openat -e signal=none" sc-calls "$SC_SET"
	grep -q '^openat(AT_FDCWD, ' p.out
	# raw calls stay raw whatever the constant style
	style "-e raw=%file -Xverbose -e signal=none" sc-calls "$SC_SET"
	grep -q '^openat(0xffffff9c, ' p.out
	grep -q '^rt_sigaction(10 /\* SIGUSR1 \*/, ' p.out
}

@test "xlat: --json keeps the names whatever -X says" {
	ptstrace --json -Xraw -o j.out -e trace=openat "$T/sc-calls" >/dev/null 2>&1
	grep -q '"args":\["AT_FDCWD","sc-calls.tmp","O_WRONLY|O_CREAT|O_TRUNC|O_CLOEXEC",' j.out
	run grep -c '0x80241' j.out
	assert_output 0
}

@test "xlat: bad -X and --const-print-style values are refused" {
	run ptstrace -Xbogus true
	assert_failure 2
	assert_output --partial "invalid -X argument: 'bogus'"
	run ptstrace --const-print-style=none true
	assert_failure 2
	assert_output --partial "invalid --const-print-style argument: 'none'"
	run ptstrace -X '' true
	assert_failure 2
	run ptstrace -e raw=nosuchcall true
	assert_failure 2
	assert_output --partial "invalid system call 'nosuchcall'"
}
