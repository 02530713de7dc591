package org.vrrpd.api.link;

import java.time.Instant;

/**
 * The link status of one interface.
 *
 * @param interfaceName the interface
 * @param state carrier up or down
 * @param source how the state was read
 * @param changes how many times the state changed since monitoring began
 * @param lastChange when it last changed (or monitoring began)
 */
public record LinkStatus(String interfaceName, LinkState state, LinkSource source, long changes, Instant lastChange) {
}
