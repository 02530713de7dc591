package org.vrrpd.itests;

import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.Test;

/** keepalived's vrrp_sync_group: two instances on two links move together when one link fails. */
public class SyncGroupIT extends LabTest {
    public SyncGroupIT() throws Exception {
        super("vrrpd-syncgroup");
    }

    private static Map<String, String> pair(int priority) {
        return Map.of("org.vrrpd.vrrp.instance-VI_A.cfg", Vrrpd.instance("VI_A", 51, priority, "192.0.2.100/24", "syncGroup = VG_1"),
                "org.vrrpd.vrrp.instance-VI_B.cfg", Vrrpd.instance("VI_B", 52, priority, "198.51.100.100/24", "syncGroup = VG_1")
                        .replace("interfaceName = eth0", "interfaceName = eth1"));
    }

    @Test
    public void whenOneLinkFailsTheWholeGroupMovesAndComesBack() throws Exception {
        String front = lab.bridge("front");
        String back = lab.bridge("back");
        String ns1 = lab.namespace("r1");
        String ns2 = lab.namespace("r2");
        lab.link(front, ns1, "eth0", "192.0.2.1/24");
        String r1Back = lab.link(back, ns1, "eth1", "198.51.100.1/24");
        lab.link(front, ns2, "eth0", "192.0.2.2/24");
        lab.link(back, ns2, "eth1", "198.51.100.2/24");
        Vrrpd r1 = Vrrpd.start(lab, ns1, work, "r1", pair(150));
        Vrrpd r2 = Vrrpd.start(lab, ns2, work, "r2", pair(100));
        for (String vi : new String[] {"VI_A", "VI_B"}) {
            r1.awaitState(vi, "MASTER", Duration.ofSeconds(15));
            r2.awaitState(vi, "BACKUP", Duration.ofSeconds(15));
        }

        lab.exec(back, "ip", "link", "set", r1Back, "down").check(); // only the back link fails
        r1.awaitState("VI_B", "FAULT", Duration.ofSeconds(2));
        r1.awaitState("VI_A", "FAULT", Duration.ofSeconds(2));
        String show = r1.vrrpctl("vrrp:show", "VI_A").stdout();
        assertTrue(show, show.contains("sync group: VI_B is in FAULT"));
        r2.awaitState("VI_A", "MASTER", Duration.ofSeconds(6));
        r2.awaitState("VI_B", "MASTER", Duration.ofSeconds(6));
        assertTrue("the front VIP moved with the group", r2.holds("192.0.2.100"));

        lab.exec(back, "ip", "link", "set", r1Back, "up").check();
        for (String vi : new String[] {"VI_A", "VI_B"}) {
            r1.awaitState(vi, "MASTER", Duration.ofSeconds(8));
            r2.awaitState(vi, "BACKUP", Duration.ofSeconds(3));
        }
    }
}
