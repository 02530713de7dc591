package org.vrrpd.vrrp.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes raw IPv4 datagrams as a pcap file (LINKTYPE_RAW) for tshark to decode. */
final class Pcap {
    private Pcap() {
    }

    static Path write(Path file, byte[]... datagrams) throws IOException {
        int size = 24;
        for (byte[] d : datagrams) {
            size += 16 + d.length;
        }
        ByteBuffer out = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535).putInt(101);
        for (byte[] d : datagrams) {
            out.putInt(0).putInt(0).putInt(d.length).putInt(d.length).put(d);
        }
        return Files.write(file, out.array());
    }
}
