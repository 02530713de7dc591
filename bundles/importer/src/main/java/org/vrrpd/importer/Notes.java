package org.vrrpd.importer;

import java.util.ArrayList;
import java.util.List;
import org.vrrpd.importer.KeepalivedConf.Node;

/**
 * What an import did not carry over ("not imported: FILE:LINE: why") or carried over differently
 * from what the line says, the way keepalived itself would ("note: FILE:LINE: what"), in line order.
 */
final class Notes {
    private final List<String> lines = new ArrayList<>();

    /** The line, or part of it, is not imported. */
    void add(Node where, String why) {
        lines.add("not imported: " + where.where() + ": " + why);
    }

    /** The line is imported, with a change. */
    void changed(Node where, String what) {
        lines.add("note: " + where.where() + ": " + what);
    }

    List<String> lines() {
        return lines;
    }
}
