package org.vrrpd.track.script.internal;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

public class RiseFallTest {
    @Test
    public void fallsAfterFallFailuresInARowAndRisesAfterRiseSuccesses() {
        RiseFall rf = new RiseFall(2, 3);
        assertTrue("the first result decides", rf.record(true));
        assertTrue(rf.ok());
        assertFalse(rf.record(false));
        assertFalse(rf.record(false));
        assertFalse("a success breaks the streak", rf.record(true));
        assertFalse(rf.record(false));
        assertFalse(rf.record(false));
        assertTrue(rf.record(false));
        assertFalse(rf.ok());
        assertFalse(rf.record(true));
        assertTrue(rf.record(true));
        assertTrue(rf.ok());
    }

    @Test
    public void oneFirstFailureIsEnoughWhateverFallSays() {
        RiseFall rf = new RiseFall(2, 3);
        assertFalse(rf.decided());
        assertTrue(rf.record(false));
        assertTrue(rf.decided());
        assertFalse(rf.ok());
    }

    @Test
    public void withDefaultsEveryResultCounts() {
        RiseFall rf = new RiseFall(1, 1);
        rf.record(true);
        assertTrue(rf.record(false));
        assertFalse(rf.ok());
        assertFalse(rf.record(false));
        assertTrue(rf.record(true));
    }
}
