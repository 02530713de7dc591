package org.vrrpd.itests;

import java.nio.file.Files;
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
import org.vrrpd.lab.NetLab;

/**
 * The scale half of the benchmark command ({@code scripts/bench-lab}), not a test: 1,000 VRRP
 * instances (4 interfaces × 250 VRIDs, advert 1 s) in one process, ours and then keepalived's, all
 * masters. Over {@code bench.seconds} (60 by default): CPU as a share of one core and RSS, from
 * /proc; advert send jitter — how far each instance's advert interval strays from 1 s — from a
 * capture on the bridge. Writes its table to target/bench/scale.md.
 */
public class ScaleBenchmark {
    private static final int INTERFACES = 4;
    private static final int VRIDS = Integer.getInteger("bench.vrids", 250);
    private static final int SECONDS = Integer.getInteger("bench.seconds", 60);
    private static final long CLOCK_TICKS = 100; // USER_HZ

    private final Map<String, Map<String, String>> results = new LinkedHashMap<>();

    @Test
    public void aThousandInstancesOfOursAndKeepalivedsInOneProcessEach() throws Exception {
        for (String implementation : List.of("vrrpd", "keepalived")) {
            measure(implementation);
        }
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%n%d instances (%d interfaces × %d VRIDs, advert 1 s), all master, over %d s%n%n",
                INTERFACES * VRIDS, INTERFACES, VRIDS, SECONDS));
        table.append("| figure | vrrpd | keepalived |\n|---|---|---|\n");
        for (String figure : results.get("vrrpd").keySet()) {
            table.append("| ").append(figure);
            for (Map<String, String> implementation : results.values()) {
                table.append(" | ").append(implementation.getOrDefault(figure, "-"));
            }
            table.append(" |\n");
        }
        System.out.println(table);
        Path out = Files.createDirectories(Path.of(System.getProperty("vrrpd.dist.home")).resolve("../../bench"));
        Files.writeString(out.resolve("scale.md"), table);
    }

    /** Instance i on eth{i}, VRID v: VIP from one documentation range for eth0/eth1 and the other for eth2/eth3. */
    private static String vip(int i, int v) {
        return (i < 2 ? "198.51.100." : "203.0.113.") + v + "/32";
    }

    private void measure(String implementation) throws Exception {
        Map<String, String> figures = new LinkedHashMap<>();
        results.put(implementation, figures);
        Path work = Files.createTempDirectory("vrrpd-scale-" + implementation);
        try (NetLab lab = NetLab.create()) {
            String ns = lab.namespace("m");
            List<String> bridges = new ArrayList<>();
            for (int i = 0; i < INTERFACES; i++) {
                // one link (one bridge) per interface, as VLANs would be: the same VRID on two links is two groups
                bridges.add(lab.bridge("br" + i));
                lab.link(bridges.get(i), ns, "eth" + i, "192.0.2." + (64 * i + 1) + "/26");
            }
            List<Long> pids = implementation.equals("vrrpd") ? startOurs(lab, ns, work) : startKeepalived(lab, ns, work);
            int instances = INTERFACES * VRIDS;
            LabTest.awaitTrue(implementation + ": every VIP in place", () -> vipsHeld(lab, ns) >= instances, Duration.ofSeconds(120));
            Thread.sleep(7000); // past the gratuitous ARP bursts (keepalived repeats them after 5 s)
            List<Capture> captures = new ArrayList<>();
            for (int i = 0; i < INTERFACES; i++) {
                captures.add(lab.capture(bridges.get(i), "br0", "ip proto 112", work.resolve("scale" + i + ".pcap")));
            }
            long cpuBefore = cpuTicks(pids);
            long start = System.nanoTime();
            Thread.sleep(SECONDS * 1000L);
            long cpuAfter = cpuTicks(pids);
            double elapsed = (System.nanoTime() - start) / 1e9;
            long rss = rssKb(pids);
            captures.forEach(Capture::stop);
            figures.put("CPU, share of one core", String.format(Locale.ROOT, "%.1f %%", 100.0 * (cpuAfter - cpuBefore) / CLOCK_TICKS / elapsed));
            figures.put("RSS", String.format(Locale.ROOT, "%.0f MB", rss / 1024.0));
            figures.putAll(jitter(captures));
        } finally {
            NetLab.deleteRecursively(work);
        }
    }

    private static List<Long> startOurs(NetLab lab, String ns, Path work) throws Exception {
        Map<String, String> configs = new HashMap<>();
        for (int i = 0; i < INTERFACES; i++) {
            for (int v = 1; v <= VRIDS; v++) {
                String name = "VI_" + i + "_" + v;
                configs.put("org.vrrpd.vrrp.instance-" + name + ".cfg", Vrrpd.instance(name, v, 100, vip(i, v)).replace("eth0", "eth" + i));
            }
        }
        return List.of(Vrrpd.start(lab, ns, work, "scale", configs).process().pid());
    }

    private static List<Long> startKeepalived(NetLab lab, String ns, Path work) throws Exception {
        StringBuilder conf = new StringBuilder();
        for (int i = 0; i < INTERFACES; i++) {
            for (int v = 1; v <= VRIDS; v++) {
                conf.append(Keepalived.instance("VI_" + i + "_" + v, v, 100, vip(i, v), "none", "").replace("eth0", "eth" + i));
            }
        }
        Keepalived.start(lab, ns, work, "ka-scale", conf.toString());
        return NetLab.host("ip", "netns", "pids", ns).check().stdout().lines().map(Long::parseLong).toList();
    }

    private static int vipsHeld(NetLab lab, String ns) {
        return (int) lab.exec(ns, "ip", "-o", "-4", "addr", "show").check().stdout().lines().filter(l -> l.contains("/32")).count();
    }

    private static long cpuTicks(List<Long> pids) throws Exception {
        long ticks = 0;
        for (long pid : pids) {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
        }
        return ticks;
    }

    private static long rssKb(List<Long> pids) throws Exception {
        long kb = 0;
        for (long pid : pids) {
            kb += Files.readString(Path.of("/proc", String.valueOf(pid), "status")).lines().filter(l -> l.startsWith("VmRSS:"))
                    .mapToLong(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).sum();
        }
        return kb;
    }

    /** Each instance's consecutive adverts: how far each interval is from 1 s. */
    private static Map<String, String> jitter(List<Capture> captures) {
        Map<String, List<Double>> byInstance = new HashMap<>();
        for (Capture capture : captures) {
            for (String[] row : capture.fields("vrrp", "frame.time_epoch", "ip.src", "vrrp.virt_rtr_id")) {
                byInstance.computeIfAbsent(row[1] + "/" + row[2], k -> new ArrayList<>()).add(Double.parseDouble(row[0]));
            }
        }
        List<Double> deviations = new ArrayList<>();
        long adverts = 0;
        for (List<Double> times : byInstance.values()) {
            adverts += times.size();
            for (int k = 1; k < times.size(); k++) {
                deviations.add(Math.abs(times.get(k) - times.get(k - 1) - 1.0) * 1000);
            }
        }
        deviations.sort(null);
        Map<String, String> out = new LinkedHashMap<>();
        out.put("instances heard / adverts captured", byInstance.size() + " / " + adverts);
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
