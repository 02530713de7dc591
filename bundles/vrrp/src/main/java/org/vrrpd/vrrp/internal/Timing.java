package org.vrrpd.vrrp.internal;

import java.math.BigDecimal;

/** The RFC 3768 §6.1 timer values, in nanoseconds. */
final class Timing {
    private static final long SECOND = 1_000_000_000L;

    private Timing() {
    }

    /** Skew_Time = (256 − Priority) / 256 seconds. */
    static long skew(int priority) {
        return (256 - priority) * SECOND / 256;
    }

    /** Master_Down_Interval = 3 × Advertisement_Interval + Skew_Time. */
    static long masterDown(int advertIntervalSeconds, int priority) {
        return 3 * advertIntervalSeconds * SECOND + skew(priority);
    }

    /** Advertisement_Interval + Skew_Time: a master that is there is heard once within it. */
    static long listen(int advertIntervalSeconds, int priority) {
        return advertIntervalSeconds * SECOND + skew(priority);
    }

    static long advert(int advertIntervalSeconds) {
        return advertIntervalSeconds * SECOND;
    }

    static long nanos(BigDecimal seconds) {
        return seconds.movePointRight(9).longValueExact();
    }
}
