/*
 * sc_ioctl_mtd.c: the arguments of memory technology device requests
 * ('M', <mtd/mtd-abi.h>), as data for lib/sc_ioctl_struct.c.
 */
#include <linux/ioctl.h>
#include <mtd/mtd-abi.h>
#include <stdint.h>
#include <string.h>

#include "sc_ioctl_struct.h"
#include "xlat.h"

static const struct ioc_field erase_f[] = {
	IOC_F(struct erase_info_user, start, IF_X),
	IOC_F(struct erase_info_user, length, IF_X),
};
IOC_S(erase_s, struct erase_info_user, erase_f);
static const struct ioc_field erase64_f[] = {
	IOC_F(struct erase_info_user64, start, IF_X),
	IOC_F(struct erase_info_user64, length, IF_X),
};
IOC_S(erase64_s, struct erase_info_user64, erase64_f);

static const struct ioc_field oob_f[] = {
	IOC_F(struct mtd_oob_buf, start, IF_X),
	IOC_F(struct mtd_oob_buf, length, IF_X),
	IOC_F(struct mtd_oob_buf, ptr, IF_PTR),
};
IOC_S(oob_s, struct mtd_oob_buf, oob_f);
static const struct ioc_field oob64_f[] = {
	IOC_F(struct mtd_oob_buf64, start, IF_X),
	IOC_F(struct mtd_oob_buf64, length, IF_X),
	IOC_F(struct mtd_oob_buf64, usr_ptr, IF_X),
};
IOC_S(oob64_s, struct mtd_oob_buf64, oob64_f);

static const struct ioc_field write_f[] = {
	IOC_F(struct mtd_write_req, start, IF_X),
	IOC_F(struct mtd_write_req, len, IF_X),
	IOC_F(struct mtd_write_req, ooblen, IF_X),
	IOC_F(struct mtd_write_req, usr_data, IF_X),
	IOC_F(struct mtd_write_req, usr_oob, IF_X),
	IOC_FX(struct mtd_write_req, mode, IF_ENUM, &ptc__xt_mtd_modes,
	    "MTD_OPS_???"),
};
IOC_S(write_s, struct mtd_write_req, write_f);

static const struct ioc_field otp_f[] = {
	IOC_F(struct otp_info, start, IF_X),
	IOC_F(struct otp_info, length, IF_X),
	IOC_F(struct otp_info, locked, IF_U),
};
IOC_S(otp_s, struct otp_info, otp_f);

static const struct ioc_field info_f[] = {
	IOC_FX(struct mtd_info_user, type, IF_ENUM, &ptc__xt_mtd_types,
	    "MTD_???"),
	IOC_FX(struct mtd_info_user, flags, IF_FLAGS, &ptc__xt_mtd_flags,
	    "MTD_???"),
	IOC_F(struct mtd_info_user, size, IF_X),
	IOC_F(struct mtd_info_user, erasesize, IF_X),
	IOC_F(struct mtd_info_user, writesize, IF_X),
	IOC_F(struct mtd_info_user, oobsize, IF_X),
	IOC_F(struct mtd_info_user, padding, IF_X),
};
IOC_S(info_s, struct mtd_info_user, info_f);

/* nand_oobinfo's oobfree: pairs of numbers in hex */
static void
pair(struct ptc__dc *c, const unsigned char *p)
{
	uint32_t v[2];

	memcpy(v, p, sizeof(v));
	ptc__l_open(c);
	ptc__p_hex(c, v[0]);
	ptc__p_hex(c, v[1]);
	ptc__l_close(c);
}

static const struct ioc_field oobinfo_f[] = {
	IOC_FX(struct nand_oobinfo, useecc, IF_ENUM, &ptc__xt_mtd_nandecc,
	    "MTD_NANDECC_???"),
	IOC_F(struct nand_oobinfo, eccbytes, IF_X),
	{ "oobfree", offsetof(struct nand_oobinfo, oobfree), 8, IF_ARRAY,
	    IF_FN, 8, NULL, NULL, NULL, 0, 0, NULL, 0, pair },
	IOC_FARR(struct nand_oobinfo, eccpos, IF_X, 4),
};
IOC_S(oobinfo_s, struct nand_oobinfo, oobinfo_f);

