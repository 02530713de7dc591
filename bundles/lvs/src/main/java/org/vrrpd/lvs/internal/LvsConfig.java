package org.vrrpd.lvs.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration {@code org.vrrpd.lvs} (e.g. {@code etc/org.vrrpd.lvs.cfg}): keepalived's lvs_sync_daemon. */
@ObjectClassDefinition(name = "LVS sync daemon", description = "Runs the IPVS connection-sync daemon as the chosen VRRP instance's state says.")
@interface LvsConfig {
    @AttributeDefinition(description = "The VRRP instance the sync daemon follows.")
    String instance();

    @AttributeDefinition(description = "Interface the sync daemon sends and receives on (keepalived: lvs_sync_daemon INTERFACE).")
    String interfaceName();

    @AttributeDefinition(description = "Sync id 0..255, the same on both routers (keepalived: id).", min = "0", max = "255")
    int syncId() default 0;
}
