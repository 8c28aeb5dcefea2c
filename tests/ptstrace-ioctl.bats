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
	# (grep -E: mawk before 2020 has no {N} in its regular expressions)
	run grep -Ev '^0x[0-9a-f]{8} [^ ]+$' "$TABLE"
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

# Structures passed on descriptor -1 (tests/targets/ioctl-structs.c):
# the kernel reads nothing, so every byte shown is the tracee's own.
@test "ioctl: structure arguments as strace shows them" {
	ptstrace -o p.out -e trace=ioctl "$T/ioctl-structs"
	sed -E 's/ +=/ =/' p.out >p.norm
	cat >want <<'WANT'
ioctl(-1, FITRIM, {start=0xdeadbeefcafef00d, len=4096, minlen=512}) = -1 EBADF (Bad file descriptor)
ioctl(-1, FS_IOC_FSSETXATTR, {fsx_xflags=FS_XFLAG_IMMUTABLE|FS_XFLAG_HASATTR, fsx_extsize=7, fsx_projid=0x2a, fsx_cowextsize=0}) = -1 EBADF (Bad file descriptor)
ioctl(-1, FS_IOC_FSGETXATTR, NULL) = -1 EBADF (Bad file descriptor)
ioctl(-1, FS_IOC_SETFLAGS, [FS_IMMUTABLE_FL|0x8000000]) = -1 EBADF (Bad file descriptor)
ioctl(-1, FS_IOC_SETFLAGS, [0xd000000 /* FS_???_FL */]) = -1 EBADF (Bad file descriptor)
ioctl(-1, FS_IOC_FIEMAP, {fm_start=1, fm_length=2, fm_flags=FIEMAP_FLAG_SYNC, fm_extent_count=1}) = -1 EBADF (Bad file descriptor)
ioctl(-1, COUNTER_ADD_WATCH_IOCTL, {component={type=COUNTER_COMPONENT_COUNT, scope=0x9 /* COUNTER_SCOPE_??? */, parent=1, id=0}, event=COUNTER_EVENT_INDEX, channel=2}) = -1 EBADF (Bad file descriptor)
ioctl(-1, SECCOMP_IOCTL_NOTIF_SEND, {id=0x1234, val=-1, error=-ENOENT, flags=SECCOMP_USER_NOTIF_FLAG_CONTINUE}) = -1 EBADF (Bad file descriptor)
ioctl(-1, HDIO_GETGEO, NULL) = -1 EBADF (Bad file descriptor)
ioctl(-1, HDIO_DRIVE_CMD, {command=ATA_CMD_WRITE, sector_number=1, feature=2, sector_count=0}) = -1 EBADF (Bad file descriptor)
ioctl(-1, HDIO_SET_NICE, 1 << IDE_NICE_DSC_OVERLAP|1 << IDE_NICE_ATAPI_OVERLAP|1 << IDE_NICE_2) = -1 EBADF (Bad file descriptor)
ioctl(-1, TIOCMBIS, [TIOCM_DTR|TIOCM_RTS]) = -1 EBADF (Bad file descriptor)
ioctl(-1, LIRC_SET_REC_MODE, [LIRC_MODE_PULSE]) = -1 EBADF (Bad file descriptor)
ioctl(-1, RNDADDENTROPY, {entropy_count=3, buf_size=4, buf="abcd"}) = -1 EBADF (Bad file descriptor)
ioctl(-1, INOTIFY_IOC_SETNEXTWD, -1) = -1 EBADF (Bad file descriptor)
ioctl(-1, EVIOCSKEYCODE, [7, KEY_ESC]) = -1 EBADF (Bad file descriptor)
ioctl(-1, EVIOCSREP, [250, 33]) = -1 EBADF (Bad file descriptor)
ioctl(-1, EVIOCSFF, {type=FF_RUMBLE, id=-1, direction=0, ...}) = -1 EBADF (Bad file descriptor)
ioctl(-1, EVIOCGABS(ABS_Y), NULL) = -1 EBADF (Bad file descriptor)
ioctl(-1, RTC_SET_TIME, {tm_sec=1, tm_min=2, tm_hour=3, tm_mday=4, tm_mon=5, tm_year=126, ...}) = -1 EBADF (Bad file descriptor)
ioctl(-1, LOOP_SET_STATUS64, {lo_offset=0x200, lo_number=7, lo_flags=LO_FLAGS_AUTOCLEAR, lo_file_name="disk.img", ...}) = -1 EBADF (Bad file descriptor)
ioctl(-1, BLKDISCARD, [4096, 8192]) = -1 EBADF (Bad file descriptor)
ioctl(-1, UBI_IOCRSVOL, {bytes=1048576, vol_id=3}) = -1 EBADF (Bad file descriptor)
ioctl(-1, MIXER_WRITE(2) or MEMERASE, {start=0x1000, length=0x2000}) = -1 EBADF (Bad file descriptor)
ioctl(-1, PTP_EXTTS_REQUEST2, {index=2, flags=PTP_ENABLE_FEATURE, rsv=[0, 0x7]}) = -1 EBADF (Bad file descriptor)
ioctl(-1, GPIO_V2_LINE_SET_VALUES_IOCTL, {bits=0x5, mask=0xf}) = -1 EBADF (Bad file descriptor)
ioctl(-1, NBD_SET_FLAGS, NBD_FLAG_HAS_FLAGS|NBD_FLAG_READ_ONLY) = -1 EBADF (Bad file descriptor)
ioctl(-1, TCSETS2, {c_iflag=ICRNL, c_oflag=NL0|CR0|XTABS|BS0|VT0|FF0|OPOST, c_cflag=B600|B1800<<IBSHIFT|CS8|CREAD, c_lflag=ECHO|TOSTOP, ...}) = -1 EBADF (Bad file descriptor)
ioctl(-1, SG_SCSI_RESET, [SG_SCSI_RESET_NO_ESCALATE|SG_SCSI_RESET_DEVICE]) = -1 EBADF (Bad file descriptor)
ioctl(100, NS_GET_NSTYPE) = 268435456 (CLONE_NEWUSER)
+++ exited with 0 +++
WANT
	run diff -u want p.norm
	assert_success
}

