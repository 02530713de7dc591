package org.vrrpd.prometheus.internal;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.vrrpd.api.spi.Notifier;
import org.vrrpd.api.vrrp.SplitBrainReport;
import org.vrrpd.api.vrrp.StateChange;

/**
 * What the public views do not hold, heard as a {@link Notifier}: each instance's transitions since
 * the exporter started, the time of its last one, and whether it is in a split brain now. Written
 * on the engine's notifier thread, read by scrapes.
 */
final class TransitionLog {
    /** One instance's record; immutable, replaced whole. */
    record Entry(long transitions, Instant lastTransition, boolean splitBrain) {
        static final Entry NONE = new Entry(0, null, false);
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    void stateChanged(StateChange change) {
        entries.compute(change.instance(), (name, e) -> {
            Entry old = e == null ? Entry.NONE : e;
            return new Entry(old.transitions() + 1, change.at(), old.splitBrain());
        });
    }

    void splitBrain(SplitBrainReport report) {
        entries.compute(report.instance(), (name, e) -> {
            Entry old = e == null ? Entry.NONE : e;
            return new Entry(old.transitions(), old.lastTransition(), report.active());
        });
    }

    Entry of(String instance) {
        return entries.getOrDefault(instance, Entry.NONE);
    }
}
