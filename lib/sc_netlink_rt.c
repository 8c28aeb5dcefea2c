/*
 * sc_netlink_rt.c: the payloads of NETLINK_ROUTE and NETLINK_SOCK_DIAG
 * messages as data: which structure each message type carries, its
 * fields, and the attribute chain after it (see sc_netlink.h).
 */
#include <linux/dcbnl.h>
#include <linux/fib_rules.h>
#include <linux/gen_stats.h>
#include <linux/if_addr.h>
#include <linux/if_addrlabel.h>
#include <linux/if_bonding.h>
#include <linux/if_bridge.h>
#include <linux/if_link.h>
#include <linux/if_packet.h>
#include <linux/if_tun.h>
#include <linux/inet_diag.h>
#include <linux/mpls.h>
#include <linux/mroute.h>
#include <linux/mroute6.h>
#include <linux/neighbour.h>
#include <linux/net_namespace.h>
#include <linux/netconf.h>
#include <linux/netlink_diag.h>
#include <linux/packet_diag.h>
#include <linux/smc_diag.h>
#include <linux/nexthop.h>
#include <linux/netlink.h>
#include <linux/pkt_cls.h>
#include <linux/pkt_sched.h>
#include <linux/rtnetlink.h>
#include <linux/unix_diag.h>
#include <sys/socket.h>

#include <stddef.h>

#include "internal.h"
#include "sc_netlink.h"
#include "sc_priv.h"
#include "xlat.h"

#define AF(st, fld) NL_F(st, fld, FT_ENUM, &ptc__xt_address_families, "AF_???")
#define U(st, fld) NL_F(st, fld, FT_U, NULL, NULL)
#define D(st, fld) NL_F(st, fld, FT_D, NULL, NULL)
#define X(st, fld) NL_F(st, fld, FT_X, NULL, NULL)
#define IFX(st, fld) NL_F(st, fld, FT_IFINDEX, NULL, NULL)

#define V_K(k) { .kind = k }
#define V_STR V_K(NLA_K_STR)
#define V_U8 V_K(NLA_K_U8)
#define V_U32 V_K(NLA_K_U32)
#define V_X32 V_K(NLA_K_X32)
#define V_U64 V_K(NLA_K_U64)
#define V_S32 V_K(NLA_K_S32)
#define V_IFX V_K(NLA_K_IFINDEX)
#define V_NEST(set) { .kind = NLA_K_NESTED, .p = &set }
#define V_STRUCT(st) { .kind = NLA_K_STRUCT, .p = &st }
#define V_ENUM(sz, xt, d) { .kind = NLA_K_ENUM, .size = sz, .x = xt, .dflt = d }
#define V_FLAGS(sz, xt, d) { .kind = NLA_K_FLAGS, .size = sz, .x = xt, .dflt = d }

/* ---- attribute values that are structures ---- */

static const struct nl_field tc_stats_f[] = {
	U(struct tc_stats, bytes), U(struct tc_stats, packets),
	U(struct tc_stats, drops), U(struct tc_stats, overlimits),
	U(struct tc_stats, bps), U(struct tc_stats, pps),
	U(struct tc_stats, qlen), U(struct tc_stats, backlog),
};
/* Up to backlog: the padding after it is not part of the attribute. */
static const struct nl_struct tc_stats_s = {
	offsetof(struct tc_stats, backlog) + 4, tc_stats_f,
	sizeof(tc_stats_f) / sizeof(tc_stats_f[0]), NULL
};

static const struct nl_field tc_estimator_f[] = {
	D(struct tc_estimator, interval), U(struct tc_estimator, ewma_log),
};
static const struct nl_struct tc_estimator_s =
    NL_STRUCT(struct tc_estimator, tc_estimator_f, NULL);

static const struct nl_field ndt_config_f[] = {
	U(struct ndt_config, ndtc_key_len),
	U(struct ndt_config, ndtc_entry_size),
	U(struct ndt_config, ndtc_entries),
	U(struct ndt_config, ndtc_last_flush),
	U(struct ndt_config, ndtc_last_rand),
	U(struct ndt_config, ndtc_hash_rnd),
	X(struct ndt_config, ndtc_hash_mask),
	U(struct ndt_config, ndtc_hash_chain_gc),
	U(struct ndt_config, ndtc_proxy_qlen),
};
static const struct nl_struct ndt_config_s =
    NL_STRUCT(struct ndt_config, ndt_config_f, NULL);

static const struct nl_field ndt_stats_f[] = {
	U(struct ndt_stats, ndts_allocs), U(struct ndt_stats, ndts_destroys),
	U(struct ndt_stats, ndts_hash_grows),
	U(struct ndt_stats, ndts_res_failed), U(struct ndt_stats, ndts_lookups),
	U(struct ndt_stats, ndts_hits),
	U(struct ndt_stats, ndts_rcv_probes_mcast),
	U(struct ndt_stats, ndts_rcv_probes_ucast),
	U(struct ndt_stats, ndts_periodic_gc_runs),
	U(struct ndt_stats, ndts_forced_gc_runs),
	U(struct ndt_stats, ndts_table_fulls),
};
static const struct nl_struct ndt_stats_s =
    NL_STRUCT(struct ndt_stats, ndt_stats_f, NULL);

static const struct nl_field unix_vfs_f[] = {
	NL_F(struct unix_diag_vfs, udiag_vfs_dev, FT_DEV, NULL, NULL),
	U(struct unix_diag_vfs, udiag_vfs_ino),
};
static const struct nl_struct unix_vfs_s =
    NL_STRUCT(struct unix_diag_vfs, unix_vfs_f, NULL);

static const struct nl_field unix_rqlen_f[] = {
	U(struct unix_diag_rqlen, udiag_rqueue),
	U(struct unix_diag_rqlen, udiag_wqueue),
};
static const struct nl_struct unix_rqlen_s =
    NL_STRUCT(struct unix_diag_rqlen, unix_rqlen_f, NULL);

static const struct nl_field gnet_basic_f[] = {
	U(struct gnet_stats_basic, bytes), U(struct gnet_stats_basic, packets),
};
/* Packed in the kernel: 12 bytes. */
static const struct nl_struct gnet_basic_s = { 12, gnet_basic_f, 2, NULL };

static const struct nl_field gnet_rate_est_f[] = {
	U(struct gnet_stats_rate_est, bps), U(struct gnet_stats_rate_est, pps),
};
static const struct nl_struct gnet_rate_est_s =
    NL_STRUCT(struct gnet_stats_rate_est, gnet_rate_est_f, NULL);

static const struct nl_field gnet_rate_est64_f[] = {
	U(struct gnet_stats_rate_est64, bps),
	U(struct gnet_stats_rate_est64, pps),
};
static const struct nl_struct gnet_rate_est64_s =
    NL_STRUCT(struct gnet_stats_rate_est64, gnet_rate_est64_f, NULL);

static const struct nl_field gnet_queue_f[] = {
	U(struct gnet_stats_queue, qlen), U(struct gnet_stats_queue, backlog),
	U(struct gnet_stats_queue, drops), U(struct gnet_stats_queue, requeues),
	U(struct gnet_stats_queue, overlimits),
};
static const struct nl_struct gnet_queue_s =
    NL_STRUCT(struct gnet_stats_queue, gnet_queue_f, NULL);

static const struct nl_field tc_sizespec_f[] = {
	U(struct tc_sizespec, cell_log), U(struct tc_sizespec, size_log),
	D(struct tc_sizespec, cell_align), D(struct tc_sizespec, overhead),
	U(struct tc_sizespec, linklayer), U(struct tc_sizespec, mpu),
	U(struct tc_sizespec, mtu), U(struct tc_sizespec, tsize),
};
static const struct nl_struct tc_sizespec_s =
    NL_STRUCT(struct tc_sizespec, tc_sizespec_f, NULL);

static const struct nl_field ifa_cacheinfo_f[] = {
	U(struct ifa_cacheinfo, ifa_prefered),
	U(struct ifa_cacheinfo, ifa_valid),
	U(struct ifa_cacheinfo, cstamp), U(struct ifa_cacheinfo, tstamp),
};
static const struct nl_struct ifa_cacheinfo_s =
    NL_STRUCT(struct ifa_cacheinfo, ifa_cacheinfo_f, NULL);

static const struct nl_field uid_range_f[] = {
	U(struct fib_rule_uid_range, start), U(struct fib_rule_uid_range, end),
};
static const struct nl_struct uid_range_s =
    NL_STRUCT(struct fib_rule_uid_range, uid_range_f, NULL);

static const struct nl_field port_range_f[] = {
	U(struct fib_rule_port_range, start),
	U(struct fib_rule_port_range, end),
};
static const struct nl_struct port_range_s =
    NL_STRUCT(struct fib_rule_port_range, port_range_f, NULL);

/* ---- attribute chains ---- */

static const struct nla_val rule_v[] = {
	[FRA_DST] = V_K(NLA_K_INADDR), [FRA_SRC] = V_K(NLA_K_INADDR),
	[FRA_IIFNAME] = V_STR, [FRA_GOTO] = V_U32, [FRA_PRIORITY] = V_U32,
	[FRA_FWMARK] = V_U32, [FRA_FLOW] = V_U32,
	[FRA_TUN_ID] = V_K(NLA_K_BE64), [FRA_SUPPRESS_IFGROUP] = V_U32,
	[FRA_SUPPRESS_PREFIXLEN] = V_U32,
	[FRA_TABLE] = V_ENUM(4, &ptc__xt_routing_table_ids, NULL),
	[FRA_FWMASK] = V_U32, [FRA_OIFNAME] = V_STR, [FRA_L3MDEV] = V_U8,
	[FRA_UID_RANGE] = V_STRUCT(uid_range_s),
	[FRA_PROTOCOL] = V_ENUM(1, &ptc__xt_routing_protocols, "RTPROT_???"),
	[FRA_IP_PROTO] = V_ENUM(1, &ptc__xt_inet_protocols, "IPPROTO_???"),
	[FRA_SPORT_RANGE] = V_STRUCT(port_range_s),
	[FRA_DPORT_RANGE] = V_STRUCT(port_range_s),
};
static const struct nla_set rule_set = NLA_SET(&ptc__xt_rtnl_rule_attrs,
    "FRA_???", rule_v);

static const struct nla_val tca_stats_v[] = {
	[TCA_STATS_BASIC] = V_STRUCT(gnet_basic_s),
	[TCA_STATS_RATE_EST] = V_STRUCT(gnet_rate_est_s),
	[TCA_STATS_QUEUE] = V_STRUCT(gnet_queue_s),
	[TCA_STATS_RATE_EST64] = V_STRUCT(gnet_rate_est64_s),
	[TCA_STATS_BASIC_HW] = V_STRUCT(gnet_basic_s),
	[TCA_STATS_PKT64] = V_U64,
};
static const struct nla_set tca_stats_set = NLA_SET(
    &ptc__xt_rtnl_tca_stats_attrs, "TCA_STATS_???", tca_stats_v);

static const struct nla_val tca_stab_v[] = {
	[TCA_STAB_BASE] = V_STRUCT(tc_sizespec_s),
	[TCA_STAB_DATA] = V_K(NLA_K_ARR_U16),
};
static const struct nla_set tca_stab_set = NLA_SET(
    &ptc__xt_rtnl_tca_stab_attrs, "TCA_STAB_???", tca_stab_v);

static const struct nla_val tca_act_v[] = {
	[TCA_ACT_KIND] = V_STR, [TCA_ACT_INDEX] = V_U32,
	[TCA_ACT_FLAGS] = V_FLAGS(4, &ptc__xt_tca_act_flags,
	    "TCA_ACT_FLAGS_???"),
	[TCA_ACT_HW_STATS] = V_FLAGS(4, &ptc__xt_tca_act_hw_stats,
	    "TCA_ACT_HW_STATS_???"),
	[TCA_ACT_USED_HW_STATS] = V_FLAGS(4, &ptc__xt_tca_act_hw_stats,
	    "TCA_ACT_HW_STATS_???"),
	[TCA_ACT_IN_HW_COUNT] = V_U32,
};
static const struct nla_set tca_act_set = NLA_SET(
    &ptc__xt_rtnl_tca_act_attrs, "TCA_ACT_???", tca_act_v);

static const struct nla_val addr_v[] = {
	[IFA_ADDRESS] = V_K(NLA_K_INADDR), [IFA_LOCAL] = V_K(NLA_K_INADDR),
	[IFA_LABEL] = V_STR, [IFA_BROADCAST] = V_K(NLA_K_INADDR),
	[IFA_ANYCAST] = V_K(NLA_K_INADDR),
	[IFA_CACHEINFO] = V_STRUCT(ifa_cacheinfo_s),
	[IFA_MULTICAST] = V_K(NLA_K_INADDR),
	[IFA_FLAGS] = V_FLAGS(4, &ptc__xt_ifaddrflags, "IFA_F_???"),
	[IFA_RT_PRIORITY] = V_U32, [IFA_TARGET_NETNSID] = V_S32,
};
static const struct nla_set addr_set = NLA_SET(&ptc__xt_rtnl_addr_attrs,
    "IFA_???", addr_v);

static const struct nla_val nsid_v[] = {
	[NETNSA_NSID] = V_S32, [NETNSA_PID] = V_U32, [NETNSA_FD] = V_U32,
	[NETNSA_TARGET_NSID] = V_S32, [NETNSA_CURRENT_NSID] = V_S32,
};
static const struct nla_set nsid_set = NLA_SET(&ptc__xt_rtnl_nsid_attrs,
    "NETNSA_???", nsid_v);

