package org.vrrpd.importer;

import java.util.LinkedHashMap;
import java.util.Map;
import org.vrrpd.importer.KeepalivedConf.Node;

/**
 * An instance's {@code virtual_ipaddress} and {@code virtual_ipaddress_excluded} blocks as
 * {@code virtualAddresses} and {@code excludedAddresses}: an address repeated in either is kept
 * once, as keepalived does; IPv6 only where it is not advertised (a VRRPv2 advert carries IPv4).
 */
final class Addresses {
    private final String instance;
    private final String interfaceName;
    private final Notes notes;
    /** Address without prefix → the first line's ADDRESS[/PREFIX], over both lists. */
    private final Map<String, String> seen = new LinkedHashMap<>();

    Addresses(String instance, String interfaceName, Notes notes) {
        this.instance = instance;
        this.interfaceName = interfaceName;
        this.notes = notes;
    }

    /** The block's addresses, comma separated; {@code advertised} for virtual_ipaddress. */
    String read(Node block, boolean advertised) {
        StringBuilder out = new StringBuilder();
        for (Node a : block.children()) {
            if (advertised && a.keyword().contains(":")) {
                notes.add(a, instance + ": IPv6 address " + a.keyword() + " not supported in an advert (VRRPv2 carries IPv4; "
                        + "virtual_ipaddress_excluded takes it)");
                continue;
            }
            String first = seen.putIfAbsent(a.keyword().split("/", 2)[0], a.keyword());
            if (first != null) {
                notes.changed(a, instance + ": " + block.keyword() + " " + a.keyword() + " repeats " + first + ": imported once");
                continue;
            }
            options(a);
            out.append(out.isEmpty() ? "" : ", ").append(a.keyword());
        }
        return out.toString();
    }

    private void options(Node a) {
        if (a.args().size() == 2 && a.arg(0).equals("dev") && a.arg(1).equals(interfaceName)) {
            return; // the instance's own interface, where the address goes anyway
        }
        if (!a.args().isEmpty()) {
            notes.add(a, instance + ": virtual_ipaddress options " + a.args() + " not supported; the address goes on the instance's interface");
        }
    }
}
