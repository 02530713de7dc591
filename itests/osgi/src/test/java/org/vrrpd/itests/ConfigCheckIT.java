package org.vrrpd.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.Test;
import org.vrrpd.lab.NetLab;

/**
 * The configuration check: {@code bin/vrrpd --check} on good and bad folders (every bundle's PID,
 * and the cross-file rules), starting nothing; and {@code vrrpctl config:check} in a running daemon.
 */
public class ConfigCheckIT extends LabTest {
    public ConfigCheckIT() throws Exception {
        super("vrrpd-config-check");
    }

    private static Map<String, String> goodFiles() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("org.vrrpd.vrrp.instance-VI_1.cfg", Vrrpd.instance("VI_1", 51, 150, "192.0.2.100/24"));
        files.put("org.vrrpd.vrrp.instance-VI_2.cfg", Vrrpd.instance("VI_2", 52, 100, "192.0.2.101/24", "version = 3", "advertInterval = 0.5"));
        files.put("org.vrrpd.track.interface-eth1.cfg", "vrrp.instance = VI_1\ninterfaceName = eth1\nweight = -60\n");
        files.put("org.vrrpd.track.script-up.cfg", "vrrp.instance = VI_1\nscript = true\ninterval = 0.5\nweight = 10\n");
        files.put("org.vrrpd.notify.script-VI_1.cfg", "vrrp.instance = VI_1\nnotifyMaster = \"/bin/echo master\"\nuser = root\n");
        files.put("org.vrrpd.track.file-load.cfg", "vrrp.instance = VI_1\nfile = /tmp/vrrpd-load\nweight = -10\n");
        files.put("org.vrrpd.track.process-haproxy.cfg", "vrrp.instance = VI_1\nprocess = haproxy\nquorum = 2\ndelay = 0.5\n");
        files.put("org.vrrpd.notify.fifo-global.cfg", "fifo = /run/vrrpd-notify.fifo\nsyncGroups = G1: VI_1 VI_2\n");
        files.put("org.vrrpd.lvs.cfg", "instance = VI_1\ninterfaceName = eth0\nsyncId = 51\n");
        files.put("org.vrrpd.mii.cfg", "pollInterval = 250\n");
        files.put("org.vrrpd.logforward.cfg", "level = WARN\n");
        files.put("org.ops4j.pax.logging.cfg", "log4j2.rootLogger.level = INFO\n"); // not ours: not judged
        return files;
    }

    private Path folder(String name, Map<String, String> files) throws Exception {
        Path dir = Files.createDirectories(work.resolve(name));
        for (Map.Entry<String, String> f : files.entrySet()) {
            Files.writeString(dir.resolve(f.getKey()), f.getValue());
        }
        return dir;
    }

    private NetLab.Result check(Path etc, Path runDir) {
        return NetLab.host(Vrrpd.HOME.resolve("bin/vrrpd").toString(), "--check", "--run-dir", runDir.toString(), "--etc", etc.toString());
    }

    @Test
    public void goodFilesPassAndNothingIsStarted() throws Exception {
        Path etc = folder("good", goodFiles());
        Path runDir = work.resolve("run");
        NetLab.Result r = check(etc, runDir);
        assertEquals(r.stdout() + r.stderr(), 0, r.exitCode());
        assertEquals("12 configuration files checked, no problems", r.stdout().strip());
        assertFalse("no run directory: no socket, no framework cache", Files.exists(runDir));
    }

    @Test
    public void everyBadValueIsOneLineByFileKeyValueAndWhy() throws Exception {
        Map<String, String> files = goodFiles();
        files.put("org.vrrpd.vrrp.instance-VI_1.cfg", Vrrpd.instance("VI_1", 51, 999, "192.0.2.100/24"));
        files.put("org.vrrpd.vrrp.instance-VI_A.cfg", Vrrpd.instance("VI_A", 60, 100, "192.0.2.110/24"));
        files.put("org.vrrpd.vrrp.instance-VI_B.cfg", Vrrpd.instance("VI_B", 60, 100, "192.0.2.111/24"));
        files.put("org.vrrpd.vrrp.instance-VI_C.cfg", Vrrpd.instance("VI_A", 61, 100, "192.0.2.112/24"));
        files.put("org.vrrpd.vrrp.instanse-VI_9.cfg", Vrrpd.instance("VI_9", 69, 100, "192.0.2.119/24"));
        files.put("org.vrrpd.track.interface-eth1.cfg", "vrrp.instance = VI_1\ninterfaceName = eth1\nweight = 300\n");
        files.put("org.vrrpd.track.script-up.cfg", "vrrp.instance = VI_1\nscript = true\ninterval = 0\n");
        files.put("org.vrrpd.notify.script-VI_1.cfg", "vrrp.instance = VI_1\nnotifyMaster = /bin/true\nuser = no-such-user-x\n");
        files.put("org.vrrpd.track.file-load.cfg", "vrrp.instance = VI_1\nfile = /tmp/vrrpd-load\nweight = 300\n");
        files.put("org.vrrpd.track.process-haproxy.cfg", "vrrp.instance = VI_1\nprocess = haproxy\nquorum = 0\n");
        files.put("org.vrrpd.notify.fifo-global.cfg", "fifo = notify.fifo\n");
        files.put("org.vrrpd.lvs.cfg", "instance = VI_1\ninterfaceName = eth0\nsyncId = 300\n");
        files.put("org.vrrpd.mii.cfg", "pollInterval = fast\n");
        files.put("org.vrrpd.logforward.cfg", "level = LOUD\n");
        Path etc = folder("bad", files);
        NetLab.Result r = check(etc, work.resolve("run"));
        assertEquals(r.stdout() + r.stderr(), 1, r.exitCode());
        List<String> expected = List.of(
                "org.vrrpd.logforward.cfg: level = LOUD: not one of [ERROR, WARN, INFO, DEBUG]",
                "org.vrrpd.lvs.cfg: syncId = 300: must be 0..255",
                "org.vrrpd.mii.cfg: pollInterval = fast: not a whole number",
                "org.vrrpd.notify.fifo-global.cfg: fifo = notify.fifo: must be an absolute path",
                "org.vrrpd.notify.script-VI_1.cfg: user = no-such-user-x: no such user",
                "org.vrrpd.track.file-load.cfg: weight = 300: must be -254..254",
                "org.vrrpd.track.interface-eth1.cfg: weight = 300: must be -253..253",
                "org.vrrpd.track.process-haproxy.cfg: quorum = 0: must be 1..65535",
                "org.vrrpd.track.script-up.cfg: interval = 0.0: must be 0.001..3600 seconds",
                "org.vrrpd.vrrp.instance-VI_1.cfg: priority = 999: must be 1..255",
                "org.vrrpd.vrrp.instanse-VI_9.cfg: no vrrpd bundle reads the configuration PID org.vrrpd.vrrp.instanse (a misspelt file name?)",
                "org.vrrpd.vrrp.instance-VI_B.cfg: vrid = 60: instance VI_A already uses it on eth0 (" + etc.resolve("org.vrrpd.vrrp.instance-VI_A.cfg") + ")",
                "org.vrrpd.vrrp.instance-VI_C.cfg: name = VI_A: another configuration already uses it ("
                        + etc.resolve("org.vrrpd.vrrp.instance-VI_A.cfg") + ")");
        List<String> lines = r.stderr().strip().lines().toList();
        assertEquals(r.stderr(), expected.size() + 1, lines.size());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(etc.resolve(expected.get(i)).toString(), lines.get(i));
        }
        assertEquals("16 configuration files checked, 13 problems", lines.get(expected.size()));
    }

    @Test
    public void aRunningDaemonChecksItsOwnFolder() throws Exception {
        String br = lab.bridge("br");
        String ns = lab.namespace("r1");
        lab.link(br, ns, "eth0", "192.0.2.1/24");
        Vrrpd r1 = Vrrpd.start(lab, ns, work, "r1", Map.of("org.vrrpd.vrrp.instance-VI_1.cfg", Vrrpd.instance("VI_1", 51, 150, "192.0.2.100/24")));
        awaitTrue("every validator is there", () -> r1.vrrpctl("config:check").exitCode() == 0, java.time.Duration.ofSeconds(20));
        assertTrue(r1.vrrpctl("config:check").stdout(), r1.vrrpctl("config:check").stdout().endsWith("checked, no problems\n"));

        r1.writeConfig("org.vrrpd.vrrp.instance-VI_2.cfg", Vrrpd.instance("VI_2", 51, 100, "192.0.2.101/24"));
        NetLab.Result bad = r1.vrrpctl("config:check");
        assertEquals(bad.stdout() + bad.stderr(), 1, bad.exitCode());
        assertTrue(bad.stderr(), bad.stderr().contains(r1.etcDir.resolve("org.vrrpd.vrrp.instance-VI_2.cfg")
                + ": vrid = 51: instance VI_1 already uses it on eth0"));
    }
}
