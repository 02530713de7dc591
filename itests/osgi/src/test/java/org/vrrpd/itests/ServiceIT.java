package org.vrrpd.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.Test;
import org.vrrpd.lab.Capture;

/**
 * vrrpd as keepalived's users run it: the shipped systemd unit's command line talks to a fake
 * notify socket (READY, WATCHDOG, RELOADING, STOPPING, in that order), a wedged engine thread stops
 * the watchdog heartbeat, SIGHUP applies a pending configuration change without a state change,
 * SIGUSR1 / SIGUSR2 write the data and statistics dumps, and the engine's realtime priority applies
 * to its loop thread alone.
 */
public class ServiceIT extends LabTest {
    /** FileInstall would otherwise find a change itself within 500 ms; an hour leaves it to SIGHUP. */
    private static final String NO_POLLING = "-Dfelix.fileinstall.poll=3600000";
    private static final Duration START = Duration.ofSeconds(30);

    public ServiceIT() throws Exception {
        super("vrrpd-service");
    }

    /** The router's link, set by router(). */
    private String br;

    private String router() {
        br = lab.bridge("br");
        String ns = lab.namespace("r1");
        lab.link(br, ns, "eth0", "192.0.2.1/24");
        return ns;
    }

    private static Map<String, String> twoInstances(int firstPriority) {
        return Map.of(
                "org.vrrpd.vrrp.instance-VI_1.cfg", Vrrpd.instance("VI_1", 51, firstPriority, "192.0.2.100/24", "initialState = MASTER"),
                "org.vrrpd.vrrp.instance-VI_2.cfg", Vrrpd.instance("VI_2", 52, 100, "192.0.2.101/24", "initialState = MASTER"));
    }

    @Test
    public void systemdHearsReadyWatchdogReloadingAndStoppingInOrderFromTheUnitsCommandLine() throws Exception {
        String ns = router();
        try (FakeNotifySocket systemd = new FakeNotifySocket(work.resolve("notify"))) {
            Vrrpd r1 = Vrrpd.startFromUnit(lab, ns, work, "r1", twoInstances(150), "NOTIFY_SOCKET=" + systemd.path(), "WATCHDOG_USEC=2000000");
            assertTrue(r1.output(), systemd.await("READY=1", 1, START));
            // READY=1 means every configured instance has started, so both answer at once
            assertFalse(r1.state("VI_1").equals("?") || r1.state("VI_2").equals("?"));
            assertTrue(r1.output(), systemd.await("WATCHDOG=1", 2, Duration.ofSeconds(5)));

            r1.signal("HUP");
            assertTrue(r1.output(), systemd.await("RELOADING=1", 1, Duration.ofSeconds(5)));
            assertTrue(r1.output(), systemd.await("READY=1", 2, Duration.ofSeconds(5)));
            String reloading = systemd.messages().stream().filter(m -> m.text().startsWith("RELOADING=1")).findFirst().orElseThrow().text();
            assertTrue(reloading, reloading.matches("RELOADING=1\nMONOTONIC_USEC=\\d+"));
            int watchdogs = count(systemd.firstLines(), "WATCHDOG=1");
            assertTrue(r1.output(), systemd.await("WATCHDOG=1", watchdogs + 1, Duration.ofSeconds(5)));

            assertEquals("SIGTERM stops the daemon as before", 143, r1.process().stop());
            assertTrue(r1.output(), systemd.await("STOPPING=1", 1, Duration.ofSeconds(5)));

            List<String> told = systemd.firstLines();
            assertEquals(told.toString(), List.of("READY=1", "WATCHDOG=1", "RELOADING=1", "STOPPING=1"), told.stream().distinct().toList());
            assertEquals(told.toString(), "STOPPING=1", told.get(told.size() - 1));
            assertTrue(r1.output(), r1.output().contains("VI_1: MASTER -> INITIALIZE (stopped)"));
        }
    }

    /** SIGTERM: the engine resigns (priority 0 from every master) before the framework stops a bundle; exit 143 as the JVM's own. */
    @Test
    public void sigtermMakesEveryMasterResignBeforeTheFrameworkStops() throws Exception {
        String ns = router();
        Vrrpd r1 = Vrrpd.start(lab, ns, work, "r1", twoInstances(150));
        r1.awaitState("VI_1", "MASTER", START);
        r1.awaitState("VI_2", "MASTER", START);
        Capture capture = lab.capture(br, "br0", "ip proto 112", work.resolve("resign.pcap"));
        assertEquals(143, r1.process().stop());
        capture.stop();
        List<String> resigned = capture.fields("vrrp.prio == 0", "vrrp.virt_rtr_id").stream().map(f -> f[0]).distinct().sorted().toList();
        assertEquals("a priority-0 advert from each master", List.of("51", "52"), resigned);
        String log = r1.output();
        int stopped = log.indexOf("VI_2: MASTER -> INITIALIZE (stopped)");
        int resignation = log.indexOf("SIGTERM: every VRRP instance resigned in ");
        assertTrue(log, stopped >= 0 && resignation > stopped);
        assertFalse("the framework's stop found nothing left to stop", log.substring(resignation).contains("MASTER -> INITIALIZE"));
    }

