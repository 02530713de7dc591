package org.vrrpd.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

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
    /** The churn rewrites the master's priority to each of these in turn. */
    private static final int FIRST_CHURNED = 151;
    private static final int LAST_CHURNED = 160;

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
        String masterAddress = "192.0.2.1";
        String backupAddress = "192.0.2.2";
        for (int cycle = 0; cycle < CYCLES; cycle++) {
            awaitHeard(backup, masterAddress);
            master.process().kill();
            backup.awaitState("VI_1", "MASTER", Duration.ofSeconds(6));
            master.start();
            master.awaitState("VI_1", "BACKUP", Duration.ofSeconds(30));
            Vrrpd crashed = master;
            master = backup;
            backup = crashed;
            String crashedAddress = masterAddress;
            masterAddress = backupAddress;
            backupAddress = crashedAddress;
        }
        awaitHeard(backup, masterAddress);
        double end = System.currentTimeMillis() / 1000.0;
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
        assertTrue("adverts were captured", !all.isEmpty());
        // to the end of the run too: a last master that fell silent leaves the VIP without one
        double longestSilence = AdvertGaps.longestSilence(all, all.get(0), end);
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
     * (the reflector's socket overflows and re-dumps, which it logs) and its configuration file rewritten
     * ten times, each applied in place before the next: afterwards one master, the right one, advertising
     * the last configuration, no transition, and no advert gap of the master longer than an interval.
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
            Thread.sleep(50); // not a wait for an event: the flapping rate is what the master must weather
        }
        lab.exec(br, "ip", "link", "set", port1, "up").check();
        r1.awaitState("VI_1", "MASTER", Duration.ofSeconds(15));
        r2.awaitState("VI_1", "BACKUP", Duration.ofSeconds(5));

        Capture capture = lab.capture(br, "br0", "ip proto 112", work.resolve("storm.pcap"));
        double start = System.currentTimeMillis() / 1000.0;
        int logMark = r1.output().length();
        lab.exec(ns1, "ip", "link", "add", "storm0", "type", "veth", "peer", "name", "storm1").check();
        lab.exec(ns1, "sysctl", "-q", "-w", "net.ipv6.conf.storm0.disable_ipv6=0").check();
        StringBuilder batch = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            batch.append("addr add 2001:db8:5::").append(Integer.toHexString(i + 1)).append("/128 dev storm0 nodad\n");
        }
        Path batchFile = Files.writeString(work.resolve("storm.batch"), batch.toString());
        lab.exec(ns1, "ip", "-batch", batchFile.toString()).check();
        // Each rewrite waits until the engine has applied it: FileInstall polls every 500 ms, so rewrites
        // closer together would mostly be superseded before anyone read them.
        for (int priority = FIRST_CHURNED; priority <= LAST_CHURNED; priority++) {
            r1.writeConfig("org.vrrpd.vrrp.instance-VI_1.cfg", Vrrpd.instance("VI_1", 51, priority, VIP + "/24"));
            if (!r1.process().awaitOutput("VI_1: reconfigured in place (priority " + priority + ",", Duration.ofSeconds(5))) {
                fail("rewrite to priority " + priority + " not applied within 5 s:\n" + r1.output().substring(logMark));
            }
        }
        awaitContains("the last configuration shows", () -> r1.vrrpctl("vrrp:show", "VI_1").stdout(), Duration.ofSeconds(5),
                "VI_1: MASTER on eth0, vrid 51, priority " + LAST_CHURNED + "\n");
        assertTrue("the master advertises the last priority", capture.awaitPackets("vrrp and ip.src == 192.0.2.1 and vrrp.prio == "
                + LAST_CHURNED, 2, Duration.ofSeconds(5)));
        awaitTrue("the address storm overflowed the reflector's socket, which re-dumped:\n" + r1.output().substring(logMark),
                () -> r1.output().substring(logMark).contains("re-dumped"), Duration.ofSeconds(10));
        double end = System.currentTimeMillis() / 1000.0;
        capture.stop();

        assertTrue("MASTER".equals(r1.state("VI_1")) && "BACKUP".equals(r2.state("VI_1")));
        assertTrue("the VIP on the master only", r1.holds(VIP) && !r2.holds(VIP));
        List<Double> times = capture.fields("vrrp and ip.src == 192.0.2.1", "frame.time_epoch").stream().map(r -> Double.parseDouble(r[0])).toList();
        double longestGap = AdvertGaps.longestSilence(times, start, end);
        String during = r1.output().substring(logMark);
        System.out.printf("fault loop: storm and churn: %d master adverts, longest gap %.3f s, reflector re-dumps: %d%n", times.size(),
                longestGap, during.lines().filter(l -> l.contains("re-dumped")).count());
        assertTrue("the master kept advertising through the storm and the churn: " + longestGap, longestGap < 1.1);
        assertTrue("no transition during the storm and the churn:\n" + during, !during.contains("VI_1: MASTER -> "));
        assertEquals("every rewrite applied once, in place:\n" + during, LAST_CHURNED - FIRST_CHURNED + 1,
                during.split("VI_1: reconfigured in place", -1).length - 1);
        long mirrored = r1.vrrpctl("iface:show", "storm0").check().stdout().lines().filter(l -> l.contains("2001:db8:5:")).count();
        assertTrue("the reflector's model has every address of the storm: " + mirrored, mirrored == 2000);
    }

    /** Waits until {@code backup} names {@code masterAddress} as its master, i.e. it has heard that master's adverts. */
    private static void awaitHeard(Vrrpd backup, String masterAddress) throws InterruptedException {
        awaitContains(backup.name + " hears " + masterAddress, () -> backup.vrrpctl("vrrp:show", "VI_1").stdout(), Duration.ofSeconds(5),
                "master            " + masterAddress);
    }
}
