package org.vrrpd.track.file.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.util.OptionalLong;
import org.junit.Test;
import org.vrrpd.api.spi.CheckStatus;

/** keepalived 2.2.7's track_file rules (track_file.c, vrrp_track.c). */
public class FileWeightTest {
    private static CheckStatus s(int weight, boolean reverse, long value) {
        return new FileWeight(weight, reverse).status(value, "r");
    }

    @Test
    public void theNumberTimesTheWeightIsAdded() {
        assertEquals(new CheckStatus(50, false, "r"), s(10, false, 5));
        assertEquals(new CheckStatus(-30, false, "r"), s(10, false, -3));
        assertEquals(new CheckStatus(-50, false, "r"), s(10, true, 5));
        assertEquals(new CheckStatus(0, false, "r"), s(1, false, 0));
    }

    @Test
    public void aResultOfMinus254OrLessIsFaultAndAbove253IsCapped() {
        assertEquals(true, s(1, false, -254).fault());
        assertEquals(true, s(254, false, -1).fault()); // why keepalived allows weight 254
        assertEquals(new CheckStatus(-253, false, "r"), s(1, false, -253));
        assertEquals(new CheckStatus(253, false, "r"), s(100, false, 1000));
        assertEquals(true, s(2, false, Integer.MIN_VALUE).fault());
    }

    @Test
    public void weightZeroFaultsOnANonZeroNumberAndReversedOnZero() {
        assertEquals(new CheckStatus(0, true, "r"), s(0, false, 7));
        assertEquals(new CheckStatus(0, false, "r"), s(0, false, 0));
        assertEquals(new CheckStatus(0, true, "r"), s(0, true, 0));
        assertEquals(new CheckStatus(0, false, "r"), s(0, true, -1));
    }

    @Test
    public void weightsBeyond254AreRefused() {
        assertEquals("weight = 255 rejected: must be -254..254", assertThrows(IllegalArgumentException.class, () -> new FileWeight(255, false)).getMessage());
    }

    @Test
    public void numbersAreReadAsStrtolWithBaseZero() {
        assertEquals(OptionalLong.of(42), FileValue.parse("42\n"));
        assertEquals(OptionalLong.of(-7), FileValue.parse("  -7 apples"));
        assertEquals(OptionalLong.of(16), FileValue.parse("0x10"));
        assertEquals(OptionalLong.of(8), FileValue.parse("010"));
        assertEquals(OptionalLong.of(0), FileValue.parse("08"));
        assertEquals("not a number reads 0", OptionalLong.of(0), FileValue.parse("high\n"));
        assertEquals("empty reads 0", OptionalLong.of(0), FileValue.parse(""));
        assertEquals(OptionalLong.of(2147483648L), FileValue.parse("2147483648"));
        assertEquals("out of range: ignored", OptionalLong.empty(), FileValue.parse("2147483649"));
        assertEquals(OptionalLong.empty(), FileValue.parse("-99999999999999999999"));
    }
}
