package org.vrrpd.itests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.Test;
import org.vrrpd.lab.Capture;
import org.vrrpd.lab.LabProcess;
import org.vrrpd.lab.NetLab;

/**
 * The scale half of the benchmark command ({@code scripts/bench-lab}), not a test: 1,000 and then
 * 10,000 VRRP instances (4, then 40 interfaces × 250 VRIDs, advert 1 s; {@code bench.interfaces},
 * default "4,40") in one process, ours and then keepalived's, all masters. Over
 * {@code bench.seconds} (60 by default): CPU as a share of one core and RSS, from /proc; advert
 * send jitter — how far each instance's advert interval strays from 1 s — and missed adverts (an
 * interval of 1.5 s or more), from one capture of every interface in the routers' namespace. Each
 * interface is its own link (a veth whose other end no one listens on), as VLANs would be. Writes
 * its tables to target/bench/scale.md after each size. {@code bench.vipLease} sets our instances'
 * vipLease (0: permanent addresses, which is what keepalived does). The five busiest threads over
 * the same window say where the CPU went; the RSS of an empty Felix on our JVM settings is the floor under ours.
 */
public class ScaleBenchmark {
    private static final List<Integer> INTERFACE_COUNTS = java.util.Arrays.stream(System.getProperty("bench.interfaces", "4,40").split(","))
            .map(String::strip).map(Integer::valueOf).toList();
    private static final int VRIDS = Integer.getInteger("bench.vrids", 250);
    private static final int SECONDS = Integer.getInteger("bench.seconds", 60);
    /** Our instances' vipLease (seconds; 0: permanent addresses, as keepalived's), or the default when unset. */
    private static final String VIP_LEASE = System.getProperty("bench.vipLease", "");
    private static final long CLOCK_TICKS = 100; // USER_HZ
    private static final String FLOOR = "RSS of an empty Felix on the same JVM settings (the floor)";

    @Test
    public void thousandsOfInstancesOfOursAndKeepalivedsInOneProcessEach() throws Exception {
        StringBuilder tables = new StringBuilder();
        String floor = String.format(Locale.ROOT, "%.0f MB", emptyFelixRssKb() / 1024.0);
        for (int interfaces : INTERFACE_COUNTS) {
            Map<String, Map<String, String>> results = new LinkedHashMap<>();
            for (String implementation : List.of("vrrpd", "keepalived")) {
                results.put(implementation, measure(implementation, interfaces));
            }
            results.get("vrrpd").put(FLOOR, floor);
            tables.append(String.format(Locale.ROOT, "%n%,d instances (%d interfaces × %d VRIDs, advert 1 s), all master, over %d s%n%n",
                    interfaces * VRIDS, interfaces, VRIDS, SECONDS));
            tables.append(BenchTables.rows(results, null));
            BenchTables.publish("scale.md", tables.toString()); // after each size: a later one that fails keeps these
        }
    }

    /**
     * The floor under our RSS: bin/vrrpd as the unit starts it (its JVM settings, the class-data
     * sharing archive) with a framework configuration that installs no bundle, read 7 s after its
     * start-level thread is up (the instances are measured from 7 s after their VIPs are).
     */
    private static long emptyFelixRssKb() throws Exception {
        Path work = Files.createTempDirectory("vrrpd-floor");
        try (NetLab lab = NetLab.create()) {
            String ns = lab.namespace("floor");
            Path empty = Files.writeString(work.resolve("empty.properties"), "org.osgi.framework.storage.clean=onFirstInit\n");
            Path archive = Vrrpd.makeSharedArchive(work.resolve("cache"));
            Path run = Files.createDirectories(work.resolve("run"));
            LabProcess felix = lab.start(ns, work.resolve("floor.log"), "env", "JAVA_OPTS=-Dfelix.config.properties=" + empty.toUri(),
                    Vrrpd.HOME.resolve("bin/vrrpd").toString(), "--no-shell", "--run-dir", run.toString(), "--cache-dir", archive.toString());
            try {
                LabTest.awaitTrue("the empty framework's start-level thread", () -> hasThread(felix.pid(), "FelixStartLevel"), Duration.ofSeconds(30));
                Thread.sleep(7000);
                return rssKb(List.of(felix.pid()));
            } finally {
                felix.stop();
            }
        } finally {
            NetLab.deleteRecursively(work);
        }
    }

