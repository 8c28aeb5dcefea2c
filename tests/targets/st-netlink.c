/*
 * st-netlink: a tracee for ptstrace that sends netlink messages of
 * several protocols (each on its own socket, nothing read back) and sets
 * and gets socket options whose values are structures.
 */
#include <linux/filter.h>
#include <linux/genetlink.h>
#include <linux/icmp.h>
#include <linux/if_packet.h>
#include <linux/netfilter/nfnetlink.h>
#include <linux/if_link.h>
#include <linux/if_bonding.h>
#include <linux/neighbour.h>
#include <linux/nexthop.h>
#include <linux/netlink.h>
#include <linux/pkt_sched.h>
#include <linux/rtnetlink.h>
#include <linux/sock_diag.h>
#include <linux/inet_diag.h>
#include <linux/netlink_diag.h>
#include <linux/packet_diag.h>
#include <linux/smc_diag.h>
#include <linux/unix_diag.h>
#include <linux/xfrm.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

/* linux/mroute.h's (it cannot be included with netinet/in.h). */
#define IPMRA_CREPORT_MSGTYPE 1
#define IPMRA_CREPORT_SRC_ADDR 3
#define IGMPMSG_NOCACHE 1

/*
 * A socket not bound yet is in none of the kernel's tables: the tracer
 * cannot tell its protocol, only that it is a netlink socket.
 */
static void
send_nl(int proto, int bound, const void *msg, size_t len)
{
	struct sockaddr_nl nl = { .nl_family = AF_NETLINK };
	int fd = socket(AF_NETLINK, SOCK_RAW, proto);

	if (fd < 0)
		return;
	if (bound)
		bind(fd, (struct sockaddr *)&nl, sizeof(nl));
	sendto(fd, msg, len, MSG_DONTWAIT, NULL, 0);
	close(fd);
}

/* An attribute of len bytes at buf + *off; its start, to nest into. */
static size_t
put_attr(unsigned char *buf, size_t *off, int type, const void *p, size_t len)
{
	struct nlattr a = { (uint16_t)(NLA_HDRLEN + len), (uint16_t)type };
	size_t at = *off;

	memcpy(buf + at, &a, sizeof(a));
	if (len != 0)
		memcpy(buf + at + NLA_HDRLEN, p, len);
	*off = at + NLA_ALIGN(NLA_HDRLEN + len);
	return at;
}

/* Ends the attribute that put_attr() started at at: it holds up to off. */
static void
end_nest(unsigned char *buf, size_t at, size_t off)
{
	uint16_t l = (uint16_t)(off - at);

	memcpy(buf + at, &l, sizeof(l));
}

