#!/usr/bin/env bats
# ptstrace on sockets: netlink messages (headers named after the socket's
# protocol, payloads, arrays of messages) and socket option values, as
# strace shows them.  The expected lines are exact.

load helper

setup() {
	cd "$BATS_TEST_TMPDIR" || exit 1
	T=$PTOOLS_TARGETS
}

teardown() {
	teardown_targets
}

@test "net: netlink messages by protocol (st-netlink)" {
	ptstrace -o out -e trace=sendto "$T/st-netlink" 3>&- 4>&-
	run grep -v '^+++' out
	assert_output 'sendto(3, {nlmsg_len=16, nlmsg_type=RTM_GETLINK, nlmsg_flags=NLM_F_REQUEST|NLM_F_DUMP, nlmsg_seq=0, nlmsg_pid=0}, 16, MSG_DONTWAIT, NULL, 0) = 16
sendto(3, [{nlmsg_len=24, nlmsg_type=XFRM_MSG_DELSA, nlmsg_flags=NLM_F_REQUEST|NLM_F_NONREC|0x1000, nlmsg_seq=0, nlmsg_pid=0}, "\x61\x62\x63\x64\x65\x66\x67\x68"], 24, MSG_DONTWAIT, NULL, 0) = 24
sendto(3, [{nlmsg_len=36, nlmsg_type=NLMSG_ERROR, nlmsg_flags=NLM_F_REQUEST, nlmsg_seq=0, nlmsg_pid=0}, {error=-EACCES, msg={nlmsg_len=16, nlmsg_type=SOCK_DIAG_BY_FAMILY, nlmsg_flags=NLM_F_REQUEST, nlmsg_seq=7, nlmsg_pid=0}}], 36, MSG_DONTWAIT, NULL, 0) = 36
sendto(3, [{nlmsg_len=20, nlmsg_type=NLMSG_DONE, nlmsg_flags=NLM_F_MULTI, nlmsg_seq=0, nlmsg_pid=0}, -1], 20, MSG_DONTWAIT, NULL, 0) = 20
sendto(3, [{nlmsg_len=24, nlmsg_type=NFNL_SUBSYS_CTNETLINK<<8|0xff /* IPCTNL_MSG_CT_??? */, nlmsg_flags=NLM_F_REQUEST, nlmsg_seq=0, nlmsg_pid=0}, {nfgen_family=AF_INET, version=NFNETLINK_V0, res_id=htons(42)}, {nla_len=4, nla_type=NLA_F_NESTED|0x5}], 24, MSG_DONTWAIT, NULL, 0) = 24
sendto(3, [{nlmsg_len=16, nlmsg_type=0 /* NLMSG_??? */, nlmsg_flags=0, nlmsg_seq=0, nlmsg_pid=0}, {nlmsg_len=16, nlmsg_type=0 /* NLMSG_??? */, nlmsg_flags=0, nlmsg_seq=1, nlmsg_pid=0}], 32, MSG_DONTWAIT, NULL, 0) = 32
sendto(3, [{nlmsg_len=56, nlmsg_type=RTM_GETQDISC, nlmsg_flags=NLM_F_REQUEST|NLM_F_DUMP, nlmsg_seq=0, nlmsg_pid=0}, {tcm_family=AF_UNSPEC, tcm_ifindex=if_nametoindex("lo"), tcm_handle=65536, tcm_parent=0, tcm_info=0}, [[{nla_len=10, nla_type=TCA_KIND}, "pfifo"], [{nla_len=6, nla_type=TCA_RATE}, {interval=-2, ewma_log=3}]]], 56, MSG_DONTWAIT, NULL, 0) = 56
sendto(3, [{nlmsg_len=20, nlmsg_type=nlctrl, nlmsg_flags=NLM_F_REQUEST, nlmsg_seq=0, nlmsg_pid=0}, "\x03\x01\x00\x00"], 20, MSG_DONTWAIT, NULL, 0) = 20
sendto(3, [{prefix="libudev", magic=htonl(0xfeedcafe), header_size=40, properties_off=40, properties_len=8, filter_subsystem_hash=htonl(0x1234), filter_devtype_hash=htonl(0), filter_tag_bloom_hi=htonl(0), filter_tag_bloom_lo=htonl(0)}, "A=1\0B=2\0"], 48, MSG_DONTWAIT, NULL, 0) = 48
sendto(3, [{nlmsg_len=64, nlmsg_type=RTM_GETLINK, nlmsg_flags=NLM_F_REQUEST, nlmsg_seq=0, nlmsg_pid=0}, {ifi_family=AF_BRIDGE, ifi_type=ARPHRD_NETROM, ifi_index=if_nametoindex("lo"), ifi_flags=0, ifi_change=0}, [{nla_len=32, nla_type=IFLA_PROTINFO}, [[{nla_len=12, nla_type=IFLA_BRPORT_HOLD_TIMER}, 250 /* 2.50 s */], [{nla_len=12, nla_type=IFLA_BRPORT_ROOT_ID}, {prio=[128, 0], addr=02:00:5e:00:00:01}], {nla_len=0, nla_type=IFLA_BRPORT_UNSPEC}]]], 64, MSG_DONTWAIT, NULL, 0) = 64
sendto(3, [{nlmsg_len=60, nlmsg_type=RTM_NEWROUTE, nlmsg_flags=0, nlmsg_seq=0, nlmsg_pid=0}, {rtm_family=AF_INET, rtm_dst_len=24, rtm_src_len=0, rtm_tos=0, rtm_table=RT_TABLE_MAIN, rtm_protocol=RTPROT_BOOT, rtm_scope=RT_SCOPE_UNIVERSE, rtm_type=RTN_UNICAST, rtm_flags=RTM_F_NOTIFY}, [[{nla_len=8, nla_type=RTA_DST}, inet_addr("10.1.2.0")], [{nla_len=22, nla_type=RTA_MULTIPATH}, [{rtnh_len=18, rtnh_flags=RTNH_F_ONLINK, rtnh_hops=0, rtnh_ifindex=if_nametoindex("lo")}, [{nla_len=10, nla_type=RTA_VIA}, {rtvia_family=AF_INET, rtvia_addr=inet_addr("10.1.2.254")}]]]]], 60, MSG_DONTWAIT, NULL, 0) = 60
sendto(3, [{nlmsg_len=56, nlmsg_type=RTM_NEWNEIGH, nlmsg_flags=0, nlmsg_seq=0, nlmsg_pid=0}, {ndm_family=AF_INET, ndm_ifindex=if_nametoindex("lo"), ndm_state=NUD_PERMANENT, ndm_flags=NTF_PROXY, ndm_type=RTN_UNICAST}, [[{nla_len=8, nla_type=NDA_DST}, inet_addr("192.168.7.1")], [{nla_len=10, nla_type=NDA_LLADDR}, 02:00:5e:10:20:30], [{nla_len=6, nla_type=NDA_PORT}, htons(4789)]]], 56, MSG_DONTWAIT, NULL, 0) = 56
sendto(3, [{nlmsg_len=52, nlmsg_type=RTM_NEWNEXTHOP, nlmsg_flags=0, nlmsg_seq=0, nlmsg_pid=0}, {nh_family=AF_INET, nh_scope=RT_SCOPE_UNIVERSE, nh_protocol=RTPROT_STATIC, nh_flags=RTNH_F_DEAD}, [[{nla_len=8, nla_type=NHA_ID}, 7], [{nla_len=20, nla_type=NHA_GROUP}, [{id=1, weight=0}, {id=2, weight=3, resvd2=0xab}]]]], 52, MSG_DONTWAIT, NULL, 0) = 52
sendto(3, [{nlmsg_len=52, nlmsg_type=RTM_NEWSTATS, nlmsg_flags=0, nlmsg_seq=0, nlmsg_pid=0}, {family=AF_UNSPEC, ifindex=if_nametoindex("lo"), filter_mask=1<<IFLA_STATS_LINK_XSTATS}, [{nla_len=24, nla_type=IFLA_STATS_LINK_XSTATS}, [{nla_len=20, nla_type=LINK_XSTATS_TYPE_BOND}, [{nla_len=16, nla_type=BOND_XSTATS_3AD}, [{nla_len=12, nla_type=BOND_3AD_STAT_LACPDU_RX}, 12345]]]]], 52, MSG_DONTWAIT, NULL, 0) = 52
sendto(3, [{nlmsg_len=36, nlmsg_type=RTM_NEWCACHEREPORT, nlmsg_flags=0, nlmsg_seq=0, nlmsg_pid=0}, {rtgen_family=RTNL_FAMILY_IPMR}, [[{nla_len=5, nla_type=IPMRA_CREPORT_MSGTYPE}, IGMPMSG_NOCACHE], [{nla_len=8, nla_type=IPMRA_CREPORT_SRC_ADDR}, inet_addr("10.9.8.7")]]], 36, MSG_DONTWAIT, NULL, 0) = 36
sendto(3, [{nlmsg_len=116, nlmsg_type=RTM_NEWLINK, nlmsg_flags=0, nlmsg_seq=0, nlmsg_pid=0}, {ifi_family=AF_UNSPEC, ifi_type=ARPHRD_NETROM, ifi_index=if_nametoindex("lo"), ifi_flags=0, ifi_change=0}, [[{nla_len=7, nla_type=IFLA_IFNAME}, "lo"], [{nla_len=8, nla_type=IFLA_EXT_MASK}, RTEXT_FILTER_VF], [{nla_len=20, nla_type=IFLA_AF_SPEC}, [{nla_len=16, nla_type=AF_INET}, [{nla_len=12, nla_type=IFLA_INET_CONF}, [[IPV4_DEVCONF_FORWARDING-1]=1, [IPV4_DEVCONF_MC_FORWARDING-1]=-1]]]], [{nla_len=28, nla_type=IFLA_LINKINFO}, [[{nla_len=11, nla_type=IFLA_INFO_KIND}, "bridge"], [{nla_len=12, nla_type=IFLA_INFO_DATA}, [{nla_len=8, nla_type=IFLA_BR_STP_STATE}, 1]]]], [{nla_len=20, nla_type=IFLA_VFINFO_LIST}, [{nla_len=16, nla_type=IFLA_VF_INFO}, [{nla_len=12, nla_type=IFLA_VF_TX_RATE}, {vf=2, rate=100}]]]]], 116, MSG_DONTWAIT, NULL, 0) = 116
sendto(3, [{nlmsg_len=40, nlmsg_type=SOCK_DIAG_BY_FAMILY, nlmsg_flags=NLM_F_REQUEST, nlmsg_seq=0, nlmsg_pid=0}, {sdiag_family=AF_UNIX, sdiag_protocol=0, udiag_states=1<<TCP_LISTEN, udiag_ino=42, udiag_show=UDIAG_SHOW_NAME|UDIAG_SHOW_PEER, udiag_cookie=[0, 0]}], 40, MSG_DONTWAIT, NULL, 0) = 40
sendto(3, [{nlmsg_len=36, nlmsg_type=SOCK_DIAG_BY_FAMILY, nlmsg_flags=NLM_F_REQUEST, nlmsg_seq=0, nlmsg_pid=0}, {sdiag_family=AF_NETLINK, sdiag_protocol=NDIAG_PROTO_ALL, ndiag_ino=0, ndiag_show=NDIAG_SHOW_GROUPS, ndiag_cookie=[0, 0]}], 36, MSG_DONTWAIT, NULL, 0) = 36
sendto(3, [{nlmsg_len=92, nlmsg_type=SOCK_DIAG_BY_FAMILY, nlmsg_flags=NLM_F_REQUEST, nlmsg_seq=0, nlmsg_pid=0}, {sdiag_family=AF_INET, sdiag_protocol=IPPROTO_TCP, idiag_ext=1<<(INET_DIAG_CONG-1), idiag_states=1<<TCP_ESTABLISHED, id={idiag_sport=htons(80), idiag_dport=htons(0), idiag_src=inet_addr("127.0.0.1"), idiag_dst=inet_addr("0.0.0.0"), idiag_if=if_nametoindex("lo"), idiag_cookie=[0, 0]}}, [{nla_len=20, nla_type=INET_DIAG_REQ_BYTECODE}, {code=INET_DIAG_BC_S_COND, yes=20, no=24}, {family=AF_INET, prefix_len=8, port=4294967295, addr=inet_addr("10.0.0.0")}]], 92, MSG_DONTWAIT, NULL, 0) = 92
sendto(3, [{nlmsg_len=68, nlmsg_type=SOCK_DIAG_BY_FAMILY, nlmsg_flags=NLM_F_REQUEST, nlmsg_seq=0, nlmsg_pid=0}, {diag_family=AF_SMC, diag_ext=1<<(SMC_DIAG_CONNINFO-1), id={idiag_sport=htons(0), idiag_dport=htons(0), idiag_src=inet_addr("0.0.0.0"), idiag_dst=inet_addr("10.0.0.2"), idiag_if=0, idiag_cookie=[0, 0]}}], 68, MSG_DONTWAIT, NULL, 0) = 68
sendto(3, [{nlmsg_len=60, nlmsg_type=SOCK_DIAG_BY_FAMILY, nlmsg_flags=0, nlmsg_seq=0, nlmsg_pid=0}, {pdiag_family=AF_PACKET, pdiag_type=SOCK_RAW, pdiag_num=ETH_P_ALL, pdiag_ino=7, pdiag_cookie=[0, 0]}, [{nla_len=28, nla_type=PACKET_DIAG_INFO}, {pdi_index=if_nametoindex("lo"), pdi_version=TPACKET_V3, pdi_reserve=0, pdi_copy_thresh=0, pdi_tstamp=0, pdi_flags=PDI_RUNNING}]], 60, MSG_DONTWAIT, NULL, 0) = 60
sendto(3, [{nlmsg_len=100, nlmsg_type=SOCK_DIAG_BY_FAMILY, nlmsg_flags=0, nlmsg_seq=0, nlmsg_pid=0}, {diag_family=AF_SMC, diag_state=SMC_ACTIVE, diag_fallback=SMC_DIAG_MODE_FALLBACK_TCP, diag_shutdown=0, id={idiag_sport=htons(0), idiag_dport=htons(0), idiag_src=inet_addr("0.0.0.0"), idiag_dst=inet_addr("0.0.0.0"), idiag_if=0, idiag_cookie=[0, 0]}, diag_uid=1000, diag_inode=0}, [[{nla_len=5, nla_type=SMC_DIAG_SHUTDOWN}, RCV_SHUTDOWN|SEND_SHUTDOWN], [{nla_len=12, nla_type=SMC_DIAG_FALLBACK}, {reason=0x3030000 /* SMC_CLC_DECL_NOSMCDEV */, peer_diagnosis=0 /* SMC_CLC_DECL_??? */}]]], 100, MSG_DONTWAIT, NULL, 0) = 100
sendto(4, "data", 4, 0, NULL, 0)        = 4'
}

