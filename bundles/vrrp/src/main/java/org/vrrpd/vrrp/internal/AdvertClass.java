package org.vrrpd.vrrp.internal;

/** RFC 3768 §6.4.2/§6.4.3: which event an accepted advert is, against our priority and primary address. */
final class AdvertClass {
    private AdvertClass() {
    }

    /**
     * @param priority the advert's priority
     * @param sourceHigh the high half of its sender's primary address ({@link RouterAddress})
     * @param source the low half
     * @param ours our effective priority
     * @param ourHigh the high half of our primary address
     * @param ourAddress its low half
     * @param mayPreempt preemption is on and its delay is over
     */
    static Event of(int priority, long sourceHigh, long source, int ours, long ourHigh, long ourAddress, boolean mayPreempt) {
        if (priority == 0) {
            return Event.RX_PRIORITY_ZERO;
        }
        if (priority > ours || (priority == ours && higher(sourceHigh, source, ourHigh, ourAddress))) {
            return Event.RX_PREFERRED;
        }
        if (priority == ours) {
            return Event.RX_EQUAL_NOT_PREFERRED;
        }
        return mayPreempt ? Event.RX_LOWER_PREEMPTIBLE : Event.RX_LOWER_NO_PREEMPT;
    }

    /** Whether address a is above address b, compared as unsigned 128-bit numbers (as keepalived's memcmp of the addresses). */
    private static boolean higher(long aHigh, long aLow, long bHigh, long bLow) {
        int high = Long.compareUnsigned(aHigh, bHigh);
        return high > 0 || (high == 0 && Long.compareUnsigned(aLow, bLow) > 0);
    }
}
