package org.vrrpd.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.Test;
import org.vrrpd.kernel.NotifyFifo;
import org.vrrpd.lab.Capture;
import org.vrrpd.lab.NetLab;

/**
 * keepalived's track_file, vrrp_track_process and notify_fifo in two running daemons: a tracked
 * file's number and a tracked process's death move the effective priority and the master; a FIFO
 * reader started as notify_fifo_script gets keepalived's lines, while a FIFO nobody reads, full
 * before the daemon starts, drops lines and holds up nothing.
 */
public class TrackersIT extends LabTest {
    private static final String VIP = "192.0.2.100";

    public TrackersIT() throws Exception {
        super("vrrpd-trackers");
    }

    private String[] pair() throws Exception {
        String br = lab.bridge("br");
        String ns1 = lab.namespace("r1");
        String ns2 = lab.namespace("r2");
        lab.link(br, ns1, "eth0", "192.0.2.1/24");
        lab.link(br, ns2, "eth0", "192.0.2.2/24");
        return new String[] {ns1, ns2};
    }

    /** r1 (150, with the checker) and r2 (100), elected: r1 MASTER, r2 BACKUP. */
    private Vrrpd[] electWithR1Tracking(String checkerFile, String checker) throws Exception {
        String[] ns = pair();
        Vrrpd r1 = Vrrpd.start(lab, ns[0], work, "r1", Map.of(
                "org.vrrpd.vrrp.instance-VI_1.cfg", Vrrpd.instance("VI_1", 51, 150, VIP + "/24"), checkerFile, checker));
        Vrrpd r2 = Vrrpd.start(lab, ns[1], work, "r2", Map.of("org.vrrpd.vrrp.instance-VI_1.cfg", Vrrpd.instance("VI_1", 51, 100, VIP + "/24")));
        r1.awaitState("VI_1", "MASTER", Duration.ofSeconds(15));
        r2.awaitState("VI_1", "BACKUP", Duration.ofSeconds(15));
        return new Vrrpd[] {r1, r2};
    }

    @Test
    public void aTrackedFilesNumberMovesTheEffectivePriorityAndTheMaster() throws Exception {
        Path load = work.resolve("load");
        Vrrpd[] r = electWithR1Tracking("org.vrrpd.track.file-load.cfg", "vrrp.instance = VI_1\nfile = " + load + "\nweight = -10\ninitFile = true\n");
        Vrrpd r1 = r[0];
        Vrrpd r2 = r[1];
        assertEquals("init_file wrote its value", "0\n", Files.readString(load));

        Files.writeString(load, "6\n"); // 150 - 60 = 90 < 100
        r2.awaitState("VI_1", "MASTER", Duration.ofSeconds(6));
        r1.awaitState("VI_1", "BACKUP", Duration.ofSeconds(2));
        String show = r1.vrrpctl("vrrp:show", "VI_1").stdout();
        assertTrue(show, show.startsWith("VI_1: BACKUP on eth0, vrid 51, priority 90 (configured 150)"));
        assertTrue(show, show.contains("track-file -60 (" + load + " holds 6)"));

        Files.writeString(load, "-30\n"); // -30 × -10: +300, capped at +253: 254
        r1.awaitState("VI_1", "MASTER", Duration.ofSeconds(6));
        show = r1.vrrpctl("vrrp:show", "VI_1").stdout();
        assertTrue(show, show.startsWith("VI_1: MASTER on eth0, vrid 51, priority 254 (configured 150)"));
        assertTrue(r1.holds(VIP));
    }