@test "ioctl: structure fields under -X verbose and -X raw" {
	ptstrace -Xverbose -o p.out -e trace=ioctl "$T/ioctl-structs"
	sed -i -E 's/ +=/ =/' p.out
	grep -qxF 'ioctl(-1, 0x40086602 /* FS_IOC_SETFLAGS */, [0x8000010 /* FS_IMMUTABLE_FL|0x8000000 */]) = -1 EBADF (Bad file descriptor)' p.out
	grep -qxF 'ioctl(-1, 0x40086602 /* FS_IOC_SETFLAGS */, [0xd000000 /* FS_???_FL */]) = -1 EBADF (Bad file descriptor)' p.out
	grep -qxF 'ioctl(-1, 0x31f /* HDIO_DRIVE_CMD */, {command=0xca /* ATA_CMD_WRITE */, sector_number=1, feature=2, sector_count=0}) = -1 EBADF (Bad file descriptor)' p.out
	grep -qxF 'ioctl(-1, 0x80184541 /* EVIOCGABS(ABS_Y) */, NULL) = -1 EBADF (Bad file descriptor)' p.out
	grep -qF ', c_cflag=0x8 /* B600 */|0xa /* B1800 */<<0x10 /* IBSHIFT */|0x30 /* CS8 */|0x80 /* CREAD */, ' p.out
	ptstrace -Xraw -o p.out -e trace=ioctl "$T/ioctl-structs"
	sed -i -E 's/ +=/ =/' p.out
	grep -qxF 'ioctl(-1, 0x40086602, [0xd000000]) = -1 EBADF (Bad file descriptor)' p.out
	grep -qxF 'ioctl(-1, 0xc0182101, {id=0x1234, val=-1, error=-2, flags=0x1}) = -1 EBADF (Bad file descriptor)' p.out
	grep -qxF 'ioctl(100, 0xb703) = 268435456 (CLONE_NEWUSER)' p.out
}

