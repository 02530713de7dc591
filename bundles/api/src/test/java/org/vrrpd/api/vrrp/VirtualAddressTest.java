package org.vrrpd.api.vrrp;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import org.junit.Test;

public class VirtualAddressTest {
    @Test
    public void readsIpv4AndIpv6WithAndWithoutPrefix() {
        VirtualAddress v4 = VirtualAddress.parse("192.0.2.100/24");
        assertTrue(v4.isIpv4());
        assertEquals(0xc0000264, v4.ipv4());
        assertEquals("192.0.2.100/24", v4.toString());
        assertEquals("192.0.2.7/32", VirtualAddress.parse("192.0.2.7").toString());
        VirtualAddress v6 = VirtualAddress.parse("2001:DB8:0:0:0:0:0:1/64");
        assertFalse(v6.isIpv4());
        assertEquals(16, v6.length());
        assertEquals("RFC 5952: lower case, :: for the longest zero run", "2001:db8::1/64", v6.toString());
        assertEquals("2001:db8::/128", VirtualAddress.parse("2001:db8::").toString());
        assertEquals("a single zero group is not shortened", "2001:db8:0:1:1:1:1:1/128", VirtualAddress.parse("2001:db8:0:1:1:1:1:1").toString());
        assertEquals("the first of two equal runs", "2001:db8::1:0:0:1/128", VirtualAddress.parse("2001:db8:0:0:1:0:0:1").toString());
        assertEquals(VirtualAddress.parse("192.0.2.100/24"), v4);
        assertFalse(v4.equals(VirtualAddress.parse("192.0.2.100/25")));
    }

    /** keepalived's dev, label, scope and brd: read, printed back the same, part of the value; the address alone without them. */
    @Test
    public void addressOptionsReadBackAsTheyWereWritten() {
        VirtualAddress a = VirtualAddress.parse("192.0.2.101/24;dev=eth1;label=eth1:vip;scope=link;brd=192.0.2.255");
        assertEquals("eth1", a.device());
        assertEquals("eth1:vip", a.label());
        assertEquals(253, a.scope());
        assertEquals("192.0.2.255", a.broadcast().getHostAddress());
        assertEquals("192.0.2.101/24;dev=eth1;label=eth1:vip;scope=link;brd=192.0.2.255", a.toString());
        assertEquals(a, VirtualAddress.parse(a.toString()));
        assertFalse(a.equals(VirtualAddress.parse("192.0.2.101/24")));
        assertEquals(VirtualAddress.parse("192.0.2.101/24"), a.withoutOptions());
        assertEquals("a number for an unnamed scope", "192.0.2.1/32;scope=7", VirtualAddress.parse("192.0.2.1;scope=7").toString());
        assertEquals(-1, VirtualAddress.parse("192.0.2.1").scope());
        for (String bad : new String[] {"192.0.2.1;colour=red", "192.0.2.1;dev", "192.0.2.1;scope=world", "192.0.2.1;scope=256",
                "2001:db8::1;label=eth0:1", "192.0.2.1;brd=2001:db8::ff", "192.0.2.1;dev=a-very-long-interface-name"}) {
            try {
                VirtualAddress.parse(bad);
                fail(bad + " accepted");
            } catch (IllegalArgumentException expected) {
                assertFalse(bad + ": " + expected.getMessage(), expected.getMessage().isEmpty());
            }
        }
    }

    @Test
    public void refusesWhatIsNotANumericAddressAndPrefix() {
        for (String bad : new String[] {"vip.example", "192.0.2", "192.0.2.300", "192.0.2.1/33", "192.0.2.1/0", "2001:db8::1/129",
                "192.0.2.1/x", "192.0.2.1/24/1", ""}) {
            try {
                VirtualAddress.parse(bad);
                fail(bad + " accepted");
            } catch (IllegalArgumentException expected) {
                assertFalse(bad + ": " + expected.getMessage(), expected.getMessage().isEmpty());
            }
        }
    }
}