    @Test
    public void aKilledTrackedProcessMovesTheMasterAndItsRestartBringsItBack() throws Exception {
        String name = "vtp-it" + ProcessHandle.current().pid(); // a process name nobody else runs (at most 15 characters)
        Path exe = work.resolve(name);
        Files.copy(Path.of("/bin/sleep"), exe, StandardCopyOption.COPY_ATTRIBUTES);
        Process service = new ProcessBuilder(exe.toString(), "600").start();
        try {
            Vrrpd[] r = electWithR1Tracking("org.vrrpd.track.process-svc.cfg",
                    "vrrp.instance = VI_1\nprocess = " + name + "\nweight = -60\npollInterval = 0.1\n");
            Vrrpd r1 = r[0];
            Vrrpd r2 = r[1];
            assertTrue(r1.vrrpctl("vrrp:show", "VI_1").stdout(), r1.vrrpctl("vrrp:show", "VI_1").stdout()
                    .contains("track-process +0 (" + name + ": 1 running (quorum at least 1))"));

            service.destroyForcibly().waitFor();
            r2.awaitState("VI_1", "MASTER", Duration.ofSeconds(6)); // 90 < 100
            r1.awaitState("VI_1", "BACKUP", Duration.ofSeconds(2));
            String show = r1.vrrpctl("vrrp:show", "VI_1").stdout();
            assertTrue(show, show.startsWith("VI_1: BACKUP on eth0, vrid 51, priority 90 (configured 150)"));

            service = new ProcessBuilder(exe.toString(), "600").start();
            r1.awaitState("VI_1", "MASTER", Duration.ofSeconds(6));
            r2.awaitState("VI_1", "BACKUP", Duration.ofSeconds(2));
        } finally {
            service.destroyForcibly();
        }
    }

    @Test
    public void aFifoReaderGetsKeepalivedsLinesAndAnUnreadFifoHoldsUpNothing() throws Exception {
        Path lines = work.resolve("fifo-lines.txt");
        Path reader = script("reader.sh", "while read -r line; do echo \"$line\" >> " + lines + "; done < \"$1\"\n");
        Path unread = work.resolve("unread.fifo");
        try (NotifyFifo full = NotifyFifo.open(unread)) {
            ByteBuffer junk = ByteBuffer.allocateDirect(512);
            while (full.write(junk.clear())) {
                // fill it: nothing the daemon writes fits any more
            }
            String[] ns = pair();
            Capture capture = lab.capture(ns[1], "eth0", "ip proto 112", work.resolve("fifo.pcap"));
            Vrrpd r1 = Vrrpd.start(lab, ns[0], work, "r1", Map.of(
                    "org.vrrpd.vrrp.instance-VI_1.cfg", Vrrpd.instance("VI_1", 51, 150, VIP + "/24", "syncGroup = G1"),
                    "org.vrrpd.notify.fifo-read.cfg", "fifo = " + work.resolve("read.fifo") + "\nscript = " + reader + "\nsyncGroups = G1: VI_1\n",
                    "org.vrrpd.notify.fifo-unread.cfg", "fifo = " + unread + "\n"));
            r1.awaitState("VI_1", "MASTER", Duration.ofSeconds(15));
            assertTrue(r1.output(), r1.process().awaitOutput("notify-fifo " + unread + ": full", Duration.ofSeconds(5)));
            assertTrue("three adverts as master", capture.awaitPackets("vrrp", 3, Duration.ofSeconds(5)));
            Vrrpd r2 = Vrrpd.start(lab, ns[1], work, "r2", Map.of("org.vrrpd.vrrp.instance-VI_1.cfg", Vrrpd.instance("VI_1", 51, 200, VIP + "/24")));
            r2.awaitState("VI_1", "MASTER", Duration.ofSeconds(15));
            r1.awaitState("VI_1", "BACKUP", Duration.ofSeconds(2));
            capture.stop();

            List<Double> fromR1 = capture.fields("vrrp && ip.src == 192.0.2.1 && vrrp.prio == 150", "frame.time_epoch").stream()
                    .map(f -> Double.parseDouble(f[0])).toList();
            double gap = AdvertGaps.longestSilence(fromR1, fromR1.get(0), fromR1.get(fromR1.size() - 1));
            assertTrue("r1's adverts as master kept their interval while its FIFO was full: longest gap " + gap + " s", gap <= 1.1);
            List<String> expected = List.of("INSTANCE \"VI_1\" BACKUP 150", "GROUP \"G1\" BACKUP 0", "INSTANCE \"VI_1\" MASTER 150",
                    "GROUP \"G1\" MASTER 0", "INSTANCE \"VI_1\" BACKUP 150", "GROUP \"G1\" BACKUP 0");
            awaitTrue("the reader got " + expected, () -> read(lines).equals(expected), Duration.ofSeconds(5));
        }
    }

