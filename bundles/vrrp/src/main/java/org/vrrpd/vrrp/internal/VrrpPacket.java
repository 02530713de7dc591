package org.vrrpd.vrrp.internal;

import java.nio.ByteBuffer;
import java.util.List;
import org.vrrpd.api.vrrp.VirtualAddress;

/**
 * The VRRP advertisement inside its IP datagram, version 2 over IPv4 (RFC 3768 §5.1) and version 3
 * over IPv4 or IPv6 (RFC 5798 §5.2): field offsets, encoding and the receive checks of §7.1 that
 * need no instance state. An IPv6 datagram starts with the 40-byte IPv6 header as the IPv6 socket
 * rebuilds it on receipt and takes it on send, so both families are read at fixed offsets.
 * Works on big-endian buffers at absolute offsets and never allocates, as it runs for every packet.
 *
 * <pre>
 * v2:  0: version(4)=2 type(4)=1 | 1: VRID | 2: priority | 3: count IP addresses
 *      4: auth type | 5: advert interval (s) | 6-7: checksum | 8..: addresses | 8 bytes auth data
 * v3:  0: version(4)=3 type(4)=1 | 1: VRID | 2: priority | 3: count IP addresses
 *      4-5: reserved(4) max adver int(12, centiseconds) | 6-7: checksum over the pseudo-header | 8..: addresses
 * </pre>
 */
final class VrrpPacket {
    static final int IP_PROTOCOL = 112;
    /** IPSEC-AH, which carries VRRP when the instance authenticates with AH (RFC 2338 §5.3.6.3). */
    static final int AH_PROTOCOL = 51;
    static final int HEADER_LENGTH = 8;
    static final int AUTH_DATA_LENGTH = 8;
    static final int VERSION_TYPE = 0x21; // version 2, type 1 (advertisement)
    static final int VERSION3_TYPE = 0x31;
    /** RFC 5798's 12-bit Max Adver Int, in centiseconds. */
    static final int MAX_ADVER_INT = 0xfff;
    static final int TTL = 255;
    /** DSCP CS6 (network control), as keepalived sends. */
    static final int TOS = 0xc0;
    static final int IPV4_HEADER_LENGTH = 20;
    static final int IPV6_HEADER_LENGTH = 40;
    /** ff02::12, the VRRP group for IPv6 (RFC 5798 §5.1.2.2), as its two halves. */
    static final long IPV6_GROUP_HIGH = 0xff02_0000_0000_0000L;
    static final long IPV6_GROUP_LOW = 0x12L;
    static final long LINK_LOCAL_PREFIX = 0xfe80_0000_0000_0000L;
    static final int MAX_ADDRESSES = 255;

    private VrrpPacket() {
    }

    /** Bytes of a VRRPv2 message with {@code addresses} IPv4 addresses. */
    static int length(int addresses) {
        return HEADER_LENGTH + 4 * addresses + AUTH_DATA_LENGTH;
    }

    /** Bytes of a VRRP message of {@code version} with {@code addresses} IPv4 addresses (v3 has no auth data). */
    static int length(int version, int addresses) {
        return version == 3 ? HEADER_LENGTH + 4 * addresses : length(addresses);
    }

    /** Bytes of a VRRPv3 message with {@code addresses} IPv6 addresses. */
    static int lengthIpv6(int addresses) {
        return HEADER_LENGTH + 16 * addresses;
    }

    static boolean isIpv6(ByteBuffer datagram) {
        return (datagram.get(0) & 0xf0) == 0x60;
    }

    /**
     * Writes an IPv6 header at 0 as the IPv6 socket takes it: traffic class 0xc0 (as keepalived),
     * {@code hopLimit} (255; a unicast instance's unicastTtl), from {@code sourceHigh}:{@code sourceLow}
     * to {@code destinationHigh}:{@code destinationLow} (ff02::12, or a unicast peer), as {@link RouterAddress} halves.
     */
    static void writeIpv6Header(ByteBuffer buf, int payloadLength, int hopLimit, long sourceHigh, long sourceLow, long destinationHigh,
                                long destinationLow) {
        buf.putInt(0, 0x6000_0000 | TOS << 20).putShort(4, (short) payloadLength).put(6, (byte) IP_PROTOCOL).put(7, (byte) hopLimit)
                .putLong(8, sourceHigh).putLong(16, sourceLow).putLong(24, destinationHigh).putLong(32, destinationLow);
    }

    /** The VRRPv3 checksum of the message at {@code at}, over the IPv6 pseudo-header of the datagram's header at 0. */
    static void sealChecksumIpv6(ByteBuffer buf, int at, int length) {
        buf.putShort(at + 6, (short) 0);
        buf.putShort(at + 6, (short) Checksum.withIpv6PseudoHeader(buf, at, length, IP_PROTOCOL));
    }

