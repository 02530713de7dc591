package org.vrrpd.vrrp.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.Test;
import org.vrrpd.kernel.Ipv4;

public class InstanceSettingsTest {
    private static Map<String, Object> valid() {
        Map<String, Object> p = new HashMap<>();
        p.put("name", "VI_1");
        p.put("interfaceName", "eth0");
        p.put("vrid", "51");
        p.put("priority", 150);
        p.put("virtualAddresses", "192.0.2.100/24, 192.0.2.101");
        p.put("authType", "PASS");
        p.put("authPassword", "kaspike1");
        return p;
    }

    @Test
    public void readsAKeepalivedLikeInstanceWithDefaults() {
        InstanceSettings s = InstanceSettings.parse(valid());
        assertEquals("VI_1", s.name());
        assertEquals(51, s.vrid());
        assertEquals(150, s.priority());
        assertEquals(2, s.version());
        assertEquals(100, s.advertCentis());
        assertEquals(List.of("192.0.2.100/24", "192.0.2.101/32"), s.vipStrings());
        assertEquals("pass", s.authType());
        assertTrue(s.preempt());
        assertEquals(5, s.garpMasterDelay());
        assertEquals(5, s.garpMasterRepeat());
        assertFalse(s.owner());
    }

    @Test
    public void preemptDelayTakesFractionsToTheMicrosecondAsKeepalived() {
        Map<String, Object> p = valid();
        p.put("preemptDelay", "2.5");
        assertEquals(2_500_000_000L, Timing.nanos(InstanceSettings.parse(p).preemptDelay()));
        p.put("preemptDelay", "0.0000004");
        assertEquals("rounded to microseconds", 0, Timing.nanos(InstanceSettings.parse(p).preemptDelay()));
        p.put("preemptDelay", 10);
        assertEquals("10", InstanceSettings.parse(p).preemptDelay().toPlainString());
        assertEquals("0", InstanceSettings.parse(valid()).preemptDelay().toPlainString());
    }

    private static void rejected(String key, Object value, String expected) {
        rejected(valid(), key, value, expected);
    }

    /** The same on a VRRPv3 instance (no authentication). */
    private static void rejectedV3(String key, Object value, String expected) {
        Map<String, Object> p = valid();
        p.put("version", 3);
        p.put("authType", "none");
        rejected(p, key, value, expected);
    }

    private static void rejected(Map<String, Object> p, String key, Object value, String expected) {
        if (value == null) {
            p.remove(key);
        } else {
            p.put(key, value);
        }
        try {
            InstanceSettings.parse(p);
            fail(key + " = " + value + " must be rejected");
        } catch (InstanceSettings.InvalidSetting e) {
            assertEquals(expected, e.getMessage());
        }
    }

    @Test
    public void version3TakesCentisecondIntervals() {
        Map<String, Object> p = new HashMap<>(Map.of("name", "VI_1", "interfaceName", "eth0", "vrid", 51, "version", "3",
                "advertInterval", "0.05", "virtualAddresses", "192.0.2.100/24"));
        InstanceSettings s = InstanceSettings.parse(p);
        assertEquals(3, s.version());
        assertEquals(5, s.advertCentis());
        p.put("advertInterval", 40.95);
        assertEquals(4095, InstanceSettings.parse(p).advertCentis());
        p.remove("advertInterval");
        assertEquals("the default, 1 s", 100, InstanceSettings.parse(p).advertCentis());
    }

    @Test
    public void theFamilyFollowsTheVirtualAddresses() {
        Map<String, Object> p = valid();
        p.put("version", 3);
        p.put("authType", "none");
        assertFalse(InstanceSettings.parse(p).ipv6());
        p.put("virtualAddresses", "2001:db8::7/64, 2001:DB8:0:0::8");
        InstanceSettings v6 = InstanceSettings.parse(p);
        assertTrue(v6.ipv6());
        assertEquals("RFC 5952 text", List.of("2001:db8::7/64", "2001:db8::8/128"), v6.vipStrings());
    }

