package org.vrrpd.vrrp.internal;

/** What becomes of a received advert for one of our instances: accepted, or dropped for one named reason with its counter. */
enum Verdict {
    ACCEPTED,
    /** Accepted but counted, as keepalived 2.x does: a misconfiguration, not an attack. */
    ACCEPTED_OTHER_ADDRESSES,
    TOO_SHORT, TTL, VERSION, TYPE, LENGTH, CHECKSUM,
    AUTH_TYPE_INVALID, AUTH_TYPE_MISMATCH, AUTH_FAILED, AUTH_REPLAYED,
    INTERVAL,
    /** Strict mode: another address list from a router that does not own the addresses (RFC 3768 §7.1 MUST drop it). */
    OTHER_ADDRESSES_STRICT,
    /** A unicast instance's advert from an address that is none of its peers. */
    UNKNOWN_PEER,
    /** The instance is faulted, waiting for its authenticator: nothing to check the advert against. */
    NO_AUTHENTICATOR;

    boolean accepted() {
        return this == ACCEPTED || this == ACCEPTED_OTHER_ADDRESSES;
    }
}
