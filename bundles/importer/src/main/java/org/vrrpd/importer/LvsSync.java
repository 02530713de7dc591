package org.vrrpd.importer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vrrpd.importer.KeepalivedConf.Node;

/**
 * keepalived's LVS sync daemon as {@code org.vrrpd.lvs.cfg}: {@code global_defs { lvs_sync_daemon
 * IF [inst] INSTANCE [id SYNCID | SYNCID] ... }} (keepalived ≥ 1.2.20), or the deprecated
 * per-instance {@code lvs_sync_daemon_interface IF}. As in keepalived the first one given wins, and
 * the sync id defaults to the instance's VRID.
 */
final class LvsSync {
    private final Notes notes;
    private Node declared;
    private String interfaceName;
    private String instance;
    private String syncId;

    LvsSync(Notes notes) {
        this.notes = notes;
    }

    /** The global form. */
    void global(Node line) {
        if (claimed(line) || line.arg(0) == null) {
            return;
        }
        interfaceName = line.arg(0);
        List<String> a = line.args();
        for (int i = 1; i < a.size(); i++) {
            String word = a.get(i);
            boolean hasValue = i + 1 < a.size();
            switch (word) {
                case "inst" -> instance = hasValue ? a.get(++i) : instance;
                case "id" -> syncId = hasValue ? a.get(++i) : syncId;
                case "maxlen", "port", "ttl", "group" -> {
                    notes.add(line, "lvs_sync_daemon " + word + (hasValue ? " " + a.get(++i) : "") + " not supported; the kernel's default is used");
                }
                default -> {
                    if (i == 1) {
                        instance = word; // lvs_sync_daemon IF INSTANCE [SYNCID]: the older order
                    } else if (i == 2) {
                        syncId = word;
                    } else {
                        notes.add(line, "lvs_sync_daemon option '" + word + "' not understood");
                    }
                }
            }
        }
        if (instance == null) {
            notes.add(line, "lvs_sync_daemon " + interfaceName + " names no vrrp_instance: not imported (vrrpd's sync daemon follows one)");
            interfaceName = null;
        }
    }

    /** The per-instance form, inside {@code instance}'s block. */
    void perInstance(Node line, String instanceName) {
        if (!claimed(line) && line.arg(0) != null) {
            interfaceName = line.arg(0);
            instance = instanceName;
        }
    }

    private boolean claimed(Node line) {
        if (declared != null) {
            notes.add(line, line.keyword() + ": the LVS sync daemon is already given at " + declared.where() + ": ignored, as keepalived does");
            return true;
        }
        declared = line;
        return false;
    }

    /** Adds org.vrrpd.lvs.cfg when a sync daemon was given for an imported instance; {@code vrids} by instance name. */
    void write(Map<String, String> vrids, Map<String, String> files) {
        if (interfaceName == null) {
            return;
        }
        if (!vrids.containsKey(instance)) {
            notes.add(declared, declared.keyword() + ": no vrrp_instance " + instance + ": not imported, as keepalived drops it");
            return;
        }
        Map<String, String> cfg = new LinkedHashMap<>();
        cfg.put("instance", instance);
        cfg.put("interfaceName", interfaceName);
        cfg.put("syncId", syncId != null ? syncId : vrids.get(instance));
        files.put("org.vrrpd.lvs.cfg", ImportedFiles.format(cfg));
    }
}