    /**
     * The sender as the engine keeps it ({@link RouterAddress}), without allocating, low half: an
     * IPv4 source as an unsigned number, an IPv6 one's low 64 bits (for a link-local source, fe80::/64,
     * its interface identifier).
     */
    static long sourceKey(ByteBuffer datagram) {
        return isIpv6(datagram) ? datagram.getLong(16) : Integer.toUnsignedLong(ipSource(datagram));
    }

    /** The sender's high half: an IPv6 source's high 64 bits, 0 for IPv4. */
    static long sourceHigh(ByteBuffer datagram) {
        return isIpv6(datagram) ? datagram.getLong(8) : 0;
    }

    /**
     * Writes a complete IPv4 header (for IP_HDRINCL) at 0; the kernel fills in the header checksum.
     * The identification must not be 0, or the kernel would choose one after an AH ICV was computed.
     */
    static void writeIpHeader(ByteBuffer buf, int totalLength, int identification, int protocol, int source, int destination) {
        buf.put(0, (byte) 0x45).put(1, (byte) TOS).putShort(2, (short) totalLength).putShort(4, (short) identification)
                .putShort(6, (short) 0).put(8, (byte) TTL).put(9, (byte) protocol).putShort(10, (short) 0)
                .putInt(12, source).putInt(16, destination);
    }

    /** Writes a VRRP advertisement at {@code at} with its checksum left at 0 and the auth data zeroed. */
    static void writeAdvertisement(ByteBuffer buf, int at, int vrid, int priority, int authType, int advertInterval,
                                   List<VirtualAddress> addresses) {
        int count = addresses.size();
        buf.put(at, (byte) VERSION_TYPE).put(at + 1, (byte) vrid).put(at + 2, (byte) priority).put(at + 3, (byte) count)
                .put(at + 4, (byte) authType).put(at + 5, (byte) advertInterval).putShort(at + 6, (short) 0);
        for (int i = 0; i < count; i++) {
            buf.putInt(at + HEADER_LENGTH + 4 * i, addresses.get(i).ipv4());
        }
        buf.putLong(at + HEADER_LENGTH + 4 * count, 0L);
    }

    /** Writes a VRRPv3 advertisement at {@code at} with its checksum left at 0; IPv4 or IPv6 addresses, as given. */
    static void writeAdvertisementV3(ByteBuffer buf, int at, int vrid, int priority, int maxAdverCentis, List<VirtualAddress> addresses) {
        int count = addresses.size();
        buf.put(at, (byte) VERSION3_TYPE).put(at + 1, (byte) vrid).put(at + 2, (byte) priority).put(at + 3, (byte) count)
                .putShort(at + 4, (short) (maxAdverCentis & MAX_ADVER_INT)).putShort(at + 6, (short) 0);
        int p = at + HEADER_LENGTH;
        for (int i = 0; i < count; i++) {
            VirtualAddress a = addresses.get(i);
            for (int k = 0; k < a.length(); k++) {
                buf.put(p++, a.byteAt(k));
            }
        }
    }

    /** The VRRPv3 checksum of the message at {@code at}, over the IPv4 pseudo-header of its datagram. */
    static void sealChecksumV3(ByteBuffer buf, int at, int length, int source, int destination) {
        buf.putShort(at + 6, (short) 0);
        buf.putShort(at + 6, (short) Checksum.withPseudoHeader(buf, at, length, source, destination, IP_PROTOCOL));
    }

    /** Computes and stores the checksum of the VRRP message at {@code at} (no pseudo-header in v2). */
    static void sealChecksum(ByteBuffer buf, int at, int length) {
        buf.putShort(at + 6, (short) 0);
        buf.putShort(at + 6, (short) Checksum.of(buf, at, length));
    }

    /** The IPv4 header's TTL: 255 but for a unicastTtl. */
    static void setTtl(ByteBuffer buf, int ttl) {
        buf.put(8, (byte) ttl);
    }

    static void setPriority(ByteBuffer buf, int at, int priority) {
        buf.put(at + 2, (byte) priority);
    }

    static int ipHeaderLength(ByteBuffer datagram) {
        return (datagram.get(0) & 0x0f) * 4;
    }

    static int ipProtocol(ByteBuffer datagram) {
        return datagram.get(9) & 0xff;
    }

    static int ipSource(ByteBuffer datagram) {
        return datagram.getInt(12);
    }

