package org.vrrpd.itests;

import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.Test;
import org.vrrpd.lab.Capture;
import org.vrrpd.lab.NetLab;

/**
 * The benchmark command ({@code scripts/bench-lab}), not a test: our daemon and Debian's keepalived
 * in the same lab, one after the other, router A (priority 150) master and B (100) backup, and the
 * three ways A goes away — SIGKILL, SIGTERM (priority 0), its cable pulled — each repeated
 * {@code bench.runs} times (20 by default). Every figure comes from a capture on the bridge; event
 * times are taken on the same clock as tcpdump's. A is restarted (or plugged back) between runs and
 * preempts, which also gives the start-up figure: launch → A's first advert, minus A's
 * Master_Down_Interval. Prints a table and writes it to target/bench/takeover.md.
 */
public class LabBenchmark {
    private static final int RUNS = Integer.getInteger("bench.runs", 20);
    static final String VIP = "192.0.2.100";
    static final String A = "192.0.2.1";
    static final String B = "192.0.2.2";
    /** RFC 3768 §6.1 for B (priority 100, advert 1 s): Skew_Time and Master_Down_Interval; A's (150) MDI. */
    private static final double SKEW_B = (256 - 100) / 256.0;
    private static final double MDI_B = 3 + SKEW_B;
    private static final double MDI_A = 3 + (256 - 150) / 256.0;

    /** One implementation's pair of routers. */
    interface Pair {
        void startA() throws IOException;

        void crashA();

        void stopA();
    }

    /** Samples in seconds, by figure name, for one implementation. */
    private final Map<String, Map<String, List<Double>>> samples = new LinkedHashMap<>();

    @Test
    public void takeoverOfOursAndKeepalivedsInTheSameLab() throws Exception {
        for (String implementation : List.of("vrrpd", "keepalived")) {
            measure(implementation);
        }
        String table = table();
        System.out.println(table);
        Path out = Path.of(System.getProperty("vrrpd.dist.home")).resolve("../../bench");
        Files.createDirectories(out);
        Files.writeString(out.resolve("takeover.md"), table);
    }

