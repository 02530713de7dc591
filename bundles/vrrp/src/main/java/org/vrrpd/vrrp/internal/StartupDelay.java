package org.vrrpd.vrrp.internal;

import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * keepalived's vrrp_startup_delay: an instance configured within {@code startupDelay} seconds of
 * the engine's start waits in INITIALIZE until that moment (a network that comes up slowly at boot
 * sees no premature master). Not after a hand-over: resumed instances run on at once. Loop thread only.
 */
final class StartupDelay {
    private static final Logger LOG = LoggerFactory.getLogger(StartupDelay.class);

    private final Timers timers;
    private final long engineStart;
    private final Map<String, TimerHeap.Timer> waiting = new HashMap<>();
    private boolean handedOver;

    StartupDelay(Timers timers) {
        this.timers = timers;
        this.engineStart = timers.now();
    }

    /** The previous engine handed instances over: this is no start-up, nothing waits. */
    void handedOver() {
        handedOver = true;
    }

    void start(VrrpInstance instance) {
        long left = handedOver ? 0 : engineStart + Timing.nanos(instance.settings().startupDelay()) - timers.now();
        if (left <= 0) {
            instance.start();
            return;
        }
        TimerHeap.Timer timer = new TimerHeap.Timer(() -> {
            waiting.remove(instance.name());
            instance.start();
        });
        waiting.put(instance.name(), timer);
        timers.schedule(timer, left);
        LOG.info("{}: starts in {} ms (startupDelay {} s)", instance.name(), left / 1_000_000, instance.settings().startupDelay().toPlainString());
    }

    /** The instance goes before its start: it never starts. */
    void cancel(String name) {
        TimerHeap.Timer timer = waiting.remove(name);
        if (timer != null) {
            timers.cancel(timer);
        }
    }
}
