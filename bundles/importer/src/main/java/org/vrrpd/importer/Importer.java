package org.vrrpd.importer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.vrrpd.importer.KeepalivedConf.Node;

/**
 * Turns a keepalived.conf into vrrpd's configuration files (ConfigAdmin .cfg files for the etc/
 * folder): VRRP instances, track_interface and track_script checkers, notify scripts and the LVS
 * sync daemon. What has no equivalent is never dropped silently: each such line is listed.
 */
public final class Importer {
    /** The files to write (name → contents) and what was not carried over, one line each. */
    public record Result(Map<String, String> files, List<String> notes) {
    }

    private final Map<String, String> files = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();
    private final Map<String, Node> scripts = new HashMap<>();
    private final Map<String, String> syncGroups = new HashMap<>();

    private Importer() {
    }

    public static Result convert(Path keepalivedConf) throws IOException {
        Importer importer = new Importer();
        List<Node> top = KeepalivedConf.parse(keepalivedConf);
        for (Node n : top) {
            if (n.keyword().equals("vrrp_script") && n.arg(0) != null) {
                importer.scripts.put(n.arg(0), n);
            }
            if (n.keyword().equals("vrrp_sync_group") && n.arg(0) != null) {
                importer.syncGroup(n);
            }
        }
        for (Node n : top) {
            importer.topLevel(n);
        }
        return new Result(importer.files, importer.notes);
    }

    /** Writes the files into {@code etc}, replacing files of the same name. */
    public static void write(Result result, Path etc) throws IOException {
        Files.createDirectories(etc);
        for (Map.Entry<String, String> f : result.files().entrySet()) {
            Files.writeString(etc.resolve(f.getKey()), f.getValue());
        }
    }

    private void note(Node n, String what) {
        notes.add(n.where() + ": " + what);
    }

    private void topLevel(Node n) {
        switch (n.keyword()) {
            case "vrrp_instance" -> instance(n);
            case "vrrp_script" -> unusedScriptKeywords(n);
            case "global_defs" -> n.children().forEach(c -> note(c, "global_defs " + c.keyword() + ": ignored, vrrpd has no equivalent"));
            case "vrrp_sync_group" -> { } // read first: its members carry it
            case "virtual_server", "virtual_server_group", "real_server" -> note(n, n.keyword() + ": LVS virtual servers are not managed by vrrpd");
            default -> note(n, "'" + n.keyword() + "' not supported");
        }
    }

    private void syncGroup(Node group) {
        for (Node c : group.children()) {
            if (c.keyword().equals("group")) {
                c.children().forEach(member -> syncGroups.put(member.keyword(), group.arg(0)));
            } else {
                note(c, "vrrp_sync_group " + group.arg(0) + ": '" + c.keyword() + "' not supported (give notify scripts to its instances)");
            }
        }
    }

    private void unusedScriptKeywords(Node script) {
        for (Node c : script.children()) {
            if (!List.of("script", "interval", "timeout", "weight", "rise", "fall").contains(c.keyword())) {
                note(c, "vrrp_script " + script.arg(0) + ": '" + c.keyword() + "' not supported");
            }
        }
    }