    /** Unicast over IPv6: global or link-local peers (the latter on the instance's interface), each with its hop limit bounds. */
    @Test
    public void anIpv6InstanceTakesIpv6PeersAndSource() {
        Map<String, Object> p = valid();
        p.put("version", 3);
        p.put("authType", "none");
        p.put("virtualAddresses", "2001:db8::100/64");
        p.put("unicastPeers", "2001:DB8::2, fe80::2@254-255, 2001:db8:1::2");
        p.put("unicastSource", "2001:db8::1");
        p.put("unicastTtl", 254);
        Unicast u = InstanceSettings.parse(p).unicast();
        assertEquals(List.of(new Unicast.Peer(0x2001_0db8_0000_0000L, 2, 0, 255), new Unicast.Peer(VrrpPacket.LINK_LOCAL_PREFIX, 2, 254, 255),
                new Unicast.Peer(0x2001_0db8_0001_0000L, 2, 0, 255)), u.peers());
        assertEquals("RFC 5952 text", "2001:db8::2", u.peers().get(0).text(true));
        assertEquals("2001:db8::1", u.sourceText(true));
        assertEquals(254, u.sendTtl());
        assertEquals("the source's high half goes into our adverts", 0x2001_0db8_0000_0000L, InstanceSettings.parse(p).sourceHigh());
        assertEquals("a peer is looked up by both halves", u.peers().get(2), u.peer(0x2001_0db8_0001_0000L, 2));
        assertEquals(null, u.peer(0x2001_0db8_0002_0000L, 2));
        p.remove("unicastSource");
        assertEquals("by default our adverts leave from the link-local address, as keepalived's", VrrpPacket.LINK_LOCAL_PREFIX,
                InstanceSettings.parse(p).sourceHigh());
        rejected(new HashMap<>(p), "unicastPeers", "192.0.2.2", "VRRP instance VI_1: unicastPeers = 192.0.2.2 rejected: not an IPv6 address "
                + "(the instance's virtual addresses are IPv6)");
        rejected(new HashMap<>(p), "unicastPeers", "fe80::2%eth0", "VRRP instance VI_1: unicastPeers = fe80::2%eth0 rejected: not an IPv6 address");
        rejected(new HashMap<>(p), "unicastPeers", "ff02::12", "VRRP instance VI_1: unicastPeers = ff02::12 rejected: not a unicast address");
        rejected(new HashMap<>(p), "unicastPeers", "2001:db8::2, 2001:db8:0::2", "VRRP instance VI_1: unicastPeers = 2001:db8:0::2 rejected: "
                + "listed twice");
        rejected(new HashMap<>(p), "unicastSource", "192.0.2.1", "VRRP instance VI_1: unicastSource = 192.0.2.1 rejected: not an IPv6 address "
                + "(the instance's virtual addresses are IPv6)");
        rejected(new HashMap<>(p), "unicastSource", "::", "VRRP instance VI_1: unicastSource = :: rejected: not a unicast address");
        rejected(valid(), "unicastPeers", "2001:db8::2", "VRRP instance VI_1: unicastPeers = 2001:db8::2 rejected: not an IPv4 address "
                + "(the instance's virtual addresses are IPv4)");
        p.remove("unicastPeers");
        assertEquals("without peers, multicast with hop limit 255", 255, InstanceSettings.parse(p).unicast().sendTtl());
    }

