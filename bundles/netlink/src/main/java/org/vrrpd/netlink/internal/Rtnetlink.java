package org.vrrpd.netlink.internal;

/** Constants of the netlink and rtnetlink UAPI (linux/netlink.h, linux/rtnetlink.h, linux/if_link.h, linux/if_addr.h). */
final class Rtnetlink {
    static final int NLMSG_HDRLEN = 16;
    static final int NLMSG_NOOP = 1;
    static final int NLMSG_ERROR = 2;
    static final int NLMSG_DONE = 3;
    static final int NLMSG_OVERRUN = 4;

    static final int NLM_F_REQUEST = 0x1;
    static final int NLM_F_MULTI = 0x2;
    static final int NLM_F_ACK = 0x4;
    static final int NLM_F_DUMP = 0x300;
    static final int NLM_F_REPLACE = 0x100;
    static final int NLM_F_EXCL = 0x200;
    static final int NLM_F_CREATE = 0x400;

    static final int RTM_NEWLINK = 16;
    static final int RTM_DELLINK = 17;
    static final int RTM_GETLINK = 18;
    static final int RTM_NEWADDR = 20;
    static final int RTM_DELADDR = 21;
    static final int RTM_GETADDR = 22;

    /** Legacy group bitmask for bind(): RTMGRP_LINK | RTMGRP_IPV4_IFADDR | RTMGRP_IPV6_IFADDR. */
    static final int GROUPS_LINK_AND_ADDRESSES = 0x1 | 0x10 | 0x100;

    static final int AF_UNSPEC = 0;
    static final int AF_INET = 2;
    static final int AF_INET6 = 10;

    static final int IFINFOMSG_LEN = 16;
    static final int IFLA_ADDRESS = 1;
    static final int IFLA_IFNAME = 3;
    static final int IFLA_MTU = 4;
    static final int IFLA_OPERSTATE = 16;
    static final int IFLA_LINK = 5;
    static final int IFLA_LINKINFO = 18;
    static final int IFLA_IFALIAS = 20;
    static final int IFLA_AF_SPEC = 26;
    static final int IFLA_INFO_KIND = 1;
    static final int IFLA_INFO_DATA = 2;
    static final int IFLA_MACVLAN_MODE = 1;
    /** linux/if_link.h: a macvlan that exchanges no frames with the other macvlans on its parent (keepalived's mode). */
    static final int MACVLAN_MODE_PRIVATE = 1;
    /** Inside IFLA_AF_SPEC / AF_INET6: u8 addrgenmode. */
    static final int IFLA_INET6_ADDR_GEN_MODE = 8;
    static final int IN6_ADDR_GEN_MODE_NONE = 1;
    static final int IFF_UP = 0x1;

    static final int IFADDRMSG_LEN = 8;
    static final int IFA_ADDRESS = 1;
    static final int IFA_LOCAL = 2;
    static final int IFA_LABEL = 3;
    static final int IFA_BROADCAST = 4;
    /** struct ifa_cacheinfo: u32 ifa_prefered, ifa_valid (seconds), cstamp, tstamp (ignored by the kernel on requests). */
    static final int IFA_CACHEINFO = 6;
    static final int IFA_CACHEINFO_LEN = 16;
    /** A lifetime that never runs out (INFINITY_LIFE_TIME, 0xffffffff). */
    static final int INFINITY_LIFE_TIME = -1;
    static final int IFA_FLAGS = 8;
    static final int IFA_F_SECONDARY = 0x01;
    static final int IFA_F_NODAD = 0x02;

    /** IF_OPER_* names, RFC 2863 (index = value). */
    static final String[] OPER_STATES = {"UNKNOWN", "NOTPRESENT", "DOWN", "LOWERLAYERDOWN", "TESTING", "DORMANT", "UP"};

    private Rtnetlink() {
    }

    static String typeName(int type) {
        return switch (type) {
            case RTM_NEWLINK -> "RTM_NEWLINK";
            case RTM_DELLINK -> "RTM_DELLINK";
            case RTM_NEWADDR -> "RTM_NEWADDR";
            case RTM_DELADDR -> "RTM_DELADDR";
            case NLMSG_ERROR -> "NLMSG_ERROR";
            case NLMSG_DONE -> "NLMSG_DONE";
            default -> "type " + type;
        };
    }
}
