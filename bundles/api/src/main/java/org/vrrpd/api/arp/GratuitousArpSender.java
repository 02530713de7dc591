package org.vrrpd.api.arp;

import java.io.IOException;
import java.net.Inet4Address;
import org.osgi.annotation.versioning.ProviderType;
import org.vrrpd.api.net.MacAddress;

/** Sends gratuitous ARP announcements. */
@ProviderType
public interface GratuitousArpSender {
    /**
     * Broadcasts one gratuitous ARP request for {@code address} on the interface, with
     * {@code sender} as source and sender hardware address.
     */
    void announce(int interfaceIndex, MacAddress sender, Inet4Address address) throws IOException;
}
