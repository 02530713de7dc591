package org.vrrpd.vrrp.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The running instances by name, and the rules that keep names and (interface, family, VRID) unique. Loop thread only. */
final class InstanceRegistry {
    private final Map<String, VrrpInstance> byName = new LinkedHashMap<>();

    VrrpInstance get(String name) {
        return byName.get(name);
    }

    Collection<VrrpInstance> all() {
        return byName.values();
    }

    void put(VrrpInstance instance) {
        byName.put(instance.name(), instance);
    }

    VrrpInstance remove(String name) {
        return byName.remove(name);
    }

    /**
     * Rejects a name or (interface, VRID) that an instance other than {@code replacing} holds.
     *
     * @throws InstanceSettings.InvalidSetting naming the key, the value and the instance in the way
     */
    void checkConflicts(InstanceSettings s, String replacing) {
        for (VrrpInstance other : byName.values()) {
            if (!other.name().equals(replacing)) {
                InstanceSettings.InvalidSetting conflict = conflict(s, other.settings());
                if (conflict != null) {
                    throw conflict;
                }
            }
        }
    }

    /** Why {@code s} cannot run beside {@code other} (one name, or one VRID of one family on one interface: RFC 5798's IPv4 and IPv6 routers are separate), or null; the config check asks too. */
    static InstanceSettings.InvalidSetting conflict(InstanceSettings s, InstanceSettings other) {
        if (other.name().equals(s.name())) {
            return new InstanceSettings.InvalidSetting("VRRP instance " + s.name() + ": name = " + s.name()
                    + " rejected: another configuration already uses it");
        }
        if (other.interfaceName().equals(s.interfaceName()) && other.vrid() == s.vrid() && other.ipv6() == s.ipv6()) {
            return new InstanceSettings.InvalidSetting("VRRP instance " + s.name() + ": vrid = " + s.vrid()
                    + " rejected: instance " + other.name() + " already uses it on " + s.interfaceName() + (s.ipv6() ? " for IPv6" : ""));
        }
        return null;
    }

    List<VrrpInstance> on(String interfaceName) {
        List<VrrpInstance> on = new ArrayList<>();
        for (VrrpInstance i : byName.values()) {
            if (i.settings().interfaceName().equals(interfaceName)) {
                on.add(i);
            }
        }
        return on;
    }

    /** The other members of {@code instance}'s sync group (none when it has no group). */
    List<VrrpInstance> groupPeers(VrrpInstance instance) {
        List<VrrpInstance> out = new ArrayList<>();
        String group = instance.settings().syncGroup();
        if (group.isEmpty()) {
            return out;
        }
        for (VrrpInstance other : byName.values()) {
            if (other != instance && other.settings().syncGroup().equals(group)) {
                out.add(other);
            }
        }
        return out;
    }

    /** Names of the interfaces any instance runs on. */
    List<String> interfaceNames() {
        return byName.values().stream().map(i -> i.settings().interfaceName()).distinct().toList();
    }
}
