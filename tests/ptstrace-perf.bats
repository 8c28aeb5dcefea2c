#!/usr/bin/env bats
# ptstrace's decoding of perf_event_open's struct perf_event_attr and of
# the perf event ioctl requests (tests/targets/st-perf), line for line
# as strace 6.1 prints them.

load helper

setup() {
	cd "$BATS_TEST_TMPDIR" || exit 1
	T=$PTOOLS_TARGETS
}

# perf OPTS...: st-perf's trace with OPTS, without the column padding
# and with its addresses replaced; the program's own output in tout.
# Skips where the kernel has no perf_event_open for us.
perf() {
	ptstrace -o out -e signal=none -e trace=perf_event_open,ioctl "$@" \
	    "$T/st-perf" >tout
	sed -E 's/\) +=/) =/; s/0x(7f[0-9a-f]{10}|5[56][0-9a-f]{10})\b/ADDR/g' out
}

no_perf() {
	ptstrace -o /dev/null -e trace=none "$T/st-perf" | grep -q no-perf
}

# The name strace gives the size the kernel wrote back (st-perf's
# "kernel-size N").
kernel_size() {
	local n
	n=$(sed -n 's/^kernel-size //p' tout)
	case $n in
	64) echo PERF_ATTR_SIZE_VER0 ;;
	72) echo PERF_ATTR_SIZE_VER1 ;;
	80) echo PERF_ATTR_SIZE_VER2 ;;
	96) echo PERF_ATTR_SIZE_VER3 ;;
	104) echo PERF_ATTR_SIZE_VER4 ;;
	112) echo PERF_ATTR_SIZE_VER5 ;;
	120) echo PERF_ATTR_SIZE_VER6 ;;
	128) echo PERF_ATTR_SIZE_VER7 ;;
	*) printf '%#x /* PERF_ATTR_SIZE_??? */\n' "$n" ;;
	esac
}

HW='{type=PERF_TYPE_HARDWARE, size=PERF_ATTR_SIZE_VER1, config=0x7<<32|PERF_COUNT_HW_INSTRUCTIONS, sample_period=1000, sample_type=PERF_SAMPLE_IP|PERF_SAMPLE_TID, read_format=PERF_FORMAT_ID'
ZEROS1='inherit=0, pinned=0, exclusive=0, exclude_user=0'
ZEROS2='mmap_data=0, sample_id_all=0, exclude_host=0, exclude_guest=0, exclude_callchain_kernel=0, exclude_callchain_user=0, mmap2=0, comm_exec=0'
ZEROS3='context_switch=0, write_backward=0, namespaces=0, ksymbol=0, bpf_event=0, aux_output=0, cgroup=0, text_poke=0, build_id=0, inherit_thread=0, remove_on_exec=0, sigtrap=0'

