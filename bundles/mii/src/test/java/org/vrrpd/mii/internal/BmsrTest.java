package org.vrrpd.mii.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

public class BmsrTest {
    @Test
    public void linkBitIsBitTwo() {
        // Typical 10/100/1000 PHY readings: 0x796d with the link up and autonegotiation done, 0x7949 unplugged.
        assertTrue(Bmsr.linkUp(0x796d));
        assertFalse(Bmsr.linkUp(0x7949));
        assertTrue(Bmsr.linkUp(0x0004));
        assertFalse(Bmsr.linkUp(0xfffb));
    }

    @Test
    public void describesWhatAnOperatorNeeds() {
        assertEquals("link up, autoneg complete", Bmsr.describe(0x796d));
        assertEquals("link down", Bmsr.describe(0x7949));
        assertEquals("link down, remote fault", Bmsr.describe(0x7959));
    }
}
