package org.vrrpd.notify.script.internal;

import java.util.HashMap;
import java.util.Map;
import org.vrrpd.api.vrrp.VrrpState;

/**
 * A sync group's state as keepalived's vrrp_sync.c keeps it, from its members' changes: FAULT while
 * any member is in FAULT; else the state the latest member went to (the group follows the first
 * member that moves, and the others follow it); STOP (INITIALIZE) once every member has stopped.
 * Only a change of the group's own state is a group notification. One thread only.
 */
final class GroupState {
    private final Map<String, VrrpState> members = new HashMap<>();
    private VrrpState state;

    /** The group's new state after {@code member} went {@code to}, or null when the group's state is unchanged. */
    VrrpState memberChanged(String member, VrrpState to) {
        members.put(member, to);
        VrrpState next;
        if (members.containsValue(VrrpState.FAULT)) {
            next = VrrpState.FAULT;
        } else if (to == VrrpState.INITIALIZE) {
            next = members.values().stream().allMatch(s -> s == VrrpState.INITIALIZE) ? VrrpState.INITIALIZE : state;
        } else {
            next = to;
        }
        if (next == null || next == state) {
            return null;
        }
        state = next;
        return next;
    }
}
