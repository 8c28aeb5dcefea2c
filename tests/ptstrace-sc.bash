# Syscall names for the ptstrace suites on every CPU (loaded by
# tests/ptstrace.bats and tests/ptstrace-compare.bats).

# The generic syscall table (aarch64) has no mkdir, access, dup2, vfork
# ...: the C library makes the *at call or its successor instead.
generic_sc() {
	[ "$(uname -m)" = aarch64 ]
}

# scs LIST: the comma list of syscalls with each call the generic table
# lacks replaced by the one the C library makes there.
scs() {
	local n out= IFS=,

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
