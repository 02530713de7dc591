package org.vrrpd.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.Test;
import org.vrrpd.lab.Capture;

/**
 * Unicast peers over IPv6 (keepalived's unicast_peer in an IPv6 instance) where multicast cannot
 * flow: ours with ours (global and link-local peers, a third unlisted sender) and ours with
 * keepalived in both roles on a bridge that floods no multicast, so ff02::12 cannot be what works;
 * and two subnets joined by a router namespace (hop limit 254 arrives).
 */
public class UnicastIpv6IT extends LabTest {
    private static final String VIP = "2001:db8::100";
    private static final String CONFIG = "org.vrrpd.vrrp.instance-VI_6.cfg";

    public UnicastIpv6IT() throws Exception {
        super("vrrpd-unicast6");
    }

    /** The VRRPv3 IPv6 instance VI_6, VRID 51, with {@code extra} lines. */
    private static String config(int priority, String vip, String... extra) {
        return Vrrpd.instance("VI_6", 51, priority, vip, Stream.concat(Stream.of("version = 3"), Stream.of(extra)).toArray(String[]::new));
    }

    private Vrrpd daemon(String ns, String name, int priority, String... extra) throws Exception {
        return Vrrpd.start(lab, ns, work, name, Map.of(CONFIG, config(priority, VIP + "/64", extra)));
    }

    /** IPv6 on for eth0 in {@code ns}, with {@code address}/64 usable at once (no duplicate address detection); returns its link-local address. */
    private String ipv6(String ns, String address) {
        address(ns, "eth0", address + "/64");
        return lab.enableIpv6(ns, "eth0");
    }

    private boolean memberOfTheVrrpGroup(String ns) {
        return lab.exec(ns, "ip", "-6", "maddr", "show", "dev", "eth0").check().stdout().contains("ff02::12");
    }

    /**
     * r1 sends from its link-local address (the default, as keepalived's) to r2's global address; r2 from unicastSource to
     * r1's link-local address (on its own interface, as keepalived reaches one). r3, listed by nobody, is dropped and counted.
     */
    @Test
    public void linkLocalAndGlobalPeersElectAndTakeOverWithoutMulticastAndAnUnlistedSenderIsDropped() throws Exception {
        String br = noMulticastBridge(lab.namespace("r1"), null, lab.namespace("r2"), null, lab.namespace("r3"), null);
        String ns1 = lab.namespaceOf("r1");
        String ns2 = lab.namespaceOf("r2");
        String ns3 = lab.namespaceOf("r3");
        String r1LinkLocal = ipv6(ns1, "2001:db8::1");
        ipv6(ns2, "2001:db8::2");
        ipv6(ns3, "2001:db8::3");
        lab.staticIpv6Neighbours("eth0", ns1, ns2, ns3); // neighbour discovery is multicast, which this bridge does not pass

        Capture capture = lab.capture(br, "br0", "ip6 proto 112", work.resolve("unicast6.pcap"));
        Vrrpd r1 = daemon(ns1, "r1", 150, "unicastPeers = 2001:db8::2");
        Vrrpd r2 = daemon(ns2, "r2", 100, "unicastPeers = " + r1LinkLocal, "unicastSource = 2001:db8::2");
        r1.awaitState("VI_6", "MASTER", Duration.ofSeconds(20));
        r2.awaitState("VI_6", "BACKUP", Duration.ofSeconds(10));
        awaitContains("r2 hears r1 over unicast", () -> r2.vrrpctl("vrrp:show", "VI_6").stdout(), Duration.ofSeconds(5),
                "master            " + r1LinkLocal, "transport         unicast to " + r1LinkLocal + " from 2001:db8::2, hop limit 255; "
                        + "0 adverts from others dropped");
        assertFalse("the backup holds no VIP", r2.holds(VIP));
        assertFalse("r1 is no member of ff02::12", memberOfTheVrrpGroup(ns1));
        assertFalse("r2 is no member of ff02::12", memberOfTheVrrpGroup(ns2));
        String json = jq(json(r2, "vrrp:show", "--json", "VI_6"), ".transport | [.mode, .source, .peers[0].address] | join(\" \")");
        assertEquals("unicast 2001:db8::2 " + r1LinkLocal, json);

        // a third router, unlisted by r2, advertising a better priority to it
        Vrrpd r3 = daemon(ns3, "r3", 200, "unicastPeers = 2001:db8::2", "unicastSource = 2001:db8::3");
        unlistedSenderIsDroppedThenTheBackupTakesOver(r1, r2, r3, "VI_6", "2001:db8::3", VIP);
        assertTrue("r2 advertises to r1", capture.awaitPackets("vrrp and ipv6.src == 2001:db8::2", 2, Duration.ofSeconds(5)));
        capture.stop();
        List<String[]> adverts = capture.fields("vrrp and (ipv6.src == " + r1LinkLocal + " or ipv6.src == 2001:db8::2)", "ipv6.src", "ipv6.dst",
                "ipv6.hlim", "vrrp.checksum.status");
        assertTrue("adverts were captured", adverts.size() >= 5);
        for (String[] a : adverts) {
            assertEquals("each advert goes to the other peer, hop limit 255, its checksum good: " + String.join(" ", a),
                    List.of(a[0].equals("2001:db8::2") ? r1LinkLocal : "2001:db8::2", "255", "1"), List.of(a[1], a[2], a[3]));
        }
    }

