package org.vrrpd.vrrp.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.util.Map;
import org.junit.Test;

public class EngineSettingsTest {
    @Test
    public void normalSchedulingUnlessARealtimePriorityIsGiven() {
        assertEquals(0, EngineSettings.parse(Map.of()).realtimePriority());
        assertEquals(50, EngineSettings.parse(Map.of("realtimePriority", " 50 ")).realtimePriority());
        assertEquals(99, EngineSettings.parse(Map.of("realtimePriority", 99)).realtimePriority());
    }

    @Test
    public void aPriorityOutsideSchedRrIsRefusedByKeyAndValue() {
        for (String bad : new String[] {"100", "-1", "high"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EngineSettings.parse(Map.of("realtimePriority", bad)));
            assertEquals("realtimePriority = " + bad + " rejected: 0 (normal scheduling) or 1..99 (SCHED_RR)", e.getMessage());
        }
    }
}