static const struct nla_val netconf_v[] = {
	[NETCONFA_IFINDEX] = V_IFX, [NETCONFA_FORWARDING] = V_S32,
	[NETCONFA_RP_FILTER] = V_S32, [NETCONFA_MC_FORWARDING] = V_S32,
	[NETCONFA_PROXY_NEIGH] = V_S32,
	[NETCONFA_IGNORE_ROUTES_WITH_LINKDOWN] = V_S32,
	[NETCONFA_INPUT] = V_S32, [NETCONFA_BC_FORWARDING] = V_S32,
};
static const struct nla_set netconf_set = NLA_SET(
    &ptc__xt_rtnl_netconf_attrs, "NETCONFA_???", netconf_v);

static const struct nla_val none_v[] = { V_K(NLA_K_HEX) };
static const struct nla_set dcb_set = NLA_SET(&ptc__xt_rtnl_dcb_attrs,
    "DCB_ATTR_???", none_v);

static const struct nla_val addrlabel_v[] = {
	[IFAL_LABEL] = V_U32,
};
static const struct nla_set addrlabel_set = NLA_SET(
    &ptc__xt_rtnl_addrlabel_attrs, "IFAL_???", addrlabel_v);

static const struct nla_val tc_v[] = {
	[TCA_KIND] = V_STR, [TCA_STATS] = V_STRUCT(tc_stats_s),
	[TCA_RATE] = V_STRUCT(tc_estimator_s), [TCA_FCNT] = V_U32,
	[TCA_CHAIN] = V_U32, [TCA_INGRESS_BLOCK] = V_U32,
	[TCA_STATS2] = V_NEST(tca_stats_set), [TCA_STAB] = V_NEST(tca_stab_set),
	[TCA_EGRESS_BLOCK] = V_U32,
};
static const struct nla_set tc_set = NLA_SET(&ptc__xt_rtnl_tc_attrs,
    "TCA_???", tc_v);

static const struct nl_field mdb_addr_f[] = {
	{ "u", 0, 16, FT_HEX, NULL, NULL, NULL },
	{ "proto", 16, 2, FT_HTONS_AF, NULL, NULL, NULL },
};
static const struct nl_struct mdb_addr_s = { 18, mdb_addr_f, 2, NULL };
static const struct nl_field mdb_entry_f[] = {
	IFX(struct br_mdb_entry, ifindex),
	NL_F(struct br_mdb_entry, state, FT_ENUM, &ptc__xt_mdb_states,
	    "MDB_???"),
	NL_F(struct br_mdb_entry, flags, FT_FLAGS, &ptc__xt_mdb_flags,
	    "MDB_FLAGS_???"),
	U(struct br_mdb_entry, vid),
	{ "addr", offsetof(struct br_mdb_entry, addr), 18, FT_STRUCT, NULL,
	    NULL, &mdb_addr_s },
};
static const struct nl_struct mdb_entry_s = NL_STRUCT(struct br_mdb_entry,
    mdb_entry_f, NULL);
static const struct nla_set mdb_eattr_set = NLA_SET(
    &ptc__xt_rtnl_mdba_mdb_eattr_attrs, "MDBA_MDB_EATTR_???", none_v);
/* An entry, then its attributes. */
static const struct nla_lead mdb_entry_info = {
	V_STRUCT(mdb_entry_s), sizeof(struct br_mdb_entry), &mdb_eattr_set
};
static const struct nla_val mdb_entry_v[] = {
	[MDBA_MDB_ENTRY_INFO] = { .kind = NLA_K_LEAD, .p = &mdb_entry_info },
};
static const struct nla_set mdb_entry_set = NLA_SET(
    &ptc__xt_rtnl_mdba_mdb_entry_attrs, "MDBA_MDB_ENTRY_???", mdb_entry_v);
static const struct nla_val mdb_mdb_v[] = {
	[MDBA_MDB_ENTRY] = V_NEST(mdb_entry_set),
};
static const struct nla_set mdb_mdb_set = NLA_SET(
    &ptc__xt_rtnl_mdba_mdb_attrs, "MDBA_MDB_???", mdb_mdb_v);
static const struct nla_val mdb_rtr_pattr_v[] = {
	[MDBA_ROUTER_PATTR_TIMER] = V_K(NLA_K_CLOCK),
	[MDBA_ROUTER_PATTR_TYPE] = V_ENUM(1, &ptc__xt_multicast_router_types,
	    "MDB_RTR_TYPE_???"),
	[MDBA_ROUTER_PATTR_INET_TIMER] = V_K(NLA_K_CLOCK),
	[MDBA_ROUTER_PATTR_INET6_TIMER] = V_K(NLA_K_CLOCK),
	[MDBA_ROUTER_PATTR_VID] = V_K(NLA_K_U16),
};
static const struct nla_set mdb_rtr_pattr_set = NLA_SET(
    &ptc__xt_rtnl_mdba_router_pattr_attrs, "MDBA_ROUTER_PATTR_???",
    mdb_rtr_pattr_v);
/* A router port: its interface, then its attributes. */
static const struct nla_lead mdb_rtr_port = {
	V_IFX, 4, &mdb_rtr_pattr_set
};
static const struct nla_val mdb_rtr_v[] = {
	[MDBA_ROUTER_PORT] = { .kind = NLA_K_LEAD, .p = &mdb_rtr_port },
};
static const struct nla_set mdb_rtr_set = NLA_SET(
    &ptc__xt_rtnl_mdba_router_attrs, "MDBA_ROUTER_???", mdb_rtr_v);
static const struct nla_val mdb_v[] = {
	[MDBA_MDB] = V_NEST(mdb_mdb_set),
	[MDBA_ROUTER] = V_NEST(mdb_rtr_set),
};
static const struct nla_set mdb_set = NLA_SET(&ptc__xt_rtnl_mdb_attrs,
    "MDBA_???", mdb_v);

static const struct nla_val ndtpa_v[] = {
	[NDTPA_IFINDEX] = V_IFX, [NDTPA_REFCNT] = V_U32,
	[NDTPA_REACHABLE_TIME] = V_U64, [NDTPA_BASE_REACHABLE_TIME] = V_U64,
	[NDTPA_RETRANS_TIME] = V_U64, [NDTPA_GC_STALETIME] = V_U64,
	[NDTPA_DELAY_PROBE_TIME] = V_U64, [NDTPA_QUEUE_LEN] = V_U32,
	[NDTPA_APP_PROBES] = V_U32, [NDTPA_UCAST_PROBES] = V_U32,
	[NDTPA_MCAST_PROBES] = V_U32, [NDTPA_ANYCAST_DELAY] = V_U64,
	[NDTPA_PROXY_DELAY] = V_U64, [NDTPA_PROXY_QLEN] = V_U32,
	[NDTPA_LOCKTIME] = V_U64, [NDTPA_QUEUE_LENBYTES] = V_U32,
	[NDTPA_MCAST_REPROBES] = V_U32,
};
static const struct nla_set ndtpa_set = NLA_SET(
    &ptc__xt_rtnl_neightbl_parms_attrs, "NDTPA_???", ndtpa_v);

static const struct nla_val ndta_v[] = {
	[NDTA_NAME] = V_STR, [NDTA_THRESH1] = V_U32, [NDTA_THRESH2] = V_U32,
	[NDTA_THRESH3] = V_U32, [NDTA_CONFIG] = V_STRUCT(ndt_config_s),
	[NDTA_PARMS] = V_NEST(ndtpa_set), [NDTA_STATS] = V_STRUCT(ndt_stats_s),
	[NDTA_GC_INTERVAL] = V_U64,
};
static const struct nla_set ndta_set = NLA_SET(&ptc__xt_rtnl_neightbl_attrs,
    "NDTA_???", ndta_v);

static const struct nla_val unix_diag_v[] = {
	[UNIX_DIAG_NAME] = V_STR, [UNIX_DIAG_VFS] = V_STRUCT(unix_vfs_s),
	[UNIX_DIAG_PEER] = V_U32, [UNIX_DIAG_ICONS] = V_K(NLA_K_ARR_U32),
	[UNIX_DIAG_RQLEN] = V_STRUCT(unix_rqlen_s),
	[UNIX_DIAG_MEMINFO] = V_K(NLA_K_ARR_U32),
	[UNIX_DIAG_SHUTDOWN] = V_U8,
};
static const struct nla_set unix_diag_set = NLA_SET(&ptc__xt_unix_diag_attrs,
    "UNIX_DIAG_???", unix_diag_v);

static const struct nla_val xdp_v[] = {
	[IFLA_XDP_FD] = V_K(NLA_K_FD),
	[IFLA_XDP_ATTACHED] = V_ENUM(1, &ptc__xt_rtnl_ifla_xdp_attached_mode,
	    "XDP_ATTACHED_???"),
	[IFLA_XDP_FLAGS] = V_FLAGS(4, &ptc__xt_xdp_flags, "XDP_FLAGS_???"),
	[IFLA_XDP_PROG_ID] = V_U32, [IFLA_XDP_DRV_PROG_ID] = V_U32,
	[IFLA_XDP_SKB_PROG_ID] = V_U32, [IFLA_XDP_HW_PROG_ID] = V_U32,
	[IFLA_XDP_EXPECTED_FD] = V_K(NLA_K_FD),
};
static const struct nla_set xdp_set = NLA_SET(&ptc__xt_rtnl_ifla_xdp_attrs,
    "IFLA_XDP_???", xdp_v);

static const struct nla_val proto_down_reason_v[] = {
	[IFLA_PROTO_DOWN_REASON_MASK] = V_X32,
	[IFLA_PROTO_DOWN_REASON_VALUE] = V_X32,
};
static const struct nla_set proto_down_reason_set = NLA_SET(
    &ptc__xt_rtnl_ifla_proto_down_reason_attrs, "IFLA_PROTO_DOWN_REASON_???",
    proto_down_reason_v);

static const struct nl_field bridge_id_f[] = {
	{ "prio", 0, 2, FT_U8ARR, NULL, NULL, NULL },
	{ "addr", 2, 6, FT_MAC, NULL, NULL, NULL },
};
static const struct nl_struct bridge_id_s = { 8, bridge_id_f, 2, NULL };

static const struct nla_val brport_v[] = {
	[IFLA_BRPORT_STATE] = V_U8, [IFLA_BRPORT_PRIORITY] = V_K(NLA_K_U16),
	[IFLA_BRPORT_COST] = V_U32, [IFLA_BRPORT_MODE] = V_U8,
	[IFLA_BRPORT_GUARD] = V_U8, [IFLA_BRPORT_PROTECT] = V_U8,
	[IFLA_BRPORT_FAST_LEAVE] = V_U8, [IFLA_BRPORT_LEARNING] = V_U8,
	[IFLA_BRPORT_UNICAST_FLOOD] = V_U8, [IFLA_BRPORT_PROXYARP] = V_U8,
	[IFLA_BRPORT_LEARNING_SYNC] = V_U8, [IFLA_BRPORT_PROXYARP_WIFI] = V_U8,
	[IFLA_BRPORT_ROOT_ID] = V_STRUCT(bridge_id_s),
	[IFLA_BRPORT_BRIDGE_ID] = V_STRUCT(bridge_id_s),
	[IFLA_BRPORT_DESIGNATED_PORT] = V_K(NLA_K_U16),
	[IFLA_BRPORT_DESIGNATED_COST] = V_K(NLA_K_U16),
	[IFLA_BRPORT_ID] = V_K(NLA_K_U16), [IFLA_BRPORT_NO] = V_K(NLA_K_U16),
	[IFLA_BRPORT_TOPOLOGY_CHANGE_ACK] = V_U8,
	[IFLA_BRPORT_CONFIG_PENDING] = V_U8,
	[IFLA_BRPORT_MESSAGE_AGE_TIMER] = V_K(NLA_K_CLOCK),
	[IFLA_BRPORT_FORWARD_DELAY_TIMER] = V_K(NLA_K_CLOCK),
	[IFLA_BRPORT_HOLD_TIMER] = V_K(NLA_K_CLOCK),
	[IFLA_BRPORT_MULTICAST_ROUTER] = V_U8, [IFLA_BRPORT_MCAST_FLOOD] = V_U8,
	[IFLA_BRPORT_MCAST_TO_UCAST] = V_U8, [IFLA_BRPORT_VLAN_TUNNEL] = V_U8,
	[IFLA_BRPORT_BCAST_FLOOD] = V_U8,
	[IFLA_BRPORT_GROUP_FWD_MASK] = V_K(NLA_K_X16),
	[IFLA_BRPORT_NEIGH_SUPPRESS] = V_U8, [IFLA_BRPORT_ISOLATED] = V_U8,
	[IFLA_BRPORT_BACKUP_PORT] = V_IFX, [IFLA_BRPORT_MRP_RING_OPEN] = V_U8,
	[IFLA_BRPORT_MRP_IN_OPEN] = V_U8,
	[IFLA_BRPORT_MCAST_EHT_HOSTS_LIMIT] = V_U32,
	[IFLA_BRPORT_MCAST_EHT_HOSTS_CNT] = V_U32,
	[IFLA_BRPORT_LOCKED] = V_U8,
};
static const struct nla_set brport_set = NLA_SET(
    &ptc__xt_rtnl_ifla_brport_attrs, "IFLA_BRPORT_???", brport_v);

static const struct nl_field ifla_cacheinfo_f[] = {
	U(struct ifla_cacheinfo, max_reasm_len),
	U(struct ifla_cacheinfo, tstamp),
	U(struct ifla_cacheinfo, reachable_time),
	U(struct ifla_cacheinfo, retrans_time),
};
static const struct nl_struct ifla_cacheinfo_s =
    NL_STRUCT(struct ifla_cacheinfo, ifla_cacheinfo_f, NULL);

