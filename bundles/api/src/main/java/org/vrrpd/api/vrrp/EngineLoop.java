package org.vrrpd.api.vrrp;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The VRRP engine's own thread, as a liveness probe: a task handed over here runs there after
 * whatever the engine is doing now, so a task that never runs means a wedged engine (systemd's
 * watchdog relies on this). Tasks must return at once; they run between the engine's own work.
 */
@ProviderType
public interface EngineLoop {
    /** Queues {@code task} for the engine's thread; safe from any thread, never blocks. */
    void execute(Runnable task);
}
