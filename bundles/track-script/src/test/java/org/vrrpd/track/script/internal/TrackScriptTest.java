package org.vrrpd.track.script.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.After;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.vrrpd.api.spi.CheckStatus;
import org.vrrpd.api.spi.ReportQueue;

/** The checker running real scripts through /bin/sh; every wait has a deadline. */
public class TrackScriptTest {
    @Rule
    public final TemporaryFolder temp = new TemporaryFolder();

    private final ReportQueue reports = new ReportQueue();
    private TrackScript checker;

    private record Config(String script, double interval, double timeout, int weight, boolean reverse, String user) implements TrackScriptConfig {
        @Override public Class<? extends java.lang.annotation.Annotation> annotationType() { return TrackScriptConfig.class; }
        @Override public String[] vrrp_instance() { return new String[] {"VI_1"}; }
        @Override public int rise() { return 1; }
        @Override public int fall() { return 1; }
        @Override public String group() { return null; }
    }

    private void start(Config config) {
        checker = new TrackScript();
        checker.activate(config);
        checker.start(reports);
    }

    @After
    public void stop() {
        if (checker != null) {
            checker.deactivate();
        }
    }

    @Test
    public void aPositiveWeightIsAddedWhileTheScriptSucceedsAndWithdrawnWhenItFails() throws Exception {
        Path healthy = Files.writeString(temp.getRoot().toPath().resolve("healthy"), "yes");
        start(new Config("test -e " + healthy, 0.05, 0, 20, false, null));
        assertEquals(new CheckStatus(0, false, "not run yet"), reports.next(10));
        assertEquals(new CheckStatus(20, false, "'test -e " + healthy + "' succeeds"), reports.next(10));
        Files.delete(healthy);
        assertEquals(new CheckStatus(0, false, "'test -e " + healthy + "' fails"), reports.next(10));
    }

    @Test
    public void reverseSubtractsIt() throws Exception {
        start(new Config("true", 0.05, 0, 20, true, null));
        reports.next(10); // not run yet
        assertEquals(-20, reports.next(10).priorityDelta());
    }

    @Test
    public void theTimeoutDefaultsToTheIntervalAsInKeepalived() throws Exception {
        // interval 0.3 s, no timeout: a 5 s script is killed after 0.3 s and counts as a failure
        long started = System.nanoTime();
        start(new Config("sleep 5", 0.3, 0, 0, false, null));
        reports.next(10); // not run yet
        assertEquals(new CheckStatus(0, true, "'sleep 5' fails"), reports.next(10));
        assertTrue("killed at the interval, not after 5 s", System.nanoTime() - started < TimeUnit.SECONDS.toNanos(4));
    }

    @Test
    public void theScriptRunsAsItsUser() throws Exception {
        org.junit.Assume.assumeTrue("needs root to switch users", "root".equals(System.getProperty("user.name")));
        start(new Config("test \"$(id -un):$(id -gn)\" = nobody:nogroup", 0.05, 0, 20, false, "nobody"));
        reports.next(10); // not run yet
        assertEquals(20, reports.next(10).priorityDelta());
    }

    @Test
    public void badValuesAreRefusedNamingKeyAndValue() {
        assertEquals("track-script 'true': interval = 0.0 rejected: must be 0.001..3600 seconds",
                assertThrows(IllegalArgumentException.class, () -> new TrackScript().activate(new Config("true", 0, 0, 0, false, null))).getMessage());
        assertEquals("track-script 'true': weight = 300 rejected: must be -253..253",
                assertThrows(IllegalArgumentException.class, () -> new TrackScript().activate(new Config("true", 1, 0, 300, false, null))).getMessage());
        assertEquals("track-script 'true': user = no-such-user-x rejected: no such user",
                assertThrows(IllegalArgumentException.class, () -> new TrackScript().activate(new Config("true", 1, 0, 0, false, "no-such-user-x"))).getMessage());
    }
}
