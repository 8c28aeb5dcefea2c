/*
 * st-perf: perf_event_open with attributes the kernel refuses before it
 * looks at anything else (an unknown flag: EINVAL), so that every
 * kernel answers alike, and the perf event requests on descriptor -1
 * (EBADF).  One call passes a size of a page whose last byte is not
 * zero: the kernel answers E2BIG and writes the size it knows, which
 * the program prints ("kernel-size N").  A first call through NULL
 * tells whether perf_event_open is there at all: when it is not
 * (ENOSYS, or EPERM from a container's filter), "no-perf" is printed
 * and the program stops.  Exits 0.
 */
#include <errno.h>
#include <linux/hw_breakpoint.h>
#include <linux/perf_event.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#define BAD_FLAG 0x10   /* no PERF_FLAG_* bit */

static long
peo(void *attr, long pid, long cpu, long group, unsigned long flags)
{
	return syscall(SYS_perf_event_open, attr, pid, cpu, group, flags);
}

int
main(void)
{
	/* the part up to the bit fields; a PMU number above the event */
	static struct perf_event_attr hw = {
		.type = PERF_TYPE_HARDWARE,
		.size = PERF_ATTR_SIZE_VER1,
		.config = (uint64_t)7 << 32 | PERF_COUNT_HW_INSTRUCTIONS,
		.sample_period = 1000,
		.sample_type = PERF_SAMPLE_IP | PERF_SAMPLE_TID,
		.read_format = PERF_FORMAT_ID,
		.disabled = 1,
		.exclude_kernel = 1,
		.precise_ip = 2,
		.config1 = 0xc0ffee,
		.config2 = 0xbeef,
	};
	/* size 0 is the first version's; a frequency; a watermark */
	static struct perf_event_attr cache = {
		.type = PERF_TYPE_HW_CACHE,
		.config = PERF_COUNT_HW_CACHE_L1D |
		    PERF_COUNT_HW_CACHE_OP_WRITE << 8 |
		    PERF_COUNT_HW_CACHE_RESULT_MISS << 16 | 0x3000000,
		.freq = 1,
		.sample_freq = 4000,
		.watermark = 1,
		.wakeup_watermark = 16,
		.use_clockid = 1,
		.clockid = CLOCK_MONOTONIC,
	};
	/* a breakpoint, the whole structure */
	static struct perf_event_attr bp = {
		.type = PERF_TYPE_BREAKPOINT,
		.size = PERF_ATTR_SIZE_VER7,
		.sample_type = PERF_SAMPLE_BRANCH_STACK | PERF_SAMPLE_STACK_USER,
		.bp_type = HW_BREAKPOINT_W,
		.bp_addr = 0x1000,
		.bp_len = HW_BREAKPOINT_LEN_8,
		.branch_sample_type = PERF_SAMPLE_BRANCH_ANY | 0x80000000u,
		.sample_regs_user = 0x3,
		.sample_stack_user = 0x100,
		.use_clockid = 1,
		.clockid = CLOCK_MONOTONIC,
		.sample_regs_intr = 0x5,
		.aux_watermark = 5,
		.sample_max_stack = 127,
		.sig_data = 0xfeed,
		.exclude_hv = 1,
	};
	static uint64_t period = 1000, id = 0x1234;
	static struct {
		uint32_t ids_len, prog_cnt, ids[3];
	} query = { 3, 2, { 7, 9, 11 } };
	long pg = sysconf(_SC_PAGESIZE);
	unsigned char *page;
	struct perf_event_attr *big;

	page = mmap(NULL, (size_t)pg * 2, PROT_READ | PROT_WRITE,
	    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (page == MAP_FAILED || munmap(page + pg, (size_t)pg) != 0)
		return 1;
	setvbuf(stdout, NULL, _IONBF, 0);

	if (peo(NULL, 0, -1, -1, BAD_FLAG) < 0 &&
	    (errno == ENOSYS || errno == EPERM)) {
		printf("no-perf\n");
		return 0;
	}

	peo(&hw, 0, -1, -1, PERF_FLAG_FD_CLOEXEC | BAD_FLAG);
	peo(&cache, -1, 2, 5, BAD_FLAG);
	peo(&bp, 0, -1, -1, BAD_FLAG);

	/* a page of attributes, its last byte not zero: E2BIG */
	big = (struct perf_event_attr *)(void *)page;
	memset(page, 0, (size_t)pg);
	big->type = 0x1234;
	big->size = (uint32_t)pg;
	page[pg - 1] = 1;
	peo(big, 0, -1, -1, 0);
	printf("kernel-size %u\n", big->size);

	/* the structure runs into an unmapped page; one shorter than any */
	big = (struct perf_event_attr *)(void *)(page + pg - 40);
	big->type = PERF_TYPE_SOFTWARE;
	big->size = PERF_ATTR_SIZE_VER7;
	peo(big, 0, -1, -1, BAD_FLAG);
	big->size = 32;
	peo(big, 0, -1, -1, BAD_FLAG);

	/* the requests, on no descriptor */
	ioctl(-1, PERF_EVENT_IOC_ENABLE, PERF_IOC_FLAG_GROUP);
	ioctl(-1, PERF_EVENT_IOC_DISABLE, 3);
	ioctl(-1, PERF_EVENT_IOC_RESET, 2);
	ioctl(-1, PERF_EVENT_IOC_REFRESH, -5);
	ioctl(-1, PERF_EVENT_IOC_PERIOD, &period);
	ioctl(-1, PERF_EVENT_IOC_SET_OUTPUT, -1);
	ioctl(-1, PERF_EVENT_IOC_SET_FILTER, "cpu == 1");
	ioctl(-1, PERF_EVENT_IOC_ID, &id);
	ioctl(-1, PERF_EVENT_IOC_SET_BPF, 7);
	ioctl(-1, PERF_EVENT_IOC_PAUSE_OUTPUT, 1);
	ioctl(-1, PERF_EVENT_IOC_QUERY_BPF, &query);
	ioctl(-1, PERF_EVENT_IOC_MODIFY_ATTRIBUTES, &hw);
	return 0;
}
