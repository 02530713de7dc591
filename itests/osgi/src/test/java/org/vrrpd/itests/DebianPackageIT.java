package org.vrrpd.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.Test;
import org.vrrpd.lab.NetLab;

/**
 * The Debian package the build made: its control fields, contents and maintainer scripts read with
 * dpkg-deb; then installed on this machine with {@code dpkg -i}, its daemon run from the installed
 * files as the package's vrrpd user (with the unit's two capabilities) in a namespace until it is
 * master and answers the installed vrrpctl, and purged — always, in a finally, even when a check
 * fails — after which no file, user or group of it is left.
 */
public class DebianPackageIT extends LabTest {
    private static final Path DEB = Path.of(System.getProperty("vrrpd.deb.file"));
    private static final String SHARE = "/usr/share/vrrpd";
    /** What the package installs, and what must be gone after a purge. */
    private static final List<String> INSTALLED = List.of(SHARE, "/etc/vrrpd", "/usr/sbin/vrrpd", "/usr/bin/vrrpctl", "/usr/bin/vrrp-import",
            "/lib/systemd/system/vrrpd.service", "/usr/share/doc/vrrpd");

    public DebianPackageIT() throws Exception {
        super("vrrpd-deb");
    }

    @Test
    public void theDebInstallsRunsAsVrrpdAndPurgesWithoutATrace() throws Exception {
        checkControlAndContents();
        // never touch an operator's own vrrpd or a user of that name the package did not make
        assumeFalse("vrrpd is installed on this machine already", installed());
        assumeFalse("a user vrrpd exists already", NetLab.host("getent", "passwd", "vrrpd").exitCode() == 0);
        assumeFalse("a group vrrpd exists already", NetLab.host("getent", "group", "vrrpd").exitCode() == 0);
        Throwable failed = null;
        try {
            dpkg("-i", DEB.toString());
            checkInstallation();
            runInstalledDaemon();
        } catch (Throwable t) {
            failed = t;
            throw t;
        } finally {
            lab.close(); // no process of the vrrpd user may outlive the package (userdel refuses)
            try {
                dpkg("--purge", "vrrpd");
            } catch (RuntimeException e) {
                if (failed == null) {
                    throw e;
                }
                failed.addSuppressed(e);
            }
        }
        assertFalse("purged", installed());
        for (String path : INSTALLED) {
            assertFalse(path + " is left after the purge", Files.exists(Path.of(path), java.nio.file.LinkOption.NOFOLLOW_LINKS));
        }
        assertNotEquals("the user is gone", 0, NetLab.host("getent", "passwd", "vrrpd").exitCode());
        assertNotEquals("the group is gone", 0, NetLab.host("getent", "group", "vrrpd").exitCode());
    }

    private void checkControlAndContents() throws Exception {
        String debName = "vrrpd_" + System.getProperty("vrrpd.version").replace('-', '~') + "_all.deb";
        assertTrue("the build wrote " + debName, Files.isRegularFile(Path.of(System.getProperty("vrrpd.deb.dir"), debName)));
        String fields = NetLab.host("dpkg-deb", "-f", DEB.toString(), "Package", "Version", "Architecture", "Depends").check().stdout();
        assertEquals("Package: vrrpd\nVersion: " + System.getProperty("vrrpd.version").replace('-', '~') + "\nArchitecture: all\n"
                + "Depends: openjdk-17-jre-headless | java17-runtime-headless, iproute2, passwd\n", fields);
        String contents = NetLab.host("dpkg-deb", "-c", DEB.toString()).check().stdout();
        for (String entry : List.of(" ./usr/share/vrrpd/bin/vrrpd\n", " ./usr/share/vrrpd/bundle/vrrpd-vrrp.jar\n",
                " ./usr/share/vrrpd/bundle/vrrpd-prometheus.jar\n", " ./usr/share/vrrpd/bin/felix.jar\n", " ./etc/vrrpd/org.vrrpd.logforward.cfg\n",
                " ./lib/systemd/system/vrrpd.service\n", " ./usr/share/vrrpd/etc -> /etc/vrrpd\n",
                " ./usr/sbin/vrrpd -> /usr/share/vrrpd/bin/vrrpd\n", " ./usr/bin/vrrpctl -> /usr/share/vrrpd/bin/vrrpctl\n",
                " ./usr/bin/vrrp-import -> /usr/share/vrrpd/bin/vrrp-import\n")) {
            assertTrue("the package holds" + entry, contents.contains(entry));
        }
        assertTrue("scripts are executable", contents.contains("-rwxr-xr-x root/root") && contents.lines()
                .filter(l -> l.endsWith("./usr/share/vrrpd/bin/vrrpctl")).allMatch(l -> l.startsWith("-rwxr-xr-x root/root")));
        assertTrue("every file belongs to root", contents.lines().allMatch(l -> l.contains(" root/root ")));
        assertFalse("no demo of a source tree", contents.contains("vrrp-lab"));

        Path control = work.resolve("DEBIAN");
        NetLab.host("dpkg-deb", "-e", DEB.toString(), control.toString()).check();
        assertEquals("/etc/vrrpd/README.txt\n/etc/vrrpd/org.vrrpd.logforward.cfg\n", Files.readString(control.resolve("conffiles")));
        for (String script : List.of("postinst", "prerm", "postrm")) {
            NetLab.host("sh", "-n", control.resolve(script).toString()).check();
            assertTrue(script + " is executable", Files.isExecutable(control.resolve(script)));
            String text = Files.readString(control.resolve(script));
            assertTrue(script + " acts on systemd only where it runs", !text.contains("systemctl") || text.contains("[ -d /run/systemd/system ]"));
        }
        assertTrue(Files.readString(control.resolve("postinst")).contains("useradd --system"));
        assertTrue(Files.readString(control.resolve("postrm")).contains("userdel vrrpd"));

        String unit = NetLab.host("sh", "-c", "dpkg-deb --fsys-tarfile '" + DEB + "' | tar -xO ./lib/systemd/system/vrrpd.service").check().stdout();
        assertTrue(unit, unit.contains("\nExecStart=/usr/share/vrrpd/bin/vrrpd --no-shell --run-dir /run/vrrpd --etc /etc/vrrpd\n"));
        assertTrue(unit, unit.contains("\nUser=vrrpd\n"));
        assertFalse(unit, unit.contains("/opt/vrrpd"));
    }

