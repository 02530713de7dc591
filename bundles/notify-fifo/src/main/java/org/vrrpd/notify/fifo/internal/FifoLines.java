package org.vrrpd.notify.fifo.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vrrpd.api.vrrp.LowerPriorityAdvert;
import org.vrrpd.api.vrrp.PriorityChange;
import org.vrrpd.api.vrrp.StateChange;
import org.vrrpd.api.vrrp.VrrpState;

/**
 * keepalived's notify FIFO lines (vrrp_notify.c: {@code "%s \"%s\" %s %d\n"}): {@code INSTANCE "VI_1"
 * MASTER 150} for every change of an instance, a stopped one being STOP, and {@code GROUP "G1" MASTER
 * 0} when a sync group as a whole changes: to FAULT as soon as one member is in FAULT, else to the
 * state all its members are in (STOP once all have stopped) — after the member line that completes it,
 * as keepalived writes the group's line once it has moved the members. Two events of keepalived's
 * without a state change: {@code INSTANCE "VI_1" MASTER_PRIORITY 90} (BACKUP_PRIORITY in any other
 * state) when the effective priority changes, for instances with notify_priority_changes; and
 * {@code INSTANCE "VI_1" MASTER_RX_LOWER_PRI 150} (our priority) for each lower advert a master hears.
 */
final class FifoLines {
    private final Map<String, List<String>> groups;
    private final Map<String, VrrpState> instanceStates = new HashMap<>();
    private final Map<String, VrrpState> groupStates = new HashMap<>();

    FifoLines(Map<String, List<String>> groups) {
        this.groups = groups;
    }

    /** {@code G1: VI_A VI_B, G2: VI_C} → the groups and their members, in order. */
    static Map<String, List<String>> parseGroups(String text) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        for (String group : text.split(",")) {
            int colon = group.indexOf(':');
            String name = colon < 0 ? "" : group.substring(0, colon).trim();
            List<String> members = colon < 0 ? List.of() : List.of(group.substring(colon + 1).trim().split("\\s+"));
            if (name.isEmpty() || members.get(0).isEmpty()) {
                throw new IllegalArgumentException("syncGroups = " + text + " rejected: each group is NAME: INSTANCE INSTANCE...");
            }
            out.put(name, members);
        }
        return out;
    }

    static String state(VrrpState state) {
        return state == VrrpState.INITIALIZE ? "STOP" : state.name();
    }

    /** The lines one change writes: the instance's, then its group's if the group moved. */
    List<String> linesFor(StateChange change) {
        List<String> lines = new ArrayList<>(2);
        lines.add(line(change.instance(), state(change.to()), change.priority()));
        instanceStates.put(change.instance(), change.to());
        groups.forEach((group, members) -> {
            if (members.contains(change.instance())) {
                VrrpState now = groupState(members);
                if (now != null && now != groupStates.get(group)) {
                    groupStates.put(group, now);
                    lines.add("GROUP \"" + group + "\" " + state(now) + " 0\n");
                }
            }
        });
        return lines;
    }

    /** keepalived's send_instance_priority_notifies. */
    static String priorityLine(PriorityChange change) {
        return line(change.instance(), change.state() == VrrpState.MASTER ? "MASTER_PRIORITY" : "BACKUP_PRIORITY", change.to());
    }

    /** keepalived's send_event_notify(VRRP_EVENT_MASTER_RX_LOWER_PRI), with the instance's own effective priority. */
    static String lowerPriorityLine(LowerPriorityAdvert advert) {
        return line(advert.instance(), "MASTER_RX_LOWER_PRI", advert.ours());
    }

    private static String line(String instance, String event, int priority) {
        return "INSTANCE \"" + instance + "\" " + event + " " + priority + "\n";
    }

    private VrrpState groupState(List<String> members) {
        VrrpState common = instanceStates.get(members.get(0));
        for (String m : members) {
            VrrpState s = instanceStates.get(m);
            if (s == VrrpState.FAULT) {
                return VrrpState.FAULT;
            }
            if (s != common) {
                common = null;
            }
        }
        return common;
    }
}