    @Test
    public void everyBadValueIsRejectedByKeyAndValue() {
        rejected("vrid", "0", "VRRP instance VI_1: vrid = 0 rejected: must be 1..255");
        rejected("vrid", null, "VRRP instance VI_1: vrid = (missing) rejected: required");
        rejected("priority", "high", "VRRP instance VI_1: priority = high rejected: not a whole number");
        rejected("priority", 256, "VRRP instance VI_1: priority = 256 rejected: must be 1..255");
        rejected("advertInterval", 0, "VRRP instance VI_1: advertInterval = 0 rejected: VRRPv2 counts whole seconds, 1..255 (fractions need "
                + "version = 3)");
        rejected("virtualAddresses", "192.0.2.300", "VRRP instance VI_1: virtualAddresses = 192.0.2.300 rejected: not an IP address");
        rejected("virtualAddresses", "2001:db8::1/64", "VRRP instance VI_1: virtualAddresses = 2001:db8::1/64 rejected: IPv6 needs "
                + "version = 3 (VRRPv2 carries IPv4 only)");
        rejectedV3("virtualAddresses", "192.0.2.7, 2001:db8::7", "VRRP instance VI_1: virtualAddresses = 2001:db8::7 rejected: an instance "
                + "is all IPv4 or all IPv6: 192.0.2.7/32 came first");
        rejectedV3("virtualAddresses", "2001:db8::7/64, 192.0.2.7", "VRRP instance VI_1: virtualAddresses = 192.0.2.7 rejected: an "
                + "instance is all IPv4 or all IPv6: 2001:db8::7/64 came first");
        rejected("virtualAddresses", "192.0.2.7,192.0.2.7", "VRRP instance VI_1: virtualAddresses = 192.0.2.7 rejected: listed twice");
        rejected("virtualAddresses", "vip.example", "VRRP instance VI_1: virtualAddresses = vip.example rejected: not an ADDRESS[/PREFIX]");
        rejected("virtualAddresses", "192.0.2.1/33", "VRRP instance VI_1: virtualAddresses = 192.0.2.1/33 rejected: prefix must be 1..32");
        rejected("virtualAddresses", "", "VRRP instance VI_1: virtualAddresses =  rejected: give 1..255 addresses");
        rejected("advertInterval", "0.5", "VRRP instance VI_1: advertInterval = 0.5 rejected: VRRPv2 counts whole seconds, 1..255 "
                + "(fractions need version = 3)");
        rejected("version", 4, "VRRP instance VI_1: version = 4 rejected: must be 2..3");
        rejectedV3("advertInterval", "41", "VRRP instance VI_1: advertInterval = 41 rejected: VRRPv3 counts centiseconds, 0.01..40.95");
        rejectedV3("advertInterval", "0.005", "VRRP instance VI_1: advertInterval = 0.005 rejected: VRRPv3 counts centiseconds, 0.01..40.95");
        rejectedV3("authType", "pass", "VRRP instance VI_1: authType = pass rejected: VRRPv3 has no authentication (RFC 5798 removed it)");
        rejected("unicastPeers", "192.0.2.300", "VRRP instance VI_1: unicastPeers = 192.0.2.300 rejected: not an IPv4 address");
        rejected("unicastPeers", "192.0.2.2@255-250", "VRRP instance VI_1: unicastPeers = 192.0.2.2@255-250 rejected: not "
                + "ADDRESS[@MINTTL-MAXTTL] with 0 <= MINTTL <= MAXTTL <= 255");
        rejected("unicastPeers", "192.0.2.2,192.0.2.2", "VRRP instance VI_1: unicastPeers = 192.0.2.2 rejected: listed twice");
        rejected("unicastSource", "here", "VRRP instance VI_1: unicastSource = here rejected: not an IPv4 address");
        rejected("unicastTtl", 0, "VRRP instance VI_1: unicastTtl = 0 rejected: must be 1..255");
        rejected("authType", "md5", "VRRP instance VI_1: authType = md5 rejected: must be none, pass or ah");
        rejected("authPassword", "123456789", "VRRP instance VI_1: authPassword = (9 bytes) rejected: at most 8 bytes");
        rejected("initialState", "leader", "VRRP instance VI_1: initialState = LEADER rejected: must be BACKUP or MASTER");
        rejected("preempt", "maybe", "VRRP instance VI_1: preempt = maybe rejected: must be true or false");
        rejected("interfaceName", "a/b", "VRRP instance VI_1: interfaceName = a/b rejected: not an interface name");
        rejected("name", null, "VRRP instance ?: name = (missing) rejected: required");
        rejected("preemptDelay", 1001, "VRRP instance VI_1: preemptDelay = 1001 rejected: must be 0..1000");
        rejected("preemptDelay", "-0.5", "VRRP instance VI_1: preemptDelay = -0.5 rejected: must be 0..1000");
        rejected("preemptDelay", "soon", "VRRP instance VI_1: preemptDelay = soon rejected: not a number of seconds");
        rejected("garpMasterDelay", -1, "VRRP instance VI_1: garpMasterDelay = -1 rejected: must be 0..1000");
        rejected("garpMasterRepeat", 0, "VRRP instance VI_1: garpMasterRepeat = 0 rejected: must be 1..100");
        rejected("garpMasterRefresh", "soon", "VRRP instance VI_1: garpMasterRefresh = soon rejected: not a whole number");
        rejected("syncGroup", "a b", "VRRP instance VI_1: syncGroup = a b rejected: letters, digits, '_', '.' and '-' only");
        rejected("vipLease", 1, "VRRP instance VI_1: vipLease = 1 rejected: must be 0 (forever) or 2..86400: a 1 s lease runs out "
                + "between renewals");
        rejected("vipLease", -1, "VRRP instance VI_1: vipLease = -1 rejected: must be 0..86400");
        rejected("vipLease", "long", "VRRP instance VI_1: vipLease = long rejected: not a whole number");
    }

