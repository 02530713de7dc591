package org.vrrpd.importer;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.vrrpd.importer.KeepalivedConf.Node;

/**
 * What keepalived's vrrp_complete_instance resets in a configuration it starts anyway, done to the
 * imported instance with a note, so it runs as keepalived runs it rather than being refused:
 * strict mode's ({@code vrrp_strict} / {@code strict_mode}) refusals and a preempt_delay beside
 * nopreempt. A strict instance with unicast peers keepalived refuses: so does the import.
 */
final class Resets {
    private final String instance;
    private final Node block;
    private final Notes notes;

    Resets(String instance, Node block, Notes notes) {
        this.instance = instance;
        this.block = block;
        this.notes = notes;
    }

    /** Applies them to {@code cfg}; false when keepalived would not run the instance at all. */
    boolean apply(Map<String, String> cfg) {
        if ("true".equals(cfg.get("strict"))) {
            if (cfg.containsKey("unicastPeers")) {
                notes.add(line("unicast_peer"), instance + ": unicast peers in strict mode: keepalived refuses the configuration, so the "
                        + "instance is not imported");
                return false;
            }
            strict(cfg);
        } else {
            cfg.remove("strict");
        }
        if ("false".equals(cfg.get("preempt")) && cfg.containsKey("preemptDelay")) {
            cfg.remove("preemptDelay");
            notes.changed(line("preempt_delay"), instance + ": preempt_delay with nopreempt: ignored, as keepalived does");
        }
        return true;
    }

    private void strict(Map<String, String> cfg) {
        String auth = cfg.getOrDefault("authType", "none");
        if (!auth.equals("none")) {
            cfg.remove("authType");
            cfg.remove("authPassword");
            notes.changed(line("authentication"), instance + ": authentication in strict mode: ignored, as keepalived does");
        }
        if ("MASTER".equals(cfg.get("initialState")) && !"255".equals(cfg.get("priority"))) {
            cfg.put("initialState", "BACKUP");
            notes.changed(line("state"), instance + ": state MASTER in strict mode is the address owner's only: BACKUP, as keepalived makes it");
        }
        reset(cfg, "preemptDelay", "preempt_delay", "0");
        reset(cfg, "garpLowerPrioRepeat", "garp_lower_prio_repeat", "0");
        reset(cfg, "garpLowerPrioDelay", "garp_lower_prio_delay", "0");
        reset(cfg, "lowerPrioNoAdvert", "lower_prio_no_advert", "true");
        reset(cfg, "higherPrioSendAdvert", "higher_prio_send_advert", "false");
    }

    /** A value strict mode does not allow goes (the engine's strict default is keepalived's); keepalived says so, as does the note. */
    private void reset(Map<String, String> cfg, String key, String keyword, String allowed) {
        String value = cfg.get(key);
        if (value != null && !value.toLowerCase(Locale.ROOT).equals(allowed)) {
            cfg.remove(key);
            notes.changed(line(keyword), instance + ": " + keyword + " " + value + " in strict mode: reset, as keepalived does");
        }
    }

    /** The instance's line with {@code keyword}, else its global default's place: the block. */
    private Node line(String keyword) {
        Optional<Node> own = block.children().stream().filter(c -> c.keyword().equals(keyword)).findFirst();
        return own.orElse(block);
    }
}
