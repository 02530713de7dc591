package org.vrrpd.importer;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.vrrpd.importer.KeepalivedConf.Node;

/**
 * global_defs {@code notify_fifo} and {@code vrrp_notify_fifo} (each with its {@code _script}) as
 * notify-fifo configurations for every instance, with the sync groups for keepalived's GROUP lines.
 * keepalived writes the same VRRP lines into both; an owner and group after the FIFO's name (who
 * owns the pipe keepalived creates) are not carried over, and {@code lvs_notify_fifo} has nothing
 * to say here. keepalived's {@code notify_priority_changes} (an instance's, else its sync group's,
 * else global_defs' {@code vrrp_notify_priority_changes}; off by default) lists the instances whose
 * priority changes the FIFOs get ({@code priorityChanges}).
 */
final class NotifyFifos {
    private final Notes notes;
    private final Map<String, Map<String, String>> fifos = new LinkedHashMap<>();
    private final Map<String, Node> scripts = new LinkedHashMap<>();
    private final Map<String, Boolean> instancePriorityChanges = new HashMap<>();
    private Boolean globalPriorityChanges;

    NotifyFifos(Notes notes) {
        this.notes = notes;
    }

    /** A global_defs line; false when it is not one of the FIFO keywords. */
    boolean global(Node c) {
        switch (c.keyword()) {
            case "notify_fifo", "vrrp_notify_fifo" -> {
                if (c.arg(0) == null) {
                    notes.add(c, "global_defs " + c.keyword() + " without a FIFO name, as keepalived ignores it");
                    return true;
                }
                cfg(c.keyword()).put("fifo", c.arg(0));
                if (c.arg(1) != null) {
                    notes.add(c, "global_defs " + c.keyword() + ": the FIFO's owner " + String.join(" ", c.args().subList(1, c.args().size()))
                            + " not imported: vrrpd creates it as the daemon's user");
                }
            }
            case "notify_fifo_script", "vrrp_notify_fifo_script" -> {
                String fifo = c.keyword().replace("_script", "");
                scripts.put(fifo, c);
                Map<String, String> cfg = cfg(fifo);
                cfg.put("script", c.arg(0));
                if (c.arg(1) != null) {
                    cfg.put("user", c.arg(1));
                }
                if (c.arg(2) != null) {
                    cfg.put("group", c.arg(2));
                }
            }
            case "vrrp_notify_priority_changes" -> globalPriorityChanges = flag(c, "global_defs", notes).orElse(globalPriorityChanges);
            case "lvs_notify_fifo", "lvs_notify_fifo_script" -> notes.add(c, "global_defs " + c.keyword() + ": vrrpd has no LVS health checker");
            default -> {
                return false;
            }
        }
        return true;
    }

    /** An instance's notify_priority_changes line. */
    void instancePriorityChanges(String instance, Node line) {
        flag(line, instance, notes).ifPresent(v -> instancePriorityChanges.put(instance, v));
    }

    /** A notify_priority_changes line's flag; empty, with a note, for a word keepalived does not take. */
    static Optional<Boolean> flag(Node line, String where, Notes notes) {
        Boolean v = Values.flag(line);
        if (v == null) {
            notes.add(line, where + ": " + line.keyword() + " " + line.arg(0) + ": not true or false, so keepalived ignores it");
        }
        return Optional.ofNullable(v);
    }

    private Map<String, String> cfg(String keyword) {
        return fifos.computeIfAbsent(keyword, k -> new LinkedHashMap<>());
    }

    void write(Map<String, String> files, Collection<String> instances, SyncGroups syncGroups) {
        Map<String, List<String>> groups = instances.stream().filter(i -> syncGroups.groupOf(i) != null)
                .collect(Collectors.groupingBy(syncGroups::groupOf, LinkedHashMap::new, Collectors.toList()));
        String syncGroupsLine = groups.entrySet().stream().map(g -> g.getKey() + ": " + String.join(" ", g.getValue()))
                .collect(Collectors.joining(", "));
        String priorityChanges = instances.stream().filter(i -> notifiesPriorityChanges(i, syncGroups)).collect(Collectors.joining(", "));
        fifos.forEach((keyword, cfg) -> {
            if (!cfg.containsKey("fifo")) {
                Node script = scripts.get(keyword);
                notes.add(script, "global_defs " + script.keyword() + " without " + keyword + ": keepalived starts nothing either");
                return;
            }
            Map<String, String> out = new LinkedHashMap<>();
            out.put("vrrp.instance", "*");
            out.put("fifo", cfg.get("fifo"));
            cfg.forEach(out::putIfAbsent);
            if (!syncGroupsLine.isEmpty()) {
                out.put("syncGroups", syncGroupsLine);
            }
            if (!priorityChanges.isEmpty()) {
                out.put("priorityChanges", priorityChanges);
            }
            files.put("org.vrrpd.notify.fifo-" + keyword + ".cfg", ImportedFiles.format(out));
        });
    }

    private boolean notifiesPriorityChanges(String instance, SyncGroups syncGroups) {
        Boolean v = instancePriorityChanges.get(instance);
        String group = syncGroups.groupOf(instance);
        if (v == null && group != null) {
            v = syncGroups.notifiesPriorityChanges(group);
        }
        return Boolean.TRUE.equals(v != null ? v : globalPriorityChanges);
    }
}
