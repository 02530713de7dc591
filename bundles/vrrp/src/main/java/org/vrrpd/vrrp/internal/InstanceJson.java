package org.vrrpd.vrrp.internal;

import java.math.BigDecimal;
import java.util.Collection;
import org.vrrpd.api.json.JsonWriter;
import org.vrrpd.api.vrrp.RouterStatistics;
import org.vrrpd.api.vrrp.VirtualAddress;
import org.vrrpd.api.vrrp.VrrpInstanceView;
import org.vrrpd.api.vrrp.VrrpStatistics;

/** The JSON form of {@code vrrp:list} and {@code vrrp:show} (schema: docs/json.md). */
final class InstanceJson {
    private InstanceJson() {
    }

    static String list(Collection<InstanceSnapshot> instances, RouterStatistics router) {
        JsonWriter w = new JsonWriter().beginObject().name("instances").beginArray();
        for (InstanceSnapshot s : instances) {
            w.beginObject();
            summary(w, s);
            w.endObject();
        }
        w.endArray().name("router").beginObject()
                .name("unreadableDatagrams").value(router.unreadableDatagrams())
                .name("vridErrors").value(router.vridErrors())
                .endObject();
        return w.endObject().toString();
    }

    static String show(InstanceSnapshot snapshot) {
        VrrpInstanceView v = snapshot.view();
        InstanceSettings c = snapshot.settings();
        JsonWriter w = new JsonWriter().beginObject();
        summary(w, snapshot);
        w.name("addressTrouble").value(snapshot.addressTrouble());
        transport(w, c);
        vmac(w, c);
        w.name("advertIntervalCentis").value(c.advertCentis())
                .name("skewMillis").value(millis(snapshot.skewNanos()))
                .name("masterDownMillis").value(millis(snapshot.masterDownNanos()));
        if (c.initialMaster()) {
            w.name("firstListenMillis").value(millis(snapshot.listenNanos()));
        } else {
            w.name("firstListenMillis").nullValue();
        }
        w.name("initialState").value(c.initialMaster() ? "MASTER" : "BACKUP")
                .name("preempt").value(c.preempt())
                .name("preemptDelayMillis").value(c.preemptDelay().multiply(BigDecimal.valueOf(1000)).stripTrailingZeros())
                .name("authType").value(c.authType())
                .name("syncGroup").value(c.syncGroup().isEmpty() ? null : c.syncGroup())
                .name("garpMasterRepeat").value(c.garpMasterRepeat())
                .name("garpMasterDelaySeconds").value(c.garpMasterDelay())
                .name("garpMasterRefreshSeconds").value(c.garpMasterRefresh())
                .name("addressLeaseSeconds").value(c.vipLease())
                .name("checks").strings(snapshot.checks())
                .name("faults").strings(snapshot.faults())
                .name("splitBrain").value(snapshot.splitBrain());
        statistics(w, v.statistics(), snapshot.internalErrors());
        return w.endObject().toString();
    }

    /** The members vrrp:list and vrrp:show share. */
    private static void summary(JsonWriter w, InstanceSnapshot snapshot) {
        VrrpInstanceView v = snapshot.view();
        w.name("name").value(v.name())
                .name("interface").value(v.interfaceName())
                .name("vrid").value(v.vrid())
                .name("state").value(v.state().name())
                .name("configuredPriority").value(v.configuredPriority())
                .name("effectivePriority").value(v.effectivePriority())
                .name("masterAddress").value(v.masterAddress())
                .name("virtualAddresses").beginArray();
        for (VirtualAddress a : v.virtualAddresses()) {
            w.value(a.toString());
        }
        w.endArray();
        w.name("version").value(snapshot.settings().version())
                .name("family").value(VrrpCommands.family(snapshot.settings()))
                .name("masterAdverIntervalCentis").value(snapshot.masterAdverCentis());
    }

    private static void transport(JsonWriter w, InstanceSettings c) {
        Unicast u = c.unicast();
        w.name("transport").beginObject().name("mode").value(u.enabled() ? "unicast" : "multicast");
        if (!u.enabled()) {
            w.name("group").value(RouterAddress.group(c.ipv6()));
        } else {
            w.name("source").value(u.sourceText(c.ipv6()))
                    .name("ttl").value(u.ttl())
                    .name("peers").beginArray();
            for (Unicast.Peer p : u.peers()) {
                w.beginObject().name("address").value(p.text(c.ipv6()))
                        .name("minTtl").value(p.minTtl()).name("maxTtl").value(p.maxTtl()).endObject();
            }
            w.endArray();
        }
        w.endObject();
    }

    private static void vmac(JsonWriter w, InstanceSettings c) {
        w.name("vmac");
        if (!c.vmac().enabled()) {
            w.nullValue();
            return;
        }
        w.beginObject().name("interface").value(c.vmac().name())
                .name("mac").value(VrrpCommands.vmacAddress(c))
                .name("parent").value(c.interfaceName())
                .name("xmitBase").value(c.vmac().xmitBase())
                .endObject();
    }

    /** Every counter vrrp:show prints, under its RFC 2787 name (as in {@link VrrpStatistics}). */
    private static void statistics(JsonWriter w, VrrpStatistics s, long internalErrors) {
        w.name("statistics").beginObject()
                .name("advertisementsSent").value(s.advertisementsSent())
                .name("advertisementsReceived").value(s.advertisementsReceived())
                .name("becomeMaster").value(s.becomeMaster())
                .name("priorityZeroSent").value(s.priorityZeroSent())
                .name("priorityZeroReceived").value(s.priorityZeroReceived())
                .name("checksumErrors").value(s.checksumErrors())
                .name("versionErrors").value(s.versionErrors())
                .name("invalidTypeReceived").value(s.invalidTypeReceived())
                .name("ipTtlErrors").value(s.ipTtlErrors())
                .name("packetLengthErrors").value(s.packetLengthErrors())
                .name("addressListErrors").value(s.addressListErrors())
                .name("advertisementIntervalErrors").value(s.advertisementIntervalErrors())
                .name("invalidAuthType").value(s.invalidAuthType())
                .name("authTypeMismatch").value(s.authTypeMismatch())
                .name("authFailures").value(s.authFailures())
                .name("authReplays").value(s.authReplays())
                .name("unknownPeers").value(s.unknownPeers())
                .name("splitBrains").value(s.splitBrains())
                .name("internalErrors").value(internalErrors)
                .endObject();
    }

    /** Milliseconds to the microsecond, as vrrp:show's seconds to the millisecond would lose the skew's fraction. */
    private static BigDecimal millis(long nanos) {
        return BigDecimal.valueOf(nanos / 1000, 3).stripTrailingZeros();
    }
}
