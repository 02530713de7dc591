package org.vrrpd.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.Before;
import org.junit.Test;
import org.vrrpd.lab.Capture;

/** Two of our daemons on one bridge: election, failover, handover, fault, live reconfiguration. */
public class ElectionIT extends LabTest {
    private static final String VIP = "192.0.2.100";
    private static final Duration STARTUP = Duration.ofSeconds(15);

    private String br;
    private String ns1;
    private String ns2;
    private String client;
    private String r1Port;

    public ElectionIT() throws Exception {
        super("vrrpd-election");
    }

    @Before
    public void wire() {
        br = lab.bridge("br");
        ns1 = lab.namespace("r1");
        ns2 = lab.namespace("r2");
        r1Port = lab.link(br, ns1, "eth0", "192.0.2.1/24");
        lab.link(br, ns2, "eth0", "192.0.2.2/24");
        client = lab.namespace("cl");
        lab.link(br, client, "eth0", "192.0.2.10/24");
    }

    private Vrrpd daemon(String ns, String name, int priority, String... extra) throws Exception {
        return Vrrpd.start(lab, ns, work, name, Map.of("org.vrrpd.vrrp.instance-VI_1.cfg",
                Vrrpd.instance("VI_1", 51, priority, VIP + "/24", extra)));
    }

    /** Adverts on the bridge: time, source, priority, TTL, VRRP checksum status. */
    private static List<String[]> adverts(Capture capture) {
        return capture.fields("vrrp", "frame.time_epoch", "ip.src", "vrrp.prio", "ip.ttl", "vrrp.checksum.status");
    }

    @Test
    public void theHigherPriorityWinsAndTheBackupTakesOverWhenTheMasterDies() throws Exception {
        Capture capture = lab.capture(client, "eth0", "ip proto 112 or arp", work.resolve("failover.pcap"));
        // r1's VIP is permanent, as keepalived's: what a crashed master leaves behind is cleaned at its restart
        // (the lease that otherwise removes it is VipLeaseIT's).
        Vrrpd r1 = daemon(ns1, "r1", 150, "authType = pass", "authPassword = s3cret", "vipLease = 0");
        Vrrpd r2 = daemon(ns2, "r2", 100, "authType = pass", "authPassword = s3cret");
        r1.awaitState("VI_1", "MASTER", STARTUP);
        r2.awaitState("VI_1", "BACKUP", STARTUP);
        assertTrue("the master holds the VIP", r1.holds(VIP));
        assertFalse("the backup does not", r2.holds(VIP));
        // the backup may have been up for less than an advert interval when r1 became master
        String show = awaitContains("r2 hears r1", () -> r2.vrrpctl("vrrp:show", "VI_1").stdout(), Duration.ofSeconds(5),
                "master            192.0.2.1");
        assertTrue(show, show.contains("timers            advert 1 s, skew 0.609 s, master down 3.609 s"));
        assertTrue(show, show.contains("preemption        on, delay 0 s"));
        assertTrue(show, show.contains("authentication    pass"));
        assertTrue(show, show.contains("gratuitous ARP    5 per address, again after 5 s, refresh off"));
        assertTrue("a backup is a member of the VRRP group", joinedVrrpGroup(ns2));

        r1.process().kill();
        long takeover = r2.awaitState("VI_1", "MASTER", Duration.ofSeconds(6));
        assertTrue("the VIP moved", r2.holds(VIP));
        capture.stop();

        List<String[]> adverts = adverts(capture);
        double lastFromR1 = adverts.stream().filter(a -> a[1].equals("192.0.2.1")).mapToDouble(a -> Double.parseDouble(a[0])).max().orElseThrow();
        double firstFromR2 = adverts.stream().filter(a -> a[1].equals("192.0.2.2")).mapToDouble(a -> Double.parseDouble(a[0])).min().orElseThrow();
        double gap = firstFromR2 - lastFromR1;
        System.out.printf("election: SIGKILL -> r2 MASTER seen by vrrpctl after %d ms; last r1 advert -> first r2 advert %.3f s (MDI(100) = 3.609 s)%n",
                takeover, gap);
        assertTrue("takeover after Master_Down_Interval: " + gap, gap > 3.55 && gap < 3.75);
        for (String[] a : adverts) {
            assertEquals("TTL", "255", a[3]);
            assertEquals("tshark finds the VRRP checksum good", "1", a[4]); // 1 = Good in vrrp.checksum.status
            assertEquals("each router advertises its own priority", a[1].equals("192.0.2.1") ? "150" : "100", a[2]);
        }
        String r2Mac = ArpProbe.mac(lab, ns2);
        List<String[]> garps = capture.fields("arp.isgratuitous == 1 and arp.src.proto_ipv4 == " + VIP, "frame.time_epoch",
                "eth.src", "arp.src.hw_mac", "arp.dst.proto_ipv4").stream().filter(g -> Double.parseDouble(g[0]) >= firstFromR2).toList();
        assertEquals("the client saw the new master's burst of gratuitous ARPs", 5, garps.size());
        for (String[] garp : garps) {
            assertEquals(List.of(r2Mac, r2Mac, VIP), List.of(garp).subList(1, 4));
        }

        // The crashed master comes back without preemption: it cleans the VIP it left behind and stays backup.
        assertTrue("a SIGKILLed daemon without a lease leaves its VIP behind", r1.holds(VIP));
        r1.writeConfig("org.vrrpd.vrrp.instance-VI_1.cfg", Vrrpd.instance("VI_1", 51, 150, VIP + "/24", "authType = pass",
                "authPassword = s3cret", "preempt = false", "vipLease = 0"));
        r1.start();
        r1.awaitState("VI_1", "BACKUP", STARTUP);
        assertFalse("a restarted router removes its leftover VIP at start", r1.holds(VIP));
        // Not a wait for an event: nothing must happen for longer than r1's Master_Down_Interval.
        Thread.sleep(4000);
        assertEquals("no preemption: the lower-priority master keeps the role", "BACKUP", r1.state("VI_1"));
        assertEquals("MASTER", r2.state("VI_1"));
    }

