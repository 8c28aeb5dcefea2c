#!/usr/bin/env bats
# ptstrace's decoding of unknown constants and of the structures and
# arrays of System V IPC, openat2, memory policies, memfd, landlock and
# extended attributes (tests/targets/st-misc), of io_uring_setup,
# io_uring_register and keyctl (tests/targets/st-uring), line for line
# as strace 6.1 prints them.

load helper

setup() {
	cd "$BATS_TEST_TMPDIR" || exit 1
	T=$PTOOLS_TARGETS
}

MISC_SET=getrlimit,dup3,close_range,ioprio_get,inotify_init1,openat2,msgctl,shmget,set_mempolicy,get_mempolicy,mbind,move_pages,memfd_create,landlock_create_ruleset,landlock_add_rule,setxattr

# misc OPTS...: st-misc's trace with OPTS, without the column padding,
# its addresses and the kernel's landlock answer (a descriptor, or an
# error where landlock is off) replaced.
misc() {
	ptstrace -o out -e signal=none -e trace="${SET:-$MISC_SET}" "$@" \
	    "$T/st-misc"
	sed -E 's/\) +=/) =/; s/0x(7ff[0-9a-f]{9}|5[56][0-9a-f]{10})\b/ADDR/g;
	    s/^((landlock_[a-z_]+|mount|mount_setattr|reboot|kexec_load)\(.*\)) = .*/\1 = RESULT/' out
}

@test "misc: unknown values, structures and arrays as strace shows them" {
	run misc
	assert_success
	assert_output 'getrlimit(0x10 /* RLIMIT_??? */, NULL) = -1 EINVAL (Invalid argument)
dup3(0, 1, 0x1 /* O_??? */) = -1 EINVAL (Invalid argument)
close_range(4294967294, 4294967295, 0x1 /* CLOSE_RANGE_??? */) = -1 EINVAL (Invalid argument)
ioprio_get(0x5 /* IOPRIO_WHO_??? */, 0) = -1 EINVAL (Invalid argument)
inotify_init1(IN_NONBLOCK|0x1) = -1 EINVAL (Invalid argument)
openat2(-1, "st-misc.none", {flags=O_RDONLY|O_EXCL, resolve=RESOLVE_NO_XDEV, /* bytes 24..31 */ "\x80\x81\x82\x83\x84\x85\x86\x87"}, 32) = -1 E2BIG (Argument list too long)
openat2(-1, "st-misc.none", ADDR, 16) = -1 EINVAL (Invalid argument)
msgctl(-1, IPC_SET, {msg_perm={uid=1, gid=2, mode=0600}, msg_qbytes=100}) = -1 EINVAL (Invalid argument)
shmget(0x5e7a11, 4096, SHM_HUGETLB|21<<SHM_HUGE_SHIFT|0600) = -1 ENOENT (No such file or directory)
set_mempolicy(0x6 /* MPOL_??? */, NULL, 0) = -1 EINVAL (Invalid argument)
get_mempolicy([MPOL_DEFAULT], [0000000000000000], 65, NULL, 0) = 0
mbind(NULL, 0, MPOL_BIND|MPOL_F_STATIC_NODES, NULL, 0, MPOL_MF_STRICT|0x10) = -1 EINVAL (Invalid argument)
move_pages(0, 0, [], NULL, [], MPOL_MF_MOVE) = 0
memfd_create("st-misc", MFD_CLOEXEC|30<<MFD_HUGE_SHIFT) = -1 EINVAL (Invalid argument)
landlock_create_ruleset({handled_access_fs=LANDLOCK_ACCESS_FS_EXECUTE, ...}, 16, 0) = RESULT
landlock_add_rule(-1, LANDLOCK_RULE_PATH_BENEATH, {allowed_access=LANDLOCK_ACCESS_FS_EXECUTE, parent_fd=-1}, 0) = RESULT
setxattr("st-misc.none", "user.x", "ab", 3, XATTR_CREATE) = -1 ENOENT (No such file or directory)
+++ exited with 0 +++'
}

