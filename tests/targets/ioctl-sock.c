/*
 * ioctl-sock: socket requests (0x89) for ptstrace's decoders.  First on
 * descriptor -1, where every call fails with EBADF and the kernel reads
 * nothing, so every byte shown is the tracee's own; then on a UDP
 * socket, the loopback interface's flags and the interface list
 * (SIOCGIFCONF) asked for its size, for one entry, for less than one
 * and for a length that is not a multiple of an entry.
 */
#include <sys/ioctl.h>
#include <sys/socket.h>

#include <arpa/inet.h>
#include <net/if.h>
#include <net/if_arp.h>
#include <netinet/in.h>
#include <linux/sockios.h>
#include <string.h>
#include <unistd.h>

int
main(void)
{
	struct ifreq r;
	struct ifconf ifc;
	struct ifreq list[1];
	struct sockaddr_in *sin = (struct sockaddr_in *)&r.ifr_addr;
	int owner = 4321, fd;

	ioctl(-1, FIOSETOWN, NULL);
	ioctl(-1, FIOSETOWN, &owner);
	ioctl(-1, SIOCATMARK, &owner);
	ioctl(-1, SIOCBRADDBR, "br0");
	ioctl(-1, SIOCADDRT, NULL);

	memset(&r, 0, sizeof(r));
	strcpy(r.ifr_name, "lo");
	sin->sin_family = AF_INET;
	sin->sin_port = htons(80);
	sin->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	ioctl(-1, SIOCSIFADDR, &r);
	r.ifr_flags = IFF_UP | IFF_LOOPBACK | 0x40;
	ioctl(-1, SIOCSIFFLAGS, &r);
	memset(&r.ifr_hwaddr, 0, sizeof(r.ifr_hwaddr));
	r.ifr_hwaddr.sa_family = ARPHRD_ETHER;
	memcpy(r.ifr_hwaddr.sa_data, "\x02\x00\x5e\x10\x20\x30", 6);
	ioctl(-1, SIOCSIFHWADDR, &r);
	r.ifr_mtu = 1500;
	ioctl(-1, SIOCSIFMTU, &r);
	/* a name without its NUL */
	memset(r.ifr_name, 'x', sizeof(r.ifr_name));
	strcpy(r.ifr_newname, "eth1");
	ioctl(-1, SIOCSIFNAME, &r);
	/* a "get" request that fails shows only what it was given */
	strcpy(r.ifr_name, "lo");
	ioctl(-1, SIOCGIFFLAGS, &r);

	if ((fd = socket(AF_INET, SOCK_DGRAM, 0)) < 0)
		return 1;
	ioctl(fd, SIOCGIFFLAGS, &r);
	ifc.ifc_len = 0;
	ifc.ifc_buf = NULL;
	ioctl(fd, SIOCGIFCONF, &ifc);
	ifc.ifc_len = sizeof(list);
	ifc.ifc_req = list;
	ioctl(fd, SIOCGIFCONF, &ifc);
	ifc.ifc_len = 1;
	ioctl(fd, SIOCGIFCONF, &ifc);
	ifc.ifc_len = sizeof(list) + 2;
	ioctl(fd, SIOCGIFCONF, &ifc);
	close(fd);
	return 0;
}
