package org.vrrpd.mii.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration {@code org.vrrpd.mii} (e.g. {@code etc/org.vrrpd.mii.cfg}); every key is optional. */
@ObjectClassDefinition(name = "Link monitor", description = "Carrier detection per interface: MII BMSR, ETHTOOL_GLINK or netlink IFF_RUNNING.")
@interface MonitorConfig {
    @AttributeDefinition(description = "Milliseconds between two reads of the polled sources (MII, ETHTOOL), 10..10000.",
            min = "10", max = "10000")
    int pollInterval() default 100;

    @AttributeDefinition(description = "Interfaces to monitor; empty: all of them.", required = false)
    String[] interfaces() default {};
}