    /** keepalived from unicast_src_ip 2001:db8::1 to us; ours from its link-local address (keepalived checks no source by default). */
    private Keepalived keepalived(int priority) throws Exception {
        return Keepalived.start(lab, lab.namespaceOf("ka"), work, "keepalived",
                Keepalived.unicast(Keepalived.instanceV3("VI_6", 51, priority, VIP + "/64", "1"), "2001:db8::1", "2001:db8::2"));
    }

    private boolean keepalivedHoldsVip() {
        return lab.exec(lab.namespaceOf("ka"), "ip", "-o", "-6", "addr", "show", "dev", "eth0").check().stdout().contains(" " + VIP + "/");
    }

    private Capture keepalivedLab() throws Exception {
        String ka = lab.namespace("ka");
        String us = lab.namespace("us");
        String br = noMulticastBridge(ka, null, us, null);
        ipv6(ka, "2001:db8::1");
        ipv6(us, "2001:db8::2");
        lab.staticIpv6Neighbours("eth0", ka, us);
        return lab.capture(br, "br0", "ip6 proto 112", work.resolve("keepalived6.pcap"));
    }

    @Test
    public void weBackUpKeepalivedAndTakeOverWhenItIsKilled() throws Exception {
        Capture capture = keepalivedLab();
        Keepalived ka = keepalived(150);
        Vrrpd us = daemon(lab.namespaceOf("us"), "us", 100, "unicastPeers = 2001:db8::1");
        awaitTrue("keepalived becomes master", this::keepalivedHoldsVip, Duration.ofSeconds(8));
        us.awaitState("VI_6", "BACKUP", Duration.ofSeconds(20));
        Thread.sleep(4000); // longer than our Master_Down_Interval: only keepalived's unicast adverts keep us backup
        assertEquals("BACKUP", us.state("VI_6"));
        assertFalse("the VIP is on one side only", us.holds(VIP));
        awaitContains("we know keepalived as master, by its unicast_src_ip", () -> us.vrrpctl("vrrp:show", "VI_6").stdout(), Duration.ofSeconds(2),
                "master            2001:db8::1", "dropped           ttl 0, version 0, type 0, length 0, checksum 0, interval 0",
                "0 adverts from others dropped");

        ka.crash();
        us.awaitState("VI_6", "MASTER", Duration.ofSeconds(6));
        assertTrue(us.holds(VIP));
        capture.stop();
        List<String[]> theirs = capture.fields("vrrp and ipv6.src == 2001:db8::1", "ipv6.dst", "ipv6.hlim");
        assertTrue("keepalived's adverts were captured", theirs.size() >= 3);
        // without unicast_ttl keepalived sets no hop limit: the kernel's default for unicast (net.ipv6.conf.eth0.hop_limit, 64)
        assertTrue("keepalived's adverts to us with the kernel's hop limit", theirs.stream().allMatch(t -> t[0].equals("2001:db8::2")
                && t[1].equals("64")));
    }

