package org.vrrpd.vrrp.internal;

/** The clock and timer queue an instance uses: the event loop, or a hand-driven clock in tests. */
interface Timers {
    long now();

    void schedule(TimerHeap.Timer timer, long delayNanos);

    void cancel(TimerHeap.Timer timer);
}
