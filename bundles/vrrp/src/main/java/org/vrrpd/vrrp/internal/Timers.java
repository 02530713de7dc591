package org.vrrpd.vrrp.internal;

/** The clock and timer queue an instance uses: the event loop, or a hand-driven clock in tests. */
interface Timers {
    long now();

    void schedule(TimerHeap.Timer timer, long delayNanos);

    /** Lets the timer fire up to {@code earlyNanos} early, with others (see {@link TimerHeap#schedule(TimerHeap.Timer, long, long)}); a clock without batching ignores it. */
    default void schedule(TimerHeap.Timer timer, long delayNanos, long earlyNanos) {
        schedule(timer, delayNanos);
    }

    /** As {@link #schedule(TimerHeap.Timer, long, long)}, for the instant {@code deadline} of {@link #now()}'s clock rather than a delay from now. */
    default void scheduleAt(TimerHeap.Timer timer, long deadline, long earlyNanos) {
        schedule(timer, deadline - now(), earlyNanos);
    }

    /** As {@link #scheduleAt}, for an advert timer on a grid instant: counted in {@link #advertsDueAt} while it waits. */
    default void scheduleAdvert(TimerHeap.Timer timer, long deadline, long earlyNanos) {
        scheduleAt(timer, deadline, earlyNanos);
    }

    /** How many advert timers are due at exactly {@code deadline}; a clock that does not count them says 0. */
    default int advertsDueAt(long deadline) {
        return 0;
    }

    void cancel(TimerHeap.Timer timer);
}
