package org.vrrpd.vrrp.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import org.vrrpd.api.vrrp.VirtualAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.Test;
import org.vrrpd.kernel.Ipv4;
import org.vrrpd.lab.NetLab;

public class VrrpPacketTest {
    /** keepalived 2.2.7's advert from ../shared/reference (VRID 51, priority 150, PASS "kaspike1", 192.0.2.100), IP header onwards. */
    private static final String KEEPALIVED_ADVERT = "45c000280001000" + "0ff701891c0000201e0000012"
            + "2133960101" + "01d7f6c00002646b61737069" + "6b6531";

    /** keepalived's PASS advert as it arrives: IP header and VRRP message, 40 bytes. */
    static ByteBuffer keepalivedAdvert() {
        return ByteBuffer.wrap(hex(KEEPALIVED_ADVERT));
    }

    private static byte[] hex(String hex) {
        byte[] b = new byte[hex.length() / 2];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        return b;
    }

    /** Our encoding of keepalived's advert: the IP header as the kernel completes it, then VRRP. */
    private static ByteBuffer ourAdvert() {
        ByteBuffer buf = ByteBuffer.allocate(40);
        VrrpPacket.writeIpHeader(buf, 40, 1, VrrpPacket.IP_PROTOCOL, Ipv4.parse("192.0.2.1"), Ipv4.VRRP_GROUP);
        buf.putShort(10, (short) Checksum.of(buf, 0, 20)); // done by the kernel on the wire
        VrrpPacket.writeAdvertisement(buf, 20, 51, 150, 1, 1, List.of(VirtualAddress.parse("192.0.2.100")));
        buf.put(20 + 12, "kaspike1".getBytes(StandardCharsets.US_ASCII)); // what the PASS authenticator writes
        VrrpPacket.sealChecksum(buf, 20, VrrpPacket.length(1));
        return buf;
    }

    @Test
    public void encodesKeepalivedsAdvertByteForByte() {
        assertArrayEquals(hex(KEEPALIVED_ADVERT), ourAdvert().array());
    }

    /** keepalived 2.2.7's VRRPv3 advert over IPv4 (VRID 10, priority 150, advert_int 0.1, 192.0.2.110), IP header and VRRP. */
    static final String KEEPALIVED_V3 = "45c0002000010000ff701899c0000201e0000012" + "310a9601000ad3eac000026e";

    @Test
    public void encodesKeepalivedsVrrpv3AdvertByteForByte() {
        InstanceSettings v3 = InstanceSettings.parse(java.util.Map.of("name", "V4v3", "interfaceName", "eth0", "vrid", 10, "priority", 150,
                "version", 3, "advertInterval", "0.1", "virtualAddresses", "192.0.2.110/24"));
        ByteBuffer ours = new AdvertBuffer().next(v3, NoAuth.SESSION, 150, Ipv4.parse("192.0.2.1"), null);
        byte[] bytes = new byte[ours.remaining()];
        ours.get(bytes);
        ByteBuffer withIpChecksum = ByteBuffer.wrap(bytes);
        withIpChecksum.putShort(10, (short) Checksum.of(withIpChecksum, 0, 20)); // done by the kernel on the wire
        assertArrayEquals(hex(KEEPALIVED_V3), bytes);
    }

    @Test
    public void keepalivedsVrrpv3AdvertPassesTheV3ChecksOnly() {
        ByteBuffer ka = ByteBuffer.wrap(hex(KEEPALIVED_V3));
        assertEquals("checksum over the IPv4 pseudo-header", Verdict.ACCEPTED, VrrpPacket.check(ka, 32, 20, 3));
        assertEquals(3, VrrpPacket.version(ka, 20));
        assertEquals(10, VrrpPacket.maxAdverCentis(ka, 20));
        assertEquals(Verdict.VERSION, VrrpPacket.check(ka, 32, 20, 2));
        ka.put(16 + 3, (byte) 19); // another destination: the pseudo-header no longer matches
        assertEquals(Verdict.CHECKSUM, VrrpPacket.check(ka, 32, 20, 3));
    }

