package org.vrrpd.importer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.vrrpd.importer.KeepalivedConf.Node;

/**
 * Turns a keepalived.conf into vrrpd's configuration files (ConfigAdmin .cfg files for the etc/
 * folder): VRRP instances, track_interface, track_script, track_file and track_process checkers, notify
 * scripts and FIFOs, and the LVS sync daemon. What has no equivalent, or is carried over differently, is never passed over
 * silently: each such line is listed.
 */
public final class Importer {
    /** The files to write (name → contents) and what was not carried over or was changed, one line each (see {@link Notes}). */
    public record Result(Map<String, String> files, List<String> notes) {
    }

    private static final List<String> SCRIPT_KEYWORDS = List.of("script", "interval", "timeout", "weight", "rise", "fall", "user");

    private final Map<String, String> files = new LinkedHashMap<>();
    private final Notes notes = new Notes();
    private final Map<String, Node> scripts = new HashMap<>();
    private final Map<String, String> vrids = new HashMap<>();
    private final LvsSync lvs = new LvsSync(notes);
    private final Tracking tracking = new Tracking(scripts, notes, files);
    private final Globals globals = new Globals();
    private final NotifyFifos fifos = new NotifyFifos(notes);
    private final SnmpAgent snmp = new SnmpAgent(notes);
    private final EngineFile engine = new EngineFile(notes);
    private SyncGroups syncGroups;
    private FileAndProcessTracks fileAndProcess;
    /** global_defs vrrp_version: the instances' version unless they say otherwise. */
    private Node defaultVersion;

    private Importer() {
    }

    public static Result convert(Path keepalivedConf) throws IOException {
        Importer importer = new Importer();
        List<Node> top = KeepalivedConf.parse(keepalivedConf);
        Set<String> instances = new LinkedHashSet<>();
        Set<String> owners = new HashSet<>();
        for (Node n : top) {
            if (n.keyword().equals("vrrp_script") && n.arg(0) != null) {
                importer.scripts.put(n.arg(0), n);
            }
            if (n.keyword().equals("vrrp_instance") && n.arg(0) != null) {
                instances.add(n.arg(0));
                if (n.children().stream().anyMatch(c -> c.keyword().equals("priority") && "255".equals(c.arg(0)))) {
                    owners.add(n.arg(0));
                }
            }
            if (n.keyword().equals("global_defs")) {
                n.children().stream().filter(c -> c.keyword().equals("vrrp_version")).forEach(c -> importer.defaultVersion = c);
            }
        }
        importer.syncGroups = new SyncGroups(top, instances, owners, importer.notes);
        importer.fileAndProcess = new FileAndProcessTracks(top, importer.notes, importer.files);
        for (Node n : top) {
            importer.topLevel(n);
        }
        importer.syncGroups.writeNotify(importer.files);
        importer.lvs.write(importer.vrids, importer.files);
        importer.fifos.write(importer.files, instances, importer.syncGroups::groupOf);
        importer.snmp.write(importer.files);
        importer.engine.write(importer.files);
        return new Result(importer.files, importer.notes.lines());
    }

    /** Writes the files into {@code etc} (see {@link ImportedFiles}) and returns the lines to print. */
    public static List<String> write(Result result, Path etc) throws IOException {
        return ImportedFiles.report(ImportedFiles.write(result.files(), etc), etc);
    }

    private void topLevel(Node n) {
        switch (n.keyword()) {
            case "vrrp_instance" -> instance(n);
            case "vrrp_script" -> unusedScriptKeywords(n);
            case "global_defs" -> n.children().forEach(this::globalDefinition);
            case "vrrp_sync_group" -> { } // read first: its members carry it
            case "track_file", "vrrp_track_file", "vrrp_track_process" -> fileAndProcess.declared(n);
            case "virtual_server", "virtual_server_group", "real_server" -> notes.add(n, n.keyword() + ": LVS virtual servers are not managed by vrrpd");
            default -> notes.add(n, "'" + n.keyword() + "' not supported");
        }
    }

    private void globalDefinition(Node c) {
        if (c.keyword().equals("lvs_sync_daemon")) {
            lvs.global(c);
        } else if (!c.keyword().equals("vrrp_version") // read before the instances
                && !fifos.global(c) && !snmp.global(c) && !engine.global(c) && !globals.read(c)) {
            notes.add(c, "global_defs " + c.keyword() + ": ignored, vrrpd has no equivalent");
        }
    }

