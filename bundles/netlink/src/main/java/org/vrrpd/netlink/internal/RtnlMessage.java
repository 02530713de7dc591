package org.vrrpd.netlink.internal;

import java.net.InetAddress;
import org.vrrpd.api.net.MacAddress;

/** One decoded rtnetlink message about a link or an address. */
sealed interface RtnlMessage {
    /** RTM_NEWLINK / RTM_DELLINK. {@code mac}, {@code kind}, {@code alias} may be null; {@code parentIndex} 0 is none. */
    record Link(boolean deleted, int index, int flags, String name, MacAddress mac, int mtu, String operState, String kind,
                int parentIndex, String alias) implements RtnlMessage {
    }

    /** RTM_NEWADDR / RTM_DELADDR. {@code label} is null for IPv6. */
    record Address(boolean deleted, int index, InetAddress address, int prefixLength, int flags, String label, int scope, InetAddress broadcast)
            implements RtnlMessage {
        boolean secondary() {
            return address.getAddress().length == 4 && (flags & Rtnetlink.IFA_F_SECONDARY) != 0;
        }
    }
}
