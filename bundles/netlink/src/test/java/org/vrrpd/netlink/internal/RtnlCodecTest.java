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

    @Test
    public void encodesAPrivateMacvlanCreateAsKeepalivedDoes() {
        ByteBuffer request = RtnlCodec.macvlanRequest(7, "vrrp.12", 3, MacAddress.parse("00:00:5e:00:01:0c"));
        byte[] bytes = new byte[request.remaining()];
        request.get(bytes);
        assertArrayEquals(Captured.hex(
                "5c000000" + "1000" + "0506" + "07000000" + "00000000" // nlmsghdr: RTM_NEWLINK, REQUEST|ACK|EXCL|CREATE
                + "0000" + "0000" + "00000000" + "00000000" + "00000000" // ifinfomsg: AF_UNSPEC, index 0, flags 0, change 0
                + "08000500" + "03000000"                            // IFLA_LINK: the parent, ifindex 3
                + "0c000300" + "767272702e313200"                    // IFLA_IFNAME "vrrp.12\0"
                + "0a000100" + "00005e00010c" + "0000"               // IFLA_ADDRESS 00:00:5e:00:01:0c, padded
                + "1c001200"                                         // IFLA_LINKINFO {
                + "0b000100" + "6d6163766c616e" + "00"               //   IFLA_INFO_KIND "macvlan", padded
                + "0c000200" + "08000100" + "01000000"), bytes);     //   IFLA_INFO_DATA { IFLA_MACVLAN_MODE private } }
    }

    @Test
    public void encodesLinkRequestsByName() {
        ByteBuffer up = RtnlCodec.linkUpRequest(1, "vrrp.12");
        assertEquals(16 + 16 + 12, up.remaining());
        assertEquals(Rtnetlink.RTM_NEWLINK, up.getShort(4));
        assertEquals("no CREATE: only an existing link", Rtnetlink.NLM_F_REQUEST | Rtnetlink.NLM_F_ACK, up.getShort(6));
        assertEquals("ifi_index 0: named by IFLA_IFNAME", 0, up.getInt(20));
        assertEquals("ifi_flags IFF_UP", Rtnetlink.IFF_UP, up.getInt(24));
        assertEquals("ifi_change IFF_UP", Rtnetlink.IFF_UP, up.getInt(28));
        assertEquals(Rtnetlink.IFLA_IFNAME, up.getShort(34));

        ByteBuffer mode = RtnlCodec.addrGenModeNoneRequest(2, "vrrp.12");
        byte[] tail = new byte[16];
        mode.get(16 + 16 + 12, tail);
        assertArrayEquals("IFLA_AF_SPEC { AF_INET6 { IFLA_INET6_ADDR_GEN_MODE none } }",
                Captured.hex("10001a00" + "0c000a00" + "05000800" + "01000000"), tail);

        ByteBuffer delete = RtnlCodec.deleteLinkRequest(3, "vrrp.12");
        assertEquals(Rtnetlink.RTM_DELLINK, delete.getShort(4));
        assertEquals(0, delete.getInt(24));
    }

    @Test
    public void decodesTheParentAndAliasOfALink() {
        ByteBuffer message = RtnlCodec.macvlanRequest(7, "vrrp.12", 3, MacAddress.parse("00:00:5e:00:01:0c"));
        ByteBuffer withAlias = ByteBuffer.allocate(message.remaining() + 12).order(java.nio.ByteOrder.nativeOrder());
        withAlias.put(message).putShort((short) 12).putShort((short) Rtnetlink.IFLA_IFALIAS).put("vrrpd X\0".getBytes()).flip();
        withAlias.putInt(0, withAlias.limit());
        List<RtnlMessage> out = new ArrayList<>();
        RtnlCodec.decodeAll(withAlias, out::add);
        RtnlMessage.Link link = (RtnlMessage.Link) out.get(0);
        assertEquals("vrrp.12", link.name());
        assertEquals(3, link.parentIndex());
        assertEquals("vrrpd X", link.alias());
        assertEquals("macvlan", link.kind());
        assertEquals(MacAddress.parse("00:00:5e:00:01:0c"), link.mac());
        assertNull(((RtnlMessage.Link) decodeOne("link-eth0")).alias());
    }
}