    @Test
    public void withAhElectionTakeoverAndFallbackCountNoAuthenticationFailure() throws Exception {
        Capture capture = lab.capture(client, "eth0", "ip proto 51", work.resolve("ah.pcap"));
        String[] ah = {"authType = ah", "authPassword = s3cret"};
        Vrrpd r1 = daemon(ns1, "r1", 150, ah);
        Vrrpd r2 = daemon(ns2, "r2", 100, ah);
        r1.awaitState("VI_1", "MASTER", STARTUP);
        r2.awaitState("VI_1", "BACKUP", STARTUP);
        String fromR1 = "vrrp and ip.src == 192.0.2.1";
        String fromR2 = "vrrp and ip.src == 192.0.2.2";
        assertTrue("r1 advertises as master", capture.awaitPackets(fromR1, 2, Duration.ofSeconds(5)));
        r1.process().kill();
        r2.awaitState("VI_1", "MASTER", Duration.ofSeconds(6));
        assertTrue("r2 advertises as master", capture.awaitPackets(fromR2, 2, Duration.ofSeconds(5)));
        r1.start(); // A returns: it hears B's adverts, then preempts with a sequence above them
        r1.awaitState("VI_1", "BACKUP", STARTUP);
        r1.awaitState("VI_1", "MASTER", Duration.ofSeconds(6));
        r2.awaitState("VI_1", "BACKUP", Duration.ofSeconds(2));
        int beforePreemption = capture.count(fromR1);
        assertTrue("r1 advertises again after preempting", capture.awaitPackets(fromR1, beforePreemption + 2, Duration.ofSeconds(5)));
        capture.stop();
        for (Vrrpd r : List.of(r1, r2)) {
            String show = r.vrrpctl("vrrp:show", "VI_1").stdout();
            assertTrue(r.name + ": " + show, show.contains("auth              invalid type 0, type mismatch 0, failures 0, replays 0"));
            assertTrue(r.name + ": " + show, show.contains("authentication    ah"));
        }
        List<String[]> adverts = capture.fields("vrrp", "ip.src", "ah.sequence", "ah.spi", "vrrp.auth_type", "vrrp.checksum.status");
        assertTrue("adverts from both routers: " + adverts.size(), adverts.size() >= 8);
        long previous = -1;
        for (String[] a : adverts) {
            assertEquals("SPI = the sender's address", "0x" + String.format("%08x", org.vrrpd.kernel.Ipv4.parse(a[0])), a[2]);
            assertEquals("2", a[3]);
            assertEquals("1", a[4]);
            long sequence = Long.parseLong(a[1]);
            assertTrue("the VRID's sequence only grows across masters: " + previous + " then " + sequence, sequence > previous);
            previous = sequence;
        }
    }

