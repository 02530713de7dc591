package org.vrrpd.arp.internal;

import static org.junit.Assert.assertEquals;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import org.junit.Test;

public class GarpFrameTest {
    @Test
    public void matchesKeepalivedsAnnouncementByteForByte() {
        // keepalived 2.2.7's gratuitous ARP for 192.0.2.100 from 82:fa:12:ab:d7:a7
        String keepalived = "ffffffffffff82fa12abd7a708060001080006040001" + "82fa12abd7a7c0000264" + "ffffffffffffc0000264";
        ByteBuffer frame = ByteBuffer.allocate(64);
        GarpFrame.write(frame, HexFormat.of().parseHex("82fa12abd7a7"), 0xc0000264);
        byte[] written = new byte[frame.remaining()];
        frame.get(written);
        assertEquals(keepalived, HexFormat.of().formatHex(written));
    }

    @Test
    public void rewritingResetsTheBuffer() {
        ByteBuffer frame = ByteBuffer.allocate(GarpFrame.LENGTH);
        GarpFrame.write(frame, new byte[6], 1);
        frame.position(GarpFrame.LENGTH);
        GarpFrame.write(frame, new byte[6], 2);
        assertEquals(0, frame.position());
        assertEquals(GarpFrame.LENGTH, frame.limit());
        assertEquals(2, frame.getInt(38));
    }
}
