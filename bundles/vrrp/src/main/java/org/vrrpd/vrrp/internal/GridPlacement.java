package org.vrrpd.vrrp.internal;

/**
 * Which grid instant a fresh advert timer goes on (a new master's second advert, or the one after a
 * reset). Of the first instant at least an interval away and the next {@link #WINDOW} − 1, it takes
 * the one with the most adverts due that is not yet {@link #FULL} (else the least loaded), the later
 * of equals: the first master of a quiet moment goes to the end of its window, where the masters
 * that come up after it within that window find it. Masters that came up at scattered moments
 * then share an instant per window, one wake-up of the loop and one sendmmsg per 32 adverts, where
 * the grid alone gave them one instant per grid step. The cap keeps a batch short at ten thousand
 * instances, where every instant is needed anyway, so that a master's place in its batch, and so
 * its interval, barely moves.
 */
final class GridPlacement {
    /** The instants weighed: a fresh master's first interval is up to this many grid steps longer than the interval. */
    static final int WINDOW = 5;
    /** Adverts on one instant before the next one is preferred. */
    static final int FULL = 64;

    private GridPlacement() {
    }

    /**
     * The instant for an advert timer of {@code intervalNanos} whose earliest grid instant is
     * {@code first}. An instant's load is the adverts due at it and those due an interval before
     * it, which are re-armed onto it when they fire (at a fixed rate).
     */
    static long choose(long first, long intervalNanos, Timers timers) {
        long grid = Timing.grid(intervalNanos);
        long best = first;
        int bestLoad = load(first, intervalNanos, timers);
        for (int i = 1; i < WINDOW; i++) {
            long instant = first + i * grid;
            int load = load(instant, intervalNanos, timers);
            if (better(load, bestLoad)) {
                best = instant;
                bestLoad = load;
            }
        }
        return best;
    }

    private static int load(long instant, long intervalNanos, Timers timers) {
        return timers.advertsDueAt(instant) + timers.advertsDueAt(instant - intervalNanos);
    }

    /** Not full beats full; among those not full the fuller, among full ones the emptier; of equals the later (this one). */
    private static boolean better(int load, int than) {
        boolean full = load >= FULL;
        if (full != than >= FULL) {
            return !full;
        }
        return full ? load <= than : load >= than;
    }
}
