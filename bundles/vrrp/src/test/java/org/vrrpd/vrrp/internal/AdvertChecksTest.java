package org.vrrpd.vrrp.internal;

import static org.junit.Assert.assertEquals;

import java.nio.ByteBuffer;
import java.util.Map;
import org.junit.Test;
import org.vrrpd.api.auth.AuthSession;
import org.vrrpd.api.auth.AuthVerdict;

public class AdvertChecksTest {
    private static final int AT = 20;

    /** A session that answers {@code verdict} for packets of {@code ipProtocol} with {@code headerLength} bytes of its own. */
    private static AuthSession session(int ipProtocol, int headerLength, AuthVerdict verdict) {
        return new AuthSession() {
            @Override public int ipProtocol() { return ipProtocol; }
            @Override public int headerLength() { return headerLength; }
            @Override public int authTypeCode() { return 1; }
            @Override public void writeAuthData(ByteBuffer d, int h) { }
            @Override public void seal(ByteBuffer d, int h) { }
            @Override public AuthVerdict verify(ByteBuffer d, int h) { return verdict; }
        };
    }

    /** PASS that accepts every password (the receive path is under test, not the password). */
    static final AuthSession PASS_OK = session(VrrpPacket.IP_PROTOCOL, 0, AuthVerdict.ACCEPTED);

    private static InstanceSettings settings(int advertInterval, String addresses) {
        return InstanceSettings.parse(Map.of("name", "VI_1", "interfaceName", "eth0", "vrid", 51, "priority", 100,
                "advertInterval", advertInterval, "virtualAddresses", addresses, "authType", "pass", "authPassword", "kaspike1"));
    }

    private static Verdict check(ByteBuffer advert, InstanceSettings settings, AuthSession auth) {
        return AdvertChecks.check(advert, advert.limit(), AT, settings, auth);
    }

    @Test
    public void keepalivedsAdvertIsAcceptedByAMatchingInstance() {
        assertEquals(Verdict.ACCEPTED, check(VrrpPacketTest.keepalivedAdvert(), settings(1, "192.0.2.100/24"), PASS_OK));
    }

    @Test
    public void anotherAddressListIsAcceptedButTold() {
        assertEquals(Verdict.ACCEPTED_OTHER_ADDRESSES, check(VrrpPacketTest.keepalivedAdvert(), settings(1, "192.0.2.101/24"), PASS_OK));
    }

    /** RFC 3768 §7.1 in strict mode (keepalived's vrrp_strict): another address list is dropped unless the owner (255) sent it. */
    @Test
    public void strictModeDropsAnotherAddressListUnlessFromTheOwner() {
        InstanceSettings strict = InstanceSettings.parse(Map.of("name", "VI_1", "interfaceName", "eth0", "vrid", 51, "virtualAddresses",
                "192.0.2.101/24", "strict", "true"));
        ByteBuffer unauthenticated = VrrpPacketTest.keepalivedAdvert().put(AT + 4, (byte) 0);
        VrrpPacket.sealChecksum(unauthenticated, AT, VrrpPacket.length(1));
        assertEquals(Verdict.OTHER_ADDRESSES_STRICT, check(unauthenticated, strict, NoAuth.SESSION));
        ByteBuffer owner = VrrpPacketTest.keepalivedAdvert().put(AT + 4, (byte) 0).put(AT + 2, (byte) 255);
        VrrpPacket.sealChecksum(owner, AT, VrrpPacket.length(1));
        assertEquals(Verdict.ACCEPTED_OTHER_ADDRESSES, check(owner, strict, NoAuth.SESSION));
        Counters counters = new Counters();
        counters.count(Verdict.OTHER_ADDRESSES_STRICT);
        assertEquals(1, counters.snapshot(0).addressListErrors());
    }