static const struct nla_val inet6_v[] = {
	[IFLA_INET6_FLAGS] = V_FLAGS(4, &ptc__xt_inet6_if_flags, "IF_???"),
	[IFLA_INET6_CONF] = { .kind = NLA_K_IDX32,
	    .x = &ptc__xt_inet_devconf_indices, .dflt = "DEVCONF_???" },
	[IFLA_INET6_STATS] = { .kind = NLA_K_IDX64,
	    .x = &ptc__xt_snmp_ip_stats, .dflt = "IPSTATS_MIB_???" },
	[IFLA_INET6_CACHEINFO] = V_STRUCT(ifla_cacheinfo_s),
	[IFLA_INET6_ICMP6STATS] = { .kind = NLA_K_IDX64,
	    .x = &ptc__xt_snmp_icmp6_stats, .dflt = "ICMP6_MIB_???" },
	[IFLA_INET6_TOKEN] = V_K(NLA_K_IN6ADDR),
	[IFLA_INET6_ADDR_GEN_MODE] = V_ENUM(1, &ptc__xt_in6_addr_gen_mode,
	    "IN6_ADDR_GEN_MODE_???"),
	[9] = V_U32,                    /* IFLA_INET6_RA_MTU */
};
static const struct nla_set inet6_set = NLA_SET(
    &ptc__xt_rtnl_ifla_inet6_attrs, "IFLA_INET6_???", inet6_v);

/*
 * IFLA_PROTINFO: a bridge port's attributes on an AF_BRIDGE link, IPv6's
 * on an AF_INET6 one.
 */
static const struct nla_by_family protinfo[] = {
	{ AF_BRIDGE, &brport_set }, { AF_INET6, &inet6_set }, { -1, NULL },
};

static const struct nl_field port_vsi_f[] = {
	U(struct ifla_port_vsi, vsi_mgr_id),
	NL_F(struct ifla_port_vsi, vsi_type_id, FT_HEX, NULL, NULL),
	U(struct ifla_port_vsi, vsi_type_version),
	NL_F(struct ifla_port_vsi, pad, FT_HEX_NZ, NULL, NULL),
};
static const struct nl_struct port_vsi_s = NL_STRUCT(struct ifla_port_vsi,
    port_vsi_f, NULL);
static const struct nla_val port_v[] = {
	[IFLA_PORT_VF] = V_U32, [IFLA_PORT_VSI_TYPE] = V_STRUCT(port_vsi_s),
};
static const struct nla_set port_set = NLA_SET(&ptc__xt_rtnl_ifla_port_attrs,
    "IFLA_PORT_???", port_v);

#define U64S(st, a, b, c, d) U(st, a), U(st, b), U(st, c), U(st, d)

static const struct nl_field link_stats64_f[] = {
	U64S(struct rtnl_link_stats64, rx_packets, tx_packets, rx_bytes,
	    tx_bytes),
	U64S(struct rtnl_link_stats64, rx_errors, tx_errors, rx_dropped,
	    tx_dropped),
	U64S(struct rtnl_link_stats64, multicast, collisions,
	    rx_length_errors, rx_over_errors),
	U64S(struct rtnl_link_stats64, rx_crc_errors, rx_frame_errors,
	    rx_fifo_errors, rx_missed_errors),
	U64S(struct rtnl_link_stats64, tx_aborted_errors, tx_carrier_errors,
	    tx_fifo_errors, tx_heartbeat_errors),
	U64S(struct rtnl_link_stats64, tx_window_errors, rx_compressed,
	    tx_compressed, rx_nohandler),
	U(struct rtnl_link_stats64, rx_otherhost_dropped),
};
/* Older kernels' end at tx_compressed or rx_nohandler. */
static const struct nl_struct link_stats64_s = {
	.size = offsetof(struct rtnl_link_stats64, rx_otherhost_dropped) + 8,
	.f = link_stats64_f,
	.nf = sizeof(link_stats64_f) / sizeof(link_stats64_f[0]),
	.min = offsetof(struct rtnl_link_stats64, rx_nohandler),
};

/* ---- IFLA_AF_SPEC ---- */

static const struct nla_val af_inet_v[] = {
	[IFLA_INET_CONF] = { .kind = NLA_K_IDX32,
	    .x = &ptc__xt_ipv4_devconf_indices, .dflt = "IPV4_DEVCONF_???" },
};
static const struct nla_set af_inet_set = NLA_SET(
    &ptc__xt_rtnl_ifla_af_spec_inet_attrs, "IFLA_INET_???", af_inet_v);

static const struct nla_val af_mctp_v[] = { [IFLA_MCTP_NET] = V_U32 };
static const struct nla_set af_mctp_set = NLA_SET(
    &ptc__xt_rtnl_ifla_af_spec_mctp_attrs, "IFLA_MCTP_???", af_mctp_v);

/* Attributes whose types are address families: their own chains. */
static const struct nla_val af_spec_v[] = {
	[AF_INET] = V_NEST(af_inet_set), [AF_INET6] = V_NEST(inet6_set),
	[AF_MCTP] = V_NEST(af_mctp_set),
};
static const struct nla_set af_spec_set = NLA_SET(&ptc__xt_address_families,
    "AF_???", af_spec_v);

static const struct nl_field br_vlan_info_f[] = {
	NL_F(struct bridge_vlan_info, flags, FT_FLAGS,
	    &ptc__xt_nl_bridge_vlan_flags, "BRIDGE_VLAN_INFO_???"),
	U(struct bridge_vlan_info, vid),
};
static const struct nl_struct br_vlan_info_s = {
	sizeof(struct bridge_vlan_info), br_vlan_info_f,
	sizeof(br_vlan_info_f) / sizeof(br_vlan_info_f[0]), NULL, 0, 1, NULL
};

static const struct nla_val br_tunnel_v[] = {
	[IFLA_BRIDGE_VLAN_TUNNEL_ID] = V_U32,
	[IFLA_BRIDGE_VLAN_TUNNEL_VID] = V_K(NLA_K_U16),
	[IFLA_BRIDGE_VLAN_TUNNEL_FLAGS] = V_FLAGS(2,
	    &ptc__xt_nl_bridge_vlan_flags, "BRIDGE_VLAN_INFO_???"),
};
static const struct nla_set br_tunnel_set = NLA_SET(
    &ptc__xt_rtnl_ifla_af_spec_bridge_vlan_tunnel_info_attrs,
    "IFLA_BRIDGE_VLAN_TUNNEL_???", br_tunnel_v);

static const struct nla_val af_bridge_v[] = {
	[IFLA_BRIDGE_FLAGS] = V_FLAGS(2, &ptc__xt_rtnl_ifla_bridge_flags,
	    "BRIDGE_FLAGS_???"),
	[IFLA_BRIDGE_MODE] = V_ENUM(2, &ptc__xt_rtnl_ifla_bridge_modes,
	    "BRIDGE_MODE_???"),
	[IFLA_BRIDGE_VLAN_INFO] = V_STRUCT(br_vlan_info_s),
	[IFLA_BRIDGE_VLAN_TUNNEL_INFO] = V_NEST(br_tunnel_set),
};
static const struct nla_set af_bridge_set = NLA_SET(
    &ptc__xt_rtnl_ifla_af_spec_bridge_attrs, "IFLA_BRIDGE_???", af_bridge_v);

/* A bridge's own attributes on an AF_BRIDGE link, else by family. */
static const struct nla_by_family af_spec[] = {
	{ AF_BRIDGE, &af_bridge_set }, { NL_ANY_FAMILY, &af_spec_set },
	{ -1, NULL },
};

/* ---- IFLA_VFINFO_LIST ---- */

#define VF_STRUCT(name, st, ...) \
static const struct nl_field name##_f[] = { __VA_ARGS__ }; \
static const struct nl_struct name##_s = NL_STRUCT(st, name##_f, NULL)

VF_STRUCT(vf_mac, struct ifla_vf_mac, U(struct ifla_vf_mac, vf),
    NL_F(struct ifla_vf_mac, mac, FT_MAC, NULL, NULL));
VF_STRUCT(vf_vlan, struct ifla_vf_vlan, U(struct ifla_vf_vlan, vf),
    U(struct ifla_vf_vlan, vlan), U(struct ifla_vf_vlan, qos));
VF_STRUCT(vf_tx_rate, struct ifla_vf_tx_rate, U(struct ifla_vf_tx_rate, vf),
    U(struct ifla_vf_tx_rate, rate));
VF_STRUCT(vf_spoofchk, struct ifla_vf_spoofchk,
    U(struct ifla_vf_spoofchk, vf), U(struct ifla_vf_spoofchk, setting));
VF_STRUCT(vf_link_state, struct ifla_vf_link_state,
    U(struct ifla_vf_link_state, vf),
    NL_F(struct ifla_vf_link_state, link_state, FT_ENUM,
    &ptc__xt_rtnl_ifla_vf_link_states, "IFLA_VF_LINK_STATE_???"));
VF_STRUCT(vf_rate, struct ifla_vf_rate, U(struct ifla_vf_rate, vf),
    U(struct ifla_vf_rate, min_tx_rate), U(struct ifla_vf_rate, max_tx_rate));
VF_STRUCT(vf_rss_query_en, struct ifla_vf_rss_query_en,
    U(struct ifla_vf_rss_query_en, vf),
    U(struct ifla_vf_rss_query_en, setting));
VF_STRUCT(vf_trust, struct ifla_vf_trust, U(struct ifla_vf_trust, vf),
    U(struct ifla_vf_trust, setting));
VF_STRUCT(vf_guid, struct ifla_vf_guid, U(struct ifla_vf_guid, vf),
    X(struct ifla_vf_guid, guid));
VF_STRUCT(vf_vlan_info, struct ifla_vf_vlan_info,
    U(struct ifla_vf_vlan_info, vf), U(struct ifla_vf_vlan_info, vlan),
    U(struct ifla_vf_vlan_info, qos),
    NL_F(struct ifla_vf_vlan_info, vlan_proto, FT_HTONS_X,
    &ptc__xt_ethernet_protocols, "ETH_P_???"));
VF_STRUCT(vf_broadcast, struct ifla_vf_broadcast,
    NL_F(struct ifla_vf_broadcast, broadcast, FT_MAC, NULL, NULL));
#undef VF_STRUCT

static const struct nla_val vf_stats_v[] = {
	[IFLA_VF_STATS_RX_PACKETS] = V_U64, [IFLA_VF_STATS_TX_PACKETS] = V_U64,
	[IFLA_VF_STATS_RX_BYTES] = V_U64, [IFLA_VF_STATS_TX_BYTES] = V_U64,
	[IFLA_VF_STATS_BROADCAST] = V_U64, [IFLA_VF_STATS_MULTICAST] = V_U64,
	[IFLA_VF_STATS_RX_DROPPED] = V_U64, [IFLA_VF_STATS_TX_DROPPED] = V_U64,
};
static const struct nla_set vf_stats_set = NLA_SET(
    &ptc__xt_rtnl_ifla_vf_stats_attrs, "IFLA_VF_STATS_???", vf_stats_v);

static const struct nla_val vf_vlan_list_v[] = {
	[IFLA_VF_VLAN_INFO] = V_STRUCT(vf_vlan_info_s),
};
static const struct nla_set vf_vlan_list_set = NLA_SET(
    &ptc__xt_rtnl_ifla_vf_vlan_list_attrs, "IFLA_VF_VLAN_INFO_???",
    vf_vlan_list_v);

static const struct nla_val vf_info_v[] = {
	[IFLA_VF_MAC] = V_STRUCT(vf_mac_s),
	[IFLA_VF_VLAN] = V_STRUCT(vf_vlan_s),
	[IFLA_VF_TX_RATE] = V_STRUCT(vf_tx_rate_s),
	[IFLA_VF_SPOOFCHK] = V_STRUCT(vf_spoofchk_s),
	[IFLA_VF_LINK_STATE] = V_STRUCT(vf_link_state_s),
	[IFLA_VF_RATE] = V_STRUCT(vf_rate_s),
	[IFLA_VF_RSS_QUERY_EN] = V_STRUCT(vf_rss_query_en_s),
	[IFLA_VF_STATS] = V_NEST(vf_stats_set),
	[IFLA_VF_TRUST] = V_STRUCT(vf_trust_s),
	[IFLA_VF_IB_NODE_GUID] = V_STRUCT(vf_guid_s),
	[IFLA_VF_IB_PORT_GUID] = V_STRUCT(vf_guid_s),
	[IFLA_VF_VLAN_LIST] = V_NEST(vf_vlan_list_set),
	[IFLA_VF_BROADCAST] = V_STRUCT(vf_broadcast_s),
};
static const struct nla_set vf_info_set = NLA_SET(
    &ptc__xt_rtnl_ifla_vf_info_attrs, "IFLA_VF_???", vf_info_v);

static const struct nla_val vfinfo_list_v[] = {
	[IFLA_VF_INFO] = V_NEST(vf_info_set),
};
static const struct nla_set vfinfo_list_set = NLA_SET(
    &ptc__xt_rtnl_ifla_vfinfo_list_attrs, "IFLA_VF_INFO_???", vfinfo_list_v);

static const struct nla_val vf_ports_v[] = {
	[IFLA_VF_PORT] = V_NEST(port_set),
};
static const struct nla_set vf_ports_set = NLA_SET(
    &ptc__xt_rtnl_ifla_vf_port_attrs, "IFLA_VF_PORT_???", vf_ports_v);

