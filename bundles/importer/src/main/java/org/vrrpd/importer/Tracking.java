package org.vrrpd.importer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vrrpd.importer.KeepalivedConf.Node;

/**
 * An instance's track_interface and track_script entries as checker configurations, with
 * keepalived 2.2's weights: {@code weight W [reverse]} in -253..253 (±254 become ±253, anything
 * else 0), a track_script entry defaulting to its vrrp_script's weight. Like keepalived, weights of a
 * sync-group member are ignored unless the group has {@code sync_group_tracking_weight} (a tracked
 * interface then faults the instance, a weighted script is dropped), and an address owner (priority
 * 255) drops every weighted track.
 */
final class Tracking {
    /** A weight and its direction, as the checkers' configurations take them. */
    record Weight(int weight, boolean reverse) {
        static final Weight NONE = new Weight(0, false);
    }

    private final Map<String, Node> scripts;
    private final Notes notes;
    private final Map<String, String> files;

    Tracking(Map<String, Node> scripts, Notes notes, Map<String, String> files) {
        this.scripts = scripts;
        this.notes = notes;
        this.files = files;
    }

    /**
     * Why keepalived ignores an instance's tracking weights: an owner's weighted tracks are not
     * tracked at all ({@code owner}); a sync-group member's weighted interfaces fault it and its
     * weighted scripts go, unless {@code cleared}: a sync group's own tracks with an owner among
     * its members keep tracking with weight 0 (sync_group_tracking_init).
     */
    record IgnoredWeights(String why, boolean owner, boolean cleared) {
        /** Null when the weights count; a sync group's rule comes first, as in keepalived. */
        static IgnoredWeights of(String syncGroupIgnoringWeights, boolean owner) {
            return syncGroupIgnoringWeights != null
                    ? new IgnoredWeights("it is in sync group " + syncGroupIgnoringWeights + " without sync_group_tracking_weight", false, false)
                    : owner ? new IgnoredWeights("it owns its addresses (priority 255)", true, false) : null;
        }

        static IgnoredWeights ownerInGroup(String group) {
            return new IgnoredWeights("a member of sync group " + group + " owns its addresses (priority 255)", false, true);
        }
    }

    void trackInterface(String instance, Node entry, IgnoredWeights ignored) {
        Weight w = entryWeight(instance, "track_interface " + entry.keyword(), entry, Weight.NONE);
        if (w == null) {
            return;
        }
        if (w.weight() != 0 && ignored != null) {
            notes.changed(entry, instance + ": track_interface " + entry.keyword() + " weight " + w.weight() + " ignored, as keepalived does: "
                    + ignored.why() + (ignored.owner() ? "; not tracked" : "; a down " + entry.keyword() + " faults the instance"));
            if (ignored.owner()) {
                return;
            }
            w = Weight.NONE;
        }
        Map<String, String> cfg = new LinkedHashMap<>();
        cfg.put("vrrp.instance", instance);
        cfg.put("interfaceName", entry.keyword());
        put(cfg, w);
        files.put("org.vrrpd.track.interface-" + instance + "-" + entry.keyword() + ".cfg", ImportedFiles.format(cfg));
    }

    void trackScript(String instance, Node entry, IgnoredWeights ignored) {
        Node script = scripts.get(entry.keyword());
        if (script == null) {
            notes.add(entry, instance + ": track_script " + entry.keyword() + " names no vrrp_script");
            return;
        }
        Weight w = entryWeight(instance, "track_script " + entry.keyword(), entry, scriptWeight(script));
        if (w == null) {
            return;
        }
        if (w.weight() != 0 && ignored != null) {
            if (!ignored.cleared()) {
                notes.add(entry, instance + ": track_script " + entry.keyword() + " with weight " + w.weight() + " ignored, as keepalived does: "
                        + ignored.why());
                return;
            }
            notes.changed(entry, instance + ": track_script " + entry.keyword() + " weight " + w.weight() + " is 0, as keepalived makes it: "
                    + ignored.why() + "; a failing " + entry.keyword() + " faults the instance");
            w = Weight.NONE;
        }
        Map<String, String> cfg = new LinkedHashMap<>();
        cfg.put("vrrp.instance", instance);
        for (Node c : script.children()) {
            switch (c.keyword()) {
                case "script" -> cfg.put("script", String.join(" ", c.args()));
                case "interval", "timeout" -> cfg.put(c.keyword(), seconds(script, c));
                case "rise", "fall" -> cfg.put(c.keyword(), c.arg(0));
                case "user" -> {
                    cfg.put("user", c.arg(0));
                    if (c.arg(1) != null) {
                        cfg.put("group", c.arg(1));
                    }
                }
                default -> { } // the weight below; the rest is listed once, with the vrrp_script block
            }
        }
        put(cfg, w);
        files.put("org.vrrpd.track.script-" + instance + "-" + entry.keyword() + ".cfg", ImportedFiles.format(cfg));
    }

