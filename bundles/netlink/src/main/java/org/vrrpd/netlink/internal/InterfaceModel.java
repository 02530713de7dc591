package org.vrrpd.netlink.internal;

import java.net.Inet4Address;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.vrrpd.api.net.InterfaceAddress;
import org.vrrpd.api.net.InterfaceEvent;
import org.vrrpd.api.net.NetInterface;

/**
 * The interfaces as the kernel last described them. Applying a message returns the change it
 * made, or null when it changed nothing (a repeated or stale message). Not thread-safe: owned by
 * the reflector thread.
 */
final class InterfaceModel {
    private final Map<Integer, NetInterface> byIndex = new HashMap<>();

    Collection<NetInterface> interfaces() {
        return byIndex.values();
    }

    NetInterface get(int index) {
        return byIndex.get(index);
    }

    Map<Integer, NetInterface> asMap() {
        return Map.copyOf(byIndex);
    }

    /** Applies a broadcast: a new address goes where the kernel links it. */
    InterfaceEvent apply(RtnlMessage message) {
        return message instanceof RtnlMessage.Link link ? applyLink(link) : applyAddress((RtnlMessage.Address) message, false);
    }

    /** Applies one message of a dump, which lists addresses in the kernel's order: a new one goes last. */
    InterfaceEvent load(RtnlMessage message) {
        return message instanceof RtnlMessage.Link link ? applyLink(link) : applyAddress((RtnlMessage.Address) message, true);
    }

    private InterfaceEvent applyLink(RtnlMessage.Link link) {
        NetInterface before = byIndex.get(link.index());
        if (link.deleted()) {
            return before == null ? null : change(before, null);
        }
        List<InterfaceAddress> addresses = before != null ? before.addresses() : List.of();
        NetInterface after = new NetInterface(link.index(), link.name(), link.flags(), link.operState(), link.mac(), link.mtu(),
                link.kind(), addresses, link.parentIndex(), link.alias());
        return change(before, after);
    }

    /** Addresses are kept where the kernel keeps them (see {@link #insertionPoint}), so that a re-dump reads the same. */
    private InterfaceEvent applyAddress(RtnlMessage.Address message, boolean dumped) {
        NetInterface before = byIndex.get(message.index());
        if (before == null) {
            return null; // its link is gone (or not yet seen: the link message carries no addresses to lose)
        }
        InterfaceAddress address = new InterfaceAddress(message.address(), message.prefixLength(), message.secondary(),
                message.label() != null ? message.label() : before.name(), message.scope(), message.broadcast());
        int at = indexOf(before.addresses(), address);
        if (!message.deleted() && at >= 0 && before.addresses().get(at).equals(address)) {
            return null; // a lifetime renewed (or a broadcast repeated): nothing the model holds changed
        }
        List<InterfaceAddress> addresses = new ArrayList<>(before.addresses());
        if (message.deleted()) {
            if (at < 0) {
                return null;
            }
            addresses.remove(at);
        } else if (at >= 0) {
            addresses.set(at, address);
        } else {
            addresses.add(dumped ? addresses.size() : insertionPoint(addresses, address), address);
        }
        NetInterface after = before.withAddresses(addresses);
        return change(before, after);
    }

    /**
     * Where the kernel links a new address into the interface's list (IPv4 before IPv6, as a
     * dump returns them): an IPv4 primary after the last IPv4 primary, an IPv4 secondary after
     * all IPv4 addresses (net/ipv4/devinet.c); an IPv6 address before the first IPv6 address of
     * the same or a narrower scope, so global before link-local before host, and newest first
     * within a scope (ipv6_link_dev_addr in net/ipv6/addrconf.c).
     */
    static int insertionPoint(List<InterfaceAddress> addresses, InterfaceAddress address) {
        int i = 0;
        if (address.address() instanceof Inet4Address) {
            while (i < addresses.size() && addresses.get(i).address() instanceof Inet4Address
                    && (address.secondary() || !addresses.get(i).secondary())) {
                i++;
            }
            return i;
        }
        while (i < addresses.size() && addresses.get(i).address() instanceof Inet4Address) {
            i++;
        }
        while (i < addresses.size() && ipv6Scope(addresses.get(i)) < ipv6Scope(address)) {
            i++;
        }
        return i;
    }

    /** Wider scopes first: global 0, link-local 1, host (loopback) 2. */
    private static int ipv6Scope(InterfaceAddress a) {
        return a.address().isLoopbackAddress() ? 2 : a.address().isLinkLocalAddress() ? 1 : 0;
    }

    /** The same address: same IP and prefix (as the kernel keys them). */
    private static int indexOf(List<InterfaceAddress> addresses, InterfaceAddress address) {
        for (int i = 0; i < addresses.size(); i++) {
            InterfaceAddress a = addresses.get(i);
            if (a.address().equals(address.address()) && a.prefixLength() == address.prefixLength()) {
                return i;
            }
        }
        return -1;
    }

    private InterfaceEvent change(NetInterface before, NetInterface after) {
        if (Objects.equals(before, after)) {
            return null;
        }
        if (after == null) {
            byIndex.remove(before.index());
        } else {
            byIndex.put(after.index(), after);
        }
        return new InterfaceEvent(before, after);
    }

    /**
     * Replaces the whole model with {@code fresh} (a new dump) and returns only what really
     * differs: the changes listeners missed while broadcasts were lost.
     */
    List<InterfaceEvent> replaceWith(InterfaceModel fresh) {
        List<InterfaceEvent> events = new ArrayList<>();
        Set<Integer> indexes = new HashSet<>(byIndex.keySet());
        indexes.addAll(fresh.byIndex.keySet());
        for (int index : indexes) {
            NetInterface before = byIndex.get(index);
            NetInterface after = fresh.byIndex.get(index);
            if (!Objects.equals(before, after)) {
                events.add(new InterfaceEvent(before, after));
            }
        }
        byIndex.clear();
        byIndex.putAll(fresh.byIndex);
        return events;
    }
}
