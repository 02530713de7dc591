package org.vrrpd.api.config;

import java.util.Map;

/**
 * One configuration file as FileInstall would hand it to ConfigAdmin.
 *
 * @param source where it came from, for the problem lines (e.g. {@code etc/org.vrrpd.lvs.cfg})
 * @param pid the PID, or for a factory configuration ({@code FACTORYPID-NAME.cfg}) the factory PID
 * @param properties its keys and their text values
 */
public record ConfigFile(String source, String pid, Map<String, String> properties) {
    public ConfigFile {
        properties = Map.copyOf(properties);
    }
}