@test "net: netlink constants in -X raw and verbose (st-netlink)" {
	ptstrace -Xraw -o out -e trace=sendto "$T/st-netlink" 3>&- 4>&-
	run sed -n 1p out
	assert_output 'sendto(3, {nlmsg_len=16, nlmsg_type=0x12, nlmsg_flags=0x301, nlmsg_seq=0, nlmsg_pid=0}, 16, 0x40, NULL, 0) = 16'
	ptstrace -Xverbose -o out -e trace=sendto "$T/st-netlink" 3>&- 4>&-
	run sed -n 7p out
	assert_output 'sendto(3, [{nlmsg_len=56, nlmsg_type=0x26 /* RTM_GETQDISC */, nlmsg_flags=0x301 /* NLM_F_REQUEST|NLM_F_DUMP */, nlmsg_seq=0, nlmsg_pid=0}, {tcm_family=0 /* AF_UNSPEC */, tcm_ifindex=1 /* if_nametoindex("lo") */, tcm_handle=65536, tcm_parent=0, tcm_info=0}, [[{nla_len=10, nla_type=0x1 /* TCA_KIND */}, "pfifo"], [{nla_len=6, nla_type=0x5 /* TCA_RATE */}, {interval=-2, ewma_log=3}]]], 56, 0x40 /* MSG_DONTWAIT */, NULL, 0) = 56'
	run sed -n 5p out
	assert_output 'sendto(3, [{nlmsg_len=24, nlmsg_type=0x1 /* NFNL_SUBSYS_CTNETLINK */<<8|0xff /* IPCTNL_MSG_CT_??? */, nlmsg_flags=0x1 /* NLM_F_REQUEST */, nlmsg_seq=0, nlmsg_pid=0}, {nfgen_family=0x2 /* AF_INET */, version=0 /* NFNETLINK_V0 */, res_id=htons(42)}, {nla_len=4, nla_type=0x8000 /* NLA_F_NESTED */|0x5}], 24, 0x40 /* MSG_DONTWAIT */, NULL, 0) = 24'
}

