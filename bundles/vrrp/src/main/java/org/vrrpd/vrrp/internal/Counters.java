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
    long vridErrors;
    long invalidTypeReceived;
    long ipTtlErrors;
    long packetLengthErrors;
    long addressListErrors;
    long advertisementIntervalErrors;
    long invalidAuthType;
    long authTypeMismatch;
    long authFailures;
    long authReplays;

    /** Counts a packet rejected by the codec's checks. */
    void count(VrrpPacket.Reject reject) {
        switch (reject) {
            case TTL -> ipTtlErrors++;
            case VERSION -> versionErrors++;
            case TYPE -> invalidTypeReceived++;
            case LENGTH, TOO_SHORT -> packetLengthErrors++;
            case CHECKSUM -> checksumErrors++;
            case NONE -> { }
        }
    }

    VrrpStatistics snapshot() {
        return new VrrpStatistics(advertisementsSent, advertisementsReceived, becomeMaster, priorityZeroSent,
                priorityZeroReceived, checksumErrors, versionErrors, vridErrors, invalidTypeReceived, ipTtlErrors,
                packetLengthErrors, addressListErrors, advertisementIntervalErrors, invalidAuthType, authTypeMismatch,
                authFailures, authReplays);
    }
}