@test "ioctl: -v shows a structure's every field" {
	ptstrace -v -o p.out -e trace=ioctl "$T/ioctl-structs"
	sed -i -E 's/ +=/ =/' p.out
	grep -qxF 'ioctl(-1, RTC_SET_TIME, {tm_sec=1, tm_min=2, tm_hour=3, tm_mday=4, tm_mon=5, tm_year=126, tm_wday=6, tm_yday=7, tm_isdst=0}) = -1 EBADF (Bad file descriptor)' p.out
	grep -qF ', c_line=0x90 /* N_??? */, c_cc=[[VINTR]=0, ' p.out
	grep -qF ', [VEOL2]=0, [17]=0, [18]=0], c_ispeed=1800, c_ospeed=600}) = -1 EBADF' p.out
	grep -qxF 'ioctl(-1, LOOP_SET_STATUS64, {lo_device=makedev(0, 0), lo_inode=0, lo_rdevice=makedev(0, 0), lo_offset=0x200, lo_sizelimit=0, lo_number=7, lo_encrypt_type=LO_CRYPT_NONE, lo_encrypt_key_size=0, lo_flags=LO_FLAGS_AUTOCLEAR, lo_file_name="disk.img", lo_crypt_name="", lo_encrypt_key="", lo_init=[0, 0]}) = -1 EBADF (Bad file descriptor)' p.out
	grep -qxF 'ioctl(-1, EVIOCSFF, {type=FF_RUMBLE, id=-1, direction=0, trigger={button=0, interval=0}, replay={length=0, delay=0}, rumble={strong_magnitude=100, weak_magnitude=50}}) = -1 EBADF (Bad file descriptor)' p.out
}

@test "ioctl: -e verbose=none shows structures as addresses" {
	ptstrace -e verbose=none -o p.out -e trace=ioctl "$T/ioctl-structs"
	grep -qE '^ioctl\(-1, FITRIM, 0x[0-9a-f]+\) += -1 EBADF' p.out
	grep -qE '^ioctl\(-1, FS_IOC_FSGETXATTR, NULL\) += -1 EBADF' p.out
	# values passed in the argument itself still print
	grep -qE '^ioctl\(-1, NBD_SET_FLAGS, NBD_FLAG_HAS_FLAGS\|NBD_FLAG_READ_ONLY\) += -1 EBADF' p.out
}

# Socket requests on descriptor -1 (tests/targets/ioctl-sock.c): the
# values the tracee passed (socket addresses too short for their family
# or of none known as their bytes), a "get" request's name without its
# answer.
@test "ioctl: socket requests and struct ifreq" {
	ptstrace -o p.out -e trace=ioctl "$T/ioctl-sock"
	sed -E 's/ +=/ =/' p.out | grep '^ioctl(-1, ' | grep -v SIOCATMARK >p.norm
	cat >want <<'WANT'
ioctl(-1, FIOSETOWN, NULL) = -1 EBADF (Bad file descriptor)
ioctl(-1, FIOSETOWN, [4321]) = -1 EBADF (Bad file descriptor)
ioctl(-1, SIOCBRADDBR, "br0") = -1 EBADF (Bad file descriptor)
ioctl(-1, SIOCADDRT, NULL) = -1 EBADF (Bad file descriptor)
ioctl(-1, SIOCSIFADDR, {ifr_name="lo", ifr_addr={sa_family=AF_INET, sin_port=htons(80), sin_addr=inet_addr("127.0.0.1")}}) = -1 EBADF (Bad file descriptor)
ioctl(-1, SIOCSIFFLAGS, {ifr_name="lo", ifr_flags=IFF_UP|IFF_LOOPBACK|IFF_RUNNING}) = -1 EBADF (Bad file descriptor)
ioctl(-1, SIOCSIFHWADDR, {ifr_name="lo", ifr_hwaddr={sa_family=ARPHRD_ETHER, sa_data=02:00:5e:10:20:30}}) = -1 EBADF (Bad file descriptor)
ioctl(-1, SIOCSIFMTU, {ifr_name="lo", ifr_mtu=1500}) = -1 EBADF (Bad file descriptor)
ioctl(-1, SIOCSIFNAME, {ifr_name="xxxxxxxxxxxxxxx"..., ifr_newname="eth1"}) = -1 EBADF (Bad file descriptor)
ioctl(-1, SIOCSIFMAP, {ifr_name="lo", ifr_map={mem_start=0xd0000, mem_end=0, base_addr=0, irq=0xb, dma=0, port=0}}) = -1 EBADF (Bad file descriptor)
ioctl(-1, SIOCSIFNETMASK, {ifr_name="lo", ifr_netmask={sa_family=AF_INET6, sa_data="AAAAAAAAAAAAAA"}}) = -1 EBADF (Bad file descriptor)
ioctl(-1, SIOCSIFDSTADDR, {ifr_name="lo", ifr_dstaddr={sa_family=0xc8 /* AF_??? */, sa_data="BBBBBBBBBBBBBB"}}) = -1 EBADF (Bad file descriptor)
ioctl(-1, SIOCSIFBRDADDR, {ifr_name="lo", ifr_broadaddr={sa_family=AF_NETLINK, nl_pad=0x1, nl_pid=7, nl_groups=0x000010}}) = -1 EBADF (Bad file descriptor)
ioctl(-1, SIOCADDMULTI, {ifr_name="lo", ifr_hwaddr={sa_family=ARPHRD_IEEE1394, sa_data=01:02:03:04:05:06:07:08:09:0a:0b:0c:0d:0e}}) = -1 EBADF (Bad file descriptor)
ioctl(-1, SIOCGIFFLAGS, {ifr_name="lo"}) = -1 EBADF (Bad file descriptor)
WANT
	run diff -u want p.norm
	assert_success
	# a value the kernel would write: the address when it did not
	grep -qE '^ioctl\(-1, SIOCATMARK, 0x[0-9a-f]+\) += -1 EBADF' p.out
	ptstrace -Xraw -o p.out -e trace=ioctl "$T/ioctl-sock"
	sed -i -E 's/ +=/ =/' p.out
	grep -qxF 'ioctl(-1, 0x8914, {ifr_name="lo", ifr_flags=0x49}) = -1 EBADF (Bad file descriptor)' p.out
	grep -qxF 'ioctl(-1, 0x8924, {ifr_name="lo", ifr_hwaddr={sa_family=0x1, sa_data="\x02\x00\x5e\x10\x20\x30\x00\x00\x00\x00\x00\x00\x00\x00"}}) = -1 EBADF (Bad file descriptor)' p.out
	ptstrace -Xverbose -o p.out -e trace=ioctl "$T/ioctl-sock"
	sed -i -E 's/ +=/ =/' p.out
	grep -qxF 'ioctl(-1, 0x8914 /* SIOCSIFFLAGS */, {ifr_name="lo", ifr_flags=0x49 /* IFF_UP|IFF_LOOPBACK|IFF_RUNNING */}) = -1 EBADF (Bad file descriptor)' p.out
}

