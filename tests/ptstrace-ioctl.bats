#!/usr/bin/env bats
# ioctl requests: the name table generated from the kernel headers at
# build time (mk/ioctlgen.sh, $B/gen/ioctls.txt), and ptstrace's ioctl
# lines against strace's own on the same tracee (tests/targets/ioctls.c:
# requests on /dev/null, a pipe and a socket), address randomisation
# off.

load helper

setup() {
	cd "$BATS_TEST_TMPDIR" || exit 1
	T=$PTOOLS_TARGETS
	TOP=${PTOOLS_TOP:-$BATS_TEST_DIRNAME/..}
	TABLE=$TOP/${B:-build}/gen/ioctls.txt
}

# compare OPTS: trace the ioctls of the tracee with both tracers and
# options OPTS (word-split); pipe and socket inode numbers aside, the
# outputs and exit statuses must agree.
compare() {
	local src=0 prc=0

	command -v strace >/dev/null || skip "strace is not installed"
	# shellcheck disable=SC2086
	setarch -R strace $1 -o s.out -e trace=ioctl "$T/ioctls" \
	    >/dev/null 2>&1 || src=$?
	# shellcheck disable=SC2086
	setarch -R ptstrace $1 -o p.out -e trace=ioctl "$T/ioctls" \
	    >/dev/null 2>&1 || prc=$?
	sed -E 's/(pipe|socket):\[[0-9]+\]/\1:[INO]/g' s.out >s.norm
	sed -E 's/(pipe|socket):\[[0-9]+\]/\1:[INO]/g' p.out >p.norm
	run diff -u s.norm p.norm
	assert_success
	[ "$src" -eq "$prc" ] || fail "exit status: strace $src, ptstrace $prc"
	# the comparison is not vacuous
	[ "$(grep -c '^ioctl(' s.norm)" -ge 30 ]
}

@test "ioctl: the generated table holds the headers' requests" {
	[ -f "$TABLE" ] || fail "$TABLE is missing"
	[ "$(wc -l <"$TABLE")" -gt 1000 ]
	# sorted by number, then name, one "0xNUMBER NAME" per line
	run awk 'NF != 2 || $1 !~ /^0x[0-9a-f]{8}$/' "$TABLE"
	assert_output ""
	LC_ALL=C sort -c -k1,1 -k2,2 "$TABLE"
	grep -qx '0x0000541b FIONREAD' "$TABLE"
	grep -qx '0x00005401 TCGETS' "$TABLE"
	grep -qx '0x0000b701 NS_GET_USERNS' "$TABLE"
	grep -qx '0x80045200 RNDGETENTCNT' "$TABLE"
	grep -qx '0x80044501 EVIOCGVERSION' "$TABLE"
	grep -qx '0x40049409 BTRFS_IOC_CLONE' "$TABLE"
	grep -qx '0x40049409 FICLONE' "$TABLE"
	# a definition continued on the next line
	grep -q ' PTP_SYS_OFFSET_PRECISE$' "$TABLE"
	# the size is the CPU's: size_t and long differ between ABIs
	case $(uname -m) in
	x86_64 | aarch64)
		grep -qx '0x80081270 BLKBSZGET' "$TABLE"
		grep -qx '0xc0045877 FIFREEZE' "$TABLE"
		;;
	i?86) grep -qx '0x80041270 BLKBSZGET' "$TABLE" ;;
	esac
	# a name that only extends the one before it with the same number
	# (strace's rule) is left out, and so are other CPUs' KVM requests
	run grep -c ' KVM_S390_' "$TABLE"
	assert_output 0
}

@test "ioctl: names, absent arguments and numbers as strace shows them" {
	compare ""
	grep -qx 'ioctl([0-9]*, FIFREEZE) *= -1 EOPNOTSUPP (Operation not supported)' p.out
	grep -q '^ioctl([0-9]*, FASTRPC_IOCTL_INIT_ATTACH or RNDZAPENTCNT) ' p.out
	grep -q '^ioctl([0-9]*, EVIOCGBIT(EV_KEY, 8), 0x' p.out
	grep -q '^ioctl([0-9]*, _IOC(_IOC_NONE, 0x51, 0x33, 0), 0x7) ' p.out
	grep -q '^ioctl([0-9]*, FIONREAD, \[5\]) *= 0$' p.out
}

@test "ioctl: -X raw and -X verbose" {
	compare -Xraw
	grep -q '^ioctl([0-9]*, 0xc0045877) ' p.out
	compare -Xverbose
	grep -q '^ioctl([0-9]*, 0x80084521 /\* EVIOCGBIT(EV_KEY, 8) \*/, 0x' p.out
}

@test "ioctl: -y and -v" {
	compare -y
	grep -q '^ioctl([0-9]*<socket:\[[0-9]*\]>, FIONBIO, \[1\]) *= 0$' p.out
	compare -v
}

@test "ioctl: --json names the request" {
	ptstrace --json -o p.json -e trace=ioctl "$T/ioctls"
	grep -q '"args":\[[0-9]*,"FIFREEZE"\]' p.json
	grep -q '"args":\[[0-9]*,"FIONREAD",\[5\]\]' p.json
}

@test "ioctl: the generator refuses a compiler without the kernel headers" {
	run env CC=false sh "$TOP/mk/ioctlgen.sh" "$BATS_TEST_TMPDIR/gen"
	assert_failure 1
	assert_output --partial 'finds no <linux/ioctl.h>'
	run sh "$TOP/mk/ioctlgen.sh"
	assert_failure 2
	assert_output --partial 'usage:'
}
