package org.vrrpd.kernel;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.junit.Test;

/** Runs as root (as every test here): raising a thread to SCHED_RR is allowed. */
public class ThreadSchedulingTest {
    @Test
    public void oneThreadGoesRealtimeAndBackTheOthersDoNot() throws Exception {
        long testThread = Long.parseLong(Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString());
        CompletableFuture<String> seen = CompletableFuture.supplyAsync(() -> {
            try {
                ThreadScheduling.setRealtimePriority(20);
                int raised = ThreadScheduling.realtimePriority();
                String policy = policyOf(Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString());
                ThreadScheduling.setRealtimePriority(0);
                return raised + " " + policy + " " + ThreadScheduling.realtimePriority();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, r -> new Thread(r, "rt-test").start());
        assertEquals("priority 20 as SCHED_RR (policy 2 in /proc), then back to normal", "20 2 0", seen.get());
        assertEquals("the test's own thread stays SCHED_OTHER", "0", policyOf(String.valueOf(testThread)));
    }

    @Test
    public void aPriorityOutsideSchedRrsRangeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ThreadScheduling.setRealtimePriority(100));
        assertThrows(IllegalArgumentException.class, () -> ThreadScheduling.setRealtimePriority(-1));
    }

    /** Field 41 of /proc/PID/task/TID/stat: the scheduling policy (0 SCHED_OTHER, 2 SCHED_RR). */
    private static String policyOf(String tid) throws Exception {
        String stat = Files.readString(Path.of("/proc/self/task/" + tid + "/stat"));
        String[] afterComm = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return afterComm[41 - 3];
    }
}
