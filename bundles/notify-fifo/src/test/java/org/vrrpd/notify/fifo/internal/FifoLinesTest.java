package org.vrrpd.notify.fifo.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.net.InetAddress;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.Test;
import org.vrrpd.api.vrrp.LowerPriorityAdvert;
import org.vrrpd.api.vrrp.PriorityChange;
import org.vrrpd.api.vrrp.StateChange;
import org.vrrpd.api.vrrp.VrrpState;

/** keepalived 2.2.7's notify FIFO lines, byte for byte. */
public class FifoLinesTest {
    private static StateChange change(String instance, VrrpState from, VrrpState to, int priority) {
        return new StateChange(instance, 51, from, to, priority, "test", Instant.EPOCH);
    }

    @Test
    public void instanceLinesAsKeepalivedWritesThem() {
        FifoLines l = new FifoLines(Map.of());
        assertEquals(List.of("INSTANCE \"VI_1\" BACKUP 100\n"), l.linesFor(change("VI_1", VrrpState.INITIALIZE, VrrpState.BACKUP, 100)));
        assertEquals(List.of("INSTANCE \"VI_1\" MASTER 150\n"), l.linesFor(change("VI_1", VrrpState.BACKUP, VrrpState.MASTER, 150)));
        assertEquals(List.of("INSTANCE \"VI_1\" FAULT 150\n"), l.linesFor(change("VI_1", VrrpState.MASTER, VrrpState.FAULT, 150)));
        assertEquals(List.of("INSTANCE \"VI_1\" STOP 150\n"), l.linesFor(change("VI_1", VrrpState.FAULT, VrrpState.INITIALIZE, 150)));
    }

    @Test
    public void aGroupLineFollowsTheMemberThatCompletesTheGroupsMove() {
        FifoLines l = new FifoLines(FifoLines.parseGroups("G1: VI_A VI_B, G2: VI_C"));
        assertEquals(List.of("INSTANCE \"VI_A\" BACKUP 100\n"), l.linesFor(change("VI_A", VrrpState.INITIALIZE, VrrpState.BACKUP, 100)));
        assertEquals(List.of("INSTANCE \"VI_B\" BACKUP 100\n", "GROUP \"G1\" BACKUP 0\n"),
                l.linesFor(change("VI_B", VrrpState.INITIALIZE, VrrpState.BACKUP, 100)));
        assertEquals(List.of("INSTANCE \"VI_A\" MASTER 100\n"), l.linesFor(change("VI_A", VrrpState.BACKUP, VrrpState.MASTER, 100)));
        assertEquals(List.of("INSTANCE \"VI_B\" MASTER 100\n", "GROUP \"G1\" MASTER 0\n"),
                l.linesFor(change("VI_B", VrrpState.BACKUP, VrrpState.MASTER, 100)));
        assertEquals("one member in FAULT is the group's FAULT", List.of("INSTANCE \"VI_B\" FAULT 100\n", "GROUP \"G1\" FAULT 0\n"),
                l.linesFor(change("VI_B", VrrpState.MASTER, VrrpState.FAULT, 100)));
        assertEquals(List.of("INSTANCE \"VI_A\" FAULT 100\n"), l.linesFor(change("VI_A", VrrpState.MASTER, VrrpState.FAULT, 100)));
        l.linesFor(change("VI_A", VrrpState.FAULT, VrrpState.INITIALIZE, 100));
        assertEquals(List.of("INSTANCE \"VI_B\" STOP 100\n", "GROUP \"G1\" STOP 0\n"),
                l.linesFor(change("VI_B", VrrpState.FAULT, VrrpState.INITIALIZE, 100)));
        assertEquals(List.of("INSTANCE \"VI_C\" MASTER 100\n", "GROUP \"G2\" MASTER 0\n"),
                l.linesFor(change("VI_C", VrrpState.BACKUP, VrrpState.MASTER, 100)));
    }

    /** vrrp_notify.c's MASTER_PRIORITY / BACKUP_PRIORITY (any state but MASTER) and MASTER_RX_LOWER_PRI with our priority. */
    @Test
    public void priorityAndLowerAdvertLinesAsKeepalivedWritesThem() throws Exception {
        assertEquals("INSTANCE \"VI_1\" MASTER_PRIORITY 90\n",
                FifoLines.priorityLine(new PriorityChange("VI_1", 51, VrrpState.MASTER, 150, 90, Instant.EPOCH)));
        assertEquals("INSTANCE \"VI_1\" BACKUP_PRIORITY 120\n",
                FifoLines.priorityLine(new PriorityChange("VI_1", 51, VrrpState.INITIALIZE, 150, 120, Instant.EPOCH)));
        assertEquals("INSTANCE \"VI_1\" MASTER_RX_LOWER_PRI 150\n", FifoLines.lowerPriorityLine(
                new LowerPriorityAdvert("VI_1", 51, InetAddress.getByName("192.0.2.2"), 100, 150, Instant.EPOCH)));
    }

    @Test
    public void aMalformedGroupListIsRefusedByName() {
        assertEquals("syncGroups = G1 rejected: each group is NAME: INSTANCE INSTANCE...",
                assertThrows(IllegalArgumentException.class, () -> FifoLines.parseGroups("G1")).getMessage());
    }
}
