package org.vrrpd.vrrp.internal;

/**
 * How many advert timers are due at each grid instant, for {@link GridPlacement}: a small
 * open-addressed table keyed by the deadline, allocation-free. It is a hint, not a ledger: an
 * instant that finds no free slot among its few takes over one, and the load it replaces is
 * forgotten (a worse placement, never a wrong timer). A slot whose load is zero is free.
 */
final class InstantLoad {
    private static final int SLOTS = 4096;
    private static final int PROBES = 8;
    private final long[] instants = new long[SLOTS];
    private final int[] loads = new int[SLOTS];

    int at(long instant) {
        int slot = find(instant);
        return slot < 0 ? 0 : loads[slot];
    }

    void add(long instant) {
        int slot = find(instant);
        if (slot < 0) {
            slot = free(instant);
            instants[slot] = instant;
            loads[slot] = 0;
        }
        loads[slot]++;
    }

    void remove(long instant) {
        int slot = find(instant);
        if (slot >= 0) {
            loads[slot]--;
        }
    }

    /** The slot holding {@code instant} with a load, or -1. */
    private int find(long instant) {
        int home = home(instant);
        for (int i = 0; i < PROBES; i++) {
            int slot = (home + i) & (SLOTS - 1);
            if (loads[slot] > 0 && instants[slot] == instant) {
                return slot;
            }
        }
        return -1;
    }

    /** The first free slot of {@code instant}'s probes, else its home slot, taken over. */
    private int free(long instant) {
        int home = home(instant);
        for (int i = 0; i < PROBES; i++) {
            int slot = (home + i) & (SLOTS - 1);
            if (loads[slot] == 0) {
                return slot;
            }
        }
        return home;
    }

    /** SplitMix64's finaliser: grid instants are evenly spaced multiples of a round number of nanoseconds. */
    private static int home(long instant) {
        long z = (instant ^ (instant >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return (int) (z ^ (z >>> 31)) & (SLOTS - 1);
    }
}
