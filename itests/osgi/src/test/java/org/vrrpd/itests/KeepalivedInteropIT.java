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
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameters;
import org.vrrpd.lab.Capture;

/**
 * Our daemon and Debian's keepalived on one link, in both roles: VRRPv2 with auth none, PASS and
 * AH, and VRRPv3 at 1 s and at 0.1 s — where our backup, configured for 1 s, learns keepalived's
 * 0.1 s from its adverts and takes over after the Master_Down_Interval that gives.
 */
@RunWith(Parameterized.class)
public class KeepalivedInteropIT extends LabTest {
    private static final String VIP = "192.0.2.100";
    private static final String KEEPALIVED = "192.0.2.1";
    private static final String OURS = "192.0.2.2";
    /** What keepalived says of an advert it refuses (checked by hand against a wrong password). */
    private static final Pattern KEEPALIVED_COMPLAINT = Pattern.compile("invalid|bad|error|mismatch|bogus|discard|wrong|fail",
            Pattern.CASE_INSENSITIVE);

    @Parameters(name = "{0}")
    public static List<Object[]> modes() {
        return List.of(new Object[] {"v2 auth none", "none", 2, "1", "1", false}, new Object[] {"v2 auth pass", "pass", 2, "1", "1", false},
                new Object[] {"v2 auth ah", "ah", 2, "1", "1", false}, new Object[] {"v3 1 s", "none", 3, "1", "1", false},
                new Object[] {"v3 0.1 s, ours configured 1 s", "none", 3, "0.1", "1", false},
                new Object[] {"v2 unicast, no multicast on the bridge", "pass", 2, "1", "1", true});
    }

    private final String auth;
    private final int version;
    /** keepalived's advert_int, and what our backup is configured with (a v3 backup learns the master's). */
    private final String theirInterval;
    private final String ourBackupInterval;
    /** Our Master_Down_Interval at priority 100 with keepalived's interval: 3 x I + 156 x I / 256 (v2: the skew in whole seconds). */
    private final double masterDown;
    /** Unicast peers (keepalived's unicast_peer) on a bridge that floods no multicast. */
    private final boolean unicast;
    private String br;
    private String kaNs;
    private String ourNs;

    public KeepalivedInteropIT(String mode, String auth, int version, String theirInterval, String ourBackupInterval, boolean unicast)
            throws Exception {
        super("vrrpd-interop");
        this.unicast = unicast;
        this.auth = auth;
        this.version = version;
        this.theirInterval = theirInterval;
        this.ourBackupInterval = ourBackupInterval;
        double interval = Double.parseDouble(theirInterval);
        masterDown = 3 * interval + 156.0 / 256 * (version == 3 ? interval : 1);
    }

    @Before
    public void wire() {
        br = lab.bridge("br");
        kaNs = lab.namespace("ka");
        ourNs = lab.namespace("us");
        for (String port : List.of(lab.link(br, kaNs, "eth0", KEEPALIVED + "/24"), lab.link(br, ourNs, "eth0", OURS + "/24"))) {
            if (unicast) {
                lab.exec(br, "bridge", "link", "set", "dev", port, "mcast_flood", "off").check();
            }
        }
    }

    private Keepalived keepalived(int priority) throws Exception {
        String instance = version == 3 ? Keepalived.instanceV3("VI_1", 51, priority, VIP + "/24", theirInterval)
                : Keepalived.instance("VI_1", 51, priority, VIP + "/24", auth, "kaspike1");
        return Keepalived.start(lab, kaNs, work, "keepalived", unicast ? Keepalived.unicast(instance, KEEPALIVED, OURS) : instance);
    }

    private Vrrpd ours(int priority, String advertInterval) throws Exception {
        List<String> lines = new java.util.ArrayList<>(List.of("version = " + version, "advertInterval = " + advertInterval));
        if (!auth.equals("none")) {
            lines.addAll(List.of("authType = " + auth, "authPassword = kaspike1"));
        }
        if (unicast) {
            lines.add("unicastPeers = " + KEEPALIVED);
        }
        return Vrrpd.start(lab, ourNs, work, "us", Map.of("org.vrrpd.vrrp.instance-VI_1.cfg",
                Vrrpd.instance("VI_1", 51, priority, VIP + "/24", lines.toArray(new String[0]))));
    }

    private boolean keepalivedHoldsVip() {
        return lab.exec(kaNs, "ip", "-o", "-4", "addr", "show", "dev", "eth0").check().stdout().contains(" " + VIP + "/");
    }

