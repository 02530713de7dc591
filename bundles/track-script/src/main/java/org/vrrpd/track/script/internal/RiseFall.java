package org.vrrpd.track.script.internal;

/** keepalived's rise/fall hysteresis: OK until {@code fall} failures in a row, then failed until {@code rise} successes in a row. */
final class RiseFall {
    private final int rise;
    private final int fall;
    private boolean ok = true;
    private int streak;

    RiseFall(int rise, int fall) {
        this.rise = Math.max(1, rise);
        this.fall = Math.max(1, fall);
    }

    boolean ok() {
        return ok;
    }

    /** Records one result; returns whether the state changed. */
    boolean record(boolean success) {
        if (success == ok) {
            streak = 0;
            return false;
        }
        streak++;
        if (streak >= (ok ? fall : rise)) {
            ok = !ok;
            streak = 0;
            return true;
        }
        return false;
    }
}