    /**
     * keepalived 2.2.7's VRRPv3 advert over IPv6 (VRID 11, priority 150, advert_int 1, 2001:db8::110,
     * from fe80::cc99:64ff:fed7:3691): IPv6 header and VRRP, its kernel-chosen flow label 0x20af4 cleared.
     */
    static final String KEEPALIVED_V6 = "6c000000001870ff" + "fe80000000000000cc9964fffed73691" + "ff020000000000000000000000000012"
            + "310b96010064a4a5" + "20010db8000000000000000000000110";
    static final long KEEPALIVED_LINK_LOCAL = 0xcc99_64ff_fed7_3691L;

    static InstanceSettings ipv6Instance() {
        return InstanceSettings.parse(java.util.Map.of("name", "V6", "interfaceName", "eth0", "vrid", 11, "priority", 150,
                "version", 3, "virtualAddresses", "2001:db8::110/64"));
    }

    private static byte[] ourIpv6Advert() {
        ByteBuffer ours = new AdvertBuffer().next(ipv6Instance(), NoAuth.SESSION, 150, KEEPALIVED_LINK_LOCAL, null);
        byte[] bytes = new byte[ours.remaining()];
        ours.get(bytes);
        return bytes;
    }

    @Test
    public void encodesKeepalivedsVrrpv3Ipv6AdvertByteForByte() {
        assertArrayEquals("the header our IPv6 socket hands the kernel, and the message", hex(KEEPALIVED_V6), ourIpv6Advert());
    }

    @Test
    public void keepalivedsIpv6AdvertPassesTheChecksAndDecodes() {
        ByteBuffer ka = ByteBuffer.wrap(hex(KEEPALIVED_V6));
        assertEquals(40, VrrpPacket.vrrpOffset(ka, 64));
        assertEquals("checksum over the IPv6 pseudo-header", Verdict.ACCEPTED, VrrpPacket.check(ka, 64, 40, 3));
        assertEquals(Verdict.ACCEPTED, AdvertChecks.check(ka, 64, 40, ipv6Instance(), NoAuth.SESSION));
        assertEquals("the sender, by its link-local interface identifier", KEEPALIVED_LINK_LOCAL, VrrpPacket.sourceKey(ka));
        assertEquals("fe80::cc99:64ff:fed7:3691", RouterAddress.sourceText(ka));
        assertEquals(100, VrrpPacket.maxAdverCentis(ka, 40));
        InstanceSettings other = InstanceSettings.parse(java.util.Map.of("name", "V6", "interfaceName", "eth0", "vrid", 11,
                "version", 3, "virtualAddresses", "2001:db8::111/64"));
        assertEquals(Verdict.ACCEPTED_OTHER_ADDRESSES, AdvertChecks.check(ka, 64, 40, other, NoAuth.SESSION));
        assertEquals("too short for its address", Verdict.LENGTH, VrrpPacket.check(ka, 63, 40, 3));
        ka.put(7, (byte) 254);
        assertEquals("a routed advert: hop limit 254", Verdict.TTL, VrrpPacket.check(ka, 64, 40, 3));
        ka.put(7, (byte) 255).put(39, (byte) 1);
        assertEquals("another destination: the pseudo-header no longer matches", Verdict.CHECKSUM, VrrpPacket.check(ka, 64, 40, 3));
        ka.put(39, (byte) 0x12).put(6, (byte) 17);
        assertEquals("not VRRP", -1, VrrpPacket.vrrpOffset(ka, 64));
    }

    @Test
    public void tsharkDecodesOurIpv6AdvertAsVrrpv3WithAGoodChecksum() throws Exception {
        Path pcap = Pcap.write(Files.createTempFile("advert6", ".pcap"), ourIpv6Advert());
        try {
            String fields = NetLab.host("tshark", "-r", pcap.toString(), "-T", "fields",
                    "-e", "vrrp.version", "-e", "vrrp.type", "-e", "vrrp.virt_rtr_id", "-e", "vrrp.prio", "-e", "vrrp.short_adver_int",
                    "-e", "vrrp.checksum.status", "-e", "vrrp.ipv6_addr", "-e", "ipv6.hlim", "-e", "ipv6.dst").check().stdout().trim();
            assertEquals("3\t1\t11\t150\t100\t1\t2001:db8::110\t255\tff02::12", fields);
        } finally {
            Files.delete(pcap);
        }
    }

