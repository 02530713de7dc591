package org.vrrpd.vrrp.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * When each owner's leased addresses are due for renewal, on a clock in nanoseconds that the
 * caller passes in (the reconciler's {@code System.nanoTime()}, a test's hand). The kernel deletes
 * an address whose lifetime has run out, checking about once a second; a living master renews
 * every {@link #renewalNanos renewal period}, so a dead or hung daemon's addresses go between
 * {@code lease − period} and {@code lease + 1 s} after it stopped. A renewal that finds its owner
 * much later than due (the daemon was stopped, SIGSTOP, or starved) is {@link Due#lapsed lapsed}:
 * the kernel may have removed the addresses, and the renewal adds them again. Renewals fall due on
 * whole multiples of the period (an owner's first one early, which only lengthens that lease), so
 * that every owner of a period shares one wake-up of the worker and one datagram per interface from
 * its first renewal on, and none is renewed more than a period after the last.
 * Not thread-safe: the reconciler's worker only.
 */
final class LeaseSchedule {
    /** The kernel's lifetime check runs about once a second: renewing more often buys nothing. */
    static final long MIN_RENEWAL_NANOS = 1_000_000_000L;
    /** A lease is renewed this many times per lifetime, so that this many minus one renewals in a row may fail. */
    static final int RENEWALS_PER_LEASE = 5;

    /** One owner due for renewal. */
    record Due(String owner, boolean lapsed, long sinceRenewalNanos) {
    }

    private record Entry(long leaseNanos, long periodNanos, long renewedAt, long dueAt) {
    }

    private final Map<String, Entry> entries = new HashMap<>();

    /**
     * The default lease in whole seconds for an advert interval: the shortest whose earliest expiry,
     * one renewal period short of it (a master that died just before renewing), is not before
     * 3 × interval + 1 s, which is longer than any backup's Master_Down_Interval
     * (3 × interval + Skew_Time, Skew_Time < 1 s). So a dead master's addresses stay until any
     * backup could have taken over, and are gone at most lease + 1 s after it died. 5 s at 1 s.
     */
    static int defaultLeaseSeconds(int advertInterval) {
        long floor = 3L * advertInterval + 1; // L - L/5 >= floor
        return (int) ((floor * RENEWALS_PER_LEASE + RENEWALS_PER_LEASE - 2) / (RENEWALS_PER_LEASE - 1));
    }

    /** How often a lease is renewed: a fifth of it, and not more often than the kernel looks. */
    static long renewalNanos(Duration lease) {
        return Math.max(MIN_RENEWAL_NANOS, lease.toNanos() / RENEWALS_PER_LEASE);
    }

    /**
     * {@code owner}'s addresses got {@code lease} at {@code now}: the next renewal is at the next
     * multiple of the period, at most one period on (a renewal comes at or after its due time, never
     * before it, so the multiple is never the one just renewed for). A start spreads the first
     * leases over seconds; left at those phases, the owners would need a wake-up each.
     */
    void renewed(String owner, Duration lease, long now) {
        long period = renewalNanos(lease);
        entries.put(owner, new Entry(lease.toNanos(), period, now, now + period - Math.floorMod(now, period)));
    }

    /** A renewal could not be made (no registry, a refusal): try again one period on, the lease still counting from the last success. */
    void retryLater(String owner, long now) {
        Entry e = entries.get(owner);
        if (e != null) {
            entries.put(owner, new Entry(e.leaseNanos, e.periodNanos, e.renewedAt, now + e.periodNanos));
        }
    }

    /** {@code owner} holds no leased addresses any more. */
    void dropped(String owner) {
        entries.remove(owner);
    }

    /** Nanoseconds until the next renewal is due (0 if one is overdue), or {@link Long#MAX_VALUE} with nothing leased. */
    long nanosUntilDue(long now) {
        long next = Long.MAX_VALUE;
        for (Entry e : entries.values()) {
            next = Math.min(next, Math.max(0, e.dueAt - now));
        }
        return next;
    }

    /** The owners due at {@code now}; each stays due until {@link #renewed} or {@link #retryLater}. */
    List<Due> due(long now) {
        List<Due> due = new ArrayList<>();
        entries.forEach((owner, e) -> {
            if (e.dueAt - now <= 0) {
                due.add(new Due(owner, now - e.renewedAt >= e.leaseNanos, now - e.renewedAt));
            }
        });
        return due;
    }
}
