package org.vrrpd.track.process.internal;

import static org.junit.Assert.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.After;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.vrrpd.api.spi.CheckStatus;
import org.vrrpd.api.spi.ReportQueue;

/** The checker against this machine's /proc, with a process of a name nobody else runs. */
public class TrackProcessTest {
    @Rule
    public final TemporaryFolder temp = new TemporaryFolder();

    private final ReportQueue reports = new ReportQueue();
    private TrackProcess checker;
    private Process process;

    @After
    public void stop() {
        if (checker != null) {
            checker.deactivate();
        }
        if (process != null) {
            process.destroyForcibly();
        }
    }

    @Test
    public void aKilledProcessLosesTheQuorumAndARestartedOneGainsIt() throws Exception {
        String name = "vtp" + ProcessHandle.current().pid(); // comm: the executable's name
        Path exe = temp.getRoot().toPath().resolve(name);
        Files.copy(Path.of("/bin/sleep"), exe, StandardCopyOption.COPY_ATTRIBUTES);
        checker = new TrackProcess();
        checker.activate(new ProcTableTest.Config(name, 30));
        checker.start(reports);
        assertEquals(new CheckStatus(0, false, name + ": 0 running (quorum at least 1)"), reports.next(5));
        process = new ProcessBuilder(exe.toString(), "60").start();
        assertEquals(new CheckStatus(30, false, name + ": 1 running (quorum at least 1)"), reports.next(5));
        process.destroyForcibly().waitFor();
        assertEquals(new CheckStatus(0, false, name + ": 0 running (quorum at least 1)"), reports.next(5));
    }
}
