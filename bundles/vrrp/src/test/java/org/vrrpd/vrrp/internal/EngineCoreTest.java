package org.vrrpd.vrrp.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.vrrpd.api.spi.CheckStatus;
import org.vrrpd.api.spi.Checker;
import org.vrrpd.api.spi.CheckerContext;
import org.vrrpd.api.vrrp.VrrpInstanceView;
import org.vrrpd.api.vrrp.VrrpState;

/**
 * The engine on its real event loop with sockets that record instead of sending: what one instance
 * or one plug-in does wrong stays with it, and slow netlink never delays an advert.
 */
public class EngineCoreTest {
    private static final long MS = 1_000_000L;
    /** How late an advert may be on a loaded test machine; the namespace test holds the loop to 20 ms. */
    private static final long SLACK = 150 * MS;

    private final RecordingSockets sockets = new RecordingSockets();
    private FakeInterfaces interfaces = new FakeInterfaces(0, "eth0", 2, "192.0.2.1/24");
    private EngineCore core;
    private Path work;

    @Before
    public void engine() throws Exception {
        work = Files.createTempDirectory("engine");
    }

    private void start() throws Exception {
        FakeInterfaces registry = interfaces;
        core = new EngineCore(work.resolve("handoff.properties"), (name, index, ipv6) -> sockets, () -> registry, () -> null, () -> null, () -> null);
        core.start();
        core.authenticatorAdded("none", new NoAuth());
    }

    @After
    public void stop() throws Exception {
        if (core != null) {
            core.stop(false);
        }
        Files.deleteIfExists(work.resolve("handoff.properties"));
        Files.deleteIfExists(work);
    }

    private static InstanceSettings owner(String name, int vrid, String... addresses) {
        Map<String, Object> p = new HashMap<>(Map.of("name", name, "interfaceName", "eth0", "vrid", vrid, "priority", 255,
                "virtualAddresses", addresses.length == 0 ? "192.0.2." + (100 + vrid) + "/24" : String.join(",", addresses)));
        return InstanceSettings.parse(p);
    }

    private VrrpInstanceView view(String name) throws Exception {
        return core.views().all().stream().filter(v -> v.name().equals(name)).findFirst().orElseThrow();
    }

