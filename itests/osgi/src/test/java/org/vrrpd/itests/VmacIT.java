package org.vrrpd.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.Test;
import org.vrrpd.lab.Capture;
import org.vrrpd.lab.LabProcess;

/**
 * Virtual MACs (keepalived's use_vmac): the VIP lives on a macvlan vrrp.VRID with the MAC
 * 00:00:5e:00:01:VRID, so a takeover moves the MAC with the address and the client's ARP entry
 * never changes; the macvlans come and go with their instances, and a crashed daemon's are reused
 * or removed.
 */
public class VmacIT extends LabTest {
    private static final String VIP = "192.0.2.100";
    private static final String VMAC = "00:00:5e:00:01:33"; // VRID 51
    /** Start-up and the first election: the framework takes seconds on a loaded machine before the Master_Down_Interval even starts. */
    private static final Duration STARTUP = Duration.ofSeconds(20);

    public VmacIT() throws Exception {
        super("vrrpd-vmac");
    }

    private String ns1;
    private String ns2;
    private String client;

    private void twoRoutersAndAClient() {
        List<String> hosts = lab.hostsOnBridge("r1=192.0.2.1/24", "r2=192.0.2.2/24", "cl=192.0.2.10/24");
        ns1 = hosts.get(0);
        ns2 = hosts.get(1);
        client = hosts.get(2);
    }

    private static String vmacInstance(String name, int vrid, int priority, String vip, String... extra) {
        List<String> lines = new ArrayList<>(List.of("useVmac = true"));
        lines.addAll(List.of(extra));
        return Vrrpd.instance(name, vrid, priority, vip + "/24", lines.toArray(new String[0]));
    }

    private String link(String ns, String name) {
        return lab.exec(ns, "ip", "-d", "link", "show", "dev", name).stdout();
    }

    private String sysctl(String ns, String iface, String key) {
        return lab.exec(ns, "cat", "/proc/sys/net/ipv4/conf/" + iface + "/" + key).check().stdout().trim();
    }

    /** The parent's arp_ignore, arp_filter and arp_announce. */
    private String parentSysctls(String ns) {
        return sysctl(ns, "eth0", "arp_ignore") + sysctl(ns, "eth0", "arp_filter") + sysctl(ns, "eth0", "arp_announce");
    }

    /** The client's neighbour entry for {@code address}: its lladdr, or "" while it has none. */
    private String neighbour(String address) {
        String line = lab.exec(client, "ip", "neigh", "show", address, "dev", "eth0").check().stdout().trim();
        int at = line.indexOf("lladdr ");
        return at < 0 ? "" : line.substring(at + 7).split(" ")[0];
    }

