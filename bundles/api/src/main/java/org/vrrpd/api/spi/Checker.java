package org.vrrpd.api.spi;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A third-party check that adjusts an instance's priority or forces it to FAULT (like keepalived's
 * track_script and track_interface). The engine binds every checker service to the instances named
 * by its {@link #INSTANCE} service property.
 */
@ConsumerType
public interface Checker {
    /** Service property: the instance name(s) the checker applies to, or "*" for all. */
    String INSTANCE = "vrrp.instance";
    /** Service property: how the checker is named in logs and vrrp:show (e.g. "track eth1"); the class name otherwise. */
    String NAME = "vrrp.checker.name";

    /**
     * Begins checking for one instance; report through {@code context} now and on every change.
     * Called on a thread the engine keeps for this checker (never its own loop): a call that blocks
     * holds up only this checker, so still return soon and check on a thread of your own.
     */
    void start(CheckerContext context);

    /** Stops checking for the instance; the engine forgets its last report. */
    void stop(CheckerContext context);
}
