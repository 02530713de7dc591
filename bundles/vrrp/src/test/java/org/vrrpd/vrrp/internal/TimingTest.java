package org.vrrpd.vrrp.internal;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

/**
 * The grid a fresh advert timer goes on (a hundredth of the interval, at most 10 ms) and its step:
 * four grids while a step holds at most 50 adverts, fewer as the timers grow; never shorter than
 * the interval.
 */
public class TimingTest {
    private static final long MS = 1_000_000L;
    private static final long SECOND = 1000 * MS;

    @Test
    public void theStepNarrowsAsTheTimersGrowSoThatAStepHoldsAtMostFiftyAdverts() {
        assertEquals("10 ms at 1 s", 10 * MS, Timing.grid(SECOND));
        assertEquals("0.1 ms at 10 ms (VRRPv3 centiseconds)", 100_000L, Timing.grid(10 * MS));
        assertEquals(4, Timing.stepUnits(0));
        assertEquals("1,000 masters: 40 ms, 25 wake-ups a second", 4, Timing.stepUnits(1000));
        assertEquals(4, Timing.stepUnits(1250));
        assertEquals(2, Timing.stepUnits(1251));
        assertEquals(2, Timing.stepUnits(2500));
        assertEquals(1, Timing.stepUnits(2501));
        assertEquals("10,000 masters: 10 ms, 100 a step", 1, Timing.stepUnits(10_000));
        assertEquals(1, Timing.stepUnits(Integer.MAX_VALUE));
    }

    @Test
    public void aFreshAdvertTimerWaitsTheIntervalAndAtMostOneStepMore() {
        assertEquals("on the step already: the interval", SECOND, Timing.alignedDelay(500 * SECOND, SECOND, 1000));
        assertEquals("just past a step instant: nearly a step more", SECOND + 40 * MS - 1, Timing.alignedDelay(500 * SECOND + 1, SECOND, 1000));
        assertEquals("with 10,000 timers the step is one grid", SECOND + 10 * MS - 1, Timing.alignedDelay(500 * SECOND + 1, SECOND, 10_000));
        assertEquals("just before one: a nanosecond more", SECOND + 1, Timing.alignedDelay(500 * SECOND - 1, SECOND, 1000));
        assertEquals("System.nanoTime may be negative: -7 ms + 1 s goes to the 1 s instant", SECOND + 7 * MS,
                Timing.alignedDelay(-7 * MS, SECOND, 1000));
        assertEquals("every step instant is on the grid", 0, Math.floorMod(123 * MS + Timing.alignedDelay(123 * MS, SECOND, 2000), Timing.grid(SECOND)));
        assertEquals(10 * MS + 50_000L, Timing.alignedDelay(1_000_350_000L, 10 * MS, 0));
    }
}
