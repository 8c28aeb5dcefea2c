/*
 * ioctl-sock: socket requests (0x89) for ptstrace's decoders.  First on
 * descriptor -1, where every call fails with EBADF and the kernel reads
 * nothing, so every byte shown is the tracee's own (among them socket
 * and hardware addresses of every shape); then on a UDP
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
#include <linux/netlink.h>
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
	struct sockaddr_nl *nl = (struct sockaddr_nl *)&r.ifr_broadaddr;
	int owner = 4321, fd;
	size_t i;

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
	strcpy(r.ifr_name, "lo");
	memset(&r.ifr_map, 0, sizeof(r.ifr_map));
	r.ifr_map.mem_start = 0xd0000;
	r.ifr_map.irq = 11;
	ioctl(-1, SIOCSIFMAP, &r);
	/* addresses too short for their family, of no family, netlink's */
	memset(&r.ifr_netmask, 'A', sizeof(r.ifr_netmask));
	r.ifr_netmask.sa_family = AF_INET6;
	ioctl(-1, SIOCSIFNETMASK, &r);
	memset(&r.ifr_dstaddr, 'B', sizeof(r.ifr_dstaddr));
	r.ifr_dstaddr.sa_family = 200;
	ioctl(-1, SIOCSIFDSTADDR, &r);
	memset(&r.ifr_broadaddr, 0, sizeof(r.ifr_broadaddr));
	nl->nl_family = AF_NETLINK;
	nl->nl_pad = 1;
	nl->nl_pid = 7;
	nl->nl_groups = 0x10;
	ioctl(-1, SIOCSIFBRDADDR, &r);
	/* a hardware address of 16 bytes: all of sa_data shows */
	for (i = 0; i < sizeof(r.ifr_hwaddr.sa_data); i++)
		r.ifr_hwaddr.sa_data[i] = (char)(i + 1);
	r.ifr_hwaddr.sa_family = ARPHRD_IEEE1394;
	ioctl(-1, SIOCADDMULTI, &r);
	/* a "get" request that fails shows only what it was given */
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
