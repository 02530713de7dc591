package org.vrrpd.itests;

import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.Test;

/**
 * Checker bundles adjusting a running master with keepalived's weight directions: track-interface's
 * negative weight lowers r1 below r2 while r1's uplink is down; track-script's positive weight lifts
 * r1 above r2 only while its script succeeds.
 */
public class CheckerIT extends LabTest {
    private static final String VIP = "192.0.2.100";


    public CheckerIT() throws Exception {
        super("vrrpd-checker");
    }

    @Test
    public void aTrackedInterfaceGoingDownHandsTheRoleOverByWeightAndBack() throws Exception {
        String br = lab.bridge("br");
        String uplink = lab.bridge("up");
        String ns1 = lab.namespace("r1");
        String ns2 = lab.namespace("r2");
        lab.link(br, ns1, "eth0", "192.0.2.1/24");
        lab.link(br, ns2, "eth0", "192.0.2.2/24");
        String r1Uplink = lab.link(uplink, ns1, "eth1", "198.51.100.1/24");
        Vrrpd r1 = Vrrpd.start(lab, ns1, work, "r1", Map.of(
                "org.vrrpd.vrrp.instance-VI_1.cfg", Vrrpd.instance("VI_1", 51, 150, VIP + "/24"),
                "org.vrrpd.track.interface-eth1.cfg", "vrrp.instance = VI_1\ninterfaceName = eth1\nweight = -60\n"));
        Vrrpd r2 = Vrrpd.start(lab, ns2, work, "r2", Map.of("org.vrrpd.vrrp.instance-VI_1.cfg", Vrrpd.instance("VI_1", 51, 100, VIP + "/24")));
        r1.awaitState("VI_1", "MASTER", Duration.ofSeconds(15));
        r2.awaitState("VI_1", "BACKUP", Duration.ofSeconds(15));
        String show = r1.vrrpctl("vrrp:show", "VI_1").stdout();
        assertTrue(show, show.contains("checks            track-interface +0 (eth1 is UP)"));

        lab.exec(uplink, "ip", "link", "set", r1Uplink, "down").check(); // r1's uplink cable
        r2.awaitState("VI_1", "MASTER", Duration.ofSeconds(6)); // 90 < 100: r2 preempts after its Master_Down_Interval
        r1.awaitState("VI_1", "BACKUP", Duration.ofSeconds(2));
        show = r1.vrrpctl("vrrp:show", "VI_1").stdout();
        assertTrue(show, show.startsWith("VI_1: BACKUP on eth0, vrid 51, priority 90 (configured 150)"));
        assertTrue(show, show.contains("checks            track-interface -60 (eth1 is DOWN (ETHTOOL))"));
        assertTrue(r2.holds(VIP));

        lab.exec(uplink, "ip", "link", "set", r1Uplink, "up").check();
        r1.awaitState("VI_1", "MASTER", Duration.ofSeconds(6)); // 150 again: r1 preempts back
        r2.awaitState("VI_1", "BACKUP", Duration.ofSeconds(2));
        assertTrue(r1.holds(VIP));
    }

    @Test
    public void aPositiveScriptWeightHoldsTheRoleOnlyWhileTheScriptSucceeds() throws Exception {
        java.nio.file.Path healthy = java.nio.file.Files.writeString(work.resolve("healthy"), "yes");
        String br = lab.bridge("br");
        String ns1 = lab.namespace("r1");
        String ns2 = lab.namespace("r2");
        lab.link(br, ns1, "eth0", "192.0.2.1/24");
        lab.link(br, ns2, "eth0", "192.0.2.2/24");
        Vrrpd r1 = Vrrpd.start(lab, ns1, work, "r1", Map.of(
                "org.vrrpd.vrrp.instance-VI_1.cfg", Vrrpd.instance("VI_1", 51, 90, VIP + "/24"),
                "org.vrrpd.track.script-healthy.cfg", "vrrp.instance = VI_1\nscript = test -e " + healthy
                        + "\ninterval = 0.5\nfall = 2\nrise = 1\nweight = 60\n"));
        Vrrpd r2 = Vrrpd.start(lab, ns2, work, "r2", Map.of("org.vrrpd.vrrp.instance-VI_1.cfg", Vrrpd.instance("VI_1", 51, 100, VIP + "/24")));
        r1.awaitState("VI_1", "MASTER", Duration.ofSeconds(15)); // 90 + 60 while the script succeeds
        r2.awaitState("VI_1", "BACKUP", Duration.ofSeconds(15));
        String show = r1.vrrpctl("vrrp:show", "VI_1").stdout();
        assertTrue(show, show.startsWith("VI_1: MASTER on eth0, vrid 51, priority 150 (configured 90)"));
        assertTrue(show, show.contains("track-script +60 ('test -e " + healthy + "' succeeds)"));

        java.nio.file.Files.delete(healthy); // the service the script checks goes down
        r2.awaitState("VI_1", "MASTER", Duration.ofSeconds(8)); // two failed runs, then r2's Master_Down_Interval
        r1.awaitState("VI_1", "BACKUP", Duration.ofSeconds(2));
        show = r1.vrrpctl("vrrp:show", "VI_1").stdout();
        assertTrue(show, show.startsWith("VI_1: BACKUP on eth0, vrid 51, priority 90\n"));
        assertTrue(show, show.contains("track-script +0 ('test -e " + healthy + "' fails)"));

        java.nio.file.Files.writeString(healthy, "yes");
        r1.awaitState("VI_1", "MASTER", Duration.ofSeconds(8));
        r2.awaitState("VI_1", "BACKUP", Duration.ofSeconds(2));
    }
}
