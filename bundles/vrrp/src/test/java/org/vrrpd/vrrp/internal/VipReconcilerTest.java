package org.vrrpd.vrrp.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.After;
import org.junit.Test;
import org.vrrpd.api.net.InterfaceAddress;
import org.vrrpd.api.net.InterfaceRegistry;
import org.vrrpd.api.net.NetInterface;
import org.vrrpd.api.vrrp.VirtualAddress;

/** The VIP reconciler on its own thread, against a registry that records each request. */
public class VipReconcilerTest {
    private static final VirtualAddress A = VirtualAddress.parse("192.0.2.100/24");
    private static final VirtualAddress B = VirtualAddress.parse("192.0.2.101/24");
    private static final VirtualAddress C = VirtualAddress.parse("192.0.2.102/24");

    /** Records "add eth0 192.0.2.100/24" lines; an address in {@code present} makes an add say "already", one not in it a remove. */
    private static final class Recorder implements InterfaceRegistry {
        final List<String> calls = new CopyOnWriteArrayList<>();
        final List<String> present = new CopyOnWriteArrayList<>();
        volatile CountDownLatch gate = new CountDownLatch(0);
        volatile String refuse;

        @Override public Collection<NetInterface> interfaces() { return List.of(); }
        @Override public Optional<NetInterface> byName(String name) { return Optional.empty(); }

        @Override
        public boolean addAddress(String iface, InterfaceAddress a) throws IOException {
            return call("add", iface, a) && !present.contains(text(a)) && present.add(text(a));
        }

        /** "lease eth0 192.0.2.100/24 5s": true (and now present) if it was absent. */
        @Override
        public boolean leaseAddress(String iface, InterfaceAddress a, Duration lifetime) throws IOException {
            return call("lease", iface, a, " " + lifetime.toSeconds() + "s") && !present.contains(text(a)) && present.add(text(a));
        }

        @Override
        public boolean removeAddress(String iface, InterfaceAddress a) throws IOException {
            return call("remove", iface, a) && present.remove(text(a));
        }

        private boolean call(String what, String iface, InterfaceAddress a) throws IOException {
            return call(what, iface, a, "");
        }

        private boolean call(String what, String iface, InterfaceAddress a, String suffix) throws IOException {
            try {
                gate.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                throw new IOException(e);
            }
            calls.add(what + " " + iface + " " + text(a) + suffix);
            if (text(a).equals(refuse)) {
                throw new IOException("RTM_NEWADDR(" + text(a) + " dev " + iface + "): EINVAL (Invalid argument)");
            }
            return true;
        }

        private static String text(InterfaceAddress a) {
            return a.address().getHostAddress() + "/" + a.prefixLength();
        }
    }

    private final Recorder kernel = new Recorder();
    private volatile InterfaceRegistry registry = kernel;
    private final List<VipReconciler.Outcome> outcomes = new CopyOnWriteArrayList<>();
    private final VipReconciler vips = new VipReconciler(() -> registry, (owner, o) -> outcomes.addAll(o));

    @After
    public void close() throws Exception {
        vips.close(1000);
    }

    private List<VipReconciler.Result> results() {
        List<VipReconciler.Result> out = new ArrayList<>();
        outcomes.forEach(o -> out.add(o.result()));
        return out;
    }

    @Test
    public void addsWhatIsWantedAndRemovesWhatNoLongerIs() throws Exception {
        vips.want("VI_1", "eth0", List.of(A, B), List.of());
        assertTrue(vips.awaitIdle(5000));
        vips.want("VI_1", "eth0", List.of(B), List.of());
        assertTrue(vips.awaitIdle(5000));
        assertEquals(List.of("add eth0 192.0.2.100/24", "add eth0 192.0.2.101/24", "remove eth0 192.0.2.100/24", "add eth0 192.0.2.101/24"),
                kernel.calls);
        assertEquals(List.of(VipReconciler.Result.ADDED, VipReconciler.Result.ADDED, VipReconciler.Result.REMOVED,
                VipReconciler.Result.ALREADY_PRESENT), results());
    }

    @Test
    public void releasingRemovesWhatAPredecessorMayHaveLeft() throws Exception {
        kernel.present.add("192.0.2.100/24");
        vips.want("VI_1", "eth0", List.of(), List.of(A, B));
        assertTrue(vips.awaitIdle(5000));
        assertEquals(List.of(VipReconciler.Result.REMOVED, VipReconciler.Result.ALREADY_ABSENT), results());
    }