    @Test
    public void theChecksRunInTheRfcsOrder() {
        ByteBuffer ttl = VrrpPacketTest.keepalivedAdvert().put(8, (byte) 64);
        assertEquals("packet checks first", Verdict.TTL, check(ttl, settings(1, "192.0.2.100/24"), null));
        ByteBuffer type7 = VrrpPacketTest.keepalivedAdvert().put(AT + 4, (byte) 7);
        VrrpPacket.sealChecksum(type7, AT, VrrpPacket.length(1));
        assertEquals(Verdict.AUTH_TYPE_INVALID, check(type7, settings(1, "192.0.2.100/24"), PASS_OK));
        assertEquals("a faulted instance without its authenticator", Verdict.NO_AUTHENTICATOR,
                check(VrrpPacketTest.keepalivedAdvert(), settings(1, "192.0.2.100/24"), null));
        assertEquals("an AH instance hearing plain VRRP", Verdict.AUTH_TYPE_MISMATCH,
                check(VrrpPacketTest.keepalivedAdvert(), settings(1, "192.0.2.100/24"), session(VrrpPacket.AH_PROTOCOL, 24, AuthVerdict.ACCEPTED)));
        assertEquals(Verdict.AUTH_FAILED, check(VrrpPacketTest.keepalivedAdvert(), settings(1, "192.0.2.100/24"),
                session(VrrpPacket.IP_PROTOCOL, 0, AuthVerdict.FAILED)));
        assertEquals(Verdict.AUTH_REPLAYED, check(VrrpPacketTest.keepalivedAdvert(), settings(1, "192.0.2.100/24"),
                session(VrrpPacket.IP_PROTOCOL, 0, AuthVerdict.REPLAYED)));
        assertEquals("authentication before the interval", Verdict.AUTH_FAILED, check(VrrpPacketTest.keepalivedAdvert(),
                settings(2, "192.0.2.100/24"), session(VrrpPacket.IP_PROTOCOL, 0, AuthVerdict.FAILED)));
        assertEquals(Verdict.INTERVAL, check(VrrpPacketTest.keepalivedAdvert(), settings(2, "192.0.2.100/24"), PASS_OK));
    }

    @Test
    public void everyDropHasItsCounter() {
        Counters counters = new Counters();
        for (Verdict v : Verdict.values()) {
            counters.count(v);
        }
        var s = counters.snapshot(0);
        assertEquals(1, s.ipTtlErrors());
        assertEquals(2, s.packetLengthErrors()); // TOO_SHORT and LENGTH
        assertEquals(1, s.invalidAuthType());
        assertEquals(1, s.authTypeMismatch());
        assertEquals(1, s.authFailures());
        assertEquals(1, s.authReplays());
        assertEquals(1, s.advertisementIntervalErrors());
        assertEquals("accepted, and dropped in strict mode", 2, s.addressListErrors());
        assertEquals(1, s.checksumErrors());
        assertEquals(1, s.versionErrors());
        assertEquals(1, s.invalidTypeReceived());
    }

    private static InstanceSettings v3(String addresses) {
        return InstanceSettings.parse(Map.of("name", "V4v3", "interfaceName", "eth0", "vrid", 10, "priority", 100, "version", 3,
                "advertInterval", 1, "virtualAddresses", addresses));
    }

    @Test
    public void aVersion3InstanceTakesKeepalivedsV3AdvertWhateverItsInterval() {
        ByteBuffer ka = ByteBuffer.wrap(java.util.HexFormat.of().parseHex(VrrpPacketTest.KEEPALIVED_V3));
        assertEquals("0.1 s against our 1 s: the master's to choose", Verdict.ACCEPTED,
                AdvertChecks.check(ka, 32, AT, v3("192.0.2.110/24"), NoAuth.SESSION));
        assertEquals(Verdict.ACCEPTED_OTHER_ADDRESSES, AdvertChecks.check(ka, 32, AT, v3("192.0.2.111/24"), NoAuth.SESSION));
    }

    @Test
    public void aVersion3InstanceDropsAVersion2Advert() {
        InstanceSettings v3 = InstanceSettings.parse(Map.of("name", "VI_1", "interfaceName", "eth0", "vrid", 51, "priority", 100,
                "version", 3, "virtualAddresses", "192.0.2.100/24"));
        assertEquals(Verdict.VERSION, check(VrrpPacketTest.keepalivedAdvert(), v3, NoAuth.SESSION));
    }

