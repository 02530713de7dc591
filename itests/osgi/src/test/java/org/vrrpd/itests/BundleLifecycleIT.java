package org.vrrpd.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.assertNotNull;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.util.tracker.ServiceTracker;
import org.vrrpd.api.arp.GratuitousArpSender;
import org.vrrpd.api.link.LinkMonitor;
import org.vrrpd.api.net.InterfaceRegistry;
import org.vrrpd.api.vrrp.VrrpInstances;

/**
 * Bundles that hold sockets and threads can be stopped, updated and restarted in a running
 * framework without leaking either: the daemon's promise of hot swap starts here.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class BundleLifecycleIT {
    private static final int CYCLES = 3;

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] config() throws IOException {
        return ShippedBundles.provisionAll(ShippedBundles.DIST + "/../paxexam-lifecycle-run");
    }

    @Test
    public void netlinkBundleCyclesWithoutLeakingSocketsOrThreads() throws Exception {
        assertNoLeaks("org.vrrpd.netlink", InterfaceRegistry.class);
    }

    @Test
    public void linkMonitorBundleCyclesWithoutLeakingSocketsOrThreads() throws Exception {
        assertNoLeaks("org.vrrpd.mii", LinkMonitor.class);
    }

    @Test
    public void vrrpEngineBundleCyclesWithoutLeakingSocketsOrThreads() throws Exception {
        assertNoLeaks("org.vrrpd.vrrp", VrrpInstances.class);
    }

    @Test
    public void arpBundleCyclesWithoutLeakingSockets() throws Exception {
        assertNoLeaks("org.vrrpd.arp", GratuitousArpSender.class);
    }

    private void assertNoLeaks(String symbolicName, Class<?> service) throws Exception {
        Bundle bundle = find(symbolicName);
        cycle(bundle, service); // warm-up: class loading and JVM housekeeping threads settle
        List<String> fds = openFileDescriptors();
        long threads = vrrpdThreads();
        for (int i = 0; i < CYCLES; i++) {
            cycle(bundle, service);
        }
        assertEquals(symbolicName + ": vrrpd threads after " + CYCLES + " stop/update/start cycles", threads, vrrpdThreads());
        // a leak grows with every cycle; fewer is someone else's file closed meanwhile (seen: Pax Exam's ops4jstore-*.bin)
        List<String> after = openFileDescriptors();
        String change = "opened " + minus(after, fds) + ", closed " + minus(fds, after);
        assertTrue(symbolicName + ": open file descriptors after " + CYCLES + " cycles: " + after.size() + ", before: " + fds.size()
                + ": " + change, after.size() <= fds.size());
        System.out.printf("lifecycle: %s cycled %d times: %d fds before, %d after (%s), %d vrrpd threads before and after%n",
                symbolicName, CYCLES, fds.size(), after.size(), change, threads);
    }

    private Bundle find(String symbolicName) {
        for (Bundle b : context.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new AssertionError(symbolicName + " is not installed");
    }

    /** stop, update from its location, refresh (drops the old revision and its jar), start; then wait for its service. */
    private void cycle(Bundle bundle, Class<?> service) throws Exception {
        bundle.stop();
        bundle.update();
        CountDownLatch refreshed = new CountDownLatch(1);
        context.getBundle(0).adapt(FrameworkWiring.class).refreshBundles(List.of(bundle), event -> {
            if (event.getType() == FrameworkEvent.PACKAGES_REFRESHED) {
                refreshed.countDown();
            }
        });
        refreshed.await(30, TimeUnit.SECONDS);
        bundle.start();
        ServiceTracker<?, ?> tracker = new ServiceTracker<>(context, service, null);
        tracker.open();
        try {
            assertNotNull(service.getSimpleName() + " is back", tracker.waitForService(10_000));
        } finally {
            tracker.close();
        }
    }

    /** What each open descriptor is, sockets and pipes by kind only (their inode changes with every cycle). */
    private static List<String> openFileDescriptors() throws IOException {
        List<String> targets = new ArrayList<>();
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc/self/fd"))) {
            for (Path fd : fds) {
                try {
                    targets.add(Files.readSymbolicLink(fd).toString().replaceAll("^(socket|pipe):\\[\\d+]$", "$1"));
                } catch (IOException closedWhileListing) {
                    // the directory stream's own descriptor, or one closed meanwhile: neither is the bundle's
                }
            }
        }
        return targets;
    }

    /** The elements of {@code a} left when each of {@code b}'s is taken out once. */
    private static List<String> minus(List<String> a, List<String> b) {
        List<String> rest = new ArrayList<>(a);
        b.forEach(rest::remove);
        return rest;
    }

    private static long vrrpdThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("vrrpd-")).count();
    }
}
