package org.vrrpd.vrrp.internal;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vrrpd.api.arp.GratuitousArpSender;
import org.vrrpd.api.net.InterfaceRegistry;
import org.vrrpd.api.net.NetInterface;
import org.vrrpd.api.vrrp.VirtualAddress;

/**
 * Gratuitous ARP bursts for a master's addresses (the advertised and the excluded ones), each from
 * the MAC of the interface it is on (a non-blocking packet socket send): back to back, or one every
 * {@code garpInterval} through the {@link GarpPacer} (keepalived's vrrp_garp_interval).
 */
final class GarpAnnouncer {
    private static final Logger LOG = LoggerFactory.getLogger(GarpAnnouncer.class);

    private final Supplier<GratuitousArpSender> sender;
    private final Supplier<InterfaceRegistry> registry;
    private final GarpPacer pacer;

    GarpAnnouncer(Supplier<GratuitousArpSender> sender, Supplier<InterfaceRegistry> registry, Timers timers) {
        this.sender = sender;
        this.registry = registry;
        this.pacer = new GarpPacer(timers, this::announce);
    }

    void announce(VrrpInstance instance, int count) {
        InstanceSettings s = instance.settings();
        if (s.garpInterval().signum() > 0) {
            for (int i = 0; i < count; i++) {
                s.virtualAddresses().forEach(a -> pacer.queue(instance, a));
                s.excludedAddresses().forEach(a -> pacer.queue(instance, a));
            }
            return;
        }
        for (int i = 0; i < count; i++) {
            announce(s, s.virtualAddresses());
            announce(s, s.excludedAddresses());
        }
    }

    /** The IPv4 ones (excluded addresses may be IPv6: no ARP for those), each from its own interface (keepalived's dev). */
    private void announce(InstanceSettings s, List<VirtualAddress> addresses) {
        for (VirtualAddress address : addresses) {
            announce(s, address);
        }
    }

    private void announce(InstanceSettings s, VirtualAddress address) {
        GratuitousArpSender arp = sender.get();
        InterfaceRegistry interfaces = registry.get();
        String on = address.device() != null ? address.device() : s.interfaceName();
        Optional<NetInterface> iface = interfaces == null ? Optional.empty() : interfaces.byName(on);
        if (!address.isIpv4()) {
            return;
        }
        if (arp == null || iface.isEmpty() || iface.get().mac() == null) {
            LOG.debug("{}: no gratuitous ARP sender or MAC of {}; skipped", s.name(), on);
            return;
        }
        try {
            arp.announce(iface.get().index(), iface.get().mac(), (java.net.Inet4Address) address.address());
        } catch (IOException e) {
            LOG.warn("{}: gratuitous ARP failed: {}", s.name(), e.getMessage());
        }
    }
}