@test "net: route, neighbour and cache report payloads in -X raw and verbose (st-netlink)" {
	ptstrace -Xraw -o out -e trace=sendto "$T/st-netlink" 3>&- 4>&-
	run sed -n 12p out
	assert_output 'sendto(3, [{nlmsg_len=56, nlmsg_type=0x1c, nlmsg_flags=0, nlmsg_seq=0, nlmsg_pid=0}, {ndm_family=0x2, ndm_ifindex=1, ndm_state=0x80, ndm_flags=0x8, ndm_type=0x1}, [[{nla_len=8, nla_type=0x1}, "\xc0\xa8\x07\x01"], [{nla_len=10, nla_type=0x2}, "\x02\x00\x5e\x10\x20\x30"], [{nla_len=6, nla_type=0x6}, htons(4789)]]], 56, 0x40, NULL, 0) = 56'
	ptstrace -Xverbose -o out -e trace=sendto "$T/st-netlink" 3>&- 4>&-
	run sed -n 15p out
	assert_output 'sendto(3, [{nlmsg_len=36, nlmsg_type=0x60 /* RTM_NEWCACHEREPORT */, nlmsg_flags=0, nlmsg_seq=0, nlmsg_pid=0}, {rtgen_family=0x80 /* RTNL_FAMILY_IPMR */}, [[{nla_len=5, nla_type=0x1 /* IPMRA_CREPORT_MSGTYPE */}, 0x1 /* IGMPMSG_NOCACHE */], [{nla_len=8, nla_type=0x3 /* IPMRA_CREPORT_SRC_ADDR */}, "\x0a\x09\x08\x07" /* inet_addr("10.9.8.7") */]]], 36, 0x40 /* MSG_DONTWAIT */, NULL, 0) = 36'
	run sed -n 19p out
	assert_output 'sendto(3, [{nlmsg_len=92, nlmsg_type=0x14 /* SOCK_DIAG_BY_FAMILY */, nlmsg_flags=0x1 /* NLM_F_REQUEST */, nlmsg_seq=0, nlmsg_pid=0}, {sdiag_family=0x2 /* AF_INET */, sdiag_protocol=0x6 /* IPPROTO_TCP */, idiag_ext=0x8 /* 1<<(INET_DIAG_CONG-1) */, idiag_states=0x2 /* 1<<TCP_ESTABLISHED */, id={idiag_sport="\x00\x50" /* htons(80) */, idiag_dport="\x00\x00" /* htons(0) */, idiag_src="\x7f\x00\x00\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00" /* inet_addr("127.0.0.1") */, idiag_dst="\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00" /* inet_addr("0.0.0.0") */, idiag_if=1 /* if_nametoindex("lo") */, idiag_cookie=[0, 0]}}, [{nla_len=20, nla_type=0x1 /* INET_DIAG_REQ_BYTECODE */}, {code=0x7 /* INET_DIAG_BC_S_COND */, yes=20, no=24}, {family=0x2 /* AF_INET */, prefix_len=8, port=4294967295, addr="\x0a\x00\x00\x00" /* inet_addr("10.0.0.0") */}]], 92, 0x40 /* MSG_DONTWAIT */, NULL, 0) = 92'
}

