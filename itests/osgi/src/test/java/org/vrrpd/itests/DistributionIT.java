package org.vrrpd.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.vrrpd.lab.LabProcess;
import org.vrrpd.lab.NetLab;

/** bin/vrrpd and bin/vrrpctl as an operator uses them: two daemons, one per namespace, on one bridge. */
public class DistributionIT {
    private static final Path HOME = Path.of(System.getProperty("vrrpd.dist.home"));
    private static NetLab lab;
    private static Path work;
    private static LabProcess r1;
    private static LabProcess r2;

    @BeforeClass
    public static void startTwoDaemons() throws Exception {
        work = Files.createTempDirectory("vrrpd-dist-it");
        lab = NetLab.create();
        String br = lab.bridge("br");
        String ns1 = lab.namespace("r1");
        String ns2 = lab.namespace("r2");
        lab.link(br, ns1, "eth0", "192.0.2.1/24");
        lab.link(br, ns2, "eth0", "192.0.2.2/24");
        r1 = startDaemon(ns1, "r1");
        r2 = startDaemon(ns2, "r2");
        awaitSocket("r1", r1);
        awaitSocket("r2", r2);
    }

    private static LabProcess startDaemon(String ns, String name) throws Exception {
        Path etc = Files.createDirectories(work.resolve(name).resolve("etc"));
        return lab.start(ns, work.resolve(name + ".log"), HOME.resolve("bin/vrrpd").toString(),
                "--no-shell", "--run-dir", runDir(name).toString(), "--etc", etc.toString());
    }

    private static Path runDir(String name) {
        return work.resolve(name).resolve("run");
    }

    private static void awaitSocket(String name, LabProcess daemon) {
        assertTrue("vrrpd " + name + " came up:\n" + daemon.output(),
                daemon.awaitOutput("control socket listening", Duration.ofSeconds(30)));
    }

    @AfterClass
    public static void stop() throws Exception {
        if (lab != null) {
            lab.close();
        }
        NetLab.deleteRecursively(work);
    }

    private static NetLab.Result vrrpctl(String name, String... command) {
        String[] args = new String[command.length + 3];
        args[0] = HOME.resolve("bin/vrrpctl").toString();
        args[1] = "--run-dir";
        args[2] = runDir(name).toString();
        System.arraycopy(command, 0, args, 3, command.length);
        return NetLab.host(args);
    }

    @Test
    public void nativeCheckPassesInEachDaemonInsideItsOwnNamespace() {
        for (String name : new String[] {"r1", "r2"}) {
            NetLab.Result result = vrrpctl(name, "native:check");
            assertEquals(name + ": " + result.stderr(), 0, result.exitCode());
            assertTrue(result.stdout(), result.stdout().contains("native check OK"));
            // lo and eth0 only: the daemon sees its namespace, not the host's interfaces
            assertTrue(result.stdout(), result.stdout().contains("RTM_GETLINK dump: 2 links"));
        }
    }

    @Test
    public void ifaceCommandsShowTheNamespacesInterfacesFromTheReflector() {
        NetLab.Result list = vrrpctl("r2", "iface:list");
        assertEquals(list.stderr(), 0, list.exitCode());
        assertTrue(list.stdout(), list.stdout().contains("eth0") && list.stdout().contains("192.0.2.2/24"));
        NetLab.Result show = vrrpctl("r2", "iface:show", "eth0");
        assertEquals(show.stderr(), 0, show.exitCode());
        assertTrue(show.stdout(), show.stdout().contains("kind        veth"));
        assertTrue(show.stdout(), show.stdout().matches("(?s).*192\\.0\\.2\\.2/24\\s+primary.*"));
        NetLab.Result missing = vrrpctl("r2", "iface:show", "nope0");
        assertEquals(1, missing.exitCode());
        assertTrue(missing.stderr(), missing.stderr().contains("no such interface: nope0"));
    }

    @Test
    public void aFailingCommandExitsNonZeroWithItsMessage() {
        NetLab.Result result = vrrpctl("r1", "no:such");
        assertEquals(1, result.exitCode());
        assertTrue(result.stderr(), result.stderr().contains("Command not found: no:such"));
    }

    @Test
    public void noDaemonAtTheRunDirectoryIsExitTwo() {
        NetLab.Result result = NetLab.host(HOME.resolve("bin/vrrpctl").toString(), "--run-dir", work.resolve("nowhere").toString(), "lb");
        assertEquals(2, result.exitCode());
        assertTrue(result.stderr(), result.stderr().contains("no daemon socket"));
    }

    @Test
    public void runDirectoryHoldsPidAndAPrivateSocket() throws Exception {
        Path run = runDir("r2");
        assertEquals(String.valueOf(r2.pid()), Files.readString(run.resolve("vrrpd.pid")).trim());
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(run.resolve("vrrpd.sock"))));
    }

    @Test
    public void configurationFilesInTheEtcFolderApplyLiveAndBadValuesAreRejectedByName() throws Exception {
        Path etc = work.resolve("r1").resolve("etc");
        Files.writeString(etc.resolve("org.vrrpd.logforward.cfg"), "level = INFO\n");
        assertTrue(r1.output(), r1.awaitOutput("forwarding OSGi log entries at INFO and above", Duration.ofSeconds(10)));
        Files.writeString(etc.resolve("org.vrrpd.logforward.cfg"), "level = LOUD\n");
        assertTrue(r1.output(), r1.awaitOutput("org.vrrpd.logforward: level = LOUD rejected", Duration.ofSeconds(10)));
        assertEquals("the daemon keeps serving", 0, vrrpctl("r1", "native:check").exitCode());
    }

    @Test
    public void sigtermStopsTheFrameworkCleanlyAndRemovesTheSocket() throws Exception {
        Path etc = Files.createDirectories(work.resolve("r3").resolve("etc"));
        String ns = lab.namespace("r3");
        LabProcess r3 = lab.start(ns, work.resolve("r3.log"), HOME.resolve("bin/vrrpd").toString(),
                "--no-shell", "--run-dir", runDir("r3").toString(), "--etc", etc.toString());
        awaitSocket("r3", r3);
        assertTrue("stdin at EOF does not stop the daemon", r3.isAlive());
        int exit = r3.stop();
        assertEquals("SIGTERM exit status", 143, exit);
        assertFalse("socket removed on stop", Files.exists(runDir("r3").resolve("vrrpd.sock")));
    }
}