    /** keepalived's vrrp_strict: what RFC 3768 does not have is refused by key and value; its defaults are RFC 3768's. */
    @Test
    public void strictModeRefusesWhatTheRfcDoesNotHave() {
        Map<String, Object> strict = valid();
        strict.put("strict", "true");
        strict.put("authType", "none");
        InstanceSettings s = InstanceSettings.parse(strict);
        assertTrue(s.strict());
        assertEquals("no lower-priority GARPs, no answer to a lower master", new InstanceSettings.LowerPriority(0, 0, true, false),
                s.lowerPriority());
        Map<String, Object> p = new HashMap<>(strict);
        p.put("authType", "pass");
        rejected(p, "authType", "pass", "VRRP instance VI_1: authType = pass rejected: strict mode has no authentication (RFC 5798 removed it)");
        rejected(new HashMap<>(strict), "unicastPeers", "192.0.2.2", "VRRP instance VI_1: unicastPeers = 192.0.2.2 rejected: strict mode is "
                + "multicast only");
        rejected(new HashMap<>(strict), "preemptDelay", "2.5", "VRRP instance VI_1: preemptDelay = 2.5 rejected: strict mode has no preempt "
                + "delay (RFC 3768 has none)");
        rejected(new HashMap<>(strict), "initialState", "MASTER", "VRRP instance VI_1: initialState = MASTER rejected: in strict mode only the "
                + "address owner (priority 255) starts as MASTER");
        rejected(new HashMap<>(strict), "garpLowerPrioRepeat", 2, "VRRP instance VI_1: garpLowerPrioRepeat = 2 rejected: strict mode sends "
                + "no gratuitous ARPs for a lower master");
        rejected(new HashMap<>(strict), "lowerPrioNoAdvert", false, "VRRP instance VI_1: lowerPrioNoAdvert = false rejected: strict mode does "
                + "not answer a lower master (RFC 3768 discards its advert)");
        rejected(new HashMap<>(strict), "higherPrioSendAdvert", true, "VRRP instance VI_1: higherPrioSendAdvert = true rejected: strict mode "
                + "yields to a better master without an advert");
        Map<String, Object> owner = new HashMap<>(strict);
        owner.put("priority", 255);
        owner.put("initialState", "MASTER");
        assertTrue(InstanceSettings.parse(owner).initialMaster());
    }

    /** keepalived's virtual_ipaddress_excluded: held with the VIPs, never advertised, IPv6 too; none repeats another. */
    @Test
    public void excludedAddressesAreHeldButNotAdvertised() {
        Map<String, Object> p = valid();
        p.put("excludedAddresses", "198.51.100.7/24, 2001:db8::7/64");
        InstanceSettings s = InstanceSettings.parse(p);
        assertEquals(List.of("192.0.2.100/24", "192.0.2.101/32"), s.vipStrings());
        assertEquals(List.of("192.0.2.100/24", "192.0.2.101/32", "198.51.100.7/24", "2001:db8::7/64"),
                s.managedAddresses().stream().map(Object::toString).toList());
        assertEquals(s.virtualAddresses(), InstanceSettings.parse(valid()).managedAddresses());
        rejected(valid(), "excludedAddresses", "192.0.2.100/25", "VRRP instance VI_1: excludedAddresses = 192.0.2.100/25 rejected: listed twice");
        rejected(valid(), "excludedAddresses", "here", "VRRP instance VI_1: excludedAddresses = here rejected: not an ADDRESS[/PREFIX]");
        Map<String, Object> options = valid();
        options.put("virtualAddresses", "192.0.2.100/24;label=eth0:web;brd=192.0.2.255, 198.51.100.9/24;dev=eth1;scope=link");
        assertEquals(List.of("192.0.2.100/24;label=eth0:web;brd=192.0.2.255", "198.51.100.9/24;dev=eth1;scope=link"),
                InstanceSettings.parse(options).vipStrings());
        rejected(valid(), "virtualAddresses", "192.0.2.100/24;label=web", "VRRP instance VI_1: virtualAddresses = 192.0.2.100/24;label=web "
                + "rejected: the label must start with the name of its interface, eth0");
        rejected(valid(), "unicastPeers", "192.0.2.2;dev=eth0", "VRRP instance VI_1: unicastPeers = 192.0.2.2;dev=eth0 rejected: not an IPv4 address");
        rejected(valid(), "garpMasterRefreshRepeat", 0, "VRRP instance VI_1: garpMasterRefreshRepeat = 0 rejected: must be 1..100");
    }

