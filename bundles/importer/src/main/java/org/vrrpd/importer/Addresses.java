package org.vrrpd.importer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vrrpd.importer.KeepalivedConf.Node;

/**
 * An instance's {@code virtual_ipaddress} and {@code virtual_ipaddress_excluded} blocks as
 * {@code virtualAddresses} and {@code excludedAddresses}: an address repeated in either is kept
 * once, as keepalived does; the advertised ones of the instance's family only, the excluded ones of either.
 * An address's options (dev, label, scope, brd) go with it.
 */
final class Addresses {
    /** keepalived's option words → the engine's option names. */
    private static final Map<String, String> OPTIONS = Map.of("dev", "dev", "label", "label", "scope", "scope", "brd", "brd",
            "broadcast", "brd");

    private final String instance;
    private final String interfaceName;
    /** The instance's family (keepalived's: its first address's, or native_ipv6). */
    private final boolean ipv6;
    private final Notes notes;
    /** Address without prefix → the first line's ADDRESS[/PREFIX], over both lists. */
    private final Map<String, String> seen = new LinkedHashMap<>();

    Addresses(String instance, String interfaceName, boolean ipv6, Notes notes) {
        this.instance = instance;
        this.interfaceName = interfaceName;
        this.ipv6 = ipv6;
        this.notes = notes;
    }

    /** The block's addresses, comma separated; {@code advertised} for virtual_ipaddress. */
    String read(Node block, boolean advertised) {
        StringBuilder out = new StringBuilder();
        for (Node a : block.children()) {
            if (advertised && a.keyword().contains(":") != ipv6) {
                notes.add(a, instance + ": " + (ipv6 ? "IPv4" : "IPv6") + " address " + a.keyword() + " in an " + (ipv6 ? "IPv6" : "IPv4")
                        + " instance (its family is its first address's" + (ipv6 ? " or native_ipv6" : "") + "): left out, as keepalived"
                        + " ignores it; give it an instance of its own");
                continue;
            }
            String first = seen.putIfAbsent(a.keyword().split("/", 2)[0], a.keyword());
            if (first != null) {
                notes.changed(a, instance + ": " + block.keyword() + " " + a.keyword() + " repeats " + first + ": imported once");
                continue;
            }
            out.append(out.isEmpty() ? "" : ", ").append(a.keyword()).append(options(a));
        }
        return out.toString();
    }

    /**
     * keepalived's {@code dev IF}, {@code label L}, {@code scope S} and {@code brd B} (or
     * {@code broadcast B}) as the engine's {@code ;dev=IF;label=L;scope=S;brd=B}; a dev naming the
     * instance's interface is left out, any other option is listed.
     */
    private String options(Node a) {
        Map<String, String> given = new LinkedHashMap<>();
        List<String> words = a.args();
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String option = OPTIONS.get(words.get(i));
            if (option == null || i + 1 == words.size()) {
                unknown.add(words.get(i));
            } else {
                given.put(option, words.get(++i));
            }
        }
        if (!unknown.isEmpty()) {
            notes.add(a, instance + ": virtual_ipaddress options " + unknown + " not supported (dev, label, scope and brd are)");
        }
        String on = given.getOrDefault("dev", interfaceName);
        if (given.containsKey("label") && on != null && !given.get("label").startsWith(on)) {
            notes.add(a, instance + ": label " + given.remove("label") + " does not start with " + on + ": the kernel refuses such a label");
        }
        if (on != null && on.equals(interfaceName)) {
            given.remove("dev");
        }
        StringBuilder out = new StringBuilder();
        given.forEach((option, value) -> out.append(';').append(option).append('=').append(value));
        return out.toString();
    }
}
