package org.vrrpd.vrrp.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

/** The grid a fresh advert timer goes on, and how the loop sleeps towards a deadline. */
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

    /**
     * The kernel's worst case for a poll that sleeps {@code t}: it ends {@code t}/{@code divisor} late
     * (1000, or 200 for a niced thread), and never closer than the thread's 50 µs timer slack.
     */
    private static long latestWake(long t, long divisor) {
        return t + Math.max(50_000L, t / divisor);
    }

    @Test
    public void aFarDeadlineIsSleptTowardsInStepsWhoseSlackCannotPassItSoTheLastEndsWithin50Microseconds() {
        assertEquals("near: in one sleep", 20 * MS, Timing.sleepNanos(20 * MS));
        assertEquals("passed: no sleep", 0, Timing.sleepNanos(-5));
        for (long divisor : new long[] {1000, 200}) {
            for (long deadline : new long[] {51 * MS, SECOND, 3_609_375_000L, 60 * SECOND, 3600 * SECOND}) {
                long now = 0;
                int sleeps = 0;
                while (deadline - now > Timing.PRECISE_SLEEP_NANOS) {
                    long t = Timing.sleepNanos(deadline - now);
                    now += latestWake(t, divisor);
                    assertTrue("a far sleep ends before the deadline (" + deadline + " ns, slack 1/" + divisor + ")", now < deadline);
                    sleeps++;
                }
                long last = now + latestWake(Timing.sleepNanos(deadline - now), divisor);
                assertTrue("the last sleep ends within 50 µs of the deadline: " + (last - deadline), last - deadline <= 50_000L);
                assertTrue(sleeps + " far sleeps before the last towards " + deadline, sleeps <= (deadline < 9 * SECOND ? 1 : 3));
            }
        }
        // without the steps, the 3.6 s Master_Down_Interval of a backup at priority 100 ended 3.6 ms late
        assertTrue(latestWake(3_609_375_000L, 1000) - 3_609_375_000L > 3 * MS);
    }
}
