package org.vrrpd.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameters;
import org.vrrpd.lab.NetLab;

/**
 * The same keepalived.conf run by two keepalived routers and, imported by bin/vrrp-import, by two
 * of ours, each pair on links of its own, through the same script of events at the same moments:
 * after each, once both pairs have settled, every router's state and effective priority of every
 * instance (keepalived's from its SIGUSR1 data dump, ours from vrrp:list) must be the same, and so
 * must the notify scripts' calls (their states) and the notify FIFOs' lines. The events are {@link DiffEvents}' lines, so a new kind of
 * tracker is one more verb there and one more scenario; a tracked file is one (weights scenario).
 */
@RunWith(Parameterized.class)
public class DifferentialIT extends LabTest {
    /** Appends its arguments to a log per namespace: keepalived and ours call it with "INSTANCE name state priority". */
    private static final String NOTIFY = "echo \"$*\" >> @WORK@/notify-$(ip netns identify).log\n";
    /** Our routers' FIFO: the imported keepalived.conf names the one keepalived's router of the same role writes. */
    private static final String OUR_FIFO = "notify-ours.fifo";

    @Parameters(name = "{0}")
    public static List<Object[]> scenarios() {
        return List.of(new Object[] {"one instance, a tracked interface and scripts of both signs", DiffScenarios.WEIGHTS},
                new Object[] {"a sync group of two instances on two links, a fault-only script", DiffScenarios.SYNC_GROUP},
                new Object[] {"active/active, a positive weight, preempt_delay and nopreempt", DiffScenarios.ACTIVE_ACTIVE});
    }

    private final DiffScenarios.Scenario scenario;

    public DifferentialIT(String name, DiffScenarios.Scenario scenario) throws Exception {
        super("vrrpd-diff");
        this.scenario = scenario;
    }

    @Test
    public void keepalivedAndOursGoThroughTheSameStatesAndPriorities() throws Exception {
        Path notify = script("notify.sh", NOTIFY.replace("@WORK@", work.toString()));
        script(DiffScenarios.FIFO_READER, "exec cat \"$1\" >> \"$1.log\"\n");
        Map<String, String> confs = new TreeMap<>();
        for (String role : DiffPair.ROLES) {
            Path flags = Files.createDirectories(work.resolve("flags-" + role));
            for (String flag : scenario.flags().getOrDefault(role, List.of())) {
                String[] nameValue = flag.split("=", 2);
                Files.writeString(flags.resolve(nameValue[0]), nameValue.length == 2 ? nameValue[1] + "\n" : "");
            }
            confs.put(role, scenario.conf(role, flags, notify));
        }
        DiffPair keepalived = DiffPair.keepalived(lab, work, confs);
        DiffPair ours = DiffPair.ours(lab, work, imported(confs));
        DiffEvents events = new DiffEvents(work, keepalived, ours);
        List<String> keepalivedSeen = new ArrayList<>();
        List<String> oursSeen = new ArrayList<>();
        for (String event : scenario.events()) {
            events.apply(event);
            String[] settled = DiffPair.settle(event, keepalived, ours);
            System.out.printf("differential: %-18s keepalived %s%n%-33s ours       %s%n", event, settled[0], "", settled[1]);
            keepalivedSeen.add(event + ": " + settled[0]);
            oursSeen.add(event + ": " + settled[1]);
        }
        assertEquals(keepalivedSeen, oursSeen);
        for (String role : DiffPair.ROLES) {
            Map<String, List<String>> calls = notifyCalls(keepalived.namespace(role));
            assertFalse("keepalived's " + role + " ran its notify script", calls.isEmpty());
            assertEquals("notify calls of " + role, calls, notifyCalls(ours.namespace(role)));
            if (scenario.template().contains("notify_fifo")) {
                List<String> lines = fifoLines(work.resolve("flags-" + role).resolve("notify.fifo.log"));
                System.out.println("differential: keepalived's notify FIFO on " + role + ": " + lines);
                assertTrue("keepalived's " + role + " wrote priority lines: " + lines, lines.stream().anyMatch(l -> l.contains("_PRIORITY ")));
                assertEquals("notify FIFO lines of " + role, lines, fifoLines(work.resolve("flags-" + role).resolve(OUR_FIFO + ".log")));
            }
        }
    }

    /**
     * A FIFO's lines: the priority changes whole, in order, then the state changes in order without
     * their priority (it races the trackers' first results, as a notify call's does; and which of a
     * start's first two lines comes first is such a race too). MASTER_RX_LOWER_PRI is left out:
     * whether a master hears its successor's last lower advert is a race on the wire (unit-tested instead).
     */
    private static List<String> fifoLines(Path log) throws Exception {
        List<String> priorities = new ArrayList<>();
        List<String> states = new ArrayList<>();
        for (String line : Files.exists(log) ? Files.readAllLines(log) : List.<String>of()) {
            String[] words = line.split(" ");
            if (line.contains("_PRIORITY ")) {
                priorities.add(line);
            } else if (words.length == 4 && !words[2].equals("MASTER_RX_LOWER_PRI")) {
                states.add(String.join(" ", words[0], words[1], words[2]));
            }
        }
        priorities.addAll(states);
        return priorities;
    }

    /** Each role's keepalived.conf through the real importer (bin/vrrp-import), as the files it writes. */
    private Map<String, Map<String, String>> imported(Map<String, String> confs) throws Exception {
        Map<String, Map<String, String>> out = new TreeMap<>();
        for (Map.Entry<String, String> conf : confs.entrySet()) {
            Path file = Files.writeString(work.resolve(conf.getKey() + ".conf"), conf.getValue());
            Path etc = work.resolve(conf.getKey() + "-import");
            NetLab.Result r = NetLab.host(Vrrpd.HOME.resolve("bin/vrrp-import").toString(), file.toString(), etc.toString()).check();
            System.out.println("differential: import of " + conf.getKey() + ":\n" + r.stderr());
            Map<String, String> files = new TreeMap<>();
            try (var written = Files.newDirectoryStream(etc, "*.cfg")) {
                for (Path f : written) {
                    files.put(f.getFileName().toString(), Files.readString(f).replace("/notify.fifo", "/" + OUR_FIFO));
                }
            }
            out.put(conf.getKey(), files);
        }
        return out;
    }

    /** The notify script's calls in one namespace without their priority, per instance (instances of a group may be told in either order). */
    private Map<String, List<String>> notifyCalls(String namespace) throws Exception {
        Path log = work.resolve("notify-" + namespace + ".log");
        Map<String, List<String>> byInstance = new TreeMap<>();
        if (Files.exists(log)) {
            for (String line : Files.readAllLines(log)) {
                String[] words = line.split(" ");
                // the priority a call carries races the trackers' first results (keepalived's too): the states are compared,
                // the priorities by the settled reports
                String call = words.length > 3 ? String.join(" ", words[0], words[1], words[2]) : line;
                byInstance.computeIfAbsent(words.length > 1 ? words[1] : line, k -> new ArrayList<>()).add(call);
            }
        }
        return byInstance;
    }
}
