package org.vrrpd.vrrp.internal;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Why one instance is held in FAULT: a set of typed causes. The first cause faults the instance,
 * clearing the last one recovers it; a source that replaces its causes (the interface, the
 * checkers) adds the new ones before it clears the old, so a changed reason is no recovery.
 */
final class InstanceFaults {
    private final Set<FaultCause> causes = new TreeSet<>();
    private final Consumer<FaultCause> faulted;
    private final Consumer<FaultCause> recovered;

    /** {@code faulted} gets the first cause when the set becomes non-empty, {@code recovered} the last one when it empties. */
    InstanceFaults(Consumer<FaultCause> faulted, Consumer<FaultCause> recovered) {
        this.faulted = faulted;
        this.recovered = recovered;
    }

    boolean isEmpty() {
        return causes.isEmpty();
    }

    boolean contains(FaultCause cause) {
        return causes.contains(cause);
    }

    /** Sets or clears one cause. */
    void set(FaultCause cause, boolean active) {
        boolean wasFaulted = !causes.isEmpty();
        boolean changed = active ? causes.add(cause) : causes.remove(cause);
        if (!changed) {
            return;
        }
        if (!wasFaulted && active) {
            faulted.accept(cause);
        } else if (wasFaulted && causes.isEmpty()) {
            recovered.accept(cause);
        }
    }

    /** Replaces every cause of {@code kind} with {@code now} (possibly none). */
    void replace(FaultCause.Kind kind, Set<FaultCause> now) {
        for (FaultCause cause : now) {
            set(cause, true);
        }
        for (FaultCause old : List.copyOf(causes)) {
            if (old.kind() == kind && !now.contains(old)) {
                set(old, false);
            }
        }
    }

    /** Whether a cause other than its sync group's holds the instance: only then does the group follow it. */
    boolean anyOwnCause() {
        return causes.stream().anyMatch(c -> c.kind() != FaultCause.Kind.SYNC_GROUP);
    }

    /** For vrrp:show and logs, in a stable order. */
    List<String> describe() {
        return causes.stream().map(FaultCause::text).toList();
    }

    @Override
    public String toString() {
        return String.join(", ", describe());
    }
}
