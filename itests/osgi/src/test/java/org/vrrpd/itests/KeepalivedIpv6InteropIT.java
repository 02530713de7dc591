package org.vrrpd.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.Before;
import org.junit.Test;
import org.vrrpd.lab.Capture;

/**
 * VRRPv3 over IPv6 between our daemon and Debian's keepalived 2.2.7, in both roles: election,
 * SIGKILL takeover, priority-0 handover, nothing dropped or complained of on either side, tshark's
 * word on our adverts, and a client whose neighbour cache follows the master (unsolicited Neighbor
 * Advertisements) and whose ping6 to the VIP resumes. Our daemon runs a VRRPv2 IPv4 instance of the
 * same VRID beside it (mixed versions and families in one daemon).
 */
public class KeepalivedIpv6InteropIT extends LabTest {
    private static final String VIP = "2001:db8::100";
    private static final String CLIENT = "2001:db8::10";
    private static final Pattern KEEPALIVED_COMPLAINT = Pattern.compile("invalid|bad|error|mismatch|bogus|discard|wrong|fail",
            Pattern.CASE_INSENSITIVE);
    private static final String NOTHING_DROPPED = "dropped           ttl 0, version 0, type 0, length 0, checksum 0, interval 0";

    private String kaNs;
    private String ourNs;
    private String clNs;
    private String ourLinkLocal;
    private String kaLinkLocal;

    public KeepalivedIpv6InteropIT() throws Exception {
        super("vrrpd-interop6");
    }

    @Before
    public void wire() {
        List<String> hosts = lab.hostsOnBridge("ka=192.0.2.1/24", "us=192.0.2.2/24", "cl=192.0.2.10/24");
        kaNs = hosts.get(0);
        ourNs = hosts.get(1);
        clNs = hosts.get(2);
        kaLinkLocal = lab.enableIpv6(kaNs, "eth0");
        ourLinkLocal = lab.enableIpv6(ourNs, "eth0");
        lab.enableIpv6(clNs, "eth0");
        lab.exec(clNs, "ip", "-6", "addr", "add", CLIENT + "/64", "dev", "eth0", "nodad").check();
    }

    private Keepalived keepalived(int priority) throws Exception {
        return Keepalived.start(lab, kaNs, work, "keepalived", Keepalived.instanceV3("VI_6", 51, priority, VIP + "/64", "1"));
    }

    private Vrrpd ours(int priority) throws Exception {
        return Vrrpd.start(lab, ourNs, work, "us", Map.of(
                "org.vrrpd.vrrp.instance-VI_6.cfg", Vrrpd.instance("VI_6", 51, priority, VIP + "/64", "version = 3"),
                "org.vrrpd.vrrp.instance-VI_4.cfg", Vrrpd.instance("VI_4", 51, 150, "192.0.2.100/24")));
    }

    private boolean keepalivedHoldsVip() {
        return lab.exec(kaNs, "ip", "-o", "-6", "addr", "show", "dev", "eth0").check().stdout().contains(" " + VIP + "/");
    }

    /** The client pings the VIP until a reply comes, then its neighbour entry for the VIP must name {@code mac}. */
    private void clientReaches(String mac, String who) throws InterruptedException {
        awaitTrue("the client's ping6 to the VIP is answered by " + who,
                () -> lab.exec(clNs, "ping", "-6", "-c", "1", "-W", "1", VIP).exitCode() == 0, Duration.ofSeconds(10));
        awaitContains("the client's neighbour entry for the VIP points at " + who,
                () -> lab.exec(clNs, "ip", "-6", "neigh", "show", VIP, "dev", "eth0").check().stdout(), Duration.ofSeconds(5),
                "lladdr " + mac);
    }

    private static void noComplaint(Keepalived ka) {
        for (String line : ka.output().lines().toList()) {
            assertFalse("keepalived complains about our adverts: " + line, KEEPALIVED_COMPLAINT.matcher(line).find());
        }
    }

