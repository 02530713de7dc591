package org.vrrpd.snmp.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.assertThrows;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.Test;

public class AgentxCodecTest {
    private static byte[] hex(String text) {
        return HexFormat.of().parseHex(text.replaceAll("\\s", ""));
    }

    /** RFC 2741 §5.1's example: 1.3.6.1.2.1.1.1.0 is sent as prefix 2 and the sub-identifiers 1.1.1.0. */
    @Test
    public void registerUsesTheInternetPrefixAsRfc2741Says() {
        byte[] pdu = AgentxCodec.register(7, 2, Oid.parse("1.3.6.1.2.1.1.1.0"));
        assertArrayEquals(hex("""
                01 03 10 00  00000007 00000000 00000002 00000018
                00 7f 00 00
                04 02 00 00  00000001 00000001 00000001 00000000"""), pdu);
    }

    /** An OID outside 1.3.6.1.X (X ≤ 255) goes whole, prefix 0; the null OID is four zero bytes (§5.1). */
    @Test
    public void openCarriesTimeoutIdAndDescriptionPadded() {
        byte[] pdu = AgentxCodec.open(1, 5, Oid.NULL, "vrrpd");
        assertArrayEquals(hex("""
                01 01 10 00  00000000 00000000 00000001 00000014
                05 00 00 00
                00 00 00 00
                00000005 76 72 72 70 64 000000"""), pdu);
        assertArrayEquals(hex("02 00 00 00 00000001 00000002"),
                Arrays.copyOfRange(AgentxCodec.register(1, 1, Oid.parse("1.2")), 24, 36));
    }

    /** A GetNext as snmpd sends it (little-endian host, no NETWORK_BYTE_ORDER flag): start with include, an end OID. */
    @Test
    public void decodesALittleEndianGetNextFromTheMaster() {
        byte[] frame = hex("""
                01 06 00 00  2a000000 05000000 09000000 24000000
                03 02 01 00  44000000 01000000 03000000
                04 02 00 00  44000000 01000000 03000000 02000000""");
        Pdu p = AgentxCodec.decode(frame);
        assertEquals(Pdu.GET_NEXT, p.type());
        assertEquals(42, p.sessionId());
        assertEquals(5, p.transactionId());
        assertEquals(9, p.packetId());
        assertEquals(1, p.ranges().size());
        assertEquals(Oid.parse("1.3.6.1.2.68.1.3"), p.ranges().get(0).start());
        assertTrue(p.ranges().get(0).include());
        assertEquals(Oid.parse("1.3.6.1.2.68.1.3.2"), p.ranges().get(0).end());
    }

    /**
     * What Debian's snmpd 5.9.3 sent a subagent (captured on its AgentX socket): the answer to an
     * Open (session 5, sysUpTime 1.70 s), to a Register of 1.3.6.1.2.1.68, and the GetNext of
     * {@code snmpgetnext .1.3.6.1.2.1.68.1.3}, bounded by the end of the registered subtree.
     */
    @Test
    public void decodesWhatSnmpdSends() {
        Pdu opened = AgentxCodec.decode(hex("""
                01 12 10 00  00000005 00000000 00000001 00000024
                000000aa 0000 0000
                0004 0000  02 00 00 00 00000000 00000000  00000005 76 72 72 70 64 000000"""));
        assertEquals(Pdu.RESPONSE, opened.type());
        assertEquals(5, opened.sessionId());
        assertEquals(170, opened.sysUpTime());
        assertEquals(Pdu.NO_ERROR, opened.error());
        Pdu registered = AgentxCodec.decode(hex("""
                01 12 10 00  00000005 00000000 00000002 00000018
                000000aa 0000 0000
                0005 0000  02 02 00 00 00000001 00000044"""));
        assertEquals(2, registered.packetId());
        assertEquals(VrrpMib.ROOT, registered.varBinds().get(0).name());
        Pdu next = AgentxCodec.decode(hex("""
                01 06 10 00  00000005 00000001 00000002 00000020
                04 02 00 00  00000001 00000044 00000001 00000003
                02 02 00 00  00000001 00000045"""));
        assertEquals(Pdu.GET_NEXT, next.type());
        assertEquals(1, next.transactionId());
        assertEquals(new Pdu.SearchRange(Oid.parse("1.3.6.1.2.1.68.1.3"), false, Oid.parse("1.3.6.1.2.1.69")), next.ranges().get(0));
    }

    @Test
    public void decodesABigEndianGetBulk() {
        byte[] frame = hex("""
                01 07 10 00  00000001 00000002 00000003 00000014
                0000 000a
                02 02 00 00  00000044 00000001
                00 00 00 00""");
        Pdu p = AgentxCodec.decode(frame);
        assertEquals(Pdu.GET_BULK, p.type());
        assertEquals(0, p.nonRepeaters());
        assertEquals(10, p.maxRepetitions());
        assertFalse(p.ranges().get(0).include());
        assertTrue(p.ranges().get(0).end().isNull());
    }

    /** A Response round-trips with every value type we send (and the master's res.sysUpTime is read). */
    @Test
    public void responseRoundTrips() {
        Oid name = Oid.parse("1.3.6.1.2.1.68.1.3.1.7.2.51");
        List<VarBind> binds = List.of(VarBind.integer(name, -3), VarBind.counter(name, 0x1_0000_0005L), VarBind.timeTicks(name, 4242),
                VarBind.ipAddress(name, new byte[] {(byte) 192, 0, 2, 1}), VarBind.octets(name, new byte[] {0, 0x5e, 0, 1, 1}),
                VarBind.oid(name, VrrpMib.TRAP_NEW_MASTER), VarBind.exception(name, VarBind.END_OF_MIB_VIEW));
        byte[] frame = AgentxCodec.response(9, 8, 7, 0, 0, binds);
        frame[20 + 3] = 100; // as if the master had put its sysUpTime in
        Pdu p = AgentxCodec.decode(frame);
        assertEquals(Pdu.RESPONSE, p.type());
        assertEquals(100, p.sysUpTime());
        assertEquals(binds.size(), p.varBinds().size());
        assertEquals(-3L, p.varBinds().get(0).value());
        assertEquals(5L, p.varBinds().get(1).value());
        assertEquals(4242L, p.varBinds().get(2).value());
        assertArrayEquals(new byte[] {(byte) 192, 0, 2, 1}, (byte[]) p.varBinds().get(3).value());
        assertArrayEquals(new byte[] {0, 0x5e, 0, 1, 1}, (byte[]) p.varBinds().get(4).value());
        assertEquals(VrrpMib.TRAP_NEW_MASTER, p.varBinds().get(5).value());
        assertEquals(VarBind.END_OF_MIB_VIEW, p.varBinds().get(6).type());
        assertEquals(name, p.varBinds().get(6).name());
    }

    @Test
    public void brokenInputIsRefusedSayingWhere() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> AgentxCodec.decode(
                hex("01 05 10 00 00000001 00000000 00000001 00000004 05020000"))).getMessage().contains("truncated"));
        assertThrows(IllegalArgumentException.class, () -> AgentxCodec.payloadLength(hex("02 05 10 00 00000001 00000000 00000001 00000000")));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> AgentxCodec.payloadLength(
                hex("01 05 10 00 00000001 00000000 00000001 7fffffff"))).getMessage().contains("bad payload length"));
    }
}
