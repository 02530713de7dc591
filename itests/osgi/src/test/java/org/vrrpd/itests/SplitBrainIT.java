package org.vrrpd.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.Test;

/**
 * Two masters on one virtual router, and nobody yielding: ours says so (vrrp:show, vrrp:list, the
 * log) and brings the clients back with gratuitous ARPs; when one yields the report ends.
 */
public class SplitBrainIT extends LabTest {
    private static final String VIP = "192.0.2.100";
    private static final String KEEPALIVED = "192.0.2.1";
    private static final String OURS = "192.0.2.2";

    public SplitBrainIT() throws Exception {
        super("vrrpd-splitbrain");
    }

    /** The client's neighbour entry for the VIP: the MAC it sends the VIP's traffic to. */
    private String clientsMacForVip(String client) {
        lab.exec(client, "ping", "-c", "1", "-W", "1", VIP);
        String neigh = lab.exec(client, "ip", "neigh", "show", VIP).stdout();
        return neigh.replaceAll("(?s).*lladdr ([0-9a-f:]+).*", "$1").trim();
    }

    /**
     * The case: keepalived backs us up; then a second VIP is added to ours only. keepalived
     * now drops every advert of ours ("unexpected ip number count") and becomes master; ours hears
     * keepalived's lower adverts and stays master.
     */
    @Test
    public void anAddressListOnlyOneSideHasMakesTwoMastersWhichOursReportsAndHealsForItsClients() throws Exception {
        String br = lab.bridge("br");
        String kaNs = lab.namespace("ka");
        String ourNs = lab.namespace("us");
        String client = lab.namespace("cl");
        lab.link(br, kaNs, "eth0", KEEPALIVED + "/24");
        lab.link(br, ourNs, "eth0", OURS + "/24");
        lab.link(br, client, "eth0", "192.0.2.10/24");
        Vrrpd us = Vrrpd.start(lab, ourNs, work, "us", Map.of("org.vrrpd.vrrp.instance-VI_1.cfg",
                Vrrpd.instance("VI_1", 71, 150, VIP + "/24")));
        us.awaitState("VI_1", "MASTER", Duration.ofSeconds(10));
        Keepalived ka = Keepalived.start(lab, kaNs, work, "keepalived", Keepalived.instance("VI_1", 71, 100, VIP + "/24", "none", ""));
        assertTrue("keepalived backs us up", ka.output().contains("Entering BACKUP STATE"));

        us.writeConfig("org.vrrpd.vrrp.instance-VI_1.cfg", Vrrpd.instance("VI_1", 71, 150, VIP + "/24, 192.0.2.101/24"));
        assertTrue(ka.output(), ka.awaitOutput("Entering MASTER STATE", Duration.ofSeconds(10)));
        long since = System.nanoTime();
        String show = awaitContains("ours reports the split brain", () -> us.vrrpctl("vrrp:show", "VI_1").stdout(), Duration.ofSeconds(3),
                "split brain       with " + KEEPALIVED + " for ");
        assertTrue(show, show.contains("lower priority 100, and its address list differs from ours"));
        assertTrue(us.vrrpctl("vrrp:list").stdout().contains("SPLIT BRAIN: VI_1 with " + KEEPALIVED));
        assertTrue(us.output(), us.output().contains("VI_1: split brain: " + KEEPALIVED + " is master too"));
        assertEquals("ours stays master: it has the higher priority", "MASTER", us.state("VI_1"));
        String ourMac = ArpProbe.mac(lab, ourNs);
        awaitTrue("the client's ARP entry for the VIP points at ours, the higher priority", () -> ourMac.equals(clientsMacForVip(client)),
                Duration.ofSeconds(3));
        System.out.printf("split brain: reported and the client back on ours within %d ms of keepalived's MASTER%n",
                (System.nanoTime() - since) / 1_000_000);

        ka.stop(); // keepalived resigns: the other master is gone
        awaitContains("the report ends", () -> us.vrrpctl("vrrp:show", "VI_1").stdout(), Duration.ofSeconds(8),
                "split brain       none (1 so far)");
        assertTrue(us.output(), us.output().contains("VI_1: split brain with " + KEEPALIVED + " over after"));
    }

