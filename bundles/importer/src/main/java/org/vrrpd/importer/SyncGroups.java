package org.vrrpd.importer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.vrrpd.importer.KeepalivedConf.Node;

/**
 * keepalived's vrrp_sync_group blocks: which group each instance belongs to, whether the group
 * lets its members' tracking weights count ({@code sync_group_tracking_weight}; keepalived ignores
 * them otherwise), and the group's own {@code track_interface} / {@code track_script} /
 * {@code track_file} / {@code track_process} entries,
 * which keepalived adds to every member with their weights (0 when a member owns its addresses),
 * and its notify scripts (run on the group's own changes).
 * Members come from {@code group { ... }}, or — the old syntax — are listed directly in the block;
 * words on one line are several members, as keepalived reads value blocks.
 */
final class SyncGroups {
    /** A sync group's notify scripts (its notify_priority_changes is no script). */
    private static final List<String> GROUP_SCRIPTS = List.of("notify", "notify_master", "notify_backup", "notify_fault", "notify_stop");

    private final Map<String, String> groupOf = new HashMap<>();
    private final Set<String> weighted = new HashSet<>();
    private final Set<String> withOwner = new HashSet<>();
    private final Map<String, List<Node>> trackInterfaces = new HashMap<>();
    private final Map<String, List<Node>> trackScripts = new HashMap<>();
    private final Map<String, List<Node>> trackFiles = new HashMap<>();
    private final Map<String, List<Node>> trackProcesses = new HashMap<>();
    /** Group → its notify_priority_changes, where it says. */
    private final Map<String, Boolean> priorityChanges = new HashMap<>();
    /** Group → its block, for the groups with notify scripts. */
    private final Map<String, Node> withNotify = new LinkedHashMap<>();
    private final Notes notes;

    SyncGroups(List<Node> top, Set<String> instances, Set<String> owners, Notes notes) {
        this.notes = notes;
        for (Node block : top) {
            if (block.keyword().equals("vrrp_sync_group") && block.arg(0) != null) {
                read(block, instances, notes);
            }
        }
        owners.stream().map(groupOf::get).filter(g -> g != null).forEach(withOwner::add);
    }

    private void read(Node block, Set<String> instances, Notes notes) {
        String group = block.arg(0);
        for (Node c : block.children()) {
            switch (c.keyword()) {
                case "group" -> c.children().forEach(member -> words(member).forEach(name -> join(name, group, member, notes)));
                case "sync_group_tracking_weight" -> weighted.add(group);
                case "track_interface" -> trackInterfaces.computeIfAbsent(group, g -> new ArrayList<>()).addAll(c.children());
                case "track_script" -> trackScripts.computeIfAbsent(group, g -> new ArrayList<>()).addAll(c.children());
                case "track_file" -> trackFiles.computeIfAbsent(group, g -> new ArrayList<>()).addAll(c.children());
                case "track_process" -> trackProcesses.computeIfAbsent(group, g -> new ArrayList<>()).addAll(c.children());
                case "notify", "notify_master", "notify_backup", "notify_fault", "notify_stop" -> withNotify.put(group, block);
                case "notify_priority_changes" -> NotifyFifos.flag(c, "vrrp_sync_group " + group, notes).ifPresent(v -> priorityChanges.put(group, v));
                default -> {
                    if (instances.contains(c.keyword())) {
                        notes.changed(c, "vrrp_sync_group " + group + ": members without a 'group { }' block (old syntax): imported as members");
                        words(c).forEach(name -> join(name, group, c, notes));
                    } else {
                        notes.add(c, "vrrp_sync_group " + group + ": '" + c.keyword() + "' not supported (give it to its instances)");
                    }
                }
            }
        }
    }

    /** The groups' notify-script files, for the members that stayed in the group. */
    void writeNotify(Map<String, String> files) {
        withNotify.forEach((group, block) -> {
            List<String> members = groupOf.entrySet().stream().filter(e -> e.getValue().equals(group)).map(Map.Entry::getKey).sorted().toList();
            NotifyScriptFiles scripts = NotifyScriptFiles.ofGroup(group, members, notes);
            block.children().stream().filter(c -> GROUP_SCRIPTS.contains(c.keyword())).forEach(scripts::add);
            scripts.write(files);
        });
    }

    private void join(String instance, String group, Node where, Notes notes) {
        String before = groupOf.putIfAbsent(instance, group);
        if (before != null && !before.equals(group)) {
            notes.add(where, "vrrp_sync_group " + group + ": " + instance + " is already in " + before + ": kept there");
        }
    }

    private static Stream<String> words(Node line) {
        return Stream.concat(Stream.of(line.keyword()), line.args().stream());
    }

    /** The instance's group, or null. */
    String groupOf(String instance) {
        return groupOf.get(instance);
    }

    /** The group's notify_priority_changes, null where it says nothing. */
    Boolean notifiesPriorityChanges(String group) {
        return priorityChanges.get(group);
    }

    /** Whether keepalived ignores the instance's tracking weights: it is in a group without sync_group_tracking_weight. */
    boolean ignoresWeights(String instance) {
        String group = groupOf.get(instance);
        return group != null && !weighted.contains(group);
    }

    /** Whether a member of the group owns its addresses: keepalived then clears the weights of the group's own tracks. */
    boolean hasOwner(String group) {
        return withOwner.contains(group);
    }

    List<Node> trackInterfaces(String group) {
        return trackInterfaces.getOrDefault(group, List.of());
    }

    List<Node> trackScripts(String group) {
        return trackScripts.getOrDefault(group, List.of());
    }

    List<Node> trackFiles(String group) {
        return trackFiles.getOrDefault(group, List.of());
    }

    List<Node> trackProcesses(String group) {
        return trackProcesses.getOrDefault(group, List.of());
    }
}
