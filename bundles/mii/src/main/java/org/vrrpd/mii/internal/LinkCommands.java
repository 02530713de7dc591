package org.vrrpd.mii.internal;

import java.util.Comparator;
import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.vrrpd.api.link.LinkStatus;

/** Gogo {@code link:status}: each monitored interface, its source, state, changes and why that source. */
@Component(service = LinkCommands.class, property = {"osgi.command.scope=link", "osgi.command.function=status"})
public class LinkCommands {
    @Reference
    private LinkMonitorComponent monitor;

    @Descriptor("lists each monitored interface: link source (MII, ETHTOOL, NETLINK), state, changes and why that source")
    public String status() {
        StringBuilder out = new StringBuilder(String.format("%-16s %-8s %-5s %7s  %-24s %s%n",
                "INTERFACE", "SOURCE", "STATE", "CHANGES", "LAST CHANGE", "WHY THIS SOURCE"));
        monitor.statuses().stream().sorted(Comparator.comparing(LinkStatus::interfaceName)).forEach(s ->
                out.append(String.format("%-16s %-8s %-5s %7d  %-24s %s%n", s.interfaceName(), s.source(), s.state(), s.changes(),
                        s.lastChange(), monitor.notes().getOrDefault(s.interfaceName(), ""))));
        out.append("polled sources are read every ").append(monitor.pollInterval()).append(" ms");
        return out.toString();
    }
}
