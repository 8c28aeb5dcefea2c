/*
 * sc_ioctl_block.c: the structure arguments of block device requests
 * (0x12, <linux/fs.h>, <linux/blkpg.h>), as data for
 * lib/sc_ioctl_struct.c; lib/sc_ioctl.c has the plain numbers.
 */
#include <linux/blkpg.h>
#include <linux/blktrace_api.h>
#include <linux/fs.h>
#include <stdint.h>

#include "sc_ioctl_struct.h"
#include "xlat.h"

static const struct ioc_field range_f[] = {
	IOC_FO(NULL, 0, 8, IF_U, NULL, NULL),
	IOC_FO(NULL, 8, 8, IF_U, NULL, NULL),
};
static const struct ioc_struct range_s = { 16, 2, range_f, 1, 0, 0 };

static const struct ioc_field part_f[] = {
	IOC_F(struct blkpg_partition, start, IF_D),
	IOC_F(struct blkpg_partition, length, IF_D),
	IOC_F(struct blkpg_partition, pno, IF_D),
	IOC_F(struct blkpg_partition, devname, IF_STR),
	IOC_F(struct blkpg_partition, volname, IF_STR),
};
IOC_S(part_s, struct blkpg_partition, part_f);
static const struct ioc_field blkpg_f[] = {
	IOC_FX(struct blkpg_ioctl_arg, op, IF_ENUM, &ptc__xt_blkpg_ops,
	    "BLKPG_???"),
	IOC_F(struct blkpg_ioctl_arg, flags, IF_D),
	IOC_F(struct blkpg_ioctl_arg, datalen, IF_D),
	{ "data", offsetof(struct blkpg_ioctl_arg, data), sizeof(void *),
	    IF_PTRTO, 0, 0, NULL, NULL, &part_s, 0, 0, NULL, 0, NULL },
};
IOC_S(blkpg_s, struct blkpg_ioctl_arg, blkpg_f);

static const struct ioc_field trace_in_f[] = {
	IOC_F(struct blk_user_trace_setup, act_mask, IF_U),
	IOC_F(struct blk_user_trace_setup, buf_size, IF_U),
	IOC_F(struct blk_user_trace_setup, buf_nr, IF_U),
	IOC_F(struct blk_user_trace_setup, start_lba, IF_U),
	IOC_F(struct blk_user_trace_setup, end_lba, IF_U),
	IOC_F(struct blk_user_trace_setup, pid, IF_PID),
	/* the name the kernel gave the trace */
	{ "name", offsetof(struct blk_user_trace_setup, name),
	    sizeof(((struct blk_user_trace_setup *)0)->name), IF_STR, 0, 0,
	    NULL, NULL, NULL, IO_OK, 0, NULL, 0, NULL },
};
IOC_S(trace_s, struct blk_user_trace_setup, trace_in_f);

static const struct ioc_req reqs[] = {
	{ BLKDISCARD, IR_IN, &range_s, NULL, 0, NULL },
	{ BLKSECDISCARD, IR_IN, &range_s, NULL, 0, NULL },
	{ BLKZEROOUT, IR_IN, &range_s, NULL, 0, NULL },
	{ BLKPG, IR_IN, &blkpg_s, NULL, 0, NULL },
	{ BLKTRACESETUP, IR_IN, &trace_s, NULL, 0, NULL },
};
const struct ioc_reqtab ptc__ioc_block = { reqs, IOC_NF(reqs), 1 };