    @Test
    public void theClientsArpEntryStaysTheVmacAcrossATakeoverAndMacvlansFollowTheirInstances() throws Exception {
        twoRoutersAndAClient();
        String original = parentSysctls(ns1);
        Map<String, String> r1Configs = new LinkedHashMap<>();
        r1Configs.put("org.vrrpd.vrrp.instance-VI_1.cfg", vmacInstance("VI_1", 51, 150, VIP));
        r1Configs.put("org.vrrpd.vrrp.instance-VI_2.cfg", vmacInstance("VI_2", 52, 150, "192.0.2.102"));
        Capture capture = lab.capture(lab.namespaceOf("br"), "br0", "ip proto 112 or arp", work.resolve("vmac.pcap"));
        Vrrpd r1 = Vrrpd.start(lab, ns1, work, "r1", r1Configs);
        Vrrpd r2 = Vrrpd.start(lab, ns2, work, "r2", Map.of("org.vrrpd.vrrp.instance-VI_1.cfg", vmacInstance("VI_1", 51, 100, VIP)));
        r1.awaitState("VI_1", "MASTER", STARTUP);
        r2.awaitState("VI_1", "BACKUP", STARTUP);

        String shown = link(ns1, "vrrp.51");
        assertTrue(shown, shown.contains("vrrp.51@eth0") && shown.contains("link/ether " + VMAC) && shown.contains("macvlan mode private"));
        assertTrue(link(ns1, "vrrp.52"), link(ns1, "vrrp.52").contains("link/ether 00:00:5e:00:01:34"));
        assertTrue("the VIP is on the VMAC", lab.exec(ns1, "ip", "-o", "addr", "show", "dev", "vrrp.51").check().stdout().contains(VIP + "/24"));
        assertFalse("and not on eth0", r1.holds(VIP));
        assertTrue("the backup has its VMAC too, without the VIP", link(ns2, "vrrp.51").contains("link/ether " + VMAC));
        assertFalse(lab.exec(ns2, "ip", "-o", "addr", "show", "dev", "vrrp.51").check().stdout().contains(VIP));
        assertEquals("keepalived's sysctls on the parent, and arp_announce", "112", parentSysctls(ns1));
        assertEquals("and on the VMAC: arp_ignore, accept_local, rp_filter, promote_secondaries", "1101", sysctl(ns1, "vrrp.51", "arp_ignore")
                + sysctl(ns1, "vrrp.51", "accept_local") + sysctl(ns1, "vrrp.51", "rp_filter") + sysctl(ns1, "vrrp.51", "promote_secondaries"));
        awaitContains("vrrp:show names the VMAC", () -> r1.vrrpctl("vrrp:show", "VI_1").stdout(), Duration.ofSeconds(5),
                "virtual MAC       vrrp.51 " + VMAC + " on eth0, adverts from it");
        String json = r1.vrrpctl("--json", "vrrp:show", "VI_1").check().stdout().replaceAll("\\s", "");
        assertTrue(json, json.contains("\"vmac\":{\"interface\":\"vrrp.51\",\"mac\":\"" + VMAC + "\",\"parent\":\"eth0\",\"xmitBase\":false}"));

        assertEquals(0, lab.exec(client, "ping", "-c", "1", "-W", "2", VIP).exitCode());
        assertEquals("the client knows the VIP by the VMAC", VMAC, neighbour(VIP));

        // the master dies: the backup takes over the same MAC, and the client's entry never changes
        LabProcess ping = lab.start(client, work.resolve("ping.log"), "ping", "-i", "0.1", "-W", "1", VIP);
        r1.process().kill();
        long deadline = System.nanoTime() + Duration.ofSeconds(8).toNanos();
        List<String> seen = new ArrayList<>();
        while (!"MASTER".equals(r2.state("VI_1")) && System.nanoTime() < deadline) {
            seen.add(neighbour(VIP));
        }
        assertEquals("MASTER", r2.state("VI_1"));
        int replies = replies(ping);
        awaitTrue("the client's ping is answered again after the takeover", () -> replies(ping) > replies + 5, Duration.ofSeconds(5));
        seen.add(neighbour(VIP));
        ping.stop();
        assertTrue("the client's ARP entry was the VMAC throughout: " + seen, seen.stream().allMatch(m -> m.equals(VMAC) || m.isEmpty())
                && seen.contains(VMAC));
        assertTrue("r2 holds the VIP on its VMAC", lab.exec(ns2, "ip", "-o", "addr", "show", "dev", "vrrp.51").check().stdout().contains(VIP));

        // r1 comes back: it reuses the macvlan its dead predecessor left, and removes the one no instance wants now
        assertTrue("the crash left vrrp.51 and vrrp.52", link(ns1, "vrrp.51").contains(VMAC) && link(ns1, "vrrp.52").contains("00:00:5e"));
        String index = link(ns1, "vrrp.51").split(":")[0];
        r1.removeConfig("org.vrrpd.vrrp.instance-VI_2.cfg");
        r1.start();
        // preempts after its Master_Down_Interval, counted from a start-up that takes seconds on a loaded machine
        r1.awaitState("VI_1", "MASTER", Duration.ofSeconds(20));
        r2.awaitState("VI_1", "BACKUP", Duration.ofSeconds(5));
        assertTrue(r1.output(), r1.output().contains("VI_1: reusing vrrp.51 (" + VMAC + " on eth0), left by a previous run"));
        assertEquals("the same macvlan", index, link(ns1, "vrrp.51").split(":")[0]);
        awaitTrue("the unwanted leftover vrrp.52 is removed:\n" + r1.output(), () -> link(ns1, "vrrp.52").isEmpty(), Duration.ofSeconds(15));
        awaitContains("and says so (just after the kernel's answer)", r1::output, Duration.ofSeconds(2),
                "removed vrrp.52 (vrrpd VMAC of VI_2; eth0 had arp_ignore=0 arp_filter=0 arp_announce=0), which a previous run left and no instance wants");

        capture.stop();
        List<String[]> adverts = capture.fields("vrrp", "eth.src", "ip.src");
        assertTrue("adverts were captured", adverts.size() > 5);
        for (String[] a : adverts) {
            assertEquals("every advert leaves from its VMAC: " + String.join(" ", a),
                    List.of(VMAC, "00:00:5e:00:01:34").contains(a[0]), true);
        }
        List<String[]> garps = capture.fields("arp.src.proto_ipv4 == " + VIP, "arp.src.hw_mac");
        assertTrue("gratuitous ARPs for the VIP were sent", garps.size() >= 5);
        assertTrue("each carries the VMAC", garps.stream().allMatch(g -> g[0].equals(VMAC)));

        // the instance deleted: its macvlan goes, and the parent's sysctls come back to what they were before the crashed run
        r1.removeConfig("org.vrrpd.vrrp.instance-VI_1.cfg");
        awaitTrue("vrrp.51 goes with its instance", () -> link(ns1, "vrrp.51").isEmpty(), Duration.ofSeconds(5));
        // restored just after the link is deleted
        awaitTrue("the parent's arp_ignore, arp_filter and arp_announce are restored:\n" + r1.output(), () -> original.equals(parentSysctls(ns1)),
                Duration.ofSeconds(5));
        assertEquals("r2, still with its VMAC, keeps its settings", "112", parentSysctls(ns2));
        // the daemon stopped: its macvlans go
        assertEquals(143, r2.process().stop());
        assertTrue("vrrp.51 goes with the daemon", link(ns2, "vrrp.51").isEmpty());
        assertEquals("restored before the daemon exits", original, parentSysctls(ns2));
    }

