package org.vrrpd.importer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.vrrpd.importer.KeepalivedConf.Node;

/**
 * keepalived's {@code garp_group { garp_interval T  gna_interval T  interface IF | interfaces { IF ... } }}:
 * the spacing of gratuitous ARPs and Neighbor Advertisements on those interfaces, for every
 * instance there. vrrpd paces per instance ({@code garpInterval}, {@code gnaInterval}), so each
 * instance whose interface is in a group gets the group's values — an interval the group leaves
 * out is 0, as keepalived then paces nothing of that kind there, whatever the globals say. Read
 * before the instances (a group may come after them).
 */
final class GarpGroups {
    private record Intervals(String garp, String gna) {
    }

    private final Map<String, Intervals> byInterface = new HashMap<>();
    private final Notes notes;

    GarpGroups(List<Node> top, Notes notes) {
        this.notes = notes;
        top.stream().filter(n -> n.keyword().equals("garp_group")).forEach(this::read);
    }

    private void read(Node group) {
        String garp = null;
        String gna = null;
        List<String> interfaces = new ArrayList<>();
        for (Node c : group.children()) {
            switch (c.keyword()) {
                case "garp_interval" -> garp = c.arg(0);
                case "gna_interval" -> gna = c.arg(0);
                case "interface" -> interfaces.add(c.arg(0));
                case "interfaces" -> c.children().forEach(line -> {
                    interfaces.add(line.keyword());
                    interfaces.addAll(line.args());
                });
                default -> notes.add(c, "garp_group: '" + c.keyword() + "' not supported");
            }
        }
        if (garp == null && gna == null) {
            notes.add(group, "garp_group without garp_interval or gna_interval: keepalived removes it too");
            return;
        }
        if (interfaces.size() > 1) {
            notes.changed(group, "garp_group " + String.join(" ", interfaces) + ": each interface is paced on its own, not all of them "
                    + "together as keepalived's group does");
        }
        Intervals intervals = new Intervals(garp == null ? "0" : garp, gna == null ? "0" : gna);
        for (String name : interfaces) {
            if (name != null && byInterface.putIfAbsent(name, intervals) != null) {
                notes.add(group, "garp_group: " + name + " is in an earlier garp_group already; ignored here, as keepalived does");
            }
        }
    }

    /** The intervals of the group holding the instance's interface, if any (before the globals: the group wins there). */
    void into(Map<String, String> cfg) {
        Intervals i = byInterface.get(cfg.get("interfaceName"));
        if (i != null) {
            cfg.putIfAbsent("garpInterval", i.garp());
            cfg.putIfAbsent("gnaInterval", i.gna());
        }
    }
}
