package org.vrrpd.arp.internal;

import java.nio.ByteBuffer;

/**
 * An unsolicited Neighbor Advertisement in an Ethernet frame (RFC 4861 §4.4, §7.2.6), as keepalived
 * sends it on becoming master: from the virtual address itself to all nodes (ff02::1, MAC
 * 33:33:00:00:00:01), hop limit 255, Override set, Solicited clear, and the target link-layer
 * address option carrying the sender's MAC.
 */
final class NaFrame {
    static final int LENGTH = 14 + 40 + 32;
    private static final int ETHERTYPE_IPV6 = 0x86dd;
    private static final int ICMPV6 = 58;
    private static final int NEIGHBOR_ADVERTISEMENT = 136;
    private static final int ROUTER = 0x80;
    private static final int OVERRIDE = 0x20;
    private static final int TARGET_LINK_LAYER_ADDRESS = 2;

    private NaFrame() {
    }

    /** Writes the 86-byte frame at position 0 of {@code frame} and sets its limit. */
    static void write(ByteBuffer frame, byte[] senderMac, byte[] address, boolean router) {
        frame.clear();
        frame.putShort(0, (short) 0x3333).putInt(2, 1); // 33:33 + the low 32 bits of ff02::1
        frame.put(6, senderMac);
        frame.putShort(12, (short) ETHERTYPE_IPV6);
        frame.putInt(14, 0x6000_0000).putShort(18, (short) 32).put(20, (byte) ICMPV6).put(21, (byte) 255);
        frame.put(22, address);
        frame.putLong(38, 0xff02_0000_0000_0000L).putLong(46, 1L);
        frame.put(54, (byte) NEIGHBOR_ADVERTISEMENT).put(55, (byte) 0).putShort(56, (short) 0)
                .putInt(58, (OVERRIDE | (router ? ROUTER : 0)) << 24);
        frame.put(62, address);
        frame.put(78, (byte) TARGET_LINK_LAYER_ADDRESS).put(79, (byte) 1).put(80, senderMac);
        frame.putShort(56, (short) checksum(frame));
        frame.limit(LENGTH);
    }

    /** ICMPv6's checksum over the pseudo-header (source, destination, length 32, next header 58) and the message. */
    private static int checksum(ByteBuffer frame) {
        long sum = 32 + ICMPV6;
        for (int i = 22; i < LENGTH; i += 2) { // source and destination, then the ICMPv6 message
            sum += Short.toUnsignedInt(frame.getShort(i));
        }
        while (sum >>> 16 != 0) {
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        return (int) ~sum & 0xffff;
    }
}
