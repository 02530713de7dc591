package org.vrrpd.vrrp.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.vrrpd.api.vrrp.VirtualAddress;
import org.vrrpd.api.vrrp.VrrpInstanceView;
import org.vrrpd.api.vrrp.VrrpState;
import org.vrrpd.kernel.IoctlSocket;
import org.vrrpd.kernel.Ipv4;
import org.vrrpd.kernel.NetworkNamespace;
import org.vrrpd.kernel.RawIpSocket;
import org.vrrpd.lab.Capture;
import org.vrrpd.lab.NetLab;

/**
 * The engine on real sockets in a namespace, its adverts timed from a capture on the bridge: a
 * master keeps its advert interval while its address changes are stuck in netlink, and under a
 * flood of datagrams at 100,000 a second; fifty masters on one interface, whose adverts leave
 * in batches (sendmmsg), each send their own advert once a second.
 */
public class EngineNamespaceTest {
    /** How late an advert may be: the bound for a loop that nothing can stall. */
    private static final double LATE = 0.020;

    private NetLab lab;
    private String r1;
    private String r2;
    private Capture capture;
    private Path work;
    private EngineCore core;

    @Before
    public void wire() throws Exception {
        work = Files.createTempDirectory("engine-ns");
        lab = NetLab.create();
        List<String> routers = lab.hostsOnBridge("r1=192.0.2.1/24", "r2=192.0.2.2/24");
        r1 = routers.get(0);
        r2 = routers.get(1);
        capture = lab.capture(lab.namespaceOf("br"), "br0", "ip proto 112 and src host 192.0.2.1", work.resolve("adverts.pcap"));
    }

    @After
    public void unwire() throws Exception {
        if (core != null) {
            core.stop(false);
        }
        lab.close();
        NetLab.deleteRecursively(work);
    }

    /** An engine in r1, its address changes stuck in netlink for {@code netlinkStallMillis} each. */
    private void engineInR1(long netlinkStallMillis) throws Exception {
        core = NamespaceEngine.start(r1, work.resolve("handoff.properties"), netlinkStallMillis, "192.0.2.1/24");
    }

    private static InstanceSettings instance(String addresses) {
        return InstanceSettings.parse(Map.of("name", "VI_1", "interfaceName", "eth0", "vrid", 51, "priority", 200,
                "initialState", "MASTER", "virtualAddresses", addresses));
    }

