/*
 * sc_ioctl_scsi.c: the arguments of the SCSI generic driver's requests
 * (0x22, <scsi/sg.h>), as data for lib/sc_ioctl_struct.c.
 */
#include <scsi/sg.h>
#include <stdint.h>
#include <string.h>

#include "sc_ioctl_struct.h"
#include "xlat.h"

/* The C library's <scsi/sg.h> is older than the kernel's. */
#ifndef SG_SCSI_RESET_NO_ESCALATE
#define SG_SCSI_RESET_NO_ESCALATE 0x100
#endif
#ifndef SG_GET_ACCESS_COUNT
#define SG_GET_ACCESS_COUNT 0x2289
#endif

IOC_VAL(int_s, 4, IF_D, NULL, NULL);
IOC_VAL(x32_s, 4, IF_X, NULL, NULL);

/* SG_SCSI_RESET: the no-escalation bit, then what to reset. */
static void
reset(struct ptc__dc *c, const unsigned char *p)
{
	char buf[128];
	unsigned v;

	memcpy(&v, p, sizeof(v));
	buf[0] = '\0';
	if (v & SG_SCSI_RESET_NO_ESCALATE)
		ptc__sxval(buf, sizeof(buf), ptc__xstyle(c),
		    SG_SCSI_RESET_NO_ESCALATE, 'x', "SG_SCSI_RESET_NO_ESCALATE");
	v &= ~(unsigned)SG_SCSI_RESET_NO_ESCALATE;
	if (buf[0] != '\0') {
		ptc__p_raw(c, buf);
		ptc__sb_putc(c->o, '|');
		c->after_field = 1;
	}
	ptc__p_enum(c, &ptc__xt_sg_scsi_reset, v, "SG_SCSI_RESET_???");
}
static const struct ioc_field reset_f[] = {
	{ NULL, 0, 4, IF_FN, 0, 0, NULL, NULL, NULL, 0, 0, NULL, 0, reset },
};
static const struct ioc_struct reset_s = { 4, 1, reset_f, 0, 0, 0 };

static const struct ioc_req reqs[] = {
	{ SG_NEXT_CMD_LEN, IR_IN, &int_s, NULL, 0, NULL },
	{ SG_SET_COMMAND_Q, IR_IN, &int_s, NULL, 0, NULL },
	{ SG_SET_DEBUG, IR_IN, &int_s, NULL, 0, NULL },
	{ SG_SET_FORCE_LOW_DMA, IR_IN, &int_s, NULL, 0, NULL },
	{ SG_SET_FORCE_PACK_ID, IR_IN, &int_s, NULL, 0, NULL },
	{ SG_SET_KEEP_ORPHAN, IR_IN, &int_s, NULL, 0, NULL },
	{ SG_SET_RESERVED_SIZE, IR_IN, &int_s, NULL, 0, NULL },
	{ SG_SET_TIMEOUT, IR_IN, &int_s, NULL, 0, NULL },
	{ SG_EMULATED_HOST, IR_OUT, NULL, &int_s, 0, NULL },
	{ SG_GET_ACCESS_COUNT, IR_OUT, NULL, &int_s, 0, NULL },
	{ SG_GET_COMMAND_Q, IR_OUT, NULL, &int_s, 0, NULL },
	{ SG_GET_KEEP_ORPHAN, IR_OUT, NULL, &int_s, 0, NULL },
	{ SG_GET_LOW_DMA, IR_OUT, NULL, &int_s, 0, NULL },
	{ SG_GET_NUM_WAITING, IR_OUT, NULL, &int_s, 0, NULL },
	{ SG_GET_PACK_ID, IR_OUT, NULL, &int_s, 0, NULL },
	{ SG_GET_RESERVED_SIZE, IR_OUT, NULL, &int_s, 0, NULL },
	{ SG_GET_SG_TABLESIZE, IR_OUT, NULL, &int_s, 0, NULL },
	{ SG_GET_TRANSFORM, IR_OUT, NULL, &int_s, 0, NULL },
	{ SG_GET_VERSION_NUM, IR_OUT, NULL, &int_s, 0, NULL },
	{ SG_SET_TRANSFORM, IR_VAL, &x32_s, NULL, 0, NULL },
	{ SG_SCSI_RESET, IR_IN, &reset_s, NULL, 0, NULL },
	/* structures not described yet: their address */
	{ SG_IO, IR_ADDR, NULL, NULL, 0, NULL },
	{ SG_GET_SCSI_ID, IR_ADDR, NULL, NULL, 0, NULL },
	{ SG_GET_REQUEST_TABLE, IR_ADDR, NULL, NULL, 0, NULL },
};
const struct ioc_reqtab ptc__ioc_scsi = { reqs, IOC_NF(reqs), 0 };
