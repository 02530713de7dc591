package org.vrrpd.vrrp.internal;

/**
 * What can happen to a VRRP instance. Received advertisements are classified against the local
 * priority and primary address first (RFC 3768 §6.4.2, §6.4.3), so that the table needs no guards.
 */
enum Event {
    /** Configured and its interface is up; the router is not the address owner. */
    STARTUP,
    /**
     * As STARTUP, configured with initial state MASTER: it listens one advert interval plus skew
     * for a current master instead of a whole Master_Down_Interval.
     */
    STARTUP_AS_MASTER,
    /** Configured and its interface is up; priority 255: the router owns the addresses. */
    STARTUP_OWNER,
    /** Configured while its interface is down or a checker holds it in fault. */
    STARTUP_FAULTED,
    SHUTDOWN,
    /** The previous incarnation of the engine bundle handed the instance over in this state (a bundle update). */
    RESUMED,
    MASTER_DOWN_TIMER,
    ADVER_TIMER,
    /** The master resigned (priority 0). */
    RX_PRIORITY_ZERO,
    /** Higher priority, or equal priority from a higher primary address: a better master. */
    RX_PREFERRED,
    /** Equal priority from a lower primary address. */
    RX_EQUAL_NOT_PREFERRED,
    /** Lower priority, and this router may preempt (preempt on, preempt delay over). */
    RX_LOWER_PREEMPTIBLE,
    /** Lower priority, but preemption is off or still delayed. */
    RX_LOWER_NO_PREEMPT,
    /** Another member of the instance's sync group became MASTER. */
    SYNC_MASTER,
    /** Another member of the instance's sync group became BACKUP. */
    SYNC_BACKUP,
    /** The interface lost its link, or a checker forced the instance to fault. */
    FAULTED,
    /** Every fault cause has cleared. */
    RECOVERED;

    /** Why an instance moved on this event, in words, for the timer and advert events (others carry their own). */
    String reason() {
        return switch (this) {
            case MASTER_DOWN_TIMER -> "master down timer expired";
            case ADVER_TIMER -> "advert timer";
            case RX_PRIORITY_ZERO -> "master resigned (priority 0)";
            case RX_PREFERRED -> "advert from a preferred master";
            case RX_EQUAL_NOT_PREFERRED -> "equal-priority advert from a lower address";
            case RX_LOWER_PREEMPTIBLE -> "lower-priority advert, preempting";
            case RX_LOWER_NO_PREEMPT -> "lower-priority advert, not preempting";
            default -> name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
