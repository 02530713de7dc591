package org.vrrpd.vrrp.internal;

import java.util.Arrays;

/**
 * The adverts of one turn of the loop's timers, held back to the end of the turn and then sent
 * with one sendmmsg(2) per channel: instances whose adverts fall due together (the timer heap fires
 * them together, {@link Timing#coalesce}) share the system call, and none leaves later than the
 * turn that fired it. Outside the timers' turn (a received advert answered, a resignation) a
 * channel sends at once. Loop thread only.
 */
final class SendBatches {
    private boolean open;
    private InterfaceChannel[] pending = new InterfaceChannel[16];
    private int count;

    /** The timers' turn begins: channels queue what they send. */
    void open() {
        open = true;
    }

    boolean isOpen() {
        return open;
    }

    /** {@code channel} queued its first datagram of the turn. */
    void pending(InterfaceChannel channel) {
        if (count == pending.length) {
            pending = Arrays.copyOf(pending, count * 2);
        }
        pending[count++] = channel;
    }

    /** The turn ends: every channel sends what it queued. */
    void flush() {
        open = false;
        for (int i = 0; i < count; i++) {
            pending[i].flush();
            pending[i] = null;
        }
        count = 0;
    }
}