    @Test
    public void aDaemonWhoseEngineThreadIsBlockedStopsSendingWatchdog() throws Exception {
        String ns = router();
        try (FakeNotifySocket systemd = new FakeNotifySocket(work.resolve("notify"))) {
            Vrrpd r1 = Vrrpd.startFromUnit(lab, ns, work, "r1", twoInstances(150), "NOTIFY_SOCKET=" + systemd.path(),
                    "WATCHDOG_USEC=1000000", "JAVA_OPTS=-Dvrrpd.test.hooks=true");
            assertTrue(r1.output(), systemd.await("READY=1", 1, START));
            assertTrue(r1.output(), systemd.await("WATCHDOG=1", 3, Duration.ofSeconds(5)));

            long blocked = System.nanoTime();
            r1.vrrpctl("test:blockEngine", "4").check();
            int before = count(systemd.firstLines(), "WATCHDOG=1");
            // the heartbeat comes back only when the engine's thread runs again, 4 s later
            assertTrue(r1.output(), systemd.await("WATCHDOG=1", before + 2, Duration.ofSeconds(15)));
            long longestGap = longestWatchdogGapAfter(systemd.messages(), blocked - 1_000_000_000L);
            assertTrue("longest WATCHDOG=1 gap " + longestGap / 1_000_000 + " ms", longestGap > 3_000_000_000L);
            assertTrue(r1.output(), r1.output().contains("systemd watchdog: the VRRP engine's thread has not run a task"));
            assertTrue(r1.output(), r1.output().contains("systemd watchdog: the VRRP engine's thread answers again"));
        }
    }

    @Test
    public void sighupAppliesAPendingChangeInPlaceAndSigusr1AndSigusr2WriteTheDumps() throws Exception {
        String ns = router();
        Vrrpd r1 = Vrrpd.startFromUnit(lab, ns, work, "r1", twoInstances(150), "JAVA_OPTS=" + NO_POLLING);
        r1.awaitState("VI_1", "MASTER", Duration.ofSeconds(10));
        r1.awaitState("VI_2", "MASTER", Duration.ofSeconds(10));

        r1.writeConfig("org.vrrpd.vrrp.instance-VI_1.cfg", Vrrpd.instance("VI_1", 51, 160, "192.0.2.100/24", "initialState = MASTER"));
        assertTrue("pending until SIGHUP", r1.vrrpctl("vrrp:show", "VI_1").check().stdout().startsWith("VI_1: MASTER on eth0, vrid 51, priority 150\n"));
        int logged = r1.output().length();
        r1.signal("HUP");
        awaitTrue("VI_1 at priority 160 after SIGHUP",
                () -> r1.vrrpctl("vrrp:show", "VI_1").stdout().startsWith("VI_1: MASTER on eth0, vrid 51, priority 160\n"), Duration.ofSeconds(5));
        String afterHup = r1.output().substring(logged);
        assertTrue(afterHup, afterHup.contains("VI_1: reconfigured in place (priority 160"));
        assertFalse("no state change: " + afterHup, afterHup.contains(" -> "));
        assertFalse("an unchanged instance does not notice: " + afterHup, afterHup.contains("VI_2"));
        assertTrue(r1.process().isAlive());
        for (String instance : new String[] {"VI_1", "VI_2"}) {
            assertTrue(r1.vrrpctl("vrrp:show", instance).stdout().contains("became master     1 times"));
        }

        Path data = r1.runDir.resolve("vrrpd.data");
        Path stats = r1.runDir.resolve("vrrpd.stats");
        r1.signal("USR1");
        awaitTrue("vrrpd.data written", () -> Files.exists(data), Duration.ofSeconds(5));
        String dump = Files.readString(data);
        assertTrue(dump, dump.contains("VI_1: MASTER on eth0, vrid 51, priority 160\n") && dump.contains("VI_2: MASTER on eth0, vrid 52, priority 100\n"));
        assertTrue(dump, dump.contains("NAME             INTERFACE") && dump.contains("  adverts           sent "));
        r1.signal("USR2");
        awaitTrue("vrrpd.stats written", () -> Files.exists(stats), Duration.ofSeconds(5));
        String statistics = Files.readString(stats);
        assertTrue(statistics, statistics.contains("VI_1 (vrid 51, MASTER)\n  advertisementsSent ")
                && statistics.contains("VI_2 (vrid 52, MASTER)") && statistics.contains("  authReplays "));
        assertTrue("SIGUSR2 is not the JVM's suspend signal any more: " + r1.output(), r1.output().contains("handling [SIGHUP, SIGUSR1, SIGUSR2]"));
        assertEquals("MASTER", r1.state("VI_1"));
        assertEquals("MASTER", r1.state("VI_2"));
        assertTrue(r1.process().isAlive());
    }