@test "misc: -X raw and -X verbose on composite and unknown values" {
	run misc -Xverbose
	assert_success
	assert_line 'getrlimit(0x10 /* RLIMIT_??? */, NULL) = -1 EINVAL (Invalid argument)'
	assert_line 'shmget(0x5e7a11, 4096, 0x800 /* SHM_HUGETLB */|21<<26 /* SHM_HUGE_SHIFT */|0600) = -1 ENOENT (No such file or directory)'
	assert_line 'mbind(NULL, 0, 0x8002 /* MPOL_BIND|MPOL_F_STATIC_NODES */, NULL, 0, 0x11 /* MPOL_MF_STRICT|0x10 */) = -1 EINVAL (Invalid argument)'
	assert_line 'memfd_create("st-misc", 0x78000001 /* MFD_CLOEXEC|30<<MFD_HUGE_SHIFT */) = -1 EINVAL (Invalid argument)'
	run misc -Xraw
	assert_success
	assert_line 'getrlimit(0x10, NULL) = -1 EINVAL (Invalid argument)'
	assert_line 'dup3(0, 1, 0x1) = -1 EINVAL (Invalid argument)'
	assert_line 'shmget(0x5e7a11, 4096, 0x800|21<<26|0600) = -1 ENOENT (No such file or directory)'
	assert_line 'mbind(NULL, 0, 0x8002, NULL, 0, 0x11) = -1 EINVAL (Invalid argument)'
	assert_line 'memfd_create("st-misc", 0x78000001) = -1 EINVAL (Invalid argument)'
}

@test "misc: -s cuts strings and the bytes past a structure, not paths" {
	run misc -s 4
	assert_success
	assert_line 'openat2(-1, "st-misc.none", {flags=O_RDONLY|O_EXCL, resolve=RESOLVE_NO_XDEV, /* bytes 24..31 */ "\x80\x81\x82\x83"...}, 32) = -1 E2BIG (Argument list too long)'
	assert_line 'memfd_create("st-m"..., MFD_CLOEXEC|30<<MFD_HUGE_SHIFT) = -1 EINVAL (Invalid argument)'
	assert_line 'setxattr("st-misc.none", "user"..., "ab", 3, XATTR_CREATE) = -1 ENOENT (No such file or directory)'
}

@test "misc: quotactl's command, id and data as each command takes them" {
	SET=quotactl run misc
	assert_success
	assert_output 'quotactl(QCMD(Q_SETQUOTA, GRPQUOTA), "st-misc.none", 1000, {dqb_bhardlimit=1, dqb_bsoftlimit=2, dqb_curspace=3, dqb_ihardlimit=4, dqb_isoftlimit=5, dqb_curinodes=6, ...}) = -1 ENOENT (No such file or directory)
quotactl(QCMD(Q_GETQUOTA, USRQUOTA), "st-misc.none", -1, ADDR) = -1 ENOENT (No such file or directory)
quotactl(QCMD(Q_QUOTAOFF, PRJQUOTA), "st-misc.none") = -1 ENOENT (No such file or directory)
quotactl(QCMD(0xbadc0d /* Q_??? */, 0xed /* ???QUOTA */), NULL, 7, NULL) = -1 EINVAL (Invalid argument)
+++ exited with 0 +++'
	SET=quotactl run misc -v -Xverbose
	assert_success
	assert_line 'quotactl(2147485697 /* QCMD(Q_SETQUOTA, GRPQUOTA) */, "st-misc.none", 1000, {dqb_bhardlimit=1, dqb_bsoftlimit=2, dqb_curspace=3, dqb_ihardlimit=4, dqb_isoftlimit=5, dqb_curinodes=6, dqb_btime=7, dqb_itime=8, dqb_valid=0x3f /* QIF_BLIMITS|QIF_SPACE|QIF_ILIMITS|QIF_INODES|QIF_BTIME|QIF_ITIME */}) = -1 ENOENT (No such file or directory)'
	assert_line 'quotactl(3134983661 /* QCMD(0xbadc0d /* Q_??? */, 0xed /* ???QUOTA */) */, NULL, 7, NULL) = -1 EINVAL (Invalid argument)'
	SET=quotactl run misc -Xraw
	assert_line 'quotactl(2147484418, "st-misc.none") = -1 ENOENT (No such file or directory)'
}