int
main(void)
{
	struct {
		struct nlmsghdr h;
		unsigned char pl[8];
	} m;
	struct {
		struct nlmsghdr h;
		struct nlmsgerr e;
	} err;
	struct {
		struct nlmsghdr h;
		struct nfgenmsg g;
		struct nlattr a;
	} nf;
	struct packet_mreq pm;
	struct ip_mreq mr;
	struct icmp_filter icf = { (1u << ICMP_ECHO) | (1u << ICMP_REDIRECT) };
	socklen_t len;
	int one = 1, sv[2], fd;

	/* A header alone, with flags of a get request. */
	memset(&m, 0, sizeof(m));
	m.h.nlmsg_len = NLMSG_HDRLEN;
	m.h.nlmsg_type = RTM_GETLINK;
	m.h.nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
	send_nl(NETLINK_ROUTE, 1, &m, NLMSG_HDRLEN);

	/* A payload of an unknown type; a delete request's flags. */
	m.h.nlmsg_len = sizeof(m);
	m.h.nlmsg_type = XFRM_MSG_DELSA;
	m.h.nlmsg_flags = NLM_F_REQUEST | NLM_F_NONREC | 0x1000;
	memcpy(m.pl, "abcdefgh", 8);
	send_nl(NETLINK_XFRM, 1, &m, sizeof(m));

	/* An error answering a message; NLMSG_DONE's number. */
	memset(&err, 0, sizeof(err));
	err.h.nlmsg_len = sizeof(err);
	err.h.nlmsg_type = NLMSG_ERROR;
	err.h.nlmsg_flags = NLM_F_REQUEST;
	err.e.error = -13;
	err.e.msg.nlmsg_len = NLMSG_HDRLEN;
	err.e.msg.nlmsg_type = SOCK_DIAG_BY_FAMILY;
	err.e.msg.nlmsg_flags = NLM_F_REQUEST;
	err.e.msg.nlmsg_seq = 7;
	send_nl(NETLINK_SOCK_DIAG, 1, &err, sizeof(err));
	m.h.nlmsg_len = NLMSG_HDRLEN + 4;
	m.h.nlmsg_type = NLMSG_DONE;
	m.h.nlmsg_flags = NLM_F_MULTI;
	memset(m.pl, 0xff, 4);
	send_nl(NETLINK_SOCK_DIAG, 1, &m, NLMSG_HDRLEN + 4);

	/* Netfilter: subsystem and type, nfgenmsg and an attribute. */
	memset(&nf, 0, sizeof(nf));
	nf.h.nlmsg_len = sizeof(nf);
	nf.h.nlmsg_type = NFNL_SUBSYS_CTNETLINK << 8 | 0xff;
	nf.h.nlmsg_flags = NLM_F_REQUEST;
	nf.g.nfgen_family = AF_INET;
	nf.g.res_id = htons(42);
	nf.a.nla_len = sizeof(nf.a);
	nf.a.nla_type = NLA_F_NESTED | 5;
	send_nl(NETLINK_NETFILTER, 1, &nf, sizeof(nf));

	/* Two messages in one buffer (an array), on an unbound socket. */
	{
		struct nlmsghdr two[2];

		memset(two, 0, sizeof(two));
		two[0].nlmsg_len = two[1].nlmsg_len = NLMSG_HDRLEN;
		two[1].nlmsg_seq = 1;
		send_nl(NETLINK_ROUTE, 0, two, sizeof(two));
	}

	/* A route payload: tcmsg and its attributes. */
	{
		struct {
			struct nlmsghdr h;
			struct tcmsg t;
			struct nlattr a1;
			char kind[8];
			struct nlattr a2;
			struct tc_estimator est;
			char pad[2];
		} tc;

		memset(&tc, 0, sizeof(tc));
		tc.h.nlmsg_len = sizeof(tc);
		tc.h.nlmsg_type = RTM_GETQDISC;
		tc.h.nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
		tc.t.tcm_family = AF_UNSPEC;
		tc.t.tcm_ifindex = 1;
		tc.t.tcm_handle = 0x10000;
		tc.a1.nla_len = NLA_HDRLEN + 6;
		tc.a1.nla_type = TCA_KIND;
		memcpy(tc.kind, "pfifo", 6);
		tc.a2.nla_len = NLA_HDRLEN + sizeof(tc.est);
		tc.a2.nla_type = TCA_RATE;
		tc.est.interval = -2;
		tc.est.ewma_log = 3;
		send_nl(NETLINK_ROUTE, 1, &tc, sizeof(tc));
	}

	/* A generic netlink message: its type is the family's id. */
	m.h.nlmsg_len = NLMSG_HDRLEN + 4;
	m.h.nlmsg_type = GENL_ID_CTRL;
	m.h.nlmsg_flags = NLM_F_REQUEST;
	memcpy(m.pl, "\x03\x01\x00\x00", 4);
	send_nl(NETLINK_GENERIC, 1, &m, NLMSG_HDRLEN + 4);

	/* udev's monitor header on NETLINK_KOBJECT_UEVENT, then its data. */
	{
		struct {
			char prefix[8];
			uint32_t magic, hsize, off, len, h[4];
			char props[8];
		} u;

		memset(&u, 0, sizeof(u));
		memcpy(u.prefix, "libudev", 8);
		u.magic = htonl(0xfeedcafe);
		u.hsize = u.off = 40;
		u.len = 8;
		u.h[0] = htonl(0x1234);
		memcpy(u.props, "A=1\0B=2", 8);
		send_nl(NETLINK_KOBJECT_UEVENT, 1, &u, sizeof(u));
	}

	/* A bridge port's attributes inside IFLA_PROTINFO. */
	{
		struct {
			struct nlmsghdr h;
			struct ifinfomsg i;
			struct nlattr pi;
			struct nlattr t;
			uint64_t timer;
			struct nlattr r;
			unsigned char id[8];
		} br;

		memset(&br, 0, sizeof(br));
		br.h.nlmsg_len = sizeof(br);
		br.h.nlmsg_type = RTM_GETLINK;
		br.h.nlmsg_flags = NLM_F_REQUEST;
		br.i.ifi_family = AF_BRIDGE;
		br.i.ifi_index = 1;
		br.pi.nla_len = sizeof(br) - offsetof(typeof(br), pi);
		br.pi.nla_type = IFLA_PROTINFO;
		br.t.nla_len = NLA_HDRLEN + 8;
		br.t.nla_type = IFLA_BRPORT_HOLD_TIMER;
		br.timer = 250;
		br.r.nla_len = NLA_HDRLEN + 8;
		br.r.nla_type = IFLA_BRPORT_ROOT_ID;
		memcpy(br.id, "\x80\x00\x02\x00\x5e\x00\x00\x01", 8);
		send_nl(NETLINK_ROUTE, 1, &br, sizeof(br));
	}

	/*
	 * Route, neighbour, next hop, statistics and cache report payloads;
	 * no NLM_F_REQUEST, so the kernel leaves them alone.
	 */
	{
		struct {
			struct nlmsghdr h;
			struct rtmsg r;
			struct nlattr dst;
			struct in_addr da;
			struct nlattr mp;
			struct rtnexthop nh;
			struct nlattr via;
			unsigned char vdata[6];         /* rtvia: family, address */
			char pad[2];
		} rt;
		uint16_t vfam = AF_INET;
		in_addr_t va = inet_addr("10.1.2.254");

		memset(&rt, 0, sizeof(rt));
		rt.h.nlmsg_len = sizeof(rt);
		rt.h.nlmsg_type = RTM_NEWROUTE;
		rt.r.rtm_family = AF_INET;
		rt.r.rtm_dst_len = 24;
		rt.r.rtm_table = RT_TABLE_MAIN;
		rt.r.rtm_protocol = RTPROT_BOOT;
		rt.r.rtm_type = RTN_UNICAST;
		rt.r.rtm_flags = RTM_F_NOTIFY;
		rt.dst.nla_len = NLA_HDRLEN + 4;
		rt.dst.nla_type = RTA_DST;
		rt.da.s_addr = inet_addr("10.1.2.0");
		rt.mp.nla_len = NLA_HDRLEN + sizeof(rt.nh) + NLA_HDRLEN + 6;
		rt.mp.nla_type = RTA_MULTIPATH;
		rt.nh.rtnh_len = sizeof(rt.nh) + NLA_HDRLEN + 6;
		rt.nh.rtnh_flags = RTNH_F_ONLINK;
		rt.nh.rtnh_ifindex = 1;
		rt.via.nla_len = NLA_HDRLEN + 6;
		rt.via.nla_type = RTA_VIA;
		memcpy(rt.vdata, &vfam, 2);
		memcpy(rt.vdata + 2, &va, 4);
		send_nl(NETLINK_ROUTE, 1, &rt, sizeof(rt));
	}
	{
		struct {
			struct nlmsghdr h;
			struct ndmsg n;
			struct nlattr dst;
			struct in_addr da;
			struct nlattr ll;
			unsigned char mac[6];
			char pad[2];
			struct nlattr port;
			uint16_t p;
			char pad2[2];
		} nd;

		memset(&nd, 0, sizeof(nd));
		nd.h.nlmsg_len = sizeof(nd);
		nd.h.nlmsg_type = RTM_NEWNEIGH;
		nd.n.ndm_family = AF_INET;
		nd.n.ndm_ifindex = 1;
		nd.n.ndm_state = NUD_PERMANENT;
		nd.n.ndm_flags = NTF_PROXY;
		nd.n.ndm_type = RTN_UNICAST;
		nd.dst.nla_len = NLA_HDRLEN + 4;
		nd.dst.nla_type = NDA_DST;
		nd.da.s_addr = inet_addr("192.168.7.1");
		nd.ll.nla_len = NLA_HDRLEN + 6;
		nd.ll.nla_type = NDA_LLADDR;
		memcpy(nd.mac, "\x02\x00\x5e\x10\x20\x30", 6);
		nd.port.nla_len = NLA_HDRLEN + 2;
		nd.port.nla_type = NDA_PORT;
		nd.p = htons(4789);
		send_nl(NETLINK_ROUTE, 1, &nd, sizeof(nd));
	}
	{
		struct {
			struct nlmsghdr h;
			struct nhmsg n;
			struct nlattr id;
			uint32_t idv;
			struct nlattr grp;
			struct nexthop_grp g[2];
		} nh;

		memset(&nh, 0, sizeof(nh));
		nh.h.nlmsg_len = sizeof(nh);
		nh.h.nlmsg_type = RTM_NEWNEXTHOP;
		nh.n.nh_family = AF_INET;
		nh.n.nh_protocol = RTPROT_STATIC;
		nh.n.nh_flags = RTNH_F_DEAD;
		nh.id.nla_len = NLA_HDRLEN + 4;
		nh.id.nla_type = NHA_ID;
		nh.idv = 7;
		nh.grp.nla_len = NLA_HDRLEN + sizeof(nh.g);
		nh.grp.nla_type = NHA_GROUP;
		nh.g[0].id = 1;
		nh.g[1].id = 2;
		nh.g[1].weight = 3;
		nh.g[1].resvd2 = 0xab;
		send_nl(NETLINK_ROUTE, 1, &nh, sizeof(nh));
	}
	{
		struct {
			struct nlmsghdr h;
			struct if_stats_msg s;
			struct nlattr xs, bond, ad, rx;
			uint32_t n[2];                  /* a u64, unaligned */
		} st;

		memset(&st, 0, sizeof(st));
		st.h.nlmsg_len = sizeof(st);
		st.h.nlmsg_type = RTM_NEWSTATS;
		st.s.ifindex = 1;
		st.s.filter_mask = 1 << IFLA_STATS_LINK_XSTATS;
		st.xs.nla_len = 4 * NLA_HDRLEN + 8;
		st.xs.nla_type = IFLA_STATS_LINK_XSTATS;
		st.bond.nla_len = 3 * NLA_HDRLEN + 8;
		st.bond.nla_type = LINK_XSTATS_TYPE_BOND;
		st.ad.nla_len = 2 * NLA_HDRLEN + 8;
		st.ad.nla_type = BOND_XSTATS_3AD;
		st.rx.nla_len = NLA_HDRLEN + 8;
		st.rx.nla_type = BOND_3AD_STAT_LACPDU_RX;
		st.n[0] = 12345;
		send_nl(NETLINK_ROUTE, 1, &st, sizeof(st));
	}
	{
		struct {
			struct nlmsghdr h;
			struct rtgenmsg g;
			char pad[3];
			struct nlattr t;
			uint8_t type;
			char pad2[3];
			struct nlattr src;
			struct in_addr sa;
		} cr;

		memset(&cr, 0, sizeof(cr));
		cr.h.nlmsg_len = sizeof(cr);
		cr.h.nlmsg_type = RTM_NEWCACHEREPORT;
		cr.g.rtgen_family = RTNL_FAMILY_IPMR;
		cr.t.nla_len = NLA_HDRLEN + 1;
		cr.t.nla_type = IPMRA_CREPORT_MSGTYPE;
		cr.type = IGMPMSG_NOCACHE;
		cr.src.nla_len = NLA_HDRLEN + 4;
		cr.src.nla_type = IPMRA_CREPORT_SRC_ADDR;
		cr.sa.s_addr = inet_addr("10.9.8.7");
		send_nl(NETLINK_ROUTE, 1, &cr, sizeof(cr));
	}

	/*
	 * A link's attributes: per-family ones, a bridge's by its kind, a
	 * virtual function's.
	 */
	{
		unsigned char b[200];
		struct nlmsghdr h = { .nlmsg_type = RTM_NEWLINK };
		struct ifinfomsg ifi = { .ifi_family = AF_UNSPEC, .ifi_index = 1 };
		struct ifla_vf_tx_rate rate = { .vf = 2, .rate = 100 };
		int32_t conf[2] = { 1, -1 };
		uint32_t mask = RTEXT_FILTER_VF, stp = 1;
		size_t off = NLMSG_HDRLEN + sizeof(ifi), af, in, li, vl, vi;

		memset(b, 0, sizeof(b));
		put_attr(b, &off, IFLA_IFNAME, "lo", 3);
		put_attr(b, &off, IFLA_EXT_MASK, &mask, sizeof(mask));
		af = put_attr(b, &off, IFLA_AF_SPEC, NULL, 0);
		in = put_attr(b, &off, AF_INET, NULL, 0);
		put_attr(b, &off, IFLA_INET_CONF, conf, sizeof(conf));
		end_nest(b, in, off);
		end_nest(b, af, off);
		li = put_attr(b, &off, IFLA_LINKINFO, NULL, 0);
		put_attr(b, &off, IFLA_INFO_KIND, "bridge", 7);
		in = put_attr(b, &off, IFLA_INFO_DATA, NULL, 0);
		put_attr(b, &off, IFLA_BR_STP_STATE, &stp, sizeof(stp));
		end_nest(b, in, off);
		end_nest(b, li, off);
		vl = put_attr(b, &off, IFLA_VFINFO_LIST, NULL, 0);
		vi = put_attr(b, &off, IFLA_VF_INFO, NULL, 0);
		put_attr(b, &off, IFLA_VF_TX_RATE, &rate, sizeof(rate));
		end_nest(b, vi, off);
		end_nest(b, vl, off);
		h.nlmsg_len = (uint32_t)off;
		memcpy(b, &h, sizeof(h));
		memcpy(b + NLMSG_HDRLEN, &ifi, sizeof(ifi));
		send_nl(NETLINK_ROUTE, 1, b, off);
	}

	/*
	 * sock_diag requests of several families (each for one socket, which
	 * does not exist) and an AF_PACKET answer the kernel ignores.
	 */
	{
		unsigned char b[128];
		struct nlmsghdr h = { .nlmsg_type = SOCK_DIAG_BY_FAMILY,
		    .nlmsg_flags = NLM_F_REQUEST };
		struct unix_diag_req ur = { .sdiag_family = AF_UNIX,
		    .udiag_states = 1 << 10, .udiag_ino = 42,
		    .udiag_show = UDIAG_SHOW_NAME | UDIAG_SHOW_PEER };
		struct netlink_diag_req nr = { .sdiag_family = AF_NETLINK,
		    .sdiag_protocol = NDIAG_PROTO_ALL,
		    .ndiag_show = NDIAG_SHOW_GROUPS };
		struct inet_diag_req_v2 ir = { .sdiag_family = AF_INET,
		    .sdiag_protocol = IPPROTO_TCP, .idiag_ext = 1 << 3,
		    .idiag_states = 1 << 1 };
		struct smc_diag_req sr = { .diag_family = AF_SMC,
		    .diag_ext = 1 << (SMC_DIAG_CONNINFO - 1) };
		struct packet_diag_msg pm = { .pdiag_family = AF_PACKET,
		    .pdiag_type = SOCK_RAW, .pdiag_num = 3, .pdiag_ino = 7 };
		struct packet_diag_info pi = { .pdi_index = 1,
		    .pdi_version = 2, .pdi_flags = PDI_RUNNING };
		const void *reqs[] = { &ur, &nr, &ir, &sr };
		const size_t lens[] = { sizeof(ur), sizeof(nr), sizeof(ir),
		    sizeof(sr) };
		size_t i, off;

		ir.id.idiag_sport = htons(80);
		ir.id.idiag_src[0] = inet_addr("127.0.0.1");
		ir.id.idiag_if = 1;
		sr.id.idiag_dst[0] = inet_addr("10.0.0.2");
		for (i = 0; i < 4; i++) {
			off = NLMSG_HDRLEN + lens[i];
			memcpy(b + NLMSG_HDRLEN, reqs[i], lens[i]);
			if (reqs[i] == &ir) {
				/* A filter: source in 10.0.0.0/8. */
				struct {
					struct inet_diag_bc_op op;
					struct inet_diag_hostcond hc;
					in_addr_t a;
				} bc = { { INET_DIAG_BC_S_COND, 20, 24 },
				    { AF_INET, 8, -1 }, 0 };

				bc.a = inet_addr("10.0.0.0");
				put_attr(b, &off, INET_DIAG_REQ_BYTECODE, &bc,
				    sizeof(bc));
			}
			h.nlmsg_len = (uint32_t)off;
			memcpy(b, &h, sizeof(h));
			send_nl(NETLINK_SOCK_DIAG, 1, b, off);
		}
		off = NLMSG_HDRLEN + sizeof(pm);
		put_attr(b, &off, PACKET_DIAG_INFO, &pi, sizeof(pi));
		h.nlmsg_len = (uint32_t)off;
		h.nlmsg_flags = 0;
		memcpy(b, &h, sizeof(h));
		memcpy(b + NLMSG_HDRLEN, &pm, sizeof(pm));
		send_nl(NETLINK_SOCK_DIAG, 1, b, off);

		/* An SMC answer: its shutdown state and fallback reason. */
		{
			struct smc_diag_msg sm = { .diag_family = AF_SMC,
			    .diag_state = 1, .diag_fallback =
			    SMC_DIAG_MODE_FALLBACK_TCP, .diag_uid = 1000 };
			struct smc_diag_fallback fb = { 0x03030000, 0 };
			uint8_t shut = 3;

			off = NLMSG_HDRLEN + sizeof(sm);
			put_attr(b, &off, SMC_DIAG_SHUTDOWN, &shut, 1);
			put_attr(b, &off, SMC_DIAG_FALLBACK, &fb, sizeof(fb));
			h.nlmsg_len = (uint32_t)off;
			memcpy(b, &h, sizeof(h));
			memcpy(b + NLMSG_HDRLEN, &sm, sizeof(sm));
			send_nl(NETLINK_SOCK_DIAG, 1, b, off);
		}
	}

	/* Socket options whose values are structures or ints. */
	socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
	setsockopt(sv[0], SOL_SOCKET, SO_KEEPALIVE, &one, sizeof(one));
	setsockopt(sv[0], SOL_SOCKET, SO_KEEPALIVE, &one, 2);
	len = 3;
	getsockopt(sv[0], SOL_SOCKET, SO_KEEPALIVE, &one, &len);
	len = 8;
	getsockopt(sv[0], SOL_SOCKET, SO_KEEPALIVE, &one, &len);
	close(sv[0]);
	close(sv[1]);
	memset(&pm, 0, sizeof(pm));
	pm.mr_type = PACKET_MR_PROMISC;
	pm.mr_alen = 6;
	memcpy(pm.mr_address, "\x02\x00\x5e\x10\x20\x30", 6);
	setsockopt(-1, SOL_PACKET, PACKET_ADD_MEMBERSHIP, &pm, sizeof(pm));
	setsockopt(-1, SOL_PACKET, 0xfff, NULL, 0);
	setsockopt(-1, SOL_RAW, ICMP_FILTER, &icf, sizeof(icf));
	mr.imr_multiaddr.s_addr = inet_addr("224.0.0.3");
	mr.imr_interface.s_addr = htonl(INADDR_LOOPBACK);
	fd = socket(AF_INET, SOCK_DGRAM, 0);
	setsockopt(fd, IPPROTO_IP, IP_ADD_MEMBERSHIP, &mr, sizeof(mr));
	{
		/* A socket filter: accept UDP to port 53, else nothing. */
		struct sock_filter code[] = {
			BPF_STMT(BPF_LD | BPF_B | BPF_ABS,
			    (unsigned)SKF_AD_OFF + SKF_AD_PKTTYPE),
			BPF_STMT(BPF_LD | BPF_H | BPF_ABS, 22),
			BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, 53, 0, 1),
			BPF_STMT(BPF_RET | BPF_K, 0xffff),
			BPF_STMT(BPF_RET | BPF_K, 0),
		};
		struct sock_fprog prog = { 5, code };

		setsockopt(fd, SOL_SOCKET, SO_ATTACH_FILTER, &prog,
		    sizeof(prog));
	}
	close(fd);

	/* Control messages of a UDP datagram on the loopback. */
	{
		struct sockaddr_in sin = { .sin_family = AF_INET };
		socklen_t sl = sizeof(sin);
		char data[4], ctl[64];
		struct iovec iov = { data, sizeof(data) };
		struct msghdr mh = { .msg_iov = &iov, .msg_iovlen = 1,
		    .msg_control = ctl, .msg_controllen = sizeof(ctl) };
		int r = socket(AF_INET, SOCK_DGRAM, 0);
		int s = socket(AF_INET, SOCK_DGRAM, 0);

		sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
		bind(r, (struct sockaddr *)&sin, sizeof(sin));
		getsockname(r, (struct sockaddr *)&sin, &sl);
		setsockopt(r, IPPROTO_IP, IP_PKTINFO, &one, sizeof(one));
		setsockopt(r, IPPROTO_IP, IP_RECVTTL, &one, sizeof(one));
		connect(s, (struct sockaddr *)&sin, sizeof(sin));
		send(s, "data", 4, 0);
		recvmsg(r, &mh, 0);
		close(s);
		close(r);
	}
	return 0;
}
