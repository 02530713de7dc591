package org.vrrpd.vrrp.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vrrpd.api.vrrp.VrrpState;

/**
 * The transitions of one instance that threw: counted, logged (the stack the first time), held as
 * a fault cause, and retried after {@link #RETRY}, when the cause is handed back to be cleared.
 * Loop thread only.
 */
final class InternalErrors {
    private static final Logger LOG = LoggerFactory.getLogger(InternalErrors.class);
    /** How long an instance whose transition threw stays in FAULT before it starts again as a backup. */
    static final long RETRY = 5_000_000_000L;

    private final Timers timers;
    private final TimerHeap.Timer retry;
    private FaultCause current;
    private long count;

    /** {@code clear} gets the cause to clear when the retry is due. */
    InternalErrors(Timers timers, java.util.function.Consumer<FaultCause> clear) {
        this.timers = timers;
        this.retry = new TimerHeap.Timer(() -> {
            FaultCause cause = current;
            current = null;
            if (cause != null) {
                clear.accept(cause);
            }
        });
    }

    /** Records that {@code during} in {@code state} threw {@code e}; returns the fault cause to hold the instance with. */
    FaultCause threw(String instance, Event during, VrrpState state, RuntimeException e) {
        count++;
        if (count == 1) {
            LOG.error("{}: {} in {} threw; the instance goes to FAULT and retries in {} s", instance, during, state, RETRY / 1_000_000_000L, e);
        } else {
            LOG.error("{}: {} in {} threw again ({} times): {}", instance, during, state, count, e.toString());
        }
        current = FaultCause.internal(e);
        timers.schedule(retry, RETRY);
        return current;
    }

    void cancel() {
        timers.cancel(retry);
    }

    long count() {
        return count;
    }
}
