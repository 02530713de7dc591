package org.vrrpd.lvs.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assume.assumeTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HexFormat;
import org.junit.Before;
import org.junit.Test;

/** Byte-for-byte against the UAPI layout (struct nlmsghdr, genlmsghdr, nlattr; linux/ip_vs.h numbers), little-endian host. */
public class IpvsMessagesTest {
    @Before
    public void littleEndian() {
        assumeTrue(ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN);
    }

    private static String hex(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.duplicate().get(out);
        return HexFormat.of().formatHex(out);
    }

    @Test
    public void getFamilyAsksTheControllerForIpvs() {
        assertEquals("20000000" + "1000" + "0500" + "01000000" + "00000000" // nlmsghdr: 32 bytes, GENL_ID_CTRL, REQUEST|ACK, seq 1
                + "03020000" // genlmsghdr: CTRL_CMD_GETFAMILY, version 2
                + "0900" + "0200" + "4950565300" + "000000", // CTRL_ATTR_FAMILY_NAME "IPVS\0", padded
                hex(IpvsMessages.getFamily(1)));
    }

    @Test
    public void newDaemonCarriesStateInterfaceAndSyncIdNested() {
        assertEquals("34000000" + "1b00" + "0500" + "02000000" + "00000000"
                + "09010000" // IPVS_CMD_NEW_DAEMON, IPVS_GENL_VERSION 1
                + "2000" + "0380" // IPVS_CMD_ATTR_DAEMON | NLA_F_NESTED, 32 bytes
                + "0800" + "0100" + "01000000" // IPVS_DAEMON_ATTR_STATE = IP_VS_STATE_MASTER
                + "0900" + "0200" + "6574683000" + "000000" // IPVS_DAEMON_ATTR_MCAST_IFN "eth0\0"
                + "0800" + "0300" + "33000000", // IPVS_DAEMON_ATTR_SYNC_ID 51
                hex(IpvsMessages.daemon(0x1b, true, IpvsMessages.IP_VS_STATE_MASTER, "eth0", 51, 2)));
    }

    @Test
    public void delDaemonNeedsOnlyTheState() {
        assertEquals("20000000" + "1b00" + "0500" + "03000000" + "00000000" + "0a010000"
                + "0c00" + "0380" + "0800" + "0100" + "02000000",
                hex(IpvsMessages.daemon(0x1b, false, IpvsMessages.IP_VS_STATE_BACKUP, "", 0, 3)));
    }

    @Test
    public void readsTheFamilyIdOrTheError() {
        ByteBuffer family = ByteBuffer.allocate(64).order(ByteOrder.nativeOrder());
        family.putInt(40).putShort((short) 0x10).putShort((short) 0).putInt(1).putInt(0).putInt(0x00020001)
                .putShort((short) 9).putShort((short) 2).put("IPVS\0".getBytes()).put(new byte[3])
                .putShort((short) 6).putShort((short) 1).putShort((short) 0x1b).putShort((short) 0);
        assertEquals(0x1b, IpvsMessages.familyIdOrError(family.flip()));
        ByteBuffer error = ByteBuffer.allocate(36).order(ByteOrder.nativeOrder());
        error.putInt(36).putShort((short) 2).putShort((short) 0).putInt(1).putInt(0).putInt(-2).put(new byte[16]);
        assertEquals(-2, IpvsMessages.familyIdOrError(error.flip()));
        assertEquals(-2, IpvsMessages.ackError(error));
    }
}
