package org.vrrpd.itests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.Test;
import org.vrrpd.lab.Capture;
import org.vrrpd.lab.NetLab;

/**
 * Centisecond adverts (issue 14), part of the benchmark command ({@code scripts/bench-lab}), not a
 * test: VRRPv3 with {@code advertInterval = 0.01}, A (150) master and B (100) backup, ours and then
 * keepalived's in the same lab. <b>Crash</b>: A SIGKILLed {@code bench.centiRuns} times (20 by
 * default), from A's last advert to B's first against B's Master_Down_Interval (RFC 5798 §6.1: 3 ×
 * 10 ms + Skew_Time 6.1 ms); <b>hold</b>: {@code bench.holdSeconds} (600 by default) with every core
 * busy (one shell busy loop per core), counting false takeovers (B advertising while A lives) and
 * A's advert interval p99 / max. Every figure from a capture on the bridge; writes
 * target/bench/centisecond.md.
 */
public class CentisecondBenchmark {
    private static final int RUNS = Integer.getInteger("bench.centiRuns", 20);
    private static final int HOLD_SECONDS = Integer.getInteger("bench.holdSeconds", 600);
    private static final double INTERVAL = 0.01;
    /** Both daemons' realtime priority, 0 (the default of both) for normal scheduling: ours realtimePriority, keepalived's vrrp_rt_priority. */
    private static final int REALTIME = Integer.getInteger("bench.realtimePriority", 0);
    /** RFC 5798 §6.1 for B (priority 100): Master_Down_Interval = 3 × Master_Adver_Interval + Skew_Time. */
    private static final double MDI_B = 3 * INTERVAL + (256 - 100) * INTERVAL / 256;
    /** B silent this long between two of its adverts: the end of one false takeover and the start of another. */
    private static final double TAKEOVER_GAP = 0.5;

    private final Map<String, Map<String, String>> results = new LinkedHashMap<>();

    @Test
    public void centisecondAdvertsOfOursAndKeepalivedsInTheSameLab() throws Exception {
        for (String implementation : List.of("vrrpd", "keepalived")) {
            measure(implementation);
        }
        String bound = String.format(Locale.ROOT, "%.1f ms (MDI)", MDI_B * 1000);
        BenchTables.publish("centisecond.md", String.format(Locale.ROOT,
                "%nVRRPv3, advert 0.01 s%s: %d SIGKILLs of the master; hold %d s with %d busy loops (one per core)%n%n",
                REALTIME == 0 ? "" : ", both at SCHED_RR " + REALTIME + " (realtimePriority, vrrp_rt_priority)", RUNS, HOLD_SECONDS,
                Runtime.getRuntime().availableProcessors()) + BenchTables.rows(results, figure -> figure.startsWith("crash") ? bound : "-"));
    }

    private void measure(String implementation) throws Exception {
        Map<String, String> figures = new LinkedHashMap<>();
        results.put(implementation, figures);
        Path work = Files.createTempDirectory("vrrpd-bench-centi-" + implementation);
        try (NetLab lab = NetLab.create()) {
            LabBenchmark.Routers routers = LabBenchmark.Routers.on(lab);
            String br = routers.br();
            String nsA = routers.nsA();
            String nsB = routers.nsB();
            BooleanSupplier aMaster = () -> LabBenchmark.holds(lab, nsA) && !LabBenchmark.holds(lab, nsB);
            BooleanSupplier bMaster = () -> LabBenchmark.holds(lab, nsB);
            LabBenchmark.Pair pair = implementation.equals("vrrpd")
                    ? LabBenchmark.ours(lab, nsA, nsB, work, REALTIME == 0 ? Map.of() : Map.of("org.vrrpd.vrrp.cfg", "realtimePriority = " + REALTIME),
                            "version = 3", "advertInterval = " + INTERVAL)
                    : LabBenchmark.keepalived(lab, nsA, nsB, work, REALTIME == 0 ? "" : "    vrrp_rt_priority " + REALTIME + "\n",
                            Keepalived.instanceV3("VI_1", 51, 150, LabBenchmark.VIP + "/24", "0.01"),
                            Keepalived.instanceV3("VI_1", 51, 100, LabBenchmark.VIP + "/24", "0.01"));
            LabBenchmark.awaitTrue(implementation + ": A master at start", aMaster, 15);

            Capture crashes = lab.capture(br, "br0", "ip proto 112", work.resolve("crash.pcap"));
            List<Double> kills = new ArrayList<>();
            for (int run = 0; run < RUNS; run++) {
                Thread.sleep(1000); // B has learned A's interval from a hundred adverts
                kills.add(LabBenchmark.now());
                pair.crashA();
                LabBenchmark.awaitTrue(implementation + " crash " + run + ": B takes over", bMaster, 10);
                pair.startA();
                LabBenchmark.awaitTrue(implementation + " crash " + run + ": A preempts", aMaster, 20);
            }
            crashes.stop();
            figures.put("crash: A's last advert → B's first advert, median / max", takeovers(crashes, kills));

            Thread.sleep(1000);
            Capture hold = lab.capture(br, "br0", "ip proto 112", work.resolve("hold.pcap"));
            double from = LabBenchmark.now();
            List<Process> busy = busyLoops();
            try {
                Thread.sleep(HOLD_SECONDS * 1000L);
            } finally {
                busy.forEach(Process::destroy);
            }
            double to = LabBenchmark.now();
            hold.stop();
            figures.putAll(hold(hold, from, to));
        } finally {
            NetLab.deleteRecursively(work);
        }
    }

