package org.vrrpd.itests;

import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.Test;
import org.vrrpd.lab.Capture;

/**
 * Masters crash in turn: two routers of equal priority without preemption, the master SIGKILLed and
 * restarted again and again ({@code fault.cycles}, 6 in the test run, 100 with scripts/soak), so
 * that the role alternates. From a capture of the whole run: there is never a time without a
 * master for longer than Master_Down_Interval + 50 ms, and never two masters for longer than one
 * advert interval.
 */
public class FaultLoopIT extends LabTest {
    private static final int CYCLES = Integer.getInteger("fault.cycles", 6);
    private static final String VIP = "192.0.2.100";
    private static final double MDI = 3 + (256 - 100) / 256.0;

    public FaultLoopIT() throws Exception {
        super("vrrpd-faultloop");
    }

    @Test
    public void alternatingCrashesNeverLeaveTheVipWithoutAMasterOrWithTwo() throws Exception {
        String br = lab.bridge("br");
        String ns1 = lab.namespace("r1");
        String ns2 = lab.namespace("r2");
        lab.link(br, ns1, "eth0", "192.0.2.1/24");
        lab.link(br, ns2, "eth0", "192.0.2.2/24");
        Capture capture = lab.capture(br, "br0", "ip proto 112", work.resolve("loop.pcap"));
        String config = Vrrpd.instance("VI_1", 51, 100, VIP + "/24", "preempt = false");
        Vrrpd master = Vrrpd.start(lab, ns1, work, "r1", Map.of("org.vrrpd.vrrp.instance-VI_1.cfg", config));
        master.awaitState("VI_1", "MASTER", Duration.ofSeconds(10));
        Vrrpd backup = Vrrpd.start(lab, ns2, work, "r2", Map.of("org.vrrpd.vrrp.instance-VI_1.cfg", config));
        backup.awaitState("VI_1", "BACKUP", Duration.ofSeconds(10));
        for (int cycle = 0; cycle < CYCLES; cycle++) {
            Thread.sleep(1500);
            master.process().kill();
            backup.awaitState("VI_1", "MASTER", Duration.ofSeconds(6));
            master.start();
            master.awaitState("VI_1", "BACKUP", Duration.ofSeconds(30));
            Vrrpd crashed = master;
            master = backup;
            backup = crashed;
        }
        Thread.sleep(1500);
        capture.stop();

        List<Double> all = new ArrayList<>();
        Map<String, List<double[]>> periods = new HashMap<>(); // per source: spans of adverts at most 1.5 s apart
        for (String[] row : capture.fields("vrrp and vrrp.prio > 0", "frame.time_epoch", "ip.src")) {
            double t = Double.parseDouble(row[0]);
            all.add(t);
            List<double[]> spans = periods.computeIfAbsent(row[1], k -> new ArrayList<>());
            if (spans.isEmpty() || t - spans.get(spans.size() - 1)[1] > 1.5) {
                spans.add(new double[] {t, t});
            } else {
                spans.get(spans.size() - 1)[1] = t;
            }
        }
        double longestSilence = 0;
        for (int i = 1; i < all.size(); i++) {
            longestSilence = Math.max(longestSilence, all.get(i) - all.get(i - 1));
        }
        double longestOverlap = 0;
        for (double[] a : periods.getOrDefault("192.0.2.1", List.of())) {
            for (double[] b : periods.getOrDefault("192.0.2.2", List.of())) {
                longestOverlap = Math.max(longestOverlap, Math.min(a[1], b[1]) - Math.max(a[0], b[0]));
            }
        }
        int adverts = all.size();
        System.out.printf("fault loop: %d crashes, %d adverts, longest time without a master %.3f s (MDI %.3f s), two masters at most %.3f s%n",
                CYCLES, adverts, longestSilence, MDI, longestOverlap);
        assertTrue("both routers were master: " + periods.keySet(), periods.size() == 2);
        assertTrue("no master for " + longestSilence + " s", longestSilence <= MDI + 0.050);
        assertTrue("two masters for " + longestOverlap + " s", longestOverlap <= 1.0);
    }

