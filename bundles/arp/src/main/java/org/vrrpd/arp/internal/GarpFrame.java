package org.vrrpd.arp.internal;

import java.nio.ByteBuffer;

/**
 * A gratuitous ARP request in an Ethernet frame (RFC 5227 §3 "ARP Announcement"): broadcast,
 * sender and target protocol address both the announced one. The target hardware address is
 * all-ones, as keepalived sends, since some switches ignore an announcement with zeros there.
 */
final class GarpFrame {
    static final int LENGTH = 42;
    private static final int ETHERTYPE_ARP = 0x0806;
    private static final long BROADCAST = 0xffff_ffff_ffffL;

    private GarpFrame() {
    }

    /** Writes the 42-byte frame at position 0 of {@code frame} and sets its limit. */
    static void write(ByteBuffer frame, byte[] senderMac, int address) {
        frame.clear();
        putMac(frame, 0, BROADCAST);
        frame.put(6, senderMac);
        frame.putShort(12, (short) ETHERTYPE_ARP);
        frame.putShort(14, (short) 1)          // hardware type Ethernet
                .putShort(16, (short) 0x0800)  // protocol type IPv4
                .put(18, (byte) 6).put(19, (byte) 4)
                .putShort(20, (short) 1);      // opcode request
        frame.put(22, senderMac);
        frame.putInt(28, address);
        putMac(frame, 32, BROADCAST);
        frame.putInt(38, address);
        frame.limit(LENGTH);
    }

    private static void putMac(ByteBuffer frame, int at, long mac) {
        frame.putShort(at, (short) (mac >>> 32)).putInt(at + 2, (int) mac);
    }
}
