package org.vrrpd.api.vrrp;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The engine's part of a daemon stop, ahead of the framework's: whoever catches SIGTERM calls it
 * first, so that the priority-0 adverts leave before any bundle is stopped (stopping the framework
 * first cost about 15 ms of other bundles' deactivation before the engine's turn).
 */
@ProviderType
public interface VrrpShutdown {
    /**
     * Every instance stops now as on a framework stop (masters send priority 0, virtual addresses
     * are removed) and no new one starts. Returns once the addresses are gone, or after
     * {@code timeoutMillis}; true if everything was done in time. Safe from any thread; idempotent.
     */
    boolean resignAll(long timeoutMillis) throws InterruptedException;
}
