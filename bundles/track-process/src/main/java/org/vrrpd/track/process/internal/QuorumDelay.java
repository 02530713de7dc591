package org.vrrpd.track.process.internal;

/**
 * keepalived's fork_delay / terminate_delay on a clock the caller drives: a quorum gained counts
 * only once it has held for the fork delay, a quorum lost only once it has stayed lost for the
 * terminate delay; going back before the delay is over cancels the change, so a restart (stop, then
 * start) within the delay is never seen. The first observation decides at once, as keepalived's
 * start-up scan of /proc does.
 */
final class QuorumDelay {
    private final long forkDelayNanos;
    private final long terminateDelayNanos;
    private Boolean reported;
    private long deadline;
    private boolean pending;

    QuorumDelay(long forkDelayNanos, long terminateDelayNanos) {
        this.forkDelayNanos = forkDelayNanos;
        this.terminateDelayNanos = terminateDelayNanos;
    }

    /** Records that the quorum is (or is not) there at {@code now}; returns whether the reported state changed. */
    boolean observe(boolean quorum, long now) {
        if (reported == null || quorum == reported) {
            pending = false;
            boolean first = reported == null;
            reported = quorum;
            return first;
        }
        if (!pending) {
            long delay = quorum ? forkDelayNanos : terminateDelayNanos;
            pending = true;
            deadline = now + delay;
        }
        if (now - deadline >= 0) {
            pending = false;
            reported = quorum;
            return true;
        }
        return false;
    }

    boolean ok() {
        return Boolean.TRUE.equals(reported);
    }
}
