/*
 * ioctls: a tracee issuing ioctl requests of many kinds on /dev/null, a
 * pipe and a socket (most fail, which is fine), so that ptstrace's
 * request names and arguments can be compared with strace's.
 */
#include <sys/ioctl.h>
#include <sys/socket.h>

#include <fcntl.h>
#include <linux/fs.h>
#include <linux/input.h>
#include <linux/loop.h>
#include <linux/nsfs.h>
#include <linux/random.h>
#include <linux/rtc.h>
#include <linux/watchdog.h>
#include <termios.h>
#include <unistd.h>

int
main(void)
{
	struct termios t;
	struct winsize w;
	int fd, p[2], s, x = 0, one = 1;

	if ((fd = open("/dev/null", O_RDWR)) < 0 || pipe(p) != 0 ||
	    (s = socket(AF_UNIX, SOCK_STREAM, 0)) < 0)
		return 1;
	/* no argument */
	ioctl(fd, FIFREEZE, 0);
	ioctl(fd, FITHAW, 5);
	ioctl(fd, TIOCNOTTY);
	ioctl(fd, FIOCLEX);
	ioctl(fd, FIONCLEX);
	ioctl(fd, BLKRRPART, 0);
	ioctl(fd, RNDZAPENTCNT, 0);
	ioctl(fd, LOOP_CTL_GET_FREE);
	ioctl(fd, RTC_AIE_ON);
	ioctl(fd, WDIOC_KEEPALIVE);
	ioctl(fd, NS_GET_USERNS);
	/* values, descriptors and numbers behind pointers */
	ioctl(fd, TCSBRK, 1);
	ioctl(fd, BLKRASET, 256);
	ioctl(fd, LOOP_CTL_ADD, 3);
	ioctl(fd, FICLONE, p[0]);
	ioctl(fd, BLKBSZGET, &x);
	ioctl(fd, BLKROSET, &x);
	ioctl(fd, RNDGETENTCNT, &x);
	ioctl(fd, RNDADDTOENTCNT, &one);
	ioctl(fd, TCGETS, &t);
	ioctl(fd, TIOCGWINSZ, &w);
	ioctl(fd, FIONREAD, NULL);
	/* names the number carries, and numbers of two names */
	ioctl(fd, EVIOCGBIT(EV_KEY, 8), &x);
	ioctl(fd, EVIOCGABS(ABS_Y), &x);
	ioctl(fd, EVIOCGNAME(16), &x);
	ioctl(fd, _IOC(_IOC_READ, 'M', 60, sizeof(int)), NULL);
	ioctl(fd, _IOC(_IOC_WRITE, 'M', 40, sizeof(int)), &x);
	ioctl(fd, EVIOCGVERSION, &x);
	/* unknown requests: _IOC() and the argument in hex */
	ioctl(fd, _IO('Q', 0x33), 7);
	ioctl(fd, _IOR('Q', 0x33, int), 0);
	ioctl(fd, _IOWR(0xee, 1, char[300]), 0);
	/* a pipe: these succeed */
	if (write(p[1], "hello", 5) != 5)
		return 1;
	ioctl(p[0], FIONREAD, &x);
	ioctl(p[0], FIONBIO, &one);
	ioctl(p[1], FIOASYNC, &x);
	/* a socket */
	ioctl(s, FIONREAD, &x);
	ioctl(s, FIONBIO, &one);
	ioctl(s, TIOCOUTQ, &x);
	ioctl(s, TCGETS, &t);
	return 0;
}
