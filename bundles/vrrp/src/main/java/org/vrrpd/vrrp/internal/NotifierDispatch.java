package org.vrrpd.vrrp.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.vrrpd.api.spi.Notifier;
import org.vrrpd.api.vrrp.LowerPriorityAdvert;
import org.vrrpd.api.vrrp.PriorityChange;
import org.vrrpd.api.vrrp.SplitBrainReport;
import org.vrrpd.api.vrrp.StateChange;

/**
 * Tells every Notifier service each state change, each on its own {@link PluginThread}: a notifier
 * that blocks or throws delays or loses only its own notifications, never a transition.
 */
final class NotifierDispatch {
    private final Map<Notifier, PluginThread> notifiers = new ConcurrentHashMap<>();

    void add(Notifier notifier) {
        notifiers.put(notifier, new PluginThread("notifier", notifier.getClass().getSimpleName()));
    }

    void remove(Notifier notifier) {
        PluginThread thread = notifiers.remove(notifier);
        if (thread != null) {
            thread.finish();
        }
    }

    /** Queues {@code change} for every notifier; returns at once. */
    void tell(StateChange change) {
        notifiers.forEach((notifier, thread) -> thread.submit(() -> notifier.stateChanged(change)));
    }

    void tell(SplitBrainReport report) {
        notifiers.forEach((notifier, thread) -> thread.submit(() -> notifier.splitBrain(report)));
    }

    void tell(PriorityChange change) {
        notifiers.forEach((notifier, thread) -> thread.submit(() -> notifier.priorityChanged(change)));
    }

    void tell(LowerPriorityAdvert advert) {
        notifiers.forEach((notifier, thread) -> thread.submit(() -> notifier.lowerPriorityAdvert(advert)));
    }

    /** Whether any notifier is bound: when none is, an event need not even be built. */
    boolean any() {
        return !notifiers.isEmpty();
    }

    /** Lets queued notifications go out for up to {@code millis}, then stops (the engine stops). */
    void close(long millis) {
        notifiers.values().forEach(t -> t.stop(millis));
        notifiers.clear();
    }
}
