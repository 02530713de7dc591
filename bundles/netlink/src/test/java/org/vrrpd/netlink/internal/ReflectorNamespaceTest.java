package org.vrrpd.netlink.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.vrrpd.api.net.InterfaceAddress;
import org.vrrpd.api.net.InterfaceEvent;
import org.vrrpd.api.net.MacAddress;
import org.vrrpd.api.net.NetInterface;
import org.vrrpd.kernel.Errno;
import org.vrrpd.kernel.NativeException;
import org.vrrpd.kernel.NetworkNamespace;
import org.vrrpd.lab.NetLab;

/** The reflector against a real kernel: changes made with ip(8) in a namespace reach the model and the listener. */
public class ReflectorNamespaceTest {
    /** How late after ip(8) returns a listener may hear of its change. */
    private static final double MAX_EVENT_DELAY_MILLIS = 500;

    private record Seen(long nanos, InterfaceEvent event) {
    }

    private final BlockingQueue<Seen> seen = new LinkedBlockingQueue<>();
    private NetLab lab;
    private String ns;
    private String bridgePort;
    private Reflector reflector;

    @Before
    public void start() throws Exception {
        lab = NetLab.create();
        String br = lab.bridge("br");
        ns = lab.namespace("r1");
        bridgePort = lab.link(br, ns, "eth0", "192.0.2.1/24");
        lab.exec(ns, "sysctl", "-q", "-w", "net.ipv6.conf.eth0.disable_ipv6=0").check();
        reflector = NetworkNamespace.call(ns, () -> new Reflector(e -> seen.add(new Seen(System.nanoTime(), e)), 0));
        reflector.start();
    }

    @After
    public void stop() {
        if (reflector != null) {
            reflector.close();
        }
        lab.close();
    }

    /** Runs ip(8) in the namespace, then waits for the matching event and prints how long after ip returned it came. */
    private InterfaceEvent ipThenAwait(String what, Predicate<InterfaceEvent> match, String... ipArgs) throws Exception {
        String[] command = new String[ipArgs.length + 1];
        command[0] = "ip";
        System.arraycopy(ipArgs, 0, command, 1, ipArgs.length);
        lab.exec(ns, command).check();
        long returned = System.nanoTime();
        Seen s = await(match);
        double delayMillis = (s.nanos - returned) / 1e6;
        System.out.printf("netlink reflector: %-34s listener called %+.3f ms after ip returned%n", what, delayMillis);
        // milliseconds when broadcasts are followed (README figures); a bound far above that, far below the 5 s deadline
        assertTrue(what + ": the listener is told as the kernel broadcasts, not later: " + delayMillis + " ms", delayMillis < MAX_EVENT_DELAY_MILLIS);
        return s.event;
    }

