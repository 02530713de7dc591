package org.vrrpd.importer;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import org.vrrpd.importer.KeepalivedConf.Node;

/**
 * An instance's {@code version} (or global_defs {@code vrrp_version}) and {@code advert_int}, read
 * as keepalived does: VRRPv3 takes the interval in centiseconds (0.01..40.95 s); VRRPv2 counts whole
 * seconds, so keepalived rounds a fraction, and so does the import, saying so.
 */
record VersionAndInterval(int version, String advertInterval) {
    /** {@code ipv6}: the instance is IPv6 (its first address, or native_ipv6), which only VRRPv3 carries. */
    static VersionAndInterval of(String instance, Node version, Node defaultVersion, Node advertInt, boolean ipv6, Notes notes) {
        Node given = version != null ? version : defaultVersion;
        int v = 2;
        if (given != null) {
            if ("3".equals(given.arg(0))) {
                v = 3;
            } else if (!"2".equals(given.arg(0))) {
                notes.add(given, instance + ": version " + given.arg(0) + " does not exist (2 or 3); VRRPv2 used");
            }
        }
        if (ipv6 && v != 3) {
            if (given != null) { // without one, 2 is only the default: no note
                notes.changed(given, instance + ": an IPv6 instance: version 3 imported (VRRPv2 has no IPv6)");
            }
            v = 3;
        }
        if (advertInt == null) {
            return new VersionAndInterval(v, null);
        }
        BigDecimal seconds;
        try {
            seconds = new BigDecimal(advertInt.arg(0));
        } catch (NumberFormatException | NullPointerException e) {
            notes.add(advertInt, instance + ": advert_int " + advertInt.arg(0) + " is not a number; 1 s used");
            return new VersionAndInterval(v, null);
        }
        if (v == 3) {
            BigDecimal centis = seconds.setScale(2, RoundingMode.HALF_UP);
            if (centis.compareTo(new BigDecimal("0.01")) < 0 || centis.compareTo(new BigDecimal("40.95")) > 0) {
                notes.add(advertInt, instance + ": advert_int " + advertInt.arg(0) + " outside VRRPv3's 0.01..40.95 s; 1 s used");
                return new VersionAndInterval(v, null);
            }
            if (centis.compareTo(seconds) != 0) {
                notes.changed(advertInt, instance + ": advert_int " + advertInt.arg(0) + " rounded to " + centis.toPlainString()
                        + " s (VRRPv3 counts centiseconds)");
            }
            return new VersionAndInterval(v, centis.stripTrailingZeros().toPlainString());
        }
        BigDecimal whole = seconds.setScale(0, RoundingMode.HALF_UP).max(BigDecimal.ONE).min(BigDecimal.valueOf(255));
        if (whole.compareTo(seconds) != 0) {
            notes.changed(advertInt, instance + ": advert_int " + advertInt.arg(0) + " rounded to " + whole.toPlainString()
                    + " s, as keepalived does for VRRPv2 (which counts whole seconds; version 3 takes fractions)");
        }
        return new VersionAndInterval(v, whole.toPlainString());
    }

    void into(Map<String, String> cfg) {
        if (version == 3) {
            cfg.put("version", "3");
        }
        if (advertInterval != null) {
            cfg.put("advertInterval", advertInterval);
        }
    }
}
