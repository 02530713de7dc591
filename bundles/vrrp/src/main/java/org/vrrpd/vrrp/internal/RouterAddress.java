package org.vrrpd.vrrp.internal;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.Optional;
import org.vrrpd.api.net.InterfaceAddress;
import org.vrrpd.api.net.NetInterface;
import org.vrrpd.api.vrrp.VirtualAddress;
import org.vrrpd.kernel.Ipv4;

/**
 * A router's address as the engine keeps it, in a long ({@link VrrpPacket#sourceKey}): an IPv4
 * address, or the interface identifier of an IPv6 link-local address fe80::/64 — what adverts come
 * from. Turned into text or an InetAddress only for people.
 */
final class RouterAddress {
    private RouterAddress() {
    }

    /** The interface's own address in the family: its primary IPv4 address, or its first fe80::/64 address; 0 if none. */
    static long of(NetInterface iface, boolean ipv6) {
        if (!ipv6) {
            return iface.primaryIpv4().map(a -> Integer.toUnsignedLong(Ipv4.toInt(a))).orElse(0L);
        }
        return linkLocal(iface).map(a -> ByteBuffer.wrap(a.getAddress()).getLong(8)).orElse(0L);
    }

    /** The first link-local address in fe80::/64 (RFC 4291 §2.5.6), the source of VRRPv3 over IPv6. */
    static Optional<Inet6Address> linkLocal(NetInterface iface) {
        return iface.addresses().stream().map(InterfaceAddress::address)
                .filter(a -> a instanceof Inet6Address && ByteBuffer.wrap(a.getAddress()).getLong(0) == VrrpPacket.LINK_LOCAL_PREFIX)
                .map(a -> (Inet6Address) a).findFirst();
    }

    static InetAddress toInet(long key, boolean ipv6) {
        if (!ipv6) {
            return Ipv4.toInet((int) key);
        }
        try {
            return InetAddress.getByAddress(ByteBuffer.allocate(16).putLong(VrrpPacket.LINK_LOCAL_PREFIX).putLong(key).array());
        } catch (UnknownHostException e) {
            throw new AssertionError("16 bytes are always an address", e);
        }
    }

    /** 192.0.2.1, or fe80::cc99:64ff:fed7:3691 (RFC 5952). */
    static String text(long key, boolean ipv6) {
        if (!ipv6) {
            return Ipv4.toString((int) key);
        }
        String withPrefix = VirtualAddress.of(toInet(key, true), 128).toString();
        return withPrefix.substring(0, withPrefix.indexOf('/'));
    }

    /** The VRRP group of the family: 224.0.0.18 or ff02::12. */
    static String group(boolean ipv6) {
        return ipv6 ? "ff02::12" : Ipv4.toString(Ipv4.VRRP_GROUP);
    }

    /** The sender of a received datagram, for a log line. */
    static String sourceText(ByteBuffer datagram) {
        return text(VrrpPacket.sourceKey(datagram), VrrpPacket.isIpv6(datagram));
    }
}
