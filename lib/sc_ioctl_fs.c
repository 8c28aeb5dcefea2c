/*
 * sc_ioctl_fs.c: the arguments of file system requests ('f', 'X',
 * FS_IOC_*) and of counters ('>'), as data for lib/sc_ioctl_struct.c.
 */
#include <linux/counter.h>
#include <linux/fiemap.h>
#include <linux/fs.h>
#include <stdint.h>

#include "sc_ioctl_struct.h"
#include "xlat.h"

static const struct ioc_field fstrim_f[] = {
	IOC_F(struct fstrim_range, start, IF_X),
	IOC_F(struct fstrim_range, len, IF_U),
	IOC_F(struct fstrim_range, minlen, IF_U),
};
IOC_S(fstrim_s, struct fstrim_range, fstrim_f);

#define XFLAGS IOC_FX(struct fsxattr, fsx_xflags, IF_FLAGS, \
	&ptc__xt_fs_xflags, "FS_XFLAG_???")
static const struct ioc_field fsxattr_in_f[] = {
	XFLAGS,
	IOC_F(struct fsxattr, fsx_extsize, IF_U),
	IOC_F(struct fsxattr, fsx_projid, IF_X),
	IOC_F(struct fsxattr, fsx_cowextsize, IF_U),
};
IOC_S(fsxattr_in_s, struct fsxattr, fsxattr_in_f);
static const struct ioc_field fsxattr_out_f[] = {
	XFLAGS,
	IOC_F(struct fsxattr, fsx_extsize, IF_U),
	IOC_F(struct fsxattr, fsx_nextents, IF_U),
	IOC_F(struct fsxattr, fsx_projid, IF_X),
	IOC_F(struct fsxattr, fsx_cowextsize, IF_U),
};
IOC_S(fsxattr_out_s, struct fsxattr, fsxattr_out_f);

/* FS_IOC_[GS]ETFLAGS say long but the kernel reads and writes an int. */
IOC_VAL(iflags_s, 4, IF_FLAGS, &ptc__xt_fs_iflags, "FS_???_FL");

static const struct ioc_field fiemap_extent_f[] = {
	IOC_F(struct fiemap_extent, fe_logical, IF_U),
	IOC_F(struct fiemap_extent, fe_physical, IF_U),
	IOC_F(struct fiemap_extent, fe_length, IF_U),
	IOC_FX(struct fiemap_extent, fe_flags, IF_FLAGS,
	    &ptc__xt_fiemap_extent_flags, "FIEMAP_EXTENT_???"),
};
IOC_S(fiemap_extent_s, struct fiemap_extent, fiemap_extent_f);

#define FM_FLAGS IOC_FX(struct fiemap, fm_flags, IF_FLAGS, \
	&ptc__xt_fiemap_flags, "FIEMAP_FLAG_???")
static const struct ioc_field fiemap_in_f[] = {
	IOC_F(struct fiemap, fm_start, IF_U),
	IOC_F(struct fiemap, fm_length, IF_U),
	FM_FLAGS,
	IOC_F(struct fiemap, fm_extent_count, IF_U),
};
IOC_S(fiemap_in_s, struct fiemap, fiemap_in_f);
/* fm_extents: fm_mapped_extents (field 1) extents after the header. */
static const struct ioc_field fiemap_out_f[] = {
	FM_FLAGS,
	IOC_F(struct fiemap, fm_mapped_extents, IF_U),
	{ "fm_extents", sizeof(struct fiemap), sizeof(struct fiemap_extent),
	    IF_TAIL, 0, 1, NULL, NULL, &fiemap_extent_s, 0, 0, NULL },
};
IOC_S(fiemap_out_s, struct fiemap, fiemap_out_f);

static const struct ioc_field counter_component_f[] = {
	IOC_FX(struct counter_component, type, IF_ENUM,
	    &ptc__xt_counter_component_type, "COUNTER_COMPONENT_???"),
	IOC_FX(struct counter_component, scope, IF_ENUM,
	    &ptc__xt_counter_scope, "COUNTER_SCOPE_???"),
	IOC_F(struct counter_component, parent, IF_U),
	IOC_F(struct counter_component, id, IF_U),
};
IOC_S(counter_component_s, struct counter_component, counter_component_f);
static const struct ioc_field counter_watch_f[] = {
	IOC_FSUB(struct counter_watch, component, &counter_component_s),
	IOC_FX(struct counter_watch, event, IF_ENUM,
	    &ptc__xt_counter_event_type, "COUNTER_EVENT_???"),
	IOC_F(struct counter_watch, channel, IF_U),
};
IOC_S(counter_watch_s, struct counter_watch, counter_watch_f);

static const struct ioc_req reqs[] = {
	{ FITRIM, IR_IN, &fstrim_s, NULL },
	{ FS_IOC_FSSETXATTR, IR_IN, &fsxattr_in_s, NULL },
	{ FS_IOC_FSGETXATTR, IR_OUT, NULL, &fsxattr_out_s },
	{ FS_IOC_GETFLAGS, IR_OUT, NULL, &iflags_s },
	{ FS_IOC32_GETFLAGS, IR_OUT, NULL, &iflags_s },
	{ FS_IOC_SETFLAGS, IR_IN, &iflags_s, NULL },
	{ FS_IOC32_SETFLAGS, IR_IN, &iflags_s, NULL },
	{ FS_IOC_FIEMAP, IR_INOUT, &fiemap_in_s, &fiemap_out_s },
	{ COUNTER_ADD_WATCH_IOCTL, IR_IN, &counter_watch_s, NULL },
};
const struct ioc_reqtab ptc__ioc_fs = { reqs, IOC_NF(reqs), 0 };