    /**
     * To a unicast peer: its address in the header's destination, so in the pseudo-header the checksum
     * covers (RFC 5798 §5.2.8; keepalived lets the kernel compute it over the same, IPV6_CHECKSUM),
     * and unicastTtl as the hop limit; from unicastSource when set.
     */
    @Test
    public void anIpv6UnicastAdvertGoesToItsPeerWithItsHopLimitAndAChecksumOverThatDestination() throws Exception {
        InstanceSettings s = InstanceSettings.parse(java.util.Map.of("name", "V6", "interfaceName", "eth0", "vrid", 11, "priority", 150,
                "version", 3, "virtualAddresses", "2001:db8::110/64", "unicastPeers", "2001:db8:1::2", "unicastSource", "2001:db8::1",
                "unicastTtl", 254));
        ByteBuffer ours = new AdvertBuffer().next(s, NoAuth.SESSION, 150, s.unicast().sourceLow(), s.unicast().peers().get(0));
        assertEquals("hop limit", 254, ours.get(7) & 0xff);
        assertEquals("2001:db8::1", RouterAddress.sourceText(ours));
        assertEquals("to the peer", 0x2001_0db8_0001_0000L, ours.getLong(24));
        assertEquals(2L, ours.getLong(32));
        assertEquals(Verdict.ACCEPTED, VrrpPacket.check(ours, ours.limit(), 40, 3, 254, 254));
        ours.putLong(24, VrrpPacket.IPV6_GROUP_HIGH).putLong(32, VrrpPacket.IPV6_GROUP_LOW);
        assertEquals("the same advert read as sent to ff02::12: the pseudo-header differs", Verdict.CHECKSUM,
                VrrpPacket.check(ours, ours.limit(), 40, 3, 254, 254));
        byte[] bytes = new byte[ours.limit()];
        ByteBuffer fresh = new AdvertBuffer().next(s, NoAuth.SESSION, 150, s.unicast().sourceLow(), s.unicast().peers().get(0));
        fresh.get(bytes);
        Path pcap = Pcap.write(Files.createTempFile("unicast6", ".pcap"), bytes);
        try {
            String fields = NetLab.host("tshark", "-r", pcap.toString(), "-T", "fields", "-e", "vrrp.version", "-e", "vrrp.checksum.status",
                    "-e", "ipv6.hlim", "-e", "ipv6.src", "-e", "ipv6.dst").check().stdout().trim();
            assertEquals("tshark checks the checksum on its own", "3\t1\t254\t2001:db8::1\t2001:db8:1::2", fields);
        } finally {
            Files.delete(pcap);
        }
    }

    @Test
    public void keepalivedsAdvertPassesTheChecksAndDecodes() {
        ByteBuffer ka = ByteBuffer.wrap(hex(KEEPALIVED_ADVERT));
        assertEquals(Verdict.ACCEPTED, VrrpPacket.check(ka, 40, 20));
        assertEquals(51, VrrpPacket.vrid(ka, 20));
        assertEquals(150, VrrpPacket.priority(ka, 20));
        assertEquals(1, VrrpPacket.authType(ka, 20));
        assertEquals(1, VrrpPacket.advertInterval(ka, 20));
        assertEquals(Ipv4.parse("192.0.2.100"), VrrpPacket.address(ka, 20, 0));
        assertEquals(Ipv4.parse("192.0.2.1"), VrrpPacket.ipSource(ka));
    }

    private static Verdict checkMutated(int offset, int value, int received) {
        ByteBuffer buf = ourAdvert();
        buf.put(offset, (byte) value);
        return VrrpPacket.check(buf, received, 20);
    }