# The same tracee's requests on a UDP socket: the loopback interface's
# flags, and SIOCGIFCONF's length before " => " and after, with the
# interfaces at exit (the loopback one is the first listed).
@test "ioctl: SIOCGIFFLAGS and SIOCGIFCONF on a socket" {
	[ "$(cat /sys/class/net/lo/flags 2>/dev/null)" = 0x9 ] ||
	    skip "the loopback interface is not up"
	ptstrace -o p.out -e trace=ioctl "$T/ioctl-sock"
	# the socket's number: bats holds descriptors of its own
	sed -E 's/ +=/ =/; s/^ioctl\([0-9]+, /ioctl(S, /' p.out |
	    grep '^ioctl(S, ' >p.norm
	lo='{ifr_name="lo", ifr_addr={sa_family=AF_INET, sin_port=htons(0), sin_addr=inet_addr("127.0.0.1")}}'
	# the size of the whole list depends on the host's interfaces
	grep -qE '^ioctl\(S, SIOCGIFCONF, \{ifc_len=[1-9][0-9]* /\* [1-9][0-9]* \* sizeof\(struct ifreq\) \*/, ifc_buf=NULL\}\) = 0$' p.norm
	grep -v 'ifc_buf=NULL' p.norm >p.rest
	cat >want <<WANT
ioctl(S, SIOCGIFFLAGS, {ifr_name="lo", ifr_flags=IFF_UP|IFF_LOOPBACK|IFF_RUNNING}) = 0
ioctl(S, SIOCGIFCONF, {ifc_len=40 /* 1 * sizeof(struct ifreq) */, ifc_buf=[$lo]}) = 0
ioctl(S, SIOCGIFCONF, {ifc_len=1 => 0, ifc_buf=[]}) = 0
ioctl(S, SIOCGIFCONF, {ifc_len=42 => 40 /* 1 * sizeof(struct ifreq) */, ifc_buf=[$lo]}) = 0
WANT
	run diff -u want p.rest
	assert_success
	# -e verbose=none: the structure still, the interfaces' address
	ptstrace -e verbose=none -o p.out -e trace=ioctl "$T/ioctl-sock"
	grep -qE '^ioctl\([0-9]+, SIOCGIFCONF, \{ifc_len=42 => 40 /\* 1 \* sizeof\(struct ifreq\) \*/, ifc_buf=0x[0-9a-f]+\}\) += 0$' p.out
	grep -qE '^ioctl\([0-9]+, SIOCGIFCONF, \{ifc_len=1 => 0, ifc_buf=\[\]\}\) += 0$' p.out
	# JSON: the values after the call
	ptstrace --json -o p.json -e trace=ioctl "$T/ioctl-sock"
	grep -qF ',"SIOCGIFCONF",{"ifc_len":0,"ifc_buf":[]}]' p.json
	grep -qF ',"SIOCGIFCONF",{"ifc_len":40,"ifc_buf":[{"ifr_name":"lo","ifr_addr":{"sa_family":"AF_INET","sin_port":0,' p.json
}