    /** nohup leaves SIGHUP ignored, a script's background job SIGINT, and the JVM would keep them so: bin/vrrpd resets them. */
    @Test
    public void signalsTheStartingShellIgnoredStillReloadAndStop() throws Exception {
        String ns = router();
        Vrrpd r1 = Vrrpd.startFromUnitIgnoring("HUP INT", lab, ns, work, "r1", twoInstances(150), "JAVA_OPTS=" + NO_POLLING);
        r1.awaitState("VI_1", "MASTER", Duration.ofSeconds(10));
        r1.writeConfig("org.vrrpd.vrrp.instance-VI_1.cfg", Vrrpd.instance("VI_1", 51, 160, "192.0.2.100/24", "initialState = MASTER"));
        r1.signal("HUP");
        awaitTrue("VI_1 at priority 160 after SIGHUP: " + r1.output(),
                () -> r1.vrrpctl("vrrp:show", "VI_1").stdout().startsWith("VI_1: MASTER on eth0, vrid 51, priority 160\n"), Duration.ofSeconds(5));
        r1.signal("INT");
        awaitTrue("SIGINT stops the daemon: " + r1.output(), () -> !r1.process().isAlive(), Duration.ofSeconds(10));
        assertTrue(r1.output(), r1.output().contains("SIGINT: every VRRP instance resigned"));
        assertFalse(r1.output(), r1.output().contains("was ignored when the JVM started"));
    }

    /** keepalived's vrrp_rt_priority: etc/org.vrrpd.vrrp.cfg raises the loop thread alone to SCHED_RR, live, and a bad value is refused. */
    @Test
    public void realtimePriorityRaisesOnlyTheEnginesLoopThreadLiveAndABadValueIsRefused() throws Exception {
        String ns = router();
        Map<String, String> configs = new HashMap<>(twoInstances(150));
        configs.put("org.vrrpd.vrrp.cfg", "realtimePriority = 30\n");
        Vrrpd r1 = Vrrpd.start(lab, ns, work, "r1", configs);
        r1.awaitState("VI_1", "MASTER", START);
        awaitTrue("the loop thread is SCHED_RR 30: " + r1.output(), () -> schedulingOfThreads(r1).equals(List.of("vrrpd-vrrp 2 30")),
                Duration.ofSeconds(10));

        r1.writeConfig("org.vrrpd.vrrp.cfg", "realtimePriority = 0\n");
        awaitTrue("back to normal scheduling: " + r1.output(), () -> schedulingOfThreads(r1).isEmpty(), Duration.ofSeconds(10));

        r1.writeConfig("org.vrrpd.vrrp.cfg", "realtimePriority = 100\n");
        awaitTrue("refused by key and value: " + r1.output(), () -> r1.output().contains(
                "realtimePriority = 100 rejected: 0 (normal scheduling) or 1..99 (SCHED_RR); the engine keeps its settings"), Duration.ofSeconds(10));
        assertEquals("MASTER", r1.state("VI_1"));
        assertTrue(schedulingOfThreads(r1).isEmpty());
    }

    /** "NAME POLICY PRIORITY" of each of the daemon's threads that is not under the normal policy (fields 41 and 40 of its stat). */
    private static List<String> schedulingOfThreads(Vrrpd daemon) {
        List<String> raised = new ArrayList<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/" + daemon.pid() + "/task"))) {
            for (Path task : tasks) {
                String stat = Files.readString(task.resolve("stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                if (!fields[41 - 3].equals("0")) {
                    raised.add(Files.readString(task.resolve("comm")).strip() + " " + fields[41 - 3] + " " + fields[40 - 3]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return raised;
    }

    private static int count(List<String> lines, String text) {
        return (int) lines.stream().filter(text::equals).count();
    }

    private static long longestWatchdogGapAfter(List<FakeNotifySocket.Message> messages, long since) {
        long previous = -1;
        long longest = 0;
        for (FakeNotifySocket.Message m : messages) {
            if (!m.text().equals("WATCHDOG=1")) {
                continue;
            }
            if (previous >= 0 && m.nanos() > since) {
                longest = Math.max(longest, m.nanos() - previous);
            }
            previous = m.nanos();
        }
        return longest;
    }
}
