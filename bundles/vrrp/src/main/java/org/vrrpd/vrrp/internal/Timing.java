package org.vrrpd.vrrp.internal;

import java.math.BigDecimal;

/** The RFC 3768 §6.1 and RFC 5798 §6.1 timer values, in nanoseconds; intervals are given in centiseconds. */
final class Timing {
    private static final long SECOND = 1_000_000_000L;
    private static final long CENTISECOND = 10_000_000L;

    private Timing() {
    }

    static long advert(int centis) {
        return centis * CENTISECOND;
    }

    /**
     * How early an advert may leave to share a wake-up and a sendmmsg with others due about then:
     * a thousandth of the interval, at most 1 ms (1 ms at 1 s, 10 µs at 10 ms), never late.
     */
    static long coalesce(long advertNanos) {
        return Math.min(1_000_000L, advertNanos / 1000);
    }

    /**
     * The grid an advert timer armed afresh is put on (a hundredth of the interval, at most 10 ms):
     * masters that became master at different moments then fall due at the same instants, and share
     * a wake-up and a sendmmsg from their second advert on, instead of two or three of them at a time.
     */
    static long grid(long advertNanos) {
        return Math.min(10_000_000L, advertNanos / 100);
    }

    /** From {@code now}, the delay to the first grid instant at least {@code advertNanos} away: at most a grid longer than the interval. */
    static long alignedDelay(long now, long advertNanos) {
        long grid = grid(advertNanos);
        long past = Math.floorMod(now + advertNanos, grid);
        return advertNanos + (past == 0 ? 0 : grid - past);
    }

    /** The longest sleep the kernel ends within the thread's own timer slack (50 µs): its poll slack, a thousandth of the sleep, is no more. */
    static final long PRECISE_SLEEP_NANOS = 50_000_000L;

    /**
     * How long one ppoll may sleep towards a deadline {@code remaining} away. The kernel lets a poll
     * that sleeps {@code t} end up to {@code t}/1000 late (its slack for poll and select,
     * {@code select_estimate_accuracy} in fs/select.c; {@code t}/200 for a niced thread): 3.6 ms on a
     * 3.6 s Master_Down_Interval, 1 ms on a 1 s advert. So a far deadline is slept towards in a
     * sleep that ends before it even with that slack, and the loop then sleeps the rest, at most a
     * 199th of it, which ends within 50 µs (up to 100 µs niced, for deadlines under 4 s; keepalived
     * sleeps on a timerfd, which has the 50 µs from the start).
     */
    static long sleepNanos(long remaining) {
        return remaining <= PRECISE_SLEEP_NANOS ? Math.max(0, remaining) : remaining - remaining / 199;
    }

    static long seconds(int seconds) {
        return seconds * SECOND;
    }

    static long nanos(BigDecimal seconds) {
        return seconds.movePointRight(9).longValueExact();
    }

    /**
     * Skew_Time: v2 (256 − Priority) / 256 seconds whatever the interval; v3 ((256 − Priority) ×
     * Master_Adver_Interval) / 256.
     */
    static long skew(int version, int priority, int masterAdverCentis) {
        return version == 3 ? (256 - priority) * masterAdverCentis * CENTISECOND / 256 : (256 - priority) * SECOND / 256;
    }

    /** Master_Down_Interval = 3 × (Master_)Adver_Interval + Skew_Time. */
    static long masterDown(int version, int priority, int masterAdverCentis) {
        return 3 * advert(masterAdverCentis) + skew(version, priority, masterAdverCentis);
    }

    /** Advert interval + Skew_Time: a master that is there is heard once within it. */
    static long listen(int version, int priority, int centis) {
        return advert(centis) + skew(version, priority, centis);
    }
}
