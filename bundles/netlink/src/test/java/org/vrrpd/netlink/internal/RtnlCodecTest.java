package org.vrrpd.netlink.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.Test;
import org.vrrpd.api.net.InterfaceFlags;
import org.vrrpd.api.net.MacAddress;

public class RtnlCodecTest {
    private static RtnlMessage decodeOne(String name) {
        List<RtnlMessage> out = new ArrayList<>();
        RtnlCodec.decodeAll(Captured.message(name), out::add);
        assertEquals(name, 1, out.size());
        return out.get(0);
    }

    @Test
    public void decodesARealVethLink() {
        RtnlMessage.Link link = (RtnlMessage.Link) decodeOne("link-eth0");
        assertFalse(link.deleted());
        assertEquals("eth0", link.name());
        assertEquals(3, link.index());
        assertEquals(MacAddress.parse("02:00:5e:10:00:01"), link.mac());
        assertEquals(1500, link.mtu());
        assertEquals("UP", link.operState());
        assertEquals("veth", link.kind());
        int expected = InterfaceFlags.IFF_UP | InterfaceFlags.IFF_BROADCAST | InterfaceFlags.IFF_RUNNING
                | InterfaceFlags.IFF_MULTICAST | InterfaceFlags.IFF_LOWER_UP;
        assertEquals(expected, link.flags());
    }

    @Test
    public void decodesPrimaryAndLabelledSecondaryIpv4() throws Exception {
        RtnlMessage.Address primary = (RtnlMessage.Address) decodeOne("addr-192.0.2.1");
        assertEquals(InetAddress.getByName("192.0.2.1"), primary.address());
        assertEquals(24, primary.prefixLength());
        assertFalse(primary.secondary());
        assertEquals("eth0", primary.label());
        assertEquals(3, primary.index());

        RtnlMessage.Address secondary = (RtnlMessage.Address) decodeOne("addr-192.0.2.50-secondary");
        assertEquals(InetAddress.getByName("192.0.2.50"), secondary.address());
        assertTrue(secondary.secondary());
        assertEquals("eth0:vip", secondary.label());
    }

    @Test
    public void decodesIpv6WithoutLabel() throws Exception {
        RtnlMessage.Address v6 = (RtnlMessage.Address) decodeOne("addr-2001:db8::1");
        assertEquals(InetAddress.getByName("2001:db8::1"), v6.address());
        assertEquals(64, v6.prefixLength());
        assertFalse("IFA_F_SECONDARY means temporary in IPv6, never secondary", v6.secondary());
        assertNull(v6.label());
        assertEquals("IFA_F_NODAD from the 32-bit IFA_FLAGS", Rtnetlink.IFA_F_NODAD, v6.flags() & Rtnetlink.IFA_F_NODAD);
    }

    @Test
    public void decodesADeleteBroadcast() throws Exception {
        RtnlMessage.Address deleted = (RtnlMessage.Address) decodeOne("deladdr-192.0.2.50");
        assertTrue(deleted.deleted());
        assertEquals(InetAddress.getByName("192.0.2.50"), deleted.address());
    }

    @Test
    public void truncatedMessagesAreRejectedWithWhereTheyBroke() {
        ByteBuffer link = Captured.message("link-eth0");
        for (int cut : new int[] {20, 40, link.limit() - 3}) {
            ByteBuffer truncated = link.duplicate().order(link.order());
            truncated.limit(cut);
            try {
                RtnlCodec.decodeAll(truncated, m -> { });
                fail("cut at " + cut + " must be rejected");
            } catch (RtnlCodec.MalformedMessage expected) {
                assertTrue(expected.getMessage(), expected.getMessage().contains("length"));
            }
        }
    }

    @Test
    public void anAttributeRunningPastItsMessageIsRejected() {
        ByteBuffer addr = Captured.message("addr-192.0.2.1");
        addr.putShort(16 + 8, (short) 0x7fff); // first rtattr claims 32 KiB
        try {
            RtnlCodec.decodeAll(addr, m -> { });
            fail();
        } catch (RtnlCodec.MalformedMessage expected) {
            assertTrue(expected.getMessage(), expected.getMessage().startsWith("attribute 1 length 32767"));
        }
    }

    @Test
    public void encodesAnExclusiveAddressCreateWithAck() throws Exception {
        ByteBuffer request = RtnlCodec.addressRequest(true, 0x01020304, 3, InetAddress.getByName("192.0.2.100"), 24, null);
        byte[] bytes = new byte[request.remaining()];
        request.get(bytes);
        assertArrayEquals(Captured.hex(
                "28000000" + "1400" + "0506" + "04030201" + "00000000" // nlmsghdr: RTM_NEWADDR, REQUEST|ACK|EXCL|CREATE
                + "02180000" + "03000000"                              // ifaddrmsg: AF_INET /24, ifindex 3
                + "08000200c0000264"                                   // IFA_LOCAL 192.0.2.100
                + "08000100c0000264"), bytes);                         // IFA_ADDRESS 192.0.2.100
    }