@test "ioctl: userfaultfd requests on no descriptor" {
	ptstrace -o p.out -e trace=ioctl "$T/ioctl-misc"
	sed -E 's/ +=/ =/' p.out | grep UFFDIO >p.norm
	cat >want <<'WANT'
ioctl(-1, UFFDIO_API, {api=0xaa, features=UFFD_FEATURE_EVENT_FORK|0x8000000000000000}) = -1 EBADF (Bad file descriptor)
ioctl(-1, UFFDIO_API, {api=0xaa, features=0x4000000000000000 /* UFFD_FEATURE_??? */}) = -1 EBADF (Bad file descriptor)
ioctl(-1, UFFDIO_API, NULL) = -1 EBADF (Bad file descriptor)
ioctl(-1, UFFDIO_REGISTER, {range={start=0x1000, len=0x2000}, mode=UFFDIO_REGISTER_MODE_MISSING|UFFDIO_REGISTER_MODE_WP}) = -1 EBADF (Bad file descriptor)
ioctl(-1, UFFDIO_COPY, {dst=0x3000, src=0x4000, len=0x1000, mode=UFFDIO_COPY_MODE_DONTWAKE|0x100}) = -1 EBADF (Bad file descriptor)
ioctl(-1, UFFDIO_ZEROPAGE, {range={start=0x5000, len=0x1000}, mode=0x10 /* UFFDIO_ZEROPAGE_??? */}) = -1 EBADF (Bad file descriptor)
ioctl(-1, UFFDIO_WAKE, {start=0x6000, len=0x7000}) = -1 EBADF (Bad file descriptor)
ioctl(-1, UFFDIO_UNREGISTER, 0x1) = -1 EBADF (Bad file descriptor)
WANT
	run diff -u want p.norm
	assert_success
	ptstrace -Xraw -o p.out -e trace=ioctl "$T/ioctl-misc"
	grep -qE '^ioctl\(-1, 0xc018aa3f, \{api=0xaa, features=0x8000000000000002\}\) += -1 EBADF' p.out
}

@test "ioctl: userfaultfd requests, what the kernel answers joining at exit" {
	ptstrace -o p.out -e trace=ioctl "$T/ioctl-misc" uffd 2>err
	if grep -q 'no uffd' err; then
		skip "no userfaultfd here"
	fi
	sed -E 's/ +=/ =/' p.out >p.norm
	# what the kernel supports varies: the parts of it every kernel has
	grep -qE '^ioctl\(42, UFFDIO_API, \{api=0xaa, features=0 => features=UFFD_FEATURE_[A-Za-z_|0-9]+, ioctls=1<<_UFFDIO_REGISTER\|1<<_UFFDIO_UNREGISTER\|1<<_UFFDIO_API\}\) = 0$' p.norm
	grep -qE '^ioctl\(42, UFFDIO_REGISTER, \{range=\{start=0x10000000, len=0x2000\}, mode=UFFDIO_REGISTER_MODE_MISSING, ioctls=1<<_UFFDIO_WAKE\|1<<_UFFDIO_COPY\|1<<_UFFDIO_ZEROPAGE[|0-9a-zA-Z_<]*\}\) = 0$' p.norm
	grep -v -e UFFDIO_API -e UFFDIO_REGISTER p.norm >p.rest
	cat >want <<'WANT'
ioctl(42, UFFDIO_COPY, {dst=0x10000000, src=0x10002000, len=0x1000, mode=UFFDIO_COPY_MODE_DONTWAKE, copy=0x1000}) = 0
ioctl(42, UFFDIO_COPY, {dst=0x10000000, src=0x10002000, len=0x1000, mode=0x10 /* UFFDIO_COPY_??? */}) = -1 EINVAL (Invalid argument)
ioctl(42, UFFDIO_ZEROPAGE, {range={start=0x10001000, len=0x1000}, mode=UFFDIO_ZEROPAGE_MODE_DONTWAKE, zeropage=0x1000}) = 0
ioctl(42, UFFDIO_WAKE, {start=0x10000000, len=0x2000}) = 0
ioctl(42, UFFDIO_UNREGISTER, {start=0x10000000, len=0x2000}) = 0
+++ exited with 0 +++
WANT
	run diff -u want p.rest
	assert_success
}

