package org.vrrpd.vrrp.internal;

import java.util.List;

/**
 * keepalived's unicast_src_ip / unicast_peer / unicast_ttl: an instance with peers sends one advert
 * to each of them instead of to the VRRP group, joins no group, and takes adverts from its peers
 * only. A peer's TTL bounds are keepalived's min_ttl / max_ttl (an advert routed over N hops arrives
 * with 255 − N); by default any TTL is taken, as keepalived does for unicast.
 *
 * @param source our source address, or 0 for the interface's primary address
 * @param peers empty for multicast
 * @param ttl the TTL our adverts leave with
 */
record Unicast(int source, List<Peer> peers, int ttl) {
    static final Unicast MULTICAST = new Unicast(0, List.of(), VrrpPacket.TTL);

    record Peer(int address, int minTtl, int maxTtl) {
        boolean takes(int ttl) {
            return ttl >= minTtl && ttl <= maxTtl;
        }
    }

    boolean enabled() {
        return !peers.isEmpty();
    }

    /** The peer {@code address} is, or null: adverts from anyone else are dropped. */
    Peer peer(int address) {
        for (int i = 0; i < peers.size(); i++) {
            if (peers.get(i).address() == address) {
                return peers.get(i);
            }
        }
        return null;
    }
}