#define U32S(st, a, b, c, d) U(st, a), U(st, b), U(st, c), U(st, d)
static const struct nl_field link_stats_f[] = {
	U32S(struct rtnl_link_stats, rx_packets, tx_packets, rx_bytes,
	    tx_bytes),
	U32S(struct rtnl_link_stats, rx_errors, tx_errors, rx_dropped,
	    tx_dropped),
	U32S(struct rtnl_link_stats, multicast, collisions, rx_length_errors,
	    rx_over_errors),
	U32S(struct rtnl_link_stats, rx_crc_errors, rx_frame_errors,
	    rx_fifo_errors, rx_missed_errors),
	U32S(struct rtnl_link_stats, tx_aborted_errors, tx_carrier_errors,
	    tx_fifo_errors, tx_heartbeat_errors),
	U32S(struct rtnl_link_stats, tx_window_errors, rx_compressed,
	    tx_compressed, rx_nohandler),
};
#undef U32S
/* Older kernels' end at tx_compressed. */
static const struct nl_struct link_stats_s = {
	.size = sizeof(struct rtnl_link_stats), .f = link_stats_f,
	.nf = sizeof(link_stats_f) / sizeof(link_stats_f[0]),
	.min = offsetof(struct rtnl_link_stats, rx_nohandler),
};

static const struct nl_field ifmap_f[] = {
	X(struct rtnl_link_ifmap, mem_start),
	X(struct rtnl_link_ifmap, mem_end),
	X(struct rtnl_link_ifmap, base_addr), U(struct rtnl_link_ifmap, irq),
	U(struct rtnl_link_ifmap, dma), U(struct rtnl_link_ifmap, port),
};
/* Without the padding at its end. */
static const struct nl_struct ifmap_s = {
	offsetof(struct rtnl_link_ifmap, port) + 1, ifmap_f,
	sizeof(ifmap_f) / sizeof(ifmap_f[0]), NULL, 0, 0, NULL
};

/* IFLA_PROP_LIST: link attributes, of which only names are decoded. */
static const struct nla_val prop_list_v[] = {
	[IFLA_ALT_IFNAME] = V_STR,
};
static const struct nla_set prop_list_set = NLA_SET(&ptc__xt_rtnl_link_attrs,
    "IFLA_???", prop_list_v);

static const struct nl_field boolopt_f[] = {
	NL_F(struct br_boolopt_multi, optval, FT_FLAGS,
	    &ptc__xt_rtnl_ifla_br_boolopt_flags, "1<<BR_BOOLOPT_???"),
	NL_F(struct br_boolopt_multi, optmask, FT_FLAGS,
	    &ptc__xt_rtnl_ifla_br_boolopt_flags, "1<<BR_BOOLOPT_???"),
};
static const struct nl_struct boolopt_s = NL_STRUCT(struct br_boolopt_multi,
    boolopt_f, NULL);

static const struct nla_val br_querier_v[] = {
	[BRIDGE_QUERIER_IP_ADDRESS] = V_K(NLA_K_IN4ADDR),
	[BRIDGE_QUERIER_IP_PORT] = V_IFX,
	[BRIDGE_QUERIER_IP_OTHER_TIMER] = V_K(NLA_K_CLOCK),
	[BRIDGE_QUERIER_IPV6_ADDRESS] = V_K(NLA_K_IN6ADDR),
	[BRIDGE_QUERIER_IPV6_PORT] = V_IFX,
	[BRIDGE_QUERIER_IPV6_OTHER_TIMER] = V_K(NLA_K_CLOCK),
};
static const struct nla_set br_querier_set = NLA_SET(
    &ptc__xt_rtnl_ifla_br_mcast_querier_attrs, "BRIDGE_QUERIER_???",
    br_querier_v);

#define CLK V_K(NLA_K_CLOCK)
static const struct nla_val info_bridge_v[] = {
	[IFLA_BR_FORWARD_DELAY] = CLK, [IFLA_BR_HELLO_TIME] = CLK,
	[IFLA_BR_MAX_AGE] = CLK, [IFLA_BR_AGEING_TIME] = CLK,
	[IFLA_BR_STP_STATE] = V_U32, [IFLA_BR_PRIORITY] = V_K(NLA_K_U16),
	[IFLA_BR_VLAN_FILTERING] = V_U8,
	[IFLA_BR_VLAN_PROTOCOL] = { .kind = NLA_K_BE16X,
	    .x = &ptc__xt_ethernet_protocols, .dflt = "ETHER_P_???" },
	[IFLA_BR_GROUP_FWD_MASK] = V_K(NLA_K_X16),
	[IFLA_BR_ROOT_ID] = V_STRUCT(bridge_id_s),
	[IFLA_BR_BRIDGE_ID] = V_STRUCT(bridge_id_s),
	[IFLA_BR_ROOT_PORT] = V_K(NLA_K_U16), [IFLA_BR_ROOT_PATH_COST] = V_U32,
	[IFLA_BR_TOPOLOGY_CHANGE] = V_U8,
	[IFLA_BR_TOPOLOGY_CHANGE_DETECTED] = V_U8,
	[IFLA_BR_HELLO_TIMER] = CLK, [IFLA_BR_TCN_TIMER] = CLK,
	[IFLA_BR_TOPOLOGY_CHANGE_TIMER] = CLK, [IFLA_BR_GC_TIMER] = CLK,
	[IFLA_BR_GROUP_ADDR] = V_K(NLA_K_MAC),
	[IFLA_BR_MCAST_ROUTER] = V_U8, [IFLA_BR_MCAST_SNOOPING] = V_U8,
	[IFLA_BR_MCAST_QUERY_USE_IFADDR] = V_U8, [IFLA_BR_MCAST_QUERIER] = V_U8,
	[IFLA_BR_MCAST_HASH_ELASTICITY] = V_U32,
	[IFLA_BR_MCAST_HASH_MAX] = V_U32,
	[IFLA_BR_MCAST_LAST_MEMBER_CNT] = V_U32,
	[IFLA_BR_MCAST_STARTUP_QUERY_CNT] = V_U32,
	[IFLA_BR_MCAST_LAST_MEMBER_INTVL] = CLK,
	[IFLA_BR_MCAST_MEMBERSHIP_INTVL] = CLK,
	[IFLA_BR_MCAST_QUERIER_INTVL] = CLK, [IFLA_BR_MCAST_QUERY_INTVL] = CLK,
	[IFLA_BR_MCAST_QUERY_RESPONSE_INTVL] = CLK,
	[IFLA_BR_MCAST_STARTUP_QUERY_INTVL] = CLK,
	[IFLA_BR_NF_CALL_IPTABLES] = V_U8, [IFLA_BR_NF_CALL_IP6TABLES] = V_U8,
	[IFLA_BR_NF_CALL_ARPTABLES] = V_U8,
	[IFLA_BR_VLAN_DEFAULT_PVID] = V_K(NLA_K_U16),
	[IFLA_BR_VLAN_STATS_ENABLED] = V_U8,
	[IFLA_BR_MCAST_STATS_ENABLED] = V_U8,
	[IFLA_BR_MCAST_IGMP_VERSION] = V_U8, [IFLA_BR_MCAST_MLD_VERSION] = V_U8,
	[IFLA_BR_VLAN_STATS_PER_PORT] = V_U8,
	[IFLA_BR_MULTI_BOOLOPT] = V_STRUCT(boolopt_s),
	[IFLA_BR_MCAST_QUERIER_STATE] = V_NEST(br_querier_set),
};
#undef CLK
static const struct nla_set info_bridge_set = NLA_SET(
    &ptc__xt_rtnl_ifla_info_data_bridge_attrs, "IFLA_BR_???",
    info_bridge_v);

static const struct nla_val info_tun_v[] = {
	[IFLA_TUN_OWNER] = V_K(NLA_K_UID), [IFLA_TUN_GROUP] = V_K(NLA_K_UID),
	[IFLA_TUN_TYPE] = V_ENUM(1, &ptc__xt_tun_device_types, "IFF_???"),
	[IFLA_TUN_PI] = V_U8, [IFLA_TUN_VNET_HDR] = V_U8,
	[IFLA_TUN_PERSIST] = V_U8, [IFLA_TUN_MULTI_QUEUE] = V_U8,
	[IFLA_TUN_NUM_QUEUES] = V_U32, [IFLA_TUN_NUM_DISABLED_QUEUES] = V_U32,
};
static const struct nla_set info_tun_set = NLA_SET(
    &ptc__xt_rtnl_ifla_info_data_tun_attrs, "IFLA_TUN_???", info_tun_v);

/* A CAN device's statistics (linux/can/netlink.h). */
static const struct nl_field can_stats_f[] = {
	{ "bus_error", 0, 4, FT_U, NULL, NULL, NULL },
	{ "error_warning", 4, 4, FT_U, NULL, NULL, NULL },
	{ "error_passive", 8, 4, FT_U, NULL, NULL, NULL },
	{ "bus_off", 12, 4, FT_U, NULL, NULL, NULL },
	{ "arbitration_lost", 16, 4, FT_U, NULL, NULL, NULL },
	{ "restarts", 20, 4, FT_U, NULL, NULL, NULL },
};
static const struct nl_struct can_stats_s = { 24, can_stats_f, 6, NULL,
    0, 0, NULL };

static const struct nla_by_kind info_data[] = {
	{ "bridge", V_NEST(info_bridge_set) }, { "tun", V_NEST(info_tun_set) },
	{ NULL, V_K(NLA_K_HEX) },
};
static const struct nla_by_kind info_xstats[] = {
	{ "can", V_STRUCT(can_stats_s) }, { NULL, V_K(NLA_K_HEX) },
};
static const struct nla_by_kind info_slave_data[] = {
	{ "bridge", V_NEST(brport_set) }, { NULL, V_K(NLA_K_HEX) },
};

static const struct nla_val linkinfo_v[] = {
	[IFLA_INFO_KIND] = { .kind = NLA_K_KIND, .size = 0 },
	[IFLA_INFO_DATA] = { .kind = NLA_K_BY_KIND, .size = 0, .p = info_data },
	[IFLA_INFO_XSTATS] = { .kind = NLA_K_BY_KIND, .size = 0,
	    .p = info_xstats },
	[IFLA_INFO_SLAVE_KIND] = { .kind = NLA_K_KIND, .size = 1 },
	[IFLA_INFO_SLAVE_DATA] = { .kind = NLA_K_BY_KIND, .size = 1,
	    .p = info_slave_data },
};
static const struct nla_set linkinfo_set = NLA_SET(
    &ptc__xt_rtnl_ifla_info_attrs, "IFLA_INFO_???", linkinfo_v);

static const struct nla_val link_v[] = {
	[IFLA_ADDRESS] = V_K(NLA_K_MAC), [IFLA_BROADCAST] = V_K(NLA_K_MAC),
	[IFLA_IFNAME] = V_STR, [IFLA_MTU] = V_U32, [IFLA_LINK] = V_U32,
	[IFLA_QDISC] = V_STR, [IFLA_STATS] = V_STRUCT(link_stats_s),
	[IFLA_MASTER] = V_U32,
	[IFLA_PROTINFO] = { .kind = NLA_K_BY_FAMILY, .p = protinfo },
	[IFLA_TXQLEN] = V_U32, [IFLA_MAP] = V_STRUCT(ifmap_s),
	[IFLA_WEIGHT] = V_U32, [IFLA_OPERSTATE] = V_U8, [IFLA_LINKMODE] = V_U8,
	[IFLA_LINKINFO] = { .kind = NLA_K_KINDS, .p = &linkinfo_set },
	[IFLA_NET_NS_PID] = V_U32,
	[IFLA_IFALIAS] = V_STR, [IFLA_NUM_VF] = V_U32,
	[IFLA_VFINFO_LIST] = V_NEST(vfinfo_list_set),
	[IFLA_STATS64] = V_STRUCT(link_stats64_s),
	[IFLA_VF_PORTS] = V_NEST(vf_ports_set),
	[IFLA_PORT_SELF] = V_NEST(port_set),
	[IFLA_AF_SPEC] = { .kind = NLA_K_BY_FAMILY, .p = af_spec },
	[IFLA_GROUP] = V_U32,
	[IFLA_NET_NS_FD] = V_K(NLA_K_FD),
	[IFLA_EXT_MASK] = V_FLAGS(4, &ptc__xt_rtnl_ifla_ext_filter_flags,
	    "RTEXT_FILTER_???"),
	[IFLA_PROMISCUITY] = V_U32, [IFLA_NUM_TX_QUEUES] = V_U32,
	[IFLA_NUM_RX_QUEUES] = V_U32, [IFLA_CARRIER] = V_U8,
	[IFLA_CARRIER_CHANGES] = V_U32, [IFLA_LINK_NETNSID] = V_S32,
	[IFLA_PHYS_PORT_NAME] = V_STR, [IFLA_PROTO_DOWN] = V_U8,
	[IFLA_GSO_MAX_SEGS] = V_U32, [IFLA_GSO_MAX_SIZE] = V_U32,
	[IFLA_XDP] = V_NEST(xdp_set),
	[IFLA_EVENT] = V_ENUM(4, &ptc__xt_rtnl_ifla_events, "IFLA_EVENT_???"),
	[IFLA_NEW_NETNSID] = V_S32, [IFLA_IF_NETNSID] = V_S32,
	[IFLA_CARRIER_UP_COUNT] = V_U32, [IFLA_CARRIER_DOWN_COUNT] = V_U32,
	[IFLA_NEW_IFINDEX] = V_IFX, [IFLA_MIN_MTU] = V_U32,
	[IFLA_MAX_MTU] = V_U32, [IFLA_PROP_LIST] = V_NEST(prop_list_set),
	[IFLA_ALT_IFNAME] = V_STR, [IFLA_PERM_ADDRESS] = V_K(NLA_K_MAC),
	[IFLA_PROTO_DOWN_REASON] = V_NEST(proto_down_reason_set),
	[IFLA_PARENT_DEV_NAME] = V_STR, [IFLA_PARENT_DEV_BUS_NAME] = V_STR,
	[IFLA_GRO_MAX_SIZE] = V_U32, [IFLA_TSO_MAX_SIZE] = V_U32,
	[IFLA_TSO_MAX_SEGS] = V_U32, [IFLA_ALLMULTI] = V_U32,
};
static const struct nla_set link_set = NLA_SET(&ptc__xt_rtnl_link_attrs,
    "IFLA_???", link_v);

