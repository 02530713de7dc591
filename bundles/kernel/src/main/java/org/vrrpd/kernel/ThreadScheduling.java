package org.vrrpd.kernel;

import static org.vrrpd.kernel.internal.Native.LIBC;
import static org.vrrpd.kernel.internal.Native.check;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The calling thread's CPU scheduling policy (sched_setscheduler(2) on one thread, not the process):
 * SCHED_RR at a realtime priority, so that busy processes of normal priority cannot delay it, or
 * back to the normal policy. Raising it needs CAP_SYS_NICE or an RLIMIT_RTPRIO that allows it.
 */
public final class ThreadScheduling {
    /** Realtime priorities of SCHED_RR on Linux. */
    public static final int MIN_PRIORITY = 1;
    public static final int MAX_PRIORITY = 99;
    private static final int SCHED_OTHER = 0;
    private static final int SCHED_RR = 2;

    private ThreadScheduling() {
    }

    /** SCHED_RR at {@code priority} (1..99) for the calling thread, or SCHED_OTHER with 0. */
    public static void setRealtimePriority(int priority) throws NativeException {
        if (priority != 0 && (priority < MIN_PRIORITY || priority > MAX_PRIORITY)) {
            throw new IllegalArgumentException("realtime priority " + priority + ": 0 (normal) or " + MIN_PRIORITY + ".." + MAX_PRIORITY);
        }
        ByteBuffer param = ByteBuffer.allocateDirect(4).order(ByteOrder.nativeOrder()).putInt(0, priority);
        check(LIBC.sched_setscheduler(0, priority == 0 ? SCHED_OTHER : SCHED_RR, param),
                "sched_setscheduler(this thread, " + (priority == 0 ? "SCHED_OTHER" : "SCHED_RR " + priority) + ")");
    }

    /** The calling thread's realtime priority: 0 under a normal policy. */
    public static int realtimePriority() throws NativeException {
        int policy = check(LIBC.sched_getscheduler(0), "sched_getscheduler(this thread)");
        if (policy == SCHED_OTHER) {
            return 0;
        }
        ByteBuffer param = ByteBuffer.allocateDirect(4).order(ByteOrder.nativeOrder());
        check(LIBC.sched_getparam(0, param), "sched_getparam(this thread)");
        return param.getInt(0);
    }
}