@test "net: -s bounds a netlink payload (st-netlink)" {
	ptstrace -s 4 -o out -e trace=sendto "$T/st-netlink" 3>&- 4>&-
	run sed -n 2p out
	assert_output 'sendto(3, [{nlmsg_len=24, nlmsg_type=XFRM_MSG_DELSA, nlmsg_flags=NLM_F_REQUEST|NLM_F_NONREC|0x1000, nlmsg_seq=0, nlmsg_pid=0}, "\x61\x62\x63\x64"...], 24, MSG_DONTWAIT, NULL, 0) = 24'
}

@test "net: socket option values (st-netlink)" {
	ptstrace -o out -e trace=setsockopt,getsockopt "$T/st-netlink" 3>&- 4>&-
	run sed -E '/^\+\+\+/d; s/0x[0-9a-f]{6,}/ADDR/' out
	assert_output 'setsockopt(3, SOL_SOCKET, SO_KEEPALIVE, [1], 4) = 0
setsockopt(3, SOL_SOCKET, SO_KEEPALIVE, ADDR, 2) = -1 EINVAL (Invalid argument)
getsockopt(3, SOL_SOCKET, SO_KEEPALIVE, "\x01\x00\x00", [3]) = 0
getsockopt(3, SOL_SOCKET, SO_KEEPALIVE, [1], [8 => 4]) = 0
setsockopt(-1, SOL_PACKET, PACKET_ADD_MEMBERSHIP, {mr_ifindex=0, mr_type=PACKET_MR_PROMISC, mr_alen=6, mr_address=02:00:5e:10:20:30}, 16) = -1 EBADF (Bad file descriptor)
setsockopt(-1, SOL_PACKET, 0xfff /* PACKET_??? */, NULL, 0) = -1 EBADF (Bad file descriptor)
setsockopt(-1, SOL_RAW, ICMP_FILTER, [ICMP_REDIRECT ICMP_ECHO], 4) = -1 EBADF (Bad file descriptor)
setsockopt(3, SOL_IP, IP_ADD_MEMBERSHIP, {imr_multiaddr=inet_addr("224.0.0.3"), imr_interface=inet_addr("127.0.0.1")}, 8) = 0
setsockopt(3, SOL_SOCKET, SO_ATTACH_FILTER, {len=5, filter=ADDR}, 16) = 0
setsockopt(3, SOL_IP, IP_PKTINFO, [1], 4) = 0
setsockopt(3, SOL_IP, IP_RECVTTL, [1], 4) = 0'
}

