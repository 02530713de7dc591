package org.vrrpd.track.iface.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * One tracked interface: a factory configuration {@code org.vrrpd.track.interface}, e.g. the file
 * {@code etc/org.vrrpd.track.interface-eth1.cfg} with {@code vrrp.instance = VI_1},
 * {@code interfaceName = eth1}, {@code weight = -60}.
 */
@ObjectClassDefinition(name = "Track interface", description = "keepalived's track_interface: an instance's priority or FAULT follows another interface's link.")
@interface TrackInterfaceConfig {
    @AttributeDefinition(name = "vrrp.instance", description = "Instances to adjust (names), or *.")
    String[] vrrp_instance();

    @AttributeDefinition(description = "The interface whose link is tracked.")
    String interfaceName();

    @AttributeDefinition(description = "-253..253, as keepalived's: a positive weight is added to the priority while the link is up, "
            + "a negative one while it is down (e.g. -60); 0 forces FAULT while it is down, as keepalived does without a weight.")
    int weight() default 0;

    @AttributeDefinition(description = "keepalived's 'weight W reverse': the weight is subtracted instead (0: FAULT while the link is up).")
    boolean reverse() default false;
}
