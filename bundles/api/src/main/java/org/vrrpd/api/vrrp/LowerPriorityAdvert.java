package org.vrrpd.api.vrrp;

import java.net.InetAddress;
import java.time.Instant;

/**
 * As master, the instance received a valid advert of a lower priority (or of its own priority from a
 * lower address) and stays master (keepalived's MASTER_RX_LOWER_PRI event and
 * notify_master_rx_lower_pri): another router believes it is master, e.g. after a break between them.
 *
 * @param instance the instance name
 * @param vrid its virtual router id
 * @param from the other router's address
 * @param priority the advert's priority
 * @param ours this instance's effective priority
 * @param at when
 */
public record LowerPriorityAdvert(String instance, int vrid, InetAddress from, int priority, int ours, Instant at) {
}
