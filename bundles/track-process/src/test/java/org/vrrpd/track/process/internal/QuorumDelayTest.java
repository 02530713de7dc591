package org.vrrpd.track.process.internal;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

/** fork_delay and terminate_delay on a hand-driven clock (nanoseconds). */
public class QuorumDelayTest {
    private static final long S = 1_000_000_000L;

    @Test
    public void theFirstCountDecidesAtOnceAndWithoutDelaysEveryChangeCounts() {
        QuorumDelay q = new QuorumDelay(0, 0);
        assertTrue(q.observe(false, 0));
        assertFalse(q.ok());
        assertTrue(q.observe(true, 1));
        assertTrue(q.ok());
        assertFalse("no change", q.observe(true, 2));
        assertTrue(q.observe(false, 3));
    }

    @Test
    public void aLostQuorumCountsOnlyAfterTheTerminateDelay() {
        QuorumDelay q = new QuorumDelay(0, 2 * S);
        q.observe(true, 0);
        assertFalse(q.observe(false, 10 * S));
        assertFalse(q.observe(false, 11 * S));
        assertTrue(q.ok());
        assertTrue(q.observe(false, 12 * S));
        assertFalse(q.ok());
    }

    @Test
    public void aRestartWithinTheDelayIsNeverSeen() {
        QuorumDelay q = new QuorumDelay(0, 2 * S);
        q.observe(true, 0);
        assertFalse(q.observe(false, 10 * S));
        assertFalse("back before the delay: cancelled", q.observe(true, 11 * S));
        assertFalse("a new loss starts a new delay", q.observe(false, 12 * S + 1));
        assertFalse(q.observe(false, 13 * S));
        assertTrue(q.observe(false, 14 * S + 1));
    }

    @Test
    public void aGainedQuorumCountsOnlyAfterTheForkDelay() {
        QuorumDelay q = new QuorumDelay(3 * S, 0);
        q.observe(false, 0);
        assertFalse(q.observe(true, S));
        assertFalse(q.observe(true, 3 * S));
        assertTrue(q.observe(true, 4 * S));
        assertTrue(q.ok());
        assertTrue("losing it has no delay", q.observe(false, 5 * S));
    }
}
