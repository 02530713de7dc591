package org.vrrpd.lvs.internal;

import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.vrrpd.api.json.JsonWriter;

/** Gogo {@code lvs:status}: whether the kernel has IPVS, and what the sync daemon follows and runs. */
@Component(service = LvsCommands.class, property = {"osgi.command.scope=lvs", "osgi.command.function=status"})
public class LvsCommands {
    @Reference
    private GenlIpvs ipvs;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile LvsSyncComponent sync;

    @Descriptor("whether the kernel has IPVS, and which instance the LVS sync daemon follows and what it runs")
    public String status(@Descriptor("print JSON (docs/json.md) instead of text")
                         @Parameter(names = {"-j", "--json"}, presentValue = "true", absentValue = "false") boolean json) throws Exception {
        LvsSyncComponent s = sync;
        if (json) {
            return json(s);
        }
        return "IPVS:        " + ipvs.describe() + "\n"
                + "sync daemon: " + (s == null ? "not configured (etc/org.vrrpd.lvs.cfg: instance, interfaceName, syncId)" : s.describe());
    }

    private String json(LvsSyncComponent s) throws Exception {
        int family = ipvs.familyIdNow();
        JsonWriter w = new JsonWriter().beginObject().name("ipvs").beginObject()
                .name("available").value(family >= 0);
        if (family >= 0) {
            w.name("familyId").value(family);
        } else {
            w.name("familyId").nullValue();
        }
        w.name("unavailableReason").value(ipvs.unavailableReason())
                .name("retrySeconds").value(GenlIpvs.RETRY_NANOS / 1_000_000_000L)
                .endObject().name("syncDaemon");
        SyncStatus status = s == null ? null : s.status();
        if (s == null) {
            w.nullValue();
        } else if (status == null) {
            w.beginObject().name("configurationRejected").value(true).endObject();
        } else {
            w.beginObject().name("configurationRejected").value(false)
                    .name("instance").value(status.instance())
                    .name("instanceState").value(status.instanceState().name())
                    .name("interface").value(status.interfaceName())
                    .name("syncId").value(status.syncId())
                    .name("wanted").value(status.wanted() == null ? null : status.wanted().name())
                    .name("running").value(status.running() == null ? null : status.running().name())
                    .name("lastError").value(status.lastError())
                    .endObject();
        }
        return w.endObject().toString();
    }
}