static const struct nl_field netlink_ring_f[] = {
	U(struct netlink_diag_ring, ndr_block_size),
	U(struct netlink_diag_ring, ndr_block_nr),
	U(struct netlink_diag_ring, ndr_frame_size),
	U(struct netlink_diag_ring, ndr_frame_nr),
};
static const struct nl_struct netlink_ring_s =
    NL_STRUCT(struct netlink_diag_ring, netlink_ring_f, NULL);

static const struct nla_val netlink_diag_v[] = {
	[NETLINK_DIAG_MEMINFO] = V_K(NLA_K_ARR_U32),
	[NETLINK_DIAG_GROUPS] = V_K(NLA_K_ARR_X64),
	[NETLINK_DIAG_RX_RING] = V_STRUCT(netlink_ring_s),
	[NETLINK_DIAG_TX_RING] = V_STRUCT(netlink_ring_s),
	[NETLINK_DIAG_FLAGS] = V_FLAGS(4, &ptc__xt_netlink_diag_flags,
	    "NDIAG_FLAG_???"),
};
static const struct nla_set netlink_diag_set = NLA_SET(
    &ptc__xt_netlink_diag_attrs, "NETLINK_DIAG_???", netlink_diag_v);

/* ---- routes ---- */

static const struct nl_field rta_cacheinfo_f[] = {
	U(struct rta_cacheinfo, rta_clntref),
	U(struct rta_cacheinfo, rta_lastuse),
	U(struct rta_cacheinfo, rta_expires),
	U(struct rta_cacheinfo, rta_error),
	U(struct rta_cacheinfo, rta_used), X(struct rta_cacheinfo, rta_id),
	U(struct rta_cacheinfo, rta_ts), U(struct rta_cacheinfo, rta_tsage),
};
static const struct nl_struct rta_cacheinfo_s =
    NL_STRUCT(struct rta_cacheinfo, rta_cacheinfo_f, NULL);

static const struct nl_field rta_mfc_stats_f[] = {
	U(struct rta_mfc_stats, mfcs_packets),
	U(struct rta_mfc_stats, mfcs_bytes),
	U(struct rta_mfc_stats, mfcs_wrong_if),
};
static const struct nl_struct rta_mfc_stats_s =
    NL_STRUCT(struct rta_mfc_stats, rta_mfc_stats_f, NULL);

static const struct nla_val metrics_v[] = {
	[RTAX_LOCK] = V_U32, [RTAX_MTU] = V_U32, [RTAX_WINDOW] = V_U32,
	[RTAX_RTT] = V_U32, [RTAX_RTTVAR] = V_U32, [RTAX_SSTHRESH] = V_U32,
	[RTAX_CWND] = V_U32, [RTAX_ADVMSS] = V_U32, [RTAX_REORDERING] = V_U32,
	[RTAX_HOPLIMIT] = V_U32, [RTAX_INITCWND] = V_U32,
	[RTAX_FEATURES] = V_U32, [RTAX_RTO_MIN] = V_U32,
	[RTAX_INITRWND] = V_U32, [RTAX_QUICKACK] = V_U32,
	[RTAX_CC_ALGO] = V_STR,
};
static const struct nla_set metrics_set = NLA_SET(
    &ptc__xt_rtnl_rta_metrics_attrs, "RTAX_???", metrics_v);

/* RTA_MULTIPATH's elements hold the route's attributes again. */
static const struct nla_set route_set;

static const struct nl_field rtnexthop_f[] = {
	U(struct rtnexthop, rtnh_len),
	NL_F(struct rtnexthop, rtnh_flags, FT_FLAGS,
	    &ptc__xt_route_nexthop_flags, "RTNH_F_???"),
	U(struct rtnexthop, rtnh_hops), IFX(struct rtnexthop, rtnh_ifindex),
};
static const struct nl_struct rtnexthop_s = NL_STRUCT(struct rtnexthop,
    rtnexthop_f, &route_set);

/* A family, then an address of it. */
static const struct nl_field rtvia_f[] = {
	NL_F(struct rtvia, rtvia_family, FT_ENUM, &ptc__xt_address_families,
	    "AF_???"),
};
static const struct nl_struct rtvia_s = { .size = sizeof(struct rtvia),
	.f = rtvia_f, .nf = 1, .addr_tail = "rtvia_addr" };

#define V_ADDR V_K(NLA_K_INADDR)
#define V_ENCAP_TYPE V_ENUM(2, &ptc__xt_lwtunnel_encap_types, \
    "LWTUNNEL_ENCAP_???")

static const struct nla_val route_v[] = {
	[RTA_DST] = V_ADDR, [RTA_SRC] = V_ADDR, [RTA_IIF] = V_IFX,
	[RTA_OIF] = V_IFX, [RTA_GATEWAY] = V_ADDR, [RTA_PRIORITY] = V_U32,
	[RTA_PREFSRC] = V_ADDR, [RTA_METRICS] = V_NEST(metrics_set),
	[RTA_MULTIPATH] = { .kind = NLA_K_NH_CHAIN, .p = &rtnexthop_s },
	[RTA_PROTOINFO] = V_U32, [RTA_FLOW] = V_U32,
	[RTA_CACHEINFO] = V_STRUCT(rta_cacheinfo_s), [RTA_MP_ALGO] = V_U32,
	[RTA_TABLE] = V_ENUM(4, &ptc__xt_routing_table_ids, NULL),
	[RTA_MARK] = V_U32, [RTA_MFC_STATS] = V_STRUCT(rta_mfc_stats_s),
	[RTA_VIA] = V_STRUCT(rtvia_s), [RTA_NEWDST] = V_ADDR,
	[RTA_PREF] = V_U8, [RTA_ENCAP_TYPE] = V_ENCAP_TYPE,
	[RTA_EXPIRES] = V_U64, [RTA_UID] = V_U32, [RTA_TTL_PROPAGATE] = V_U8,
	[RTA_IP_PROTO] = V_U8, [RTA_SPORT] = V_K(NLA_K_U16),
	[RTA_DPORT] = V_K(NLA_K_U16),
};
static const struct nla_set route_set = NLA_SET(&ptc__xt_rtnl_route_attrs,
    "RTA_???", route_v);

/* ---- neighbours ---- */

static const struct nl_field nda_cacheinfo_f[] = {
	U(struct nda_cacheinfo, ndm_confirmed),
	U(struct nda_cacheinfo, ndm_used),
	U(struct nda_cacheinfo, ndm_updated),
	U(struct nda_cacheinfo, ndm_refcnt),
};
static const struct nl_struct nda_cacheinfo_s =
    NL_STRUCT(struct nda_cacheinfo, nda_cacheinfo_f, NULL);

static const struct nla_val fdb_ext_v[] = {
	[NFEA_ACTIVITY_NOTIFY] = V_FLAGS(1, &ptc__xt_fdb_notify_flags,
	    "FDB_NOTIFY_???"),
};
static const struct nla_set fdb_ext_set = NLA_SET(
    &ptc__xt_rtnl_neigh_fdb_ext_attrs, "NFEA_???", fdb_ext_v);

static const struct nla_val neigh_v[] = {
	[NDA_DST] = V_ADDR, [NDA_LLADDR] = V_K(NLA_K_MAC),
	[NDA_CACHEINFO] = V_STRUCT(nda_cacheinfo_s), [NDA_PROBES] = V_U32,
	[NDA_VLAN] = V_K(NLA_K_U16), [NDA_PORT] = V_K(NLA_K_BE16),
	[NDA_VNI] = V_U32, [NDA_IFINDEX] = V_IFX, [NDA_MASTER] = V_IFX,
	[NDA_LINK_NETNSID] = V_U32, [NDA_SRC_VNI] = V_U32,
	[NDA_PROTOCOL] = V_ENUM(0, &ptc__xt_inet_protocols, "IPPROTO_???"),
	[NDA_NH_ID] = V_U32, [NDA_FDB_EXT_ATTRS] = V_NEST(fdb_ext_set),
	[NDA_FLAGS_EXT] = V_FLAGS(4, &ptc__xt_neighbor_cache_entry_ext_flags,
	    "NTF_EXT_???"),
	[NDA_NDM_STATE_MASK] = V_FLAGS(2, &ptc__xt_neighbor_cache_entry_states,
	    "NUD_???"),
	[NDA_NDM_FLAGS_MASK] = V_FLAGS(1, &ptc__xt_neighbor_cache_entry_flags,
	    "NTF_???"),
};
static const struct nla_set neigh_set = NLA_SET(&ptc__xt_rtnl_neigh_attrs,
    "NDA_???", neigh_v);

/* ---- next hops ---- */

static const struct nl_field nh_grp_f[] = {
	U(struct nexthop_grp, id), U(struct nexthop_grp, weight),
	NL_F(struct nexthop_grp, resvd1, FT_X_NZ, NULL, NULL),
	NL_F(struct nexthop_grp, resvd2, FT_X_NZ, NULL, NULL),
};
static const struct nl_struct nh_grp_s = NL_STRUCT(struct nexthop_grp,
    nh_grp_f, NULL);

static const struct nla_val nh_res_group_v[] = {
	[NHA_RES_GROUP_BUCKETS] = V_K(NLA_K_U16),
	[NHA_RES_GROUP_IDLE_TIMER] = V_K(NLA_K_CLOCK),
	[NHA_RES_GROUP_UNBALANCED_TIMER] = V_K(NLA_K_CLOCK),
	[NHA_RES_GROUP_UNBALANCED_TIME] = V_K(NLA_K_CLOCK),
};
static const struct nla_set nh_res_group_set = NLA_SET(
    &ptc__xt_rtnl_nha_res_group_attrs, "NHA_RES_GROUP_???", nh_res_group_v);

static const struct nla_val nh_res_bucket_v[] = {
	[NHA_RES_BUCKET_INDEX] = V_K(NLA_K_U16),
	[NHA_RES_BUCKET_IDLE_TIME] = V_K(NLA_K_CLOCK),
	[NHA_RES_BUCKET_NH_ID] = V_U32,
};
static const struct nla_set nh_res_bucket_set = NLA_SET(
    &ptc__xt_rtnl_nha_res_bucket_attrs, "NHA_RES_BUCKET_???",
    nh_res_bucket_v);

static const struct nla_val nexthop_v[] = {
	[NHA_ID] = V_U32,
	[NHA_GROUP] = { .kind = NLA_K_ARR_STRUCT, .p = &nh_grp_s },
	[NHA_GROUP_TYPE] = V_ENUM(2, &ptc__xt_rtnl_nexthop_grp_types,
	    "NEXTHOP_GRP_TYPE_???"),
	[NHA_BLACKHOLE] = V_U32, [NHA_OIF] = V_IFX, [NHA_GATEWAY] = V_ADDR,
	[NHA_ENCAP_TYPE] = V_ENCAP_TYPE, [NHA_GROUPS] = V_U32,
	[NHA_MASTER] = V_IFX, [NHA_FDB] = V_U32,
	[NHA_RES_GROUP] = V_NEST(nh_res_group_set),
	[NHA_RES_BUCKET] = V_NEST(nh_res_bucket_set),
};
static const struct nla_set nexthop_set = NLA_SET(
    &ptc__xt_rtnl_nexthop_attrs, "NHA_???", nexthop_v);

/* ---- interface statistics ---- */

static const struct nl_field br_vlan_xstats_f[] = {
	U64S(struct bridge_vlan_xstats, rx_bytes, rx_packets, tx_bytes,
	    tx_packets),
	U(struct bridge_vlan_xstats, vid),
	NL_F(struct bridge_vlan_xstats, flags, FT_FLAGS,
	    &ptc__xt_nl_bridge_vlan_flags, "BRIDGE_VLAN_INFO_???"),
	NL_F(struct bridge_vlan_xstats, pad2, FT_X_NZ, NULL, NULL),
};
static const struct nl_struct br_vlan_xstats_s = {
	sizeof(struct bridge_vlan_xstats), br_vlan_xstats_f,
	sizeof(br_vlan_xstats_f) / sizeof(br_vlan_xstats_f[0]), NULL, 0, 1
};

#define MC(fld) NL_F(struct br_mcast_stats, fld, FT_IDX_U64, \
    &ptc__xt_ifstats_xstats_bridge_mcast_indices, NULL)
static const struct nl_field br_mcast_f[] = {
	MC(igmp_v1queries), MC(igmp_v2queries), MC(igmp_v3queries),
	MC(igmp_leaves), MC(igmp_v1reports), MC(igmp_v2reports),
	MC(igmp_v3reports), U(struct br_mcast_stats, igmp_parse_errors),
	MC(mld_v1queries), MC(mld_v2queries), MC(mld_leaves),
	MC(mld_v1reports), MC(mld_v2reports),
	U(struct br_mcast_stats, mld_parse_errors),
	MC(mcast_bytes), MC(mcast_packets),
};
#undef MC
static const struct nl_struct br_mcast_s = {
	sizeof(struct br_mcast_stats), br_mcast_f,
	sizeof(br_mcast_f) / sizeof(br_mcast_f[0]), NULL, 0, 1
};

