package org.vrrpd.api.net;

import java.net.Inet4Address;
import java.util.List;
import java.util.Optional;

/**
 * A snapshot of one kernel network interface. Snapshots never change; the registry publishes a new
 * one on every change.
 *
 * @param index the kernel interface index
 * @param name the interface name
 * @param flags the IFF_* flags, see {@link InterfaceFlags}
 * @param operState the RFC 2863 operational state as the kernel reports it (e.g. "UP", "DOWN")
 * @param mac the link-layer address, or null for links without one
 * @param mtu the MTU in bytes
 * @param kind the link kind ("veth", "bridge", ...) or null for physical devices
 * @param addresses every IPv4 and IPv6 address, primaries first
 * @param parentIndex the link this one sits on (IFLA_LINK: a macvlan's or VLAN's parent, a veth's peer), 0 for none
 * @param alias the interface's alias (IFLA_IFALIAS, {@code ip link set NAME alias TEXT}), or null
 */
public record NetInterface(int index, String name, int flags, String operState, MacAddress mac, int mtu,
                           String kind, List<InterfaceAddress> addresses, int parentIndex, String alias) {
    public NetInterface {
        addresses = List.copyOf(addresses);
    }

    /** An interface on no parent and without an alias. */
    public NetInterface(int index, String name, int flags, String operState, MacAddress mac, int mtu, String kind,
                        List<InterfaceAddress> addresses) {
        this(index, name, flags, operState, mac, mtu, kind, addresses, 0, null);
    }

    /** The same interface with other addresses. */
    public NetInterface withAddresses(List<InterfaceAddress> newAddresses) {
        return new NetInterface(index, name, flags, operState, mac, mtu, kind, newAddresses, parentIndex, alias);
    }

    public boolean isUp() {
        return (flags & InterfaceFlags.IFF_UP) != 0;
    }

    public boolean isRunning() {
        return (flags & InterfaceFlags.IFF_RUNNING) != 0;
    }

    /** The first primary IPv4 address: the source address of VRRPv2 adverts (RFC 3768 §5.2.1). */
    public Optional<Inet4Address> primaryIpv4() {
        return addresses.stream()
                .filter(a -> !a.secondary() && a.address() instanceof Inet4Address)
                .map(a -> (Inet4Address) a.address())
                .findFirst();
    }
}
