package org.vrrpd.vrrp.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.Test;

public class TimerHeapTest {
    private static final java.util.function.Consumer<RuntimeException> RETHROW = e -> {
        throw e;
    };

    @Test
    public void firesInDeadlineOrderAndHonoursReschedulesAndCancels() {
        TimerHeap heap = new TimerHeap();
        List<Integer> fired = new ArrayList<>();
        TimerHeap.Timer[] timers = new TimerHeap.Timer[1000];
        Random random = new Random(42);
        long[] deadlines = new long[timers.length];
        for (int i = 0; i < timers.length; i++) {
            int id = i;
            timers[i] = new TimerHeap.Timer(() -> fired.add(id));
            deadlines[i] = random.nextInt(1_000_000);
            heap.schedule(timers[i], deadlines[i]);
        }
        for (int i = 0; i < timers.length; i += 3) {
            deadlines[i] = random.nextInt(1_000_000);
            heap.schedule(timers[i], deadlines[i]); // reschedule in place
        }
        for (int i = 1; i < timers.length; i += 10) {
            heap.cancel(timers[i]);
            assertFalse(timers[i].isScheduled());
        }
        assertEquals(900, heap.size());
        assertEquals(900, heap.fireDue(Long.MAX_VALUE - 1, RETHROW));
        for (int k = 1; k < fired.size(); k++) {
            assertTrue("fired in deadline order", deadlines[fired.get(k - 1)] <= deadlines[fired.get(k)]);
        }
        assertTrue(fired.stream().noneMatch(id -> id % 10 == 1));
        assertEquals(Long.MAX_VALUE, heap.nextDeadline());
    }

    /** Masters on one grid instant: each turn they fire in the order they re-armed in the turn before, so none trades places. */
    @Test
    public void equalDeadlinesFireInTheOrderTheyWereScheduledTurnAfterTurn() {
        TimerHeap heap = new TimerHeap();
        List<Integer> fired = new ArrayList<>();
        TimerHeap.Timer[] timers = new TimerHeap.Timer[200];
        long[] at = {1000};
        for (int i = 0; i < timers.length; i++) {
            int id = i;
            TimerHeap.Timer[] self = timers;
            timers[i] = new TimerHeap.Timer(() -> {
                fired.add(id);
                heap.schedule(self[id], at[0] + 1000); // re-armed for the next instant, as an advert timer is
            });
        }
        List<Integer> first = new ArrayList<>();
        for (int i : new Random(7).ints(0, timers.length).distinct().limit(timers.length).toArray()) {
            heap.schedule(timers[i], at[0]);
            first.add(i);
        }
        heap.schedule(new TimerHeap.Timer(() -> { }), 500); // another deadline in the heap, earlier
        for (int turn = 0; turn < 5; turn++) {
            fired.clear();
            heap.fireDue(at[0], RETHROW);
            assertEquals("turn " + turn + ": the order they were first scheduled in", first, fired);
            at[0] += 1000;
        }
    }

    @Test
    public void aTimerMayRescheduleItselfWhileFiring() {
        TimerHeap heap = new TimerHeap();
        int[] count = {0};
        TimerHeap.Timer[] self = new TimerHeap.Timer[1];
        self[0] = new TimerHeap.Timer(() -> {
            if (++count[0] < 5) {
                heap.schedule(self[0], 100L * count[0]);
            }
        });
        heap.schedule(self[0], 0);
        heap.fireDue(1000, RETHROW);
        assertEquals(5, count[0]);
        assertFalse(self[0].isScheduled());
    }

    @Test
    public void onlyDueTimersFire() {
        TimerHeap heap = new TimerHeap();
        int[] count = {0};
        heap.schedule(new TimerHeap.Timer(() -> count[0]++), 10);
        heap.schedule(new TimerHeap.Timer(() -> count[0]++), 20);
        assertEquals(1, heap.fireDue(15, RETHROW));
        assertEquals(20, heap.nextDeadline());
    }

    /** An instant's load follows its counted timers: moved, cancelled, fired, or rescheduled uncounted (a master that became backup). */
    @Test
    public void anInstantsLoadCountsTheCountedTimersWaitingThere() {
        TimerHeap heap = new TimerHeap();
        TimerHeap.Timer[] timers = new TimerHeap.Timer[5];
        for (int i = 0; i < timers.length; i++) {
            timers[i] = new TimerHeap.Timer(() -> { });
            heap.scheduleCounted(timers[i], 10_000_000L, 0);
        }
        heap.schedule(new TimerHeap.Timer(() -> { }), 10_000_000L); // due there, not an advert
        assertEquals(5, heap.loadAt(10_000_000L));
        heap.scheduleCounted(timers[0], 20_000_000L, 0);
        heap.cancel(timers[1]);
        heap.schedule(timers[2], 10_000_000L);
        assertEquals(2, heap.loadAt(10_000_000L));
        assertEquals(1, heap.loadAt(20_000_000L));
        assertEquals(0, heap.loadAt(30_000_000L));
        heap.fireDue(10_000_000L, RETHROW);
        assertEquals("fired: no longer waiting", 0, heap.loadAt(10_000_000L));
        assertEquals(1, heap.loadAt(20_000_000L));
        heap.fireDue(20_000_000L, RETHROW);
        assertEquals(0, heap.loadAt(20_000_000L));
    }

    /** A thousand instants a grid step apart (ten seconds of them) are each counted. */
    @Test
    public void manyInstantsAreCountedApart() {
        TimerHeap heap = new TimerHeap();
        for (int i = 0; i < 1000; i++) {
            for (int k = 0; k <= i % 3; k++) {
                heap.scheduleCounted(new TimerHeap.Timer(() -> { }), 1_000_000_000_000L + i * 10_000_000L, 0);
            }
        }
        for (int i = 0; i < 1000; i++) {
            assertEquals("instant " + i, 1 + i % 3, heap.loadAt(1_000_000_000_000L + i * 10_000_000L));
        }
    }
}
