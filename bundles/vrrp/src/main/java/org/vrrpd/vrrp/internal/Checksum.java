package org.vrrpd.vrrp.internal;

import java.nio.ByteBuffer;

/** The Internet checksum (RFC 1071) over part of a big-endian buffer, alone or after an IPv4 or IPv6 pseudo-header. */
final class Checksum {
    private Checksum() {
    }

    /** The one's complement of the one's complement sum of {@code length} bytes from {@code offset}. */
    static int of(ByteBuffer buf, int offset, int length) {
        return fold(sum(buf, offset, length));
    }

    /**
     * The same, preceded by the IPv4 pseudo-header of RFC 768 (source, destination, zero, protocol,
     * length), as VRRPv3 computes it (RFC 5798 §5.2.8).
     */
    static int withPseudoHeader(ByteBuffer buf, int offset, int length, int source, int destination, int protocol) {
        long pseudo = (source >>> 16) + (source & 0xffff) + (destination >>> 16) + (destination & 0xffff) + protocol + length;
        return fold(pseudo + sum(buf, offset, length));
    }

    /**
     * The same, preceded by the IPv6 pseudo-header of RFC 8200 §8.1 — source and destination from
     * the IPv6 header at 0 of {@code buf}, the upper-layer length, the next header — as VRRPv3
     * over IPv6 and ICMPv6 compute it.
     */
    static int withIpv6PseudoHeader(ByteBuffer buf, int offset, int length, int nextHeader) {
        return fold(sum(buf, 8, 32) + length + nextHeader + sum(buf, offset, length));
    }

    private static long sum(ByteBuffer buf, int offset, int length) {
        long sum = 0;
        int i = offset;
        int end = offset + length;
        for (; i + 1 < end; i += 2) {
            sum += Short.toUnsignedInt(buf.getShort(i));
        }
        if (i < end) {
            sum += (buf.get(i) & 0xff) << 8;
        }
        return sum;
    }

    private static int fold(long sum) {
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        return (int) (~sum & 0xffff);
    }
}
