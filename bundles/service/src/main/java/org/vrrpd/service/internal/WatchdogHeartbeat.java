package org.vrrpd.service.internal;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vrrpd.api.vrrp.EngineLoop;

/**
 * systemd's watchdog ({@code WatchdogSec=}): WATCHDOG=1 at half the interval systemd asks for,
 * but only while the VRRP engine's own thread answers. Each beat hands the engine a probe task;
 * the next beat sends WATCHDOG=1 only if that probe ran. A wedged engine thread therefore stops
 * the heartbeat, and systemd kills and restarts the daemon. While no engine runs (its bundle
 * being updated) nothing can be wedged, and the heartbeat goes on; a probe given to an engine
 * that has since been replaced does not count. Beats run on one thread.
 */
final class WatchdogHeartbeat implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WatchdogHeartbeat.class);

    private final SystemdNotifier notifier;
    private final Supplier<EngineLoop> engine;
    private final ScheduledFuture<?> beats;
    /** The probe handed to an engine last time; null before the first. */
    private Probe lastProbe;
    private boolean silent;

    /** A probe task given to one engine incarnation, and whether it has run there. */
    private record Probe(EngineLoop loop, AtomicBoolean ran) {
    }

    private WatchdogHeartbeat(SystemdNotifier notifier, Supplier<EngineLoop> engine, ScheduledExecutorService thread, long periodMicros) {
        this.notifier = notifier;
        this.engine = engine;
        this.beats = thread.scheduleAtFixedRate(this::beat, 0, periodMicros, TimeUnit.MICROSECONDS);
    }

    /**
     * Starts the heartbeat when systemd asked for one: {@code watchdogUsec} ($WATCHDOG_USEC) set,
     * and {@code watchdogPid} ($WATCHDOG_PID) absent or this process, as sd_watchdog_enabled(3)
     * decides. Returns null otherwise.
     */
    static WatchdogHeartbeat startIfAsked(String watchdogUsec, String watchdogPid, SystemdNotifier notifier,
                                          Supplier<EngineLoop> engine, ScheduledExecutorService thread) {
        if (!notifier.enabled() || watchdogUsec == null || watchdogUsec.isEmpty()) {
            return null;
        }
        if (watchdogPid != null && !watchdogPid.isEmpty() && Long.parseLong(watchdogPid) != ProcessHandle.current().pid()) {
            return null;
        }
        long usec = Long.parseLong(watchdogUsec);
        if (usec <= 0) {
            return null;
        }
        LOG.info("systemd watchdog: {} ms, WATCHDOG=1 every {} ms while the VRRP engine's thread answers", usec / 1000, usec / 2000);
        return new WatchdogHeartbeat(notifier, engine, thread, usec / 2);
    }

    private void beat() {
        EngineLoop loop = engine.get();
        if (loop == null) {
            notifier.notify("WATCHDOG=1");
            return;
        }
        if (lastProbe != null && lastProbe.loop() == loop && !lastProbe.ran().get()) {
            if (!silent) {
                LOG.error("systemd watchdog: the VRRP engine's thread has not run a task for a whole heartbeat; "
                        + "no WATCHDOG=1 until it does (systemd restarts the daemon when WatchdogSec runs out)");
                silent = true;
            }
            return;
        }
        if (silent) {
            LOG.info("systemd watchdog: the VRRP engine's thread answers again");
            silent = false;
        }
        notifier.notify("WATCHDOG=1");
        AtomicBoolean ran = new AtomicBoolean();
        lastProbe = new Probe(loop, ran);
        loop.execute(() -> ran.set(true));
    }

    @Override
    public void close() {
        beats.cancel(false);
    }
}