    private void unusedScriptKeywords(Node script) {
        for (Node c : script.children()) {
            if (!SCRIPT_KEYWORDS.contains(c.keyword())) {
                notes.add(c, "vrrp_script " + script.arg(0) + ": '" + c.keyword() + "' not supported");
            }
        }
    }

    private void instance(Node block) {
        String name = block.arg(0);
        if (name == null) {
            notes.add(block, "vrrp_instance without a name: skipped");
            return;
        }
        Map<String, String> cfg = new LinkedHashMap<>();
        cfg.put("name", name);
        NotifyScriptFiles notify = new NotifyScriptFiles(name, notes);
        List<Node> trackInterfaces = new ArrayList<>();
        List<Node> trackScripts = new ArrayList<>();
        List<Node> trackFiles = new ArrayList<>();
        List<Node> trackProcesses = new ArrayList<>();
        Node version = null;
        Node advertInt = null;
        Node refused = null;
        boolean ipv6 = ipv6(block);
        Addresses addresses = new Addresses(name, block.children().stream().filter(c -> c.keyword().equals("interface")).map(c -> c.arg(0))
                .findFirst().orElse(null), ipv6, notes);
        for (Node c : block.children()) {
            String v = c.arg(0);
            switch (c.keyword()) {
                case "state" -> cfg.put("initialState", v == null ? "BACKUP" : v.toUpperCase(Locale.ROOT));
                case "interface" -> cfg.put("interfaceName", v);
                case "virtual_router_id" -> cfg.put("vrid", v);
                case "priority" -> cfg.put("priority", v);
                case "advert_int" -> {
                    advertInt = c;
                    cfg.put("advertInterval", "1"); // its place in the file; the value once the version is known
                }
                case "nopreempt" -> cfg.put("preempt", "false");
                case "preempt" -> cfg.put("preempt", "true");
                case "preempt_delay" -> cfg.put("preemptDelay", v);
                case "garp_master_delay" -> cfg.put("garpMasterDelay", v);
                case "garp_master_repeat" -> cfg.put("garpMasterRepeat", v);
                case "garp_master_refresh" -> cfg.put("garpMasterRefresh", v);
                case "garp_master_refresh_repeat" -> cfg.put("garpMasterRefreshRepeat", v);
                case "garp_lower_prio_repeat" -> cfg.put("garpLowerPrioRepeat", v);
                case "garp_lower_prio_delay" -> cfg.put("garpLowerPrioDelay", v);
                case "lower_prio_no_advert" -> cfg.put("lowerPrioNoAdvert", Values.of("lowerPrioNoAdvert", c));
                case "higher_prio_send_advert" -> cfg.put("higherPrioSendAdvert", Values.of("higherPrioSendAdvert", c));
                case "strict_mode" -> cfg.put("strict", Values.of("strict", c));
                case "virtual_routes", "virtual_rules" -> notes.add(c, name + ": '" + c.keyword() + "' not supported: vrrpd moves addresses, "
                        + "not routes or rules");
                case "authentication" -> authentication(name, c, cfg);
                case "virtual_ipaddress" -> cfg.put("virtualAddresses", addresses.read(c, true));
                case "virtual_ipaddress_excluded" -> cfg.put("excludedAddresses", addresses.read(c, false));
                case "native_ipv6" -> { } // read by ipv6()
                case "track_interface" -> trackInterfaces.addAll(c.children());
                case "track_script" -> trackScripts.addAll(c.children());
                case "track_file" -> trackFiles.addAll(c.children());
                case "track_process" -> trackProcesses.addAll(c.children());
                case "notify", "notify_master", "notify_backup", "notify_fault", "notify_stop" -> notify.add(c);
                case "lvs_sync_daemon_interface" -> lvs.perInstance(c, name);
                case "unicast_src_ip" -> cfg.put("unicastSource", v);
                case "unicast_ttl" -> cfg.put("unicastTtl", v);
                case "unicast_peer" -> cfg.put("unicastPeers", UnicastPeers.of(name, c, notes));
                case "use_vmac" -> refused = useVmac(name, c, cfg) ? refused : c;
                case "vmac_xmit_base" -> cfg.put("vmacXmitBase", "true");
                case "version" -> version = c;
                default -> notes.add(c, name + ": '" + c.keyword() + "' not supported");
            }
        }
        if (refused != null) {
            // written with the RFC's MAC it would answer with another MAC than keepalived's: better not at all
            notes.add(refused, name + ": use_vmac with a MAC address of its own is not supported (vrrpd uses the RFC's "
                    + "00:00:5e:00:01:VRID), so the instance is not imported");
            return;
        }
        VersionAndInterval.of(name, version, defaultVersion, advertInt, ipv6, notes).into(cfg);
        String group = syncGroups.groupOf(name);
        if (group != null) {
            cfg.put("syncGroup", group);
        }
        globals.into(cfg);
        if (!new Resets(name, block, notes).apply(cfg)) {
            return;
        }
        files.put("org.vrrpd.vrrp.instance-" + name + ".cfg", ImportedFiles.format(cfg));
        vrids.put(name, cfg.getOrDefault("vrid", "0"));
        Tracking.IgnoredWeights ignored = Tracking.IgnoredWeights.of(syncGroups.ignoresWeights(name) ? group : null,
                "255".equals(cfg.get("priority")));
        trackInterfaces.forEach(t -> tracking.trackInterface(name, t, ignored));
        trackScripts.forEach(t -> tracking.trackScript(name, t, ignored));
        trackFiles.forEach(t -> fileAndProcess.trackFile(name, t, ignored));
        trackProcesses.forEach(t -> fileAndProcess.trackProcess(name, t));
        if (group != null) {
            Tracking.IgnoredWeights groupIgnored = syncGroups.hasOwner(group) ? Tracking.IgnoredWeights.ownerInGroup(group) : null;
            syncGroups.trackInterfaces(group).forEach(t -> tracking.trackInterface(name, t, groupIgnored));
            syncGroups.trackScripts(group).forEach(t -> tracking.trackScript(name, t, groupIgnored));
            syncGroups.trackFiles(group).forEach(t -> fileAndProcess.trackFile(name, t, groupIgnored));
            syncGroups.trackProcesses(group).forEach(t -> fileAndProcess.trackProcess(name, t));
        }
        notify.write(files);
    }