static const struct nl_field br_stp_xstats_f[] = {
	U64S(struct bridge_stp_xstats, transition_blk, transition_fwd, rx_bpdu,
	    tx_bpdu),
	U(struct bridge_stp_xstats, rx_tcn),
	U(struct bridge_stp_xstats, tx_tcn),
};
static const struct nl_struct br_stp_xstats_s = {
	sizeof(struct bridge_stp_xstats), br_stp_xstats_f,
	sizeof(br_stp_xstats_f) / sizeof(br_stp_xstats_f[0]), NULL, 0, 1
};

static const struct nl_field mpls_link_stats_f[] = {
	U64S(struct mpls_link_stats, rx_packets, tx_packets, rx_bytes,
	    tx_bytes),
	U64S(struct mpls_link_stats, rx_errors, tx_errors, rx_dropped,
	    tx_dropped),
	U(struct mpls_link_stats, rx_noroute),
};
static const struct nl_struct mpls_link_stats_s = {
	sizeof(struct mpls_link_stats), mpls_link_stats_f,
	sizeof(mpls_link_stats_f) / sizeof(mpls_link_stats_f[0]), NULL, 0, 1
};
#undef U64S

static const struct nla_val xstats_bridge_v[] = {
	[BRIDGE_XSTATS_VLAN] = V_STRUCT(br_vlan_xstats_s),
	[BRIDGE_XSTATS_MCAST] = V_STRUCT(br_mcast_s),
	[BRIDGE_XSTATS_STP] = V_STRUCT(br_stp_xstats_s),
};
static const struct nla_set xstats_bridge_set = NLA_SET(
    &ptc__xt_ifstats_xstats_bridge_attrs, "BRIDGE_XSTATS_???",
    xstats_bridge_v);

static const struct nla_val bond_3ad_v[] = {
	[BOND_3AD_STAT_LACPDU_RX] = V_U64, [BOND_3AD_STAT_LACPDU_TX] = V_U64,
	[BOND_3AD_STAT_LACPDU_UNKNOWN_RX] = V_U64,
	[BOND_3AD_STAT_LACPDU_ILLEGAL_RX] = V_U64,
	[BOND_3AD_STAT_MARKER_RX] = V_U64, [BOND_3AD_STAT_MARKER_TX] = V_U64,
	[BOND_3AD_STAT_MARKER_RESP_RX] = V_U64,
	[BOND_3AD_STAT_MARKER_RESP_TX] = V_U64,
	[BOND_3AD_STAT_MARKER_UNKNOWN_RX] = V_U64,
};
static const struct nla_set bond_3ad_set = NLA_SET(
    &ptc__xt_ifstats_xstats_bond_3ad_attrs, "BOND_XSTATS_???", bond_3ad_v);

static const struct nla_val xstats_bond_v[] = {
	[BOND_XSTATS_3AD] = V_NEST(bond_3ad_set),
};
static const struct nla_set xstats_bond_set = NLA_SET(
    &ptc__xt_ifstats_xstats_bond_attrs, "BOND_XSTATS_???", xstats_bond_v);

static const struct nla_val xstats_v[] = {
	[LINK_XSTATS_TYPE_BRIDGE] = V_NEST(xstats_bridge_set),
	[LINK_XSTATS_TYPE_BOND] = V_NEST(xstats_bond_set),
};
static const struct nla_set xstats_set = NLA_SET(
    &ptc__xt_ifstats_xstats_type_attrs, "LINK_XSTATS_TYPE_???", xstats_v);

static const struct nla_val offload_xstats_v[] = {
	[IFLA_OFFLOAD_XSTATS_CPU_HIT] = V_STRUCT(link_stats64_s),
};
static const struct nla_set offload_xstats_set = NLA_SET(
    &ptc__xt_ifstats_offload_attrs, "IFLA_OFFLOAD_XSTATS_???",
    offload_xstats_v);

static const struct nla_val mpls_stats_v[] = {
	[MPLS_STATS_LINK] = V_STRUCT(mpls_link_stats_s),
};
static const struct nla_set mpls_stats_set = NLA_SET(
    &ptc__xt_ifstats_af_spec_mpls_attrs, "MPLS_STATS_???", mpls_stats_v);

/* IFLA_STATS_AF_SPEC: attributes whose types are address families. */
static const struct nla_val stats_af_v[] = {
	[AF_MPLS] = V_NEST(mpls_stats_set),
};
static const struct nla_set stats_af_set = NLA_SET(
    &ptc__xt_address_families, "AF_???", stats_af_v);

static const struct nla_val ifstats_v[] = {
	[IFLA_STATS_LINK_64] = V_STRUCT(link_stats64_s),
	[IFLA_STATS_LINK_XSTATS] = V_NEST(xstats_set),
	[IFLA_STATS_LINK_XSTATS_SLAVE] = V_NEST(xstats_set),
	[IFLA_STATS_LINK_OFFLOAD_XSTATS] = V_NEST(offload_xstats_set),
	[IFLA_STATS_AF_SPEC] = V_NEST(stats_af_set),
};
static const struct nla_set ifstats_set = NLA_SET(&ptc__xt_ifstats_attrs,
    "IFLA_STATS_???", ifstats_v);

/* ---- multicast routing's cache reports ---- */

static const struct nla_val ipmra_creport_v[] = {
	[IPMRA_CREPORT_MSGTYPE] = V_ENUM(1, &ptc__xt_rtnl_ipmra_msg_types,
	    "IGMPMSG_???"),
	[IPMRA_CREPORT_VIF_ID] = V_U32,
	[IPMRA_CREPORT_SRC_ADDR] = V_K(NLA_K_IN4ADDR),
	[IPMRA_CREPORT_DST_ADDR] = V_K(NLA_K_IN4ADDR),
	[IPMRA_CREPORT_TABLE] = V_U32,
};
static const struct nla_set ipmra_creport_set = NLA_SET(
    &ptc__xt_rtnl_ipmra_creport_attrs, "IPMRA_CREPORT_???", ipmra_creport_v);

static const struct nla_val ip6mra_creport_v[] = {
	[IP6MRA_CREPORT_MSGTYPE] = V_ENUM(1, &ptc__xt_rtnl_ip6mra_msg_types,
	    "MRT6MSG_???"),
	[IP6MRA_CREPORT_MIF_ID] = V_U32,
	[IP6MRA_CREPORT_SRC_ADDR] = V_K(NLA_K_IN6ADDR),
	[IP6MRA_CREPORT_DST_ADDR] = V_K(NLA_K_IN6ADDR),
};
static const struct nla_set ip6mra_creport_set = NLA_SET(
    &ptc__xt_rtnl_ip6mra_creport_attrs, "IP6MRA_CREPORT_???",
    ip6mra_creport_v);

static const struct nla_by_family creport[] = {
	{ RTNL_FAMILY_IPMR, &ipmra_creport_set },
	{ RTNL_FAMILY_IP6MR, &ip6mra_creport_set }, { -1, NULL },
};

/* ---- NETLINK_ROUTE's structures ---- */

static const struct nl_field creport_f[] = {
	NL_F(struct rtgenmsg, rtgen_family, FT_ENUM_AF, &ptc__xt_rtnl_families,
	    "RTNL_FAMILY_???"),
};
static const struct nl_struct creport_s = {
	.size = sizeof(struct rtgenmsg), .f = creport_f, .nf = 1,
	.by_family = creport,
};

static const struct nl_field if_stats_msg_f[] = {
	AF(struct if_stats_msg, family),
	NL_F(struct if_stats_msg, pad1, FT_X_NZ, NULL, NULL),
	NL_F(struct if_stats_msg, pad2, FT_X_NZ, NULL, NULL),
	IFX(struct if_stats_msg, ifindex),
	NL_F(struct if_stats_msg, filter_mask, FT_FLAGS,
	    &ptc__xt_ifstats_attr_flags, "1<<IFLA_STATS_???"),
};
static const struct nl_struct ifstats_s = NL_STRUCT(struct if_stats_msg,
    if_stats_msg_f, &ifstats_set);

static const struct nl_field nhmsg_f[] = {
	AF(struct nhmsg, nh_family),
	NL_F(struct nhmsg, nh_scope, FT_ENUM, &ptc__xt_routing_scopes, NULL),
	NL_F(struct nhmsg, nh_protocol, FT_ENUM, &ptc__xt_routing_protocols,
	    "RTPROT_???"),
	NL_F(struct nhmsg, resvd, FT_X_NZ, NULL, NULL),
	NL_F(struct nhmsg, nh_flags, FT_FLAGS, &ptc__xt_route_nexthop_flags,
	    "RTNH_F_???"),
};
static const struct nl_struct nexthop_s = NL_STRUCT(struct nhmsg, nhmsg_f,
    &nexthop_set);

static const struct nl_field ndmsg_f[] = {
	AF(struct ndmsg, ndm_family), IFX(struct ndmsg, ndm_ifindex),
	NL_F(struct ndmsg, ndm_state, FT_FLAGS,
	    &ptc__xt_neighbor_cache_entry_states, "NUD_???"),
	NL_F(struct ndmsg, ndm_flags, FT_FLAGS,
	    &ptc__xt_neighbor_cache_entry_flags, "NTF_???"),
	NL_F(struct ndmsg, ndm_type, FT_ENUM, &ptc__xt_routing_types,
	    "RTN_???"),
};
static const struct nl_struct neigh_s = NL_STRUCT(struct ndmsg, ndmsg_f,
    &neigh_set);

static const struct nl_field rtmsg_f[] = {
	AF(struct rtmsg, rtm_family), U(struct rtmsg, rtm_dst_len),
	U(struct rtmsg, rtm_src_len),
	NL_F(struct rtmsg, rtm_tos, FT_FLAGS, &ptc__xt_ip_type_of_services,
	    "IPTOS_TOS_???"),
	NL_F(struct rtmsg, rtm_table, FT_ENUM, &ptc__xt_routing_table_ids,
	    NULL),
	NL_F(struct rtmsg, rtm_protocol, FT_ENUM, &ptc__xt_routing_protocols,
	    "RTPROT_???"),
	NL_F(struct rtmsg, rtm_scope, FT_ENUM, &ptc__xt_routing_scopes, NULL),
	NL_F(struct rtmsg, rtm_type, FT_ENUM, &ptc__xt_routing_types,
	    "RTN_???"),
	NL_F(struct rtmsg, rtm_flags, FT_FLAGS, &ptc__xt_routing_flags,
	    "RTM_F_???"),
};
static const struct nl_struct route_s = NL_STRUCT(struct rtmsg, rtmsg_f,
    &route_set);

static const struct nl_field ifinfomsg_f[] = {
	AF(struct ifinfomsg, ifi_family),
	NL_F(struct ifinfomsg, ifi_type, FT_ENUM, &ptc__xt_arp_hardware_types,
	    "ARPHRD_???"),
	IFX(struct ifinfomsg, ifi_index),
	NL_F(struct ifinfomsg, ifi_flags, FT_FLAGS, &ptc__xt_iffflags, NULL),
	X(struct ifinfomsg, ifi_change),
};
static const struct nl_struct link_s = NL_STRUCT(struct ifinfomsg,
    ifinfomsg_f, &link_set);

static const struct nl_field rtgenmsg_f[] = { AF(struct rtgenmsg, rtgen_family) };
static const struct nl_struct nsid_s = NL_STRUCT(struct rtgenmsg, rtgenmsg_f,
    &nsid_set);

static const struct nl_field netconfmsg_f[] = {
	AF(struct netconfmsg, ncm_family)
};
static const struct nl_struct netconf_s = NL_STRUCT(struct netconfmsg,
    netconfmsg_f, &netconf_set);

static const struct nl_field dcbmsg_f[] = {
	AF(struct dcbmsg, dcb_family),
	NL_F(struct dcbmsg, cmd, FT_ENUM, &ptc__xt_dcb_commands, "DCB_CMD_???"),
};
static const struct nl_struct dcb_s = NL_STRUCT(struct dcbmsg, dcbmsg_f,
    &dcb_set);

static const struct nl_field ifaddrlblmsg_f[] = {
	AF(struct ifaddrlblmsg, ifal_family),
	U(struct ifaddrlblmsg, ifal_prefixlen),
	U(struct ifaddrlblmsg, ifal_flags),
	IFX(struct ifaddrlblmsg, ifal_index),
	U(struct ifaddrlblmsg, ifal_seq),
};
static const struct nl_struct addrlabel_s = NL_STRUCT(struct ifaddrlblmsg,
    ifaddrlblmsg_f, &addrlabel_set);

static const struct nl_field br_port_msg_f[] = {
	AF(struct br_port_msg, family), IFX(struct br_port_msg, ifindex),
};
static const struct nl_struct mdb_s = NL_STRUCT(struct br_port_msg,
    br_port_msg_f, &mdb_set);

static const struct nl_field tcmsg_f[] = {
	AF(struct tcmsg, tcm_family), IFX(struct tcmsg, tcm_ifindex),
	U(struct tcmsg, tcm_handle), U(struct tcmsg, tcm_parent),
	U(struct tcmsg, tcm_info),
};
static const struct nl_struct tc_s = NL_STRUCT(struct tcmsg, tcmsg_f,
    &tc_set);

