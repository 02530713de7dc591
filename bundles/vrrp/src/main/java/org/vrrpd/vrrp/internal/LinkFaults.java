package org.vrrpd.vrrp.internal;

import java.util.Optional;
import org.vrrpd.api.link.LinkState;
import org.vrrpd.api.link.LinkStatus;
import org.vrrpd.api.net.NetInterface;

/** Why an interface cannot carry VRRP now: keepalived's IF_ISUP plus the link monitor's word. */
final class LinkFaults {
    private LinkFaults() {
    }

    /**
     * The fault cause of {@code iface} (empty: missing) for an instance of the family, or null when healthy. The link monitor's
     * state wins over IFF_RUNNING, which some drivers keep with the cable pulled; IFF_RUNNING
     * counts only for an interface the monitor does not know.
     */
    static String of(String name, Optional<NetInterface> iface, Optional<LinkStatus> link, boolean ipv6) {
        String fault = ofVmac(name, iface, link);
        if (fault != null) {
            return fault;
        }
        NetInterface i = iface.get();
        if (!ipv6 && i.primaryIpv4().isEmpty()) {
            return "no IPv4 address on " + name;
        }
        if (ipv6 && RouterAddress.linkLocal(i).isEmpty()) {
            return "no IPv6 link-local address on " + name; // the source of VRRPv3 over IPv6 (RFC 5798 §5.1.2.1)
        }
        return null;
    }

    /**
     * An IPv6 unicastSource that is not an address of the instance's interface, as a fault naming key and value (the
     * kernel sends IPv6 from none other; keepalived's socket bind fails the same way); null when it is one, or for IPv4,
     * whose header we write ourselves.
     */
    static String ofUnicastSource(InstanceSettings s, Optional<NetInterface> iface) {
        Unicast u = s.unicast();
        if (!s.ipv6() || !u.hasSource() || iface.isEmpty() || RouterAddress.has(iface.get(), u.sourceHigh(), u.sourceLow())) {
            return null;
        }
        return "unicastSource = " + u.sourceText(true) + " rejected: not an address of " + s.interfaceName();
    }

    /** The same for a VMAC's macvlan, which needs no address of its own (its adverts leave with its parent's). */
    static String ofVmac(String name, Optional<NetInterface> iface, Optional<LinkStatus> link) {
        if (iface.isEmpty()) {
            return "interface " + name + " does not exist";
        }
        NetInterface i = iface.get();
        if (!i.isUp()) {
            return "interface " + name + " is down";
        }
        if (link.isPresent()) {
            if (link.get().state() == LinkState.DOWN) {
                return "link down on " + name + " (source " + link.get().source() + ")";
            }
        } else if (!i.isRunning()) {
            return "no carrier on " + name;
        }
        return null;
    }
}
