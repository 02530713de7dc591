package org.vrrpd.api.vrrp;

import java.net.InetAddress;
import java.time.Instant;

/**
 * A master heard another master on its virtual router and did not yield to it: a split brain
 * began, or (active false) it ended — the other fell silent or yielded, or this one left MASTER.
 *
 * @param instance the instance name
 * @param vrid its virtual router id
 * @param otherMaster the other router's address
 * @param reason why they do not agree, e.g. "lower priority 100", "its adverts fail authentication"
 * @param active true when it begins, false when it ends
 * @param at when
 */
public record SplitBrainReport(String instance, int vrid, InetAddress otherMaster, String reason, boolean active, Instant at) {
}