    @Test
    public void aStoppingMasterResignsAndTheBackupTakesOverAfterSkewTime() throws Exception {
        Vrrpd r1 = daemon(ns1, "r1", 150);
        Vrrpd r2 = daemon(ns2, "r2", 100);
        r1.awaitState("VI_1", "MASTER", STARTUP);
        r2.awaitState("VI_1", "BACKUP", STARTUP);
        Capture capture = lab.capture(br, "br0", "ip proto 112", work.resolve("handover.pcap"));
        r1.process().stop();
        r2.awaitState("VI_1", "MASTER", Duration.ofSeconds(3));
        assertFalse("the resigning master removed its VIP", r1.holds(VIP));
        capture.stop();
        List<String[]> adverts = adverts(capture);
        double resigned = adverts.stream().filter(a -> a[2].equals("0")).mapToDouble(a -> Double.parseDouble(a[0])).min().orElseThrow();
        double firstFromR2 = adverts.stream().filter(a -> a[1].equals("192.0.2.2")).mapToDouble(a -> Double.parseDouble(a[0])).min().orElseThrow();
        System.out.printf("election: priority-0 advert -> first r2 advert %.3f s (Skew_Time(100) = 0.609 s)%n", firstFromR2 - resigned);
        assertTrue("takeover after Skew_Time", firstFromR2 - resigned > 0.55 && firstFromR2 - resigned < 0.75);
    }

    @Test
    public void anInterfaceOrCableFailureMovesTheMasterToFaultAndRecoveryPreemptsBack() throws Exception {
        Vrrpd r1 = daemon(ns1, "r1", 150);
        Vrrpd r2 = daemon(ns2, "r2", 100);
        r1.awaitState("VI_1", "MASTER", STARTUP);
        r2.awaitState("VI_1", "BACKUP", STARTUP);
        lab.exec(ns1, "ip", "link", "set", "eth0", "down").check();
        r1.awaitState("VI_1", "FAULT", Duration.ofSeconds(2));
        assertFalse("FAULT removes the VIP", r1.holds(VIP));
        r2.awaitState("VI_1", "MASTER", Duration.ofSeconds(6));
        assertTrue(r1.vrrpctl("vrrp:show", "VI_1").stdout().contains("interface eth0 is down"));
        lab.exec(ns1, "ip", "link", "set", "eth0", "up").check();
        r1.awaitState("VI_1", "MASTER", Duration.ofSeconds(8));
        r2.awaitState("VI_1", "BACKUP", Duration.ofSeconds(2));
        assertTrue(r1.holds(VIP));
        assertFalse(r2.holds(VIP));

        // The cable, not the interface: the bridge end goes down, r1's eth0 stays administratively up.
        lab.exec(br, "ip", "link", "set", r1Port, "down").check();
        r1.awaitState("VI_1", "FAULT", Duration.ofSeconds(2));
        r2.awaitState("VI_1", "MASTER", Duration.ofSeconds(6));
        String show = r1.vrrpctl("vrrp:show", "VI_1").stdout();
        assertTrue(show, show.contains("link down on eth0 (source ETHTOOL)"));
        assertFalse(r1.holds(VIP));
        assertFalse("in FAULT the interface left the VRRP group", joinedVrrpGroup(ns1));
        lab.exec(br, "ip", "link", "set", r1Port, "up").check();
        r1.awaitState("VI_1", "MASTER", Duration.ofSeconds(8));
        r2.awaitState("VI_1", "BACKUP", Duration.ofSeconds(2));
        assertTrue("recovered, it joined again", joinedVrrpGroup(ns1));
    }

    /** Whether eth0 in {@code ns} is a member of 224.0.0.18, as the kernel reports it. */
    private boolean joinedVrrpGroup(String ns) {
        return lab.exec(ns, "ip", "maddr", "show", "dev", "eth0").check().stdout().contains("inet  224.0.0.18");
    }

