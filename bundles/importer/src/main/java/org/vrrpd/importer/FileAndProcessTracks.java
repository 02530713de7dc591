package org.vrrpd.importer;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.vrrpd.importer.KeepalivedConf.Node;

/**
 * keepalived's {@code track_file} (or {@code vrrp_track_file}) and {@code vrrp_track_process} blocks,
 * and an instance's {@code track_file} / {@code track_process} entries, as track-file and
 * track-process checker configurations, one per instance and entry, as keepalived 2.2.7 reads them:
 * a file's weight defaults to 1, a process's to 0 (FAULT when the quorum is lost; the man page says
 * 1, the code leaves 0), an entry's {@code weight W [reverse|noreverse]} in -254..254 overrides it.
 * For a sync-group member without sync_group_tracking_weight, and for an address owner, keepalived
 * makes a tracked file of weight 1 unweighted and drops one of any other weight.
 */
final class FileAndProcessTracks {
    private static final List<String> FILE_KEYWORDS = List.of("file", "weight", "init_file");
    private static final List<String> PROCESS_KEYWORDS = List.of("process", "param_match", "weight", "quorum", "quorum_max", "delay",
            "fork_delay", "terminate_delay", "full_command");

    private final Map<String, Node> trackedFiles = new HashMap<>();
    private final Map<String, Node> trackedProcesses = new HashMap<>();
    private final Notes notes;
    private final Map<String, String> files;

    FileAndProcessTracks(List<Node> top, Notes notes, Map<String, String> files) {
        this.notes = notes;
        this.files = files;
        for (Node n : top) {
            if (n.arg(0) != null && isFileBlock(n.keyword())) {
                trackedFiles.put(n.arg(0), n);
            } else if (n.arg(0) != null && n.keyword().equals("vrrp_track_process")) {
                trackedProcesses.put(n.arg(0), n);
            }
        }
    }

    static boolean isFileBlock(String keyword) {
        return keyword.equals("track_file") || keyword.equals("vrrp_track_file");
    }

    /** A top-level block: lists what the checkers do not read. */
    void declared(Node block) {
        List<String> known = isFileBlock(block.keyword()) ? FILE_KEYWORDS : PROCESS_KEYWORDS;
        for (Node c : block.children()) {
            if (!known.contains(c.keyword())) {
                notes.add(c, block.keyword() + " " + block.arg(0) + ": '" + c.keyword() + "' not supported");
            }
        }
    }

    void trackFile(String instance, Node entry, Tracking.IgnoredWeights ignored) {
        Node block = trackedFiles.get(entry.keyword());
        if (block == null) {
            notes.add(entry, instance + ": track_file " + entry.keyword() + " names no track_file block, as keepalived ignores it");
            return;
        }
        Tracking.Weight w = entryWeight(instance, "track_file " + entry.keyword(), entry, blockWeight(block, 1));
        if (w == null) {
            return;
        }
        if (ignored != null && w.weight() != 0) {
            if (w.weight() != 1) {
                notes.add(entry, instance + ": track_file " + entry.keyword() + " with weight " + w.weight() + " ignored, as keepalived does: "
                        + ignored.why());
                return;
            }
            notes.changed(entry, instance + ": track_file " + entry.keyword() + " weight 1 is 0, as keepalived makes it: " + ignored.why());
            w = Tracking.Weight.NONE;
        }
        Map<String, String> cfg = new LinkedHashMap<>();
        cfg.put("vrrp.instance", instance);
        for (Node c : block.children()) {
            switch (c.keyword()) {
                case "file" -> cfg.put("file", c.arg(0));
                case "init_file" -> initFile(c, cfg);
                default -> { } // the weight below; the rest is listed once, with the block
            }
        }
        put(cfg, w);
        files.put("org.vrrpd.track.file-" + instance + "-" + entry.keyword() + ".cfg", ImportedFiles.format(cfg));
    }