@test "perf: attributes abbreviated, by type; the perf ioctl arguments" {
	no_perf && skip "no perf_event_open here"
	run perf
	assert_success
	assert_output "perf_event_open(NULL, 0, -1, -1, 0x10 /* PERF_FLAG_??? */) = -1 EINVAL (Invalid argument)
perf_event_open($HW, disabled=1, exclude_kernel=1, precise_ip=2 /* requested to have 0 skid */, ...}, 0, -1, -1, PERF_FLAG_FD_CLOEXEC|0x10) = -1 EINVAL (Invalid argument)
perf_event_open({type=PERF_TYPE_HW_CACHE, size=0 /* PERF_ATTR_SIZE_??? */, config=0x3<<24|PERF_COUNT_HW_CACHE_RESULT_MISS<<16|PERF_COUNT_HW_CACHE_OP_WRITE<<8|PERF_COUNT_HW_CACHE_L1D, sample_freq=4000, sample_type=0, read_format=0, freq=1, watermark=1, precise_ip=0 /* arbitrary skid */, use_clockid=1, ...}, -1, 2, 5, 0x10 /* PERF_FLAG_??? */) = -1 EINVAL (Invalid argument)
perf_event_open({type=PERF_TYPE_BREAKPOINT, size=PERF_ATTR_SIZE_VER7, config=0, sample_period=0, sample_type=PERF_SAMPLE_BRANCH_STACK|PERF_SAMPLE_STACK_USER, read_format=0, exclude_hv=1, precise_ip=0 /* arbitrary skid */, use_clockid=1, ...}, 0, -1, -1, 0x10 /* PERF_FLAG_??? */) = -1 EINVAL (Invalid argument)
perf_event_open({type=0x1234 /* PERF_TYPE_??? */, size=0x1000 /* PERF_ATTR_SIZE_??? */ => $(kernel_size), config=0, sample_period=0, sample_type=0, read_format=0, precise_ip=0 /* arbitrary skid */, ...}, 0, -1, -1, 0) = -1 E2BIG (Argument list too long)
perf_event_open(ADDR, 0, -1, -1, 0x10 /* PERF_FLAG_??? */) = -1 EINVAL (Invalid argument)
perf_event_open(ADDR, 0, -1, -1, 0x10 /* PERF_FLAG_??? */) = -1 EINVAL (Invalid argument)
ioctl(-1, PERF_EVENT_IOC_ENABLE, PERF_IOC_FLAG_GROUP) = -1 EBADF (Bad file descriptor)
ioctl(-1, PERF_EVENT_IOC_DISABLE, PERF_IOC_FLAG_GROUP|0x2) = -1 EBADF (Bad file descriptor)
ioctl(-1, PERF_EVENT_IOC_RESET, 0x2 /* PERF_IOC_FLAG_??? */) = -1 EBADF (Bad file descriptor)
ioctl(-1, PERF_EVENT_IOC_REFRESH, -5) = -1 EBADF (Bad file descriptor)
ioctl(-1, PERF_EVENT_IOC_PERIOD, [1000]) = -1 EBADF (Bad file descriptor)
ioctl(-1, PERF_EVENT_IOC_SET_OUTPUT, -1) = -1 EBADF (Bad file descriptor)
ioctl(-1, PERF_EVENT_IOC_SET_FILTER, \"cpu == 1\") = -1 EBADF (Bad file descriptor)
ioctl(-1, PERF_EVENT_IOC_ID, ADDR) = -1 EBADF (Bad file descriptor)
ioctl(-1, PERF_EVENT_IOC_SET_BPF, 7) = -1 EBADF (Bad file descriptor)
ioctl(-1, PERF_EVENT_IOC_PAUSE_OUTPUT, 1) = -1 EBADF (Bad file descriptor)
ioctl(-1, PERF_EVENT_IOC_QUERY_BPF, {ids_len=3, ...}) = -1 EBADF (Bad file descriptor)
ioctl(-1, PERF_EVENT_IOC_MODIFY_ATTRIBUTES, $HW, disabled=1, exclude_kernel=1, precise_ip=2 /* requested to have 0 skid */, ...}) = -1 EBADF (Bad file descriptor)
+++ exited with 0 +++"
}

@test "perf: -v shows every bit and the fields the size takes in" {
	no_perf && skip "no perf_event_open here"
	run perf -v -e trace=perf_event_open
	assert_success
	assert_line "perf_event_open($HW, disabled=1, $ZEROS1, exclude_kernel=1, exclude_hv=0, exclude_idle=0, mmap=0, comm=0, freq=0, inherit_stat=0, enable_on_exec=0, task=0, watermark=0, precise_ip=2 /* requested to have 0 skid */, $ZEROS2, use_clockid=0, $ZEROS3, wakeup_events=0, config1=0xc0ffee, config2=0xbeef}, 0, -1, -1, PERF_FLAG_FD_CLOEXEC|0x10) = -1 EINVAL (Invalid argument)"
	assert_line "perf_event_open({type=PERF_TYPE_HW_CACHE, size=0 /* PERF_ATTR_SIZE_??? */, config=0x3<<24|PERF_COUNT_HW_CACHE_RESULT_MISS<<16|PERF_COUNT_HW_CACHE_OP_WRITE<<8|PERF_COUNT_HW_CACHE_L1D, sample_freq=4000, sample_type=0, read_format=0, disabled=0, $ZEROS1, exclude_kernel=0, exclude_hv=0, exclude_idle=0, mmap=0, comm=0, freq=1, inherit_stat=0, enable_on_exec=0, task=0, watermark=1, precise_ip=0 /* arbitrary skid */, $ZEROS2, use_clockid=1, $ZEROS3, wakeup_watermark=16, config1=0}, -1, 2, 5, 0x10 /* PERF_FLAG_??? */) = -1 EINVAL (Invalid argument)"
	assert_line "perf_event_open({type=PERF_TYPE_BREAKPOINT, size=PERF_ATTR_SIZE_VER7, config=0, sample_period=0, sample_type=PERF_SAMPLE_BRANCH_STACK|PERF_SAMPLE_STACK_USER, read_format=0, disabled=0, $ZEROS1, exclude_kernel=0, exclude_hv=1, exclude_idle=0, mmap=0, comm=0, freq=0, inherit_stat=0, enable_on_exec=0, task=0, watermark=0, precise_ip=0 /* arbitrary skid */, $ZEROS2, use_clockid=1, $ZEROS3, wakeup_events=0, bp_type=HW_BREAKPOINT_W, bp_addr=0x1000, bp_len=8, branch_sample_type=PERF_SAMPLE_BRANCH_ANY|0x80000000, sample_regs_user=0x3, sample_stack_user=0x100, clockid=CLOCK_MONOTONIC, sample_regs_intr=0x5, aux_watermark=5, sample_max_stack=127, aux_sample_size=0, sig_data=0xfeed}, 0, -1, -1, 0x10 /* PERF_FLAG_??? */) = -1 EINVAL (Invalid argument)"
	assert_line "perf_event_open({type=0x1234 /* PERF_TYPE_??? */, size=0x1000 /* PERF_ATTR_SIZE_??? */ => $(kernel_size), config=0, sample_period=0, sample_type=0, read_format=0, disabled=0, $ZEROS1, exclude_kernel=0, exclude_hv=0, exclude_idle=0, mmap=0, comm=0, freq=0, inherit_stat=0, enable_on_exec=0, task=0, watermark=0, precise_ip=0 /* arbitrary skid */, $ZEROS2, use_clockid=0, $ZEROS3, wakeup_events=0, config1=0, config2=0, sample_regs_user=0, sample_regs_intr=0, aux_watermark=0, sample_max_stack=0, aux_sample_size=0, sig_data=0, ...}, 0, -1, -1, 0) = -1 E2BIG (Argument list too long)"
	# the structure runs into an unmapped page: its address
	run grep -c -F "perf_event_open(ADDR, 0, -1, -1, 0x10 /* PERF_FLAG_??? */) = -1 EINVAL" <<<"$output"
	assert_output 2
}

