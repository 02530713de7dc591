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
 */
public record NetInterface(int index, String name, int flags, String operState, MacAddress mac, int mtu,
                           String kind, List<InterfaceAddress> addresses) {
    public NetInterface {
        addresses = List.copyOf(addresses);
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
