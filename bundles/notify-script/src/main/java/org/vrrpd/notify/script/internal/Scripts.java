package org.vrrpd.notify.script.internal;

import java.util.ArrayList;
import java.util.List;
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
        this.notify = split(notify);
        this.master = split(master);
        this.backup = split(backup);
        this.fault = split(fault);
        this.stop = split(stop);
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

    /** Splits a command line on blanks; single or double quotes keep blanks in a word. No shell is involved. */
    static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        if (line == null) {
            return words;
        }
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (char c : line.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("unclosed quote in: " + line);
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