@test "net: control messages of a datagram (st-netlink)" {
	ptstrace -o out -e trace=recvmsg "$T/st-netlink" 3>&- 4>&-
	run sed -n 1p out
	assert_output 'recvmsg(3, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base="data", iov_len=4}], msg_iovlen=1, msg_control=[{cmsg_len=28, cmsg_level=SOL_IP, cmsg_type=IP_PKTINFO, cmsg_data={ipi_ifindex=if_nametoindex("lo"), ipi_spec_dst=inet_addr("127.0.0.1"), ipi_addr=inet_addr("127.0.0.1")}}, {cmsg_len=20, cmsg_level=SOL_IP, cmsg_type=IP_TTL, cmsg_data=[64]}], msg_controllen=56, msg_flags=0}, 0) = 4'
}

@test "net: a socket filter's instructions with -v (st-netlink)" {
	ptstrace -v -o out -e trace=setsockopt "$T/st-netlink" 3>&- 4>&-
	run grep SO_ATTACH_FILTER out
	assert_output 'setsockopt(3, SOL_SOCKET, SO_ATTACH_FILTER, {len=5, filter=[BPF_STMT(BPF_LD|BPF_B|BPF_ABS, SKF_AD_OFF+SKF_AD_PKTTYPE), BPF_STMT(BPF_LD|BPF_H|BPF_ABS, 0x16), BPF_JUMP(BPF_JMP|BPF_K|BPF_JEQ, 0x35, 0, 0x1), BPF_STMT(BPF_RET|BPF_K, 0xffff), BPF_STMT(BPF_RET|BPF_K, 0)]}, 16) = 0'
	ptstrace -v -Xraw -o out -e trace=setsockopt "$T/st-netlink" 3>&- 4>&-
	run grep -F ', 0x1a, ' out
	assert_output 'setsockopt(3, 0x1, 0x1a, {len=5, filter=[BPF_STMT(0|0x10|0x20, 0xfffff000+0x4), BPF_STMT(0|0x8|0x20, 0x16), BPF_JUMP(0x5|0|0x10, 0x35, 0, 0x1), BPF_STMT(0x6|0, 0xffff), BPF_STMT(0x6|0, 0)]}, 16) = 0'
}

