package org.vrrpd.api.vrrp;

/**
 * Per-instance counters, named after the RFC 2787 VRRP-MIB objects (vrrpStatsTable); the
 * router-wide ones are {@link RouterStatistics}.
 */
public record VrrpStatistics(
        long advertisementsSent,
        long advertisementsReceived,
        long becomeMaster,
        long priorityZeroSent,
        long priorityZeroReceived,
        long checksumErrors,
        long versionErrors,
        long invalidTypeReceived,
        long ipTtlErrors,
        long packetLengthErrors,
        long addressListErrors,
        long advertisementIntervalErrors,
        long invalidAuthType,
        long authTypeMismatch,
        long authFailures,
        /** Authentic adverts that were not newer than the last one from their sender (AH replays). */
        long authReplays,
        /** Adverts to a unicast instance from an address that is none of its peers (not in RFC 2787). */
        long unknownPeers,
        /** Split brains this instance saw as master: another master it did not yield to (not in RFC 2787). */
        long splitBrains) {
}