    private static InstanceSettings unicast(String peers) {
        return InstanceSettings.parse(Map.of("name", "VI_1", "interfaceName", "eth0", "vrid", 51, "priority", 100,
                "virtualAddresses", "192.0.2.100/24", "authType", "pass", "authPassword", "kaspike1", "unicastPeers", peers));
    }

    @Test
    public void aUnicastInstanceTakesItsPeersOnlyWithinTheirTtlBounds() {
        ByteBuffer fromPeer = VrrpPacketTest.keepalivedAdvert(); // from 192.0.2.1
        assertEquals(Verdict.ACCEPTED, check(fromPeer, unicast("192.0.2.1"), PASS_OK));
        assertEquals(Verdict.UNKNOWN_PEER, check(fromPeer, unicast("192.0.2.9"), PASS_OK));
        fromPeer.put(8, (byte) 254); // routed over one hop
        assertEquals("any TTL by default, as keepalived", Verdict.ACCEPTED, check(fromPeer, unicast("192.0.2.1")));
        assertEquals(Verdict.ACCEPTED, check(fromPeer, unicast("192.0.2.1@254-255"), PASS_OK));
        assertEquals(Verdict.TTL, check(fromPeer, unicast("192.0.2.1@255-255"), PASS_OK));
        assertEquals("multicast keeps TTL 255", Verdict.TTL, check(fromPeer, settings(1, "192.0.2.100/24"), PASS_OK));
    }

    private static InstanceSettings unicastV6(String peers) {
        return InstanceSettings.parse(Map.of("name", "V6", "interfaceName", "eth0", "vrid", 11, "priority", 100, "version", 3,
                "virtualAddresses", "2001:db8::110/64", "unicastPeers", peers));
    }

    /** keepalived's router (fe80::cc99:64ff:fed7:3691) advertising to us, 2001:db8::2, as an IPv6 unicast peer does. */
    static ByteBuffer unicastV6Advert() {
        InstanceSettings sender = unicastV6("2001:db8::2");
        return new AdvertBuffer().next(sender, NoAuth.SESSION, 150, VrrpPacketTest.KEEPALIVED_LINK_LOCAL, sender.unicast().peers().get(0));
    }

    @Test
    public void anIpv6UnicastInstanceTakesItsPeersOnlyWithinTheirHopLimits() {
        ByteBuffer fromPeer = unicastV6Advert();
        int length = fromPeer.limit();
        assertEquals(Verdict.ACCEPTED, AdvertChecks.check(fromPeer, length, 40, unicastV6("fe80::cc99:64ff:fed7:3691"), null));
        assertEquals("the same interface identifier under another prefix is another router", Verdict.UNKNOWN_PEER,
                AdvertChecks.check(fromPeer, length, 40, unicastV6("2001:db8::cc99:64ff:fed7:3691"), null));
        fromPeer.put(7, (byte) 254); // routed over one hop (the checksum does not cover the hop limit)
        assertEquals("any hop limit by default, as keepalived", Verdict.ACCEPTED,
                AdvertChecks.check(fromPeer, length, 40, unicastV6("fe80::cc99:64ff:fed7:3691"), null));
        assertEquals(Verdict.ACCEPTED, AdvertChecks.check(fromPeer, length, 40, unicastV6("fe80::cc99:64ff:fed7:3691@254-255"), null));
        assertEquals(Verdict.TTL, AdvertChecks.check(fromPeer, length, 40, unicastV6("fe80::cc99:64ff:fed7:3691@255-255"), null));
        assertEquals("multicast keeps hop limit 255", Verdict.TTL, AdvertChecks.check(fromPeer, length, 40, VrrpPacketTest.ipv6Instance(), null));
    }

    private static Verdict check(ByteBuffer advert, InstanceSettings settings) {
        return check(advert, settings, PASS_OK);
    }
}