    @Test
    public void configurationChangesApplyLiveAndBadOnesAreRejectedByName() throws Exception {
        Vrrpd r1 = daemon(ns1, "r1", 150);
        Vrrpd r2 = daemon(ns2, "r2", 100);
        r1.awaitState("VI_1", "MASTER", STARTUP);
        r2.awaitState("VI_1", "BACKUP", STARTUP);

        Capture capture = lab.capture(client, "eth0", "ip proto 112", work.resolve("reconfigure.pcap"));
        r1.writeConfig("org.vrrpd.vrrp.instance-VI_1.cfg", Vrrpd.instance("VI_1", 51, 120, VIP + "/24, 192.0.2.101/24"));
        awaitTrue("a VIP added to a running master appears at once", () -> r1.holds("192.0.2.101"), Duration.ofSeconds(10));
        // the address is in place a moment before the engine logs the change
        assertTrue(r1.output(), r1.process().awaitOutput("VI_1: reconfigured in place", Duration.ofSeconds(5)));
        assertTrue("an advert with the new priority and addresses follows", capture.awaitPackets(
                "vrrp and ip.src == 192.0.2.1 and vrrp.prio == 120 and vrrp.addr_count == 2", 1, Duration.ofSeconds(3)));
        capture.stop();
        List<String[]> adverts = capture.fields("vrrp and ip.src == 192.0.2.1", "vrrp.prio", "vrrp.addr_count");
        assertEquals("the next advert carries the new priority and addresses", List.of("120", "2"), List.of(adverts.get(adverts.size() - 1)));
        assertFalse("without a state transition", r1.output().contains("VI_1: MASTER -> "));
        assertEquals("MASTER", r1.state("VI_1"));

        r1.writeConfig("org.vrrpd.vrrp.instance-VI_1.cfg", Vrrpd.instance("VI_1", 51, 120, VIP + "/24"));
        awaitTrue("a VIP removed from a running master goes at once", () -> !r1.holds("192.0.2.101"), Duration.ofSeconds(10));
        assertTrue(r1.holds(VIP));
        assertFalse(r1.output().contains("VI_1: MASTER -> "));

        r1.writeConfig("org.vrrpd.vrrp.instance-VI_2.cfg", Vrrpd.instance("VI_2", 300, 100, "192.0.2.200"));
        assertTrue(r1.output(), r1.process().awaitOutput("VRRP instance VI_2: vrid = 300 rejected: must be 1..255; instance not started", Duration.ofSeconds(10)));
        assertEquals("the other instance keeps running", "MASTER", r1.state("VI_1"));

        // A bad value for a running instance: rejected by key and value, the last good configuration stays.
        r1.writeConfig("org.vrrpd.vrrp.instance-VI_1.cfg", Vrrpd.instance("VI_1", 51, 999, VIP + "/24"));
        assertTrue(r1.output(), r1.process().awaitOutput(
                "VRRP instance VI_1: priority = 999 rejected: must be 1..255; the instance keeps its running configuration", Duration.ofSeconds(10)));
        assertTrue(r1.vrrpctl("vrrp:show", "VI_1").stdout().startsWith("VI_1: MASTER on eth0, vrid 51, priority 120"));

        // A second instance on the same link; moving it to another VRID restarts it alone.
        r1.writeConfig("org.vrrpd.vrrp.instance-VI_2.cfg", Vrrpd.instance("VI_2", 52, 100, "192.0.2.200"));
        r1.awaitState("VI_2", "MASTER", Duration.ofSeconds(8));
        r1.writeConfig("org.vrrpd.vrrp.instance-VI_2.cfg", Vrrpd.instance("VI_2", 51, 100, "192.0.2.200"));
        assertTrue(r1.output(), r1.process().awaitOutput("VRRP instance VI_2: vrid = 51 rejected: instance VI_1 already uses it on eth0",
                Duration.ofSeconds(10)));
        assertEquals("a rejected VRID change leaves the instance running", "MASTER", r1.state("VI_2"));
        r1.writeConfig("org.vrrpd.vrrp.instance-VI_2.cfg", Vrrpd.instance("VI_2", 53, 100, "192.0.2.200"));
        assertTrue(r1.output(), r1.process().awaitOutput("VI_2: started on eth0 (vrid 53", Duration.ofSeconds(10)));
        r1.awaitState("VI_2", "MASTER", Duration.ofSeconds(8));
        assertFalse("VI_1 was never touched", r1.output().contains("VI_1: MASTER -> "));

        // An instance on an interface this box does not have: FAULT, saying why; the others run on.
        r1.writeConfig("org.vrrpd.vrrp.instance-VI_3.cfg", Vrrpd.instance("VI_3", 54, 100, "192.0.2.201").replace("eth0", "eth9"));
        r1.awaitState("VI_3", "FAULT", Duration.ofSeconds(8));
        String faulted = r1.vrrpctl("vrrp:show", "VI_3").check().stdout();
        assertTrue(faulted, faulted.contains("eth9") && faulted.contains("faults            interface eth9"));
        assertEquals("MASTER", r1.state("VI_1"));
        assertEquals("MASTER", r1.state("VI_2"));

        r2.writeConfig("org.vrrpd.vrrp.instance-VI_1.cfg", Vrrpd.instance("VI_1", 51, 200, VIP + "/24"));
        r2.awaitState("VI_1", "MASTER", Duration.ofSeconds(8));
        r1.awaitState("VI_1", "BACKUP", Duration.ofSeconds(2));
        assertTrue("a backup raised above the master preempts it", r2.holds(VIP));
    }
}
