#!/usr/bin/env bats
# ptstrace's decoding of calls whose arguments depend on their first one
# (prctl, arch_prctl, seccomp, kcmp, syslog, ptrace) and of process flags and
# structures (personality, clone3, unshare, setns, pidfd_open, sched_*,
# bpf's BPF_PROG_LOAD) on
# tests/targets/st-prctl.c, the results injected so that every line is
# known: exact lines in each -X style, as strace 6.1 prints the same run.

load helper

SET=prctl,arch_prctl,seccomp,kcmp,syslog,personality,clone3,unshare,setns,pidfd_open,ptrace,sched_setattr,sched_getattr,sched_setaffinity,bpf
INJ=prctl,seccomp,kcmp,syslog,personality,clone3,unshare,setns,pidfd_open,sched_setattr,sched_getattr,sched_setaffinity

setup() {
	cd "$BATS_TEST_TMPDIR" || exit 1
	[ "$(ptools_cpu)" = x86_64 ] || skip "the lines are x86_64's"
}

# trace OPTS...: st-prctl's calls under ptstrace with OPTS, results
# injected, into lines: the C library's own arch_prctl and the exit
# left out, a filter program's address as ADDR.
trace() {
	run ptstrace -a1 "$@" -e trace="$SET" -e inject="$INJ":retval=1 \
	    -e inject=ptrace:retval=40 -e inject=bpf:retval=3 \
	    -e signal=none -o out \
	    "$PTOOLS_TARGETS/st-prctl"
	assert_success
	grep -v -e '^arch_prctl(ARCH_SET_FS, ' -e '^+++ ' out |
	    sed -E 's/filter=0x[0-9a-f]+/filter=ADDR/' >lines
}

@test "prctl: options with no, entry and exit arguments, results named" {
	trace
	run sed -n '/^prctl(/p' lines
	assert_output - <<'OUT'
prctl(PR_GET_TIMING) = 1 (INJECTED)
prctl(PR_SET_NAME, "0123456789abcde"...) = 1 (INJECTED)
prctl(PR_GET_NAME, "st-prctl-comm") = 1 (INJECTED)
prctl(PR_GET_PDEATHSIG, [SIGKILL]) = 1 (INJECTED)
prctl(PR_SET_DUMPABLE, 0x3 /* SUID_DUMP_??? */) = 1 (INJECTED)
prctl(PR_GET_DUMPABLE) = 1 (SUID_DUMP_USER) (INJECTED)
prctl(PR_SET_SECUREBITS, SECBIT_KEEP_CAPS|0x100) = 1 (INJECTED)
prctl(PR_GET_SECUREBITS) = 0x1 (SECBIT_NOROOT) (INJECTED)
prctl(PR_SET_UNALIGN, 0x4 /* PR_UNALIGN_??? */) = 1 (INJECTED)
prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_RAISE, CAP_NET_RAW, 0, 0) = 1 (INJECTED)
prctl(PR_MCE_KILL, PR_MCE_KILL_SET, 0xff /* PR_MCE_KILL_??? */, 0, 0) = 1 (INJECTED)
prctl(PR_SVE_SET_VL, PR_SVE_SET_VL_ONEXEC|0x10) = 0x1 (INJECTED)
prctl(PR_SET_TAGGED_ADDR_CTRL, PR_TAGGED_ADDR_ENABLE|PR_MTE_TCF_NONE|0xff<<PR_MTE_TAG_SHIFT, 0, 0, 0) = 1 (INJECTED)
prctl(PR_GET_TAGGED_ADDR_CTRL, 0, 0, 0, 0) = 0x1 (PR_TAGGED_ADDR_ENABLE|PR_MTE_TCF_NONE) (INJECTED)
prctl(PR_SCHED_CORE, PR_SCHED_CORE_GET, 0, 0x1 /* PIDTYPE_TGID */, [0xdeadc0de]) = 1 (INJECTED)
prctl(PR_SET_PTRACER, PR_SET_PTRACER_ANY) = 1 (INJECTED)
prctl(PR_PAC_RESET_KEYS, PR_PAC_APIAKEY|PR_PAC_APGAKEY, 0, 0, 0) = 1 (INJECTED)
prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, {len=4, filter=ADDR}) = 1 (INJECTED)
prctl(0xffffffff /* PR_??? */, 0x1, 0x2, 0x3, 0x4) = 1 (INJECTED)
OUT
}

