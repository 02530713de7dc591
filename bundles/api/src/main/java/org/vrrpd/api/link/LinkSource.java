package org.vrrpd.api.link;

/** Where a link status comes from, in order of preference. */
public enum LinkSource {
    /** The PHY's MII Basic Mode Status Register, link-status bit (SIOCGMIIREG). */
    MII,
    /** The driver's ETHTOOL_GLINK answer. */
    ETHTOOL,
    /** The kernel's IFF_RUNNING flag, as reported over netlink. */
    NETLINK
}
