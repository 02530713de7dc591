package org.vrrpd.api.vrrp;

import java.time.Instant;

/**
 * One state transition of a VRRP instance.
 *
 * @param instance the instance name
 * @param vrid its virtual router id
 * @param from the state it left
 * @param to the state it entered
 * @param priority its effective priority at the time
 * @param reason why, in words (e.g. "master down timer expired")
 * @param at when
 */
public record StateChange(String instance, int vrid, VrrpState from, VrrpState to, int priority, String reason,
                          Instant at) {
}
