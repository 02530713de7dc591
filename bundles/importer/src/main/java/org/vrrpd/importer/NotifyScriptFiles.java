package org.vrrpd.importer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vrrpd.importer.KeepalivedConf.Node;

/**
 * An instance's notify scripts as notify-script configurations. keepalived's
 * {@code notify_master SCRIPT [USER [GROUP]]}: the script (quoted when it has arguments), then the
 * user and group it runs as. One configuration runs as one user, so scripts with different users
 * go into one file each (FILE-as-USER.cfg). A sync group's scripts are the group's
 * ({@code syncGroup}, its members as {@code vrrp.instance}), in {@code group-NAME} files.
 */
final class NotifyScriptFiles {
    private static final Map<String, String> KEYS = Map.of("notify", "notify", "notify_master", "notifyMaster",
            "notify_backup", "notifyBackup", "notify_fault", "notifyFault", "notify_stop", "notifyStop",
            "notify_master_rx_lower_pri", "notifyMasterRxLowerPri");

    private record RunAs(String user, String group) {
        String suffix() {
            return user == null ? "" : "-as-" + user + (group == null ? "" : "-" + group);
        }
    }

    private final String instance;
    private final String fileName;
    private final Map<String, String> target;
    private final Notes notes;
    private final Map<RunAs, Map<String, String>> byUser = new LinkedHashMap<>();

    NotifyScriptFiles(String instance, Notes notes) {
        this(instance, instance, Map.of("vrrp.instance", instance), notes);
    }

    private NotifyScriptFiles(String instance, String fileName, Map<String, String> target, Notes notes) {
        this.instance = instance;
        this.fileName = fileName;
        this.target = target;
        this.notes = notes;
    }

    /** A sync group's notify scripts, run when the group's state changes. */
    static NotifyScriptFiles ofGroup(String group, List<String> members, Notes notes) {
        Map<String, String> target = new LinkedHashMap<>();
        target.put("vrrp.instance", String.join(", ", members));
        target.put("syncGroup", group);
        return new NotifyScriptFiles("vrrp_sync_group " + group, "group-" + group, target, notes);
    }

    void add(Node line) {
        if (line.arg(0) == null) {
            notes.add(line, instance + ": " + line.keyword() + " without a script: skipped");
            return;
        }
        if (line.args().size() > 3) {
            notes.add(line, instance + ": " + line.keyword() + ": words after SCRIPT USER GROUP ignored (quote a script with arguments)");
        }
        RunAs as = new RunAs(line.arg(1), line.arg(2));
        byUser.computeIfAbsent(as, u -> new LinkedHashMap<>()).put(KEYS.get(line.keyword()), line.arg(0));
        if (byUser.size() == 2 && byUser.get(as).size() == 1) {
            notes.changed(line, instance + ": notify scripts run as different users: one notify-script file each; between the files"
                    + " the order is not kept");
        }
    }

    void write(Map<String, String> files) {
        byUser.forEach((as, scripts) -> {
            Map<String, String> cfg = new LinkedHashMap<>(target);
            cfg.putAll(scripts);
            if (as.user() != null) {
                cfg.put("user", as.user());
            }
            if (as.group() != null) {
                cfg.put("group", as.group());
            }
            files.put("org.vrrpd.notify.script-" + fileName + as.suffix() + ".cfg", ImportedFiles.format(cfg));
        });
    }
}
