/*
 * ioctl-structs: a tracee passing structures to ioctl requests on
 * descriptor -1 (every call fails with EBADF, so the kernel reads and
 * writes nothing), so that ptstrace's structure arguments print from
 * known bytes; then the one request whose result has a name.
 */
#include <sys/ioctl.h>

#include <asm/termbits.h>

#include <fcntl.h>
#include <linux/counter.h>
#include <linux/fiemap.h>
#include <linux/fs.h>
#include <linux/gpio.h>
#include <linux/hdreg.h>
#include <linux/input.h>
#include <linux/lirc.h>
#include <linux/loop.h>
#include <linux/nbd.h>
#include <linux/nsfs.h>
#include <linux/ptp_clock.h>
#include <linux/random.h>
#include <linux/rtc.h>
#include <linux/seccomp.h>
#include <mtd/mtd-abi.h>
#include <mtd/ubi-user.h>
#include <scsi/sg.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>

/* <linux/inotify.h> clashes with <fcntl.h>; the C library lacks it. */
#ifndef INOTIFY_IOC_SETNEXTWD
#define INOTIFY_IOC_SETNEXTWD _IOW('I', 0, int)
#endif

int
main(void)
{
	struct fstrim_range tr = { 0xdeadbeefcafef00dULL, 4096, 512 };
	struct fsxattr xa;
	struct counter_watch cw;
	struct seccomp_notif_resp resp;
	struct {
		struct fiemap fm;
		struct fiemap_extent fe[1];
	} map;
	struct {
		struct rand_pool_info info;
		char buf[4];
	} pool = { { 3, 4 }, { 'a', 'b', 'c', 'd' } };
	unsigned char cmd[4] = { 0xca, 1, 2, 0 };
	unsigned keycode[2] = { 7, KEY_ESC }, rep[2] = { 250, 33 };
	struct ff_effect ff;
	struct rtc_time tm = { 1, 2, 3, 4, 5, 126, 6, 7, 0 };
	struct loop_info64 li;
	uint64_t range[2] = { 4096, 8192 };
	struct ubi_rsvol_req rs = { 1 << 20, 3 };
	struct erase_info_user erase = { 0x1000, 0x2000 };
	struct ptp_extts_request extts = { 2, PTP_ENABLE_FEATURE, { 0, 7 } };
	struct gpio_v2_line_values gv = { 0x5, 0xf };
#ifdef TCSETS2
	struct termios2 t2;
#else
	/* PowerPC has no termios2: its termios holds the speeds */
	struct termios t2;
#define TCSETS2 TCSETS
#endif
	int sgreset = 0x100 | 1;
	unsigned flags = 0x10 | 0x08000000, bits = 0x0d000000, mode = 2;
	unsigned modem = 0x002 | 0x004;
	int fd;

	memset(&xa, 0, sizeof(xa));
	xa.fsx_xflags = 0x8 | 0x80000000;
	xa.fsx_extsize = 7;
	xa.fsx_projid = 0x2a;
	memset(&cw, 0, sizeof(cw));
	cw.component.type = COUNTER_COMPONENT_COUNT;
	cw.component.scope = 9;
	cw.component.parent = 1;
	cw.event = COUNTER_EVENT_INDEX;
	cw.channel = 2;
	memset(&resp, 0, sizeof(resp));
	resp.id = 0x1234;
	resp.val = -1;
	resp.error = -2;
	resp.flags = SECCOMP_USER_NOTIF_FLAG_CONTINUE;
	memset(&ff, 0, sizeof(ff));
	ff.type = FF_RUMBLE;
	ff.id = -1;
	ff.u.rumble.strong_magnitude = 100;
	ff.u.rumble.weak_magnitude = 50;
	memset(&t2, 0, sizeof(t2));
	t2.c_iflag = ICRNL;
	t2.c_oflag = OPOST | TAB3;
	t2.c_cflag = B600 | (B1800 << IBSHIFT) | CS8 | CREAD;
	t2.c_lflag = ECHO | TOSTOP;
	t2.c_line = 0x90;
	t2.c_ispeed = 1800;
	t2.c_ospeed = 600;
	memset(&li, 0, sizeof(li));
	li.lo_offset = 512;
	li.lo_number = 7;
	li.lo_flags = LO_FLAGS_AUTOCLEAR;
	strcpy((char *)li.lo_file_name, "disk.img");
	memset(&map, 0, sizeof(map));
	map.fm.fm_start = 1;
	map.fm.fm_length = 2;
	map.fm.fm_flags = FIEMAP_FLAG_SYNC;
	map.fm.fm_extent_count = 1;

	ioctl(-1, FITRIM, &tr);
	ioctl(-1, FS_IOC_FSSETXATTR, &xa);
	ioctl(-1, FS_IOC_FSGETXATTR, NULL);
	ioctl(-1, FS_IOC_SETFLAGS, &flags);
	ioctl(-1, FS_IOC_SETFLAGS, &bits);
	ioctl(-1, FS_IOC_FIEMAP, &map);
	ioctl(-1, COUNTER_ADD_WATCH_IOCTL, &cw);
	ioctl(-1, SECCOMP_IOCTL_NOTIF_SEND, &resp);
	ioctl(-1, HDIO_GETGEO, NULL);
	ioctl(-1, HDIO_DRIVE_CMD, cmd);
	ioctl(-1, HDIO_SET_NICE, 0x13UL);
	ioctl(-1, TIOCMBIS, &modem);
	ioctl(-1, LIRC_SET_REC_MODE, &mode);
	ioctl(-1, RNDADDENTROPY, &pool);
	ioctl(-1, INOTIFY_IOC_SETNEXTWD, 0xffffffffUL);
	ioctl(-1, EVIOCSKEYCODE, keycode);
	ioctl(-1, EVIOCSREP, rep);
	ioctl(-1, EVIOCSFF, &ff);
	ioctl(-1, EVIOCGABS(ABS_Y), NULL);
	ioctl(-1, RTC_SET_TIME, &tm);
	ioctl(-1, LOOP_SET_STATUS64, &li);
	ioctl(-1, BLKDISCARD, range);
	ioctl(-1, UBI_IOCRSVOL, &rs);
	ioctl(-1, MEMERASE, &erase);
	ioctl(-1, PTP_EXTTS_REQUEST2, &extts);
	ioctl(-1, GPIO_V2_LINE_SET_VALUES_IOCTL, &gv);
	ioctl(-1, NBD_SET_FLAGS, 0x3UL);
	ioctl(-1, TCSETS2, &t2);
	ioctl(-1, SG_SCSI_RESET, &sgreset);
	/* a fixed number whatever descriptors the tracee inherits */
	if ((fd = open("/proc/self/ns/user", O_RDONLY)) >= 0 &&
	    dup2(fd, 100) == 100)
		ioctl(100, NS_GET_NSTYPE);
	return 0;
}