    private static boolean hasThread(long pid, String name) {
        try {
            return threadTicks(List.of(pid)).containsKey(name);
        } catch (Exception notYetOrGone) {
            return false;
        }
    }

    /** Instance i on eth{i}, VRID v: VIP from one documentation range for even interfaces and the other for odd ones. */
    private static String vip(int i, int v) {
        return (i % 2 == 0 ? "198.51.100." : "203.0.113.") + v + "/32";
    }

    private static Map<String, String> measure(String implementation, int interfaces) throws Exception {
        Map<String, String> figures = new LinkedHashMap<>();
        Path work = Files.createTempDirectory("vrrpd-scale-" + implementation);
        try (NetLab lab = NetLab.create()) {
            String ns = lab.namespace("m");
            String sink = lab.namespace("sink");
            for (int i = 0; i < interfaces; i++) {
                // one link per interface, as VLANs would be: the same VRID on two links is two groups
                lab.exec(sink, "ip", "link", "add", "p" + i, "type", "veth", "peer", "name", "eth" + i, "netns", ns).check();
                lab.exec(sink, "ip", "link", "set", "p" + i, "up").check();
                lab.exec(ns, "ip", "addr", "add", "192.0.2." + (i + 1) + "/32", "dev", "eth" + i).check();
                lab.exec(ns, "ip", "link", "set", "eth" + i, "up").check();
            }
            int instances = interfaces * VRIDS;
            List<Long> pids = implementation.equals("vrrpd") ? startOurs(lab, ns, work, interfaces) : startKeepalived(lab, ns, work, interfaces);
            LabTest.awaitTrue(implementation + ": every VIP in place", () -> vipsHeld(lab, ns) >= instances,
                    Duration.ofSeconds(120 + instances / 50));
            Thread.sleep(7000); // past the gratuitous ARP bursts (keepalived repeats them after 5 s)
            Capture capture = lab.bulkCapture(ns, "any", "ip proto 112", work.resolve("scale.pcap"));
            long cpuBefore = cpuTicks(pids);
            Map<String, Long> threadsBefore = threadTicks(pids);
            long start = System.nanoTime();
            Thread.sleep(SECONDS * 1000L);
            long cpuAfter = cpuTicks(pids);
            Map<String, Long> threadsAfter = threadTicks(pids);
            double elapsed = (System.nanoTime() - start) / 1e9;
            long rss = rssKb(pids);
            capture.stop();
            figures.put("CPU, share of one core", String.format(Locale.ROOT, "%.1f %%", 100.0 * (cpuAfter - cpuBefore) / CLOCK_TICKS / elapsed));
            figures.put("RSS", String.format(Locale.ROOT, "%.0f MB", rss / 1024.0));
            figures.put("CPU by thread (the busiest five, share of one core)", busiestThreads(threadsBefore, threadsAfter, elapsed));
            figures.putAll(jitter(capture, instances));
            // a packet the capture dropped reads as a missed advert: the figures above hold only if this is 0
            figures.put("adverts the capture dropped (tcpdump: dropped by kernel)", String.format(Locale.ROOT, "%,d", capture.droppedByKernel()));
        } finally {
            NetLab.deleteRecursively(work);
        }
        return figures;
    }

    private static List<Long> startOurs(NetLab lab, String ns, Path work, int interfaces) throws Exception {
        Map<String, String> configs = new HashMap<>();
        for (int i = 0; i < interfaces; i++) {
            for (int v = 1; v <= VRIDS; v++) {
                String name = "VI_" + i + "_" + v;
                String cfg = Vrrpd.instance(name, v, 100, vip(i, v), VIP_LEASE.isEmpty() ? new String[0] : new String[] {"vipLease = " + VIP_LEASE});
                configs.put("org.vrrpd.vrrp.instance-" + name + ".cfg", cfg.replace("eth0", "eth" + i));
            }
        }
        Path archive = Vrrpd.makeSharedArchive(work.resolve("cache")); // as the shipped unit starts
        return List.of(Vrrpd.startWithArchive(lab, ns, work, "scale", configs, archive).process().pid());
    }

