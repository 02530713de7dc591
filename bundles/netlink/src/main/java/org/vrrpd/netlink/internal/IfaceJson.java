package org.vrrpd.netlink.internal;

import java.util.Comparator;
import org.vrrpd.api.json.JsonWriter;
import org.vrrpd.api.link.LinkMonitor;
import org.vrrpd.api.net.InterfaceAddress;
import org.vrrpd.api.net.InterfaceRegistry;
import org.vrrpd.api.net.NetInterface;

/** The JSON form of {@code iface:list} and {@code iface:show} (schema: docs/json.md); one interface object for both. */
final class IfaceJson {
    private IfaceJson() {
    }

    /** {@code monitor} may be null: no link monitor runs. */
    static String list(InterfaceRegistry registry, LinkMonitor monitor) {
        JsonWriter w = new JsonWriter().beginObject().name("interfaces").beginArray();
        registry.interfaces().stream().sorted(Comparator.comparingInt(NetInterface::index)).forEach(i -> write(w, i, registry, monitor));
        return w.endArray().endObject().toString();
    }

    static String show(NetInterface i, InterfaceRegistry registry, LinkMonitor monitor) {
        JsonWriter w = new JsonWriter();
        write(w, i, registry, monitor);
        return w.toString();
    }

    private static void write(JsonWriter w, NetInterface i, InterfaceRegistry registry, LinkMonitor monitor) {
        w.beginObject().name("index").value(i.index())
                .name("name").value(i.name())
                .name("flags").strings(IfaceCommands.flagNames(i.flags()))
                .name("operState").value(i.operState())
                .name("mac").value(i.mac() == null ? null : i.mac().toString())
                .name("mtu").value(i.mtu())
                .name("kind").value(i.kind())
                .name("link");
        var status = monitor == null ? null : monitor.status(i.name()).orElse(null);
        if (status == null) {
            w.nullValue(); // no link monitor, or it does not watch this interface
        } else {
            w.beginObject().name("state").value(status.state().name()).name("source").value(status.source().name())
                    .name("changes").value(status.changes()).endObject();
        }
        w.name("lastChange").value(registry.lastChange(i.name()).map(Object::toString).orElse(null))
                .name("addresses").beginArray();
        for (InterfaceAddress a : i.addresses()) {
            w.beginObject().name("address").value(a.address())
                    .name("prefixLength").value(a.prefixLength())
                    .name("secondary").value(a.secondary())
                    .name("label").value(a.label())
                    .endObject();
        }
        w.endArray().endObject();
    }
}