    /** keepalived turns an interval or timeout of 0 into 1 s (the checker would refuse the one and read the other as "the interval"). */
    private String seconds(Node script, Node c) {
        if (c.arg(0) != null && c.arg(0).matches("0*(\\.0*)?")) {
            notes.changed(c, "vrrp_script " + script.arg(0) + ": " + c.keyword() + " " + c.arg(0) + " is 1 s, as keepalived makes it");
            return "1";
        }
        return c.arg(0);
    }

    private static void put(Map<String, String> cfg, Weight w) {
        cfg.put("weight", Integer.toString(w.weight()));
        if (w.reverse()) {
            cfg.put("reverse", "true");
        }
    }

    /** The vrrp_script's own {@code weight W [reverse]}, the default of its track_script entries. */
    private Weight scriptWeight(Node script) {
        Weight w = Weight.NONE;
        for (Node c : script.children()) {
            if (c.keyword().equals("weight")) {
                int value = range(c, "vrrp_script " + script.arg(0), c.arg(0), 253);
                boolean reverse = "reverse".equals(c.arg(1));
                if (c.arg(1) != null && !reverse) {
                    notes.add(c, "vrrp_script " + script.arg(0) + ": weight option '" + c.arg(1) + "' ignored, as keepalived does");
                }
                w = new Weight(value, reverse);
            }
        }
        return w;
    }

    /** A track entry's {@code weight W [reverse|noreverse]} after its name, or the default; null when keepalived drops the entry. */
    private Weight entryWeight(String instance, String what, Node entry, Weight fallback) {
        List<String> args = weightWords(instance, what, entry, notes);
        if (args == null || args.isEmpty()) {
            return args == null ? null : fallback;
        }
        int value = range(entry, instance + ": " + what, args.get(1), 254);
        if (Math.abs(value) == 254) {
            notes.changed(entry, instance + ": " + what + " weight " + value + " is " + Integer.signum(value) * 253 + ", as keepalived makes it");
            value = Integer.signum(value) * 253;
        }
        Boolean reverse = reverseOption(args, fallback.reverse());
        if (reverse == null) {
            notes.add(entry, instance + ": " + what + " weight option '" + args.get(2) + "' ignored, as keepalived does");
            reverse = fallback.reverse();
        }
        return new Weight(value, reverse);
    }

    /**
     * The words after a track entry's name (track_script, track_file, track_process): none, or
     * {@code weight W [OPTION]}; null, with keepalived's note, for anything else (it drops such an entry).
     */
    static List<String> weightWords(String instance, String what, Node entry, Notes notes) {
        List<String> args = entry.args();
        if (!args.isEmpty() && (!args.get(0).equals("weight") || args.size() < 2)) {
            notes.add(entry, instance + ": " + what + " " + String.join(" ", args) + ": not understood; keepalived ignores the entry, so does the import");
            return null;
        }
        return args;
    }

    /** The option after {@code weight W}: reverse or noreverse, {@code fallback} without one; null for another word. */
    static Boolean reverseOption(List<String> weightWords, boolean fallback) {
        if (weightWords.size() <= 2) {
            return fallback;
        }
        return switch (weightWords.get(2)) {
            case "reverse" -> true;
            case "noreverse" -> false;
            default -> null;
        };
    }

    /** A weight within ±max, else 0 (a FAULT on failure) with a note, as keepalived does. */
    private int range(Node where, String what, String value, int max) {
        try {
            int w = Integer.parseInt(value);
            if (Math.abs(w) <= max) {
                return w;
            }
        } catch (NumberFormatException e) {
            // noted below
        }
        notes.changed(where, what + " weight " + value + " is not within -253..253: 0 used, as keepalived does (FAULT when it fails)");
        return 0;
    }
}