    private VrrpInstanceView master() throws Exception {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < deadline) {
            VrrpInstanceView v = core.views().all().get(0);
            if (v.state() == VrrpState.MASTER) {
                return v;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("not master: " + core.views().all());
    }

    /** The longest time without an advert of VRID 51 in [from, to] (epoch seconds), the window's edges included. */
    private double longestGap(double from, double to) {
        double last = from;
        double longest = 0;
        for (String[] row : capture.stop().fields("vrrp.virt_rtr_id == 51 and vrrp.prio > 0", "frame.time_epoch")) {
            double t = Double.parseDouble(row[0]);
            if (t >= from && t <= to) {
                longest = Math.max(longest, t - last);
                last = t;
            }
        }
        return Math.max(longest, to - last);
    }

    private static double epochNow() {
        return System.currentTimeMillis() / 1000.0;
    }

    @Test
    public void aMasterKeepsItsIntervalWhileNetlinkIsStuck() throws Exception {
        engineInR1(5000);
        core.add(instance("192.0.2.100/24"));
        master();
        double from = epochNow();
        core.update("VI_1", instance("192.0.2.101/24,192.0.2.102/24"));
        core.update("VI_1", instance("192.0.2.103/24"));
        Thread.sleep(8000); // the window under test: every address change in it waits 5 s for "netlink"
        double to = epochNow();
        assertTrue("address changes were still stuck", !core.awaitAddresses(0));
        double gap = longestGap(from, to);
        System.out.printf("stuck netlink: longest advert gap %.3f s%n", gap);
        // each update sends at once and puts the next advert on a grid instant: up to a window of grid steps after the interval
        assertTrue("longest advert gap " + gap + " s", gap <= 1 + GridPlacement.WINDOW * Timing.grid(1_000_000_000L) / 1e9 + LATE);
        assertEquals(1, core.views().all().get(0).statistics().becomeMaster());
    }

    @Test
    public void aFloodChangesNoStateAndDelaysNoAdvert() throws Exception {
        engineInR1(0);
        core.add(instance("192.0.2.100/24"));
        VrrpInstanceView before = master();
        double beforeAt = epochNow();
        long becameMaster = before.statistics().becomeMaster();
        double from = epochNow();
        long sent = NetworkNamespace.call(r2, () -> flood(100_000, 10));
        double to = epochNow();
        VrrpInstanceView after = core.views().all().get(0);
        var router = core.views().routerStatistics();
        System.out.printf("flood: %d datagrams sent; counted %d lower-priority adverts, %d for another VRID, %d unreadable%n", sent,
                after.statistics().advertisementsReceived(), router.vridErrors(), router.unreadableDatagrams());
        assertEquals("no transition", VrrpState.MASTER, after.state());
        assertEquals("no transition", becameMaster, after.statistics().becomeMaster());
        long answered = after.statistics().advertisementsSent() - before.statistics().advertisementsSent();
        double seconds = epochNow() - beforeAt;
        assertTrue("its own adverts and one answer to the lower ones per interval, not one per lower advert: " + answered + " sent in "
                + seconds + " s", answered <= 2 * Math.ceil(seconds) + 2);
        assertTrue("the flood was heard: " + after.statistics(), after.statistics().advertisementsReceived() > sent / 10);
        assertTrue("the flood was heard: " + router, router.vridErrors() > sent / 10 && router.unreadableDatagrams() > sent / 10);
        double gap = longestGap(from, to);
        System.out.printf("flood: longest advert gap %.3f s%n", gap);
        assertTrue("longest advert gap " + gap + " s", gap <= 1 + LATE);
    }

    @Test
    public void fiftyMastersOnOneInterfaceEachSendTheirOwnAdvertOnceASecond() throws Exception {
        int masters = 50;
        engineInR1(0);
        for (int vrid = 1; vrid <= masters; vrid++) {
            core.add(InstanceSettings.parse(Map.of("name", "VI_" + vrid, "interfaceName", "eth0", "vrid", vrid, "priority", 200,
                    "initialState", "MASTER", "virtualAddresses", "198.51.100." + vrid + "/32")));
        }
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (core.views().all().stream().anyMatch(v -> v.state() != VrrpState.MASTER)) {
            assertTrue("all master: " + core.views().all(), System.nanoTime() < deadline);
            Thread.sleep(20);
        }
        double from = epochNow() + 1.1; // past every instance's first advert as master and the one after it
        int seconds = 5;
        assertTrue("adverts captured", capture.awaitPackets("vrrp", masters * (seconds + 3), java.time.Duration.ofSeconds(30)));
        // What the kernel took from the engine so far, to tell an advert never sent from one the lab lost on the way to the capture
        Map<Integer, Long> sent = new java.util.HashMap<>();
        core.views().all().forEach(v -> sent.put(Integer.parseInt(v.name().substring(3)), v.statistics().advertisementsSent()));
        double sentAt = epochNow();
        Map<Integer, Integer> capturedBySentAt = new java.util.HashMap<>();
        Map<Integer, List<Double>> byVrid = new java.util.TreeMap<>();
        for (String[] row : capture.stop().fields("vrrp", "frame.time_epoch", "vrrp.virt_rtr_id", "vrrp.prio", "vrrp.ip_addr",
                "vrrp.checksum.status", "ip.ttl")) {
            double t = Double.parseDouble(row[0]);
            int vrid = Integer.parseInt(row[1]);
            assertEquals("VRID " + vrid + ": priority, address, checksum, TTL", "200 198.51.100." + vrid + " 1 255",
                    row[2] + " " + row[3] + " " + row[4] + " " + row[5]);
            if (t >= from) {
                byVrid.computeIfAbsent(vrid, k -> new java.util.ArrayList<>()).add(t);
            }
            if (t <= sentAt + 0.05) { // an advert counted at sentAt is on the bridge within microseconds
                capturedBySentAt.merge(vrid, 1, Integer::sum);
            }
        }
        int tcpdumpDrops = capture.droppedByKernel();
        assertEquals("every VRID heard", masters, byVrid.size());
        List<Double> offs = new java.util.ArrayList<>();
        double worst = 0;
        String where = "";
        for (Map.Entry<Integer, List<Double>> e : byVrid.entrySet()) {
            List<Double> times = e.getValue();
            assertTrue("VRID " + e.getKey() + ": " + times.size() + " adverts", times.size() >= 2);
            for (int k = 1; k < times.size(); k++) {
                double interval = times.get(k) - times.get(k - 1);
                long lostInLab = sent.get(e.getKey()) - capturedBySentAt.getOrDefault(e.getKey(), 0);
                if (interval >= 1.5 && interval < 2.5 && lostInLab > 0 && times.get(k) <= sentAt) {
                    // the engine sent it (the kernel took it, counted) and the capture has not got it: not the engine's fault
                    System.out.printf("VRID %d: an advert sent but not captured before %.3f (%d lost in the lab; tcpdump: %d dropped)%n",
                            e.getKey(), times.get(k), lostInLab, tcpdumpDrops);
                    continue;
                }
                assertTrue("VRID " + e.getKey() + ": neither doubled nor missed: " + interval + " s at " + times.get(k) + " (the kernel took "
                        + sent.get(e.getKey()) + " from the engine by " + sentAt + ", " + capturedBySentAt.get(e.getKey()) + " captured by then; "
                        + "tcpdump: " + tcpdumpDrops + " dropped by the kernel)", interval > 0.5 && interval < 1.5);
                double off = Math.abs(interval - 1);
                offs.add(off);
                if (off > worst) {
                    worst = off;
                    where = "VRID " + e.getKey() + " at " + times.get(k);
                }
            }
        }
        offs.sort(null);
        double median = offs.get(offs.size() / 2);
        System.out.printf("%d masters on one interface: advert interval − 1 s median %.3f ms, max %.2f ms (%s)%n", masters, median * 1000,
                worst * 1000, where);
        // A gross bound only: the millisecond (fixed rate, at most 1 ms early, never late) is AdvertBatchingTest's on a
        // hand-driven clock and the benchmarks' figure; a loaded CI machine shifted this median to 3.7 ms once.
        // A batching fault that holds adverts back (a batch flushed a turn late, a window too wide) shifts them all by far more.
        assertTrue("advert interval − 1 s, median " + median + " s", median <= 0.050);
    }

    /**
     * Sends {@code perSecond} datagrams a second for {@code seconds} to 224.0.0.18, in turn: a valid
     * advert for VRID 52 (someone else's), garbage, and a valid advert for VRID 51 at priority 100
     * (below the master's 200, so it discards them). Returns how many were sent.
     */
    private static long flood(int perSecond, int seconds) throws Exception {
        ByteBuffer otherVrid = advert(52, 200);
        ByteBuffer lower = advert(51, 100);
        ByteBuffer garbage = ByteBuffer.allocateDirect(3).put(new byte[] {0x21, 51, 1}).flip();
        ByteBuffer[] kinds = {otherVrid, garbage, lower};
        long sent = 0;
        try (RawIpSocket s = RawIpSocket.open(VrrpPacket.IP_PROTOCOL)) {
            s.bindToDevice("eth0");
            s.setMulticastInterface(IoctlSocket.nameToIndex("eth0"));
            s.setMulticastTtl(VrrpPacket.TTL);
            s.setMulticastLoop(false);
            long start = System.nanoTime();
            long tick = 10_000_000L;
            int perTick = perSecond / 100;
            for (long t = 0; t < seconds * 100L; t++) {
                for (int i = 0; i < perTick; i++) {
                    ByteBuffer d = kinds[(int) (sent % 3)];
                    s.send(d.clear(), Ipv4.VRRP_GROUP);
                    sent++;
                }
                long wait = start + (t + 1) * tick - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
            }
        }
        return sent;
    }

    /** A VRRP message alone (the kernel adds the IP header, TTL 255 from the multicast TTL). */
    private static ByteBuffer advert(int vrid, int priority) {
        int length = VrrpPacket.length(1);
        ByteBuffer b = ByteBuffer.allocateDirect(length);
        VrrpPacket.writeAdvertisement(b, 0, vrid, priority, 0, 1, List.of(VirtualAddress.parse("192.0.2.100/24")));
        VrrpPacket.sealChecksum(b, 0, length);
        return b;
    }
}
