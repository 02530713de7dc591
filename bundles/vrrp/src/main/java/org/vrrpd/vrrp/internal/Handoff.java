package org.vrrpd.vrrp.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.vrrpd.api.vrrp.VirtualAddress;
import org.vrrpd.api.vrrp.VrrpState;

/**
 * What one incarnation of the engine bundle hands the next about an instance when the bundle is
 * updated (not when the framework stops): its state, where its AH sequence got to, its addresses
 * and when. Kept in the bundle's persistent storage, which survives an update.
 */
record Handoff(String name, String interfaceName, int vrid, VrrpState state, long authContinuation, List<VirtualAddress> addresses,
               long savedAtMillis) {

    /** Whether the instance configured as {@code s} may take this over at {@code nowMillis}: same identity, and no backup can have taken over yet. */
    boolean fits(InstanceSettings s, long nowMillis) {
        return interfaceName.equals(s.addressInterface()) && vrid == s.vrid()
                && (state == VrrpState.MASTER || state == VrrpState.BACKUP)
                && nowMillis - savedAtMillis < Timing.masterDown(s.version(), s.priority(), s.advertCentis()) / 1_000_000;
    }

    static void save(Path file, Collection<Handoff> handoffs) throws IOException {
        Properties p = new Properties();
        List<String> names = new ArrayList<>();
        for (Handoff h : handoffs) {
            names.add(h.name);
            p.setProperty(h.name + ".interface", h.interfaceName);
            p.setProperty(h.name + ".vrid", Integer.toString(h.vrid));
            p.setProperty(h.name + ".state", h.state.name());
            p.setProperty(h.name + ".authContinuation", Long.toString(h.authContinuation));
            p.setProperty(h.name + ".addresses", String.join(",", h.addresses.stream().map(VirtualAddress::toString).toList()));
            p.setProperty(h.name + ".savedAt", Long.toString(h.savedAtMillis));
        }
        p.setProperty("instances", String.join(",", names));
        try (Writer w = Files.newBufferedWriter(file)) {
            p.store(w, "VRRP instances handed over across an update of the engine bundle");
        }
    }

    /** Reads and deletes the file; an absent or unreadable one hands over nothing. */
    static Map<String, Handoff> take(Path file) throws IOException {
        Map<String, Handoff> out = new HashMap<>();
        if (!Files.exists(file)) {
            return out;
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        } finally {
            Files.delete(file);
        }
        for (String name : p.getProperty("instances", "").split(",")) {
            if (name.isEmpty()) {
                continue;
            }
            String addresses = p.getProperty(name + ".addresses", "");
            out.put(name, new Handoff(name, p.getProperty(name + ".interface"), Integer.parseInt(p.getProperty(name + ".vrid")),
                    VrrpState.valueOf(p.getProperty(name + ".state")), Long.parseLong(p.getProperty(name + ".authContinuation")),
                    addresses.isEmpty() ? List.of() : Arrays.stream(addresses.split(",")).map(VirtualAddress::parse).toList(), Long.parseLong(p.getProperty(name + ".savedAt"))));
        }
        return out;
    }
}