@test "misc: fanotify's class, flags, 64-bit event mask and FAN_NOFD" {
	SET=fanotify_init,fanotify_mark run misc
	assert_success
	assert_output 'fanotify_init(0xc /* FAN_CLASS_??? */|FAN_CLOEXEC, O_RDONLY) = -1 EINVAL (Invalid argument)
fanotify_mark(-1, 0x800 /* FAN_MARK_??? */, FAN_ACCESS|0x4000000000000000, FAN_NOFD, NULL) = -1 EINVAL (Invalid argument)
+++ exited with 0 +++'
	SET=fanotify_mark run misc -Xverbose
	assert_line 'fanotify_mark(-1, 0x800 /* FAN_MARK_??? */, 0x4000000000000001 /* FAN_ACCESS|0x4000000000000000 */, -1 /* FAN_NOFD */, NULL) = -1 EINVAL (Invalid argument)'
}

@test "misc: mount's flags decide its type and data; struct mount_attr" {
	SET=mount,mount_setattr run misc
	assert_success
	assert_output 'mount("st-misc.none", "st-misc.none", "tmpfs", MS_MGC_VAL|MS_RDONLY, "size=1") = RESULT
mount("st-misc.none", "st-misc.none", ADDR, MS_BIND, ADDR) = RESULT
mount_setattr(-1, "st-misc.none", AT_RECURSIVE, {attr_set=MOUNT_ATTR_RDONLY|MOUNT_ATTR_IDMAP, attr_clr=0x40 /* MOUNT_ATTR_??? */, propagation=MS_SLAVE, userns_fd=0}, 40) = RESULT
+++ exited with 0 +++'
	SET=mount run misc -Xverbose
	assert_line 'mount("st-misc.none", "st-misc.none", "tmpfs", 0xc0ed0000 /* MS_MGC_VAL */|0x1 /* MS_RDONLY */, "size=1") = RESULT'
}

@test "misc: mq_open's mode and struct mq_attr only with O_CREAT" {
	SET=mq_open run misc
	assert_success
	assert_output 'mq_open("st-misc.none", O_RDWR|O_CREAT|O_EXCL, 0600, {mq_flags=0, mq_maxmsg=0, mq_msgsize=8, mq_curmsgs=0}) = -1 EINVAL (Invalid argument)
+++ exited with 0 +++'
}

@test "misc: timevals with dates, a failed read's buffers, setns, reboot" {
	TZ=UTC SET=utimes,preadv,setns,reboot run misc
	assert_success
	assert_output 'utimes("st-misc.none", [{tv_sec=1492358607, tv_usec=345678} /* 2017-04-16T16:03:27.345678+0000 */, {tv_sec=0, tv_usec=1000000}]) = -1 EINVAL (Invalid argument)
preadv(-1, [{iov_base=ADDR, iov_len=1}], 1, 0) = -1 EBADF (Bad file descriptor)
setns(-1, CLONE_NEWNET) = -1 EBADF (Bad file descriptor)
reboot(0 /* LINUX_REBOOT_MAGIC_??? */, 0 /* LINUX_REBOOT_MAGIC_??? */, LINUX_REBOOT_CMD_CAD_OFF) = RESULT
+++ exited with 0 +++'
}

@test "misc: kexec_load's segments, architecture and flags" {
	SET=kexec_load run misc
	assert_success
	assert_output 'kexec_load(NULL, 1, [{buf=0x1, bufsz=2, mem=0x3, memsz=4}], KEXEC_ARCH_X86_64|KEXEC_ON_CRASH) = RESULT
kexec_load(NULL, 20, ADDR, 0xda7a0000 /* KEXEC_ARCH_??? */|KEXEC_ON_CRASH|KEXEC_PRESERVE_CONTEXT) = RESULT
+++ exited with 0 +++'
}

# uring SET OPTS...: st-uring's calls of SET, without the column padding
# and with its addresses replaced.
uring() {
	local set=$1
	shift
	ptstrace -o out -e signal=none -e trace="$set" "$@" "$T/st-uring"
	sed -E 's/\) +=/) =/; s/0x(7[0-9a-f]{11}|5[56][0-9a-f]{10})\b/ADDR/g' out
}

