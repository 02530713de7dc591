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
 */
public record InterfaceAddress(InetAddress address, int prefixLength, boolean secondary, String label) {
    public InterfaceAddress {
        Objects.requireNonNull(address, "address");
        int max = address.getAddress().length * 8;
        if (prefixLength < 0 || prefixLength > max) {
            throw new IllegalArgumentException("prefix length " + prefixLength + " out of 0.." + max + " for " + address);
        }
    }

    @Override
    public String toString() {
        return address.getHostAddress() + "/" + prefixLength + (secondary ? " secondary" : "");
    }
}