    private void checkInstallation() {
        assertTrue("installed", installed());
        String user = NetLab.host("getent", "passwd", "vrrpd").check().stdout().strip();
        String[] f = user.split(":");
        assertTrue("a system user: " + user, Integer.parseInt(f[2]) < 1000);
        assertEquals("no login: " + user, "/usr/sbin/nologin", f[6]);
        assertEquals("root:vrrpd 750", NetLab.host("stat", "-c", "%U:%G %a", "/etc/vrrpd").check().stdout().strip());
        assertEquals("/usr/bin/vrrpctl", NetLab.host("sh", "-c", "command -v vrrpctl").check().stdout().strip());
        assertEquals("/usr/bin/vrrp-import", NetLab.host("sh", "-c", "command -v vrrp-import").check().stdout().strip());
        // the shipped configuration passes the installed daemon's own check
        NetLab.host("/usr/sbin/vrrpd", "--check").check();
        if (!Files.isDirectory(Path.of("/run/systemd/system"))) {
            assertEquals("systemd does not run here, so the package started nothing", "",
                    NetLab.host("sh", "-c", "pgrep -u vrrpd || true").check().stdout().strip());
        }
    }

    /** The installed bin/vrrpd as user vrrpd with CAP_NET_ADMIN and CAP_NET_RAW, as the unit runs it. */
    private void runInstalledDaemon() throws Exception {
        String br = lab.bridge("br");
        String ns = lab.namespace("r1");
        lab.link(br, ns, "eth0", "192.0.2.1/24");
        NetLab.host("chmod", "755", work.toString()).check();
        NetLab.host("install", "-d", "-o", "vrrpd", "-g", "vrrpd", work.resolve("r1").toString()).check();
        Vrrpd daemon = Vrrpd.startAs(lab, ns, work, "r1", Map.of("org.vrrpd.vrrp.instance-VI_1.cfg",
                        Vrrpd.instance("VI_1", 51, 150, "192.0.2.100/24")), Path.of(SHARE),
                "setpriv", "--reuid=vrrpd", "--regid=vrrpd", "--clear-groups", "--inh-caps=-all,+net_raw,+net_admin",
                "--ambient-caps=-all,+net_raw,+net_admin", "--bounding-set=-all,+net_raw,+net_admin");
        String run = daemon.runDir.toString();
        String[] list = {"/usr/bin/vrrpctl", "--run-dir", run, "vrrp:list"};
        awaitContains("the installed vrrpctl sees VI_1 master", () -> NetLab.host(list).stdout(), Duration.ofSeconds(20), "VI_1", "MASTER");
        awaitTrue("the VIP is on eth0", () -> daemon.holds("192.0.2.100"), Duration.ofSeconds(5));
        String status = Files.readString(Path.of("/proc", String.valueOf(daemon.process().pid()), "status"));
        String uid = NetLab.host("id", "-u", "vrrpd").check().stdout().strip();
        assertTrue(status, status.matches("(?s).*\\nUid:\\s+" + uid + "\\s+" + uid + "\\s+" + uid + "\\s+" + uid + "\\n.*"));
        int exit = daemon.process().stop();
        assertTrue("stopped by SIGTERM: " + exit, exit == 143 || exit == 0);
    }

    private static boolean installed() {
        NetLab.Result r = NetLab.host("dpkg-query", "-W", "-f=${Status}", "vrrpd");
        return r.exitCode() == 0 && r.stdout().contains("ok installed");
    }

    /** dpkg, waiting out another dpkg or apt run on this shared machine (its lock) for up to 2 minutes. */
    private static void dpkg(String... args) throws InterruptedException {
        String[] command = new String[args.length + 1];
        command[0] = "dpkg";
        System.arraycopy(args, 0, command, 1, args.length);
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (true) {
            NetLab.Result r = NetLab.host(Duration.ofMinutes(2), command);
            if (r.exitCode() == 0 || !r.stderr().contains("lock") || System.nanoTime() > deadline) {
                r.check();
                return;
            }
            Thread.sleep(1000);
        }
    }
}