    /** keepalived's address options: the scope in ifaddrmsg, the label and IFA_BROADCAST as attributes. */
    @Test
    public void encodesScopeLabelAndBroadcast() throws Exception {
        ByteBuffer request = RtnlCodec.addressRequest(AddressChange.ADD, 2, 3, new org.vrrpd.api.net.InterfaceAddress(
                InetAddress.getByName("192.0.2.100"), 24, false, "eth0:v", 253, InetAddress.getByName("192.0.2.255")), 0);
        byte[] bytes = new byte[request.remaining()];
        request.get(bytes);
        assertArrayEquals(Captured.hex(
                "3c000000" + "1400" + "0506" + "02000000" + "00000000" // nlmsghdr: RTM_NEWADDR, REQUEST|ACK|EXCL|CREATE
                + "021800fd" + "03000000"                              // ifaddrmsg: AF_INET /24, scope link (253), ifindex 3
                + "08000200c0000264"                                   // IFA_LOCAL 192.0.2.100
                + "08000100c0000264"                                   // IFA_ADDRESS 192.0.2.100
                + "0b000300657468303a760000"                           // IFA_LABEL "eth0:v", padded
                + "08000400c00002ff"), bytes);                         // IFA_BROADCAST 192.0.2.255
        RtnlMessage.Address decoded = RtnlCodec.decodeAddress(Rtnetlink.RTM_NEWADDR,
                ByteBuffer.wrap(bytes, 16, bytes.length - 16).slice().order(java.nio.ByteOrder.nativeOrder()));
        assertEquals(253, decoded.scope());
        assertEquals(InetAddress.getByName("192.0.2.255"), decoded.broadcast());
        assertEquals("eth0:v", decoded.label());
    }

    @Test
    public void encodesAnIpv6DeleteWithoutDad() throws Exception {
        ByteBuffer request = RtnlCodec.addressRequest(false, 1, 7, InetAddress.getByName("2001:db8::64"), 64, "ignored");
        assertEquals(16 + 8 + 20, request.remaining());
        assertEquals(Rtnetlink.RTM_DELADDR, request.getShort(4));
        assertEquals("REQUEST|ACK only", Rtnetlink.NLM_F_REQUEST | Rtnetlink.NLM_F_ACK, request.getShort(6));
        assertEquals(Rtnetlink.AF_INET6, request.get(16));
        assertEquals(Rtnetlink.IFA_F_NODAD, request.get(18));
    }

    @Test
    public void encodesALeaseAsCreateOrReplaceWithCacheInfo() throws Exception {
        ByteBuffer request = RtnlCodec.addressRequest(AddressChange.LEASE, 9, 3, InetAddress.getByName("192.0.2.100"), 32, null, 5);
        byte[] bytes = new byte[request.remaining()];
        request.get(bytes);
        assertArrayEquals(Captured.hex(
                "3c000000" + "1400" + "0505" + "09000000" + "00000000" // nlmsghdr: RTM_NEWADDR, REQUEST|ACK|REPLACE|CREATE
                + "02200000" + "03000000"                              // ifaddrmsg: AF_INET /32, ifindex 3
                + "08000200c0000264"                                   // IFA_LOCAL 192.0.2.100
                + "08000100c0000264"                                   // IFA_ADDRESS 192.0.2.100
                + "14000600" + "05000000" + "05000000"                 // IFA_CACHEINFO: preferred 5 s, valid 5 s,
                + "00000000" + "00000000"), bytes);                    //   cstamp, tstamp (the kernel's to fill)
    }

    @Test
    public void aLeaseOfZeroIsForeverAndAnImpossibleOneIsRefused() throws Exception {
        ByteBuffer request = RtnlCodec.addressRequest(AddressChange.LEASE, 1, 7, InetAddress.getByName("2001:db8::64"), 64, null, 0);
        assertEquals(16 + 8 + 20 + 20, request.remaining());
        assertEquals(Rtnetlink.IFA_CACHEINFO, request.getShort(16 + 8 + 20 + 2));
        assertEquals("preferred: INFINITY_LIFE_TIME", -1, request.getInt(16 + 8 + 20 + 4));
        assertEquals("valid: INFINITY_LIFE_TIME", -1, request.getInt(16 + 8 + 20 + 8));
        try {
            RtnlCodec.addressRequest(AddressChange.LEASE, 1, 7, InetAddress.getByName("192.0.2.1"), 24, null, 0xffffffffL);
            fail("a lifetime the kernel reads as infinite must be refused");
        } catch (IllegalArgumentException expected) {
            assertTrue(expected.getMessage(), expected.getMessage().startsWith("address lifetime 4294967295 s"));
        }
    }
}
