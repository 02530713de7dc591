package org.vrrpd.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.vrrpd.lab.NetLab;

/** bin/vrrpd and bin/vrrpctl as an operator uses them: two daemons, one per namespace, on one bridge. */
public class DistributionIT {
    private static NetLab lab;
    private static Path work;
    private static Vrrpd r1;
    private static Vrrpd r2;
    private static String r2Port;

    @BeforeClass
    public static void startTwoDaemons() throws Exception {
        work = Files.createTempDirectory("vrrpd-dist-it");
        lab = NetLab.create();
        String br = lab.bridge("br");
        String ns1 = lab.namespace("r1");
        String ns2 = lab.namespace("r2");
        lab.link(br, ns1, "eth0", "192.0.2.1/24");
        r2Port = lab.link(br, ns2, "eth0", "192.0.2.2/24");
        r1 = Vrrpd.start(lab, ns1, work, "r1", Map.of());
        r2 = Vrrpd.start(lab, ns2, work, "r2", Map.of());
    }

    @AfterClass
    public static void stop() throws Exception {
        if (lab != null) {
            lab.close();
        }
        NetLab.deleteRecursively(work);
    }

    @Test
    public void nativeCheckPassesInEachDaemonInsideItsOwnNamespace() {
        for (String name : new String[] {"r1", "r2"}) {
            NetLab.Result result = (name.equals("r1") ? r1 : r2).vrrpctl("native:check");
            assertEquals(name + ": " + result.stderr(), 0, result.exitCode());
            assertTrue(result.stdout(), result.stdout().contains("native check OK"));
            // lo and eth0 only: the daemon sees its namespace, not the host's interfaces
            assertTrue(result.stdout(), result.stdout().contains("RTM_GETLINK dump: 2 links"));
        }
    }

    @Test
    public void ifaceCommandsShowTheNamespacesInterfacesFromTheReflector() {
        NetLab.Result list = r2.vrrpctl("iface:list");
        assertEquals(list.stderr(), 0, list.exitCode());
        assertTrue(list.stdout(), list.stdout().contains("eth0") && list.stdout().contains("192.0.2.2/24"));
        NetLab.Result show = r2.vrrpctl("iface:show", "eth0");
        assertEquals(show.stderr(), 0, show.exitCode());
        assertTrue(show.stdout(), show.stdout().contains("kind        veth"));
        assertTrue(show.stdout(), show.stdout().matches("(?s).*192\\.0\\.2\\.2/24\\s+primary.*"));
        NetLab.Result missing = r2.vrrpctl("iface:show", "nope0");
        assertEquals(1, missing.exitCode());
        assertTrue(missing.stderr(), missing.stderr().contains("no such interface: nope0"));
    }

    @Test
    public void linkStatusNamesEachInterfacesSourceAndTheCableIsWatched() throws Exception {
        NetLab.Result status = r2.vrrpctl("link:status");
        assertEquals(status.stderr(), 0, status.exitCode());
        assertTrue(status.stdout(), status.stdout().matches("(?s).*\\neth0\\s+ETHTOOL\\s+UP\\s+0 .*no MII: ioctl\\(SIOCGMIIPHY, eth0\\): EOPNOTSUPP.*"));
        assertTrue(status.stdout(), status.stdout().strip().endsWith("polled sources are read every 100 ms"));
        // Unplug r2's cable on the bridge side: the carrier drops, the interface stays administratively up.
        lab.exec(lab.namespaceOf("br"), "ip", "link", "set", r2Port, "down").check();
        long deadline = System.nanoTime() + 5_000_000_000L;
        String after = "";
        while (System.nanoTime() < deadline && !after.matches("(?s).*\\neth0\\s+ETHTOOL\\s+DOWN\\s+1 .*")) {
            Thread.sleep(50);
            after = r2.vrrpctl("link:status").stdout();
        }
        assertTrue(after, after.matches("(?s).*\\neth0\\s+ETHTOOL\\s+DOWN\\s+1 .*"));
        String show = r2.vrrpctl("iface:show", "eth0").stdout();
        lab.exec(lab.namespaceOf("br"), "ip", "link", "set", r2Port, "up").check();
        assertTrue(show, show.contains("link        DOWN (source ETHTOOL, 1 changes)"));
    }

    @Test
    public void theLinkMonitorIsReconfiguredLiveAndRefusesABadInterval() throws Exception {
        r1.writeConfig("org.vrrpd.mii.cfg", "pollInterval = 250\n");
        assertTrue(r1.output(), r1.process().awaitOutput("link monitor: 2 interfaces, polled every 250 ms", Duration.ofSeconds(10)));
        assertTrue(r1.vrrpctl("link:status").stdout().strip().endsWith("polled sources are read every 250 ms"));
        r1.writeConfig("org.vrrpd.mii.cfg", "pollInterval = 5\ninterfaces = eth0\n");
        assertTrue(r1.output(), r1.process().awaitOutput("link monitor: pollInterval = 5 rejected: must be 10..10000 ms; keeping 250 ms",
                Duration.ofSeconds(10)));
        assertTrue(r1.output(), r1.process().awaitOutput("link monitor: 1 interfaces, polled every 250 ms", Duration.ofSeconds(10)));
        Files.delete(r1.etcDir.resolve("org.vrrpd.mii.cfg"));
        assertTrue(r1.output(), r1.process().awaitOutput("link monitor: 2 interfaces, polled every 100 ms", Duration.ofSeconds(10)));
    }