    @Test
    public void theVrrpMessageIsFoundBehindAnAhHeader() {
        ByteBuffer ah = ByteBuffer.wrap(hex("45c0004000010000ff3318b6c0000201e0000012" + "70040000c000020100000001"
                + "66c44714d16bcab1c07b9cdd" + "2133960102018465c0000264" + "0000000000000000"));
        assertEquals("keepalived's AH advert: IP 20 + AH 24", 44, VrrpPacket.vrrpOffset(ah, 64));
        assertEquals(Verdict.ACCEPTED, VrrpPacket.check(ah, 64, 44));
        assertEquals(51, VrrpPacket.vrid(ah, 44));
        assertEquals("cut short", -1, VrrpPacket.vrrpOffset(ah, 50));
        ah.put(20, (byte) 6); // AH carrying TCP
        assertEquals(-1, VrrpPacket.vrrpOffset(ah, 64));
        assertEquals(20, VrrpPacket.vrrpOffset(ByteBuffer.wrap(hex(KEEPALIVED_ADVERT)), 40));
        ByteBuffer udp = ByteBuffer.wrap(hex(KEEPALIVED_ADVERT)).put(9, (byte) 17);
        assertEquals(-1, VrrpPacket.vrrpOffset(udp, 40));
    }

    @Test
    public void eachMalformationIsRejectedForItsOwnReason() {
        assertEquals(Verdict.TTL, checkMutated(8, 254, 40));
        assertEquals(Verdict.VERSION, checkMutated(20, 0x31, 40));
        assertEquals(Verdict.TYPE, checkMutated(20, 0x22, 40));
        assertEquals("an address count the packet cannot hold", Verdict.LENGTH, checkMutated(23, 200, 40));
        assertEquals(Verdict.CHECKSUM, checkMutated(22, 151, 40));
        assertEquals("truncated in the auth data", Verdict.LENGTH, checkMutated(22, 150, 36));
        assertEquals(Verdict.TOO_SHORT, checkMutated(22, 150, 24));
    }

    @Test
    public void trailingBytesAfterTheMessageAreTolerated() {
        ByteBuffer padded = ByteBuffer.allocate(46);
        padded.put(ourAdvert().array());
        padded.putShort(2, (short) 46);
        assertEquals(Verdict.ACCEPTED, VrrpPacket.check(padded, 46, 20));
    }

    @Test
    public void manyAddressesEncodeAndCheck() {
        int[] addresses = new int[VrrpPacket.MAX_ADDRESSES];
        for (int i = 0; i < addresses.length; i++) {
            addresses[i] = Ipv4.parse("198.51.100.0") + i;
        }
        int length = VrrpPacket.length(addresses.length);
        ByteBuffer buf = ByteBuffer.allocate(20 + length);
        VrrpPacket.writeIpHeader(buf, 20 + length, 7, VrrpPacket.IP_PROTOCOL, Ipv4.parse("192.0.2.1"), Ipv4.VRRP_GROUP);
        VrrpPacket.writeAdvertisement(buf, 20, 9, 100, 0, 1, Arrays.stream(addresses).mapToObj(a -> VirtualAddress.of(Ipv4.toInet(a), 32)).toList());
        VrrpPacket.sealChecksum(buf, 20, length);
        assertEquals(Verdict.ACCEPTED, VrrpPacket.check(buf, 20 + length, 20));
        assertEquals(addresses[254], VrrpPacket.address(buf, 20, 254));
    }

    @Test
    public void tsharkDecodesOurAdvertWithAGoodChecksum() throws Exception {
        Path pcap = Pcap.write(Files.createTempFile("advert", ".pcap"), ourAdvert().array());
        try {
            String decode = NetLab.host("tshark", "-r", pcap.toString(), "-o", "ip.check_checksum:TRUE",
                    "-V").check().stdout();
            for (String expected : new String[] {"Version 2, Packet type 1 (Advertisement)", "Virtual Rtr ID: 51",
                    "Priority: 150", "Addr Count: 1", "Adver Int: 1", "IP Address: 192.0.2.100",
                    "Authentication String: kaspike1", "[Checksum Status: Good]", "Time to Live: 255"}) {
                assertTrue(expected + " in\n" + decode, decode.contains(expected));
            }
        } finally {
            Files.delete(pcap);
        }
    }
}