@test "perf: -e verbose=none, -X raw and -X verbose" {
	no_perf && skip "no perf_event_open here"
	run perf -e verbose=none -e trace=perf_event_open
	assert_success
	assert_line "perf_event_open(ADDR, 0, -1, -1, PERF_FLAG_FD_CLOEXEC|0x10) = -1 EINVAL (Invalid argument)"
	run grep -c '^perf_event_open(ADDR' <<<"$output"
	assert_output 6
	run perf -Xraw -e trace=perf_event_open
	assert_line "perf_event_open({type=0, size=0x48, config=0x7<<32|0x1, sample_period=1000, sample_type=0x3, read_format=0x4, disabled=1, exclude_kernel=1, precise_ip=2 /* requested to have 0 skid */, ...}, 0, -1, -1, 0x18) = -1 EINVAL (Invalid argument)"
	assert_line "perf_event_open({type=0x3, size=0, config=0x3<<24|0x1<<16|0x1<<8|0, sample_freq=4000, sample_type=0, read_format=0, freq=1, watermark=1, precise_ip=0 /* arbitrary skid */, use_clockid=1, ...}, -1, 2, 5, 0x10) = -1 EINVAL (Invalid argument)"
	run perf -Xverbose -e trace=perf_event_open
	assert_line "perf_event_open({type=0 /* PERF_TYPE_HARDWARE */, size=0x48 /* PERF_ATTR_SIZE_VER1 */, config=0x7<<32|0x1 /* PERF_COUNT_HW_INSTRUCTIONS */, sample_period=1000, sample_type=0x3 /* PERF_SAMPLE_IP|PERF_SAMPLE_TID */, read_format=0x4 /* PERF_FORMAT_ID */, disabled=1, exclude_kernel=1, precise_ip=2 /* requested to have 0 skid */, ...}, 0, -1, -1, 0x18 /* PERF_FLAG_FD_CLOEXEC|0x10 */) = -1 EINVAL (Invalid argument)"
}

@test "perf: what the kernel wrote, when the requests succeed" {
	no_perf && skip "no perf_event_open here"
	run perf -s 1 -e inject=ioctl:retval=0 -e inject=perf_event_open:error=E2BIG:when=2 -e trace=perf_event_open,ioctl
	assert_success
	assert_line "perf_event_open(${HW/VER1/VER1 => PERF_ATTR_SIZE_VER1}, disabled=1, exclude_kernel=1, precise_ip=2 /* requested to have 0 skid */, ...}, 0, -1, -1, PERF_FLAG_FD_CLOEXEC|0x10) = -1 E2BIG (Argument list too long) (INJECTED)"
	assert_line 'ioctl(-1, PERF_EVENT_IOC_SET_FILTER, "c"...) = 0 (INJECTED)'
	assert_line 'ioctl(-1, PERF_EVENT_IOC_ID, [4660]) = 0 (INJECTED)'
	assert_line 'ioctl(-1, PERF_EVENT_IOC_QUERY_BPF, {ids_len=3, prog_cnt=2, ids=[7, ...]}) = 0 (INJECTED)'
}
