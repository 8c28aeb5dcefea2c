/*
 * sc_ioctl_loop.c: the arguments of loop device requests ('L',
 * <linux/loop.h>), as data for lib/sc_ioctl_struct.c.  Without -v
 * strace leaves out the device numbers and, unless the device is
 * encrypted, the encryption fields.
 */
#include <linux/loop.h>
#include <stdint.h>

#include "sc_ioctl_struct.h"
#include "xlat.h"

/* A field shown with -v, or when the encryption type (field e) is set. */
#define CRYPT(type, m, fmt, x, unk, e) \
	{ #m, offsetof(type, m), sizeof(((type *)0)->m), fmt, 0, e, x, unk, \
	    NULL, IO_OMIT0 | IO_VALL, 0, NULL, 0, NULL }
#define VONLY(type, m, fmt) \
	{ #m, offsetof(type, m), sizeof(((type *)0)->m), fmt, 0, 0, NULL, \
	    NULL, NULL, IO_V, 0, NULL, 0, NULL }
/* The key: as many bytes as its size field (index k) says. */
#define KEY(type, e, k) \
	{ "lo_encrypt_key", offsetof(type, lo_encrypt_key), LO_KEY_SIZE, \
	    IF_STRN, 0, e, NULL, NULL, NULL, IO_OMIT0 | IO_VALL, 0, NULL, \
	    (k) + 1, NULL }
#define MORE { "", 0, 0, IF_MORE, 0, 0, NULL, NULL, NULL, 0, 0, NULL, 0, NULL }
#define XARRAY(type, m, esize) \
	{ #m, offsetof(type, m), esize, IF_ARRAY, IF_X, \
	    sizeof(((type *)0)->m) / (esize), NULL, NULL, NULL, IO_V, 0, NULL, \
	    0, NULL }

static const struct ioc_field info_f[] = {
	IOC_F(struct loop_info, lo_number, IF_D),
	VONLY(struct loop_info, lo_device, IF_DEV),
	VONLY(struct loop_info, lo_inode, IF_U),
	VONLY(struct loop_info, lo_rdevice, IF_DEV),
	IOC_F(struct loop_info, lo_offset, IF_X),
	CRYPT(struct loop_info, lo_encrypt_type, IF_ENUM,
	    &ptc__xt_loop_crypt_types, "LO_CRYPT_???", 5),
	CRYPT(struct loop_info, lo_encrypt_key_size, IF_U, NULL, NULL, 5),
	IOC_FX(struct loop_info, lo_flags, IF_FLAGS, &ptc__xt_loop_flags,
	    "LO_FLAGS_???"),
	IOC_F(struct loop_info, lo_name, IF_STR),
	KEY(struct loop_info, 5, 6),
	XARRAY(struct loop_info, lo_init, sizeof(unsigned long)),
	XARRAY(struct loop_info, reserved, 1),
	MORE,
};
IOC_S(info_s, struct loop_info, info_f);

static const struct ioc_field info64_f[] = {
	VONLY(struct loop_info64, lo_device, IF_DEV),
	VONLY(struct loop_info64, lo_inode, IF_U),
	VONLY(struct loop_info64, lo_rdevice, IF_DEV),
	IOC_F(struct loop_info64, lo_offset, IF_X),
	VONLY(struct loop_info64, lo_sizelimit, IF_U),
	IOC_F(struct loop_info64, lo_number, IF_U),
	CRYPT(struct loop_info64, lo_encrypt_type, IF_ENUM,
	    &ptc__xt_loop_crypt_types, "LO_CRYPT_???", 6),
	CRYPT(struct loop_info64, lo_encrypt_key_size, IF_U, NULL, NULL, 6),
	IOC_FX(struct loop_info64, lo_flags, IF_FLAGS, &ptc__xt_loop_flags,
	    "LO_FLAGS_???"),
	IOC_F(struct loop_info64, lo_file_name, IF_STR),
	CRYPT(struct loop_info64, lo_crypt_name, IF_STR, NULL, NULL, 6),
	KEY(struct loop_info64, 6, 7),
	XARRAY(struct loop_info64, lo_init, 8),
	MORE,
};
IOC_S(info64_s, struct loop_info64, info64_f);

static const struct ioc_field config_f[] = {
	IOC_F(struct loop_config, fd, IF_FD),
	IOC_F(struct loop_config, block_size, IF_U),
	IOC_FSUB(struct loop_config, info, &info64_s),
	{ "__reserved", offsetof(struct loop_config, __reserved), 8, IF_ARRAY,
	    IF_X, sizeof(((struct loop_config *)0)->__reserved) / 8, NULL,
	    NULL, NULL, IO_NZ, 0, NULL, 0, NULL },
};
IOC_S(config_s, struct loop_config, config_f);

static const struct ioc_req reqs[] = {
	{ LOOP_SET_STATUS, IR_IN, &info_s, NULL, 0, NULL },
	{ LOOP_GET_STATUS, IR_OUT, NULL, &info_s, 0, NULL },
	{ LOOP_SET_STATUS64, IR_IN, &info64_s, NULL, 0, NULL },
	{ LOOP_GET_STATUS64, IR_OUT, NULL, &info64_s, 0, NULL },
	{ LOOP_CONFIGURE, IR_IN, &config_s, NULL, 0, NULL },
};
const struct ioc_reqtab ptc__ioc_loop = { reqs, IOC_NF(reqs), 1 };