static const struct nl_field tcamsg_f[] = { AF(struct tcamsg, tca_family) };
static const struct nl_struct tca_s = NL_STRUCT(struct tcamsg, tcamsg_f,
    &tca_act_set);

static const struct nl_field ifaddrmsg_f[] = {
	AF(struct ifaddrmsg, ifa_family), U(struct ifaddrmsg, ifa_prefixlen),
	NL_F(struct ifaddrmsg, ifa_flags, FT_FLAGS, &ptc__xt_ifaddrflags, NULL),
	NL_F(struct ifaddrmsg, ifa_scope, FT_ENUM, &ptc__xt_routing_scopes,
	    NULL),
	IFX(struct ifaddrmsg, ifa_index),
};
static const struct nl_struct addr_s = NL_STRUCT(struct ifaddrmsg,
    ifaddrmsg_f, &addr_set);

static const struct nl_field fib_rule_hdr_f[] = {
	AF(struct fib_rule_hdr, family), U(struct fib_rule_hdr, dst_len),
	U(struct fib_rule_hdr, src_len),
	NL_F(struct fib_rule_hdr, tos, FT_FLAGS, &ptc__xt_ip_type_of_services,
	    "IPTOS_TOS_???"),
	NL_F(struct fib_rule_hdr, table, FT_ENUM, &ptc__xt_routing_table_ids,
	    NULL),
	NL_F(struct fib_rule_hdr, action, FT_ENUM, &ptc__xt_fib_rule_actions,
	    "FR_ACT_???"),
	NL_F(struct fib_rule_hdr, flags, FT_FLAGS, &ptc__xt_fib_rule_flags,
	    "FIB_RULE_???"),
};
static const struct nl_struct rule_s = NL_STRUCT(struct fib_rule_hdr,
    fib_rule_hdr_f, &rule_set);

static const struct nl_field ndtmsg_f[] = { AF(struct ndtmsg, ndtm_family) };
static const struct nl_struct ndt_s = NL_STRUCT(struct ndtmsg, ndtmsg_f,
    &ndta_set);

/* By type; a row with a family first when that family's differs. */
static const struct {
	unsigned short type;
	const struct nl_struct *s;
	short family;           /* -1: any */
} route[] = {
	{ RTM_GETNEIGH, &link_s, AF_BRIDGE },
#define ANY(t, st) { t, st, -1 }
	ANY(RTM_NEWLINK, &link_s), ANY(RTM_DELLINK, &link_s),
	ANY(RTM_GETLINK, &link_s), ANY(RTM_SETLINK, &link_s),
	ANY(RTM_NEWADDR, &addr_s), ANY(RTM_DELADDR, &addr_s),
	ANY(RTM_GETADDR, &addr_s), ANY(RTM_GETMULTICAST, &addr_s),
	ANY(RTM_GETANYCAST, &addr_s),
	ANY(RTM_NEWROUTE, &route_s), ANY(RTM_DELROUTE, &route_s),
	ANY(RTM_GETROUTE, &route_s),
	ANY(RTM_NEWNEIGH, &neigh_s), ANY(RTM_DELNEIGH, &neigh_s),
	ANY(RTM_GETNEIGH, &neigh_s),
	ANY(RTM_NEWACTION, &tca_s), ANY(RTM_DELACTION, &tca_s),
	ANY(RTM_GETACTION, &tca_s),
	ANY(RTM_NEWRULE, &rule_s), ANY(RTM_DELRULE, &rule_s),
	ANY(RTM_GETRULE, &rule_s),
	ANY(RTM_NEWQDISC, &tc_s), ANY(RTM_DELQDISC, &tc_s),
	ANY(RTM_GETQDISC, &tc_s), ANY(RTM_NEWTCLASS, &tc_s),
	ANY(RTM_DELTCLASS, &tc_s), ANY(RTM_GETTCLASS, &tc_s),
	ANY(RTM_NEWTFILTER, &tc_s), ANY(RTM_DELTFILTER, &tc_s),
	ANY(RTM_GETTFILTER, &tc_s), ANY(RTM_NEWCHAIN, &tc_s),
	ANY(RTM_DELCHAIN, &tc_s), ANY(RTM_GETCHAIN, &tc_s),
	ANY(RTM_NEWNEIGHTBL, &ndt_s), ANY(RTM_GETNEIGHTBL, &ndt_s),
	ANY(RTM_SETNEIGHTBL, &ndt_s),
	ANY(RTM_NEWADDRLABEL, &addrlabel_s),
	ANY(RTM_DELADDRLABEL, &addrlabel_s),
	ANY(RTM_GETADDRLABEL, &addrlabel_s),
	ANY(RTM_GETDCB, &dcb_s), ANY(RTM_SETDCB, &dcb_s),
	ANY(RTM_NEWNETCONF, &netconf_s), ANY(RTM_DELNETCONF, &netconf_s),
	ANY(RTM_GETNETCONF, &netconf_s),
	ANY(RTM_NEWMDB, &mdb_s), ANY(RTM_DELMDB, &mdb_s),
	ANY(RTM_GETMDB, &mdb_s),
	ANY(RTM_NEWNSID, &nsid_s), ANY(RTM_DELNSID, &nsid_s),
	ANY(RTM_GETNSID, &nsid_s),
	ANY(RTM_NEWNEXTHOP, &nexthop_s), ANY(RTM_DELNEXTHOP, &nexthop_s),
	ANY(RTM_GETNEXTHOP, &nexthop_s),
	ANY(RTM_NEWSTATS, &ifstats_s), ANY(RTM_GETSTATS, &ifstats_s),
	ANY(RTM_NEWCACHEREPORT, &creport_s),
#undef ANY
};

const struct nl_struct *
ptc__nl_route_struct(unsigned type, unsigned family)
{
	unsigned i;

	for (i = 0; i < sizeof(route) / sizeof(route[0]); i++)
		if (route[i].type == type && (route[i].family < 0 ||
		    (unsigned)route[i].family == family))
			return route[i].s;
	return NULL;
}

/* ---- NETLINK_SOCK_DIAG's: by family, requests and answers ---- */

static const struct nl_field unix_diag_msg_f[] = {
	AF(struct unix_diag_msg, udiag_family),
	NL_F(struct unix_diag_msg, udiag_type, FT_ENUM, &ptc__xt_socktypes,
	    "SOCK_???"),
	NL_F(struct unix_diag_msg, udiag_state, FT_ENUM, &ptc__xt_tcp_states,
	    "TCP_???"),
	U(struct unix_diag_msg, udiag_ino),
	NL_F(struct unix_diag_msg, udiag_cookie, FT_U32X2, NULL, NULL),
};
static const struct nl_struct unix_diag_msg_s = NL_STRUCT(
    struct unix_diag_msg, unix_diag_msg_f, &unix_diag_set);

static const struct nl_field netlink_diag_msg_f[] = {
	AF(struct netlink_diag_msg, ndiag_family),
	NL_F(struct netlink_diag_msg, ndiag_type, FT_ENUM, &ptc__xt_socktypes,
	    "SOCK_???"),
	NL_F(struct netlink_diag_msg, ndiag_protocol, FT_ENUM,
	    &ptc__xt_netlink_protocols, "NETLINK_???"),
	NL_F(struct netlink_diag_msg, ndiag_state, FT_ENUM,
	    &ptc__xt_netlink_states, "NETLINK_???"),
	U(struct netlink_diag_msg, ndiag_portid),
	U(struct netlink_diag_msg, ndiag_dst_portid),
	U(struct netlink_diag_msg, ndiag_dst_group),
	U(struct netlink_diag_msg, ndiag_ino),
	NL_F(struct netlink_diag_msg, ndiag_cookie, FT_U32X2, NULL, NULL),
};
static const struct nl_struct netlink_diag_msg_s = NL_STRUCT(
    struct netlink_diag_msg, netlink_diag_msg_f, &netlink_diag_set);

static const struct nl_field sockid_f[] = {
	NL_F(struct inet_diag_sockid, idiag_sport, FT_HTONS, NULL, NULL),
	NL_F(struct inet_diag_sockid, idiag_dport, FT_HTONS, NULL, NULL),
	NL_F(struct inet_diag_sockid, idiag_src, FT_INADDR, NULL, NULL),
	NL_F(struct inet_diag_sockid, idiag_dst, FT_INADDR, NULL, NULL),
	IFX(struct inet_diag_sockid, idiag_if),
	NL_F(struct inet_diag_sockid, idiag_cookie, FT_U32X2, NULL, NULL),
};
static const struct nl_struct sockid_s = NL_STRUCT(struct inet_diag_sockid,
    sockid_f, NULL);

static const struct nl_field bc_op_f[] = {
	NL_F(struct inet_diag_bc_op, code, FT_ENUM,
	    &ptc__xt_inet_diag_bytecodes, "INET_DIAG_BC_???"),
	U(struct inet_diag_bc_op, yes), U(struct inet_diag_bc_op, no),
};
static const struct nl_struct bc_op_s = NL_STRUCT(struct inet_diag_bc_op,
    bc_op_f, NULL);

static const struct nl_field hostcond_f[] = {
	AF(struct inet_diag_hostcond, family),
	U(struct inet_diag_hostcond, prefix_len),
	U(struct inet_diag_hostcond, port),
};
static const struct nl_struct hostcond_s = {
	.size = sizeof(struct inet_diag_hostcond), .f = hostcond_f,
	.nf = sizeof(hostcond_f) / sizeof(hostcond_f[0]), .addr_tail = "addr"
};

static const struct nl_field markcond_f[] = {
	U(struct inet_diag_markcond, mark), U(struct inet_diag_markcond, mask),
};
static const struct nl_struct markcond_s = NL_STRUCT(
    struct inet_diag_markcond, markcond_f, NULL);

/* A bytecode operation: what follows depends on its code. */
static const struct nla_tag_case bc_cases[] = {
	{ INET_DIAG_BC_S_COND, V_STRUCT(hostcond_s) },
	{ INET_DIAG_BC_D_COND, V_STRUCT(hostcond_s) },
	{ INET_DIAG_BC_DEV_COND, V_IFX },
	{ INET_DIAG_BC_S_GE, V_STRUCT(bc_op_s) },
	{ INET_DIAG_BC_S_LE, V_STRUCT(bc_op_s) },
	{ INET_DIAG_BC_D_GE, V_STRUCT(bc_op_s) },
	{ INET_DIAG_BC_D_LE, V_STRUCT(bc_op_s) },
	{ INET_DIAG_BC_MARK_COND, V_STRUCT(markcond_s) },
};
static const struct nla_tagged bc_op = { &bc_op_s, bc_cases,
    sizeof(bc_cases) / sizeof(bc_cases[0]) };

static const struct nla_val inet_req_v[] = {
	[INET_DIAG_REQ_BYTECODE] = { .kind = NLA_K_TAGGED, .p = &bc_op },
	[INET_DIAG_REQ_PROTOCOL] = V_ENUM(0, &ptc__xt_inet_protocols,
	    "IPPROTO_???"),
};
static const struct nla_set inet_req_set = NLA_SET(
    &ptc__xt_inet_diag_req_attrs, "INET_DIAG_REQ_???", inet_req_v);

/* TCPDIAG_GETSOCK's and DCCPDIAG_GETSOCK's request. */
static const struct nl_field inet_diag_req_f[] = {
	AF(struct inet_diag_req, idiag_family),
	U(struct inet_diag_req, idiag_src_len),
	U(struct inet_diag_req, idiag_dst_len),
	NL_F(struct inet_diag_req, idiag_ext, FT_BITS1, &ptc__xt_inet_diag_attrs,
	    NULL),
	{ "id", offsetof(struct inet_diag_req, id),
	    sizeof(struct inet_diag_sockid), FT_STRUCT, NULL, NULL, &sockid_s },
	NL_F(struct inet_diag_req, idiag_states, FT_BITS, &ptc__xt_tcp_states,
	    NULL),
	U(struct inet_diag_req, idiag_dbs),
};
static const struct nl_struct inet_diag_req_s = NL_STRUCT(
    struct inet_diag_req, inet_diag_req_f, &inet_req_set);

const struct nl_struct *
ptc__nl_diag_compat_struct(int request)
{
	return request ? &inet_diag_req_s : NULL;
}

/* AF_PACKET's */
static const struct nl_field pdiag_info_f[] = {
	IFX(struct packet_diag_info, pdi_index),
	NL_F(struct packet_diag_info, pdi_version, FT_ENUM,
	    &ptc__xt_af_packet_versions, "TPACKET_???"),
	U(struct packet_diag_info, pdi_reserve),
	U(struct packet_diag_info, pdi_copy_thresh),
	U(struct packet_diag_info, pdi_tstamp),
	NL_F(struct packet_diag_info, pdi_flags, FT_FLAGS,
	    &ptc__xt_packet_diag_info_flags, "PDI_???"),
};
static const struct nl_struct pdiag_info_s = NL_STRUCT(
    struct packet_diag_info, pdiag_info_f, NULL);

static const struct nl_field pdiag_mclist_f[] = {
	IFX(struct packet_diag_mclist, pdmc_index),
	U(struct packet_diag_mclist, pdmc_count),
	U(struct packet_diag_mclist, pdmc_type),
	U(struct packet_diag_mclist, pdmc_alen),
	NL_F(struct packet_diag_mclist, pdmc_addr, FT_HEX_PREV, NULL, NULL),
};
static const struct nl_struct pdiag_mclist_s = NL_STRUCT(
    struct packet_diag_mclist, pdiag_mclist_f, NULL);

