package org.vrrpd.track.file.internal;

import org.vrrpd.api.spi.CheckStatus;

/**
 * keepalived 2.2's reading of a tracked file's number (vrrp_track.c, track_file.c): with weight 0 a
 * number other than 0 is a failure (FAULT; reversed: 0 is); otherwise number × weight (negated when
 * reversed) is added to the priority, capped at +253, and a result of −254 or less forces FAULT.
 */
record FileWeight(int weight, boolean reverse) {
    static final int MAX = 254;

    FileWeight {
        if (weight < -MAX || weight > MAX) {
            throw new IllegalArgumentException("weight = " + weight + " rejected: must be -" + MAX + ".." + MAX);
        }
    }

    CheckStatus status(long value, String reason) {
        if (weight == 0) {
            return new CheckStatus(0, (value != 0) != reverse, reason);
        }
        long result = value * weight * (reverse ? -1 : 1);
        if (result <= -MAX) {
            return new CheckStatus(0, true, reason + " (" + result + ": FAULT at -254 or less)");
        }
        return new CheckStatus((int) Math.min(result, 253), false, reason);
    }
}