    void trackProcess(String instance, Node entry) {
        Node block = trackedProcesses.get(entry.keyword());
        if (block == null) {
            notes.add(entry, instance + ": track_process " + entry.keyword() + " names no vrrp_track_process, as keepalived ignores it");
            return;
        }
        Tracking.Weight w = entryWeight(instance, "track_process " + entry.keyword(), entry, blockWeight(block, 0));
        if (w == null) {
            return;
        }
        Map<String, String> cfg = new LinkedHashMap<>();
        cfg.put("vrrp.instance", instance);
        for (Node c : block.children()) {
            switch (c.keyword()) {
                case "process" -> cfg.put("process", c.args().stream().map(FileAndProcessTracks::quoted).collect(Collectors.joining(" ")));
                case "param_match" -> cfg.put("paramMatch", c.arg(0) == null ? "exact" : c.arg(0));
                case "full_command" -> cfg.put("fullCommand", "true");
                case "quorum" -> cfg.put("quorum", c.arg(0));
                case "quorum_max" -> cfg.put("quorumMax", c.arg(0));
                case "delay" -> cfg.put("delay", c.arg(0));
                case "fork_delay" -> cfg.put("forkDelay", c.arg(0));
                case "terminate_delay" -> cfg.put("terminateDelay", c.arg(0));
                default -> { } // the weight below; the rest is listed once, with the block
            }
        }
        put(cfg, w);
        files.put("org.vrrpd.track.process-" + instance + "-" + entry.keyword() + ".cfg", ImportedFiles.format(cfg));
    }

    /** {@code init_file [VALUE] [overwrite]}. */
    private static void initFile(Node c, Map<String, String> cfg) {
        cfg.put("initFile", "true");
        for (String word : c.args()) {
            if (word.equals("overwrite")) {
                cfg.put("initOverwrite", "true");
            } else {
                cfg.put("initValue", word);
            }
        }
    }

    /** A word as CommandLine.split reads it back. */
    private static String quoted(String word) {
        if (!word.isEmpty() && word.chars().noneMatch(ch -> Character.isWhitespace(ch) || ch == '"' || ch == '\'')) {
            return word;
        }
        return word.indexOf('"') < 0 ? "\"" + word + "\"" : "'" + word + "'";
    }

    private static void put(Map<String, String> cfg, Tracking.Weight w) {
        cfg.put("weight", Integer.toString(w.weight()));
        if (w.reverse()) {
            cfg.put("reverse", "true");
        }
    }

    /** The block's {@code weight W [reverse]}: keepalived keeps the default for one outside -254..254. */
    private Tracking.Weight blockWeight(Node block, int fallback) {
        Tracking.Weight w = new Tracking.Weight(fallback, false);
        for (Node c : block.children()) {
            if (c.keyword().equals("weight")) {
                Integer value = weight(c.arg(0));
                if (value == null) {
                    notes.changed(c, block.keyword() + " " + block.arg(0) + ": weight " + c.arg(0) + " is not within -254..254: "
                            + fallback + " used, as keepalived does");
                    value = fallback;
                }
                w = new Tracking.Weight(value, "reverse".equals(c.arg(1)));
            }
        }
        return w;
    }

    /** An entry's {@code weight W [reverse|noreverse]}, or the block's; null when keepalived drops the entry. */
    private Tracking.Weight entryWeight(String instance, String what, Node entry, Tracking.Weight fallback) {
        List<String> args = Tracking.weightWords(instance, what, entry, notes);
        if (args == null || args.isEmpty()) {
            return args == null ? null : fallback;
        }
        Integer value = weight(args.get(1));
        if (value == null) {
            notes.changed(entry, instance + ": " + what + " weight " + args.get(1) + " is not within -254..254: the block's "
                    + fallback.weight() + " used, as keepalived does");
            value = fallback.weight();
        }
        Boolean reverse = Tracking.reverseOption(args, fallback.reverse());
        if (reverse == null) {
            notes.add(entry, instance + ": " + what + " weight option '" + args.get(2) + "': keepalived ignores the entry, so does the import");
            return null;
        }
        return new Tracking.Weight(value, reverse);
    }

    private static Integer weight(String text) {
        try {
            int w = Integer.parseInt(text);
            return Math.abs(w) <= 254 ? w : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