    /**
     * keepalived's {@code use_vmac [[name] NAME] [MAC] [netlink_notify_msg] [group GROUP]}: the name
     * (default vrrp.VRID) becomes useVmac; false when a MAC is given, which vrrpd cannot honour.
     */
    private boolean useVmac(String instance, Node line, Map<String, String> cfg) {
        String vmacName = "true";
        List<String> args = line.args();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.contains(":")) {
                return false;
            } else if (a.equals("netlink_notify_msg")) {
                notes.add(line, instance + ": use_vmac netlink_notify_msg ignored (vrrpd reads the kernel's own link messages)");
            } else if (a.equals("group")) {
                i++;
                notes.add(line, instance + ": use_vmac group not supported; the VMAC is in the default link group");
            } else if (a.equals("name") && i + 1 < args.size()) {
                vmacName = args.get(++i);
            } else {
                vmacName = a;
            }
        }
        cfg.put("useVmac", vmacName);
        return true;
    }

    private void authentication(String instance, Node block, Map<String, String> cfg) {
        for (Node c : block.children()) {
            switch (c.keyword()) {
                case "auth_type" -> cfg.put("authType", c.arg(0) == null ? "none" : c.arg(0).toLowerCase(Locale.ROOT));
                case "auth_pass" -> cfg.put("authPassword", password(instance, c));
                default -> notes.add(c, instance + ": authentication '" + c.keyword() + "' not supported");
            }
        }
    }

    /** keepalived keeps the first 8 bytes of auth_pass (with a warning): so does the import, or the peers would disagree. */
    private String password(String instance, Node line) {
        String pass = line.arg(0) == null ? "" : line.arg(0);
        if (pass.getBytes(StandardCharsets.UTF_8).length <= 8) {
            return pass;
        }
        StringBuilder first = new StringBuilder();
        int bytes = 0;
        for (int cp : pass.codePoints().toArray()) {
            bytes += Character.toString(cp).getBytes(StandardCharsets.UTF_8).length;
            if (bytes > 8) {
                break;
            }
            first.appendCodePoint(cp);
        }
        notes.changed(line, instance + ": auth_pass is longer than 8 bytes: only its first 8 are imported, as keepalived uses");
        return first.toString();
    }

    /** keepalived's instance family: IPv6 with native_ipv6, else its first virtual address's. */
    private static boolean ipv6(Node block) {
        if (block.children().stream().anyMatch(n -> n.keyword().equals("native_ipv6"))) {
            return true;
        }
        return block.children().stream().filter(n -> n.keyword().equals("virtual_ipaddress") && !n.children().isEmpty()).findFirst()
                .map(n -> n.children().get(0).keyword().contains(":")).orElse(false);
    }
}