@test "prctl: -X verbose and raw" {
	trace -Xverbose
	grep -qxF 'prctl(0xf /* PR_SET_NAME */, "0123456789abcde"...) = 1 (INJECTED)' lines
	grep -qxF 'prctl(0x1c /* PR_SET_SECUREBITS */, 0x110 /* SECBIT_KEEP_CAPS|0x100 */) = 1 (INJECTED)' lines
	grep -qxF 'prctl(0x32 /* PR_SVE_SET_VL */, 0x40010 /* PR_SVE_SET_VL_ONEXEC|0x10 */) = 0x1 (INJECTED)' lines
	grep -qxF 'prctl(0x37 /* PR_SET_TAGGED_ADDR_CTRL */, 0x7f9 /* PR_TAGGED_ADDR_ENABLE|PR_MTE_TCF_NONE|0xff<<PR_MTE_TAG_SHIFT */, 0, 0, 0) = 1 (INJECTED)' lines
	grep -qxF 'prctl(0x59616d61 /* PR_SET_PTRACER */, -1 /* PR_SET_PTRACER_ANY */) = 1 (INJECTED)' lines
	trace -Xraw
	grep -qxF 'prctl(0x4, 0x3) = 1 (INJECTED)' lines
	grep -qxF 'prctl(0x1b) = 0x1 (INJECTED)' lines
	grep -qxF 'prctl(0x38, 0, 0, 0, 0) = 0x1 (INJECTED)' lines
	grep -qxF 'prctl(0x3e, 0, 0, 0x1, [0xdeadc0de]) = 1 (INJECTED)' lines
}

@test "seccomp: operations, actions, sizes; -v shows filter programs" {
	trace
	run grep -e '^seccomp(' -e '^arch_prctl(' lines
	assert_output - <<'OUT'
arch_prctl(ARCH_GET_XCOMP_SUPP, NULL) = -1 EFAULT (Bad address)
arch_prctl(0x9999 /* ARCH_??? */, 0) = -1 EINVAL (Invalid argument)
seccomp(SECCOMP_GET_ACTION_AVAIL, 0, [SECCOMP_RET_ALLOW]) = 1 (INJECTED)
seccomp(SECCOMP_GET_NOTIF_SIZES, 0, {seccomp_notif=80, seccomp_notif_resp=24, seccomp_data=64}) = 1 (INJECTED)
seccomp(SECCOMP_SET_MODE_FILTER, SECCOMP_FILTER_FLAG_TSYNC|0x40, {len=4, filter=ADDR}) = 1 (INJECTED)
seccomp(0x7 /* SECCOMP_SET_MODE_??? */, 0x1, NULL) = 1 (INJECTED)
OUT
	trace -v
	grep -qxF 'seccomp(SECCOMP_SET_MODE_FILTER, SECCOMP_FILTER_FLAG_TSYNC|0x40, {len=4, filter=[BPF_STMT(BPF_LD|BPF_W|BPF_ABS, 0), BPF_JUMP(BPF_JMP|BPF_K|BPF_JEQ, 0x27, 0, 0x1), BPF_STMT(BPF_RET|BPF_K, SECCOMP_RET_ERRNO|0x1), BPF_STMT(BPF_RET|BPF_K, SECCOMP_RET_ALLOW)]}) = 1 (INJECTED)' lines
	trace -v -Xraw
	grep -qxF 'prctl(0x16, 0x2, {len=4, filter=[BPF_STMT(0|0|0x20, 0), BPF_JUMP(0x5|0|0x10, 0x27, 0, 0x1), BPF_STMT(0x6|0, 0x50000|0x1), BPF_STMT(0x6|0, 0x7fff0000)]}) = 1 (INJECTED)' lines
}

@test "kcmp, syslog, personality, clone3, unshare, setns, pidfd_open" {
	trace
	run grep -v -e '^prctl(' -e '^seccomp(' -e '^arch_prctl(' -e '^ptrace(' \
	    -e '^sched_' -e '^bpf(' lines
	assert_output - <<'OUT'
kcmp(1, 2, KCMP_FILE, 3, 4) = 1 (INJECTED)
kcmp(1, 2, KCMP_EPOLL_TFD, 3, {efd=3, tfd=4, toff=5}) = 1 (INJECTED)
kcmp(1, 2, 0x9 /* KCMP_??? */, 0x3, 0x4) = 1 (INJECTED)
syslog(8 /* SYSLOG_ACTION_CONSOLE_LEVEL */, NULL, 7 /* LOGLEVEL_DEBUG */) = 1 (INJECTED)
syslog(10 /* SYSLOG_ACTION_SIZE_BUFFER */) = 1 (INJECTED)
personality(PER_BSD|STICKY_TIMEOUTS) = 0x1 (0x1 /* PER_??? */) (INJECTED)
clone3({flags=CLONE_PARENT_SETTID|CLONE_CLEAR_SIGHAND, parent_tid=NULL, exit_signal=SIGCHLD, stack=NULL, stack_size=0} => {parent_tid=NULL}, 64) = 1 (INJECTED)
unshare(CLONE_NEWTIME|CLONE_NEWNS|0xf) = 1 (INJECTED)
setns(-1, CLONE_NEWNET) = 1 (INJECTED)
pidfd_open(1, PIDFD_NONBLOCK|0x1000) = 1 (INJECTED)
OUT
	trace -Xraw
	grep -qxF 'syslog(10 /* SYSLOG_ACTION_SIZE_BUFFER */) = 1 (INJECTED)' lines
	grep -qxF 'personality(0x6|0x4000000) = 0x1 (0x1) (INJECTED)' lines
	trace -Xverbose
	grep -qxF 'personality(0x6 /* PER_BSD */|0x4000000 /* STICKY_TIMEOUTS */) = 0x1 (0x1 /* PER_??? */) (INJECTED)' lines
}

