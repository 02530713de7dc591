package org.vrrpd.api.auth;

/** What an authenticator says of a received advertisement; each reject has its own counter. */
public enum AuthVerdict {
    ACCEPTED,
    /** The auth type on the wire is not the one configured (RFC 2787 vrrpStatsAuthTypeMismatch). */
    TYPE_MISMATCH,
    /** Password or ICV did not match (vrrpStatsAuthFailures). */
    FAILED,
    /** An authentic packet that is not newer than the last one seen from its sender. */
    REPLAYED
}
