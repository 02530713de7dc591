package org.vrrpd.api.vrrp;

import java.time.Instant;

/**
 * An instance's effective priority changed (its checkers' weights moved it) without a state change
 * (keepalived's notify_priority_changes; an owner's stays 255).
 *
 * @param instance the instance name
 * @param vrid its virtual router id
 * @param state the state it is in
 * @param from the effective priority before
 * @param to the effective priority now
 * @param at when
 */
public record PriorityChange(String instance, int vrid, VrrpState state, int from, int to, Instant at) {
}
