package org.vrrpd.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.Test;
import org.vrrpd.lab.Capture;

/**
 * Every bundle of a running master updated and refreshed in turn, the VRRP engine included: the
 * master never changes state, the backup never hears a gap, and AH never rejects an advert, all
 * checked on the wire from a client namespace.
 */
public class HotSwapIT extends LabTest {
    private static final String VIP = "192.0.2.100";
    /** The bundles swapped, in this order; the engine last, as it is the hardest. */
    private static final List<String> SWAPPED = List.of("org.vrrpd.auth", "org.vrrpd.arp", "org.vrrpd.netlink", "org.vrrpd.mii",
            "org.vrrpd.lvs", "org.vrrpd.track.iface", "org.vrrpd.control", "org.apache.felix.gogo.shell", "org.vrrpd.vrrp");
    private static final double ALLOWED_GAP = 1.1; // advert interval + 100 ms


    public HotSwapIT() throws Exception {
        super("vrrpd-hotswap");
    }

    /** Bundle id by symbolic name, from {@code lb -s}. */
    static Map<String, String> bundleIds(Vrrpd daemon) {
        Map<String, String> ids = new LinkedHashMap<>();
        for (String line : daemon.vrrpctl("lb", "-s").check().stdout().split("\n")) {
            String[] cols = line.split("\\|");
            if (cols.length >= 4 && cols[0].trim().matches("\\d+")) {
                ids.put(cols[3].replaceAll(" \\(.*", "").trim(), cols[0].trim());
            }
        }
        return ids;
    }

    @Test
    public void everyBundleIsUpdatedUnderARunningMasterWithoutATransitionOrAGap() throws Exception {
        String br = lab.bridge("br");
        String ns1 = lab.namespace("r1");
        String ns2 = lab.namespace("r2");
        String client = lab.namespace("cl");
        lab.link(br, ns1, "eth0", "192.0.2.1/24");
        lab.link(br, ns2, "eth0", "192.0.2.2/24");
        lab.link(br, client, "eth0", "192.0.2.10/24");
        String[] ah = {"authType = ah", "authPassword = s3cret"};
        // The LVS sync daemon follows VI_1; this kernel has no IPVS, which must not disturb VRRP either.
        Vrrpd r1 = Vrrpd.start(lab, ns1, work, "r1", Map.of("org.vrrpd.vrrp.instance-VI_1.cfg", Vrrpd.instance("VI_1", 51, 150, VIP + "/24", ah),
                "org.vrrpd.lvs.cfg", "instance = VI_1\ninterfaceName = eth0\nsyncId = 51\n",
                "org.vrrpd.track.interface-eth0.cfg", "vrrp.instance = VI_1\ninterfaceName = eth0\nweight = -10\n"));
        Vrrpd r2 = Vrrpd.start(lab, ns2, work, "r2", Map.of("org.vrrpd.vrrp.instance-VI_1.cfg", Vrrpd.instance("VI_1", 51, 100, VIP + "/24", ah)));
        r1.awaitState("VI_1", "MASTER", Duration.ofSeconds(15));
        r2.awaitState("VI_1", "BACKUP", Duration.ofSeconds(15));
        Capture capture = lab.capture(client, "eth0", "ip proto 51", work.resolve("hotswap.pcap"));
        // three adverts: the capture then reaches back further than the first window's start (1.2 s before its swap)
        assertTrue("the master advertises before the first swap", capture.awaitPackets("vrrp", 3, Duration.ofSeconds(5)));

        Map<String, String> ids = bundleIds(r1);
        List<double[]> windows = new ArrayList<>();
        for (String bsn : SWAPPED) {
            String id = ids.get(bsn);
            assertTrue(bsn + " is installed: " + ids, id != null);
            double start = System.currentTimeMillis() / 1000.0;
            r1.vrrpctl("update", id).check();
            r1.vrrpctl("refresh", id).check();
            // Not a wait for an event: the window in which the master must go on advertising, a few intervals
            // past the swap; a master that fell silent in it reads as the silence to its end (AdvertGaps.longestSilence).
            Thread.sleep(2500);
            windows.add(new double[] {start, System.currentTimeMillis() / 1000.0});
            assertEquals(bsn + " swapped: r1 still master", "MASTER", r1.state("VI_1"));
        }
        capture.stop();

        List<String[]> adverts = capture.fields("vrrp", "frame.time_epoch", "ip.src", "ah.sequence", "vrrp.prio");
        List<Double> fromR1 = new ArrayList<>();
        long previousSequence = -1;
        for (String[] a : adverts) {
            assertEquals("only the master advertises", "192.0.2.1", a[1]);
            assertEquals("150", a[3]);
            long sequence = Long.parseLong(a[2]);
            assertTrue("AH sequence keeps growing across swaps: " + previousSequence + " then " + sequence, sequence > previousSequence);
            previousSequence = sequence;
            fromR1.add(Double.parseDouble(a[0]));
        }
        double worst = 0;
        String worstSwap = "none";
        for (int i = 0; i < SWAPPED.size(); i++) {
            double[] w = windows.get(i);
            // from an interval (+ 0.2 s slack) before the swap: the last advert before it belongs to the window
            double gap = AdvertGaps.longestSilence(fromR1, w[0] - 1.2, w[1]);
            if (gap > worst) {
                worst = gap;
                worstSwap = SWAPPED.get(i);
            }
            System.out.printf("hot swap: %-28s updated+refreshed under the master: longest advert gap %.3f s%n", SWAPPED.get(i), gap);
        }
        assertTrue("longest advert gap " + worst + " s, around the swap of " + worstSwap, worst <= ALLOWED_GAP);
        assertEquals("r1's only transitions are its start (INITIALIZE -> BACKUP -> MASTER): " + r1.output(), 2,
                r1.output().split("VI_1: [A-Z]+ -> ", -1).length - 1);
        assertFalse("r2 never moved: " + r2.output(), r2.output().contains("VI_1: BACKUP -> "));
        String show = r2.vrrpctl("vrrp:show", "VI_1").stdout();
        assertTrue(show, show.contains("auth              invalid type 0, type mismatch 0, failures 0, replays 0"));
        assertTrue("the VIP never left r1", r1.holds(VIP));
        assertTrue(r1.output(), r1.output().contains("VI_1: resumed as MASTER from the previous engine"));
        assertTrue("the checker is bound again after every swap", r1.vrrpctl("vrrp:show", "VI_1").stdout()
                .contains("checks            track-interface +0 (eth0 is UP)"));
        String lvs = r1.vrrpctl("lvs:status").check().stdout();
        assertTrue(lvs, lvs.contains("sync daemon: following VI_1 (MASTER) on eth0, sync id 51: wants MASTER"));
    }
}