    private static int replies(LabProcess ping) {
        return (int) ping.output().lines().filter(l -> l.contains("bytes from")).count();
    }

    @Test
    public void threeVridsOnOneInterfaceEachHaveTheirOwnMacvlanAndMac() throws Exception {
        twoRoutersAndAClient();
        Map<String, String> configs = new LinkedHashMap<>();
        for (int vrid = 1; vrid <= 3; vrid++) {
            configs.put("org.vrrpd.vrrp.instance-VI_" + vrid + ".cfg", vmacInstance("VI_" + vrid, vrid, 150, "192.0.2.10" + vrid));
        }
        Vrrpd r1 = Vrrpd.start(lab, ns1, work, "r1", configs);
        for (int vrid = 1; vrid <= 3; vrid++) {
            r1.awaitState("VI_" + vrid, "MASTER", STARTUP);
        }
        for (int vrid = 1; vrid <= 3; vrid++) {
            String mac = "00:00:5e:00:01:0" + vrid;
            assertTrue(link(ns1, "vrrp." + vrid), link(ns1, "vrrp." + vrid).contains("link/ether " + mac));
            assertEquals(0, lab.exec(client, "ping", "-c", "1", "-W", "2", "192.0.2.10" + vrid).exitCode());
            assertEquals("VRID " + vrid + " answers with its own MAC", mac, neighbour("192.0.2.10" + vrid));
        }

        // a VMAC down, deleted, and its parent down: each a fault of the instances concerned only
        lab.exec(ns1, "ip", "link", "set", "vrrp.2", "down").check();
        r1.awaitState("VI_2", "FAULT", Duration.ofSeconds(5));
        assertTrue(r1.vrrpctl("vrrp:show", "VI_2").stdout().contains("faults            VMAC vrrp.2 is down"));
        lab.exec(ns1, "ip", "link", "del", "vrrp.3").check();
        awaitTrue("a deleted VMAC is made again:\n" + r1.output(), () -> link(ns1, "vrrp.3").contains("00:00:5e:00:01:03"), Duration.ofSeconds(5));
        assertEquals("MASTER", r1.state("VI_1"));
        lab.exec(ns1, "ip", "link", "set", "vrrp.2", "up").check();
        r1.awaitState("VI_2", "MASTER", Duration.ofSeconds(8));
        r1.awaitState("VI_3", "MASTER", Duration.ofSeconds(8));
        lab.exec(ns1, "ip", "link", "set", "eth0", "down").check();
        for (int vrid = 1; vrid <= 3; vrid++) {
            r1.awaitState("VI_" + vrid, "FAULT", Duration.ofSeconds(5));
        }
        assertTrue(r1.vrrpctl("vrrp:show", "VI_1").stdout().contains("faults            interface eth0 is down"));
        lab.exec(ns1, "ip", "link", "set", "eth0", "up").check();
        for (int vrid = 1; vrid <= 3; vrid++) {
            r1.awaitState("VI_" + vrid, "MASTER", Duration.ofSeconds(8));
        }

        assertEquals(143, r1.process().stop());
        for (int vrid = 1; vrid <= 3; vrid++) {
            assertTrue("vrrp." + vrid + " is gone", link(ns1, "vrrp." + vrid).isEmpty());
        }
        assertEquals("the parent's sysctls are back once the last VMAC went, before the daemon exits", "000", parentSysctls(ns1));
    }

