package org.vrrpd.vrrp.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.Test;
import org.vrrpd.api.vrrp.VrrpState;

public class TransitionTableTest {
    @Test
    public void theRfcTimersHaveTheirValues() {
        assertEquals("Skew_Time(100) = 156/256 s", 609_375_000L, Timing.skew(2, 100, 100));
        assertEquals("Master_Down_Interval(1 s, 100) = 3.609 s", 3_609_375_000L, Timing.masterDown(2, 100, 100));
        assertEquals("keepalived's measured MDI(150) = 3.414 s", 3_414_062_500L, Timing.masterDown(2, 150, 100));
        assertEquals(3_996_093_750L, Timing.masterDown(2, 1, 100));
        assertEquals("v2's skew does not scale with the interval", 6_609_375_000L, Timing.masterDown(2, 100, 200));
    }

    @Test
    public void theRfc5798TimersScaleWithTheMastersInterval() {
        assertEquals("v3 at 1 s is v2", 3_609_375_000L, Timing.masterDown(3, 100, 100));
        assertEquals("keepalived's v3 0.1 s at 100: 3 x 0.1 + 156 x 0.1 / 256 = 0.361 s", 360_937_500L, Timing.masterDown(3, 100, 10));
        assertEquals("Skew_Time(100) at 0.1 s", 60_937_500L, Timing.skew(3, 100, 10));
        assertEquals("Master_Down_Interval at 0.01 s and priority 100", 36_093_750L, Timing.masterDown(3, 100, 1));
    }

    @Test
    public void aBackupTakesOverWhenTheMasterFallsSilent() {
        var t = TransitionTable.lookup(VrrpState.BACKUP, Event.MASTER_DOWN_TIMER);
        assertEquals(VrrpState.MASTER, t.next());
        assertEquals(List.of(Action.SEND_ADVERT, Action.ADD_VIPS, Action.SEND_GARP, Action.START_ADVER_TIMER), t.actions());
    }

    @Test
    public void preemptionDependsOnTheClassifiedAdvert() {
        assertNull("a preempting backup discards lower adverts, so its timer expires",
                TransitionTable.lookup(VrrpState.BACKUP, Event.RX_LOWER_PREEMPTIBLE));
        assertEquals(List.of(Action.START_MASTER_DOWN_TIMER),
                TransitionTable.lookup(VrrpState.BACKUP, Event.RX_LOWER_NO_PREEMPT).actions());
        assertEquals("a master answers a lower one, as keepalived: an advert so it yields, gratuitous ARPs for the neighbours",
                List.of(Action.ANSWER_LOWER_MASTER), TransitionTable.lookup(VrrpState.MASTER, Event.RX_LOWER_NO_PREEMPT).actions());
        assertEquals(VrrpState.MASTER, TransitionTable.lookup(VrrpState.MASTER, Event.RX_LOWER_PREEMPTIBLE).next());
        assertEquals(VrrpState.BACKUP, TransitionTable.lookup(VrrpState.MASTER, Event.RX_PREFERRED).next());
    }

    @Test
    public void aMasterThatLeavesResignsWithPriorityZeroAndDropsItsAddresses() {
        for (Event e : new Event[] {Event.SHUTDOWN, Event.FAULTED}) {
            List<Action> actions = TransitionTable.lookup(VrrpState.MASTER, e).actions();
            assertTrue(e + ": " + actions, actions.contains(Action.SEND_PRIORITY_ZERO) && actions.contains(Action.REMOVE_VIPS));
        }
        assertEquals(List.of(Action.START_SKEW_TIMER), TransitionTable.lookup(VrrpState.BACKUP, Event.RX_PRIORITY_ZERO).actions());
    }

    @Test
    public void faultIsLeftOnlyByRecoveryOrShutdown() {
        for (Event e : Event.values()) {
            var t = TransitionTable.lookup(VrrpState.FAULT, e);
            if (e == Event.RECOVERED) {
                assertEquals(VrrpState.BACKUP, t.next());
            } else if (e == Event.SHUTDOWN) {
                assertEquals(VrrpState.INITIALIZE, t.next());
            } else {
                assertNull(e + " must be ignored in FAULT", t);
            }
        }
    }

    @Test
    public void theReadmeShowsThisVeryTable() throws Exception {
        Path readme = Path.of(System.getProperty("maven.multiModuleProjectDirectory", "../.."), "README.md");
        if (!Files.exists(readme)) {
            readme = Path.of("../../README.md");
        }
        String text = Files.readString(readme);
        assertTrue("README.md must contain the generated transition matrix; regenerate it from TransitionTable.markdown():\n"
                + TransitionTable.markdown(), text.contains(TransitionTable.markdown()));
    }
}
