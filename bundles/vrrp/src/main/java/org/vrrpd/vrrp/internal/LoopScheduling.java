package org.vrrpd.vrrp.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vrrpd.kernel.NativeException;
import org.vrrpd.kernel.ThreadScheduling;

/**
 * The loop thread's CPU scheduling: at a realtime priority, busy processes of normal priority cannot
 * hold an advert back (keepalived's {@code vrrp_rt_priority}, which raises its whole VRRP process;
 * here only the one thread that sends and times adverts is raised, not the JVM's others).
 */
final class LoopScheduling {
    private static final Logger LOG = LoggerFactory.getLogger(LoopScheduling.class);

    private final EventLoop loop;
    /** Loop thread only: the priority in force, 0 for normal scheduling. */
    private int current;

    LoopScheduling(EventLoop loop) {
        this.loop = loop;
    }

    /** Applies {@code priority} (0, or 1..99 for SCHED_RR) on the loop thread; a refusal by the kernel is logged and changes nothing. */
    void set(int priority) {
        loop.post(() -> {
            if (priority == current) {
                return;
            }
            try {
                ThreadScheduling.setRealtimePriority(priority);
                current = priority;
                LOG.info("VRRP loop thread: {}", priority == 0 ? "normal scheduling" : "SCHED_RR priority " + priority);
            } catch (NativeException e) {
                LOG.error("realtimePriority = {} rejected: {} (SCHED_RR needs CAP_SYS_NICE, or LimitRTPRIO in the unit); the loop"
                        + " keeps {}", priority, e.getMessage(), current == 0 ? "normal scheduling" : "SCHED_RR priority " + current);
            }
        });
    }
}
