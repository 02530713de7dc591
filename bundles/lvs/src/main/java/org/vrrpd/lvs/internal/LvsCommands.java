package org.vrrpd.lvs.internal;

import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/** Gogo {@code lvs:status}: whether the kernel has IPVS, and what the sync daemon follows and runs. */
@Component(service = LvsCommands.class, property = {"osgi.command.scope=lvs", "osgi.command.function=status"})
public class LvsCommands {
    @Reference
    private GenlIpvs ipvs;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile LvsSyncComponent sync;

    @Descriptor("whether the kernel has IPVS, and which instance the LVS sync daemon follows and what it runs")
    public String status() throws Exception {
        LvsSyncComponent s = sync;
        return "IPVS:        " + ipvs.describe() + "\n"
                + "sync daemon: " + (s == null ? "not configured (etc/org.vrrpd.lvs.cfg: instance, interfaceName, syncId)" : s.describe());
    }
}