@test "net: -yy names a netlink socket's protocol and port (st-netlink)" {
	ptstrace -yy -o out -e trace=bind "$T/st-netlink" 3>&- 4>&-
	run sed -n 1p out
	assert_output --regexp '^bind\(3<NETLINK:\[[0-9]+\]>, \{sa_family=AF_NETLINK, nl_pid=0, nl_groups=00000000\}, 12\) += 0$'
	ptstrace -yy -o out -e trace=sendto "$T/st-netlink" 3>&- 4>&-
	run sed -n 1p out
	assert_output --regexp '^sendto\(3<NETLINK:\[ROUTE:[0-9]+\]>, \{nlmsg_len=16, '
}

@test "net: recvmsg's msg_namelen given and returned, and after a failure (st-msgname)" {
	ptstrace -o out -e trace=recvmsg "$T/st-msgname" 3>&- 4>&-
	run cat out
	assert_output 'recvmsg(3, {msg_name={sa_family=AF_UNIX, sun_path="msgname.s"}, msg_namelen=110 => 12, msg_iov=[{iov_base="A", iov_len=1}], msg_iovlen=1, msg_controllen=0, msg_flags=0}, 0) = 1
recvmsg(3, {msg_name={sa_family=AF_UNIX}, msg_namelen=2 => 12, msg_iov=[{iov_base="A", iov_len=1}], msg_iovlen=1, msg_controllen=0, msg_flags=0}, 0) = 1
recvmsg(3, {msg_namelen=110}, 0)        = -1 EFAULT (Bad address)
+++ exited with 0 +++'
}