    @Test
    public void keepalivedBacksUsUpAndTakesOverWhenWeAreKilled() throws Exception {
        Capture capture = keepalivedLab();
        Vrrpd us = daemon(lab.namespaceOf("us"), "us", 150, "unicastPeers = 2001:db8::1");
        us.awaitState("VI_6", "MASTER", Duration.ofSeconds(20));
        Keepalived ka = keepalived(100);
        Thread.sleep(5000); // longer than keepalived's Master_Down_Interval: only our unicast adverts keep it backup
        assertFalse(ka.output(), ka.output().contains("Entering MASTER STATE"));
        assertFalse("the VIP is on one side only", keepalivedHoldsVip());

        us.process().kill();
        awaitTrue("keepalived takes over after its Master_Down_Interval", this::keepalivedHoldsVip, Duration.ofSeconds(6));
        capture.stop();
        List<String[]> ours = capture.fields("vrrp and ipv6.dst == 2001:db8::1", "ipv6.src", "ipv6.hlim", "vrrp.checksum.status", "vrrp.prio");
        assertTrue("our adverts were captured: " + ours.size(), ours.size() >= 3);
        for (String[] a : ours) {
            assertTrue("from our link-local address: " + a[0], a[0].startsWith("fe80::"));
            assertEquals("hop limit 255, good checksum, priority 150", List.of("255", "1", "150"), List.of(a[1], a[2], a[3]));
        }
        assertFalse(ka.output(), ka.output().toLowerCase(java.util.Locale.ROOT).contains("checksum"));
    }

    /** r1 and r2 on two subnets: each advert crosses the router, hop limit 254. Taken with {@code @254-255}; dropped, live, with {@code @255-255}. */
    @Test
    public void peersOnTwoSubnetsElectAcrossARouterWithHopLimit254() throws Exception {
        String r2Config = config(100, VIP + "/128", "unicastPeers = 2001:db8:1::1@254-255", "unicastSource = 2001:db8:2::2");
        Routed routed = routedLab("2001:db8:1::1/64", "2001:db8:1::fe/64", "2001:db8:2::fe/64", "2001:db8:2::2/64");
        Capture capture = lab.capture(routed.br2(), "br0", "ip6 proto 112", work.resolve("routed6.pcap"));
        Vrrpd r1 = Vrrpd.start(lab, routed.r1(), work, "r1", Map.of(CONFIG, config(150, VIP + "/128",
                "unicastPeers = 2001:db8:2::2@254-255", "unicastSource = 2001:db8:1::1")));
        Vrrpd r2 = Vrrpd.start(lab, routed.r2(), work, "r2", Map.of(CONFIG, r2Config));
        r1.awaitState("VI_6", "MASTER", Duration.ofSeconds(20));
        r2.awaitState("VI_6", "BACKUP", Duration.ofSeconds(10));
        assertTrue(capture.awaitPackets("vrrp and ipv6.src == 2001:db8:1::1", 3, Duration.ofSeconds(5)));
        List<String[]> hops = capture.fields("vrrp and ipv6.src == 2001:db8:1::1", "ipv6.hlim");
        assertTrue("r1's adverts reach r2's subnet one hop down", hops.stream().allMatch(h -> h[0].equals("254")));

        // live: r1 admitted at hop limit 255 only, its routed adverts are dropped (counted), so r2 takes over
        r2.writeConfig(CONFIG, r2Config.replace("@254-255", "@255-255"));
        r2.awaitState("VI_6", "MASTER", Duration.ofSeconds(10));
        awaitContains("r2 counts r1's adverts as of the wrong hop limit", () -> r2.vrrpctl("vrrp:show", "VI_6").stdout(), Duration.ofSeconds(5),
                "unicast to 2001:db8:1::1 (hop limit 255..255)");
        assertTrue(r2.output(), r2.output().contains("dropped an advert from 2001:db8:1::1: TTL"));
        capture.stop();
    }
}
