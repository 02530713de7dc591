package org.vrrpd.api.spi;

import org.osgi.annotation.versioning.ProviderType;

/** Handed by the engine to a checker for one instance; safe to call from any thread. */
@ProviderType
public interface CheckerContext {
    String instanceName();

    /** Replaces this checker's previous report for the instance. */
    void report(CheckStatus status);
}
