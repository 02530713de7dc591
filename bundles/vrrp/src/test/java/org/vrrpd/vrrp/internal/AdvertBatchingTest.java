package org.vrrpd.vrrp.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.After;
import org.junit.Test;
import org.vrrpd.api.vrrp.VrrpState;
import org.vrrpd.kernel.Errno;
import org.vrrpd.kernel.Ipv4;
import org.vrrpd.kernel.SendBatch;

/**
 * Batching on a hand-driven clock, through the engine's real timer heap, instances, host and
 * channel: a new master's second advert is put on the grid (a hundredth of the interval, at most
 * 10 ms), so masters that became master within one grid step share one turn of the loop and one
 * sendmmsg from then on; none leaves after its deadline, and their fixed rate does not drift.
 */
public class AdvertBatchingTest {
    private static final long MS = 1_000_000L;
    private static final long SECOND = 1000 * MS;
    /** The clock's start: far from 0, as System.nanoTime is (a timer never armed has deadline 0). */
    private static final long BASE = 1000 * SECOND;

    /** The event loop's turn on a fake clock: wake at the earliest deadline, fire what is due (and may fire early), flush. */
    private static final class Clock implements Timers {
        final TimerHeap heap = new TimerHeap();
        final SendBatches turn = new SendBatches();
        long now = BASE;
        int turns;

        @Override public long now() { return now; }
        @Override public void schedule(TimerHeap.Timer t, long delay) { heap.schedule(t, now + delay); }
        @Override public void schedule(TimerHeap.Timer t, long delay, long early) { heap.schedule(t, now + delay, early); }
        @Override public void scheduleAdvert(TimerHeap.Timer t, long deadline, long early) { heap.scheduleCounted(t, deadline, early); }
        @Override public int advertsDueAt(long deadline) { return heap.loadAt(deadline); }
        @Override public void cancel(TimerHeap.Timer t) { heap.cancel(t); }

        void runUntil(long end) {
            while (heap.nextDeadline() <= end) {
                now = heap.nextDeadline();
                turns++;
                turn.open();
                heap.fireDue(now, e -> {
                    throw e;
                });
                turn.flush();
            }
            now = end;
        }
    }

    /** What one sendmmsg carried: when, and the VRIDs in order; adverts sent one by one are batches of one at once. */
    private record Batch(long atNanos, List<Integer> vrids, boolean sendmmsg) {
    }

    /** Sockets that batch; a VRID can be refused by the "kernel". */
    private final class BatchSockets implements ChannelSockets {
        final List<Batch> batches = new ArrayList<>();
        int refusedVrid;

