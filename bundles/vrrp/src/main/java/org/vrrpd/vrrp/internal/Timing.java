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
     * The grid an advert timer armed afresh is put on: a hundredth of the interval, at most 10 ms.
     * Masters that became master at different moments then fall due at the same instants, and
     * share a wake-up and a sendmmsg from their second advert on. A fresh timer goes to a multiple
     * of it ({@link #alignedDelay}); every multiple is on this grid, so a timer on any of them keeps
     * its fixed rate.
     */
    static long grid(long advertNanos) {
        return Math.min(10_000_000L, advertNanos / 100);
    }

    /**
     * Adverts a step should hold at most: a turn of the loop that sends many more is long, and one
     * pause of it delays them all. Low, because masters that came up while there were fewer timers
     * keep their wider step, and the instants of a wide step are those of every narrower one too.
     */
    static final int ADVERTS_PER_STEP = 50;
    /** The widest step, in grid units: the loop then wakes at most 25 times an interval for adverts. */
    static final int WIDEST_STEP = 4;

    /**
     * How many grid units a fresh timer's step is, with {@code timers} scheduled: 4 while a step holds
     * at most {@link #ADVERTS_PER_STEP} (up to 1,250 timers: 1,000 masters share 25 wake-ups a second
     * instead of up to 100), then 2 (up to 2,500), then 1 (10,000 masters: 100 a step).
     */
    static int stepUnits(int timers) {
        int units = WIDEST_STEP;
        while (units > 1 && (long) timers * units > 100L * ADVERTS_PER_STEP) { // 100 grids an interval
            units /= 2;
        }
        return units;
    }

    /**
     * From {@code now}, the delay to the first instant at least {@code advertNanos} away on a step of
     * {@link #stepUnits} grids: at most a step longer than the interval (4 % at the widest).
     */
    static long alignedDelay(long now, long advertNanos, int timers) {
        long step = grid(advertNanos) * stepUnits(timers);
        long past = Math.floorMod(now + advertNanos, step);
        return advertNanos + (past == 0 ? 0 : step - past);
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
