package org.vrrpd.api.arp;

import java.io.IOException;
import java.net.Inet6Address;
import org.osgi.annotation.versioning.ProviderType;
import org.vrrpd.api.net.MacAddress;

/** Sends unsolicited IPv6 Neighbor Advertisements (RFC 4861 §7.2.6), IPv6's gratuitous ARP. */
@ProviderType
public interface NeighborAdvertisementSender {
    /**
     * Sends one unsolicited Neighbor Advertisement for {@code address} on the interface to ff02::1,
     * hop limit 255, from {@code address} itself: Override set, Solicited clear, Router as
     * {@code router}, and {@code sender} as the source MAC and the target link-layer address (an
     * interface's MAC, or a virtual MAC).
     */
    void advertise(int interfaceIndex, MacAddress sender, Inet6Address address, boolean router) throws IOException;
}
