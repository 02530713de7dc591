/** Gratuitous ARP announcements of virtual addresses. */
@Export
@Version("1.0.0")
package org.vrrpd.api.arp;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
