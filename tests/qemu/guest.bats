#!/usr/bin/env bats
# guest.bats: facts about the qemu guest itself (tests/qemu/run.sh copies
# this file into the guest's tests/ as qemu-guest.bats).  They fail when
# the build is for the wrong CPU or the guest lacks what the suites need.

load helper

# e_machine of an ELF file, decimal.
machine() {
	od -An -tu2 -j18 -N2 "$1" | tr -d ' '
}

@test "guest: the kernel runs the CPU the build is for" {
	. /etc/ptools-qemu.env
	case $ARCH in
	aarch64) assert_equal "$(uname -m)" aarch64 ;;
	i386) assert_equal "$(uname -m)" x86_64 ;;
	ppc64le) assert_equal "$(uname -m)" ppc64le ;;
	arm) assert_equal "$(uname -m)" armv7l ;;
	*) fail "unknown ARCH $ARCH" ;;
	esac
}

@test "guest: tracees are built for the guest's CPU" {
	. /etc/ptools-qemu.env
	case $ARCH in
	aarch64) want=183 ;;
	i386) want=3 ;;
	ppc64le) want=21 ;;
	arm) want=40 ;;
	esac
	for f in "$PTOOLS_TARGETS"/*; do
		[ -f "$f" ] || continue
		assert_equal "$(machine "$f") $f" "$want $f"
	done
}

@test "guest: a dynamic tracee starts and prints its pid" {
	start_target basic
	run cat "$TOUT"
	assert_output "ready $TPID"
	assert_untouched "$TPID"
}

@test "guest: nm gives the tracee's symbols" {
	run sym_addr basic counter_u32
	assert_success
	assert_output --regexp '^0x[0-9a-f]+$'
}

@test "guest: the reference strace runs" {
	run strace -qq -o "$BATS_TEST_TMPDIR/st" -e trace=write echo hi
	assert_success
	assert_output hi
	run cat "$BATS_TEST_TMPDIR/st"
	assert_output --regexp '^write\(1, "hi\\n", 3\) += 3$'
}
