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
import org.vrrpd.lab.NetLab;

/**
 * A dead or hung master does not keep the VIP: its daemon leases the address from the kernel and
 * renews it while alive, so after a SIGKILL or a SIGSTOP (link up, the kernel answering ARP as
 * long as it has the address) the dead router's copy expires within lease + 1 s, while a client
 * probing with arping hears the backup from its takeover on. A stopped master that continues
 * (SIGCONT) repairs its VIP and the backup steps down within an advert interval.
 */
public class VipLeaseIT extends LabTest {
    private static final String VIP = "192.0.2.100";
    private static final Duration STARTUP = Duration.ofSeconds(15);
    /** The default lease at advertInterval 1 (LeaseSchedule.defaultLeaseSeconds). */
    private static final double LEASE = 5;

    private String ns1;
    private String ns2;
    private String client;
    private String mac1;
    private String mac2;
    private Vrrpd r1;
    private Vrrpd r2;

    public VipLeaseIT() throws Exception {
        super("vrrpd-lease");
    }

    @Before
    public void wire() throws Exception {
        List<String> hosts = lab.hostsOnBridge("r1=192.0.2.1/24", "r2=192.0.2.2/24", "cl=192.0.2.10/24");
        ns1 = hosts.get(0);
        ns2 = hosts.get(1);
        client = hosts.get(2);
        mac1 = ArpProbe.mac(lab, ns1);
        mac2 = ArpProbe.mac(lab, ns2);
        r1 = Vrrpd.start(lab, ns1, work, "r1", Map.of("org.vrrpd.vrrp.instance-VI_1.cfg", Vrrpd.instance("VI_1", 51, 150, VIP + "/24")));
        r2 = Vrrpd.start(lab, ns2, work, "r2", Map.of("org.vrrpd.vrrp.instance-VI_1.cfg", Vrrpd.instance("VI_1", 51, 100, VIP + "/24")));
        r1.awaitState("VI_1", "MASTER", STARTUP);
        r2.awaitState("VI_1", "BACKUP", STARTUP);
        awaitTrue("r1 holds the VIP", () -> r1.holds(VIP), Duration.ofSeconds(3));
    }

    @Test
    public void aKilledMastersVipExpiresWhileTheBackupAnswers() throws Exception {
        String show = r1.vrrpctl("vrrp:show", "VI_1").check().stdout();
        assertTrue(show, show.matches("(?s).*address lease     5 s \\(default\\), renewed every 1 s, last 0\\.\\d\\d s ago.*"));
        String addr = lab.exec(ns1, "ip", "-o", "-4", "addr", "show", "dev", "eth0").check().stdout();
        assertTrue("the kernel holds a lease, not a permanent address: " + addr,
                addr.matches("(?s).*" + VIP + "/24 .*valid_lft [1-5]sec preferred_lft [1-5]sec.*"));

        ArpProbe probe = ArpProbe.start(lab, client, VIP, work, "kill");
        double kill = ArpProbe.now();
        r1.process().kill();
        r2.awaitState("VI_1", "MASTER", Duration.ofSeconds(6));
        double takeover = ArpProbe.now();
        awaitTrue("r1's VIP expires by itself", () -> !r1.holds(VIP), Duration.ofSeconds(8));
        Thread.sleep(1500); // an observation window: the dead router must stay silent; the backup keeps answering
        double end = ArpProbe.now();
        List<ArpProbe.Reply> replies = probe.stop();

        double lastDead = ArpProbe.last(replies, mac1, kill, end) - kill;
        double firstBackup = ArpProbe.first(replies, mac2, kill) - kill;
        double silence = ArpProbe.longestSilence(replies, mac2, takeover, end - 0.3);
        System.out.printf("lease: SIGKILL -> the dead router's last ARP reply after %.3f s (lease %.0f s), the backup's first after %.3f s,"
                + " then never silent longer than %.3f s%n", lastDead, LEASE, firstBackup, silence);
        assertTrue("the dead router answered until " + lastDead + " s after the kill", lastDead <= LEASE + 1);
        assertTrue("the dead router's copy outlived the backup's takeover", lastDead >= 3.0);
        assertTrue("the backup answers from its takeover on: first reply " + firstBackup + " s", firstBackup <= takeover - kill + 0.5);
        assertTrue("the backup kept answering (longest silence " + silence + " s; its replies after the kill at "
                + replies.stream().filter(r -> r.mac().equalsIgnoreCase(mac2)).map(r -> String.format("%.2f", r.at() - kill)).toList()
                + ", takeover seen at " + String.format("%.2f", takeover - kill) + ")", silence < 1.2);
        // Usually 0.2 s (the probes' spacing); one run of four showed a single 1.0 s hole, not understood yet:
        // the bound says only that the backup answered every second once it had taken over.
    }

