package org.vrrpd.notify.script.internal;

import java.util.ArrayList;
import java.util.List;
import org.vrrpd.api.config.CommandLine;
import org.vrrpd.api.vrrp.StateChange;
import org.vrrpd.api.vrrp.VrrpState;

/** Which command lines a state change runs, with keepalived's argument convention. */
final class Scripts {
    private final List<String> notify;
    private final List<String> master;
    private final List<String> backup;
    private final List<String> fault;
    private final List<String> stop;

    Scripts(String notify, String master, String backup, String fault, String stop) {
        this.notify = CommandLine.split(notify);
        this.master = CommandLine.split(master);
        this.backup = CommandLine.split(backup);
        this.fault = CommandLine.split(fault);
        this.stop = CommandLine.split(stop);
    }

    /** keepalived's state names: a stopped instance is STOP. */
    static String stateName(VrrpState state) {
        return state == VrrpState.INITIALIZE ? "STOP" : state.name();
    }

    /** The commands to run for {@code change}, the specific one first, then the generic notify with its four arguments. */
    List<List<String>> commandsFor(StateChange change) {
        return commandsFor("INSTANCE", change.instance(), change.to(), change.priority());
    }

    /** The same for {@code type} (INSTANCE, or GROUP with priority 0 as keepalived gives it) {@code name} going {@code to}. */
    List<List<String>> commandsFor(String type, String name, VrrpState to, int priority) {
        List<List<String>> out = new ArrayList<>();
        List<String> specific = switch (to) {
            case MASTER -> master;
            case BACKUP -> backup;
            case FAULT -> fault;
            case INITIALIZE -> stop;
        };
        if (!specific.isEmpty()) {
            out.add(specific);
        }
        if (!notify.isEmpty()) {
            List<String> generic = new ArrayList<>(notify);
            generic.addAll(List.of(type, name, stateName(to), Integer.toString(priority)));
            out.add(generic);
        }
        return out;
    }
}
