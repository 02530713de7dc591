package org.vrrpd.itests;

import static org.junit.Assert.assertEquals;

import java.util.List;
import org.junit.Test;

/** The gap computation the hot-swap and fault-loop tests rely on: a silent sender must read as silent. */
public class AdvertGapsTest {
    private static final double EPSILON = 1e-9;

    @Test
    public void aWindowWithoutAnyAdvertIsSilentThroughout() {
        assertEquals(2.5, AdvertGaps.longestSilence(List.of(), 10.0, 12.5), EPSILON);
        assertEquals("adverts outside the window do not fill it", 2.5,
                AdvertGaps.longestSilence(List.of(9.0, 9.9, 12.6, 13.0), 10.0, 12.5), EPSILON);
    }

    @Test
    public void aSingleAdvertLeavesTheLongerEdgeSilent() {
        assertEquals(2.0, AdvertGaps.longestSilence(List.of(10.5), 10.0, 12.5), EPSILON);
        assertEquals(2.0, AdvertGaps.longestSilence(List.of(12.0), 10.0, 12.5), EPSILON);
    }

    @Test
    public void aMasterThatStopsAdvertisingIsSilentToTheWindowsEnd() {
        // one advert a second, then nothing from 13.0 on
        assertEquals(3.0, AdvertGaps.longestSilence(List.of(10.0, 11.0, 12.0, 13.0), 9.8, 16.0), EPSILON);
    }

    @Test
    public void aMasterThatStartsLateIsSilentFromTheWindowsStart() {
        assertEquals(4.0, AdvertGaps.longestSilence(List.of(14.0, 15.0, 16.0), 10.0, 16.5), EPSILON);
    }

    @Test
    public void regularAdvertsReadAsTheirIntervalAndTheLongestGapBetweenThemCounts() {
        assertEquals(1.0, AdvertGaps.longestSilence(List.of(10.2, 11.2, 12.2, 13.2), 10.0, 14.0), EPSILON);
        assertEquals(1.6, AdvertGaps.longestSilence(List.of(10.2, 11.2, 12.8, 13.2), 10.0, 14.0), EPSILON);
    }
}