    /**
     * Where the VRRP message of a received datagram starts: after the IP header, or after an AH
     * header whose next header is VRRP; -1 if it carries no VRRP message.
     */
    static int vrrpOffset(ByteBuffer datagram, int received) {
        if (received < IPV4_HEADER_LENGTH) {
            return -1;
        }
        if (isIpv6(datagram)) {
            // the socket rebuilt this header: no extension headers, the next header is the socket's protocol
            return received < IPV6_HEADER_LENGTH + HEADER_LENGTH || (datagram.get(6) & 0xff) != IP_PROTOCOL ? -1 : IPV6_HEADER_LENGTH;
        }
        int at = ipHeaderLength(datagram);
        if (at < IPV4_HEADER_LENGTH) {
            return -1; // an IHL below 5 is no IPv4 header
        }
        int protocol = ipProtocol(datagram);
        if (protocol == AH_PROTOCOL) {
            if (received < at + 8 || (datagram.get(at) & 0xff) != IP_PROTOCOL) {
                return -1;
            }
            at += ((datagram.get(at + 1) & 0xff) + 2) * 4; // RFC 2402: AH length in 32-bit words minus 2
        } else if (protocol != IP_PROTOCOL) {
            return -1;
        }
        return received < at + HEADER_LENGTH ? -1 : at;
    }

    static int vrid(ByteBuffer buf, int at) {
        return buf.get(at + 1) & 0xff;
    }

    static int priority(ByteBuffer buf, int at) {
        return buf.get(at + 2) & 0xff;
    }

    static int addressCount(ByteBuffer buf, int at) {
        return buf.get(at + 3) & 0xff;
    }

    static int authType(ByteBuffer buf, int at) {
        return buf.get(at + 4) & 0xff;
    }

    /** v2: the advert interval in seconds. */
    static int advertInterval(ByteBuffer buf, int at) {
        return buf.get(at + 5) & 0xff;
    }

    /** v3: the Max Adver Int in centiseconds. */
    static int maxAdverCentis(ByteBuffer buf, int at) {
        return Short.toUnsignedInt(buf.getShort(at + 4)) & MAX_ADVER_INT;
    }

    static int version(ByteBuffer buf, int at) {
        return (buf.get(at) & 0xff) >>> 4;
    }

    static int ipDestination(ByteBuffer datagram) {
        return datagram.getInt(16);
    }

    static int address(ByteBuffer buf, int at, int i) {
        return buf.getInt(at + HEADER_LENGTH + 4 * i);
    }

    /** Whether the {@code i}th address of an IPv6 advert is {@code address}. */
    static boolean ipv6AddressIs(ByteBuffer buf, int at, int i, VirtualAddress address) {
        int p = at + HEADER_LENGTH + 16 * i;
        for (int k = 0; k < 16; k++) {
            if (buf.get(p + k) != address.byteAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** The VRRPv2 checks of a multicast advert. */
    static Verdict check(ByteBuffer datagram, int received, int at) {
        return check(datagram, received, at, 2);
    }

    /** The checks of a multicast advert: TTL 255, RFC 3768 / RFC 5798 §7.1. */
    static Verdict check(ByteBuffer datagram, int received, int at, int version) {
        return check(datagram, received, at, version, TTL, TTL);
    }

    /**
     * RFC 3768 / RFC 5798 §7.1 checks 1–4 on a datagram of {@code received} bytes whose VRRP
     * message starts at {@code at}: a TTL (IPv6: hop limit) in [minTtl, maxTtl] (255 for multicast;
     * a unicast peer's bounds), the instance's version, type advertisement, a length
     * that holds the fixed fields, the addresses (and in v2 the auth data), and a good checksum (in
     * v3 over the IPv4 or IPv6 pseudo-header).
     */
    static Verdict check(ByteBuffer datagram, int received, int at, int version, int minTtl, int maxTtl) {
        if (received < IPV4_HEADER_LENGTH || received < at + HEADER_LENGTH) {
            return Verdict.TOO_SHORT;
        }
        boolean ipv6 = isIpv6(datagram);
        int ttl = datagram.get(ipv6 ? 7 : 8) & 0xff;
        if (ttl < minTtl || ttl > maxTtl) {
            return Verdict.TTL;
        }
        int versionType = datagram.get(at) & 0xff;
        if (versionType >>> 4 != version) {
            return Verdict.VERSION;
        }
        if ((versionType & 0x0f) != 1) {
            return Verdict.TYPE;
        }
        int ipLength = ipv6 ? IPV6_HEADER_LENGTH + Short.toUnsignedInt(datagram.getShort(4)) : Short.toUnsignedInt(datagram.getShort(2));
        int messageLength = ipv6 ? lengthIpv6(addressCount(datagram, at)) : length(version, addressCount(datagram, at));
        if (Math.min(ipLength, received) - at < messageLength) {
            return Verdict.LENGTH;
        }
        // Exactly the message its own address count describes: trailing bytes are not covered
        // (keepalived 0.5.5 wrongly used the receiver's own address count here).
        int sum = ipv6 ? Checksum.withIpv6PseudoHeader(datagram, at, messageLength, IP_PROTOCOL)
                : version == 3 ? Checksum.withPseudoHeader(datagram, at, messageLength, ipSource(datagram), ipDestination(datagram), IP_PROTOCOL)
                : Checksum.of(datagram, at, messageLength);
        if (sum != 0) {
            return Verdict.CHECKSUM;
        }
        return Verdict.ACCEPTED;
    }
}
