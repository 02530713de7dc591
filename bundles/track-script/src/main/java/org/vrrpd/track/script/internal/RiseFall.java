package org.vrrpd.track.script.internal;

/**
 * keepalived's rise/fall hysteresis. The first result decides at once (keepalived starts a script
 * one result short of either state); after that an OK script fails after {@code fall} failures in a
 * row and a failed one is OK again after {@code rise} successes in a row.
 */
final class RiseFall {
    private final int rise;
    private final int fall;
    private boolean decided;
    private boolean ok;
    private int streak;

    RiseFall(int rise, int fall) {
        this.rise = Math.max(1, rise);
        this.fall = Math.max(1, fall);
    }

    boolean decided() {
        return decided;
    }

    boolean ok() {
        return ok;
    }

    /** Records one result; returns whether the state changed (or was decided by this first result). */
    boolean record(boolean success) {
        if (!decided) {
            decided = true;
            ok = success;
            return true;
        }
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