    /** A partition (no multicast between the two) makes both master; healed, the lower yields and the report ends. */
    @Test
    public void aHealedPartitionEndsWithOneMasterAndTheReportOver() throws Exception {
        String br = lab.bridge("br");
        String ns1 = lab.namespace("r1");
        String ns2 = lab.namespace("r2");
        String p1 = lab.link(br, ns1, "eth0", "192.0.2.1/24");
        String p2 = lab.link(br, ns2, "eth0", "192.0.2.2/24");
        for (String port : new String[] {p1, p2}) {
            lab.exec(br, "bridge", "link", "set", "dev", port, "mcast_flood", "off").check();
        }
        Vrrpd r1 = Vrrpd.start(lab, ns1, work, "r1", Map.of("org.vrrpd.vrrp.instance-VI_1.cfg", Vrrpd.instance("VI_1", 51, 150, VIP + "/24",
                "authType = pass", "authPassword = s3cret")));
        Vrrpd r2 = Vrrpd.start(lab, ns2, work, "r2", Map.of("org.vrrpd.vrrp.instance-VI_1.cfg", Vrrpd.instance("VI_1", 51, 100, VIP + "/24",
                "authType = pass", "authPassword = s3cret")));
        r1.awaitState("VI_1", "MASTER", Duration.ofSeconds(10));
        r2.awaitState("VI_1", "MASTER", Duration.ofSeconds(10));

        // healed towards r1 first: r1 hears r2, r2 does not hear r1 yet
        lab.exec(br, "bridge", "link", "set", "dev", p1, "mcast_flood", "on").check();
        awaitContains("r1 reports r2 as a second master", () -> r1.vrrpctl("vrrp:show", "VI_1").stdout(), Duration.ofSeconds(3),
                "split brain       with 192.0.2.2 for ", "lower priority 100");
        assertTrue(r1.output(), r1.output().contains("VI_1: split brain: 192.0.2.2 is master too (lower priority 100)"));
        assertEquals("MASTER", r2.state("VI_1"));
        lab.exec(br, "bridge", "link", "set", "dev", p2, "mcast_flood", "on").check();
        r2.awaitState("VI_1", "BACKUP", Duration.ofSeconds(3));
        assertEquals("MASTER", r1.state("VI_1"));
        awaitContains("r1's report ends once r2 is silent", () -> r1.vrrpctl("vrrp:show", "VI_1").stdout(), Duration.ofSeconds(8),
                "split brain       none (1 so far)");
    }

    /** Another password (PASS) on one side: keepalived and ours each drop the other's adverts; ours says why. */
    @Test
    public void aWrongPasswordOnOneSideIsReportedWithItsReason() throws Exception {
        wrongSecretOnOneSide("pass");
    }

    /** The same with another IPSEC-AH key. */
    @Test
    public void aWrongAhKeyOnOneSideIsReportedWithItsReason() throws Exception {
        wrongSecretOnOneSide("ah");
    }

    private void wrongSecretOnOneSide(String auth) throws Exception {
        String br = lab.bridge("br");
        String kaNs = lab.namespace("ka");
        String ourNs = lab.namespace("us");
        lab.link(br, kaNs, "eth0", KEEPALIVED + "/24");
        lab.link(br, ourNs, "eth0", OURS + "/24");
        Vrrpd us = Vrrpd.start(lab, ourNs, work, "us", Map.of("org.vrrpd.vrrp.instance-VI_1.cfg",
                Vrrpd.instance("VI_1", 51, 150, VIP + "/24", "authType = " + auth, "authPassword = ours")));
        us.awaitState("VI_1", "MASTER", Duration.ofSeconds(10));
        Keepalived ka = Keepalived.start(lab, kaNs, work, "keepalived", Keepalived.instance("VI_1", 51, 100, VIP + "/24", auth, "theirs"));
        assertTrue(ka.output(), ka.awaitOutput("Entering MASTER STATE", Duration.ofSeconds(10)));
        awaitContains("ours reports it", () -> us.vrrpctl("vrrp:show", "VI_1").stdout(), Duration.ofSeconds(3),
                "split brain       with " + KEEPALIVED + " for ", "its adverts fail authentication");
    }
}