    /**
     * One keepalived.conf with a track_file (weight -10), run by Debian's keepalived in one namespace
     * and, imported by bin/vrrp-import, by ours in another: through the same values written into the
     * one file both watch, both have the same effective priority at every step (keepalived says it in
     * its log, ours in vrrp:show).
     */
    @Test
    public void theSameTrackFileConfigurationGivesKeepalivedsEffectivePriorities() throws Exception {
        Path load = Files.writeString(work.resolve("shared-load"), "3\n");
        String body = "track_file load {\n    file \"" + load + "\"\n    weight -10\n}\n"
                + Keepalived.instance("VI_1", 51, 150, VIP + "/24", "none", null)
                        .replace("    virtual_ipaddress {", "    track_file {\n        load\n    }\n    virtual_ipaddress {");
        String nsK = lab.namespace("ka");
        String nsV = lab.namespace("ours");
        lab.link(lab.bridge("bk"), nsK, "eth0", "192.0.2.1/24"); // two links: each router is alone, master of its own
        lab.link(lab.bridge("bv"), nsV, "eth0", "192.0.2.1/24");
        Keepalived keepalived = Keepalived.start(lab, nsK, work, "ka", body);
        Path conf = Files.writeString(work.resolve("imported.conf"), body);
        Path etc = work.resolve("imported-etc");
        NetLab.Result tool = NetLab.host(Vrrpd.HOME.resolve("bin/vrrp-import").toString(), conf.toString(), etc.toString());
        assertEquals(tool.stderr(), 0, tool.exitCode());
        Map<String, String> files = new java.util.TreeMap<>();
        try (var listing = Files.list(etc)) {
            for (Path f : listing.toList()) {
                files.put(f.getFileName().toString(), Files.readString(f));
            }
        }
        assertTrue(files.keySet().toString(), files.containsKey("org.vrrpd.track.file-VI_1-load.cfg"));
        Vrrpd ours = Vrrpd.start(lab, nsV, work, "ours", files);
        ours.awaitState("VI_1", "MASTER", Duration.ofSeconds(20)); // up and alone on its link, before the values change
        int previous = 150;
        // value → effective priority: 150 - 10 × value, kept within 1..254, a product above 253 capped first
        int[][] steps = {{3, 120}, {6, 90}, {-2, 170}, {16, 1}, {-30, 254}, {0, 150}};
        for (int[] step : steps) {
            if (step[0] != 3) {
                Files.writeString(load, step[0] == 16 ? "0x10\n" : step[0] + "\n"); // 0x10: strtol's hexadecimal
            }
            String change = "(VI_1) Changing effective priority from " + previous + " to " + step[1];
            assertTrue("keepalived: " + change + "\n" + keepalived.output(), keepalived.awaitOutput(change, Duration.ofSeconds(10)));
            String expected = step[1] == 150 ? "vrid 51, priority 150\n" : "vrid 51, priority " + step[1] + " (configured 150)";
            awaitContains("ours at " + step[1], () -> ours.vrrpctl("vrrp:show", "VI_1").stdout(), Duration.ofSeconds(10), expected);
            previous = step[1];
        }
    }

    private static List<String> read(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file) : List.of();
        } catch (java.io.IOException e) {
            return List.of();
        }
    }
}
