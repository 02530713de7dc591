package org.vrrpd.track.process.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Matching as keepalived's track_process does, on a /proc the test writes. */
public class ProcTableTest {
    @Rule
    public final TemporaryFolder temp = new TemporaryFolder();

    private void process(int pid, String comm, char state, String... argv) throws Exception {
        Path dir = Files.createDirectories(temp.getRoot().toPath().resolve(Integer.toString(pid)));
        Files.writeString(dir.resolve("stat"), pid + " (" + comm + ") " + state + " 1 1 1 0 -1\n");
        Files.writeString(dir.resolve("cmdline"), argv.length == 0 ? "" : String.join("\0", argv) + "\0");
    }

    private int count(String process, String paramMatch, boolean fullCommand) throws Exception {
        TrackProcessSettings s = TrackProcessSettings.of(new Config(process, paramMatch, fullCommand, 1, TrackProcessSettings.NO_MAXIMUM, 0));
        return new ProcTable(temp.getRoot().toPath()).count(s.matcher());
    }

    @Test
    public void theNameMatchesExactlyAndZombiesDoNotCount() throws Exception {
        process(100, "haproxy", 'S', "/usr/sbin/haproxy", "-f", "/etc/haproxy/haproxy.cfg");
        process(101, "haproxy", 'R', "/usr/sbin/haproxy", "-f", "/etc/haproxy/other.cfg", "-x");
        process(102, "haproxy", 'Z');
        process(103, "sshd", 'S', "sshd: /usr/sbin/sshd");
        process(104, "a) b", 'S', "x"); // a name with a parenthesis
        Files.createDirectories(temp.getRoot().toPath().resolve("self"));
        assertEquals(2, count("haproxy", null, false));
        assertEquals("no pattern: ssh is not sshd", 0, count("ssh", null, false));
        assertEquals(1, count("'a) b'", null, false));
    }

    @Test
    public void parametersAreComparedAsKeepalivedDoes() throws Exception {
        process(100, "haproxy", 'S', "/usr/sbin/haproxy", "-f", "/etc/haproxy/haproxy.cfg");
        process(101, "haproxy", 'S', "/usr/sbin/haproxy", "-f", "/etc/haproxy/haproxy.cfg.new", "-x");
        assertEquals("full command, no parameters compared", 2, count("/usr/sbin/haproxy", null, true));
        assertEquals("exact", 1, count("/usr/sbin/haproxy -f /etc/haproxy/haproxy.cfg", null, false));
        assertEquals("partial: the first ones", 1, count("/usr/sbin/haproxy -f /etc/haproxy/haproxy.cfg", "partial", false));
        assertEquals("initial: the last may be longer", 2, count("/usr/sbin/haproxy -f /etc/haproxy/haproxy.cfg", "initial", false));
        assertEquals("exact without parameters: none allowed", 0, count("/usr/sbin/haproxy", "exact", false));
        assertEquals("the name alone is not the command line", 0, count("haproxy", null, true));
    }

    @Test
    public void quorumAndQuorumMaxAsKeepalived() {
        TrackProcessSettings s = TrackProcessSettings.of(new Config("x", null, false, 2, 3, 0));
        assertFalse(s.quorate(1));
        assertTrue(s.quorate(2));
        assertTrue(s.quorate(3));
        assertFalse(s.quorate(4));
        TrackProcessSettings none = TrackProcessSettings.of(new Config("x", null, false, 1, 0, 0));
        assertTrue("quorum_max 0: OK while none runs", none.quorate(0));
        assertFalse(none.quorate(1));
    }

    @Test
    public void badValuesAreRefusedNamingKeyAndValue() {
        assertEquals("track-process x: quorumMax = 1 rejected: less than quorum 2", refusal(new Config("x", null, false, 2, 1, 0)));
        assertEquals("track-process x: weight = 255 rejected: must be -254..254", refusal(new Config("x", null, false, 1, 9, 255)));
        assertEquals("track-process x: paramMatch = fuzzy rejected: must be exact, initial or partial", refusal(new Config("x", "fuzzy", false, 1, 9, 0)));
        assertEquals("track-process : process =  rejected: required (the process name, then any parameters)", refusal(new Config("", null, false, 1, 9, 0)));
        assertEquals("a weight of 254 acts as 253", 253, TrackProcessSettings.of(new Config("x", null, false, 1, 9, 254)).weight().weight());
    }

    private static String refusal(Config c) {
        return org.junit.Assert.assertThrows(IllegalArgumentException.class, () -> TrackProcessSettings.of(c)).getMessage();
    }

    record Config(String process, String paramMatch, boolean fullCommand, int quorum, int quorumMax, int weight) implements TrackProcessConfig {
        Config(String process, int weight) {
            this(process, null, false, 1, TrackProcessSettings.NO_MAXIMUM, weight);
        }

        @Override public Class<? extends java.lang.annotation.Annotation> annotationType() { return TrackProcessConfig.class; }
        @Override public String[] vrrp_instance() { return new String[] {"VI_1"}; }
        @Override public double delay() { return 0; }
        @Override public double forkDelay() { return 0; }
        @Override public double terminateDelay() { return 0; }
        @Override public boolean reverse() { return false; }
        @Override public double pollInterval() { return 0.02; }
    }

}