@test "misc: io_uring_setup's parameters in and out" {
	run uring io_uring_setup
	assert_success
	# what a ring the kernel set up looks like depends on the kernel
	assert_line --regexp '^io_uring_setup\(1, \{flags=0, sq_thread_cpu=0, sq_thread_idle=0(, sq_entries=1, cq_entries=2, features=IORING_FEAT_SINGLE_MMAP\|[A-Za-z_|0-9]+, sq_off=\{head=[0-9]+, tail=[0-9]+, ring_mask=[0-9]+, ring_entries=[0-9]+, flags=[0-9]+, dropped=[0-9]+, array=[0-9]+\}, cq_off=\{head=[0-9]+, tail=[0-9]+, ring_mask=[0-9]+, ring_entries=[0-9]+, overflow=[0-9]+, cqes=[0-9]+, flags=[0-9]+\}\}\) = [0-9]+|\}\) = -1 E[A-Z]+ .*)$'
	run grep -v '^io_uring_setup(1, {' <<<"$output"
	assert_output 'io_uring_setup(1, NULL) = -1 EFAULT (Bad address)
io_uring_setup(2, ADDR) = -1 EFAULT (Bad address)
io_uring_setup(3, {flags=IORING_SETUP_IOPOLL|IORING_SETUP_SQPOLL|IORING_SETUP_SQ_AFF|IORING_SETUP_CQSIZE|IORING_SETUP_CLAMP|IORING_SETUP_ATTACH_WQ|IORING_SETUP_R_DISABLED|IORING_SETUP_SUBMIT_ALL|IORING_SETUP_COOP_TASKRUN|IORING_SETUP_TASKRUN_FLAG|IORING_SETUP_SQE128|IORING_SETUP_CQE32|0xfffff000, sq_thread_cpu=0x11, sq_thread_idle=7, wq_fd=-1, resv=[0, 0xab, 0]}) = -1 EINVAL (Invalid argument)
io_uring_setup(4, {flags=0x2000 /* IORING_SETUP_??? */, sq_thread_cpu=0x11, sq_thread_idle=7}) = -1 EINVAL (Invalid argument)
io_uring_setup(0, {flags=IORING_SETUP_SQPOLL|IORING_SETUP_ATTACH_WQ, sq_thread_cpu=0x11, sq_thread_idle=7, wq_fd=-1}) = -1 EINVAL (Invalid argument)
+++ exited with 0 +++'
	run uring io_uring_setup -Xraw
	assert_success
	assert_line 'io_uring_setup(0, {flags=0x22, sq_thread_cpu=0x11, sq_thread_idle=7, wq_fd=-1}) = -1 EINVAL (Invalid argument)'
	run uring io_uring_setup -e verbose=none
	assert_success
	assert_line 'io_uring_setup(0, ADDR) = -1 EINVAL (Invalid argument)'
}