    /** tshark: every advert of ours is VRRPv3 with a good checksum, hop limit 255, to ff02::12, from our link-local address. */
    private void oursDecodeAsVrrpv3(Capture capture, int priority) {
        List<String[]> ours = capture.fields("vrrp and ipv6.src == " + ourLinkLocal + " and vrrp.prio > 0", "vrrp.version", "vrrp.type",
                "vrrp.virt_rtr_id", "vrrp.prio", "vrrp.checksum.status", "ipv6.hlim", "ipv6.dst", "vrrp.ipv6_addr", "vrrp.short_adver_int");
        assertTrue("our adverts were captured: " + ours.size(), ours.size() >= 3);
        for (String[] a : ours) {
            assertEquals(List.of("3", "1", "51", String.valueOf(priority), "1", "255", "ff02::12", VIP, "100"), List.of(a));
        }
    }

    @Test
    public void weBackUpKeepalivedAndTakeOverWhenItIsKilled() throws Exception {
        Capture capture = lab.capture(lab.namespaceOf("br"), "br0", "ip6 proto 112", work.resolve("takeover6.pcap"));
        Keepalived ka = keepalived(150);
        Vrrpd us = ours(100);
        awaitTrue("keepalived becomes master", this::keepalivedHoldsVip, Duration.ofSeconds(8));
        us.awaitState("VI_6", "BACKUP", Duration.ofSeconds(20)); // the daemon may take long to start on a loaded machine
        us.awaitState("VI_4", "MASTER", Duration.ofSeconds(10));
        clientReaches(ArpProbe.mac(lab, kaNs), "keepalived");
        Thread.sleep(4000); // longer than our Master_Down_Interval: only keepalived's adverts keep us backup
        assertEquals("BACKUP", us.state("VI_6"));
        assertFalse("the VIP is on one side only", us.holds(VIP));
        String show = us.vrrpctl("vrrp:show", "VI_6").stdout();
        assertTrue(show, show.contains("version           VRRPv3 over IPv6"));
        assertTrue(show, show.contains("master            " + kaLinkLocal));
        assertTrue(show, show.contains(NOTHING_DROPPED));

        ka.crash();
        us.awaitState("VI_6", "MASTER", Duration.ofSeconds(6));
        assertTrue(us.holds(VIP));
        clientReaches(ArpProbe.mac(lab, ourNs), "us, after the takeover");
        assertTrue("three adverts of ours as master", capture.awaitPackets("vrrp and ipv6.src == " + ourLinkLocal, 3, Duration.ofSeconds(10)));
        oursDecodeAsVrrpv3(capture.stop(), 100);
        assertTrue("keepalived's adverts were there", capture.count("vrrp and ipv6.src == " + kaLinkLocal) >= 3);
    }

    @Test
    public void keepalivedBacksUsUpAndTakesOverWhenWeResign() throws Exception {
        Capture capture = lab.capture(lab.namespaceOf("br"), "br0", "ip6 proto 112", work.resolve("handover6.pcap"));
        Vrrpd us = ours(150);
        us.awaitState("VI_6", "MASTER", Duration.ofSeconds(20));
        Keepalived ka = keepalived(100);
        clientReaches(ArpProbe.mac(lab, ourNs), "us");
        Thread.sleep(5000); // longer than keepalived's Master_Down_Interval
        assertFalse(ka.output(), ka.output().contains("Entering MASTER STATE"));
        assertFalse("the VIP is on one side only", keepalivedHoldsVip());
        noComplaint(ka);

        long resigned = System.nanoTime();
        us.process().stop(); // SIGTERM: priority 0
        awaitTrue("keepalived takes over on our priority 0, well before its Master_Down_Interval (3.6 s)", this::keepalivedHoldsVip,
                Duration.ofSeconds(3));
        System.out.printf("interop (v3 IPv6): our resignation -> keepalived holds the VIP after %d ms%n",
                (System.nanoTime() - resigned) / 1_000_000);
        clientReaches(ArpProbe.mac(lab, kaNs), "keepalived, after our resignation");
        capture.stop();
        oursDecodeAsVrrpv3(capture, 150);
        assertTrue("we resigned with priority 0", capture.count("vrrp and ipv6.src == " + ourLinkLocal + " and vrrp.prio == 0") >= 1);
        noComplaint(ka);
    }
}
