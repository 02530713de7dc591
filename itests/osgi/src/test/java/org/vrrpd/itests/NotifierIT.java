package org.vrrpd.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/** notify-script: keepalived's notify scripts and argument convention, run without ever holding up VRRP. */
public class NotifierIT extends LabTest {
    public NotifierIT() throws Exception {
        super("vrrpd-notifier");
    }

    @Test
    public void scriptsGetKeepalivedsArgumentsAndAHangingOneIsKilled() throws Exception {
        Path record = work.resolve("notified.txt");
        Path script = Files.writeString(work.resolve("record.sh"), "#!/bin/sh\necho \"$@\" >> " + record + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        String br = lab.bridge("br");
        String ns1 = lab.namespace("r1");
        lab.link(br, ns1, "eth0", "192.0.2.1/24");
        Vrrpd r1 = Vrrpd.start(lab, ns1, work, "r1", Map.of(
                "org.vrrpd.vrrp.instance-VI_1.cfg", Vrrpd.instance("VI_1", 51, 150, "192.0.2.100/24"),
                "org.vrrpd.notify.script-VI_1.cfg", "vrrp.instance = VI_1\nnotify = " + script + " generic\nnotifyMaster = \""
                        + script + "\" master-hook\nnotifyBackup = sleep 100\ntimeout = 2\n"));
        long toMaster = r1.awaitState("VI_1", "MASTER", Duration.ofSeconds(15));
        assertTrue(r1.output(), r1.process().awaitOutput("VI_1: notify script [sleep, 100] killed after 2 s", Duration.ofSeconds(10)));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while ((!Files.exists(record) || Files.readAllLines(record).size() < 3) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(List.of("generic INSTANCE VI_1 BACKUP 150", "master-hook", "generic INSTANCE VI_1 MASTER 150"), Files.readAllLines(record));
        System.out.printf("notifier: VI_1 became MASTER on time (%d ms after start) behind a hanging notify_backup%n", toMaster);
    }
}