@test "ioctl: TEE requests, the indirect ones with their parameters" {
	ptstrace -o p.out -e trace=ioctl "$T/ioctl-misc"
	sed -E 's/ +=/ =/' p.out | grep TEE_IOC >p.norm
	cat >want <<'WANT'
ioctl(-1, TEE_IOC_VERSION, NULL) = -1 EBADF (Bad file descriptor)
ioctl(-1, TEE_IOC_CANCEL, {cancel_id=7, session=0xbeef}) = -1 EBADF (Bad file descriptor)
ioctl(-1, TEE_IOC_SHM_ALLOC, {size=0x2000, flags=TEE_IOCTL_SHM_MAPPED|0x80}) = -1 EBADF (Bad file descriptor)
ioctl(-1, TEE_IOC_INVOKE, {buf_len=88, buf_ptr={func=1, session=0x10, cancel_id=2, num_params=2, params=[{attr=TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_INPUT|TEE_IOCTL_PARAM_ATTR_META, a=0xa, b=0xb, c=0xc}, {attr=TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_INPUT, shm_offs=0x10, size=0x20, shm_id=3}]}}) = -1 EBADF (Bad file descriptor)
ioctl(-1, TEE_IOC_OPEN_SESSION, {buf_len=56, buf_ptr={uuid=10111213-1415-1617-1819-1a1b1c1d1e1f, clnt_login=TEE_IOCTL_LOGIN_GROUP, clnt_uuid=100, cancel_id=9, num_params=0, params=NULL}}) = -1 EBADF (Bad file descriptor)
ioctl(-1, TEE_IOC_SUPPL_SEND, {buf_len=2, buf_ptr=0x1}) = -1 EBADF (Bad file descriptor)
WANT
	run diff -u want p.norm
	assert_success
}

