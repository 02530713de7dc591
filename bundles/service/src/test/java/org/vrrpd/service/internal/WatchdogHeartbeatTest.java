package org.vrrpd.service.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.After;
import org.junit.Test;
import org.vrrpd.api.vrrp.EngineLoop;
import org.vrrpd.kernel.UnixDatagramSocket;

/** The heartbeat against a fake notify socket: it beats while the engine runs its probes, and stops when it does not. */
public class WatchdogHeartbeatTest {
    private static final long PERIOD_MICROS = 50_000;
    private final String address = "@vrrpd-watchdog-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor();
    private final UnixDatagramSocket systemd;
    private final SystemdNotifier notifier;

    public WatchdogHeartbeatTest() throws Exception {
        systemd = UnixDatagramSocket.bound(address);
        notifier = SystemdNotifier.forSocket(address);
    }

    @After
    public void close() {
        thread.shutdownNow();
        notifier.close();
        systemd.close();
    }

    @Test
    public void beatsWhileTheEngineRunsItsProbesAndStopsWhenItIsWedged() throws Exception {
        AtomicReference<Boolean> wedged = new AtomicReference<>(false);
        EngineLoop engine = task -> {
            if (!wedged.get()) {
                task.run();
            }
        };
        WatchdogHeartbeat heartbeat = WatchdogHeartbeat.startIfAsked(String.valueOf(PERIOD_MICROS * 2), null, notifier, () -> engine, thread);
        for (int i = 0; i < 3; i++) {
            assertEquals("WATCHDOG=1", receive(1000));
        }
        wedged.set(true);
        // at most the beat whose probe ran before the wedge, then silence
        int late = 0;
        while (receive(10 * PERIOD_MICROS / 1000) != null) {
            late++;
        }
        assertTrue("beats after the wedge: " + late, late <= 2);
        wedged.set(false);
        heartbeat.close();
    }

    @Test
    public void aProbeLostWithAReplacedEngineDoesNotStopTheHeartbeat() throws Exception {
        AtomicReference<EngineLoop> current = new AtomicReference<>(task -> { }); // an engine that stops before running it
        WatchdogHeartbeat.startIfAsked(String.valueOf(PERIOD_MICROS * 2), null, notifier, current::get, thread);
        assertEquals("WATCHDOG=1", receive(1000));
        current.set(Runnable::run); // its successor
        assertEquals("WATCHDOG=1", receive(1000));
        assertEquals("WATCHDOG=1", receive(1000));
    }

    @Test
    public void noHeartbeatWhenSystemdAsksForNoneOrForAnotherProcess() throws Exception {
        assertNull(WatchdogHeartbeat.startIfAsked(null, null, notifier, () -> null, thread));
        assertNull(WatchdogHeartbeat.startIfAsked("100000", String.valueOf(ProcessHandle.current().pid() + 1), notifier, () -> null, thread));
        assertNull(WatchdogHeartbeat.startIfAsked("100000", null, SystemdNotifier.forSocket(null), () -> null, thread));
    }

    private String receive(long timeoutMillis) throws Exception {
        ByteBuffer buf = ByteBuffer.allocateDirect(256);
        if (systemd.receive(buf, (int) timeoutMillis) < 0) {
            return null;
        }
        byte[] bytes = new byte[buf.remaining()];
        buf.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
