package org.vrrpd.api.vrrp;

/**
 * Router-wide counters of datagrams no instance here could own (RFC 2787 vrrpRouterStatistics).
 *
 * @param unreadableDatagrams datagrams too short or malformed to tell which virtual router they are for
 * @param vridErrors adverts for a VRID none of our instances has on the interface they arrived on
 *        (vrrpRouterVrIdErrors; normal on a link shared with other virtual routers)
 */
public record RouterStatistics(long unreadableDatagrams, long vridErrors) {
}
