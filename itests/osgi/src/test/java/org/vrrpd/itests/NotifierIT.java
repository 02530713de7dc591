package org.vrrpd.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/** notify-script: keepalived's notify scripts and argument convention, run without ever holding up VRRP. */
public class NotifierIT extends LabTest {
    /** Seconds the hanging script may run: well past the Master_Down_Interval, so that a held-up engine shows. */
    private static final int HANGING_SCRIPT_TIMEOUT = 8;

    public NotifierIT() throws Exception {
        super("vrrpd-notifier");
    }

    @Test
    public void scriptsGetKeepalivedsArgumentsAndAHangingOneIsKilled() throws Exception {
        Path record = work.resolve("notified.txt");
        Path script = script("record.sh", "echo \"$@\" >> " + record + "\n");
        String br = lab.bridge("br");
        String ns1 = lab.namespace("r1");
        lab.link(br, ns1, "eth0", "192.0.2.1/24");
        Vrrpd r1 = Vrrpd.start(lab, ns1, work, "r1", Map.of(
                "org.vrrpd.vrrp.instance-VI_1.cfg", Vrrpd.instance("VI_1", 51, 150, "192.0.2.100/24"),
                "org.vrrpd.notify.script-VI_1.cfg", "vrrp.instance = VI_1\nnotify = " + script + " generic\nnotifyMaster = \""
                        + script + "\" master-hook\nnotifyBackup = sleep 100\ntimeout = " + HANGING_SCRIPT_TIMEOUT + "\n"));
        long toMaster = r1.awaitState("VI_1", "MASTER", Duration.ofSeconds(15));
        // BACKUP -> MASTER takes Master_Down_Interval (3.4 s at priority 150); an engine held up by the hanging
        // notify_backup would get there only after the script is killed, 8 s after BACKUP.
        assertFalse("MASTER on time, while the hanging notify_backup still runs (" + toMaster + " ms after start):\n" + r1.output(),
                r1.output().contains("killed after"));
        assertTrue(r1.output(), r1.process().awaitOutput("VI_1: notify script [sleep, 100] killed after " + HANGING_SCRIPT_TIMEOUT + " s",
                Duration.ofSeconds(HANGING_SCRIPT_TIMEOUT + 5)));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while ((!Files.exists(record) || Files.readAllLines(record).size() < 3) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(List.of("generic INSTANCE VI_1 BACKUP 150", "master-hook", "generic INSTANCE VI_1 MASTER 150"), Files.readAllLines(record));
    }
}
