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
import org.vrrpd.api.net.InterfaceRegistry;
import org.vrrpd.api.net.MacAddress;
import org.vrrpd.api.net.NetInterface;
import org.vrrpd.api.vrrp.VirtualAddress;

/**
 * A master's announcements to its neighbours, in bursts, for the advertised and the excluded
 * addresses: gratuitous ARP for IPv4 ones, unsolicited Neighbor Advertisements for IPv6 ones (RFC
 * 5798 §6.4.2), each from the MAC of the interface it is on (keepalived's dev, else the instance's
 * address interface: a VMAC's carries the virtual router MAC; non-blocking packet socket sends):
 * through the {@link GarpPacer}: back to back, or ARPs {@code garpInterval} and NAs {@code gnaInterval} apart
 * (keepalived's vrrp_garp_interval, vrrp_gna_interval).
 */
final class GarpAnnouncer {
    private static final Logger LOG = LoggerFactory.getLogger(GarpAnnouncer.class);

    private final Supplier<GratuitousArpSender> arp;
    private final Supplier<NeighborAdvertisementSender> na;
    private final Supplier<InterfaceRegistry> registry;
    private final GarpPacer pacer;

    GarpAnnouncer(Supplier<GratuitousArpSender> arp, Supplier<NeighborAdvertisementSender> na, Supplier<InterfaceRegistry> registry,
                  Timers timers) {
        this.arp = arp;
        this.na = na;
        this.registry = registry;
        this.pacer = new GarpPacer(timers, this::announce);
    }

    void announce(VrrpInstance instance, int count) {
        InstanceSettings s = instance.settings();
        for (int i = 0; i < count; i++) {
            s.virtualAddresses().forEach(a -> pacer.queue(instance, a));
            s.excludedAddresses().forEach(a -> pacer.queue(instance, a));
        }
    }

    private void announce(InstanceSettings s, VirtualAddress address) {
        GratuitousArpSender arpSender = arp.get();
        NeighborAdvertisementSender naSender = na.get();
        InterfaceRegistry interfaces = registry.get();
        String on = s.interfaceOf(address);
        Optional<NetInterface> iface = interfaces == null ? Optional.empty() : interfaces.byName(on);
        boolean ipv6 = !address.isIpv4();
        if ((ipv6 ? naSender == null : arpSender == null) || iface.isEmpty() || iface.get().mac() == null) {
            LOG.debug("{}: no {} sender or MAC of {}; skipped", s.name(), ipv6 ? "Neighbor Advertisement" : "gratuitous ARP", on);
            return;
        }
        int index = iface.get().index();
        MacAddress mac = iface.get().mac();
        try {
            if (ipv6) {
                naSender.advertise(index, mac, (Inet6Address) address.address(), s.naRouterFlag());
            } else {
                arpSender.announce(index, mac, (Inet4Address) address.address());
            }
        } catch (IOException e) {
            LOG.warn("{}: {} failed: {}", s.name(), ipv6 ? "Neighbor Advertisement" : "gratuitous ARP", e.getMessage());
        }
    }
}
