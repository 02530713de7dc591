package org.vrrpd.importer;

import org.vrrpd.importer.KeepalivedConf.Node;

/** A keepalived value as the instance key takes it: a flag without a word is true, as keepalived's boolean keywords read. */
final class Values {
    private Values() {
    }

    static String of(String key, Node line) {
        String v = line.arg(0);
        if (key.equals("lowerPrioNoAdvert") || key.equals("higherPrioSendAdvert") || key.equals("strict")) {
            return v == null || v.equalsIgnoreCase("true") || v.equalsIgnoreCase("on") || v.equalsIgnoreCase("yes") ? "true" : "false";
        }
        return v;
    }
}
