package org.vrrpd.vrrp.internal;

import java.util.ArrayList;
import java.util.List;
import org.vrrpd.api.vrrp.VirtualAddress;

/**
 * An instance's two address lists: {@code virtualAddresses}, advertised (one family; IPv6 with
 * VRRPv3), and {@code excludedAddresses} (keepalived's virtual_ipaddress_excluded), added and removed
 * with them but never in an advert, so IPv6 and more than an advert holds are fine there.
 */
final class VipLists {
    private VipLists() {
    }

    static List<VirtualAddress> advertised(InstanceSettings.Reader r, String interfaceName, int version) {
        List<String> vips = r.strings("virtualAddresses");
        if (vips.isEmpty() || vips.size() > VrrpPacket.MAX_ADDRESSES) {
            throw r.invalid("virtualAddresses", String.join(",", vips), "give 1.." + VrrpPacket.MAX_ADDRESSES + " addresses");
        }
        List<VirtualAddress> addresses = new ArrayList<>();
        for (String vip : vips) {
            VirtualAddress address = parse(r, "virtualAddresses", vip, addresses, interfaceName);
            if (!addresses.isEmpty() && address.isIpv4() != addresses.get(0).isIpv4()) {
                // keepalived's rule too: an instance's family follows its addresses, and IPv4 and IPv6 routers are separate (RFC 5798)
                throw r.invalid("virtualAddresses", vip, "an instance is all IPv4 or all IPv6: " + addresses.get(0) + " came first");
            }
            if (!address.isIpv4() && version != 3) {
                throw r.invalid("virtualAddresses", vip, "IPv6 needs version = 3 (VRRPv2 carries IPv4 only)");
            }
            addresses.add(address);
        }
        return List.copyOf(addresses);
    }

    /** Excluded addresses, none of which may repeat an advertised one. */
    static List<VirtualAddress> excluded(InstanceSettings.Reader r, List<VirtualAddress> advertised, String interfaceName) {
        List<VirtualAddress> all = new ArrayList<>(advertised);
        for (String vip : r.strings("excludedAddresses")) {
            all.add(parse(r, "excludedAddresses", vip, all, interfaceName));
        }
        return List.copyOf(all.subList(advertised.size(), all.size()));
    }

    /** One address with its options (keepalived's dev, label, scope, brd); a label must start with its interface's name, as the kernel wants. */
    private static VirtualAddress parse(InstanceSettings.Reader r, String key, String text, List<VirtualAddress> before, String interfaceName) {
        VirtualAddress address;
        try {
            address = VirtualAddress.parse(text);
        } catch (IllegalArgumentException e) {
            throw r.invalid(key, text, e.getMessage());
        }
        String on = address.device() != null ? address.device() : interfaceName;
        if (address.label() != null && !address.label().startsWith(on)) {
            throw r.invalid(key, text, "the label must start with the name of its interface, " + on);
        }
        if (before.stream().anyMatch(a -> a.address().equals(address.address()))) {
            throw r.invalid(key, text, "listed twice");
        }
        return address;
    }
}
