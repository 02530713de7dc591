package org.vrrpd.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.Test;
import org.vrrpd.lab.Capture;

/**
 * Unicast peers (keepalived's unicast_peer) where multicast cannot flow: a bridge that floods no
 * multicast to its ports, and two subnets joined by a router namespace.
 */
public class UnicastIT extends LabTest {
    private static final String VIP = "192.0.2.100";

    public UnicastIT() throws Exception {
        super("vrrpd-unicast");
    }

    private Vrrpd daemon(String ns, String name, int priority, String vip, String... extra) throws Exception {
        return Vrrpd.start(lab, ns, work, name, Map.of("org.vrrpd.vrrp.instance-VI_1.cfg", Vrrpd.instance("VI_1", 51, priority, vip, extra)));
    }

    @Test
    public void peersElectAndTakeOverWithoutMulticastAndAnUnlistedSenderIsDropped() throws Exception {
        String ns1 = lab.namespace("r1");
        String ns2 = lab.namespace("r2");
        String ns3 = lab.namespace("r3");
        String br = noMulticastBridge(ns1, "192.0.2.1/24", ns2, "192.0.2.2/24", ns3, "192.0.2.3/24");

        // multicast first: across this bridge the two never hear each other, so both claim the VIP
        Vrrpd m1 = daemon(ns1, "m1", 150, VIP + "/24");
        Vrrpd m2 = daemon(ns2, "m2", 100, VIP + "/24");
        m1.awaitState("VI_1", "MASTER", Duration.ofSeconds(10));
        m2.awaitState("VI_1", "MASTER", Duration.ofSeconds(10));
        m1.process().stop();
        m2.process().stop();

        Capture capture = lab.capture(br, "br0", "ip proto 112", work.resolve("unicast.pcap"));
        Vrrpd r1 = daemon(ns1, "r1", 150, VIP + "/24", "unicastPeers = 192.0.2.2");
        Vrrpd r2 = daemon(ns2, "r2", 100, VIP + "/24", "unicastPeers = 192.0.2.1");
        r1.awaitState("VI_1", "MASTER", Duration.ofSeconds(10));
        r2.awaitState("VI_1", "BACKUP", Duration.ofSeconds(10));
        awaitContains("r2 hears r1 over unicast", () -> r2.vrrpctl("vrrp:show", "VI_1").stdout(), Duration.ofSeconds(5),
                "master            192.0.2.1", "transport         unicast to 192.0.2.1 from the primary address, TTL 255; 0 adverts from others dropped");
        assertFalse("the backup holds no VIP", r2.holds(VIP));
        assertFalse("no member of the VRRP group", lab.exec(ns2, "ip", "maddr", "show", "dev", "eth0").check().stdout().contains("224.0.0.18"));

        // a third router, unlisted by r2, advertising a better priority to it
        Vrrpd r3 = daemon(ns3, "r3", 200, VIP + "/24", "unicastPeers = 192.0.2.2");
        unlistedSenderIsDroppedThenTheBackupTakesOver(r1, r2, r3, "VI_1", "192.0.2.3", VIP);
        capture.stop();
        List<String[]> adverts = capture.fields("vrrp and ip.src == 192.0.2.1 or vrrp and ip.src == 192.0.2.2", "ip.src", "ip.dst", "ip.ttl");
        assertTrue("adverts were captured", adverts.size() >= 5);
        for (String[] a : adverts) {
            assertEquals("each advert goes to the other peer, TTL 255: " + String.join(" ", a), a[0].equals("192.0.2.1") ? "192.0.2.2" : "192.0.2.1",
                    a[1]);
            assertEquals("255", a[2]);
        }
    }

    @Test
    public void peersOnTwoSubnetsElectAcrossARouterWithTtl254() throws Exception {
        Routed routed = routedLab("192.0.2.1/24", "192.0.2.254/24", "198.51.100.254/24", "198.51.100.2/24");
        String ns1 = routed.r1();
        String ns2 = routed.r2();
        Capture capture = lab.capture(routed.br2(), "br0", "ip proto 112", work.resolve("routed.pcap"));
        Vrrpd r1 = daemon(ns1, "r1", 150, "203.0.113.10/32", "unicastPeers = 198.51.100.2@254-255");
        Vrrpd r2 = daemon(ns2, "r2", 100, "203.0.113.10/32", "unicastPeers = 192.0.2.1@254-255");
        r1.awaitState("VI_1", "MASTER", Duration.ofSeconds(10));
        r2.awaitState("VI_1", "BACKUP", Duration.ofSeconds(10));
        assertTrue(capture.awaitPackets("vrrp and ip.src == 192.0.2.1", 3, Duration.ofSeconds(5)));
        capture.stop();
        List<String[]> ttls = capture.fields("vrrp and ip.src == 192.0.2.1", "ip.ttl");
        assertTrue("r1's adverts reach r2's subnet one hop down", ttls.stream().allMatch(t -> t[0].equals("254")));

        r1.process().kill();
        r2.awaitState("VI_1", "MASTER", Duration.ofSeconds(6));
    }
}
