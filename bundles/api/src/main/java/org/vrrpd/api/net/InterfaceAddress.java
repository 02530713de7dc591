package org.vrrpd.api.net;

import java.net.InetAddress;
import java.util.Objects;

/**
 * One address configured on an interface, IPv4 or IPv6.
 *
 * @param address the local address
 * @param prefixLength the prefix length of the subnet
 * @param secondary whether the kernel marks it secondary (IFA_F_SECONDARY)
 * @param label the IPv4 label (e.g. "eth0:1"), or the interface name when none was set
 * @param scope its scope (rt_scope_t: 0 global, 200 site, 253 link, 254 host, 255 nowhere)
 * @param broadcast its IPv4 broadcast address (IFA_BROADCAST), or null
 */
public record InterfaceAddress(InetAddress address, int prefixLength, boolean secondary, String label, int scope, InetAddress broadcast) {
    public InterfaceAddress {
        Objects.requireNonNull(address, "address");
        int max = address.getAddress().length * 8;
        if (prefixLength < 0 || prefixLength > max) {
            throw new IllegalArgumentException("prefix length " + prefixLength + " out of 0.." + max + " for " + address);
        }
        if (scope < 0 || scope > 255) {
            throw new IllegalArgumentException("scope " + scope + " out of 0..255");
        }
    }

    /** Global scope, no broadcast address: what an address without options is. */
    public InterfaceAddress(InetAddress address, int prefixLength, boolean secondary, String label) {
        this(address, prefixLength, secondary, label, 0, null);
    }

    @Override
    public String toString() {
        return address.getHostAddress() + "/" + prefixLength + (secondary ? " secondary" : "");
    }
}
