package org.vrrpd.track.script.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

public class RiseFallTest {
    @Test
    public void fallsAfterFallFailuresInARowAndRisesAfterRiseSuccesses() {
        RiseFall rf = new RiseFall(2, 3);
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
    public void withDefaultsEveryResultCounts() {
        RiseFall rf = new RiseFall(1, 1);
        assertTrue(rf.record(false));
        assertFalse(rf.ok());
        assertEquals(false, rf.record(false));
        assertTrue(rf.record(true));
    }
}