    private static void await(String what, BooleanSupplier condition, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * MS;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what);
            }
            Thread.sleep(10);
        }
    }

    private VrrpState state(String name) {
        try {
            return view(name).state();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    public void aTransitionThatThrowsFaultsOnlyItsInstanceWhichRecovers() throws Exception {
        start();
        core.add(owner("VI_1", 1));
        core.add(owner("VI_2", 2));
        await("both masters", () -> state("VI_1") == VrrpState.MASTER && state("VI_2") == VrrpState.MASTER, 2000);
        long from = System.nanoTime();

        sockets.failingVrid = 1; // VI_1's next advert throws inside its ADVER_TIMER transition
        await("VI_1 in FAULT", () -> state("VI_1") == VrrpState.FAULT, 2000);
        InstanceSnapshot faulted = core.views().snapshot("VI_1").orElseThrow();
        assertEquals(List.of("internal error: java.lang.IllegalStateException: injected failure sending VRID 1"), faulted.faults());
        assertTrue("it gave up its addresses", core.awaitAddresses(2000));
        sockets.failingVrid = 0;

        await("VI_1 back as a backup after the retry delay, then master", () -> state("VI_1") == VrrpState.MASTER,
                InternalErrors.RETRY / MS + 5000);
        long to = System.nanoTime();
        assertEquals("VI_2 never changed state", 1, view("VI_2").statistics().becomeMaster());
        assertEquals(VrrpState.MASTER, state("VI_2"));
        assertTrue("VI_2 advertised every second meanwhile", sockets.longestGapNanos(2, from, to) <= 1000 * MS + SLACK);
        assertEquals("the error was counted", 1, core.views().snapshot("VI_1").orElseThrow().internalErrors());
    }

    @Test
    public void addressChangesStuckInNetlinkDelayNoAdvert() throws Exception {
        interfaces = new FakeInterfaces(5000, "eth0", 2, "192.0.2.1/24"); // every add or remove takes 5 s
        start();
        long from = System.nanoTime();
        core.add(owner("VI_1", 1));
        await("master", () -> state("VI_1") == VrrpState.MASTER, 2000);
        core.update("VI_1", owner("VI_1", 1, "192.0.2.101/24", "192.0.2.102/24"));
        core.update("VI_1", owner("VI_1", 1, "192.0.2.103/24"));
        Thread.sleep(7000); // the observation window: adverts must keep their second while netlink is stuck
        long to = System.nanoTime();
        assertTrue("the reconciler was stuck in netlink meanwhile", interfaces.changes.get() >= 1 && !core.awaitAddresses(0));
        long gap = sockets.longestGapNanos(1, from + 1000 * MS, to);
        assertTrue("longest advert gap " + gap / MS + " ms", gap <= 1000 * MS + SLACK);
    }

    @Test
    public void aUnicastInstanceSendsToEachPeerAndJoinsNoGroup() throws Exception {
        start();
        Map<String, Object> p = new HashMap<>(Map.of("name", "VI_1", "interfaceName", "eth0", "vrid", 1, "priority", 255,
                "virtualAddresses", "192.0.2.101/24", "unicastPeers", "192.0.2.2, 198.51.100.2@250-255", "unicastTtl", 254));
        core.add(InstanceSettings.parse(p));
        await("adverts to both peers", () -> sockets.sent.stream().map(RecordingSockets.Sent::destination).distinct().count() == 2, 3000);
        assertEquals(List.of(new RecordingSockets.Sent(1, 255, 0xc0000202, 254, 0), new RecordingSockets.Sent(1, 255, 0xc6336402, 254, 0)),
                sockets.sent.subList(0, 2).stream().map(s -> new RecordingSockets.Sent(s.vrid(), s.priority(), s.destination(), s.ttl(), 0)).toList());
        assertTrue("no group while every instance here is unicast", !sockets.joined);
        p.remove("unicastPeers");
        core.update("VI_1", InstanceSettings.parse(p));
        await("multicast again: the group is joined", () -> sockets.joined, 2000);
    }

    /** A checker that throws in start, one that blocks in start, and one that reports as fast as it can. */
    @Test
    public void badCheckersNeitherStallNorBreakTheEngine() throws Exception {
        start();
        core.add(owner("VI_1", 1));
        core.add(owner("VI_2", 2));
        core.add(owner("VI_3", 3));
        core.add(owner("VI_4", 4));
        await("masters", () -> state("VI_4") == VrrpState.MASTER, 2000);
        CountDownLatch release = new CountDownLatch(1);
        long from = System.nanoTime();
        core.checkerAdded(new TestChecker(c -> {
            throw new IllegalStateException("checker bug");
        }), Map.of(Checker.INSTANCE, "VI_1", Checker.NAME, "thrower"));
        core.checkerAdded(new TestChecker(c -> {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }), Map.of(Checker.INSTANCE, "VI_2", Checker.NAME, "blocker"));
        long[] reports = new long[1];
        core.checkerAdded(new TestChecker(c -> {
            Thread flood = new Thread(() -> {
                long end = System.nanoTime() + 3000 * MS;
                for (long n = 0; System.nanoTime() < end; n++) {
                    c.report(new CheckStatus((int) (n % 2) * -10, false, "flapping"));
                    reports[0]++;
                }
                c.report(new CheckStatus(-10, false, "settled"));
            });
            flood.start();
        }), Map.of(Checker.INSTANCE, "VI_3", Checker.NAME, "flooder"));

        await("the thrower's instance says why", () -> checks("VI_1").contains(
                "thrower failed to start: java.lang.IllegalStateException: checker bug"), 3000);
        await("the blocker's instance says why", () -> checks("VI_2").stream().anyMatch(c -> c.startsWith("blocker: start() has not returned for")), 4000);
        await("the flooder's last report applies", () -> checks("VI_3").equals(List.of("flooder -10 (settled)")), 6000);
        long to = System.nanoTime();
        release.countDown();
        assertTrue("the flooder reported " + reports[0] + " times", reports[0] > 100_000);
        for (int vrid = 1; vrid <= 4; vrid++) {
            long gap = sockets.longestGapNanos(vrid, from, to);
            assertTrue("VRID " + vrid + ": longest advert gap " + gap / MS + " ms", gap <= 1000 * MS + SLACK);
            assertEquals(VrrpState.MASTER, state("VI_" + vrid));
        }
    }

    private List<String> checks(String name) {
        try {
            return core.views().snapshot(name).orElseThrow().checks();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** A checker whose start does {@code onStart}. */
    private static final class TestChecker implements Checker {
        private final java.util.function.Consumer<CheckerContext> onStart;

        TestChecker(java.util.function.Consumer<CheckerContext> onStart) {
            this.onStart = onStart;
        }

        @Override
        public void start(CheckerContext context) {
            onStart.accept(context);
        }

        @Override
        public void stop(CheckerContext context) {
        }
    }
}
