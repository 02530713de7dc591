package org.vrrpd.importer;

import org.vrrpd.importer.KeepalivedConf.Node;

/** A keepalived value as the instance key takes it: a flag without a word is true, as keepalived's boolean keywords read. */
final class Values {
    private Values() {
    }

    /** keepalived's check_true_false: no word, true/on/yes or false/off/no; null for another word (keepalived ignores such a line). */
    static Boolean flag(Node line) {
        String v = line.arg(0);
        if (v == null || v.equalsIgnoreCase("true") || v.equalsIgnoreCase("on") || v.equalsIgnoreCase("yes")) {
            return true;
        }
        return v.equalsIgnoreCase("false") || v.equalsIgnoreCase("off") || v.equalsIgnoreCase("no") ? false : null;
    }

    static String of(String key, Node line) {
        String v = line.arg(0);
        if (key.equals("lowerPrioNoAdvert") || key.equals("higherPrioSendAdvert") || key.equals("strict")) {
            return v == null || v.equalsIgnoreCase("true") || v.equalsIgnoreCase("on") || v.equalsIgnoreCase("yes") ? "true" : "false";
        }
        return v;
    }
}
