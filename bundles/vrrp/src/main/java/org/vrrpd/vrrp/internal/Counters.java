package org.vrrpd.vrrp.internal;

import org.vrrpd.api.vrrp.VrrpStatistics;

/** One instance's counters (RFC 2787 names); written only by the event loop. */
final class Counters {
    long advertisementsSent;
    long advertisementsReceived;
    long becomeMaster;
    long priorityZeroSent;
    long priorityZeroReceived;
    long checksumErrors;
    long versionErrors;
    long invalidTypeReceived;
    long ipTtlErrors;
    long packetLengthErrors;
    long addressListErrors;
    long advertisementIntervalErrors;
    long invalidAuthType;
    long authTypeMismatch;
    long authFailures;
    long authReplays;
    long unknownPeers;

    /** Counts a verdict under its RFC 2787 counter; a plain acceptance is counted by the instance as a received advert. */
    void count(Verdict verdict) {
        switch (verdict) {
            case TTL -> ipTtlErrors++;
            case VERSION -> versionErrors++;
            case TYPE -> invalidTypeReceived++;
            case LENGTH, TOO_SHORT -> packetLengthErrors++;
            case CHECKSUM -> checksumErrors++;
            case AUTH_TYPE_INVALID -> invalidAuthType++;
            case AUTH_TYPE_MISMATCH -> authTypeMismatch++;
            case AUTH_FAILED -> authFailures++;
            case AUTH_REPLAYED -> authReplays++;
            case INTERVAL -> advertisementIntervalErrors++;
            case UNKNOWN_PEER -> unknownPeers++;
            case ACCEPTED_OTHER_ADDRESSES, OTHER_ADDRESSES_STRICT -> addressListErrors++;
            case ACCEPTED, NO_AUTHENTICATOR -> { }
        }
    }

    /** With {@code splitBrains}, the episodes the instance's SplitBrain counted. */
    VrrpStatistics snapshot(long splitBrains) {
        return new VrrpStatistics(advertisementsSent, advertisementsReceived, becomeMaster, priorityZeroSent,
                priorityZeroReceived, checksumErrors, versionErrors, invalidTypeReceived, ipTtlErrors,
                packetLengthErrors, addressListErrors, advertisementIntervalErrors, invalidAuthType, authTypeMismatch,
                authFailures, authReplays, unknownPeers, splitBrains);
    }
}