    @Test
    public void aStoppedMasterLosesItsVipAndRepairsItWhenItContinues() throws Exception {
        Capture adverts = lab.capture(client, "eth0", "ip proto 112 or arp", work.resolve("adverts.pcap"));
        ArpProbe probe = ArpProbe.start(lab, client, VIP, work, "stop");
        String pid = String.valueOf(r1.process().pid());
        double stop = ArpProbe.now();
        NetLab.host("kill", "-STOP", pid).check();
        r2.awaitState("VI_1", "MASTER", Duration.ofSeconds(6));
        awaitTrue("a hung router's VIP expires", () -> !r1.holds(VIP), Duration.ofSeconds(8));
        double expired = ArpProbe.now();

        double resume = ArpProbe.now();
        NetLab.host("kill", "-CONT", pid).check();
        awaitTrue("r1 adds its VIP again", () -> r1.holds(VIP), Duration.ofSeconds(3));
        r2.awaitState("VI_1", "BACKUP", Duration.ofSeconds(3));
        assertEquals("MASTER", r1.state("VI_1"));
        awaitTrue("the backup released the VIP", () -> !r2.holds(VIP), Duration.ofSeconds(2));
        Thread.sleep(2000); // an observation window: only r1 answers now
        double end = ArpProbe.now();
        List<ArpProbe.Reply> replies = probe.stop();
        adverts.stop();

        double lastStopped = ArpProbe.last(replies, mac1, stop, resume);
        assertTrue("the stopped router answered until " + (lastStopped - stop) + " s after SIGSTOP", lastStopped - stop <= LEASE + 1);
        double firstBackup = ArpProbe.first(replies, mac2, stop);
        assertTrue("the backup answered while r1 was stopped", firstBackup < expired);

        List<String[]> vrrp = adverts.fields("vrrp", "frame.time_epoch", "ip.src");
        double r1Back = vrrp.stream().filter(a -> a[1].equals("192.0.2.1")).mapToDouble(a -> Double.parseDouble(a[0]))
                .filter(t -> t >= resume).min().orElseThrow();
        double r2Last = vrrp.stream().filter(a -> a[1].equals("192.0.2.2")).mapToDouble(a -> Double.parseDouble(a[0])).max().orElseThrow();
        double doubleMaster = Math.max(0, r2Last - r1Back);
        System.out.printf("lease: SIGSTOP -> last ARP reply of the stopped router after %.3f s; SIGCONT -> r1's first advert after %.3f s,"
                + " r2's last %.3f s after that (two masters)%n", lastStopped - stop, r1Back - resume, doubleMaster);
        assertTrue("r1 advertises at once when it continues: " + (r1Back - resume), r1Back - resume < 1.0);
        assertTrue("two masters for " + doubleMaster + " s", doubleMaster <= 1.0);

        List<String[]> garps = adverts.fields("arp.isgratuitous == 1 and arp.src.proto_ipv4 == " + VIP, "frame.time_epoch", "eth.src");
        assertTrue("r1 announced its repaired VIP", garps.stream().anyMatch(g -> g[1].equalsIgnoreCase(mac1) && Double.parseDouble(g[0]) >= resume));
        double settled = resume + 1.5;
        assertTrue("after SIGCONT only r1 answers", Double.isNaN(ArpProbe.first(replies, mac2, settled)));
        assertFalse(Double.isNaN(ArpProbe.first(replies, mac1, settled)));
        assertTrue("r1 kept answering after it settled", ArpProbe.longestSilence(replies, mac1, settled, end - 0.3) < 0.5);
        String log = r1.output();
        assertTrue(log, log.contains("the lease of its addresses lapsed"));
        assertTrue(log, log.contains("the address is added again"));
    }
}
