/*
 * sc_ioctl_sock.c: the arguments of socket requests (0x89,
 * <linux/sockios.h>), as data for lib/sc_ioctl_struct.c, as strace
 * shows them: an int in brackets, a bridge name, a struct ifreq with
 * its name and the member the request uses (a "get" request's member
 * only when the call succeeded), or just the address.  SIOCGIFCONF's
 * struct ifconf is printed by a function: its length changes, and the
 * interfaces it returns follow at exit.
 */
#include <linux/if.h>
#include <linux/if_arp.h>
#include <linux/ioctl.h>
#include <linux/sockios.h>

#include <stdint.h>
#include <string.h>

#include "sc_ioctl_struct.h"
#include "sc_netlink.h"
#include "xlat.h"

/* How many bytes of a hardware address each device type uses. */
static const struct {
	unsigned short type;
	unsigned char len;
} hw_lens[] = {
	{ ARPHRD_NETROM, 7 }, { ARPHRD_ETHER, 6 }, { ARPHRD_AX25, 7 },
	{ ARPHRD_IEEE802, 6 }, { ARPHRD_ARCNET, 1 }, { ARPHRD_DLCI, 2 },
	{ ARPHRD_IEEE1394, 16 }, { ARPHRD_EUI64, 8 },
	{ ARPHRD_INFINIBAND, 20 }, { ARPHRD_SLIP, 0 }, { ARPHRD_ROSE, 5 },
	{ ARPHRD_X25, 0 }, { ARPHRD_CAN, 0 }, { ARPHRD_MCTP, 1 },
	{ ARPHRD_PPP, 0 }, { ARPHRD_RAWHDLC, 0 }, { ARPHRD_RAWIP, 0 },
	{ ARPHRD_TUNNEL, 4 }, { ARPHRD_TUNNEL6, 16 },
	{ ARPHRD_LOOPBACK, 6 }, { ARPHRD_LOCALTLK, 1 }, { ARPHRD_FDDI, 6 },
	{ ARPHRD_SIT, 4 }, { ARPHRD_IPDDP, 0 }, { ARPHRD_IPGRE, 4 },
	{ ARPHRD_PIMREG, 0 }, { ARPHRD_HIPPI, 6 }, { ARPHRD_IRDA, 4 },
	{ ARPHRD_IEEE80211, 6 }, { ARPHRD_IEEE80211_PRISM, 6 },
	{ ARPHRD_IEEE80211_RADIOTAP, 6 }, { ARPHRD_IEEE802154, 8 },
	{ ARPHRD_IEEE802154_MONITOR, 8 }, { ARPHRD_PHONET, 1 },
	{ ARPHRD_PHONET_PIPE, 1 }, { ARPHRD_CAIF, 0 }, { ARPHRD_IP6GRE, 16 },
	{ ARPHRD_NETLINK, 0 }, { ARPHRD_6LOWPAN, 8 }, { ARPHRD_VSOCKMON, 0 },
};

/* ifr_hwaddr: the device type and as much of sa_data as it uses. */
static void
hwaddr(struct ptc__dc *c, const unsigned char *p)
{
	uint16_t type;
	size_t i, len = 14;

	memcpy(&type, p, sizeof(type));
	for (i = 0; i < sizeof(hw_lens) / sizeof(hw_lens[0]); i++)
		if (hw_lens[i].type == type)
			len = hw_lens[i].len;
	ptc__s_open(c);
	ptc__s_field(c, "sa_family");
	ptc__p_enum(c, &ptc__xt_arp_hardware_types, type, "ARPHRD_???");
	ptc__s_field(c, "sa_data");
	ptc__nl_hwaddr(c, p + 2, 14, len);
	ptc__s_close(c);
}

static void
sockaddr(struct ptc__dc *c, const unsigned char *p)
{
	ptc__p_sockaddr_mem(c, p, sizeof(struct sockaddr));
}

static void
ifindex(struct ptc__dc *c, const unsigned char *p)
{
	int32_t i;

	memcpy(&i, p, sizeof(i));
	ptc__p_ifindex(c, (unsigned)i);
}

static const struct ioc_field map_f[] = {
	IOC_F(struct ifmap, mem_start, IF_X),
	IOC_F(struct ifmap, mem_end, IF_X),
	IOC_F(struct ifmap, base_addr, IF_X),
	IOC_F(struct ifmap, irq, IF_X),
	IOC_F(struct ifmap, dma, IF_X),
	IOC_F(struct ifmap, port, IF_X),
};
IOC_S(ifmap_s, struct ifmap, map_f);

/* A member of struct ifreq named name; opt IO_OK: shown on success only. */
#define IFR(name, m, fmt, x, unk, sub, fn, opt) \
	{ name, offsetof(struct ifreq, m), sizeof(((struct ifreq *)0)->m), \
	    fmt, 0, 0, x, unk, sub, opt, 0, NULL, 0, fn }
