package org.vrrpd.vrrp.internal;

/** RFC 3768 §6.4.2/§6.4.3: which event an accepted advert is, against our priority and primary address. */
final class AdvertClass {
    private AdvertClass() {
    }

    /**
     * @param priority the advert's priority
     * @param source its sender's primary address ({@link VrrpPacket#sourceKey})
     * @param ours our effective priority
     * @param ourAddress our primary address
     * @param mayPreempt preemption is on and its delay is over
     */
    static Event of(int priority, long source, int ours, long ourAddress, boolean mayPreempt) {
        if (priority == 0) {
            return Event.RX_PRIORITY_ZERO;
        }
        if (priority > ours || (priority == ours && Long.compareUnsigned(source, ourAddress) > 0)) {
            return Event.RX_PREFERRED;
        }
        if (priority == ours) {
            return Event.RX_EQUAL_NOT_PREFERRED;
        }
        return mayPreempt ? Event.RX_LOWER_PREEMPTIBLE : Event.RX_LOWER_NO_PREEMPT;
    }
}