@test "net: sendmmsg's messages also when it fails, recvmmsg's msg_namelen given and returned (st-msgname)" {
	ptstrace -o out -e trace=sendmmsg,recvmmsg "$T/st-msgname" 3>&- 4>&-
	run cat out
	assert_output 'sendmmsg(4, [{msg_hdr={msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base="x", iov_len=1}], msg_iovlen=1, msg_controllen=0, msg_flags=0}, msg_len=1}, {msg_hdr={msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base="y", iov_len=1}], msg_iovlen=1, msg_controllen=0, msg_flags=0}, msg_len=1}], 2, 0) = 2
sendmmsg(-1, [{msg_hdr={msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base="x", iov_len=1}], msg_iovlen=1, msg_controllen=0, msg_flags=0}}, {msg_hdr={msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base="y", iov_len=1}], msg_iovlen=1, msg_controllen=0, msg_flags=0}}], 2, 0) = -1 EBADF (Bad file descriptor)
recvmmsg(3, [{msg_hdr={msg_name={sa_family=AF_UNIX}, msg_namelen=2 => 12, msg_iov=[{iov_base="x", iov_len=1}], msg_iovlen=1, msg_controllen=0, msg_flags=0}, msg_len=1}, {msg_hdr={msg_name={sa_family=AF_UNIX, sun_path="msgname.s"}, msg_namelen=110 => 12, msg_iov=[{iov_base="y", iov_len=1}], msg_iovlen=1, msg_controllen=0, msg_flags=0}, msg_len=1}], 2, 0, NULL) = 2
+++ exited with 0 +++'
}