    /**
     * A dead router's copy of the VIP: A SIGKILLed with its link up while a client asks who has the
     * VIP about every 0.2 s (ArpProbe); how long after the kill A's MAC still answers, watched for
     * {@value #DEAD_WINDOW_SECONDS} s. keepalived leaves its VIPs on a dead router until it is
     * restarted; ours lease them. {@code bench.deadRuns} kills (5 by default), A restarted between.
     */
    @Test
    public void deadRoutersLastArpReplyAfterTheKill() throws Exception {
        int runs = Integer.getInteger("bench.deadRuns", 5);
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
                "%d kills each, this machine; seconds, median / p95 (max); watched %d s after each kill%n%n"
                        + "| figure | vrrpd | keepalived |%n|---|---|---|%n| dead router's last ARP reply after the kill", runs,
                DEAD_WINDOW_SECONDS));
        for (String implementation : List.of("vrrpd", "keepalived")) {
            List<Double> lastReplies = deadRouterReplies(implementation, runs);
            boolean untilTheEnd = lastReplies.stream().allMatch(v -> v > DEAD_WINDOW_SECONDS - 1);
            table.append(" | ").append(summary(lastReplies)).append(untilTheEnd ? " (still answering: until restarted)" : "");
        }
        table.append(" |\n");
        System.out.println(table);
        Path out = Path.of(System.getProperty("vrrpd.dist.home")).resolve("../../bench");
        Files.createDirectories(out);
        Files.writeString(out.resolve("dead-router.md"), table.toString());
    }

    private static final int DEAD_WINDOW_SECONDS = 10;

    private static List<Double> deadRouterReplies(String implementation, int runs) throws Exception {
        List<Double> lastReplies = new ArrayList<>();
        Path work = Files.createTempDirectory("vrrpd-bench-dead-" + implementation);
        try (NetLab lab = NetLab.create()) {
            String br = lab.bridge("br");
            String nsA = lab.namespace("a");
            String nsB = lab.namespace("b");
            String client = lab.namespace("cl");
            lab.link(br, nsA, "eth0", A + "/24");
            lab.link(br, nsB, "eth0", B + "/24");
            lab.link(br, client, "eth0", "192.0.2.10/24");
            String macA = ArpProbe.mac(lab, nsA);
            BooleanSupplier aMaster = () -> holds(lab, nsA) && !holds(lab, nsB);
            Pair pair = implementation.equals("vrrpd") ? ours(lab, nsA, nsB, work) : keepalived(lab, nsA, nsB, work);
            for (int run = 0; run < runs; run++) {
                awaitTrue(implementation + " run " + run + ": A master", aMaster, 20);
                Thread.sleep(1500); // B has heard a few of A's adverts
                ArpProbe probe = ArpProbe.start(lab, client, VIP, work, "dead-" + run);
                double kill = now();
                pair.crashA();
                Thread.sleep(DEAD_WINDOW_SECONDS * 1000L); // the observation window itself
                double last = ArpProbe.last(probe.stop(), macA, kill, Double.MAX_VALUE) - kill;
                lastReplies.add(last);
                System.out.printf(Locale.ROOT, "%s run %d: dead router's last ARP reply %.3f s after the kill%n", implementation, run, last);
                pair.startA(); // keepalived's leftover goes only now, when it starts again (and preempts)
            }
        } finally {
            NetLab.deleteRecursively(work);
        }
        return lastReplies;
    }

    private void measure(String implementation) throws Exception {
        Map<String, List<Double>> figures = new LinkedHashMap<>();
        samples.put(implementation, figures);
        Path work = Files.createTempDirectory("vrrpd-bench-" + implementation);
        try (NetLab lab = NetLab.create()) {
            Routers routers = Routers.on(lab);
            String br = routers.br();
            String nsA = routers.nsA();
            String nsB = routers.nsB();
            String portA = routers.portA();
            String macB = ArpProbe.mac(lab, nsB);
            BooleanSupplier aMaster = () -> holds(lab, nsA) && !holds(lab, nsB);
            BooleanSupplier bMaster = () -> holds(lab, nsB); // a crashed A leaves its VIP behind
            Capture capture = lab.capture(br, "br0", "ip proto 112 or arp", work.resolve("bench.pcap"));
            Pair pair = implementation.equals("vrrpd") ? ours(lab, nsA, nsB, work) : keepalived(lab, nsA, nsB, work);
            List<Event> events = new ArrayList<>();
            List<Double> launches = new ArrayList<>();
            awaitTrue("A master at start", aMaster, 15);
            for (String kind : List.of("crash", "graceful", "cable")) {
                for (int run = 0; run < RUNS; run++) {
                    Thread.sleep(1500); // B has heard a few of A's adverts
                    double at = now();
                    switch (kind) {
                        case "crash" -> pair.crashA();
                        case "graceful" -> pair.stopA();
                        default -> lab.exec(br, "ip", "link", "set", portA, "down").check();
                    }
                    events.add(new Event(kind, at));
                    awaitTrue(implementation + " " + kind + " " + run + ": B takes over", bMaster, 10);
                    Thread.sleep(300); // the burst of gratuitous ARPs
                    if (kind.equals("cable")) {
                        lab.exec(br, "ip", "link", "set", portA, "up").check();
                    } else {
                        launches.add(now());
                        pair.startA();
                    }
                    awaitTrue(implementation + " " + kind + " " + run + ": A preempts", aMaster, 20);
                }
            }
            capture.stop();
            analyse(capture, events, launches, macB, figures);
        } finally {
            NetLab.deleteRecursively(work);
        }
    }

    private record Event(String kind, double at) {
    }

    /** A and B on one bridge; {@code portA}: A's port on the bridge (its cable). */
    record Routers(String br, String nsA, String nsB, String portA) {
        static Routers on(NetLab lab) {
            String br = lab.bridge("br");
            String nsA = lab.namespace("a");
            String nsB = lab.namespace("b");
            String portA = lab.link(br, nsA, "eth0", A + "/24");
            lab.link(br, nsB, "eth0", B + "/24");
            return new Routers(br, nsA, nsB, portA);
        }
    }

    private void analyse(Capture capture, List<Event> events, List<Double> launches, String macB, Map<String, List<Double>> figures) {
        List<double[]> advertsA = new ArrayList<>();
        List<Double> advertsB = new ArrayList<>();
        for (String[] row : capture.fields("vrrp", "frame.time_epoch", "ip.src", "vrrp.prio")) {
            double t = Double.parseDouble(row[0]);
            if (row[1].equals(A)) {
                advertsA.add(new double[] {t, Double.parseDouble(row[2])});
            } else if (row[1].equals(B)) {
                advertsB.add(t);
            }
        }
        List<Double> garpsB = capture.fields("arp.isgratuitous == 1 and arp.src.proto_ipv4 == " + VIP, "frame.time_epoch", "eth.src")
                .stream().filter(r -> r[1].equalsIgnoreCase(macB)).map(r -> Double.parseDouble(r[0])).toList();
        for (Event e : events) {
            double firstB = first(advertsB, e.at);
            double lastA = advertsA.stream().filter(a -> a[0] <= e.at + 0.2 && a[1] > 0).mapToDouble(a -> a[0]).max().orElse(Double.NaN);
            figures.computeIfAbsent(e.kind + ": event → B's first advert", k -> new ArrayList<>()).add(firstB - e.at);
            figures.computeIfAbsent(e.kind + ": event → B's first gratuitous ARP", k -> new ArrayList<>()).add(first(garpsB, e.at) - e.at);
            if (e.kind.equals("graceful")) {
                double zero = advertsA.stream().filter(a -> a[0] >= e.at && a[1] == 0).mapToDouble(a -> a[0]).min().orElse(Double.NaN);
                figures.computeIfAbsent("graceful: SIGTERM → A's priority-0 advert", k -> new ArrayList<>()).add(zero - e.at);
                figures.computeIfAbsent("graceful: A's priority 0 → B's first advert", k -> new ArrayList<>()).add(firstB - zero);
            } else {
                figures.computeIfAbsent(e.kind + ": A's last advert → B's first advert", k -> new ArrayList<>()).add(firstB - lastA);
            }
        }
        for (double launch : launches) {
            double firstA = advertsA.stream().filter(a -> a[0] >= launch && a[1] > 0).mapToDouble(a -> a[0]).min().orElse(Double.NaN);
            figures.computeIfAbsent("start-up: launch → first advert, minus A's MDI", k -> new ArrayList<>()).add(firstA - launch - MDI_A);
        }
    }

    private static double first(List<Double> times, double after) {
        return times.stream().filter(t -> t >= after).mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    private String table() {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%d runs each, this machine; seconds, median / p95 (max)%n%n", RUNS));
        out.append("| figure | RFC 3768 | vrrpd | keepalived |\n|---|---|---|---|\n");
        for (String figure : samples.get("vrrpd").keySet()) {
            out.append("| ").append(figure).append(" | ").append(bound(figure));
            for (Map<String, List<Double>> implementation : samples.values()) {
                out.append(" | ").append(summary(implementation.getOrDefault(figure, List.of())));
            }
            out.append(" |\n");
        }
        return out.toString();
    }

    /** The RFC's figure where the RFC sets one: from the last advert heard (or the priority-0 one) to the takeover. */
    private static String bound(String figure) {
        if (figure.startsWith("graceful: A's priority 0")) {
            return String.format(Locale.ROOT, "%.3f (Skew_Time)", SKEW_B);
        }
        if (figure.contains("A's last advert")) {
            return String.format(Locale.ROOT, "%.3f (MDI)", MDI_B);
        }
        return figure.startsWith("graceful") || figure.startsWith("start-up") ? "-" : String.format(Locale.ROOT, "≤ %.3f (MDI)", MDI_B);
    }

    static String summary(List<Double> values) {
        List<Double> sorted = values.stream().filter(v -> !v.isNaN()).sorted().toList();
        if (sorted.isEmpty()) {
            return "-";
        }
        String missing = sorted.size() < values.size() ? String.format(Locale.ROOT, ", %d not seen", values.size() - sorted.size()) : "";
        return String.format(Locale.ROOT, "%.3f / %.3f (%.3f)%s", rank(sorted, 0.5), rank(sorted, 0.95), sorted.get(sorted.size() - 1), missing);
    }

    /** Nearest-rank percentile. */
    static double rank(List<Double> sorted, double p) {
        return sorted.get(Math.max(0, (int) Math.ceil(p * sorted.size()) - 1));
    }

    static double now() {
        java.time.Instant i = java.time.Instant.now();
        return i.getEpochSecond() + i.getNano() / 1e9;
    }

    static boolean holds(NetLab lab, String ns) {
        return lab.exec(ns, "ip", "-o", "-4", "addr", "show", "dev", "eth0").check().stdout().contains(" " + VIP + "/");
    }

    static void awaitTrue(String what, BooleanSupplier condition, int seconds) throws InterruptedException {
        LabTest.awaitTrue(what, condition, Duration.ofSeconds(seconds));
    }

    private static Pair ours(NetLab lab, String nsA, String nsB, Path work) throws IOException {
        return ours(lab, nsA, nsB, work, new String[0]);
    }

    /** Our A (150) and B (100) with {@code extra} instance settings (e.g. version and advertInterval). */
    static Pair ours(NetLab lab, String nsA, String nsB, Path work, String... extra) throws IOException {
        return ours(lab, nsA, nsB, work, Map.of(), extra);
    }

    /** The same, each daemon also given {@code daemonFiles} (e.g. the engine's org.vrrpd.vrrp.cfg). */
    static Pair ours(NetLab lab, String nsA, String nsB, Path work, Map<String, String> daemonFiles, String... extra) throws IOException {
        Vrrpd a = Vrrpd.start(lab, nsA, work, "a", withInstance(daemonFiles, Vrrpd.instance("VI_1", 51, 150, VIP + "/24", extra)));
        Vrrpd.start(lab, nsB, work, "b", withInstance(daemonFiles, Vrrpd.instance("VI_1", 51, 100, VIP + "/24", extra)));
        return new Pair() {
            @Override public void startA() throws IOException { a.start(); }
            @Override public void crashA() { a.process().kill(); }
            @Override public void stopA() { a.process().stop(); }
        };
    }

    private static Map<String, String> withInstance(Map<String, String> daemonFiles, String instance) {
        Map<String, String> files = new HashMap<>(daemonFiles);
        files.put("org.vrrpd.vrrp.instance-VI_1.cfg", instance);
        return files;
    }

    private static Pair keepalived(NetLab lab, String nsA, String nsB, Path work) throws IOException {
        return keepalived(lab, nsA, nsB, work, Keepalived.instance("VI_1", 51, 150, VIP + "/24", "none", ""),
                Keepalived.instance("VI_1", 51, 100, VIP + "/24", "none", ""));
    }

    /** keepalived's A and B from their vrrp_instance blocks. */
    static Pair keepalived(NetLab lab, String nsA, String nsB, Path work, String instanceA, String instanceB) throws IOException {
        return keepalived(lab, nsA, nsB, work, "", instanceA, instanceB);
    }

    /** The same with more global_defs lines for both. */
    static Pair keepalived(NetLab lab, String nsA, String nsB, Path work, String globals, String instanceA, String instanceB) throws IOException {
        Keepalived a = Keepalived.start(lab, nsA, work, "ka-a", globals, instanceA);
        Keepalived.start(lab, nsB, work, "ka-b", globals, instanceB);
        return new Pair() {
            @Override public void startA() throws IOException { a.start(); }
            @Override public void crashA() { a.crash(); }
            @Override public void stopA() { a.stop(); }
        };
    }
}