    private void instance(Node block) {
        String name = block.arg(0);
        if (name == null) {
            note(block, "vrrp_instance without a name: skipped");
            return;
        }
        Map<String, String> cfg = new LinkedHashMap<>();
        cfg.put("name", name);
        Map<String, String> notify = new LinkedHashMap<>();
        List<Node> trackInterfaces = new ArrayList<>();
        List<Node> trackScripts = new ArrayList<>();
        String lvsInterface = null;
        for (Node c : block.children()) {
            String v = c.arg(0);
            switch (c.keyword()) {
                case "state" -> cfg.put("initialState", v == null ? "BACKUP" : v.toUpperCase(Locale.ROOT));
                case "interface" -> cfg.put("interfaceName", v);
                case "virtual_router_id" -> cfg.put("vrid", v);
                case "priority" -> cfg.put("priority", v);
                case "advert_int" -> {
                    if (v != null && v.matches("\\d+")) {
                        cfg.put("advertInterval", v);
                    } else {
                        note(c, name + ": advert_int " + v + " not supported (VRRPv2 takes whole seconds); 1 s used");
                    }
                }
                case "nopreempt" -> cfg.put("preempt", "false");
                case "preempt" -> cfg.put("preempt", "true");
                case "preempt_delay" -> cfg.put("preemptDelay", v);
                case "garp_master_delay" -> cfg.put("garpMasterDelay", v);
                case "garp_master_repeat" -> cfg.put("garpMasterRepeat", v);
                case "garp_master_refresh" -> cfg.put("garpMasterRefresh", v);
                case "authentication" -> authentication(name, c, cfg);
                case "virtual_ipaddress" -> cfg.put("virtualAddresses", addresses(name, c));
                case "track_interface" -> trackInterfaces.addAll(c.children());
                case "track_script" -> trackScripts.addAll(c.children());
                case "notify" -> notify.put("notify", v);
                case "notify_master" -> notify.put("notifyMaster", v);
                case "notify_backup" -> notify.put("notifyBackup", v);
                case "notify_fault" -> notify.put("notifyFault", v);
                case "notify_stop" -> notify.put("notifyStop", v);
                case "lvs_sync_daemon_interface", "lvs_sync_daemon" -> lvsInterface = v;
                case "version" -> {
                    if (!"2".equals(v)) {
                        note(c, name + ": version " + v + " not supported (vrrpd speaks VRRPv2)");
                    }
                }
                default -> note(c, name + ": '" + c.keyword() + "' not supported");
            }
        }
        if (syncGroups.containsKey(name)) {
            cfg.put("syncGroup", syncGroups.get(name));
        }
        files.put("org.vrrpd.vrrp.instance-" + name + ".cfg", properties(cfg));
        for (Node t : trackInterfaces) {
            Map<String, String> track = new LinkedHashMap<>();
            track.put("vrrp.instance", name);
            track.put("interfaceName", t.keyword());
            track.put("weight", weight(t, "0"));
            files.put("org.vrrpd.track.interface-" + name + "-" + t.keyword() + ".cfg", properties(track));
        }
        for (Node t : trackScripts) {
            trackScript(name, t);
        }
        if (!notify.isEmpty()) {
            Map<String, String> n = new LinkedHashMap<>();
            n.put("vrrp.instance", name);
            n.putAll(notify);
            files.put("org.vrrpd.notify.script-" + name + ".cfg", properties(n));
        }
        if (lvsInterface != null) {
            files.put("org.vrrpd.lvs.cfg", properties(Map.of("instance", name, "interfaceName", lvsInterface,
                    "syncId", cfg.getOrDefault("vrid", "0"))));
        }
    }

    private void authentication(String instance, Node block, Map<String, String> cfg) {
        for (Node c : block.children()) {
            switch (c.keyword()) {
                case "auth_type" -> cfg.put("authType", c.arg(0) == null ? "none" : c.arg(0).toLowerCase(Locale.ROOT));
                case "auth_pass" -> cfg.put("authPassword", c.arg(0));
                default -> note(c, instance + ": authentication '" + c.keyword() + "' not supported");
            }
        }
    }

    private String addresses(String instance, Node block) {
        List<String> out = new ArrayList<>();
        for (Node a : block.children()) {
            if (a.keyword().contains(":")) {
                note(a, instance + ": IPv6 address " + a.keyword() + " not supported (VRRPv2 carries IPv4)");
                continue;
            }
            out.add(a.keyword());
            if (!a.args().isEmpty()) {
                note(a, instance + ": virtual_ipaddress options " + a.args() + " not supported; the address goes on the instance's interface");
            }
        }
        return String.join(", ", out);
    }

    private void trackScript(String instance, Node reference) {
        Node script = scripts.get(reference.keyword());
        if (script == null) {
            note(reference, instance + ": track_script " + reference.keyword() + " names no vrrp_script");
            return;
        }
        Map<String, String> cfg = new LinkedHashMap<>();
        cfg.put("vrrp.instance", instance);
        String weight = "0";
        for (Node c : script.children()) {
            switch (c.keyword()) {
                case "script" -> cfg.put("script", String.join(" ", c.args()));
                case "interval", "timeout", "rise", "fall" -> cfg.put(c.keyword(), c.arg(0));
                case "weight" -> weight = c.arg(0);
                default -> { } // listed once, with the vrrp_script block
            }
        }
        cfg.put("weight", weight(reference, weight));
        files.put("org.vrrpd.track.script-" + instance + "-" + reference.keyword() + ".cfg", properties(cfg));
    }

    /** "weight W" after a track_* entry overrides the default. */
    private static String weight(Node entry, String fallback) {
        int i = entry.args().indexOf("weight");
        return i >= 0 && i + 1 < entry.args().size() ? entry.args().get(i + 1) : fallback;
    }

    /** The .cfg format FileInstall reads: key = value lines (backslashes escaped, as in java.util.Properties). */
    private static String properties(Map<String, String> values) {
        StringBuilder out = new StringBuilder("# imported from keepalived.conf by vrrp-import\n");
        values.forEach((k, v) -> out.append(k).append(" = ").append(v == null ? "" : v.replace("\\", "\\\\")).append('\n'));
        return out.toString();
    }
}
