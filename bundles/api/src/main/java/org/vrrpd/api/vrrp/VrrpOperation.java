package org.vrrpd.api.vrrp;

import java.time.Instant;

/**
 * How one instance runs, beyond its {@link VrrpInstanceView}: what RFC 2787's vrrpOperTable and
 * RFC 6527's vrrpv3OperationsTable report besides state and priority.
 *
 * @param view the instance's view, from the same snapshot
 * @param version the VRRP version it speaks, 2 or 3
 * @param advertIntervalCentis its configured advert interval in centiseconds
 * @param preempt whether it preempts a lower-priority master
 * @param authType its authentication type: "none", "pass" or "ah"
 * @param upSince when it last left INITIALIZE (started), or null while in INITIALIZE
 */
public record VrrpOperation(VrrpInstanceView view, int version, int advertIntervalCentis, boolean preempt, String authType,
                            Instant upSince) {
}