    /**
     * The master's cable flapping ten times a second, a storm of 2,000 addresses through netlink on a second interface
     * (the reflector's socket overflows and re-dumps) and its configuration file rewritten fifty
     * times: afterwards one master, the right one, with the last configuration, and no advert gap
     * of the master longer than the flaps themselves caused.
     */
    @Test
    public void aMasterSettlesAfterLinkFlapsAnAddressStormAndConfigurationChurn() throws Exception {
        String br = lab.bridge("br");
        String ns1 = lab.namespace("r1");
        String ns2 = lab.namespace("r2");
        String port1 = lab.link(br, ns1, "eth0", "192.0.2.1/24");
        lab.link(br, ns2, "eth0", "192.0.2.2/24");
        Vrrpd r1 = Vrrpd.start(lab, ns1, work, "r1", Map.of("org.vrrpd.vrrp.instance-VI_1.cfg", Vrrpd.instance("VI_1", 51, 150, VIP + "/24")));
        Vrrpd r2 = Vrrpd.start(lab, ns2, work, "r2", Map.of("org.vrrpd.vrrp.instance-VI_1.cfg", Vrrpd.instance("VI_1", 51, 100, VIP + "/24")));
        r1.awaitState("VI_1", "MASTER", Duration.ofSeconds(10));
        r2.awaitState("VI_1", "BACKUP", Duration.ofSeconds(10));

        for (int flap = 0; flap < 40; flap++) {
            lab.exec(br, "ip", "link", "set", port1, flap % 2 == 0 ? "down" : "up").check();
            Thread.sleep(50);
        }
        lab.exec(br, "ip", "link", "set", port1, "up").check();
        r1.awaitState("VI_1", "MASTER", Duration.ofSeconds(15));
        r2.awaitState("VI_1", "BACKUP", Duration.ofSeconds(5));

        Capture capture = lab.capture(br, "br0", "ip proto 112", work.resolve("storm.pcap"));
        int logMark = r1.output().length();
        lab.exec(ns1, "ip", "link", "add", "storm0", "type", "veth", "peer", "name", "storm1").check();
        lab.exec(ns1, "sysctl", "-q", "-w", "net.ipv6.conf.storm0.disable_ipv6=0").check();
        StringBuilder batch = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            batch.append("addr add 2001:db8:5::").append(Integer.toHexString(i + 1)).append("/128 dev storm0 nodad\n");
        }
        Path batchFile = Files.writeString(work.resolve("storm.batch"), batch.toString());
        lab.exec(ns1, "ip", "-batch", batchFile.toString()).check();
        for (int i = 0; i < 50; i++) {
            r1.writeConfig("org.vrrpd.vrrp.instance-VI_1.cfg", Vrrpd.instance("VI_1", 51, 150 + i % 2, VIP + "/24"));
            Thread.sleep(20);
        }
        r1.writeConfig("org.vrrpd.vrrp.instance-VI_1.cfg", Vrrpd.instance("VI_1", 51, 160, VIP + "/24"));
        awaitTrue("the last configuration applies", () -> r1.vrrpctl("vrrp:show", "VI_1").stdout().contains("priority 160"), Duration.ofSeconds(10));
        Thread.sleep(2000);
        capture.stop();

        assertTrue("MASTER".equals(r1.state("VI_1")) && "BACKUP".equals(r2.state("VI_1")));
        assertTrue("the VIP on the master only", r1.holds(VIP) && !r2.holds(VIP));
        List<Double> times = capture.fields("vrrp and ip.src == 192.0.2.1", "frame.time_epoch").stream().map(r -> Double.parseDouble(r[0])).toList();
        double longestGap = 0;
        for (int i = 1; i < times.size(); i++) {
            longestGap = Math.max(longestGap, times.get(i) - times.get(i - 1));
        }
        System.out.printf("fault loop: storm and churn: %d master adverts, longest gap %.3f s, reflector re-dumps: %d%n", times.size(),
                longestGap, r1.output().lines().filter(l -> l.contains("re-dumped")).count());
        assertTrue("the master kept advertising through the storm and the churn: " + longestGap, longestGap < 1.1);
        String during = r1.output().substring(logMark);
        assertTrue("no transition during the storm and the churn:\n" + during, !during.contains("VI_1: MASTER -> "));
        long mirrored = r1.vrrpctl("iface:show", "storm0").check().stdout().lines().filter(l -> l.contains("2001:db8:5:")).count();
        assertTrue("the reflector's model has every address of the storm: " + mirrored, mirrored == 2000);
    }
}