static const struct nl_field pdiag_ring_f[] = {
	U(struct packet_diag_ring, pdr_block_size),
	U(struct packet_diag_ring, pdr_block_nr),
	U(struct packet_diag_ring, pdr_frame_size),
	U(struct packet_diag_ring, pdr_frame_nr),
	U(struct packet_diag_ring, pdr_retire_tmo),
	U(struct packet_diag_ring, pdr_sizeof_priv),
	U(struct packet_diag_ring, pdr_features),
};
static const struct nl_struct pdiag_ring_s = NL_STRUCT(
    struct packet_diag_ring, pdiag_ring_f, NULL);

static const struct nla_val pdiag_v[] = {
	[PACKET_DIAG_INFO] = V_STRUCT(pdiag_info_s),
	[PACKET_DIAG_MCLIST] = { .kind = NLA_K_ARR_STRUCT,
	    .p = &pdiag_mclist_s },
	[PACKET_DIAG_RX_RING] = V_STRUCT(pdiag_ring_s),
	[PACKET_DIAG_TX_RING] = V_STRUCT(pdiag_ring_s),
	[PACKET_DIAG_FANOUT] = V_U32, [PACKET_DIAG_UID] = V_K(NLA_K_UID),
	[PACKET_DIAG_MEMINFO] = V_K(NLA_K_ARR_U32),
	[PACKET_DIAG_FILTER] = V_K(NLA_K_BPF),
};
static const struct nla_set pdiag_set = NLA_SET(&ptc__xt_packet_diag_attrs,
    "PACKET_DIAG_???", pdiag_v);

static const struct nl_field packet_diag_msg_f[] = {
	AF(struct packet_diag_msg, pdiag_family),
	NL_F(struct packet_diag_msg, pdiag_type, FT_ENUM, &ptc__xt_socktypes,
	    "SOCK_???"),
	NL_F(struct packet_diag_msg, pdiag_num, FT_ENUM,
	    &ptc__xt_ethernet_protocols, "ETH_P_???"),
	U(struct packet_diag_msg, pdiag_ino),
	NL_F(struct packet_diag_msg, pdiag_cookie, FT_U32X2, NULL, NULL),
};
static const struct nl_struct packet_diag_msg_s = NL_STRUCT(
    struct packet_diag_msg, packet_diag_msg_f, &pdiag_set);

static const struct nl_field packet_diag_req_f[] = {
	AF(struct packet_diag_req, sdiag_family),
	X(struct packet_diag_req, sdiag_protocol),
	U(struct packet_diag_req, pdiag_ino),
	NL_F(struct packet_diag_req, pdiag_show, FT_FLAGS,
	    &ptc__xt_packet_diag_show, "PACKET_SHOW_???"),
	NL_F(struct packet_diag_req, pdiag_cookie, FT_U32X2, NULL, NULL),
};
static const struct nl_struct packet_diag_req_s = NL_STRUCT(
    struct packet_diag_req, packet_diag_req_f, NULL);

#define SOCKID(st, fld, sub) { "id", offsetof(st, fld), \
	sizeof(struct inet_diag_sockid), FT_STRUCT, NULL, NULL, &sub, NULL }

static const struct nl_field unix_diag_req_f[] = {
	AF(struct unix_diag_req, sdiag_family),
	U(struct unix_diag_req, sdiag_protocol),
	NL_F(struct unix_diag_req, udiag_states, FT_BITS, &ptc__xt_tcp_states,
	    NULL),
	U(struct unix_diag_req, udiag_ino),
	NL_F(struct unix_diag_req, udiag_show, FT_FLAGS,
	    &ptc__xt_unix_diag_show, "UDIAG_SHOW_???"),
	NL_F(struct unix_diag_req, udiag_cookie, FT_U32X2, NULL, NULL),
};
static const struct nl_struct unix_diag_req_s = NL_STRUCT(
    struct unix_diag_req, unix_diag_req_f, NULL);

static const struct nl_field netlink_diag_req_f[] = {
	AF(struct netlink_diag_req, sdiag_family),
	{ "sdiag_protocol", offsetof(struct netlink_diag_req, sdiag_protocol),
	    1, FT_ENUM_AF, &ptc__xt_netlink_diag_proto_all, "NETLINK_???",
	    NULL, &ptc__xt_netlink_protocols },
	U(struct netlink_diag_req, ndiag_ino),
	NL_F(struct netlink_diag_req, ndiag_show, FT_FLAGS,
	    &ptc__xt_netlink_diag_show, "NDIAG_SHOW_???"),
	NL_F(struct netlink_diag_req, ndiag_cookie, FT_U32X2, NULL, NULL),
};
static const struct nl_struct netlink_diag_req_s = NL_STRUCT(
    struct netlink_diag_req, netlink_diag_req_f, NULL);

static const struct nl_field inet_diag_req_v2_f[] = {
	AF(struct inet_diag_req_v2, sdiag_family),
	NL_F(struct inet_diag_req_v2, sdiag_protocol, FT_ENUM,
	    &ptc__xt_inet_protocols, "IPPROTO_???"),
	NL_F(struct inet_diag_req_v2, idiag_ext, FT_BITS1,
	    &ptc__xt_inet_diag_attrs, NULL),
	NL_F(struct inet_diag_req_v2, idiag_states, FT_BITS,
	    &ptc__xt_tcp_states, NULL),
	SOCKID(struct inet_diag_req_v2, id, sockid_s),
};
static const struct nl_struct inet_diag_req_v2_s = NL_STRUCT(
    struct inet_diag_req_v2, inet_diag_req_v2_f, &inet_req_set);

static const struct nl_field inet_diag_msg_f[] = {
	AF(struct inet_diag_msg, idiag_family),
	NL_F(struct inet_diag_msg, idiag_state, FT_ENUM, &ptc__xt_tcp_states,
	    "TCP_???"),
	U(struct inet_diag_msg, idiag_timer),
	U(struct inet_diag_msg, idiag_retrans),
	SOCKID(struct inet_diag_msg, id, sockid_s),
	U(struct inet_diag_msg, idiag_expires),
	U(struct inet_diag_msg, idiag_rqueue),
	U(struct inet_diag_msg, idiag_wqueue),
	U(struct inet_diag_msg, idiag_uid),
	U(struct inet_diag_msg, idiag_inode),
};
static const struct nl_struct inet_diag_msg_s = NL_STRUCT(
    struct inet_diag_msg, inet_diag_msg_f, NULL);

/* SMC's socket ids are of its TCP socket: IPv4. */
static const struct nl_struct sockid4_s = { sizeof(struct inet_diag_sockid),
    sockid_f, sizeof(sockid_f) / sizeof(sockid_f[0]), NULL, 0, 0, NULL,
    AF_INET };

static const struct nl_field smc_diag_req_f[] = {
	AF(struct smc_diag_req, diag_family),
	NL_F(struct smc_diag_req, diag_ext, FT_BITS1, &ptc__xt_smc_diag_attrs,
	    NULL),
	SOCKID(struct smc_diag_req, id, sockid4_s),
};
static const struct nl_struct smc_diag_req_s = NL_STRUCT(
    struct smc_diag_req, smc_diag_req_f, NULL);

static const struct nl_field smc_cursor_f[] = {
	U(struct smc_diag_cursor, reserved), U(struct smc_diag_cursor, wrap),
	U(struct smc_diag_cursor, count),
};
static const struct nl_struct smc_cursor_s = NL_STRUCT(
    struct smc_diag_cursor, smc_cursor_f, NULL);

#define CURSOR(fld) { #fld, offsetof(struct smc_diag_conninfo, fld), \
	sizeof(struct smc_diag_cursor), FT_STRUCT, NULL, NULL, &smc_cursor_s, \
	NULL }
static const struct nl_field smc_conninfo_f[] = {
	U(struct smc_diag_conninfo, token),
	U(struct smc_diag_conninfo, sndbuf_size),
	U(struct smc_diag_conninfo, rmbe_size),
	U(struct smc_diag_conninfo, peer_rmbe_size),
	CURSOR(rx_prod), CURSOR(rx_cons), CURSOR(tx_prod), CURSOR(tx_cons),
	X(struct smc_diag_conninfo, rx_prod_flags),
	X(struct smc_diag_conninfo, rx_conn_state_flags),
	X(struct smc_diag_conninfo, tx_prod_flags),
	X(struct smc_diag_conninfo, tx_conn_state_flags),
	CURSOR(tx_prep), CURSOR(tx_sent), CURSOR(tx_fin),
};
#undef CURSOR
static const struct nl_struct smc_conninfo_s = NL_STRUCT(
    struct smc_diag_conninfo, smc_conninfo_f, NULL);

static const struct nl_field smc_linkinfo_f[] = {
	U(struct smc_diag_linkinfo, link_id),
	NL_F(struct smc_diag_linkinfo, ibname, FT_CSTRING, NULL, NULL),
	U(struct smc_diag_linkinfo, ibport),
	NL_F(struct smc_diag_linkinfo, gid, FT_CSTRING, NULL, NULL),
	NL_F(struct smc_diag_linkinfo, peer_gid, FT_CSTRING, NULL, NULL),
};
static const struct nl_struct smc_linkinfo_s = NL_STRUCT(
    struct smc_diag_linkinfo, smc_linkinfo_f, NULL);

static const struct nl_field smc_lgrinfo_f[] = {
	{ "lnk", offsetof(struct smc_diag_lgrinfo, lnk),
	    sizeof(((struct smc_diag_lgrinfo *)0)->lnk), FT_STRUCTS, NULL, NULL,
	    &smc_linkinfo_s, NULL },
	NL_F(struct smc_diag_lgrinfo, role, FT_ENUM,
	    &ptc__xt_smc_link_group_roles, "SMC_???"),
};
static const struct nl_struct smc_lgrinfo_s = NL_STRUCT(
    struct smc_diag_lgrinfo, smc_lgrinfo_f, NULL);

static const struct nl_field smc_dmbinfo_f[] = {
	U(struct smcd_diag_dmbinfo, linkid),
	X(struct smcd_diag_dmbinfo, peer_gid),
	X(struct smcd_diag_dmbinfo, my_gid), X(struct smcd_diag_dmbinfo, token),
	X(struct smcd_diag_dmbinfo, peer_token),
};
static const struct nl_struct smc_dmbinfo_s = NL_STRUCT(
    struct smcd_diag_dmbinfo, smc_dmbinfo_f, NULL);

static const struct nl_field smc_fallback_f[] = {
	NL_F(struct smc_diag_fallback, reason, FT_ENUM_V,
	    &ptc__xt_smc_decl_codes, "SMC_CLC_DECL_???"),
	NL_F(struct smc_diag_fallback, peer_diagnosis, FT_ENUM_V,
	    &ptc__xt_smc_decl_codes, "SMC_CLC_DECL_???"),
};
static const struct nl_struct smc_fallback_s = NL_STRUCT(
    struct smc_diag_fallback, smc_fallback_f, NULL);

static const struct nla_val smc_diag_v[] = {
	[SMC_DIAG_CONNINFO] = V_STRUCT(smc_conninfo_s),
	[SMC_DIAG_LGRINFO] = V_STRUCT(smc_lgrinfo_s),
	[SMC_DIAG_SHUTDOWN] = V_FLAGS(1, &ptc__xt_sock_shutdown_flags,
	    "???_SHUTDOWN"),
	[SMC_DIAG_DMBINFO] = V_STRUCT(smc_dmbinfo_s),
	[SMC_DIAG_FALLBACK] = V_STRUCT(smc_fallback_s),
};
static const struct nla_set smc_diag_set = NLA_SET(&ptc__xt_smc_diag_attrs,
    "SMC_DIAG_???", smc_diag_v);

static const struct nl_field smc_diag_msg_f[] = {
	AF(struct smc_diag_msg, diag_family),
	NL_F(struct smc_diag_msg, diag_state, FT_ENUM, &ptc__xt_smc_states,
	    "SMC_???"),
	NL_F(struct smc_diag_msg, diag_fallback, FT_ENUM,
	    &ptc__xt_smc_diag_mode, "SMC_DIAG_MODE_???"),
	U(struct smc_diag_msg, diag_shutdown),
	SOCKID(struct smc_diag_msg, id, sockid4_s),
	U(struct smc_diag_msg, diag_uid), U(struct smc_diag_msg, diag_inode),
};
static const struct nl_struct smc_diag_msg_s = NL_STRUCT(
    struct smc_diag_msg, smc_diag_msg_f, &smc_diag_set);
#undef SOCKID

static const struct {
	unsigned char family, request;
	const struct nl_struct *s;
} diag[] = {
	{ AF_UNIX, 0, &unix_diag_msg_s },
	{ AF_NETLINK, 0, &netlink_diag_msg_s },
	{ AF_UNIX, 1, &unix_diag_req_s },
	{ AF_NETLINK, 1, &netlink_diag_req_s },
	{ AF_PACKET, 0, &packet_diag_msg_s },
	{ AF_PACKET, 1, &packet_diag_req_s },
	{ AF_INET, 0, &inet_diag_msg_s }, { AF_INET, 1, &inet_diag_req_v2_s },
	{ AF_INET6, 0, &inet_diag_msg_s }, { AF_INET6, 1, &inet_diag_req_v2_s },
	{ AF_SMC, 0, &smc_diag_msg_s }, { AF_SMC, 1, &smc_diag_req_s },
};

const struct nl_struct *
ptc__nl_diag_struct(unsigned family, int request)
{
	unsigned i;

	for (i = 0; i < sizeof(diag) / sizeof(diag[0]); i++)
		if (diag[i].family == family && diag[i].request == !!request)
			return diag[i].s;
	return NULL;
}
