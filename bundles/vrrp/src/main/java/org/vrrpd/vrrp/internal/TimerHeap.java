package org.vrrpd.vrrp.internal;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * The engine's one timer queue: an indexed binary min-heap of deadlines. Each timer knows its
 * slot, so rescheduling or cancelling is O(log n) and allocation-free, which keeps thousands of
 * instances (each re-arming a timer every second) cheap. Timers with the same deadline fire in the
 * order they were scheduled, so masters whose adverts share a grid instant leave in the same order
 * every turn and each keeps its interval to the microsecond. Owned by the event-loop thread.
 */
final class TimerHeap {
    /** A reusable timer: schedule it again and again; it fires {@code action} on the loop thread. */
    static final class Timer {
        private final Runnable action;
        private long deadline;
        /** How long before its deadline it may fire when the loop is awake anyway (see {@link TimerHeap#schedule(Timer, long, long)}). */
        private long early;
        /** When it was scheduled, among timers: breaks ties between equal deadlines, first scheduled first. */
        private long order;
        /** An advert timer on a grid instant: counted in that instant's load while scheduled there. */
        private boolean counted;
        private int slot = -1;

        Timer(Runnable action) {
            this.action = action;
        }

        boolean isScheduled() {
            return slot >= 0;
        }

        long deadline() {
            return deadline;
        }
    }

    private Timer[] heap = new Timer[64];
    /** Each slot's deadline and order beside the heap, so that a sift compares within two arrays instead of reading a timer object per step. */
    private long[] deadlines = new long[64];
    private long[] orders = new long[64];
    private int size;
    private long scheduled;
    private final InstantLoad loads = new InstantLoad();

    void schedule(Timer timer, long deadline) {
        schedule(timer, deadline, 0);
    }

    /**
     * Schedules {@code timer} for {@code deadline}, letting it fire up to {@code early} nanoseconds
     * before it in a turn that fires another timer: timers due within that much of each other then
     * share one wake-up of the loop (and their adverts one sendmmsg), and none fires late for it.
     */
    void schedule(Timer timer, long deadline, long early) {
        schedule(timer, deadline, early, false);
    }

    /** As {@link #schedule(Timer, long, long)}, and counts the timer in {@link #loadAt}{@code (deadline)} while it waits there: an advert on a grid instant. */
    void scheduleCounted(Timer timer, long deadline, long early) {
        schedule(timer, deadline, early, true);
    }

    /** How many counted timers are due at exactly {@code deadline} (a hint: see {@link InstantLoad}). */
    int loadAt(long deadline) {
        return loads.at(deadline);
    }

    private void schedule(Timer timer, long deadline, long early, boolean counted) {
        timer.early = early;
        timer.order = scheduled++;
        uncount(timer);
        if (counted) {
            timer.counted = true;
            loads.add(deadline);
        }
        if (timer.slot >= 0) {
            long old = timer.deadline;
            timer.deadline = deadline;
            if (deadline - old < 0) {
                siftUp(timer.slot);
            } else {
                siftDown(timer.slot);
            }
            return;
        }
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, size * 2);
            deadlines = Arrays.copyOf(deadlines, size * 2);
            orders = Arrays.copyOf(orders, size * 2);
        }
        timer.deadline = deadline;
        timer.slot = size;
        heap[size++] = timer;
        siftUp(timer.slot);
    }

    void cancel(Timer timer) {
        int slot = timer.slot;
        if (slot < 0) {
            return;
        }
        uncount(timer);
        timer.slot = -1;
        Timer last = heap[--size];
        heap[size] = null;
        if (slot < size) {
            heap[slot] = last;
            last.slot = slot;
            siftDown(slot);
            siftUp(last.slot);
        }
    }

    /** The earliest deadline, or Long.MAX_VALUE when nothing is scheduled. */
    long nextDeadline() {
        return size == 0 ? Long.MAX_VALUE : deadlines[0];
    }

    /**
     * Fires every timer due at {@code now}, earliest first, and those after them that may fire that
     * early; a timer may reschedule itself. A timer that throws is handed to {@code onFailure} and
     * the others still fire. Returns how many fired.
     */
    int fireDue(long now, Consumer<RuntimeException> onFailure) {
        int fired = 0;
        while (size > 0 && deadlines[0] - heap[0].early - now <= 0) {
            Timer t = heap[0];
            cancel(t);
            try {
                t.action.run();
            } catch (RuntimeException e) {
                onFailure.accept(e);
            }
            fired++;
        }
        return fired;
    }

    int size() {
        return size;
    }

    private void uncount(Timer timer) {
        if (timer.counted) {
            timer.counted = false;
            loads.remove(timer.deadline);
        }
    }

    /* The sifts read the moving timer's keys from the timer itself and write them to the arrays where it lands. */
    private void siftUp(int slot) {
        Timer t = heap[slot];
        long deadline = t.deadline;
        long order = t.order;
        while (slot > 0) {
            int parent = (slot - 1) >>> 1;
            if (!precedes(deadline, order, deadlines[parent], orders[parent])) {
                break;
            }
            move(parent, slot);
            slot = parent;
        }
        place(t, slot);
    }

    private void siftDown(int slot) {
        Timer t = heap[slot];
        long deadline = t.deadline;
        long order = t.order;
        int half = size >>> 1;
        while (slot < half) {
            int child = 2 * slot + 1;
            int right = child + 1;
            if (right < size && precedes(deadlines[right], orders[right], deadlines[child], orders[child])) {
                child = right;
            }
            if (!precedes(deadlines[child], orders[child], deadline, order)) {
                break;
            }
            move(child, slot);
            slot = child;
        }
        place(t, slot);
    }

    private void move(int from, int to) {
        Timer moved = heap[from];
        heap[to] = moved;
        deadlines[to] = deadlines[from];
        orders[to] = orders[from];
        moved.slot = to;
    }

    private void place(Timer t, int slot) {
        heap[slot] = t;
        deadlines[slot] = t.deadline;
        orders[slot] = t.order;
        t.slot = slot;
    }

    /** Earlier deadline first; the one scheduled first of equal ones. */
    private static boolean precedes(long deadline, long order, long otherDeadline, long otherOrder) {
        long d = deadline - otherDeadline;
        return d < 0 || d == 0 && order - otherOrder < 0;
    }
}
