package org.vrrpd.track.file.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.After;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.vrrpd.api.spi.CheckStatus;
import org.vrrpd.api.spi.ReportQueue;

/** The checker on real files watched through inotify; every wait has a deadline. */
public class TrackFileTest {
    @Rule
    public final TemporaryFolder temp = new TemporaryFolder();

    private final ReportQueue reports = new ReportQueue();
    private TrackFile checker;

    private record Config(String file, int weight, boolean reverse, boolean initFile, int initValue, boolean initOverwrite)
            implements TrackFileConfig {
        @Override public Class<? extends java.lang.annotation.Annotation> annotationType() { return TrackFileConfig.class; }
        @Override public String[] vrrp_instance() { return new String[] {"VI_1"}; }
    }

    private void start(Config config) throws Exception {
        checker = new TrackFile();
        checker.activate(config);
        checker.start(reports);
    }

    @After
    public void stop() throws Exception {
        if (checker != null) {
            checker.deactivate();
        }
    }

    @Test
    public void aChangedNumberIsReportedAtOnce() throws Exception {
        Path f = temp.getRoot().toPath().resolve("load");
        Files.writeString(f, "3\n");
        start(new Config(f.toString(), 10, false, false, 0, false));
        assertEquals(new CheckStatus(30, false, f + " holds 3"), reports.next(5));
        long written = System.nanoTime();
        Files.writeString(f, "-2\n");
        assertEquals(new CheckStatus(-20, false, f + " holds -2"), reports.next(5));
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - written);
        org.junit.Assert.assertTrue("seen through inotify, not the 1 s re-read: " + millis + " ms", millis < 900);
        Files.delete(f);
        assertEquals("a deleted file reads 0", new CheckStatus(0, false, f + " holds 0"), reports.next(5));
        Files.writeString(f, "-300\n");
        assertEquals(true, reports.next(5).fault());
    }

    @Test
    public void initFileCreatesTheFileButKeepsAnExistingOneUnlessOverwrite() throws Exception {
        Path f = temp.getRoot().toPath().resolve("created");
        start(new Config(f.toString(), 1, false, true, 5, false));
        assertEquals("5\n", Files.readString(f));
        assertEquals(5, reports.next(5).priorityDelta());
        checker.deactivate();
        Files.writeString(f, "7\n");
        checker = new TrackFile();
        checker.activate(new Config(f.toString(), 1, false, true, 9, false));
        assertEquals("7\n", Files.readString(f));
        checker.deactivate();
        checker = new TrackFile();
        checker.activate(new Config(f.toString(), 1, false, true, 9, true));
        assertEquals("9\n", Files.readString(f));
    }

    @Test
    public void anInvalidNumberKeepsTheLastValue() throws Exception {
        Path f = temp.getRoot().toPath().resolve("v");
        Files.writeString(f, "4");
        start(new Config(f.toString(), 2, false, false, 0, false));
        assertEquals(8, reports.next(5).priorityDelta());
        Files.writeString(f, "99999999999");
        Files.writeString(temp.getRoot().toPath().resolve("other"), "1"); // another file in the directory changes nothing
        Files.writeString(f, "1");
        assertEquals(new CheckStatus(2, false, f + " holds 1"), reports.next(5));
    }

    @Test
    public void badValuesAreRefusedNamingKeyAndValue() {
        assertEquals("track-file /nonexistent-dir-x/f: file = /nonexistent-dir-x/f rejected: its directory does not exist",
                assertThrows(IllegalArgumentException.class,
                        () -> new TrackFile().activate(new Config("/nonexistent-dir-x/f", 1, false, false, 0, false))).getMessage());
        assertEquals("track-file relative: file = relative rejected: must be an absolute path",
                assertThrows(IllegalArgumentException.class, () -> TrackFileSettings.of(new Config("relative", 1, false, false, 0, false))).getMessage());
        assertEquals("track-file /f: weight = -300 rejected: must be -254..254",
                assertThrows(IllegalArgumentException.class, () -> TrackFileSettings.of(new Config("/f", -300, false, false, 0, false))).getMessage());
    }
}