    private static List<Long> startKeepalived(NetLab lab, String ns, Path work, int interfaces) throws Exception {
        StringBuilder conf = new StringBuilder();
        for (int i = 0; i < interfaces; i++) {
            for (int v = 1; v <= VRIDS; v++) {
                conf.append(Keepalived.instance("VI_" + i + "_" + v, v, 100, vip(i, v), "none", "").replace("eth0", "eth" + i));
            }
        }
        Keepalived.start(lab, ns, work, "ka-scale", conf.toString());
        return NetLab.host("ip", "netns", "pids", ns).check().stdout().lines().map(Long::parseLong).toList();
    }

    private static int vipsHeld(NetLab lab, String ns) {
        return (int) lab.exec(ns, "ip", "-o", "-4", "addr", "show").check().stdout().lines().filter(l -> l.contains(" 198.51.100.") || l.contains(" 203.0.113.")).count();
    }

    private static long cpuTicks(List<Long> pids) throws Exception {
        long ticks = 0;
        for (long pid : pids) {
            ticks += ticksOf(Path.of("/proc", String.valueOf(pid), "stat"));
        }
        return ticks;
    }

    /** utime + stime of a /proc stat file (a process's or a thread's). */
    private static long ticksOf(Path stat) throws IOException {
        String line = Files.readString(stat);
        String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /** CPU ticks by thread name (/proc/PID/task/TID/comm), threads of one name summed. */
    private static Map<String, Long> threadTicks(List<Long> pids) throws Exception {
        Map<String, Long> ticks = new HashMap<>();
        for (long pid : pids) {
            try (var tasks = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
                for (Path task : tasks.toList()) {
                    try {
                        ticks.merge(Files.readString(task.resolve("comm")).strip(), ticksOf(task.resolve("stat")), Long::sum);
                    } catch (NoSuchFileException exited) {
                        // a thread that ended between the listing and the read
                    }
                }
            }
        }
        return ticks;
    }

    private static String busiestThreads(Map<String, Long> before, Map<String, Long> after, double elapsed) {
        return after.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(5)
                .map(e -> String.format(Locale.ROOT, "%s %.2f %%", e.getKey(), 100.0 * e.getValue() / CLOCK_TICKS / elapsed))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    private static long rssKb(List<Long> pids) throws Exception {
        long kb = 0;
        for (long pid : pids) {
            kb += Files.readString(Path.of("/proc", String.valueOf(pid), "status")).lines().filter(l -> l.startsWith("VmRSS:"))
                    .mapToLong(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).sum();
        }
        return kb;
    }

    /** Each instance's consecutive adverts: how far each interval is from 1 s, and how many adverts an interval of 1.5 s or more skipped. */
    private static Map<String, String> jitter(Capture capture, int instances) {
        Map<String, List<Double>> byInstance = new HashMap<>();
        for (String[] row : capture.fields("vrrp", "frame.time_epoch", "ip.src", "vrrp.virt_rtr_id")) {
            byInstance.computeIfAbsent(row[1] + "/" + row[2], k -> new ArrayList<>()).add(Double.parseDouble(row[0]));
        }
        List<Double> deviations = new ArrayList<>();
        long adverts = 0;
        long missed = 0;
        for (List<Double> times : byInstance.values()) {
            adverts += times.size();
            for (int k = 1; k < times.size(); k++) {
                double interval = times.get(k) - times.get(k - 1);
                deviations.add(Math.abs(interval - 1.0) * 1000);
                missed += Math.max(0, Math.round(interval) - 1);
            }
        }
        deviations.sort(null);
        Map<String, String> out = new LinkedHashMap<>();
        out.put(String.format(Locale.ROOT, "instances heard / adverts captured (%,d × %d expected)", instances, SECONDS),
                String.format(Locale.ROOT, "%,d / %,d", byInstance.size(), adverts));
        out.put("missed adverts (intervals of 1.5 s or more)", String.format(Locale.ROOT, "%,d", missed));
        if (!deviations.isEmpty()) {
            out.put("advert interval − 1 s, p50 / p99 / max", String.format(Locale.ROOT, "%.2f / %.2f / %.2f ms", rank(deviations, 0.5),
                    rank(deviations, 0.99), deviations.get(deviations.size() - 1)));
        }
        return out;
    }

    private static double rank(List<Double> sorted, double p) {
        return sorted.get(Math.max(0, (int) Math.ceil(p * sorted.size()) - 1));
    }
}