        @Override public int[] fds() { return new int[0]; }
        @Override public int receive(int socket, ByteBuffer buffer) { return -1; }
        @Override public void send(ByteBuffer datagram, int destination) {
            batches.add(new Batch(clock.now, List.of(VrrpPacket.vrid(datagram, VrrpPacket.IPV4_HEADER_LENGTH)), false));
        }
        @Override public boolean batches() { return true; }
        @Override public void send(SendBatch batch, SendBatch.Refusal refusal) {
            List<Integer> vrids = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                int vrid = VrrpPacket.vrid(batch.datagram(i), VrrpPacket.IPV4_HEADER_LENGTH);
                if (vrid == refusedVrid) {
                    refusal.refused(i, batch.datagram(i), batch.destination(i), Errno.ENOBUFS);
                } else {
                    vrids.add(vrid);
                }
            }
            batch.clear();
            batches.add(new Batch(clock.now, vrids, true));
        }
        @Override public void setJoined(boolean join) { }
        @Override public void close() { }
    }

    private final Clock clock = new Clock();
    private final BatchSockets sockets = new BatchSockets();
    private final FakeInterfaces interfaces = new FakeInterfaces(0, "eth0", 2, "192.0.2.1/24");
    private final VipReconciler vips = new VipReconciler(() -> interfaces, (owner, outcomes) -> { });
    private final InstanceRegistry registry = new InstanceRegistry();
    private final InterfaceChannels channels = new InterfaceChannels(new Descriptors() {
        @Override public void register(int fd, ReadHandler handler) { }
        @Override public void unregister(int fd) { }
    }, clock.turn, (name, index, ipv6) -> sockets, (c, d, n) -> { }, registry, () -> interfaces, () -> null, InterfaceChannels.MemberFaults.NONE);
    private final InstanceHost host = new InstanceHost(clock, channels, vips, null, null, null);

    @After
    public void close() throws InterruptedException {
        vips.close(1000);
    }

    /** A master on eth0 with {@code vrid}, its first advert sent now (outside a timers' turn: at once) and its timer armed. */
    private VrrpInstance master(int vrid) {
        VrrpInstance instance = new VrrpInstance(host, InstanceSettings.parse(Map.of("name", "VI_" + vrid, "interfaceName", "eth0", "vrid", vrid,
                "priority", 100, "virtualAddresses", "198.51.100." + vrid + "/32")));
        instance.setAuth(NoAuth.SESSION);
        registry.put(instance);
        channels.refresh("eth0");
        instance.resume(VrrpState.MASTER);
        return instance;
    }

    /** 40 masters 20 µs apart, within one grid step: one turn a second, one sendmmsg of a full batch (32) and one of the other 8. */
    @Test
    public void mastersDueWithinAMillisecondShareOneTurnAndOneSendmmsgPerBatchAndNeverLeaveLate() {
        int count = 40;
        List<VrrpInstance> masters = new ArrayList<>();
        long[] firstDeadline = new long[count + 1];
        for (int vrid = 1; vrid <= count; vrid++) {
            clock.now = BASE + MS + (vrid - 1) * 20_000L; // all within 0.78 ms, past one grid instant and before the next
            masters.add(master(vrid));
            firstDeadline[vrid] = masters.get(vrid - 1).protocolTimer.deadline();
        }
        assertEquals("each first advert left at once, alone", count, sockets.batches.stream().filter(b -> !b.sendmmsg()).count());
        for (int vrid = 1; vrid <= count; vrid++) {
            assertEquals("VRID " + vrid + ": its second advert on the first master's instant, the last of its window", BASE + SECOND + 50 * MS,
                    firstDeadline[vrid]);
        }
        sockets.batches.clear();
        clock.turns = 0;

        clock.runUntil(BASE + 10 * SECOND + 55 * MS);

        assertEquals("one wake-up per second", 10, clock.turns);
        assertEquals(20, sockets.batches.size());
        for (int k = 0; k < 10; k++) {
            Batch full = sockets.batches.get(2 * k);
            Batch rest = sockets.batches.get(2 * k + 1);
            assertTrue(full.sendmmsg() && rest.sendmmsg());
            assertEquals("a full batch, then the rest", List.of(32, count - 32), List.of(full.vrids().size(), rest.vrids().size()));
            assertEquals("every master once", IntStream.rangeClosed(1, count).boxed().toList(),
                    java.util.stream.Stream.concat(full.vrids().stream(), rest.vrids().stream()).sorted().toList());
            assertEquals("at the first one's deadline", firstDeadline[1] + k * SECOND, full.atNanos());
            assertEquals("in the same turn", full.atNanos(), rest.atNanos());
            for (int vrid = 1; vrid <= count; vrid++) {
                long due = firstDeadline[vrid] + k * SECOND;
                assertTrue("VRID " + vrid + " not late", full.atNanos() <= due);
                assertTrue("VRID " + vrid + " at most 1 ms early", due - full.atNanos() <= MS);
            }
        }
        for (int vrid = 1; vrid <= count; vrid++) {
            VrrpInstance m = masters.get(vrid - 1);
            assertEquals("fixed rate from each deadline: no drift", firstDeadline[vrid] + 10 * SECOND, m.protocolTimer.deadline());
            assertEquals(11, m.counters.advertisementsSent);
        }
    }

    /**
     * Masters that became master a few milliseconds apart, one of them a grid step later, meet on one
     * instant from their second advert on: the first took the last instant of its window (a first
     * interval 50 ms longer), the others found it in theirs. One that came up past that window has
     * an instant of its own, a turn of its own.
     */
    @Test
    public void mastersThatBecameMasterApartMeetOnOneInstantFromTheirSecondAdvert() {
        for (int vrid = 1; vrid <= 3; vrid++) {
            clock.now = BASE + MS + (vrid - 1) * 2 * MS; // 1, 3 and 5 ms past a grid instant
            master(vrid);
        }
        clock.now = BASE + 15 * MS;
        master(4);
        clock.now = BASE + 55 * MS; // its first instant is 1.060 s, past the others'
        master(5);
        sockets.batches.clear();
        clock.runUntil(BASE + 2 * SECOND + 100 * MS);
        List<Batch> sorted = sockets.batches.stream() // deadlines alike leave in the heap's order, which is no order
                .map(b -> new Batch(b.atNanos(), b.vrids().stream().sorted().toList(), b.sendmmsg())).toList();
        assertEquals(List.of(new Batch(BASE + SECOND + 50 * MS, List.of(1, 2, 3, 4), true), new Batch(BASE + SECOND + 100 * MS, List.of(5), true),
                new Batch(BASE + 2 * SECOND + 50 * MS, List.of(1, 2, 3, 4), true), new Batch(BASE + 2 * SECOND + 100 * MS, List.of(5), true)),
                sorted);
    }

    /**
     * Two hundred masters coming up one every 5 ms, over a second: one instant per window of five
     * grid steps, so twenty wake-ups a second where the grid alone gave a hundred (two masters per
     * instant), and no first interval more than five grid steps longer than the interval.
     */
    @Test
    public void mastersComingUpOverASecondShareAnInstantPerWindow() {
        List<VrrpInstance> masters = new ArrayList<>();
        for (int vrid = 1; vrid <= 200; vrid++) {
            clock.now = BASE + (vrid - 1) * 5 * MS + 1;
            masters.add(master(vrid));
            long firstInterval = masters.get(vrid - 1).protocolTimer.deadline() - clock.now;
            assertTrue("VRID " + vrid + ": first interval " + firstInterval, firstInterval >= SECOND && firstInterval <= SECOND + 50 * MS);
        }
        long start = BASE + 2 * SECOND;
        clock.runUntil(start);
        clock.turns = 0;
        sockets.batches.clear();
        clock.runUntil(start + SECOND);
        assertEquals("one wake-up per 50 ms", 20, clock.turns);
        assertEquals("every master once", 200, sockets.batches.stream().mapToInt(b -> b.vrids().size()).sum());
    }

    /**
     * Two hundred and fifty masters up at once: an instant takes {@value GridPlacement#FULL} adverts, then the
     * next one is filled, so that no batch grows past it while instants are left in the window.
     */
    @Test
    public void aFullInstantSendsTheNextMastersToAnother() {
        Map<Long, Integer> perInstant = new java.util.TreeMap<>();
        for (int vrid = 1; vrid <= 250; vrid++) {
            clock.now = BASE + MS + vrid * 1000L;
            perInstant.merge(master(vrid).protocolTimer.deadline(), 1, Integer::sum);
        }
        assertEquals("four full instants, from the last of the window back, and the rest on the first",
                Map.of(BASE + SECOND + 50 * MS, 64, BASE + SECOND + 40 * MS, 64, BASE + SECOND + 30 * MS, 64, BASE + SECOND + 20 * MS, 58),
                perInstant);
    }

    @Test
    public void anAdvertTheKernelRefusesIsNotCountedAndTheOthersLeave() {
        VrrpInstance one = master(1);
        VrrpInstance two = master(2);
        sockets.refusedVrid = 1;
        clock.runUntil(BASE + 3 * SECOND + 50 * MS + MS); // the second advert on the last instant of its window
        assertEquals("the first, sent at once; the three batched were refused", 1, one.counters.advertisementsSent);
        assertEquals(4, two.counters.advertisementsSent);
        assertEquals(List.of(2), sockets.batches.get(sockets.batches.size() - 1).vrids());
    }
}