@test "ioctl: console requests: tones, lights, key maps, fonts" {
	ptstrace -o p.out -e trace=ioctl "$T/ioctl-misc"
	sed -E 's/ +=/ =/' p.out | sed -n '/KIOCSOUND/,$p' >p.all
	# the failed get shows where its table was
	grep -qE '^ioctl\(-1, KDGKBDIACR, 0x[0-9a-f]+\) = -1 EBADF' p.all
	grep -v KDGKBDIACR p.all >p.norm
	cat >want <<'WANT'
ioctl(-1, KIOCSOUND, 0 /* off */) = -1 EBADF (Bad file descriptor)
ioctl(-1, KIOCSOUND, 1193 /* 1000 Hz */) = -1 EBADF (Bad file descriptor)
ioctl(-1, KDMKTONE, 100<<16|2000 /* 596 Hz, 100 ms */) = -1 EBADF (Bad file descriptor)
ioctl(-1, KDSETLED, LED_NUM|LED_CAP|0x40) = -1 EBADF (Bad file descriptor)
ioctl(-1, KDSKBLED, LED_SCR|LED_NUM<<4) = -1 EBADF (Bad file descriptor)
ioctl(-1, KDSETMODE, KD_GRAPHICS) = -1 EBADF (Bad file descriptor)
ioctl(-1, KDSETMODE, 0x7 /* KD_??? */) = -1 EBADF (Bad file descriptor)
ioctl(-1, KDSKBMODE, K_UNICODE) = -1 EBADF (Bad file descriptor)
ioctl(-1, KDSKBMODE, -2 /* K_??? */) = -1 EBADF (Bad file descriptor)
ioctl(-1, KDSKBMETA, K_ESCPREFIX) = -1 EBADF (Bad file descriptor)
ioctl(-1, KDADDIO, 0x3c0 /* GPFIRST + 12 */) = -1 EBADF (Bad file descriptor)
ioctl(-1, KDSIGACCEPT, SIGUSR1) = -1 EBADF (Bad file descriptor)
ioctl(-1, KDGETLED, NULL) = -1 EBADF (Bad file descriptor)
ioctl(-1, KDGKBENT, {kb_table=K_SHIFTTAB, kb_index=30}) = -1 EBADF (Bad file descriptor)
ioctl(-1, KDSKBENT, {kb_table=K_SHIFTTAB, kb_index=30, kb_value=0x61 /* K(KT_LATIN, 'a') */}) = -1 EBADF (Bad file descriptor)
ioctl(-1, KDSKBENT, {kb_table=1<<KG_CTRL|1<<KG_ALT, kb_index=30, kb_value=0x100 /* K_F1 */}) = -1 EBADF (Bad file descriptor)
ioctl(-1, KDSKBENT, {kb_table=1<<KG_CTRL|1<<KG_ALT, kb_index=30, kb_value=0x503 /* K(KT_CONS, 0x3) */}) = -1 EBADF (Bad file descriptor)
ioctl(-1, KDSKBSENT, {kb_func=KVAL(K_F3), kb_string="\33[13~"}) = -1 EBADF (Bad file descriptor)
ioctl(-1, KDSKBDIACR, {kb_cnt=2, kbdiacr=[{diacr='`', base='e', result='\xe8'}, {diacr='\'', base='\t', result='\x00'}]}) = -1 EBADF (Bad file descriptor)
ioctl(-1, KDSETKEYCODE, {scancode=0x1e, keycode=0x30}) = -1 EBADF (Bad file descriptor)
ioctl(-1, KDKBDREP, {delay=250, period=-1}) = -1 EBADF (Bad file descriptor)
ioctl(-1, PIO_UNIMAP, {entry_ct=2, entries=[{unicode=0x263a, fontpos=0x1}, {unicode=0x263b, fontpos=0x2}]}) = -1 EBADF (Bad file descriptor)
ioctl(-1, KDFONTOP, {op=KD_FONT_OP_SET_DEFAULT, width=8, height=16, data="default8x16"}) = -1 EBADF (Bad file descriptor)
ioctl(-1, PIO_CMAP, "\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f"...) = -1 EBADF (Bad file descriptor)
+++ exited with 0 +++
WANT
	run diff -u want p.norm
	assert_success
}

@test "ioctl: console requests under -X raw and -X verbose" {
	ptstrace -Xraw -o p.out -e trace=ioctl "$T/ioctl-misc"
	sed -i -E 's/ +=/ =/' p.out
	grep -qxF 'ioctl(-1, 0x4b2f, 1193) = -1 EBADF (Bad file descriptor)' p.out
	grep -qxF 'ioctl(-1, 0x4b45, -2) = -1 EBADF (Bad file descriptor)' p.out
	grep -qxF 'ioctl(-1, 0x4b47, {kb_table=0xc, kb_index=30, kb_value=0x503}) = -1 EBADF (Bad file descriptor)' p.out
	ptstrace -Xverbose -o p.out -e trace=ioctl "$T/ioctl-misc"
	sed -i -E 's/ +=/ =/' p.out
	grep -qxF 'ioctl(-1, 0x4b65 /* KDSKBLED */, 0x21 /* LED_SCR|LED_NUM<<4 */) = -1 EBADF (Bad file descriptor)' p.out
	grep -qxF 'ioctl(-1, 0x4b45 /* KDSKBMODE */, -2 /* K_??? */) = -1 EBADF (Bad file descriptor)' p.out
	grep -qxF 'ioctl(-1, 0x4b47 /* KDSKBENT */, {kb_table=0x1 /* K_SHIFTTAB */, kb_index=30, kb_value=0x61 /* K(KT_LATIN, '"'a'"') */}) = -1 EBADF (Bad file descriptor)' p.out
	# JSON has the tone as the number it is
	ptstrace --json -o p.out -e trace=ioctl "$T/ioctl-misc"
	grep -qF '"args":[-1,"KDMKTONE",6555600]' p.out
}
