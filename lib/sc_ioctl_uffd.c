/*
 * sc_ioctl_uffd.c: the arguments of userfaultfd requests (0xaa,
 * <linux/userfaultfd.h>), as data for lib/sc_ioctl_struct.c.  What the
 * kernel answers (the ioctls it supports, the bytes it copied) joins
 * the structure at the exit of a call that succeeded.
 */
#include <linux/ioctl.h>
#include <linux/userfaultfd.h>
#include <stddef.h>

#include "sc_ioctl_struct.h"
#include "xlat.h"

/* A field the kernel fills in: shown only after it did. */
#define OK(type, m, fmt, x, unk) \
	{ #m, offsetof(type, m), sizeof(((type *)0)->m), fmt, 0, 0, x, unk, \
	    NULL, IO_OK, 0, NULL, 0, NULL }

static const struct ioc_field api_f[] = {
	IOC_F(struct uffdio_api, api, IF_X),
	{ "features", offsetof(struct uffdio_api, features), 8, IF_FLAGS, 0,
	    0, &ptc__xt_uffd_api_features, "UFFD_FEATURE_???", NULL, IO_CHG,
	    0, NULL, 0, NULL },
	OK(struct uffdio_api, ioctls, IF_FLAGS, &ptc__xt_uffd_api_ioctls,
	    "_UFFDIO_???"),
};
IOC_S(api_s, struct uffdio_api, api_f);

static const struct ioc_field range_f[] = {
	IOC_F(struct uffdio_range, start, IF_X),
	IOC_F(struct uffdio_range, len, IF_X),
};
IOC_S(range_s, struct uffdio_range, range_f);

static const struct ioc_field register_f[] = {
	IOC_FSUB(struct uffdio_register, range, &range_s),
	IOC_FX(struct uffdio_register, mode, IF_FLAGS,
	    &ptc__xt_uffd_register_modes, "UFFDIO_REGISTER_MODE_???"),
	OK(struct uffdio_register, ioctls, IF_FLAGS,
	    &ptc__xt_uffd_range_ioctls, "UFFDIO_???"),
};
IOC_S(register_s, struct uffdio_register, register_f);

static const struct ioc_field copy_f[] = {
	IOC_F(struct uffdio_copy, dst, IF_X),
	IOC_F(struct uffdio_copy, src, IF_X),
	IOC_F(struct uffdio_copy, len, IF_X),
	IOC_FX(struct uffdio_copy, mode, IF_FLAGS, &ptc__xt_uffd_copy_modes,
	    "UFFDIO_COPY_???"),
	OK(struct uffdio_copy, copy, IF_X, NULL, NULL),
};
IOC_S(copy_s, struct uffdio_copy, copy_f);

static const struct ioc_field zeropage_f[] = {
	IOC_FSUB(struct uffdio_zeropage, range, &range_s),
	IOC_FX(struct uffdio_zeropage, mode, IF_FLAGS,
	    &ptc__xt_uffd_zeropage_modes, "UFFDIO_ZEROPAGE_???"),
	OK(struct uffdio_zeropage, zeropage, IF_X, NULL, NULL),
};
IOC_S(zeropage_s, struct uffdio_zeropage, zeropage_f);

static const struct ioc_req reqs[] = {
	{ UFFDIO_API, IR_IN, &api_s, NULL, 0, NULL },
	{ UFFDIO_REGISTER, IR_IN, &register_s, NULL, 0, NULL },
	{ UFFDIO_UNREGISTER, IR_IN, &range_s, NULL, 0, NULL },
	{ UFFDIO_WAKE, IR_IN, &range_s, NULL, 0, NULL },
	{ UFFDIO_COPY, IR_IN, &copy_s, NULL, 0, NULL },
	{ UFFDIO_ZEROPAGE, IR_IN, &zeropage_s, NULL, 0, NULL },
};
const struct ioc_reqtab ptc__ioc_uffd = { reqs, IOC_NF(reqs), 0 };