    @Test
    public void theVipLeaseDefaultsToOutlastAnyMasterDownIntervalAndZeroIsForever() {
        assertEquals(5, InstanceSettings.parse(valid()).vipLease());
        Map<String, Object> p = valid();
        p.put("advertInterval", 3);
        assertEquals(13, InstanceSettings.parse(p).vipLease());
        p.put("vipLease", "0");
        assertEquals(0, InstanceSettings.parse(p).vipLease());
        assertTrue(InstanceSettings.parse(p).vipLeaseDuration().isZero());
        p.put("vipLease", 30);
        assertEquals(30, InstanceSettings.parse(p).vipLeaseDuration().toSeconds());
    }

    @Test
    public void onlyIdentityChangesNeedARestart() {
        InstanceSettings before = InstanceSettings.parse(valid());
        Map<String, Object> p = valid();
        p.put("priority", 200);
        p.put("virtualAddresses", "192.0.2.100/24,192.0.2.102");
        p.put("authType", "pass");
        p.put("authPassword", "new");
        assertTrue(InstanceSettings.parse(p).liveChangeableFrom(before));
        assertFalse(InstanceSettings.parse(p).sameAuthAs(before));
        p.put("vrid", 52);
        assertFalse(InstanceSettings.parse(p).liveChangeableFrom(before));
    }

    @Test
    public void useVmacNamesTheMacvlanAsKeepalivedDoesAndVmacXmitBaseKeepsTheAdvertsOnTheParent() {
        Map<String, Object> p = valid();
        assertFalse(InstanceSettings.parse(p).vmac().enabled());
        assertEquals("eth0", InstanceSettings.parse(p).addressInterface());
        p.put("useVmac", "true");
        InstanceSettings s = InstanceSettings.parse(p);
        assertEquals(new Vmac("vrrp.51", false), s.vmac());
        assertEquals("vrrp.51", s.channelInterface());
        assertEquals("vrrp.51", s.addressInterface());
        assertEquals("00:00:5e:00:01:33", Vmac.mac(51, false).toString());
        assertEquals("00:00:5e:00:02:33", Vmac.mac(51, true).toString());
        p.put("useVmac", "vmac51");
        p.put("vmacXmitBase", true);
        s = InstanceSettings.parse(p);
        assertEquals(new Vmac("vmac51", true), s.vmac());
        assertEquals("eth0", s.channelInterface());
        assertEquals("vmac51", s.addressInterface());
        assertFalse("a VMAC cannot change in place", s.liveChangeableFrom(InstanceSettings.parse(valid())));
    }

    @Test
    public void badVmacSettingsAreRefusedByKeyAndValue() {
        rejected("useVmac", "vrrp/51", "VRRP instance VI_1: useVmac = vrrp/51 rejected: true, false or an interface name "
                + "(at most 15 characters, no '/', ':' or blanks)");
        rejected("useVmac", "a-name-too-long-16", "VRRP instance VI_1: useVmac = a-name-too-long-16 rejected: true, false or an "
                + "interface name (at most 15 characters, no '/', ':' or blanks)");
        rejected("vmacXmitBase", "true", "VRRP instance VI_1: vmacXmitBase = true rejected: needs useVmac");
        Map<String, Object> p = valid();
        p.put("useVmac", "true");
        p.put("unicastPeers", "192.0.2.2");
        rejected(p, "vmacXmitBase", "false", "VRRP instance VI_1: useVmac = vrrp.51 rejected: with unicastPeers it needs vmacXmitBase = true, "
                + "as keepalived says");
    }
}
