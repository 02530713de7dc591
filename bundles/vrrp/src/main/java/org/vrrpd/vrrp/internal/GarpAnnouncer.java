package org.vrrpd.vrrp.internal;

import java.io.IOException;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vrrpd.api.arp.GratuitousArpSender;
import org.vrrpd.api.net.InterfaceRegistry;
import org.vrrpd.api.net.NetInterface;
import org.vrrpd.api.vrrp.VirtualAddress;

/** Gratuitous ARP bursts for a master's addresses, from the interface's MAC (a non-blocking packet socket send). */
final class GarpAnnouncer {
    private static final Logger LOG = LoggerFactory.getLogger(GarpAnnouncer.class);

    private final Supplier<GratuitousArpSender> sender;
    private final Supplier<InterfaceRegistry> registry;

    GarpAnnouncer(Supplier<GratuitousArpSender> sender, Supplier<InterfaceRegistry> registry) {
        this.sender = sender;
        this.registry = registry;
    }

    void announce(InstanceSettings s, int count) {
        GratuitousArpSender arp = sender.get();
        InterfaceRegistry interfaces = registry.get();
        Optional<NetInterface> iface = interfaces == null ? Optional.empty() : interfaces.byName(s.interfaceName());
        if (arp == null || iface.isEmpty() || iface.get().mac() == null) {
            LOG.debug("{}: no gratuitous ARP sender or interface MAC; skipped", s.name());
            return;
        }
        try {
            for (int i = 0; i < count; i++) {
                announce(arp, interfaces, iface.get(), s.virtualAddresses());
                announce(arp, interfaces, iface.get(), s.excludedAddresses());
            }
        } catch (IOException e) {
            LOG.warn("{}: gratuitous ARP failed: {}", s.name(), e.getMessage());
        }
    }

    /** The IPv4 ones (excluded addresses may be IPv6: no ARP for those), each from the interface it is on (keepalived's dev). */
    private static void announce(GratuitousArpSender arp, InterfaceRegistry interfaces, NetInterface instanceInterface,
                                 java.util.List<VirtualAddress> addresses) throws IOException {
        for (VirtualAddress address : addresses) {
            NetInterface on = address.device() == null ? instanceInterface : interfaces.byName(address.device()).orElse(null);
            if (address.isIpv4() && on != null && on.mac() != null) {
                arp.announce(on.index(), on.mac(), (java.net.Inet4Address) address.address());
            }
        }
    }
}
