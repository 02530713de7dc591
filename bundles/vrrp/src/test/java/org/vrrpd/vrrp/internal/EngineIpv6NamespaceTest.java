package org.vrrpd.vrrp.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.vrrpd.api.vrrp.VrrpInstanceView;
import org.vrrpd.api.vrrp.VrrpState;
import org.vrrpd.api.vrrp.VrrpStatistics;
import org.vrrpd.lab.Capture;
import org.vrrpd.lab.NetLab;

/**
 * Two engines on real sockets in two namespaces, each with a VRRPv3 IPv6 instance and a VRRPv2
 * IPv4 one of the same VRID on the same interface (separate virtual routers, RFC 5798): election,
 * the backup learning the master's link-local address, the priority-0 handover when the master
 * stops, nothing dropped, and tshark's word on the IPv6 adverts.
 */
public class EngineIpv6NamespaceTest {
    private NetLab lab;
    private String r1;
    private String r2;
    private String r1LinkLocal;
    private Path work;
    private EngineCore core1;
    private EngineCore core2;

    @Before
    public void wire() throws Exception {
        work = Files.createTempDirectory("engine-ns6");
        lab = NetLab.create();
        List<String> routers = lab.hostsOnBridge("r1=192.0.2.1/24", "r2=192.0.2.2/24");
        r1 = routers.get(0);
        r2 = routers.get(1);
        r1LinkLocal = lab.enableIpv6(r1, "eth0");
        core2 = engineIn(r2, "192.0.2.2/24," + lab.enableIpv6(r2, "eth0") + "/64", "r2");
        core1 = engineIn(r1, "192.0.2.1/24," + r1LinkLocal + "/64", "r1");
    }

    @After
    public void unwire() throws Exception {
        for (EngineCore c : new EngineCore[] {core1, core2}) {
            if (c != null) {
                c.stop(false);
            }
        }
        lab.close();
        NetLab.deleteRecursively(work);
    }

    private EngineCore engineIn(String ns, String addresses, String name) throws Exception {
        return NamespaceEngine.start(ns, work.resolve(name + "-handoff.properties"), 0, addresses);
    }

    private static void both(EngineCore core, int priority) throws Exception {
        core.add(InstanceSettings.parse(Map.of("name", "V6", "interfaceName", "eth0", "vrid", 51, "priority", priority, "version", 3,
                "advertInterval", "0.1", "virtualAddresses", "2001:db8::100/64")));
        core.add(InstanceSettings.parse(Map.of("name", "V4", "interfaceName", "eth0", "vrid", 51, "priority", priority,
                "virtualAddresses", "192.0.2.100/24")));
    }

    private static VrrpInstanceView view(EngineCore core, String name) {
        try {
            return core.views().all().stream().filter(v -> v.name().equals(name)).findFirst().orElseThrow();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void await(String what, BooleanSupplier condition, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out: " + what);
            }
            Thread.sleep(10);
        }
    }

    private static void nothingDropped(VrrpStatistics s) {
        assertEquals(s.toString(), 0, s.checksumErrors() + s.versionErrors() + s.invalidTypeReceived() + s.ipTtlErrors()
                + s.packetLengthErrors() + s.addressListErrors() + s.advertisementIntervalErrors() + s.authTypeMismatch());
    }

    @Test
    public void ipv6AndIpv4RoutersOfOneVridElectHandOverAndDropNothing() throws Exception {
        Capture capture = lab.capture(lab.namespaceOf("br"), "br0", "ip6 proto 112", work.resolve("v6.pcap"));
        both(core2, 100);
        both(core1, 200);
        for (String name : List.of("V6", "V4")) {
            await(name + ": r1 master, r2 backup hearing it", () -> view(core1, name).state() == VrrpState.MASTER
                    && view(core2, name).state() == VrrpState.BACKUP && view(core2, name).statistics().advertisementsReceived() >= 3, 10_000);
        }
        assertEquals("the IPv6 master is known by its link-local address", InetAddress.getByName(r1LinkLocal), view(core2, "V6").masterAddress());
        assertEquals(InetAddress.getByName("192.0.2.1"), view(core2, "V4").masterAddress());

        core1.stop(false); // resigns with priority 0
        core1 = null;
        for (String name : List.of("V6", "V4")) {
            await(name + ": r2 takes over", () -> view(core2, name).state() == VrrpState.MASTER, 5_000);
            VrrpStatistics s = view(core2, name).statistics();
            assertTrue(name + " heard the resignation: " + s, s.priorityZeroReceived() >= 1);
            nothingDropped(s);
        }

        List<String[]> adverts = capture.stop().fields("vrrp and ipv6.src == " + r1LinkLocal, "vrrp.version", "vrrp.virt_rtr_id",
                "vrrp.checksum.status", "ipv6.hlim", "ipv6.dst", "vrrp.ipv6_addr", "vrrp.short_adver_int");
        assertTrue("r1's IPv6 adverts were captured: " + adverts.size(), adverts.size() >= 3);
        for (String[] a : adverts) {
            assertEquals("tshark: VRRPv3, good checksum, hop limit 255, to ff02::12",
                    List.of("3", "51", "1", "255", "ff02::12", "2001:db8::100", "10"), List.of(a));
        }
    }
}