    private Seen await(Predicate<InterfaceEvent> match) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        for (Seen s; (s = seen.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) != null; ) {
            if (match.test(s.event)) {
                return s;
            }
        }
        fail("no matching interface event within 5 s");
        return null;
    }

    private static Predicate<InterfaceEvent> hasAddress(String name, String address, boolean present) throws Exception {
        InetAddress wanted = InetAddress.getByName(address); // IPv6 compared as an address, not as text
        return e -> e.after() != null && e.after().name().equals(name)
                && e.after().addresses().stream().anyMatch(a -> a.address().equals(wanted)) == present;
    }

    private NetInterface eth0() {
        return reflector.byName("eth0").orElseThrow();
    }

    @Test
    public void initialDumpHoldsEveryInterfaceAndAddress() {
        assertEquals(List.of("192.0.2.1/24"), eth0().addresses().stream()
                .filter(a -> a.address().getAddress().length == 4).map(Object::toString).toList());
        assertEquals("veth", eth0().kind());
        assertTrue(eth0().isUp());
        assertTrue(reflector.byName("lo").orElseThrow().addresses().stream()
                .anyMatch(a -> a.address().getHostAddress().equals("127.0.0.1")));
    }

    @Test
    public void primaryAndSecondaryAddressesOfBothFamiliesAreReflected() throws Exception {
        ipThenAwait("add secondary 192.0.2.10/24", hasAddress("eth0", "192.0.2.10", true),
                "addr", "add", "192.0.2.10/24", "dev", "eth0", "label", "eth0:vip");
        ipThenAwait("add primary 198.51.100.1/24", hasAddress("eth0", "198.51.100.1", true),
                "addr", "add", "198.51.100.1/24", "dev", "eth0");
        ipThenAwait("add 2001:db8::1/64", hasAddress("eth0", "2001:db8:0:0:0:0:0:1", true),
                "addr", "add", "2001:db8::1/64", "dev", "eth0", "nodad");
        List<String> v4 = eth0().addresses().stream().filter(a -> a.address().getAddress().length == 4)
                .map(a -> a + " " + a.label()).toList();
        assertEquals("kernel order: primaries, then secondaries",
                List.of("192.0.2.1/24 eth0", "198.51.100.1/24 eth0", "192.0.2.10/24 secondary eth0:vip"), v4);

        ipThenAwait("delete secondary 192.0.2.10/24", hasAddress("eth0", "192.0.2.10", false),
                "addr", "del", "192.0.2.10/24", "dev", "eth0");
        ipThenAwait("delete 2001:db8::1/64", hasAddress("eth0", "2001:db8:0:0:0:0:0:1", false),
                "addr", "del", "2001:db8::1/64", "dev", "eth0");
    }

    @Test
    public void linkDownAndUpAreReflected() throws Exception {
        InterfaceEvent down = ipThenAwait("eth0 down", e -> e.after() != null && e.after().name().equals("eth0") && !e.after().isUp(),
                "link", "set", "eth0", "down");
        assertTrue(down.before().isUp());
        ipThenAwait("eth0 up", e -> e.after() != null && e.after().name().equals("eth0") && e.after().isRunning(),
                "link", "set", "eth0", "up");
        lab.exec(lab.namespaceOf("br"), "ip", "link", "set", bridgePort, "down").check();
        assertFalse("carrier lost when the peer goes down",
                await(e -> e.after() != null && e.after().name().equals("eth0") && !e.after().isRunning()).event.after().isRunning());
    }

    @Test
    public void interfacesThatAppearAreRenamedAndDisappearAreReflected() throws Exception {
        InterfaceEvent added = ipThenAwait("new veth x0", e -> e.kind() == InterfaceEvent.Kind.ADDED && e.after().name().equals("x0"),
                "link", "add", "x0", "type", "veth", "peer", "name", "x1");
        int index = added.after().index();
        InterfaceEvent renamed = ipThenAwait("rename x0 -> y0", e -> e.after() != null && e.after().name().equals("y0"),
                "link", "set", "x0", "name", "y0");
        assertEquals("x0", renamed.before().name());
        assertEquals(index, renamed.after().index());
        assertTrue(reflector.byName("x0").isEmpty());
        ipThenAwait("delete y0", e -> e.kind() == InterfaceEvent.Kind.REMOVED && e.before().name().equals("y0"),
                "link", "del", "y0");
        await(e -> e.kind() == InterfaceEvent.Kind.REMOVED && e.before().name().equals("x1"));
        assertTrue(reflector.byName("y0").isEmpty() && reflector.byName("x1").isEmpty());
        assertEquals(Optional.empty(), reflector.lastChange(index));
    }

    @Test
    public void virtualAddressesAreAddedAndRemovedThroughNetlinkWithClearErrors() throws Exception {
        InterfaceAddress vip = new InterfaceAddress(InetAddress.getByName("203.0.113.5"), 24, false, "eth0:vi1");
        reflector.changeAddress(true, "eth0", vip);
        assertTrue(lab.exec(ns, "ip", "-o", "addr", "show", "dev", "eth0").check().stdout().contains("203.0.113.5/24"));
        await(hasAddress("eth0", "203.0.113.5", true));
        assertEquals("eth0:vi1", eth0().addresses().stream()
                .filter(a -> a.address().equals(vip.address())).findFirst().orElseThrow().label());

        NativeException exists = expectFailure(() -> reflector.changeAddress(true, "eth0", vip));
        assertEquals(Errno.EEXIST, exists.errno());
        assertEquals("RTM_NEWADDR(203.0.113.5/24 dev eth0): EEXIST (File exists)", exists.getMessage());

        reflector.changeAddress(false, "eth0", vip);
        await(hasAddress("eth0", "203.0.113.5", false));
        NativeException absent = expectFailure(() -> reflector.changeAddress(false, "eth0", vip));
        assertEquals(Errno.EADDRNOTAVAIL, absent.errno());

        InterfaceAddress v6 = new InterfaceAddress(InetAddress.getByName("2001:db8::64"), 64, false, null);
        reflector.changeAddress(true, "eth0", v6);
        assertTrue(lab.exec(ns, "ip", "-o", "addr", "show", "dev", "eth0").check().stdout().contains("2001:db8::64/64"));
        reflector.changeAddress(false, "eth0", v6);

        try {
            reflector.changeAddress(true, "nope0", vip);
            fail();
        } catch (IOException e) {
            assertEquals("no such interface: nope0", e.getMessage());
        }
    }

    /** A VMAC: a private-mode macvlan created through netlink as keepalived's use_vmac makes it, mirrored with its parent and alias, then deleted. */
    @Test
    public void aMacvlanIsCreatedUpWithoutLinkLocalAndDeleted() throws Exception {
        MacAddress vmac = MacAddress.parse("00:00:5e:00:01:0c");
        reflector.addMacvlan("vrrp.12", "eth0", vmac, "vrrpd VMAC of VI_1");
        String shown = lab.exec(ns, "ip", "-d", "link", "show", "dev", "vrrp.12").check().stdout();
        assertTrue(shown, shown.contains("vrrp.12@eth0") && shown.contains("link/ether 00:00:5e:00:01:0c")
                && shown.contains("macvlan mode private") && shown.contains("addrgenmode none") && shown.contains("alias vrrpd VMAC of VI_1"));
        assertTrue(shown, shown.contains("<BROADCAST,MULTICAST,UP,LOWER_UP>"));
        await(e -> e.after() != null && e.after().name().equals("vrrp.12") && "vrrpd VMAC of VI_1".equals(e.after().alias())
                && e.after().isUp());
        NetInterface mirrored = reflector.byName("vrrp.12").orElseThrow();
        assertEquals(eth0().index(), mirrored.parentIndex());
        assertEquals("macvlan", mirrored.kind());
        assertEquals(vmac, mirrored.mac());
        assertTrue("no link-local address on the VMAC", lab.exec(ns, "ip", "-6", "-o", "addr", "show", "dev", "vrrp.12").check().stdout().isBlank());

        NativeException taken = expectFailure(() -> reflector.addMacvlan("vrrp.12", "eth0", vmac, "x"));
        assertEquals(Errno.EEXIST, taken.errno());
        assertTrue(taken.getMessage(), taken.getMessage().startsWith("RTM_NEWLINK(macvlan vrrp.12 link eth0 address 00:00:5e:00:01:0c mode private): EEXIST"));

        reflector.deleteLink("vrrp.12");
        await(e -> e.kind() == InterfaceEvent.Kind.REMOVED && e.before().name().equals("vrrp.12"));
        assertEquals(Errno.ENODEV, expectFailure(() -> reflector.deleteLink("vrrp.12")).errno());
    }

    /** keepalived's scope and brd options reach the kernel, and the model reads them back. */
    @Test
    public void anAddressKeepsItsScopeAndBroadcast() throws Exception {
        InterfaceAddress vip = new InterfaceAddress(InetAddress.getByName("203.0.113.6"), 24, false, "eth0:web", 253,
                InetAddress.getByName("203.0.113.255"));
        reflector.changeAddress(true, "eth0", vip);
        String shown = lab.exec(ns, "ip", "-o", "addr", "show", "dev", "eth0").check().stdout();
        assertTrue(shown, shown.contains("inet 203.0.113.6/24 brd 203.0.113.255 scope link eth0:web"));
        await(hasAddress("eth0", "203.0.113.6", true));
        assertEquals(vip, eth0().addresses().stream().filter(a -> a.address().equals(vip.address())).findFirst().orElseThrow());
        reflector.changeAddress(false, "eth0", vip);
        await(hasAddress("eth0", "203.0.113.6", false));
    }

    /**
     * A leased address (RTM_NEWADDR create-or-replace with IFA_CACHEINFO) stays while renewed and
     * the kernel deletes it by itself about the lifetime after the last renewal; a lease of 0 is
     * permanent. IPv6 takes leases the same way.
     */
    @Test
    public void aLeasedAddressStaysWhileRenewedAndExpiresByItself() throws Exception {
        InterfaceAddress vip = new InterfaceAddress(InetAddress.getByName("192.0.2.100"), 32, false, null);
        reflector.changeAddress(AddressChange.LEASE, "eth0", vip, 2);
        String shown = lab.exec(ns, "ip", "-o", "addr", "show", "dev", "eth0").check().stdout();
        assertTrue(shown, shown.matches("(?s).*192\\.0\\.2\\.100/32 .*valid_lft [12]sec preferred_lft [12]sec.*"));
        long renewed = System.nanoTime();
        long until = renewed + TimeUnit.MILLISECONDS.toNanos(3500);
        while (System.nanoTime() < until) { // renewing every 0.5 s for 3.5 s, longer than the 2 s lifetime: it must stay
            Thread.sleep(500); // the renewal period under test, not a wait for a condition
            assertTrue("still there before its renewal", eth0().addresses().stream().anyMatch(a -> a.address().equals(vip.address())));
            reflector.changeAddress(AddressChange.LEASE, "eth0", vip, 2);
            renewed = System.nanoTime();
        }
        Seen gone = await(hasAddress("eth0", "192.0.2.100", false));
        double after = (gone.nanos - renewed) / 1e9;
        System.out.printf("netlink reflector: a 2 s lease expired %.3f s after its last renewal%n", after);
        assertTrue("expired " + after + " s after the last renewal", after > 1.5 && after < 3.2);

        reflector.changeAddress(AddressChange.LEASE, "eth0", vip, 0); // forever
        shown = lab.exec(ns, "ip", "-o", "addr", "show", "dev", "eth0").check().stdout();
        assertTrue(shown, shown.matches("(?s).*192\\.0\\.2\\.100/32 .*valid_lft forever preferred_lft forever.*"));
        reflector.changeAddress(AddressChange.LEASE, "eth0", vip, 2); // a permanent address takes a lease
        shown = lab.exec(ns, "ip", "-o", "addr", "show", "dev", "eth0").check().stdout();
        assertTrue(shown, shown.matches("(?s).*192\\.0\\.2\\.100/32 .*valid_lft [12]sec.*"));
        reflector.changeAddress(AddressChange.REMOVE, "eth0", vip, 0);

        InterfaceAddress v6 = new InterfaceAddress(InetAddress.getByName("2001:db8::64"), 64, false, null);
        reflector.changeAddress(AddressChange.LEASE, "eth0", v6, 2);
        long added = System.nanoTime();
        shown = lab.exec(ns, "ip", "-o", "addr", "show", "dev", "eth0").check().stdout();
        assertTrue(shown, shown.matches("(?s).*2001:db8::64/64 .*valid_lft [12]sec.*"));
        await(hasAddress("eth0", "2001:db8::64", true)); // events before it do not count as its expiry
        Seen gone6 = await(hasAddress("eth0", "2001:db8::64", false));
        double after6 = (gone6.nanos - added) / 1e9;
        System.out.printf("netlink reflector: a 2 s IPv6 lease expired %.3f s after it was given%n", after6);
        assertTrue("IPv6 expired " + after6 + " s after it was given", after6 > 1.5 && after6 < 3.2);
    }

    /**
     * Renewals sent quietly: 300 leases renewed in one datagram on the broadcast socket, each now
     * with the new lifetime, one refused in the middle (the others still renewed), and none of
     * them broadcast back to the mirror.
     */
    @Test
    public void manyLeasesAreRenewedInOneDatagramWithoutWakingTheMirror() throws Exception {
        List<InterfaceAddress> vips = new java.util.ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String ip = i < 250 ? "198.51.100." + (i + 1) : "203.0.113." + (i - 249);
            vips.add(new InterfaceAddress(InetAddress.getByName(ip), 32, false, null));
            reflector.changeAddress(AddressChange.LEASE, "eth0", vips.get(i), 60);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (eth0().addresses().size() < 301) {
            assertTrue("the mirror has the 300 leased addresses: " + eth0().addresses().size(), System.nanoTime() < deadline);
            Thread.sleep(10);
        }
        List<InterfaceAddress> renewing = new java.util.ArrayList<>(vips);
        renewing.add(150, new InterfaceAddress(InetAddress.getByName("ff02::1"), 128, false, null)); // a multicast address: refused
        long before = reflector.broadcastMessages();
        int[] errors = reflector.renewQuietly(eth0(), renewing, 600);
        assertEquals("refused in the middle", Errno.EADDRNOTAVAIL, errors[150]);
        for (int i = 0; i < errors.length; i++) {
            assertTrue("renewal " + i + ": errno " + errors[i], i == 150 || errors[i] == 0);
        }
        String shown = lab.exec(ns, "ip", "-o", "-4", "addr", "show", "dev", "eth0").check().stdout();
        long renewed = shown.lines().filter(l -> l.matches(".* (198\\.51\\.100|203\\.0\\.113)\\.\\d+/32 .*valid_lft (5\\d\\d|600)sec.*")).count();
        assertEquals("every lease renewed to 600 s:\n" + shown, 300, renewed);
        // a change made with ip(8) afterwards is heard: had the renewals been broadcast back, they would come before it
        ipThenAwait("an address added after the renewals", hasAddress("eth0", "192.0.2.77", true), "addr", "add", "192.0.2.77/32", "dev", "eth0");
        long heard = reflector.broadcastMessages() - before;
        System.out.printf("netlink reflector: 301 renewals in one datagram, %d broadcast messages read meanwhile (ip's own included)%n", heard);
        assertTrue("ip's change (and any IPv6 address news) reached the mirror, not the 300 renewals: " + heard, heard >= 1 && heard < 10);
    }

    /** A short account of where two models part, instead of printing both. */
    private static String firstDifference(java.util.Map<Integer, NetInterface> expected, java.util.Map<Integer, NetInterface> actual) {
        for (var e : expected.entrySet()) {
            NetInterface a = actual.get(e.getKey());
            if (a == null) {
                return "missing interface " + e.getValue().name();
            }
            List<InterfaceAddress> x = e.getValue().addresses();
            List<InterfaceAddress> y = a.addresses();
            for (int i = 0; i < Math.max(x.size(), y.size()); i++) {
                if (i >= x.size() || i >= y.size() || !x.get(i).equals(y.get(i))) {
                    return e.getValue().name() + " address #" + i + ": dump " + (i < x.size() ? x.get(i) : "-")
                            + ", model " + (i < y.size() ? y.get(i) : "-") + " (" + x.size() + " vs " + y.size() + ")";
                }
            }
            if (!e.getValue().equals(a)) {
                return "interface fields differ: " + e.getValue().name();
            }
        }
        return "extra interfaces " + actual.keySet() + " vs " + expected.keySet();
    }

    private interface Call {
        void run() throws IOException;
    }

    private static NativeException expectFailure(Call call) throws IOException {
        try {
            call.run();
        } catch (NativeException e) {
            return e;
        }
        fail("must fail");
        return null;
    }

    @Test
    public void lostBroadcastsAreRecoveredByARedumpThatEndsEqualToAFreshDump() throws Exception {
        reflector.close();
        // The smallest receive buffer the kernel allows: a burst overflows it.
        reflector = NetworkNamespace.call(ns, () -> new Reflector(e -> { }, 1));
        reflector.start();
        StringBuilder batch = new StringBuilder();
        for (int i = 1; i <= 1000; i++) {
            batch.append(String.format("addr add 2001:db8:1::%x/128 dev eth0 nodad%n", i));
        }
        java.nio.file.Path file = java.nio.file.Files.createTempFile("burst", ".ip");
        java.nio.file.Files.writeString(file, batch);
        lab.exec(ns, "ip", "-batch", file.toString()).check();
        java.nio.file.Files.delete(file);

        // Converged means equal to what the kernel says now, checked until a deadline.
        String difference = "not compared";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            try (Reflector fresh = NetworkNamespace.call(ns, () -> new Reflector(e -> { }, 0))) {
                if (fresh.snapshot().equals(reflector.snapshot())) {
                    difference = null;
                    break;
                }
                difference = firstDifference(fresh.snapshot(), reflector.snapshot());
            }
            Thread.sleep(50);
        }
        assertEquals("after the burst the model equals a fresh dump", null, difference);
        assertEquals(1002, eth0().addresses().size());
        assertTrue("the burst overflowed the socket and was re-dumped: resyncs = " + reflector.resyncs(), reflector.resyncs() >= 1);
        assertNotNull(reflector.lastChange(eth0().index()).orElse(null));
        System.out.printf("netlink reflector: 1000-address burst into a minimal buffer: %d re-dump(s), model equals a fresh dump%n",
                reflector.resyncs());
    }
}