    /** Per kill: A's last advert with a priority above 0 before the kill → B's first advert after it, in ms. */
    private static String takeovers(Capture capture, List<Double> kills) {
        List<double[]> adverts = adverts(capture);
        List<Double> gaps = new ArrayList<>();
        for (double kill : kills) {
            double lastA = adverts.stream().filter(a -> a[1] == 1 && a[0] <= kill + 0.05).mapToDouble(a -> a[0]).max().orElse(Double.NaN);
            double firstB = adverts.stream().filter(a -> a[1] == 2 && a[0] >= kill).mapToDouble(a -> a[0]).min().orElse(Double.NaN);
            gaps.add((firstB - lastA) * 1000);
        }
        List<Double> sorted = gaps.stream().filter(v -> !v.isNaN()).sorted().toList();
        if (sorted.isEmpty()) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.1f / %.1f ms%s", LabBenchmark.rank(sorted, 0.5), sorted.get(sorted.size() - 1),
                sorted.size() < gaps.size() ? ", " + (gaps.size() - sorted.size()) + " not seen" : "");
    }

    /** False takeovers (bursts of B's adverts) and A's advert intervals over the hold. */
    private static Map<String, String> hold(Capture capture, double from, double to) {
        List<double[]> adverts = adverts(capture).stream().filter(a -> a[0] >= from && a[0] <= to).toList();
        List<Double> fromA = adverts.stream().filter(a -> a[1] == 1).map(a -> a[0]).toList();
        List<Double> fromB = adverts.stream().filter(a -> a[1] == 2).map(a -> a[0]).toList();
        int takeovers = 0;
        for (int k = 0; k < fromB.size(); k++) {
            if (k == 0 || fromB.get(k) - fromB.get(k - 1) > TAKEOVER_GAP) {
                takeovers++;
            }
        }
        List<Double> intervals = new ArrayList<>();
        for (int k = 1; k < fromA.size(); k++) {
            intervals.add((fromA.get(k) - fromA.get(k - 1)) * 1000);
        }
        intervals.sort(null);
        Map<String, String> out = new LinkedHashMap<>();
        out.put("hold: false takeovers (B advertising)", takeovers + " (" + fromB.size() + " adverts from B)");
        out.put("hold: A's adverts / expected", fromA.size() + " / " + Math.round((to - from) / INTERVAL));
        out.put("hold: A's advert interval p50 / p99 / max",
                intervals.isEmpty() ? "-" : String.format(Locale.ROOT, "%.2f / %.2f / %.2f ms", LabBenchmark.rank(intervals, 0.5),
                        LabBenchmark.rank(intervals, 0.99), intervals.get(intervals.size() - 1)));
        return out;
    }

    /** Time, sender (1 = A, 2 = B, 0 = other) for every advert with a priority above 0. */
    private static List<double[]> adverts(Capture capture) {
        List<double[]> adverts = new ArrayList<>();
        for (String[] row : capture.fields("vrrp && vrrp.prio > 0", "frame.time_epoch", "ip.src")) {
            double sender = row[1].equals(LabBenchmark.A) ? 1 : row[1].equals(LabBenchmark.B) ? 2 : 0;
            adverts.add(new double[] {Double.parseDouble(row[0]), sender});
        }
        return adverts;
    }

    /** One busy loop per core, as a box under load; destroyed by the caller. */
    private static List<Process> busyLoops() throws IOException {
        List<Process> loops = new ArrayList<>();
        for (int core = 0; core < Runtime.getRuntime().availableProcessors(); core++) {
            loops.add(new ProcessBuilder("sh", "-c", "while :; do :; done").start());
        }
        return loops;
    }
}
