package org.vrrpd.vrrp.internal;

import java.util.List;

/**
 * keepalived's unicast_src_ip / unicast_peer / unicast_ttl: an instance with peers sends one advert
 * to each of them instead of to the VRRP group, joins no group, and takes adverts from its peers
 * only. A peer's TTL (IPv6: hop limit) bounds are keepalived's min_ttl / max_ttl (an advert routed
 * over N hops arrives with 255 − N); by default any TTL is taken, as keepalived does for unicast.
 * Addresses are kept as {@link RouterAddress} halves, so that a received advert's sender is looked
 * up without allocating.
 *
 * @param sourceHigh our source address's high half (0 for IPv4), or with {@code sourceLow} 0 for the default
 * @param sourceLow its low half (an IPv4 address unsigned), or 0: the interface's primary (IPv6: link-local) address
 * @param peers empty for multicast
 * @param ttl the TTL (hop limit) our adverts leave with
 */
record Unicast(long sourceHigh, long sourceLow, List<Peer> peers, int ttl) {
    /** One peer: its address as two halves (IPv4: 0 and the address unsigned) and the TTLs taken from it. */
    record Peer(long high, long low, int minTtl, int maxTtl) {
        /** The address of an IPv4 peer, as the IPv4 socket takes it. */
        int ipv4() {
            return (int) low;
        }

        String text(boolean ipv6) {
            return RouterAddress.text(high, low, ipv6);
        }
    }

    boolean enabled() {
        return !peers.isEmpty();
    }

    /** The TTL (hop limit) adverts leave with: unicastTtl to peers, 255 to the group (keepalived, too, ignores unicast_ttl without peers). */
    int sendTtl() {
        return enabled() ? ttl : VrrpPacket.TTL;
    }

    /** Whether unicastSource is set: otherwise adverts leave from the interface's own address. */
    boolean hasSource() {
        return sourceHigh != 0 || sourceLow != 0;
    }

    /** unicastSource as text, or null when it is not set. */
    String sourceText(boolean ipv6) {
        return hasSource() ? RouterAddress.text(sourceHigh, sourceLow, ipv6) : null;
    }

    /** The peer at address {@code high}:{@code low}, or null: adverts from anyone else are dropped. */
    Peer peer(long high, long low) {
        for (int i = 0; i < peers.size(); i++) {
            Peer p = peers.get(i);
            if (p.low() == low && p.high() == high) {
                return p;
            }
        }
        return null;
    }
}
