package org.vrrpd.mii.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.vrrpd.api.json.JsonWriter;
import org.vrrpd.api.link.LinkStatus;

/** Gogo {@code link:status}: each monitored interface, its source, state, changes and why that source. */
@Component(service = LinkCommands.class, property = {"osgi.command.scope=link", "osgi.command.function=status"})
public class LinkCommands {
    @Reference
    private LinkMonitorComponent monitor;

    @Descriptor("lists each monitored interface: link source (MII, ETHTOOL, NETLINK), state, changes and why that source")
    public String status(@Descriptor("print JSON (docs/json.md) instead of the table")
                         @Parameter(names = {"-j", "--json"}, presentValue = "true", absentValue = "false") boolean json) {
        List<LinkStatus> statuses = monitor.statuses().stream().sorted(Comparator.comparing(LinkStatus::interfaceName)).toList();
        Map<String, String> notes = monitor.notes();
        if (json) {
            return json(statuses, notes);
        }
        StringBuilder out = new StringBuilder(String.format("%-16s %-8s %-5s %7s  %-24s %s%n",
                "INTERFACE", "SOURCE", "STATE", "CHANGES", "LAST CHANGE", "WHY THIS SOURCE"));
        statuses.forEach(s ->
                out.append(String.format("%-16s %-8s %-5s %7d  %-24s %s%n", s.interfaceName(), s.source(), s.state(), s.changes(),
                        s.lastChange(), notes.getOrDefault(s.interfaceName(), ""))));
        out.append("polled sources are read every ").append(monitor.pollInterval()).append(" ms");
        return out.toString();
    }

    private String json(List<LinkStatus> statuses, Map<String, String> notes) {
        JsonWriter w = new JsonWriter().beginObject().name("pollIntervalMillis").value(monitor.pollInterval()).name("links").beginArray();
        for (LinkStatus s : statuses) {
            w.beginObject().name("interface").value(s.interfaceName())
                    .name("source").value(s.source().name())
                    .name("state").value(s.state().name())
                    .name("changes").value(s.changes())
                    .name("lastChange").value(s.lastChange() == null ? null : s.lastChange().toString())
                    .name("whyThisSource").value(notes.getOrDefault(s.interfaceName(), ""))
                    .endObject();
        }
        return w.endArray().endObject().toString();
    }
}