    @Test
    public void weBackUpKeepalivedAndTakeOverWhenItIsKilled() throws Exception {
        Capture capture = lab.capture(br, "br0", "ip proto 112 or ip proto 51", work.resolve("takeover.pcap"));
        Keepalived ka = keepalived(150);
        Vrrpd us = ours(100, ourBackupInterval);
        awaitTrue("keepalived becomes master", this::keepalivedHoldsVip, Duration.ofSeconds(8));
        us.awaitState("VI_1", "BACKUP", Duration.ofSeconds(5));
        Thread.sleep(4000); // longer than our Master_Down_Interval: only keepalived's adverts keep us backup
        assertEquals("BACKUP", us.state("VI_1"));
        assertFalse("the VIP is on one side only", us.holds(VIP));
        String show = us.vrrpctl("vrrp:show", "VI_1").stdout();
        assertTrue(show, show.contains("master            " + KEEPALIVED));
        assertTrue(show, show.contains("auth              invalid type 0, type mismatch 0, failures 0, replays 0"));
        assertTrue(show, show.contains("dropped           ttl 0, version 0, type 0, length 0, checksum 0, interval 0"));

        ka.crash();
        long takeover = us.awaitState("VI_1", "MASTER", Duration.ofSeconds(6));
        assertTrue(us.holds(VIP));
        capture.stop();
        // On the wire, not as vrrpctl sees it: free of the time the kill and the polling take on a loaded machine.
        double lastFromKeepalived = capture.fields("vrrp and ip.src == " + KEEPALIVED, "frame.time_epoch").stream()
                .mapToDouble(r -> Double.parseDouble(r[0])).max().orElseThrow();
        double firstFromUs = capture.fields("vrrp and ip.src == " + OURS, "frame.time_epoch").stream()
                .mapToDouble(r -> Double.parseDouble(r[0])).min().orElseThrow();
        double silence = firstFromUs - lastFromKeepalived;
        System.out.printf("interop (v%d, %s, %s s): keepalived SIGKILLed -> ours MASTER after %d ms by vrrpctl; keepalived's last advert -> "
                + "our first %.3f s (MDI(100) = %.3f s)%n", version, auth, theirInterval, takeover, silence, masterDown);
        assertTrue("we take over after our Master_Down_Interval since keepalived's last advert: " + silence + " s, MDI " + masterDown,
                silence > masterDown - 0.06 && silence < masterDown + 0.14);
    }

    @Test
    public void keepalivedBacksUsUpAndTakesOverWhenWeAreKilled() throws Exception {
        Capture capture = lab.capture(br, "br0", "ip proto 112 or ip proto 51", work.resolve("interop.pcap"));
        Vrrpd us = ours(150, theirInterval);
        us.awaitState("VI_1", "MASTER", Duration.ofSeconds(10));
        Keepalived ka = keepalived(100);
        Thread.sleep(5000); // longer than keepalived's Master_Down_Interval
        assertFalse(ka.output(), ka.output().contains("Entering MASTER STATE"));
        assertFalse("the VIP is on one side only", keepalivedHoldsVip());
        assertTrue(us.holds(VIP));

        us.process().kill();
        awaitTrue("keepalived takes over", this::keepalivedHoldsVip, Duration.ofSeconds(6));
        capture.stop();
        for (String line : ka.output().lines().toList()) {
            assertFalse("keepalived complains about our adverts: " + line, KEEPALIVED_COMPLAINT.matcher(line).find());
        }
        List<String[]> ourAdverts = capture.fields("vrrp and ip.src == " + OURS, "vrrp.version", "vrrp.type", "ip.ttl",
                "vrrp.checksum.status", version == 3 ? "vrrp.short_adver_int" : "vrrp.auth_type", "vrrp.prio", "vrrp.ip_addr", "ip.dst");
        assertTrue("our adverts were captured", ourAdverts.size() >= 5);
        String authOrInterval = version == 3 ? String.valueOf(Math.round(Double.parseDouble(theirInterval) * 100)) : switch (auth) {
            case "pass" -> "1";
            case "ah" -> "2";
            default -> "0";
        };
        for (String[] a : ourAdverts) {
            assertEquals("tshark decodes ours as keepalived's", List.of(String.valueOf(version), "1", "255", "1", authOrInterval, "150", VIP,
                    unicast ? KEEPALIVED : "224.0.0.18"), List.of(a));
        }
        assertTrue("keepalived advertises once master", capture.fields("vrrp and ip.src == " + KEEPALIVED, "vrrp.prio").size() >= 1);
    }
}
