/*
 * st-misc: calls whose arguments are structures, arrays or constants
 * strace decodes beyond a number (unknown values, System V IPC
 * structures, open_how, memory policies, memfd and landlock flags,
 * extended attribute values), each made so that its result does not
 * depend on the machine.  Run in a scratch directory.  Exits 0.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdint.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/uio.h>
#include <unistd.h>

int
main(void)
{
	struct msqid_ds ds;
	uint64_t how[4] = { 0x80, 0, 1, 0x8786858483828180ull };
	unsigned long mask[2] = { 0, 0 };
	uint64_t ruleset = 1;
	unsigned char rule[12];
	int mode = -1, fd = -1;
	void *pages[1] = { NULL };
	int status[1] = { 0 };
	uint64_t dq[9] = { 1, 2, 3, 4, 5, 6, 7, 8, 0x3f };
	uint64_t mattr[5] = { 0x100001, 0x40, 0x80000, 0, 0 };
	int64_t mqa[8] = { 0, 0, 8, 0, 0, 0, 0, 0 };
	char byte;
	struct iovec iov = { &byte, 1 };

	/* unknown values of tables (arm EABI has only ugetrlimit) */
#ifdef SYS_getrlimit
	syscall(SYS_getrlimit, 16, NULL);
#else
	syscall(SYS_ugetrlimit, 16, NULL);
#endif
	syscall(SYS_dup3, 0, 1, 1);
	syscall(SYS_close_range, ~1u, ~0u, 1);
	syscall(SYS_ioprio_get, 5, 0);
	syscall(SYS_inotify_init1, O_NONBLOCK | 1);

	/* struct open_how with a non-zero tail the kernel refuses */
	syscall(SYS_openat2, -1, "st-misc.none", how, sizeof(how));
	syscall(SYS_openat2, -1, "st-misc.none", how, 16);

	/* what msgctl's IPC_SET would set, of no queue */
	memset(&ds, 0, sizeof(ds));
	ds.msg_perm.uid = 1;
	ds.msg_perm.gid = 2;
	ds.msg_perm.mode = 0600;
	ds.msg_qbytes = 100;
	syscall(SYS_msgctl, -1, IPC_SET, &ds);
	syscall(SYS_shmget, 0x5e7a11, 4096, 04000 | (21u << 26) | 0600);

	/* memory policies */
	syscall(SYS_set_mempolicy, 6, NULL, 0);
	syscall(SYS_get_mempolicy, &mode, mask, 65, NULL, 0);
	syscall(SYS_mbind, 0, 0, 2 | 0x8000, NULL, 0, 1 | 0x10);
	syscall(SYS_move_pages, 0, 0, pages, NULL, status, 2);

	/* memfd, landlock, xattr */
	syscall(SYS_memfd_create, "st-misc", 1 | (30u << 26));
	syscall(SYS_landlock_create_ruleset, &ruleset, 16, 0);
	memcpy(rule, &ruleset, 8);
	memcpy(rule + 8, &fd, 4);
	syscall(SYS_landlock_add_rule, -1, 1, rule, 0);
	syscall(SYS_setxattr, "st-misc.none", "user.x", "ab\0", 3, 1);

	/* quotas of no file system: QCMD(Q_SETQUOTA, GRPQUOTA) and others */
	syscall(SYS_quotactl, (0x800008u << 8) | 1, "st-misc.none", 1000, dq);
	syscall(SYS_quotactl, (0x800007u << 8) | 0, "st-misc.none", -1, dq);
	syscall(SYS_quotactl, (0x800003u << 8) | 2, "st-misc.none", 0, NULL);
	syscall(SYS_quotactl, 0xbadc0ded, NULL, 7, NULL);

	/* fanotify: an unknown class, mark flag and event */
	syscall(SYS_fanotify_init, 0xc | 1, 0);
	syscall(SYS_fanotify_mark, -1, 0x800, 0x4000000000000001ull, -1, NULL);

	/* mount: the old magic, a bind (type and data ignored), attributes */
	syscall(SYS_mount, "st-misc.none", "st-misc.none", "tmpfs",
	    0xc0ed0000u | 1, "size=1");
	syscall(SYS_mount, "st-misc.none", "st-misc.none", "tmpfs", 0x1000,
	    "size=1");
	syscall(SYS_mount_setattr, -1, "st-misc.none", 0x8000, mattr, 40);

	/* a message queue of no messages: refused */
	syscall(SYS_mq_open, "st-misc.none", O_RDWR | O_CREAT | O_EXCL, 0600,
	    mqa);

	/* times, vectors, namespaces and reboot's magic */
#ifdef SYS_utimes	/* not on every CPU (aarch64 has only utimensat) */
	{
		struct timeval tv[2] = { { 1492358607, 345678 },
		    { 0, 1000000 } };

		syscall(SYS_utimes, "st-misc.none", tv);
	}
#endif
	syscall(SYS_preadv, -1, &iov, 1, 0, 0);
	syscall(SYS_setns, -1, 0x40000000);
	syscall(SYS_reboot, 0, 0, 0, NULL);
	syscall(SYS_kexec_load, 0, 1, dq, (62u << 16) | 1);
	syscall(SYS_kexec_load, 0, 20, dq, 0xda7a0000u | 3);
	return 0;
}
