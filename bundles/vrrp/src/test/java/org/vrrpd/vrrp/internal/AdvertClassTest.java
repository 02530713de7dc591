package org.vrrpd.vrrp.internal;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

public class AdvertClassTest {
    private static final long GLOBAL = 0x2001_0db8_0000_0000L;
    private static final long GLOBAL_2 = 0x2001_0db8_0002_0000L;

    /** RFC 5798 §6.4.3: at equal priority the higher address wins, compared whole (as keepalived), not by its interface identifier. */
    @Test
    public void aTieIsBrokenOnTheWholeAddress() {
        assertEquals("2001:db8:2::1 is above 2001:db8::9", Event.RX_PREFERRED, AdvertClass.of(100, GLOBAL_2, 1, 100, GLOBAL, 9, true));
        assertEquals(Event.RX_EQUAL_NOT_PREFERRED, AdvertClass.of(100, GLOBAL, 9, 100, GLOBAL_2, 1, true));
        assertEquals("same prefix: the low half decides, unsigned", Event.RX_PREFERRED,
                AdvertClass.of(100, VrrpPacket.LINK_LOCAL_PREFIX, 0xcc99_64ff_fed7_3691L, 100, VrrpPacket.LINK_LOCAL_PREFIX, 2, true));
        assertEquals("IPv4: high halves 0", Event.RX_EQUAL_NOT_PREFERRED, AdvertClass.of(100, 0, 0xc0000201L, 100, 0, 0xc0000202L, true));
        assertEquals("a higher priority wins whatever the address", Event.RX_PREFERRED, AdvertClass.of(101, 0, 1, 100, GLOBAL, 2, true));
        assertEquals(Event.RX_LOWER_NO_PREEMPT, AdvertClass.of(99, GLOBAL_2, 1, 100, GLOBAL, 2, false));
    }
}
