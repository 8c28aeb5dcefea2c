/*
 * sc_ioctl_misc.c: the arguments of small request families (modem
 * lines 'T', infrared 'i', random 'R', inotify 'I', network block
 * devices 0xab), as data for lib/sc_ioctl_struct.c.
 */
#include <linux/inotify.h>
#include <linux/lirc.h>
#include <linux/nbd.h>
#include <linux/random.h>
#include <linux/videodev2.h>
#include <stdint.h>
#include <sys/ioctl.h>

#include "sc_ioctl_struct.h"
#include "xlat.h"

IOC_VAL(u32_s, 4, IF_U, NULL, NULL);
IOC_VAL(x32_s, 4, IF_X, NULL, NULL);
IOC_VAL(s32_s, 4, IF_D, NULL, NULL);
IOC_VAL(tiocm_s, 4, IF_FLAGS, &ptc__xt_tiocm_flags, "TIOCM_???");
IOC_VAL(lirc_mode_s, 4, IF_ENUM, &ptc__xt_lirc_modes, "LIRC_MODE_???");
IOC_VAL(lirc_features_s, 4, IF_FLAGS, &ptc__xt_lirc_features, "LIRC_CAN_???");

IOC_VAL(fd_s, 4, IF_FD, NULL, NULL);
IOC_VAL(ulong_s, sizeof(unsigned long), IF_U, NULL, NULL);
IOC_VAL(nbd_flags_s, sizeof(unsigned long), IF_FLAGS, &ptc__xt_nbd_flags,
    "NBD_FLAG_???");

/* buf: buf_size (field 1) bytes after the header. */
static const struct ioc_field rand_pool_f[] = {
	IOC_F(struct rand_pool_info, entropy_count, IF_D),
	IOC_F(struct rand_pool_info, buf_size, IF_D),
	{ "buf", sizeof(struct rand_pool_info), 1, IF_TAILSTR, 0, 1, NULL,
	    NULL, NULL, 0, 0, NULL },
};
IOC_S(rand_pool_s, struct rand_pool_info, rand_pool_f);

static const struct ioc_req reqs[] = {
	{ TIOCMGET, IR_OUT, NULL, &tiocm_s },
	{ TIOCMSET, IR_IN, &tiocm_s, NULL },
	{ TIOCMBIS, IR_IN, &tiocm_s, NULL },
	{ TIOCMBIC, IR_IN, &tiocm_s, NULL },
	{ LIRC_GET_FEATURES, IR_OUT, NULL, &lirc_features_s },
	{ LIRC_GET_SEND_MODE, IR_OUT, NULL, &lirc_mode_s },
	{ LIRC_GET_REC_MODE, IR_OUT, NULL, &lirc_mode_s },
	{ LIRC_GET_REC_RESOLUTION, IR_OUT, NULL, &u32_s },
	{ LIRC_GET_MIN_TIMEOUT, IR_OUT, NULL, &u32_s },
	{ LIRC_GET_MAX_TIMEOUT, IR_OUT, NULL, &u32_s },
	{ LIRC_GET_REC_TIMEOUT, IR_OUT, NULL, &u32_s },
	{ LIRC_GET_LENGTH, IR_OUT, NULL, &u32_s },
	{ LIRC_SET_SEND_MODE, IR_IN, &lirc_mode_s, NULL },
	{ LIRC_SET_REC_MODE, IR_IN, &lirc_mode_s, NULL },
	{ LIRC_SET_SEND_CARRIER, IR_IN, &u32_s, NULL },
	{ LIRC_SET_REC_CARRIER, IR_IN, &u32_s, NULL },
	{ LIRC_SET_SEND_DUTY_CYCLE, IR_IN, &u32_s, NULL },
	{ LIRC_SET_TRANSMITTER_MASK, IR_IN, &x32_s, NULL },
	{ LIRC_SET_REC_TIMEOUT, IR_IN, &u32_s, NULL },
	{ LIRC_SET_REC_TIMEOUT_REPORTS, IR_IN, &u32_s, NULL },
	{ LIRC_SET_MEASURE_CARRIER_MODE, IR_IN, &u32_s, NULL },
	{ LIRC_SET_REC_CARRIER_RANGE, IR_IN, &u32_s, NULL },
	{ LIRC_SET_WIDEBAND_RECEIVER, IR_IN, &u32_s, NULL },
	{ RNDADDENTROPY, IR_IN, &rand_pool_s, NULL },
	{ INOTIFY_IOC_SETNEXTWD, IR_VAL, &s32_s, NULL },
	{ NBD_SET_SOCK, IR_VAL, &fd_s, NULL },
	{ NBD_SET_BLKSIZE, IR_VAL, &ulong_s, NULL },
	{ NBD_SET_SIZE, IR_VAL, &ulong_s, NULL },
	{ NBD_SET_SIZE_BLOCKS, IR_VAL, &ulong_s, NULL },
	{ NBD_SET_TIMEOUT, IR_VAL, &ulong_s, NULL },
	{ NBD_SET_FLAGS, IR_VAL, &nbd_flags_s, NULL },
	/* video inputs: not described yet, their address */
	{ VIDIOC_ENUMINPUT, IR_ADDR, NULL, NULL },
};
const struct ioc_reqtab ptc__ioc_misc = { reqs, IOC_NF(reqs), 0 };
