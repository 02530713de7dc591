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
        if (s.vmac().enabled() && (s.vmac().name().equals(other.addressInterface()) || s.vmac().name().equals(other.interfaceName()))) {
            return new InstanceSettings.InvalidSetting("VRRP instance " + s.name() + ": useVmac = " + s.vmac().name()
                    + " rejected: instance " + other.name() + " already uses that interface");
        }
        if (other.interfaceName().equals(s.interfaceName()) && other.vrid() == s.vrid() && other.ipv6() == s.ipv6()) {
            return new InstanceSettings.InvalidSetting("VRRP instance " + s.name() + ": vrid = " + s.vrid()
                    + " rejected: instance " + other.name() + " already uses it on " + s.interfaceName() + (s.ipv6() ? " for IPv6" : ""));
        }
        return null;
    }

    /** The instances whose adverts go through {@code channelInterface} (their VMAC's, or their interface). */
    List<VrrpInstance> on(String channelInterface) {
        List<VrrpInstance> on = new ArrayList<>();
        for (VrrpInstance i : byName.values()) {
            if (i.settings().channelInterface().equals(channelInterface)) {
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

    /** Names of the interfaces any instance's adverts go through. */
    List<String> interfaceNames() {
        return byName.values().stream().map(i -> i.settings().channelInterface()).distinct().toList();
    }

    /** The channel interfaces of the instances that run on, send through or keep their addresses on {@code name}. */
    List<String> channelsConcerning(String name) {
        return byName.values().stream().map(InstanceRegistry::settings)
                .filter(s -> s.interfaceName().equals(name) || s.addressInterface().equals(name))
                .map(InstanceSettings::channelInterface).distinct().toList();
    }

    private static InstanceSettings settings(VrrpInstance instance) {
        return instance.settings();
    }
}