@test "misc: io_uring_register's arguments by opcode" {
	# the error a bad descriptor gets differs between kernels
	run uring io_uring_register
	assert_success
	run sed -E 's/= -1 E[A-Z]+ \(.*\)$/= -1 ERR/' <<<"$output"
	assert_output 'io_uring_register(-1, 0xbadc0ded /* IORING_REGISTER_??? */, ADDR, 7) = -1 ERR
io_uring_register(-1, IORING_UNREGISTER_BUFFERS, ADDR, 7) = -1 ERR
io_uring_register(-1, IORING_REGISTER_FILES, [-1, -2, ... /* ADDR */], 3) = -1 ERR
io_uring_register(-1, IORING_REGISTER_FILES, ADDR, 1) = -1 ERR
io_uring_register(-1, IORING_REGISTER_FILES_UPDATE, {offset=5, resv=0x77, fds=[-1, IORING_REGISTER_FILES_SKIP]}, 2) = -1 ERR
io_uring_register(-1, IORING_REGISTER_PROBE, ADDR, 2) = -1 ERR
io_uring_register(-1, IORING_REGISTER_PROBE, {last_op=IORING_OP_FSYNC, ops_len=2, ops=[{op=IORING_OP_URING_CMD, flags=IO_URING_OP_SUPPORTED}, {op=200 /* IORING_OP_??? */, resv=0x9, flags=0}]}, 2) = -1 ERR
io_uring_register(-1, IORING_REGISTER_RESTRICTIONS, [{opcode=IORING_RESTRICTION_REGISTER_OP, register_op=IORING_REGISTER_PBUF_RING}, {opcode=IORING_RESTRICTION_SQE_FLAGS_ALLOWED, sqe_flags=IOSQE_FIXED_FILE|IOSQE_CQE_SKIP_SUCCESS}, {opcode=0x9 /* IORING_RESTRICTION_??? */ /* op: 0xef */, resv2=[0, 0x1, 0]}], 3) = -1 ERR
io_uring_register(-1, IORING_REGISTER_FILES2, ADDR, 24) = -1 ERR
io_uring_register(-1, IORING_REGISTER_FILES2, {nr=2, flags=IORING_RSRC_REGISTER_SPARSE|0x2, data=[-1, -2], tags=NULL, /* bytes 32..39 */ "\x00\x00\x00\x00\x01\x00\x00\x00"}, 40) = -1 ERR
io_uring_register(-1, IORING_REGISTER_FILES2, {nr=0, flags=0, data=NULL, tags=[], ???}, 40) = -1 ERR
io_uring_register(-1, IORING_REGISTER_FILES_UPDATE2, {offset=4, data=NULL, tags=[0], nr=1}, 32) = -1 ERR
io_uring_register(-1, IORING_REGISTER_IOWQ_MAX_WORKERS, [[IO_WQ_BOUND]=4, [IO_WQ_UNBOUND]=4294967295] => ADDR, 2) = -1 ERR
io_uring_register(-1, IORING_REGISTER_IOWQ_MAX_WORKERS, [[IO_WQ_BOUND]=4, [IO_WQ_UNBOUND]=4294967295, ... /* ADDR */], 3) = -1 ERR
io_uring_register(-1, IORING_REGISTER_RING_FDS, [{offset=-1, data=1}, {offset=7, resv=0x3, data=171}], 2) = -1 ERR
io_uring_register(-1, IORING_UNREGISTER_RING_FDS, [{offset=4294967295, data=0x1}, {offset=7, resv=0x3, data=0xab}], 2) = -1 ERR
io_uring_register(-1, IORING_REGISTER_RING_FDS, ADDR, 1) = -1 ERR
io_uring_register(-1, IORING_REGISTER_PBUF_RING, {ring_addr=0x1000, ring_entries=8, bgid=1, pad=0x2, resv=[0, 0xdead, 0]}, 1) = -1 ERR
+++ exited with 0 +++'
	run uring io_uring_register -Xverbose
	assert_success
	assert_line --partial 'io_uring_register(-1, 0xbadc0ded /* IORING_REGISTER_??? */, ADDR, 7) = -1 E'
	assert_line --partial 'io_uring_register(-1, 0x8 /* IORING_REGISTER_PROBE */, {last_op=3 /* IORING_OP_FSYNC */, ops_len=2, ops=[{op=46 /* IORING_OP_URING_CMD */, flags=0x1 /* IO_URING_OP_SUPPORTED */}, {op=200 /* IORING_OP_??? */, resv=0x9, flags=0}]}, 2) = -1 E'
	run uring io_uring_register -Xraw
	assert_success
	assert_line --partial 'io_uring_register(-1, 0x13, [[0]=4, [1]=4294967295] => ADDR, 2) = -1 E'
	# an array -s cuts short still shows what the kernel made of it
	run uring io_uring_register -s1
	assert_success
	assert_line --partial 'io_uring_register(-1, IORING_REGISTER_IOWQ_MAX_WORKERS, [[IO_WQ_BOUND]=4, ...] => ADDR, 3) = -1 E'
	assert_line --partial 'io_uring_register(-1, IORING_REGISTER_PBUF_RING, {ring_addr=0x1000, ring_entries=8, bgid=1, pad=0x2, resv=[0, ...]}, 1) = -1 E'
	# what a successful call's kernel wrote shows at exit
	run uring io_uring_register -e inject=io_uring_register:retval=42
	assert_success
	assert_line 'io_uring_register(-1, IORING_REGISTER_PROBE, {last_op=IORING_OP_NOP, ops_len=0, ops=[]}, 2) = 42 (INJECTED)'
	assert_line 'io_uring_register(-1, IORING_REGISTER_PROBE, {last_op=IORING_OP_FSYNC, ops_len=2, ops=[{op=IORING_OP_URING_CMD, flags=IO_URING_OP_SUPPORTED}, {op=200 /* IORING_OP_??? */, resv=0x9, flags=0}]} => {last_op=IORING_OP_FSYNC, ops_len=2, ops=[{op=IORING_OP_URING_CMD, flags=IO_URING_OP_SUPPORTED}, {op=200 /* IORING_OP_??? */, resv=0x9, flags=0}]}, 2) = 42 (INJECTED)'
	assert_line 'io_uring_register(-1, IORING_REGISTER_IOWQ_MAX_WORKERS, [[IO_WQ_BOUND]=4, [IO_WQ_UNBOUND]=4294967295] => [[IO_WQ_BOUND]=4, [IO_WQ_UNBOUND]=4294967295], 2) = 42 (INJECTED)'
}

