package org.vrrpd.importer;

import java.util.LinkedHashMap;
import java.util.Map;
import org.vrrpd.importer.KeepalivedConf.Node;

/**
 * global_defs keywords of the VRRP process as a whole, as the engine's {@code org.vrrpd.vrrp.cfg}:
 * {@code vrrp_rt_priority} → {@code realtimePriority} (SCHED_RR for the engine's loop thread, where
 * keepalived raises its whole VRRP process).
 */
final class EngineFile {
    private final Notes notes;
    private final Map<String, String> cfg = new LinkedHashMap<>();

    EngineFile(Notes notes) {
        this.notes = notes;
    }

    /** A global_defs line; false when it is not one of these keywords. */
    boolean global(Node c) {
        if (!c.keyword().equals("vrrp_rt_priority")) {
            return false;
        }
        String value = c.arg(0);
        int priority;
        try {
            priority = Integer.parseInt(String.valueOf(value));
        } catch (NumberFormatException e) {
            priority = -1;
        }
        if (priority < 1 || priority > 99) {
            notes.add(c, "global_defs vrrp_rt_priority " + value + ": not a SCHED_RR priority 1..99");
        } else {
            cfg.put("realtimePriority", String.valueOf(priority));
        }
        return true;
    }

    void write(Map<String, String> files) {
        if (!cfg.isEmpty()) {
            files.put("org.vrrpd.vrrp.cfg", ImportedFiles.format(cfg));
        }
    }
}