    /** vmacXmitBase: the adverts go through the parents, from their own MACs; the VIP and its ARP stay on the VMAC. */
    @Test
    public void withVmacXmitBaseTheAdvertsUseTheParentAndTheVipTheVmac() throws Exception {
        twoRoutersAndAClient();
        Capture capture = lab.capture(lab.namespaceOf("br"), "br0", "ip proto 112", work.resolve("xmitbase.pcap"));
        Vrrpd r1 = Vrrpd.start(lab, ns1, work, "r1", Map.of("org.vrrpd.vrrp.instance-VI_1.cfg", vmacInstance("VI_1", 51, 150, VIP, "vmacXmitBase = true")));
        Vrrpd r2 = Vrrpd.start(lab, ns2, work, "r2", Map.of("org.vrrpd.vrrp.instance-VI_1.cfg", vmacInstance("VI_1", 51, 100, VIP, "vmacXmitBase = true")));
        r1.awaitState("VI_1", "MASTER", STARTUP);
        r2.awaitState("VI_1", "BACKUP", STARTUP);
        awaitContains("vrrp:show says where the adverts go", () -> r1.vrrpctl("vrrp:show", "VI_1").stdout(), Duration.ofSeconds(5),
                "virtual MAC       vrrp.51 " + VMAC + " on eth0, adverts from eth0 (vmacXmitBase)");
        assertTrue(lab.exec(ns1, "ip", "-o", "addr", "show", "dev", "vrrp.51").check().stdout().contains(VIP + "/24"));
        assertEquals(0, lab.exec(client, "ping", "-c", "1", "-W", "2", VIP).exitCode());
        assertEquals(VMAC, neighbour(VIP));
        assertTrue(capture.awaitPackets("vrrp and ip.src == 192.0.2.1", 3, Duration.ofSeconds(5)));
        capture.stop();
        String r1Mac = ArpProbe.mac(lab, ns1);
        assertTrue("r1's adverts leave from eth0's own MAC", capture.fields("vrrp and ip.src == 192.0.2.1", "eth.src").stream()
                .allMatch(f -> f[0].equals(r1Mac)));
        r1.process().kill();
        r2.awaitState("VI_1", "MASTER", Duration.ofSeconds(6));
        assertEquals(0, lab.exec(client, "ping", "-c", "1", "-W", "2", VIP).exitCode());
        assertEquals(VMAC, neighbour(VIP));
    }

    /** keepalived with use_vmac: the same macvlan name and MAC, so the VIP's MAC never changes whichever of us is master. */
    @Test
    public void withKeepalivedsUseVmacInBothRoles() throws Exception {
        twoRoutersAndAClient();
        Keepalived keepalived = Keepalived.start(lab, ns2, work, "keepalived", keepalivedVmac(150));
        Vrrpd ours = Vrrpd.start(lab, ns1, work, "r1", Map.of("org.vrrpd.vrrp.instance-VI_1.cfg", vmacInstance("VI_1", 51, 100, VIP)));
        assertTrue(keepalived.output(), keepalived.awaitOutput("Entering MASTER STATE", Duration.ofSeconds(10)));
        ours.awaitState("VI_1", "BACKUP", STARTUP);
        assertTrue("keepalived made the same VMAC: " + link(ns2, "vrrp.51"), link(ns2, "vrrp.51").contains("link/ether " + VMAC));
        awaitContains("ours hears keepalived's adverts from its VMAC", () -> ours.vrrpctl("vrrp:show", "VI_1").stdout(), Duration.ofSeconds(5),
                "master            192.0.2.2", "dropped           ttl 0, version 0, type 0, length 0, checksum 0, interval 0");
        assertEquals(0, lab.exec(client, "ping", "-c", "1", "-W", "2", VIP).exitCode());

        keepalived.crash();
        ours.awaitState("VI_1", "MASTER", Duration.ofSeconds(6));
        assertEquals(0, lab.exec(client, "ping", "-c", "1", "-W", "2", VIP).exitCode());
        assertEquals("the client reaches our VMAC", VMAC, neighbour(VIP));

        // ours master, keepalived (lower now) backup: it stays backup, and takes over when ours dies
        Keepalived lower = Keepalived.start(lab, ns2, work, "keepalived-lower", keepalivedVmac(50));
        assertFalse("keepalived stays BACKUP beside our master:\n" + lower.output(), lower.awaitOutput("Entering MASTER STATE", Duration.ofSeconds(5)));
        assertEquals("MASTER", ours.state("VI_1"));
        ours.process().kill();
        assertTrue(lower.output(), lower.awaitOutput("Entering MASTER STATE", Duration.ofSeconds(6)));
        assertEquals(0, lab.exec(client, "ping", "-c", "1", "-W", "2", VIP).exitCode());
        assertEquals("still the one MAC", VMAC, neighbour(VIP));
    }

    private static String keepalivedVmac(int priority) {
        return Keepalived.instance("VI_1", 51, priority, VIP + "/24", "none", null).replace("    virtual_ipaddress {", "    use_vmac\n    virtual_ipaddress {");
    }
}
