/*
 * sc_ioctl_ubi.c: the arguments of UBI volume management requests
 * ('o', 'O', <mtd/ubi-user.h>), as data for lib/sc_ioctl_struct.c.
 */
#include <linux/ioctl.h>
#include <mtd/ubi-user.h>
#include <stdint.h>

#include "sc_ioctl_struct.h"
#include "xlat.h"

IOC_VAL(s32_s, 4, IF_D, NULL, NULL);
IOC_VAL(s64_s, 8, IF_D, NULL, NULL);

/* name: 1 + name_len (field c) bytes at most */
#define NAME(type, c) \
	{ "name", offsetof(type, name), sizeof(((type *)0)->name), IF_CSTRN, \
	    0, 0, NULL, NULL, NULL, 0, 0, NULL, (c) + 1, NULL }

static const struct ioc_field mkvol_f[] = {
	IOC_F(struct ubi_mkvol_req, vol_id, IF_D),
	IOC_F(struct ubi_mkvol_req, alignment, IF_D),
	IOC_F(struct ubi_mkvol_req, bytes, IF_D),
	IOC_FX(struct ubi_mkvol_req, vol_type, IF_ENUM,
	    &ptc__xt_ubi_volume_types, "UBI_???"),
	IOC_FX(struct ubi_mkvol_req, flags, IF_FLAGS,
	    &ptc__xt_ubi_volume_flags, "UBI_VOL_???"),
	IOC_F(struct ubi_mkvol_req, name_len, IF_D),
	NAME(struct ubi_mkvol_req, 5),
};
IOC_S(mkvol_s, struct ubi_mkvol_req, mkvol_f);

static const struct ioc_field rsvol_f[] = {
	IOC_F(struct ubi_rsvol_req, bytes, IF_D),
	IOC_F(struct ubi_rsvol_req, vol_id, IF_D),
};
IOC_S(rsvol_s, struct ubi_rsvol_req, rsvol_f);

#define ENT(m) \
	{ #m, offsetof(struct ubi_rnvol_req, ents[0].m) - \
	    offsetof(struct ubi_rnvol_req, ents[0]), \
	    sizeof(((struct ubi_rnvol_req *)0)->ents[0].m), IF_D, 0, 0, NULL, \
	    NULL, NULL, 0, 0, NULL, 0, NULL }
static const struct ioc_field rnvol_ent_f[] = {
	ENT(vol_id),
	ENT(name_len),
	{ "name", offsetof(struct ubi_rnvol_req, ents[0].name) -
	    offsetof(struct ubi_rnvol_req, ents[0]),
	    sizeof(((struct ubi_rnvol_req *)0)->ents[0].name), IF_CSTRN, 0, 0,
	    NULL, NULL, NULL, 0, 0, NULL, 2, NULL },
};
static const struct ioc_struct rnvol_ent_s = {
	sizeof(((struct ubi_rnvol_req *)0)->ents[0]), IOC_NF(rnvol_ent_f),
	rnvol_ent_f, 0, 0, 0
};
static const struct ioc_field rnvol_f[] = {
	IOC_F(struct ubi_rnvol_req, count, IF_D),
	IOC_FARRN(struct ubi_rnvol_req, ents, 0,
	    sizeof(((struct ubi_rnvol_req *)0)->ents[0]), 0, &rnvol_ent_s,
	    NULL, 0),
};
IOC_S(rnvol_s, struct ubi_rnvol_req, rnvol_f);

#define DTYPE(type) IOC_FX(type, dtype, IF_ENUM, &ptc__xt_ubi_data_types, \
	"UBI_???")
static const struct ioc_field leb_f[] = {
	IOC_F(struct ubi_leb_change_req, lnum, IF_D),
	IOC_F(struct ubi_leb_change_req, bytes, IF_D),
	DTYPE(struct ubi_leb_change_req),
};
IOC_S(leb_s, struct ubi_leb_change_req, leb_f);

static const struct ioc_field map_f[] = {
	IOC_F(struct ubi_map_req, lnum, IF_D),
	DTYPE(struct ubi_map_req),
};
IOC_S(map_s, struct ubi_map_req, map_f);

static const struct ioc_field attach_f[] = {
	IOC_F(struct ubi_attach_req, ubi_num, IF_D),
	IOC_F(struct ubi_attach_req, mtd_num, IF_D),
	IOC_F(struct ubi_attach_req, vid_hdr_offset, IF_D),
	IOC_F(struct ubi_attach_req, max_beb_per1024, IF_D),
};
IOC_S(attach_s, struct ubi_attach_req, attach_f);

static const struct ioc_field prop_f[] = {
	IOC_FX(struct ubi_set_vol_prop_req, property, IF_ENUM,
	    &ptc__xt_ubi_volume_props, "UBI_VOL_PROP_???"),
	IOC_F(struct ubi_set_vol_prop_req, value, IF_X),
};
IOC_S(prop_s, struct ubi_set_vol_prop_req, prop_f);

static const struct ioc_req reqs[] = {
	/* the new volume's or device's number comes back in place */
	{ UBI_IOCMKVOL, IR_INOUT, &mkvol_s, &s32_s, 0, NULL },
	{ UBI_IOCATT, IR_INOUT, &attach_s, &s32_s, 0, NULL },
	{ UBI_IOCRSVOL, IR_IN, &rsvol_s, NULL, 0, NULL },
	{ UBI_IOCRNVOL, IR_IN, &rnvol_s, NULL, 0, NULL },
	{ UBI_IOCEBCH, IR_IN, &leb_s, NULL, 0, NULL },
	{ UBI_IOCEBMAP, IR_IN, &map_s, NULL, 0, NULL },
	{ UBI_IOCSETVOLPROP, IR_IN, &prop_s, NULL, 0, NULL },
	{ UBI_IOCRMVOL, IR_IN, &s32_s, NULL, 0, NULL },
	{ UBI_IOCRPEB, IR_IN, &s32_s, NULL, 0, NULL },
	{ UBI_IOCSPEB, IR_IN, &s32_s, NULL, 0, NULL },
	{ UBI_IOCDET, IR_IN, &s32_s, NULL, 0, NULL },
	{ UBI_IOCEBER, IR_IN, &s32_s, NULL, 0, NULL },
	{ UBI_IOCEBUNMAP, IR_IN, &s32_s, NULL, 0, NULL },
	{ UBI_IOCEBISMAP, IR_IN, &s32_s, NULL, 0, NULL },
	{ UBI_IOCVOLUP, IR_IN, &s64_s, NULL, 0, NULL },
};
const struct ioc_reqtab ptc__ioc_ubi = { reqs, IOC_NF(reqs), 0 };
