package org.vrrpd.api.spi;

import org.osgi.annotation.versioning.ConsumerType;
import org.vrrpd.api.vrrp.LowerPriorityAdvert;
import org.vrrpd.api.vrrp.PriorityChange;
import org.vrrpd.api.vrrp.SplitBrainReport;
import org.vrrpd.api.vrrp.StateChange;

/**
 * Told every state change of every instance, in order, on a thread the engine keeps for this
 * notifier (never its own loop): a notifier that blocks delays only its own notifications, and
 * beyond 10,000 waiting ones further ones are dropped (and logged). Hand slow work (scripts, mail) to a thread of your own.
 */
@ConsumerType
public interface Notifier {
    void stateChanged(StateChange change);

    /** A split brain began or ended (two masters on one virtual router); nothing by default. */
    default void splitBrain(SplitBrainReport report) {
    }

    /** An instance's effective priority changed without a state change; nothing by default. */
    default void priorityChanged(PriorityChange change) {
    }

    /** A master received a lower-priority advert (each one: about one per advert interval of the other); nothing by default. */
    default void lowerPriorityAdvert(LowerPriorityAdvert advert) {
    }
}
