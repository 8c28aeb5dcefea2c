/*
 * sc_ioctl_seccomp.c: the arguments of seccomp's user notification
 * requests ('!'), as data for lib/sc_ioctl_struct.c.
 */
#include <linux/ioctl.h>
#include <linux/seccomp.h>
#include <stdint.h>

#include "sc_ioctl_struct.h"
#include "xlat.h"

static const struct ioc_field data_f[] = {
	{ "nr", offsetof(struct seccomp_data, nr), 4, IF_SYSCALL, 0,
	    offsetof(struct seccomp_data, arch), NULL, NULL, NULL, 0, 0,
	    NULL },
	IOC_FX(struct seccomp_data, arch, IF_ENUM, &ptc__xt_audit_arch,
	    "AUDIT_ARCH_???"),
	IOC_F(struct seccomp_data, instruction_pointer, IF_PTR),
	IOC_FARR(struct seccomp_data, args, IF_X, 8),
};
IOC_S(data_s, struct seccomp_data, data_f);

static const struct ioc_field notif_f[] = {
	IOC_F(struct seccomp_notif, id, IF_X),
	IOC_F(struct seccomp_notif, pid, IF_PID),
	IOC_F(struct seccomp_notif, flags, IF_X),
	IOC_FSUB(struct seccomp_notif, data, &data_s),
};
IOC_S(notif_s, struct seccomp_notif, notif_f);

static const struct ioc_field resp_f[] = {
	IOC_F(struct seccomp_notif_resp, id, IF_X),
	IOC_F(struct seccomp_notif_resp, val, IF_D),
	IOC_F(struct seccomp_notif_resp, error, IF_ERRNO),
	IOC_FX(struct seccomp_notif_resp, flags, IF_FLAGS,
	    &ptc__xt_seccomp_notif_resp_flags, "SECCOMP_USER_NOTIF_FLAG_???"),
};
IOC_S(resp_s, struct seccomp_notif_resp, resp_f);

IOC_VAL(id_s, 8, IF_X, NULL, NULL);

static const struct ioc_field addfd_f[] = {
	IOC_F(struct seccomp_notif_addfd, id, IF_X),
	IOC_FX(struct seccomp_notif_addfd, flags, IF_FLAGS,
	    &ptc__xt_seccomp_addfd_flags, "SECCOMP_ADDFD_FLAG_???"),
	IOC_F(struct seccomp_notif_addfd, srcfd, IF_FD),
	IOC_F(struct seccomp_notif_addfd, newfd, IF_D),
	IOC_FX(struct seccomp_notif_addfd, newfd_flags, IF_FLAGS,
	    &ptc__xt_open_flags, NULL),
};
IOC_S(addfd_s, struct seccomp_notif_addfd, addfd_f);

static const struct ioc_req reqs[] = {
	{ SECCOMP_IOCTL_NOTIF_RECV, IR_INOUT_Z, &notif_s, &notif_s },
	{ SECCOMP_IOCTL_NOTIF_SEND, IR_IN, &resp_s, NULL },
	{ SECCOMP_IOCTL_NOTIF_ID_VALID, IR_IN, &id_s, NULL },
	/* the number the first kernels gave it, _IOR('!', 2, __u64) */
	{ 0x80082102, IR_IN, &id_s, NULL },
	{ SECCOMP_IOCTL_NOTIF_ADDFD, IR_IN, &addfd_s, NULL },
};
const struct ioc_reqtab ptc__ioc_seccomp = { reqs, IOC_NF(reqs), 0 };
