/*
 * sc_ioctl_hdio.c: the arguments of the ATA disk requests (0x03,
 * <linux/hdreg.h>), as data for lib/sc_ioctl_struct.c.
 */
#include <linux/hdreg.h>
#include <stdint.h>

#include "sc_ioctl_struct.h"
#include "xlat.h"

static const struct ioc_field geo_f[] = {
	IOC_F(struct hd_geometry, heads, IF_U),
	IOC_F(struct hd_geometry, sectors, IF_U),
	IOC_F(struct hd_geometry, cylinders, IF_U),
	IOC_F(struct hd_geometry, start, IF_U),
};
IOC_S(geo_s, struct hd_geometry, geo_f);

/* HDIO_DRIVE_CMD: four bytes in, the same four out and the sectors read. */
static const struct ioc_field cmd_in_f[] = {
	IOC_FO("command", 0, 1, IF_ENUM, &ptc__xt_ata_cmds, "ATA_CMD_???"),
	IOC_FO("sector_number", 1, 1, IF_U, NULL, NULL),
	IOC_FO("feature", 2, 1, IF_U, NULL, NULL),
	IOC_FO("sector_count", 3, 1, IF_U, NULL, NULL),
};
static const struct ioc_struct cmd_in_s = { 4, IOC_NF(cmd_in_f), cmd_in_f,
	0, 0, 0 };
static const struct ioc_field cmd_out_f[] = {
	IOC_FO("status", 0, 1, IF_X, NULL, NULL),
	IOC_FO("error", 1, 1, IF_U, NULL, NULL),
	IOC_FO("nsector", 2, 1, IF_U, NULL, NULL),
	IOC_FO(NULL, 3, 1, IF_U, NULL, NULL),
	{ "buf", 4, 1, IF_TAILSTR, 0, 3, NULL, NULL, NULL,
	    IO_HEX | IO_OMIT0, 9, NULL },
};
static const struct ioc_struct cmd_out_s = { 4, IOC_NF(cmd_out_f),
	cmd_out_f, 0, 0, 0 };

static const struct ioc_field args3_f[] = {
	{ NULL, 0, 4, IF_ARRAY, IF_X, 3, NULL, NULL, NULL, 0, 0, NULL },
};
static const struct ioc_struct args3_s = { 12, 1, args3_f, 0, 0, 0 };

IOC_VAL(ulong_s, sizeof(unsigned long), IF_U, NULL, NULL);

IOC_VAL(id142_s, 142, IF_BYTES, NULL, NULL);
IOC_VAL(id512_s, 512, IF_BYTES, NULL, NULL);

/* strace names the bits by their shift: not names an .in file can hold. */
static const struct ptc__xlat nice_v[] = {
	{ 1 << IDE_NICE_DSC_OVERLAP, "1 << IDE_NICE_DSC_OVERLAP" },
	{ 1 << IDE_NICE_ATAPI_OVERLAP, "1 << IDE_NICE_ATAPI_OVERLAP" },
	{ 1 << IDE_NICE_1, "1 << IDE_NICE_1" },
	{ 1 << IDE_NICE_0, "1 << IDE_NICE_0" },
	{ 1 << IDE_NICE_2, "1 << IDE_NICE_2" },
};
static const struct ptc__xtab nice_x = { nice_v, IOC_NF(nice_v) };
IOC_VAL(nice_s, sizeof(unsigned long), IF_FLAGS, &nice_x, NULL);
IOC_VAL(bus_s, sizeof(unsigned long), IF_ENUM, &ptc__xt_hdio_busstate,
    "BUSSTATE_???");

static const struct ioc_req reqs[] = {
	{ HDIO_GETGEO, IR_OUT, NULL, &geo_s },
	{ HDIO_DRIVE_CMD, IR_INOUT, &cmd_in_s, &cmd_out_s },
	{ HDIO_DRIVE_RESET, IR_IN, &args3_s, NULL },
	{ HDIO_SCAN_HWIF, IR_IN, &args3_s, NULL },
	{ HDIO_GET_32BIT, IR_OUT, NULL, &ulong_s },
	{ HDIO_GET_ACOUSTIC, IR_OUT, NULL, &ulong_s },
	{ HDIO_GET_ADDRESS, IR_OUT, NULL, &ulong_s },
	{ HDIO_GET_DMA, IR_OUT, NULL, &ulong_s },
	{ HDIO_GET_KEEPSETTINGS, IR_OUT, NULL, &ulong_s },
	{ HDIO_GET_MULTCOUNT, IR_OUT, NULL, &ulong_s },
	{ HDIO_GET_NOWERR, IR_OUT, NULL, &ulong_s },
	{ HDIO_GET_UNMASKINTR, IR_OUT, NULL, &ulong_s },
	{ HDIO_GET_WCACHE, IR_OUT, NULL, &ulong_s },
	{ HDIO_SET_32BIT, IR_VAL, &ulong_s, NULL },
	{ HDIO_SET_ACOUSTIC, IR_VAL, &ulong_s, NULL },
	{ HDIO_SET_ADDRESS, IR_VAL, &ulong_s, NULL },
	{ HDIO_SET_DMA, IR_VAL, &ulong_s, NULL },
	{ HDIO_SET_KEEPSETTINGS, IR_VAL, &ulong_s, NULL },
	{ HDIO_SET_MULTCOUNT, IR_VAL, &ulong_s, NULL },
	{ HDIO_SET_NOWERR, IR_VAL, &ulong_s, NULL },
	{ HDIO_SET_PIO_MODE, IR_VAL, &ulong_s, NULL },
	{ HDIO_SET_UNMASKINTR, IR_VAL, &ulong_s, NULL },
	{ HDIO_SET_WCACHE, IR_VAL, &ulong_s, NULL },
	{ HDIO_UNREGISTER_HWIF, IR_VAL, &ulong_s, NULL },
	{ HDIO_OBSOLETE_IDENTITY, IR_OUT, NULL, &id142_s },
	{ HDIO_GET_IDENTITY, IR_OUT, NULL, &id512_s },
	{ HDIO_GET_NICE, IR_OUT, NULL, &nice_s },
	{ HDIO_SET_NICE, IR_VAL, &nice_s, NULL },
	{ HDIO_GET_BUSSTATE, IR_OUT, NULL, &bus_s },
	{ HDIO_SET_BUSSTATE, IR_VAL, &bus_s, NULL },
};
const struct ioc_reqtab ptc__ioc_hdio = { reqs, IOC_NF(reqs), 1 };
