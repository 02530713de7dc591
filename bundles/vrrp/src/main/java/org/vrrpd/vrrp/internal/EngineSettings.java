package org.vrrpd.vrrp.internal;

import java.util.Map;
import org.vrrpd.kernel.ThreadScheduling;

/**
 * The engine's daemon-wide configuration, PID {@code org.vrrpd.vrrp} ({@code etc/org.vrrpd.vrrp.cfg},
 * optional), checked.
 *
 * @param realtimePriority the loop thread's SCHED_RR priority, 0 for normal scheduling (keepalived:
 *                         {@code vrrp_rt_priority})
 */
record EngineSettings(int realtimePriority) {
    static final String PID = "org.vrrpd.vrrp";

    /** @throws IllegalArgumentException {@code KEY = VALUE rejected: WHY} */
    static EngineSettings parse(Map<String, ?> properties) {
        Object value = properties.get("realtimePriority");
        String text = value == null ? "0" : value.toString().trim();
        int priority;
        try {
            priority = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            priority = -1;
        }
        if (priority != 0 && (priority < ThreadScheduling.MIN_PRIORITY || priority > ThreadScheduling.MAX_PRIORITY)) {
            throw new IllegalArgumentException("realtimePriority = " + text + " rejected: 0 (normal scheduling) or "
                    + ThreadScheduling.MIN_PRIORITY + ".." + ThreadScheduling.MAX_PRIORITY + " (SCHED_RR)");
        }
        return new EngineSettings(priority);
    }
}
