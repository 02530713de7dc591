/** Announcements of virtual addresses to the neighbours: gratuitous ARP (IPv4) and unsolicited Neighbor Advertisements (IPv6). */
@Export
@Version("1.1.0")
package org.vrrpd.api.arp;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