    @Test
    public void lvsStatusSaysWhetherTheKernelHasIpvsAndWhatTheSyncDaemonFollows() throws Exception {
        String status = r2.vrrpctl("lvs:status").check().stdout();
        assertTrue(status, status.contains("IPVS:        unavailable: the kernel has no IPVS") || status.contains("IPVS:        available"));
        assertTrue(status, status.contains("sync daemon: not configured (etc/org.vrrpd.lvs.cfg: instance, interfaceName, syncId)"));
        r2.writeConfig("org.vrrpd.lvs.cfg", "instance = VI_9\ninterfaceName = eth0\nsyncId = 7\n");
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!status.contains("following VI_9") && System.nanoTime() < deadline) {
            Thread.sleep(100);
            status = r2.vrrpctl("lvs:status").check().stdout();
        }
        assertTrue(status, status.contains("sync daemon: following VI_9 (INITIALIZE) on eth0, sync id 7: wants none, running none"));
        Files.delete(r2.etcDir.resolve("org.vrrpd.lvs.cfg"));
    }

    @Test
    public void aFailingCommandExitsNonZeroWithItsMessage() {
        NetLab.Result result = r1.vrrpctl("no:such");
        assertEquals(1, result.exitCode());
        assertTrue(result.stderr(), result.stderr().contains("Command not found: no:such"));
    }

    @Test
    public void noDaemonAtTheRunDirectoryIsExitTwo() {
        NetLab.Result result = NetLab.host(Vrrpd.HOME.resolve("bin/vrrpctl").toString(), "--run-dir", work.resolve("nowhere").toString(), "lb");
        assertEquals(2, result.exitCode());
        assertTrue(result.stderr(), result.stderr().contains("no daemon socket"));
    }

    @Test
    public void runDirectoryHoldsPidAndAPrivateSocket() throws Exception {
        Path run = r2.runDir;
        assertEquals(String.valueOf(r2.process().pid()), Files.readString(run.resolve("vrrpd.pid")).trim());
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(run.resolve("vrrpd.sock"))));
    }

    @Test
    public void configurationFilesInTheEtcFolderApplyLiveAndBadValuesAreRejectedByName() throws Exception {
        r1.writeConfig("org.vrrpd.logforward.cfg", "level = INFO\n");
        assertTrue(r1.output(), r1.process().awaitOutput("forwarding OSGi log entries at INFO and above", Duration.ofSeconds(10)));
        r1.writeConfig("org.vrrpd.logforward.cfg", "level = LOUD\n");
        assertTrue(r1.output(), r1.process().awaitOutput("org.vrrpd.logforward: level = LOUD rejected", Duration.ofSeconds(10)));
        assertEquals("the daemon keeps serving", 0, r1.vrrpctl("native:check").exitCode());
    }

    /**
     * The launcher installs exactly what conf/config.properties lists (by reference, in place):
     * every jar shipped in boot/, bundle/ and shell/ must be in one list, or it is never installed.
     */
    @Test
    public void everyShippedJarIsInExactlyOneStartListAndInstalledByReference() throws Exception {
        Properties config = new Properties();
        try (var in = Files.newBufferedReader(Vrrpd.HOME.resolve("conf/config.properties"))) {
            config.load(in);
        }
        List<String> listed = new ArrayList<>();
        for (String key : config.stringPropertyNames()) {
            if (key.startsWith("felix.auto.start.") || key.startsWith("felix.auto.install.")) {
                for (String location : config.getProperty(key).trim().split("\\s+")) {
                    assertTrue(key + ": " + location, location.startsWith("reference:file:"));
                    listed.add(location.substring("reference:file:".length()));
                }
            }
        }
        List<String> shipped = new ArrayList<>();
        for (String folder : List.of("boot", "bundle", "shell")) {
            try (Stream<Path> jars = Files.list(Vrrpd.HOME.resolve(folder))) {
                jars.filter(j -> j.toString().endsWith(".jar")).forEach(j -> shipped.add(folder + "/" + j.getFileName()));
            }
        }
        assertEquals("each jar listed once", listed.stream().distinct().count(), listed.size());
        assertEquals("conf/config.properties' start lists against boot/, bundle/ and shell/", shipped.stream().sorted().toList(),
                listed.stream().sorted().toList());
        assertFalse("no auto-deploy folder (it would install copies)", config.containsKey("felix.auto.deploy.action"));
    }

    @Test
    public void sigtermStopsTheFrameworkCleanlyAndRemovesTheSocket() throws Exception {
        Vrrpd r3 = Vrrpd.start(lab, lab.namespace("r3"), work, "r3", Map.of());
        assertTrue("stdin at EOF does not stop the daemon", r3.process().isAlive());
        assertEquals("SIGTERM exit status", 143, r3.process().stop());
        assertFalse("socket removed on stop", Files.exists(r3.runDir.resolve("vrrpd.sock")));
    }
}
