package org.vrrpd.vrrp.internal;

import java.nio.ByteBuffer;

/** The Internet checksum (RFC 1071) over part of a big-endian buffer. */
final class Checksum {
    private Checksum() {
    }

    /** The one's complement of the one's complement sum of {@code length} bytes from {@code offset}. */
    static int of(ByteBuffer buf, int offset, int length) {
        long sum = 0;
        int i = offset;
        int end = offset + length;
        for (; i + 1 < end; i += 2) {
            sum += Short.toUnsignedInt(buf.getShort(i));
        }
        if (i < end) {
            sum += (buf.get(i) & 0xff) << 8;
        }
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        return (int) (~sum & 0xffff);
    }
}