@test "misc: keyctl's commands and their arguments" {
	run uring keyctl
	assert_success
	run sed -E 's/= -1 E[A-Z]+ \(.*\)$/= -1 ERR/' <<<"$output"
	assert_output 'keyctl(0xfacefeed /* KEYCTL_??? */, 0x1, 0x2, 0x3, 0x4) = -1 ERR
keyctl(KEYCTL_UPDATE, 2119674654, "payload", 7) = -1 ERR
keyctl(KEYCTL_SETPERM, KEY_SPEC_SESSION_KEYRING, 0xc0c0c0c0 /* KEY_??? */) = -1 ERR
keyctl(KEYCTL_SETPERM, 2119674654, KEY_POS_VIEW|KEY_POS_READ|KEY_POS_WRITE|KEY_POS_SEARCH|KEY_POS_LINK|KEY_POS_SETATTR|KEY_USR_VIEW) = -1 ERR
keyctl(KEYCTL_DESCRIBE, 2119674654, ADDR, 64) = -1 ERR
keyctl(KEYCTL_SET_REQKEY_KEYRING, 99 /* KEY_REQKEY_DEFL_??? */) = -1 ERR
keyctl(KEYCTL_REJECT, 2119674654, 5, EKEYREJECTED, KEY_SPEC_SESSION_KEYRING) = -1 ERR
keyctl(KEYCTL_INSTANTIATE_IOV, 2119674654, [{iov_base="abc", iov_len=3}, {iov_base=ADDR, iov_len=1}], 2, KEY_SPEC_USER_KEYRING) = -1 ERR
keyctl(KEYCTL_DH_COMPUTE, {private=KEY_SPEC_PROCESS_KEYRING, prime=2119674654, base=7}, ADDR, 8, NULL) = -1 ERR
keyctl(KEYCTL_PKEY_ENCRYPT, {key_id=2119674654, in_len=2, out_len=4, __spare=[0, 0, 0, 0, 0, 0, 0x1]}, "enc=pkcs1", "hi", ADDR) = -1 ERR
keyctl(KEYCTL_PKEY_VERIFY, ADDR, "enc=pkcs1", ADDR, ADDR) = -1 ERR
keyctl(KEYCTL_MOVE, 2119674654, KEY_SPEC_SESSION_KEYRING, KEY_SPEC_USER_KEYRING, KEYCTL_MOVE_EXCL|0x2) = -1 ERR
keyctl(KEYCTL_CAPABILITIES, ADDR, 2) = -1 ERR
+++ exited with 0 +++'
	run uring keyctl -Xverbose
	assert_success
	assert_line --partial 'keyctl(0xe /* KEYCTL_SET_REQKEY_KEYRING */, 99 /* KEY_REQKEY_DEFL_??? */) = -1 E'
	assert_line --partial 'keyctl(0x13 /* KEYCTL_REJECT */, 2119674654, 5, 129 /* EKEYREJECTED */, -3 /* KEY_SPEC_SESSION_KEYRING */) = -1 E'
	run uring keyctl -Xraw
	assert_success
	assert_line --partial 'keyctl(0x5, 2119674654, 0x3f010000) = -1 E'
	assert_line --partial 'keyctl(0x13, 2119674654, 5, 129, -3) = -1 E'
	run uring keyctl -s4
	assert_success
	assert_line --partial 'keyctl(KEYCTL_PKEY_ENCRYPT, {key_id=2119674654, in_len=2, out_len=4, __spare=[0, 0, 0, 0, ...]}, "enc="..., "hi", ADDR) = -1 E'
}
