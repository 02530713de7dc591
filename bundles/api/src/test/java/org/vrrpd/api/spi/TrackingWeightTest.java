package org.vrrpd.api.spi;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import org.junit.Test;

public class TrackingWeightTest {
    private static CheckStatus delta(int d) {
        return new CheckStatus(d, false, "r");
    }

    @Test
    public void aPositiveWeightIsAddedWhileTheCheckIsOk() {
        TrackingWeight w = new TrackingWeight(20, false);
        assertEquals(delta(20), w.status(true, "r"));
        assertEquals(delta(0), w.status(false, "r"));
    }

    @Test
    public void aNegativeWeightIsAddedWhileTheCheckFails() {
        TrackingWeight w = new TrackingWeight(-20, false);
        assertEquals(delta(0), w.status(true, "r"));
        assertEquals(delta(-20), w.status(false, "r"));
    }

    @Test
    public void reverseNegatesTheWeightInTheSameState() {
        assertEquals(delta(-20), new TrackingWeight(20, true).status(true, "r"));
        assertEquals(delta(0), new TrackingWeight(20, true).status(false, "r"));
        assertEquals(delta(0), new TrackingWeight(-20, true).status(true, "r"));
        assertEquals(delta(20), new TrackingWeight(-20, true).status(false, "r"));
    }

    @Test
    public void weightZeroForcesFaultWhileFailingOrWhileOkWhenReversed() {
        assertEquals(new CheckStatus(0, true, "r"), new TrackingWeight(0, false).status(false, "r"));
        assertEquals(delta(0), new TrackingWeight(0, false).status(true, "r"));
        assertEquals(new CheckStatus(0, true, "r"), new TrackingWeight(0, true).status(true, "r"));
        assertEquals(delta(0), new TrackingWeight(0, true).status(false, "r"));
    }

    @Test
    public void keepalivedsRangeIsEnforcedByName() {
        new TrackingWeight(-253, false);
        new TrackingWeight(253, false);
        assertEquals("weight = 254 rejected: must be -253..253",
                assertThrows(IllegalArgumentException.class, () -> new TrackingWeight(254, false)).getMessage());
    }
}
