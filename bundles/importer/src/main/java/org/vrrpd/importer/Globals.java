package org.vrrpd.importer;

import java.util.LinkedHashMap;
import java.util.Map;
import org.vrrpd.importer.KeepalivedConf.Node;

/**
 * global_defs keywords that are defaults of every vrrp_instance in keepalived: written into each
 * instance that does not set its own ({@code vrrp_garp_master_delay} → {@code garpMasterDelay},
 * {@code vrrp_strict} → {@code strict}, ...). {@code vrrp_version} and {@code lvs_sync_daemon} are
 * read elsewhere.
 */
final class Globals {
    /** keepalived's global keyword → the instance key it defaults. */
    private static final Map<String, String> INSTANCE_DEFAULTS = Map.ofEntries(Map.entry("vrrp_garp_master_delay", "garpMasterDelay"),
            Map.entry("vrrp_garp_master_repeat", "garpMasterRepeat"), Map.entry("vrrp_garp_master_refresh", "garpMasterRefresh"),
            Map.entry("vrrp_garp_master_refresh_repeat", "garpMasterRefreshRepeat"), Map.entry("vrrp_garp_lower_prio_delay", "garpLowerPrioDelay"),
            Map.entry("vrrp_garp_lower_prio_repeat", "garpLowerPrioRepeat"), Map.entry("vrrp_lower_prio_no_advert", "lowerPrioNoAdvert"),
            Map.entry("vrrp_higher_prio_send_advert", "higherPrioSendAdvert"), Map.entry("vrrp_startup_delay", "startupDelay"),
            Map.entry("vrrp_garp_interval", "garpInterval"), Map.entry("vrrp_gna_interval", "gnaInterval"));

    private final Map<String, String> defaults = new LinkedHashMap<>();

    /** Whether {@code line} (a global_defs child) is one of these; if so it is taken. */
    boolean read(Node line) {
        if (line.keyword().equals("vrrp_strict")) {
            defaults.put("strict", "true");
            return true;
        }
        String key = INSTANCE_DEFAULTS.get(line.keyword());
        if (key == null) {
            return false;
        }
        defaults.put(key, Values.of(key, line));
        return true;
    }

    /** Adds the defaults the instance does not set itself. */
    void into(Map<String, String> cfg) {
        defaults.forEach(cfg::putIfAbsent);
    }
}
