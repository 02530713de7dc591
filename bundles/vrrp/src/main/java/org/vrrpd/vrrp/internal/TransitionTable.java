package org.vrrpd.vrrp.internal;

import static org.vrrpd.api.vrrp.VrrpState.BACKUP;
import static org.vrrpd.api.vrrp.VrrpState.FAULT;
import static org.vrrpd.api.vrrp.VrrpState.INITIALIZE;
import static org.vrrpd.api.vrrp.VrrpState.MASTER;
import static org.vrrpd.vrrp.internal.Action.*;
import static org.vrrpd.vrrp.internal.Event.*;

import java.util.List;
import java.util.StringJoiner;
import org.vrrpd.api.vrrp.VrrpState;

/**
 * The VRRP state machine of RFC 3768 §6.4 plus keepalived's Fault state and its answers to a
 * lower master, as data:
 * (state, event) → (actions, next state). A pair that is not in the table is ignored: the event
 * means nothing in that state (e.g. a lower-priority advert reaching a backup that may preempt).
 * The README's transition matrix is generated from this table and checked by a test.
 */
final class TransitionTable {
    /** One cell: the actions in order, and the next state. */
    static final class Transition {
        /** An array, not a List, for the loop: C1's code calls a List through an interface stub each time. */
        private final Action[] steps;
        private final VrrpState next;

        Transition(Action[] steps, VrrpState next) {
            this.steps = steps;
            this.next = next;
        }

        List<Action> actions() {
            return List.of(steps);
        }

        int size() {
            return steps.length;
        }

        Action action(int i) {
            return steps[i];
        }

        VrrpState next() {
            return next;
        }
    }

    /** By state's and event's ordinal: looked up for every advert sent and heard. */
    private static final Transition[][] TABLE = new Transition[VrrpState.values().length][Event.values().length];

    static {
        // A backup first removes virtual addresses a crashed predecessor may have left behind.
        on(INITIALIZE, STARTUP, BACKUP, REMOVE_VIPS, START_MASTER_DOWN_TIMER, START_PREEMPT_DELAY);
        on(INITIALIZE, STARTUP_AS_MASTER, BACKUP, REMOVE_VIPS, START_LISTEN_TIMER, START_PREEMPT_DELAY);
        on(INITIALIZE, STARTUP_OWNER, MASTER, SEND_ADVERT, ADD_VIPS, SEND_GARP, START_ADVER_TIMER);
        on(INITIALIZE, STARTUP_FAULTED, FAULT, REMOVE_VIPS);

        on(BACKUP, MASTER_DOWN_TIMER, MASTER, SEND_ADVERT, ADD_VIPS, SEND_GARP, START_ADVER_TIMER);
        on(BACKUP, RX_PRIORITY_ZERO, BACKUP, START_SKEW_TIMER);
        on(BACKUP, RX_PREFERRED, BACKUP, START_MASTER_DOWN_TIMER);
        on(BACKUP, RX_EQUAL_NOT_PREFERRED, BACKUP, START_MASTER_DOWN_TIMER);
        on(BACKUP, RX_LOWER_NO_PREEMPT, BACKUP, START_MASTER_DOWN_TIMER);
        // RX_LOWER_PREEMPTIBLE: discarded, so the timer runs out and this router takes over.
        on(BACKUP, SYNC_MASTER, MASTER, SEND_ADVERT, ADD_VIPS, SEND_GARP, START_ADVER_TIMER);
        on(BACKUP, FAULTED, FAULT, CANCEL_TIMER);
        on(BACKUP, SHUTDOWN, INITIALIZE, CANCEL_TIMER);

        on(MASTER, ADVER_TIMER, MASTER, SEND_ADVERT, START_ADVER_TIMER);
        on(MASTER, RX_PRIORITY_ZERO, MASTER, SEND_ADVERT, START_ADVER_TIMER);
        on(MASTER, RX_PREFERRED, BACKUP, ADVERT_BEFORE_YIELDING, CANCEL_TIMER, REMOVE_VIPS, START_MASTER_DOWN_TIMER);
        // Another master it does not yield to (RFC 3768 discards these; keepalived answers them): a split brain.
        on(MASTER, RX_EQUAL_NOT_PREFERRED, MASTER, ANSWER_LOWER_MASTER);
        on(MASTER, RX_LOWER_PREEMPTIBLE, MASTER, ANSWER_LOWER_MASTER);
        on(MASTER, RX_LOWER_NO_PREEMPT, MASTER, ANSWER_LOWER_MASTER);
        on(MASTER, SYNC_BACKUP, BACKUP, CANCEL_TIMER, REMOVE_VIPS, START_MASTER_DOWN_TIMER);
        on(MASTER, FAULTED, FAULT, CANCEL_TIMER, SEND_PRIORITY_ZERO, REMOVE_VIPS);
        on(MASTER, SHUTDOWN, INITIALIZE, CANCEL_TIMER, SEND_PRIORITY_ZERO, REMOVE_VIPS);

        // An update of the engine bundle: the new one carries on where the old one stopped.
        on(MASTER, RESUMED, MASTER, ADD_VIPS, SEND_ADVERT, START_ADVER_TIMER);
        on(BACKUP, RESUMED, BACKUP, START_MASTER_DOWN_TIMER, START_PREEMPT_DELAY);

        // Again, as a fault may have kept the removal from happening (no interface, no netlink yet).
        on(FAULT, RECOVERED, BACKUP, REMOVE_VIPS, START_MASTER_DOWN_TIMER, START_PREEMPT_DELAY);
        on(FAULT, SHUTDOWN, INITIALIZE);
    }

    private TransitionTable() {
    }

    private static void on(VrrpState state, Event event, VrrpState next, Action... actions) {
        TABLE[state.ordinal()][event.ordinal()] = new Transition(actions, next);
    }

    /** The transition for {@code event} in {@code state}, or null when the event is ignored there. */
    static Transition lookup(VrrpState state, Event event) {
        return TABLE[state.ordinal()][event.ordinal()];
    }

    /** The table as a Markdown matrix: events down, states across, "actions → next" in each cell. */
    static String markdown() {
        StringBuilder out = new StringBuilder("| event \\ state |");
        for (VrrpState s : VrrpState.values()) {
            out.append(' ').append(s).append(" |");
        }
        out.append("\n|---|");
        out.append("---|".repeat(VrrpState.values().length)).append('\n');
        for (Event e : Event.values()) {
            out.append("| ").append(e).append(" |");
            for (VrrpState s : VrrpState.values()) {
                Transition t = lookup(s, e);
                if (t == null) {
                    out.append(" · |");
                    continue;
                }
                StringJoiner actions = new StringJoiner(", ");
                t.actions().forEach(a -> actions.add(a.name().toLowerCase().replace('_', ' ')));
                out.append(' ').append(actions.length() > 0 ? actions + " → " : "→ ").append(t.next()).append(" |");
            }
            out.append('\n');
        }
        return out.toString();
    }
}
