package org.vrrpd.vrrp.internal;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

/** The grid a fresh advert timer goes on: a hundredth of the interval, at most 10 ms, never shorter than the interval. */
public class TimingTest {
    private static final long MS = 1_000_000L;
    private static final long SECOND = 1000 * MS;

    @Test
    public void aFreshAdvertTimerWaitsTheIntervalAndAtMostOneGridStepMore() {
        assertEquals("10 ms at 1 s", 10 * MS, Timing.grid(SECOND));
        assertEquals("0.1 ms at 10 ms (VRRPv3 centiseconds)", 100_000L, Timing.grid(10 * MS));
        assertEquals("on the grid already: the interval", SECOND, Timing.alignedDelay(500 * SECOND, SECOND));
        assertEquals("just past a grid instant: nearly a step more", SECOND + 10 * MS - 1, Timing.alignedDelay(500 * SECOND + 1, SECOND));
        assertEquals("just before one: a nanosecond more", SECOND + 1, Timing.alignedDelay(500 * SECOND - 1, SECOND));
        assertEquals("System.nanoTime may be negative: -7 ms + 1 s goes to the 1 s instant", SECOND + 7 * MS, Timing.alignedDelay(-7 * MS, SECOND));
        assertEquals(10 * MS + 50_000L, Timing.alignedDelay(1_000_050_000L, 10 * MS));
    }
}
