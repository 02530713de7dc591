package org.vrrpd.api.spi;

import org.osgi.annotation.versioning.ConsumerType;
import org.vrrpd.api.vrrp.StateChange;

/**
 * Told every state change of every instance. Called from the engine's thread: hand slow work
 * (scripts, mail) to a thread of your own.
 */
@ConsumerType
public interface Notifier {
    void stateChanged(StateChange change);
}
