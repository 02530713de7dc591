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
 * A router's address as the engine keeps it, in two longs so that nothing allocates per advert
 * ({@link VrrpPacket#sourceHigh}, {@link VrrpPacket#sourceKey}): an IPv4 address is 0 and the
 * address unsigned; an IPv6 address its high and low 64 bits (multicast adverts come from fe80::/64,
 * so there the low half, the interface identifier, tells routers apart). Pairs compare unsigned,
 * high half first, as RFC 5798 §6.4.3 compares addresses. Turned into text or an InetAddress only for people.
 */
final class RouterAddress {
    private RouterAddress() {
    }

    /** The interface's own address in the family, low half: its primary IPv4 address, or its first fe80::/64 address's; 0 if none. */
    static long of(NetInterface iface, boolean ipv6) {
        if (!ipv6) {
            return iface.primaryIpv4().map(a -> Integer.toUnsignedLong(Ipv4.toInt(a))).orElse(0L);
        }
        return linkLocal(iface).map(RouterAddress::low).orElse(0L);
    }

    /** The first link-local address in fe80::/64 (RFC 4291 §2.5.6), the source of VRRPv3 over IPv6. */
    static Optional<Inet6Address> linkLocal(NetInterface iface) {
        return iface.addresses().stream().map(InterfaceAddress::address)
                .filter(a -> a instanceof Inet6Address && high(a) == VrrpPacket.LINK_LOCAL_PREFIX)
                .map(a -> (Inet6Address) a).findFirst();
    }

    /** Whether the interface has {@code high}:{@code low} (IPv6) among its addresses. */
    static boolean has(NetInterface iface, long high, long low) {
        return iface.addresses().stream().map(InterfaceAddress::address)
                .anyMatch(a -> a instanceof Inet6Address && high(a) == high && low(a) == low);
    }

    /** The high half of {@code address}: 0 for IPv4. */
    static long high(InetAddress address) {
        byte[] b = address.getAddress();
        return b.length == 4 ? 0 : ByteBuffer.wrap(b).getLong(0);
    }

    /** The low half: an IPv4 address unsigned, an IPv6 address's low 64 bits. */
    static long low(InetAddress address) {
        byte[] b = address.getAddress();
        return b.length == 4 ? Integer.toUnsignedLong(ByteBuffer.wrap(b).getInt(0)) : ByteBuffer.wrap(b).getLong(8);
    }

    static InetAddress toInet(long high, long low, boolean ipv6) {
        if (!ipv6) {
            return Ipv4.toInet((int) low);
        }
        try {
            return InetAddress.getByAddress(ByteBuffer.allocate(16).putLong(high).putLong(low).array());
        } catch (UnknownHostException e) {
            throw new AssertionError("16 bytes are always an address", e);
        }
    }

    /** 192.0.2.1, or fe80::cc99:64ff:fed7:3691 (RFC 5952). */
    static String text(long high, long low, boolean ipv6) {
        if (!ipv6) {
            return Ipv4.toString((int) low);
        }
        String withPrefix = VirtualAddress.of(toInet(high, low, true), 128).toString();
        return withPrefix.substring(0, withPrefix.indexOf('/'));
    }

    /** The VRRP group of the family: 224.0.0.18 or ff02::12. */
    static String group(boolean ipv6) {
        return ipv6 ? "ff02::12" : Ipv4.toString(Ipv4.VRRP_GROUP);
    }

    /** The sender of a received datagram, for a log line. */
    static String sourceText(ByteBuffer datagram) {
        return text(VrrpPacket.sourceHigh(datagram), VrrpPacket.sourceKey(datagram), VrrpPacket.isIpv6(datagram));
    }
}