    @Test
    public void whileTheKernelIsSlowTheLatestWishWins() throws Exception {
        kernel.gate = new CountDownLatch(1);
        vips.want("VI_1", "eth0", List.of(A), List.of()); // taken by the worker, stuck at the gate
        Thread.sleep(100); // lets the worker take it (if it has not, the coalescing below only gets stronger)
        vips.want("VI_1", "eth0", List.of(B), List.of());
        vips.want("VI_1", "eth0", List.of(C), List.of());
        assertTrue("still stuck", !vips.awaitIdle(200));
        kernel.gate.countDown();
        assertTrue(vips.awaitIdle(5000));
        assertEquals("B was never applied: C replaced it while the kernel was slow",
                List.of("add eth0 192.0.2.100/24", "remove eth0 192.0.2.100/24", "add eth0 192.0.2.102/24"), kernel.calls);
    }

    @Test
    public void aRefusalIsATypedOutcomeWithTheKernelsWords() throws Exception {
        kernel.refuse = "192.0.2.101/24";
        vips.want("VI_1", "eth0", List.of(A, B), List.of());
        assertTrue(vips.awaitIdle(5000));
        VipReconciler.Outcome refused = outcomes.get(1);
        assertEquals(VipReconciler.Result.FAILED, refused.result());
        assertEquals("RTM_NEWADDR(192.0.2.101/24 dev eth0): EINVAL (Invalid argument)", refused.detail());
    }

    @Test
    public void withoutARegistryTheWishWaitsForIt() throws Exception {
        registry = null;
        vips.want("VI_1", "eth0", List.of(A), List.of());
        assertTrue(vips.awaitIdle(5000));
        assertEquals(List.of(VipReconciler.Result.NO_REGISTRY), results());
        assertEquals(List.of(), kernel.calls);
        registry = kernel;
        vips.retry();
        assertTrue(vips.awaitIdle(5000));
        assertEquals(List.of("add eth0 192.0.2.100/24"), kernel.calls);
    }

    /** Waits up to {@code seconds} for {@code calls} to have {@code n} entries. */
    private void awaitCalls(int n, double seconds) throws InterruptedException {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        while (kernel.calls.size() < n && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertTrue("expected " + n + " calls within " + seconds + " s: " + kernel.calls, kernel.calls.size() >= n);
    }

    @Test
    public void aLeaseIsRenewedQuietlyAndAnAddressFoundGoneIsRestored() throws Exception {
        vips.want("VI_1", "eth0", List.of(A), List.of(), Duration.ofSeconds(5));
        assertTrue(vips.awaitIdle(5000));
        assertEquals(List.of("lease eth0 192.0.2.100/24 5s"), kernel.calls);
        assertTrue(vips.lastRenewal("VI_1").isPresent());
        long first = vips.lastRenewal("VI_1").getAsLong();
        awaitCalls(2, 3); // at the next whole renewal period (1 s for a 5 s lease), at most one on
        assertEquals("lease eth0 192.0.2.100/24 5s", kernel.calls.get(1));
        long second = vips.lastRenewal("VI_1").getAsLong();
        assertTrue(second > first);
        awaitCalls(3, 3);
        assertTrue("a period later", vips.lastRenewal("VI_1").getAsLong() - second >= 900_000_000L);
        assertEquals("a renewal of an address that is there is not reported", List.of(VipReconciler.Result.ADDED), results());

        kernel.present.clear(); // the kernel let it expire (the daemon was stopped longer than the lease)
        awaitCalls(4, 3);
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (outcomes.size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(List.of(VipReconciler.Result.ADDED, VipReconciler.Result.RESTORED), results());

        vips.want("VI_1", "eth0", List.of(), List.of());
        assertTrue(vips.awaitIdle(5000));
        assertTrue(vips.lastRenewal("VI_1").isEmpty());
        int calls = kernel.calls.size();
        Thread.sleep(1500); // an observation window: with nothing leased, no renewal may come
        assertEquals(calls, kernel.calls.size());
    }

    @Test
    public void switchingTheLeaseOffMakesTheAddressesPermanent() throws Exception {
        vips.want("VI_1", "eth0", List.of(A), List.of(), Duration.ofSeconds(5));
        assertTrue(vips.awaitIdle(5000));
        vips.want("VI_1", "eth0", List.of(A), List.of(), Duration.ZERO);
        assertTrue(vips.awaitIdle(5000));
        assertEquals("lease eth0 192.0.2.100/24 0s", kernel.calls.get(kernel.calls.size() - 1));
        assertTrue(vips.lastRenewal("VI_1").isEmpty());
        vips.want("VI_1", "eth0", List.of(A), List.of(), Duration.ZERO);
        assertTrue(vips.awaitIdle(5000));
        assertEquals("permanent from then on: a plain add", "add eth0 192.0.2.100/24", kernel.calls.get(kernel.calls.size() - 1));
    }
}
