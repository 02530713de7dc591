package org.vrrpd.vrrp.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.Test;
import org.vrrpd.api.vrrp.VirtualAddress;
import org.vrrpd.api.vrrp.VrrpState;

public class HandoffTest {
    private static InstanceSettings settings(int vrid) {
        return InstanceSettings.parse(Map.of("name", "VI_1", "interfaceName", "eth0", "vrid", vrid, "priority", 150,
                "virtualAddresses", "192.0.2.100/24"));
    }

    @Test
    public void survivesTheFileAndIsTakenOnce() throws Exception {
        Path file = Files.createTempFile("handoff", ".properties");
        Handoff h = new Handoff("VI_1", "eth0", 51, VrrpState.MASTER, 1_795_000_123L, List.of(VirtualAddress.parse("192.0.2.100/24"), VirtualAddress.parse("192.0.2.101/32")), 1000);
        Handoff.save(file, List.of(h, new Handoff("VI_2", "eth1", 52, VrrpState.BACKUP, 0, List.of(), 2000)));
        Map<String, Handoff> taken = Handoff.take(file);
        assertEquals(h, taken.get("VI_1"));
        assertEquals(List.of(), taken.get("VI_2").addresses());
        assertFalse("taken means gone", Files.exists(file));
        assertTrue(Handoff.take(file).isEmpty());
    }

    @Test
    public void fitsOnlyTheSameInstanceWithinItsMasterDownInterval() {
        Handoff h = new Handoff("VI_1", "eth0", 51, VrrpState.MASTER, 0, List.of(), 10_000);
        assertTrue(h.fits(settings(51), 10_000 + 3_413)); // MDI(150) = 3.414 s
        assertFalse("a backup may have taken over by now", h.fits(settings(51), 10_000 + 3_415));
        assertFalse("another VRID is another router", h.fits(settings(52), 10_001));
        assertFalse("a FAULT is not resumed", new Handoff("VI_1", "eth0", 51, VrrpState.FAULT, 0, List.of(), 10_000).fits(settings(51), 10_001));
    }
}
