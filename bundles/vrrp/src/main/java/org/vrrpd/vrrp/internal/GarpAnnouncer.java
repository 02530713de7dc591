package org.vrrpd.vrrp.internal;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vrrpd.api.arp.GratuitousArpSender;
import org.vrrpd.api.arp.NeighborAdvertisementSender;
import org.vrrpd.api.net.MacAddress;
import org.vrrpd.api.net.InterfaceRegistry;
import org.vrrpd.api.net.NetInterface;
import org.vrrpd.api.vrrp.VirtualAddress;

/**
 * A master's announcements to its neighbours, in bursts: gratuitous ARP for IPv4 addresses,
 * unsolicited Neighbor Advertisements for IPv6 ones (RFC 5798 §6.4.2), from the interface's MAC
 * (non-blocking packet socket sends).
 */
final class GarpAnnouncer {
    private static final Logger LOG = LoggerFactory.getLogger(GarpAnnouncer.class);

    private final Supplier<GratuitousArpSender> arp;
    private final Supplier<NeighborAdvertisementSender> na;
    private final Supplier<InterfaceRegistry> registry;

    GarpAnnouncer(Supplier<GratuitousArpSender> arp, Supplier<NeighborAdvertisementSender> na, Supplier<InterfaceRegistry> registry) {
        this.arp = arp;
        this.na = na;
        this.registry = registry;
    }

    void announce(InstanceSettings s, int count) {
        GratuitousArpSender arpSender = arp.get();
        NeighborAdvertisementSender naSender = na.get();
        InterfaceRegistry interfaces = registry.get();
        Optional<NetInterface> iface = interfaces == null ? Optional.empty() : interfaces.byName(s.interfaceName());
        if ((s.ipv6() ? naSender == null : arpSender == null) || iface.isEmpty() || iface.get().mac() == null) {
            LOG.debug("{}: no {} sender or interface MAC; skipped", s.name(), s.ipv6() ? "Neighbor Advertisement" : "gratuitous ARP");
            return;
        }
        int index = iface.get().index();
        MacAddress mac = iface.get().mac();
        try {
            for (int i = 0; i < count; i++) {
                for (VirtualAddress address : s.virtualAddresses()) {
                    if (s.ipv6()) {
                        naSender.advertise(index, mac, (Inet6Address) address.address(), s.naRouterFlag());
                    } else {
                        arpSender.announce(index, mac, (Inet4Address) address.address());
                    }
                }
            }
        } catch (IOException e) {
            LOG.warn("{}: {} failed: {}", s.name(), s.ipv6() ? "Neighbor Advertisement" : "gratuitous ARP", e.getMessage());
        }
    }
}