@test "ptrace: arguments by request, what the kernel fills in at exit" {
	trace
	run grep '^ptrace(' lines
	assert_output - <<'OUT'
ptrace(PTRACE_SETOPTIONS, 1, NULL, PTRACE_O_TRACESYSGOOD|PTRACE_O_TRACECLONE) = 40 (INJECTED)
ptrace(PTRACE_CONT, 1, NULL, SIGUSR1) = 40 (INJECTED)
ptrace(PTRACE_GETEVENTMSG, 1, NULL, [42]) = 40 (INJECTED)
ptrace(PTRACE_PEEKSIGINFO, 1, {off=7, flags=PTRACE_PEEKSIGINFO_SHARED, nr=3}, NULL) = 40 (INJECTED)
ptrace(PTRACE_GET_SYSCALL_INFO, 1, 40, {op=PTRACE_SYSCALL_INFO_ENTRY, arch=AUDIT_ARCH_X86_64, instruction_pointer=0x401000, stack_pointer=0x7ffc0000, entry={nr=__NR_chdir, args=[0x1234]}}) = 40 (INJECTED)
ptrace(PTRACE_ATTACH, 1) = 40 (INJECTED)
ptrace(0xdead /* PTRACE_??? */, 1, NULL, NULL) = 40 (INJECTED)
OUT
	trace -Xverbose
	grep -qxF 'ptrace(0x420e /* PTRACE_GET_SYSCALL_INFO */, 1, 40, {op=0x1 /* PTRACE_SYSCALL_INFO_ENTRY */, arch=0xc000003e /* AUDIT_ARCH_X86_64 */, instruction_pointer=0x401000, stack_pointer=0x7ffc0000, entry={nr=80 /* __NR_chdir */, args=[0x1234]}}) = 40 (INJECTED)' lines
	trace -Xraw
	grep -qxF 'ptrace(0x7, 1, NULL, 10) = 40 (INJECTED)' lines
}

@test "sched: struct sched_attr by its size and KEEP flags, CPU masks" {
	trace
	run grep '^sched_' lines
	assert_output - <<'OUT'
sched_setattr(0, {size=56, sched_policy=0xca7faced /* SCHED_??? */, sched_flags=SCHED_FLAG_RESET_ON_FORK|SCHED_FLAG_KEEP_PARAMS, sched_util_min=0, sched_util_max=1024}, 0) = 1 (INJECTED)
sched_getattr(0, {size=56, sched_policy=0xca7faced /* SCHED_??? */, sched_flags=SCHED_FLAG_RESET_ON_FORK|SCHED_FLAG_KEEP_PARAMS, sched_nice=-5, sched_priority=0, sched_runtime=1000, sched_deadline=2000, sched_period=3000, sched_util_min=0, sched_util_max=0}, 48, 0) = 1 (INJECTED)
sched_setaffinity(0, 8, [0 2 4]) = 1 (INJECTED)
sched_setaffinity(0, 0, []) = 1 (INJECTED)
OUT
}

@test "bpf: BPF_PROG_LOAD's attributes up to the size given" {
	trace
	run grep '^bpf(' lines
	assert_output 'bpf(BPF_PROG_LOAD, {prog_type=BPF_PROG_TYPE_SOCKET_FILTER, insn_cnt=2, insns=NULL, license="GPL", log_level=0, log_size=0, log_buf=NULL, kern_version=KERNEL_VERSION(5, 10, 3), prog_flags=0, prog_name="st-prctl"}, 64) = 3 (INJECTED)'
	trace -Xverbose
	grep -qF 'kern_version=0x50a03 /* KERNEL_VERSION(5, 10, 3) */' lines
}

@test "--json: what entry leaves open, exit completes: every line parses" {
	trace --json
	run jq -e . out
	assert_success
	run jq -c 'select(.syscall == "prctl" and .args[0] == "PR_GET_NAME") | .args' out
	assert_output '["PR_GET_NAME","st-prctl-comm"]'
	run jq -c 'select(.syscall == "ptrace" and .args[0] == "PTRACE_GETEVENTMSG") | .args' out
	assert_output '["PTRACE_GETEVENTMSG",1,null,[42]]'
}