#define NAME_F IFR("ifr_name", ifr_name, IF_STR, NULL, NULL, NULL, NULL, 0)
/*
 * The name and member m: id_s as a "set" request shows it, id_g as a
 * "get" request does (the member only at the exit of a success).
 */
#define IFREQ_S(id, name, m, fmt, x, unk, sub, fn) \
	static const struct ioc_field id##_sf[] = { \
		NAME_F, IFR(name, m, fmt, x, unk, sub, fn, 0), \
	}; \
	IOC_S(id##_s, struct ifreq, id##_sf)
#define IFREQ_G(id, name, m, fmt, x, unk, sub, fn) \
	static const struct ioc_field id##_gf[] = { \
		NAME_F, IFR(name, m, fmt, x, unk, sub, fn, IO_OK), \
	}; \
	IOC_S(id##_g, struct ifreq, id##_gf)
#define IFREQ(id, name, m, fmt, x, unk, sub, fn) \
	IFREQ_S(id, name, m, fmt, x, unk, sub, fn); \
	IFREQ_G(id, name, m, fmt, x, unk, sub, fn)

IFREQ(addr, "ifr_addr", ifr_addr, IF_FN, NULL, NULL, NULL, sockaddr);
IFREQ(dst, "ifr_dstaddr", ifr_dstaddr, IF_FN, NULL, NULL, NULL, sockaddr);
IFREQ(brd, "ifr_broadaddr", ifr_broadaddr, IF_FN, NULL, NULL, NULL,
    sockaddr);
IFREQ(mask, "ifr_netmask", ifr_netmask, IF_FN, NULL, NULL, NULL, sockaddr);
IFREQ(hw, "ifr_hwaddr", ifr_hwaddr, IF_FN, NULL, NULL, NULL, hwaddr);
IFREQ(flags, "ifr_flags", ifr_flags, IF_FLAGS, &ptc__xt_iffflags,
    "IFF_???", NULL, NULL);
IFREQ_G(index, "ifr_ifindex", ifr_ifindex, IF_D, NULL, NULL, NULL, NULL);
IFREQ(metric, "ifr_metric", ifr_metric, IF_D, NULL, NULL, NULL, NULL);
IFREQ(mtu, "ifr_mtu", ifr_mtu, IF_D, NULL, NULL, NULL, NULL);
IFREQ(slave, "ifr_slave", ifr_slave, IF_STR, NULL, NULL, NULL, NULL);
IFREQ_S(newname, "ifr_newname", ifr_newname, IF_STR, NULL, NULL, NULL,
    NULL);
IFREQ(qlen, "ifr_qlen", ifr_qlen, IF_D, NULL, NULL, NULL, NULL);
IFREQ(map, "ifr_map", ifr_map, IF_STRUCT, NULL, NULL, &ifmap_s, NULL);

/* SIOCGIFNAME asks by index for the name. */
static const struct ioc_field getname_f[] = {
	IFR("ifr_ifindex", ifr_ifindex, IF_D, NULL, NULL, NULL, NULL, 0),
	IFR("ifr_name", ifr_name, IF_STR, NULL, NULL, NULL, NULL, IO_OK),
};
IOC_S(getname_s, struct ifreq, getname_f);

/* The bridge requests that add or remove an interface by index. */
static const struct ioc_field brif_f[] = {
	IFR("ifr_ifindex", ifr_ifindex, IF_FN, NULL, NULL, NULL, ifindex, 0),
};
IOC_S(brif_s, struct ifreq, brif_f);

IOC_VAL(int_s, 4, IF_D, NULL, NULL);

/* A bridge's name: a string of at most IFNAMSIZ bytes. */
static void
brname(struct ptc__dc *c, unsigned cmd, uint64_t v)
{
	(void)cmd;
	ptc__p_strn0(c, v, IFNAMSIZ);
}

static void
ifc_len(struct ptc__dc *c, int32_t len)
{
	uint32_t n = (uint32_t)len / sizeof(struct ifreq);

	ptc__p_int(c, len);
	if (len > 0 && n * sizeof(struct ifreq) == (uint32_t)len)
		ptc__p_comment(c, "%u * sizeof(struct ifreq)", n);
}

/* " => " between a value before and after the call, text only. */
static int
changed(struct ptc__dc *c)
{
	if (c->f->json)
		return 0;
	ptc__sb_puts(c->o, " => ");
	c->after_field = 1;
	return 1;
}

/* The n interfaces at addr, each its name and address. */
static void
ifreqs(struct ptc__dc *c, uint64_t addr, uint64_t n)
{
	unsigned char b[sizeof(struct ifreq)];
	uint64_t i;

	if (n == 0) {
		ptc__l_open(c);
		ptc__l_close(c);
		return;
	}
	/* -e verbose=none: as if the first could not be read */
	if (addr + n * sizeof(b) < addr || n > UINT64_MAX / sizeof(b) ||
	    c->f->noderef || ptc__rdall(c, addr, b, sizeof(b)) != 0) {
		ptc__p_addr(c, addr);
		return;
	}
	ptc__l_open(c);
	for (i = 0; i < n; i++, addr += sizeof(b)) {
		/* -v shows them all, up to the hard cap */
		if ((!c->f->verbose || i >= PTC__ARR_MAX) &&
		    ptc__arr_full(c, i))
			break;
		if (i > 0 && ptc__rdall(c, addr, b, sizeof(b)) != 0) {
			ptc__more_at(c, addr);
			break;
		}
		ptc__ioc_print(c, &addr_s, b, addr);
	}
	ptc__l_close(c);
}

/*
 * SIOCGIFCONF: at entry only what it was (ifc_len in c->saved[1],
 * ifc_buf in c->saved[0]); at exit the length asked for and, when it
 * changed, " => " and the length returned (both when ifc_buf was NULL,
 * the size wanted), then the interfaces.
 */
static void
ifconf(struct ptc__dc *c, unsigned cmd, uint64_t v)
{
	struct ifconf ifc;
	uint64_t buf0, buf1;
	int32_t len0;

	(void)cmd;
	if (!c->exiting) {
		c->saved_ok[1] = 0;
		/* (read even under -e verbose=none, as strace does) */
		if (v != 0 && ptc__rdall(c, v, &ifc, sizeof(ifc)) == 0) {
			c->saved[0] = (uintptr_t)ifc.ifc_buf;
			c->saved[1] = (uint32_t)ifc.ifc_len;
			c->saved_ok[1] = 1;
		}
		return;
	}
	if (!c->saved_ok[1]) {
		ptc__p_addr(c, v);
		return;
	}
	buf0 = c->saved[0];
	len0 = (int32_t)c->saved[1];
	ptc__s_open(c);
	ptc__s_field(c, "ifc_len");
	if (ptc__rdall(c, v, &ifc, sizeof(ifc)) != 0) {
		/* What entry saw. */
		ifc_len(c, len0);
		ptc__s_field(c, "ifc_buf");
		ptc__p_addr(c, buf0);
		ptc__s_close(c);
		return;
	}
	buf1 = (uintptr_t)ifc.ifc_buf;
	if (buf0 != 0 && len0 != ifc.ifc_len && !c->f->json) {
		ifc_len(c, len0);
		changed(c);
	}
	ifc_len(c, ifc.ifc_len);
	ptc__s_field(c, "ifc_buf");
	if (buf0 == 0 || c->is_error) {
		ptc__p_addr(c, buf0);
		if (buf1 != buf0 && changed(c))
			ptc__p_addr(c, buf1);
	} else {
		/* a negative length counts as strace's unsigned division */
		ifreqs(c, buf1, (uint64_t)(int64_t)ifc.ifc_len /
		    sizeof(struct ifreq));
	}
	ptc__s_close(c);
}

/* An argument shown as an address only. */
#define ADDR(cmd) { cmd, IR_ADDR, NULL, NULL, 0, NULL }

static const struct ioc_req reqs[] = {
	/* an int the kernel reads, or writes (the address on failure) */
	{ FIOSETOWN, IR_IN, &int_s, NULL, 0, NULL },
	{ SIOCSPGRP, IR_IN, &int_s, NULL, 0, NULL },
	{ SIOCSIFENCAP, IR_IN, &int_s, NULL, 0, NULL },
	{ FIOGETOWN, IR_OUT, NULL, &int_s, 0, NULL },
	{ SIOCGPGRP, IR_OUT, NULL, &int_s, 0, NULL },
	{ SIOCATMARK, IR_OUT, NULL, &int_s, 0, NULL },
	{ SIOCGIFENCAP, IR_OUT, NULL, &int_s, 0, NULL },
	{ SIOCOUTQNSD, IR_OUT, NULL, &int_s, 0, NULL },
	{ SIOCBRADDBR, IR_FN, NULL, NULL, 0, brname },
	{ SIOCBRDELBR, IR_FN, NULL, NULL, 0, brname },
	/* structures strace does not look into */
	ADDR(SIOCADDDLCI), ADDR(SIOCADDRT), ADDR(SIOCBONDCHANGEACTIVE),
	ADDR(SIOCBONDENSLAVE), ADDR(SIOCBONDINFOQUERY), ADDR(SIOCBONDRELEASE),
	ADDR(SIOCBONDSETHWADDR), ADDR(SIOCBONDSLAVEINFOQUERY), ADDR(SIOCDARP),
	ADDR(SIOCDELDLCI), ADDR(SIOCDELRT), ADDR(SIOCDIFADDR), ADDR(SIOCDRARP),
	ADDR(SIOCETHTOOL), ADDR(SIOCGARP), ADDR(SIOCGHWTSTAMP),
	ADDR(SIOCGIFBR), ADDR(SIOCGIFCOUNT), ADDR(SIOCGIFMEM),
	ADDR(SIOCGIFPFLAGS), ADDR(SIOCGIFVLAN), ADDR(SIOCGMIIPHY),
	ADDR(SIOCGMIIREG), ADDR(SIOCGRARP), ADDR(SIOCGSKNS),
	ADDR(SIOCGSTAMP_OLD), ADDR(SIOCGSTAMP_NEW), ADDR(SIOCGSTAMPNS_OLD),
	ADDR(SIOCGSTAMPNS_NEW), ADDR(SIOCRTMSG), ADDR(SIOCSARP),
	ADDR(SIOCSHWTSTAMP), ADDR(SIOCSIFBR), ADDR(SIOCSIFLINK),
	ADDR(SIOCSIFMEM), ADDR(SIOCSIFPFLAGS), ADDR(SIOCSIFVLAN),
	ADDR(SIOCSMIIREG), ADDR(SIOCSRARP), ADDR(SIOCWANDEV),
};

const struct ioc_reqtab ptc__ioc_sock = {
	reqs, IOC_NF(reqs), 0,
};

/* struct ifreq and struct ifconf hold longs and pointers. */
static const struct ioc_req ifreq_reqs[] = {
	{ SIOCGIFCONF, IR_SPLIT, NULL, NULL, 0, ifconf },
	{ SIOCBRADDIF, IR_IN, &brif_s, NULL, 0, NULL },
	{ SIOCBRDELIF, IR_IN, &brif_s, NULL, 0, NULL },
	{ SIOCSIFADDR, IR_IN, &addr_s, NULL, 0, NULL },
	{ SIOCGIFADDR, IR_IN, &addr_g, NULL, 0, NULL },
	{ SIOCSIFDSTADDR, IR_IN, &dst_s, NULL, 0, NULL },
	{ SIOCGIFDSTADDR, IR_IN, &dst_g, NULL, 0, NULL },
	{ SIOCSIFBRDADDR, IR_IN, &brd_s, NULL, 0, NULL },
	{ SIOCGIFBRDADDR, IR_IN, &brd_g, NULL, 0, NULL },
	{ SIOCSIFNETMASK, IR_IN, &mask_s, NULL, 0, NULL },
	{ SIOCGIFNETMASK, IR_IN, &mask_g, NULL, 0, NULL },
	{ SIOCADDMULTI, IR_IN, &hw_s, NULL, 0, NULL },
	{ SIOCDELMULTI, IR_IN, &hw_s, NULL, 0, NULL },
	{ SIOCSIFHWADDR, IR_IN, &hw_s, NULL, 0, NULL },
	{ SIOCSIFHWBROADCAST, IR_IN, &hw_s, NULL, 0, NULL },
	{ SIOCGIFHWADDR, IR_IN, &hw_g, NULL, 0, NULL },
	{ SIOCSIFFLAGS, IR_IN, &flags_s, NULL, 0, NULL },
	{ SIOCGIFFLAGS, IR_IN, &flags_g, NULL, 0, NULL },
	{ SIOCGIFINDEX, IR_IN, &index_g, NULL, 0, NULL },
	{ SIOCSIFMETRIC, IR_IN, &metric_s, NULL, 0, NULL },
	{ SIOCGIFMETRIC, IR_IN, &metric_g, NULL, 0, NULL },
	{ SIOCSIFMTU, IR_IN, &mtu_s, NULL, 0, NULL },
	{ SIOCGIFMTU, IR_IN, &mtu_g, NULL, 0, NULL },
	{ SIOCSIFSLAVE, IR_IN, &slave_s, NULL, 0, NULL },
	{ SIOCGIFSLAVE, IR_IN, &slave_g, NULL, 0, NULL },
	{ SIOCSIFNAME, IR_IN, &newname_s, NULL, 0, NULL },
	{ SIOCGIFNAME, IR_IN, &getname_s, NULL, 0, NULL },
	{ SIOCSIFTXQLEN, IR_IN, &qlen_s, NULL, 0, NULL },
	{ SIOCGIFTXQLEN, IR_IN, &qlen_g, NULL, 0, NULL },
	{ SIOCSIFMAP, IR_IN, &map_s, NULL, 0, NULL },
	{ SIOCGIFMAP, IR_IN, &map_g, NULL, 0, NULL },
};

const struct ioc_reqtab ptc__ioc_ifreq = {
	ifreq_reqs, IOC_NF(ifreq_reqs), 1,
};
