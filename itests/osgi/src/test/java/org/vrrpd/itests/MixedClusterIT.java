package org.vrrpd.itests;

import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.Test;
import org.vrrpd.lab.Capture;

/**
 * A mixed cluster under faults: two of ours (priority 150 and 100) and one keepalived (120) on one
 * link. Cycles ({@code fault.cycles}, 6 in the test run, 100 with scripts/soak) of: SIGKILL of the
 * master; SIGKILL of the one that took over (then both restarted); the master's cable pulled and
 * plugged back. From a capture of the whole run: never two masters for longer than one advert
 * interval, never no master for longer than the longest Master_Down_Interval + 50 ms.
 */
public class MixedClusterIT extends LabTest {
    private static final int CYCLES = Integer.getInteger("fault.cycles", 6);
    private static final String VIP = "192.0.2.100";
    /** The lowest priority's (100) Master_Down_Interval: the longest any survivor waits. */
    private static final double LONGEST_MDI = 3 + (256 - 100) / 256.0;
    private static final Pattern KEEPALIVED_STATE = Pattern.compile("Entering (MASTER|BACKUP|FAULT) STATE");

    private String br;
    private final Map<String, String> ports = new HashMap<>();
    private final Map<String, String> namespaces = new HashMap<>();
    private Vrrpd r1;
    private Vrrpd r3;
    private Keepalived ka;

    public MixedClusterIT() throws Exception {
        super("vrrpd-mixed");
    }

    private Vrrpd ours(String name, int priority) throws Exception {
        return Vrrpd.start(lab, namespaces.get(name), work, name, Map.of("org.vrrpd.vrrp.instance-VI_1.cfg",
                Vrrpd.instance("VI_1", 51, priority, VIP + "/24", "authType = pass", "authPassword = s3cret")));
    }

    private String state(String name) {
        if (name.equals("ka")) {
            Matcher m = KEEPALIVED_STATE.matcher(ka.output());
            String last = "?";
            while (m.find()) {
                last = m.group(1);
            }
            return last;
        }
        return (name.equals("r1") ? r1 : r3).state("VI_1");
    }

    /** Waits until exactly one of the three is MASTER; returns its name. */
    private String awaitOneMaster(List<String> alive) throws InterruptedException {
        String[] master = {null};
        awaitTrue("one master among " + alive, () -> {
            List<String> masters = alive.stream().filter(n -> state(n).equals("MASTER")).toList();
            master[0] = masters.size() == 1 ? masters.get(0) : null;
            return master[0] != null && alive.stream().filter(n -> !n.equals(master[0])).allMatch(n -> state(n).equals("BACKUP"));
        }, Duration.ofSeconds(20));
        return master[0];
    }

    private void kill(String name) {
        if (name.equals("ka")) {
            ka.crash();
        } else {
            (name.equals("r1") ? r1 : r3).process().kill();
        }
    }

    private void restart(String name) throws Exception {
        if (name.equals("ka")) {
            ka.start();
        } else {
            (name.equals("r1") ? r1 : r3).start();
        }
    }

    @Test
    public void crashesAndCablePullsNeverLeaveTwoMastersOrNone() throws Exception {
        br = lab.bridge("br");
        String[][] routers = {{"r1", "192.0.2.1"}, {"ka", "192.0.2.2"}, {"r3", "192.0.2.3"}};
        for (String[] r : routers) {
            namespaces.put(r[0], lab.namespace(r[0]));
            ports.put(r[0], lab.link(br, namespaces.get(r[0]), "eth0", r[1] + "/24"));
        }
        Capture capture = lab.capture(br, "br0", "ip proto 112", work.resolve("mixed.pcap"));
        r1 = ours("r1", 150);
        r3 = ours("r3", 100);
        ka = Keepalived.start(lab, namespaces.get("ka"), work, "keepalived", Keepalived.instance("VI_1", 51, 120, VIP + "/24", "pass", "s3cret"));
        List<String> all = List.of("r1", "ka", "r3");
        double start = System.currentTimeMillis() / 1000.0;
        for (int cycle = 0; cycle < CYCLES; cycle++) {
            String master = awaitOneMaster(all);
            System.out.printf("mixed cluster: cycle %d at %.1f s, %s is master%n", cycle, System.currentTimeMillis() / 1000.0 - start, master);
            switch (cycle % 3) {
                case 0 -> { // the master dies
                    kill(master);
                    List<String> alive = all.stream().filter(n -> !n.equals(master)).toList();
                    awaitOneMaster(alive);
                    restart(master);
                }
                case 1 -> { // the master dies, and then the one that took over
                    kill(master);
                    List<String> alive = new ArrayList<>(all.stream().filter(n -> !n.equals(master)).toList());
                    String next = awaitOneMaster(alive);
                    kill(next);
                    alive.remove(next);
                    awaitOneMaster(alive);
                    restart(master);
                    restart(next);
                }
                default -> { // the master's cable is pulled, and plugged back
                    lab.exec(br, "ip", "link", "set", ports.get(master), "down").check();
                    awaitOneMaster(all.stream().filter(n -> !n.equals(master)).toList());
                    lab.exec(br, "ip", "link", "set", ports.get(master), "up").check();
                }
            }
        }
        awaitOneMaster(all);
        double end = System.currentTimeMillis() / 1000.0;
        capture.stop();

        List<Double> times = new ArrayList<>();
        Map<String, List<double[]>> spans = new HashMap<>(); // per source: runs of adverts at most 1.5 s apart
        for (String[] row : capture.fields("vrrp and vrrp.prio > 0", "frame.time_epoch", "ip.src")) {
            double t = Double.parseDouble(row[0]);
            times.add(t);
            List<double[]> own = spans.computeIfAbsent(row[1], k -> new ArrayList<>());
            if (own.isEmpty() || t - own.get(own.size() - 1)[1] > 1.5) {
                own.add(new double[] {t, t});
            } else {
                own.get(own.size() - 1)[1] = t;
            }
        }
        double longestSilence = AdvertGaps.longestSilence(times, times.get(0), end);
        double longestOverlap = 0;
        List<String> sources = List.copyOf(spans.keySet());
        for (int i = 0; i < sources.size(); i++) {
            for (int j = i + 1; j < sources.size(); j++) {
                for (double[] a : spans.get(sources.get(i))) {
                    for (double[] b : spans.get(sources.get(j))) {
                        longestOverlap = Math.max(longestOverlap, Math.min(a[1], b[1]) - Math.max(a[0], b[0]));
                    }
                }
            }
        }
        System.out.printf("mixed cluster: %d cycles, %d adverts from %s, longest time without a master %.3f s, two masters at most %.3f s%n",
                CYCLES, times.size(), sources, longestSilence, longestOverlap);
        // the first cycle makes two of them master, the second (two deaths) the third
        assertTrue("each was master in turn: " + sources, sources.size() == Math.min(3, CYCLES + 1));
        assertTrue("no master for " + longestSilence + " s", longestSilence <= LONGEST_MDI + 0.050);
        assertTrue("two masters for " + longestOverlap + " s", longestOverlap <= 1.0);
    }
}
