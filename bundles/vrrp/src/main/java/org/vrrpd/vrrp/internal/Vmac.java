package org.vrrpd.vrrp.internal;

import org.vrrpd.api.net.MacAddress;

/**
 * keepalived's use_vmac / vmac_xmit_base: the instance's addresses live on a macvlan of its own
 * whose MAC is the virtual router MAC (RFC 3768 §7.3: 00-00-5E-00-01-{VRID}; RFC 5798 §7.3 for
 * IPv6: 00-00-5E-00-02-{VRID}), so that a takeover moves the MAC with the addresses and no
 * neighbour's cache needs changing. Adverts leave from the macvlan too, unless {@code xmitBase}.
 *
 * @param name the macvlan's name, or null when the instance has no VMAC
 * @param xmitBase adverts are sent and received on the parent interface (keepalived's vmac_xmit_base)
 */
record Vmac(String name, boolean xmitBase) {
    static final Vmac NONE = new Vmac(null, false);
    /** The alias our macvlans carry, which marks a leftover one as ours (keepalived marks none). */
    static final String ALIAS_PREFIX = "vrrpd VMAC of ";

    boolean enabled() {
        return name != null;
    }

    /** keepalived's default name, vrrp.VRID. */
    static String defaultName(int vrid) {
        return "vrrp." + vrid;
    }

    /** The virtual router MAC of {@code vrid}: 00:00:5e:00:01:VRID, or 00:00:5e:00:02:VRID for an IPv6 virtual router. */
    static MacAddress mac(int vrid, boolean ipv6) {
        return MacAddress.of(new byte[] {0, 0, 0x5e, 0, (byte) (ipv6 ? 2 : 1), (byte) vrid});
    }
}