static const struct ioc_field oobfree_f[] = {
	IOC_F(struct nand_oobfree, offset, IF_X),
	IOC_F(struct nand_oobfree, length, IF_X),
};
IOC_S(oobfree_s, struct nand_oobfree, oobfree_f);
static const struct ioc_field layout_f[] = {
	IOC_F(struct nand_ecclayout_user, eccbytes, IF_X),
	IOC_FARR(struct nand_ecclayout_user, eccpos, IF_X, 4),
	IOC_F(struct nand_ecclayout_user, oobavail, IF_X),
	{ "oobfree", offsetof(struct nand_ecclayout_user, oobfree),
	    sizeof(struct nand_oobfree), IF_ARRAY, 0, MTD_MAX_OOBFREE_ENTRIES,
	    NULL, NULL, &oobfree_s, 0, 0, NULL, 0, NULL },
};
IOC_S(layout_s, struct nand_ecclayout_user, layout_f);

static const struct ioc_field stats_f[] = {
	IOC_F(struct mtd_ecc_stats, corrected, IF_X),
	IOC_F(struct mtd_ecc_stats, failed, IF_X),
	IOC_F(struct mtd_ecc_stats, badblocks, IF_X),
	IOC_F(struct mtd_ecc_stats, bbtblocks, IF_X),
};
IOC_S(stats_s, struct mtd_ecc_stats, stats_f);

/* the region's index in, its description too on success */
#define OK(m) { #m, offsetof(struct region_info_user, m), 4, IF_X, 0, 0, \
	NULL, NULL, NULL, IO_OK, 0, NULL, 0, NULL }
static const struct ioc_field region_f[] = {
	IOC_F(struct region_info_user, regionindex, IF_X),
	OK(offset),
	OK(erasesize),
	OK(numblocks),
};
IOC_S(region_s, struct region_info_user, region_f);

IOC_VAL(u64_s, 8, IF_U, NULL, NULL);
IOC_VAL(uint_s, 4, IF_U, NULL, NULL);
IOC_VAL(int_s, 4, IF_D, NULL, NULL);
IOC_VAL(otpsel_s, 4, IF_ENUM, &ptc__xt_mtd_otp, "MTD_OTP_???");
IOC_VAL(filemode_s, 8, IF_ENUM, &ptc__xt_mtd_file_modes,
    "MTD_FILE_MODE_???");

static const struct ioc_req reqs[] = {
	{ MEMERASE, IR_IN, &erase_s, NULL, 0, NULL },
	{ MEMLOCK, IR_IN, &erase_s, NULL, 0, NULL },
	{ MEMUNLOCK, IR_IN, &erase_s, NULL, 0, NULL },
	{ MEMISLOCKED, IR_IN, &erase_s, NULL, 0, NULL },
	{ MEMERASE64, IR_IN, &erase64_s, NULL, 0, NULL },
	{ MEMWRITEOOB, IR_IN, &oob_s, NULL, 0, NULL },
	{ MEMREADOOB, IR_IN, &oob_s, NULL, 0, NULL },
	{ MEMWRITEOOB64, IR_IN, &oob64_s, NULL, 0, NULL },
	{ MEMREADOOB64, IR_IN, &oob64_s, NULL, 0, NULL },
	{ MEMWRITE, IR_IN, &write_s, NULL, 0, NULL },
	{ OTPGETREGIONINFO, IR_OUT, NULL, &otp_s, 0, NULL },
	{ OTPLOCK, IR_IN, &otp_s, NULL, 0, NULL },
	{ OTPSELECT, IR_IN, &otpsel_s, NULL, 0, NULL },
	{ MTDFILEMODE, IR_VAL, &filemode_s, NULL, 0, NULL },
	{ MEMGETBADBLOCK, IR_IN, &u64_s, NULL, 0, NULL },
	{ MEMSETBADBLOCK, IR_IN, &u64_s, NULL, 0, NULL },
	{ MEMGETINFO, IR_OUT, NULL, &info_s, 0, NULL },
	{ MEMGETOOBSEL, IR_OUT, NULL, &oobinfo_s, 0, NULL },
	{ ECCGETLAYOUT, IR_OUT, NULL, &layout_s, 0, NULL },
	{ ECCGETSTATS, IR_OUT, NULL, &stats_s, 0, NULL },
	{ OTPGETREGIONCOUNT, IR_OUT, NULL, &uint_s, 0, NULL },
	{ MEMGETREGIONCOUNT, IR_OUT, NULL, &int_s, 0, NULL },
	{ MEMGETREGIONINFO, IR_IN, &region_s, NULL, 0, NULL },
};
const struct ioc_reqtab ptc__ioc_mtd = { reqs, IOC_NF(reqs), 1 };
