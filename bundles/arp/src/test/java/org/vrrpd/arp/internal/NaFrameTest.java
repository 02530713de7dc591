package org.vrrpd.arp.internal;

import static org.junit.Assert.assertEquals;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import org.junit.Test;

public class NaFrameTest {
    /** keepalived 2.2.7's unsolicited NA for 2001:db8::110 from ce:99:64:d7:36:91 on becoming master (captured). */
    private static final String KEEPALIVED = "333300000001ce9964d7369186dd6000" + "0000" + "00203aff20010db8000000000000"
            + "00000000" + "0110ff020000000000000000" + "000000000001" + "88008f0b20000000" + "20010db8000000000000000000000110"
            + "0201ce9964d73691";

    private static String frame(boolean router) throws Exception {
        ByteBuffer frame = ByteBuffer.allocate(128);
        NaFrame.write(frame, HexFormat.of().parseHex("ce9964d73691"), InetAddress.getByName("2001:db8::110").getAddress(), router);
        byte[] written = new byte[frame.remaining()];
        frame.get(written);
        return HexFormat.of().formatHex(written);
    }

    @Test
    public void matchesKeepalivedsAdvertisementByteForByte() throws Exception {
        assertEquals(KEEPALIVED, frame(false));
    }

    @Test
    public void theRouterFlagChangesTheFlagsAndTheChecksumOnly() throws Exception {
        String router = frame(true);
        assertEquals("R and O", "a0", router.substring(2 * 58, 2 * 59));
        assertEquals("the checksum less 0x8000", "0f0b", router.substring(2 * 56, 2 * 58));
        assertEquals(KEEPALIVED.substring(0, 2 * 56), router.substring(0, 2 * 56));
        assertEquals(KEEPALIVED.substring(2 * 59), router.substring(2 * 59));
    }
}
