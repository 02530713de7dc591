package org.vrrpd.netlink.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.StringJoiner;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.vrrpd.api.json.JsonWriter;
import org.vrrpd.api.link.LinkMonitor;
import org.vrrpd.api.net.InterfaceAddress;
import org.vrrpd.api.net.InterfaceFlags;
import org.vrrpd.api.net.InterfaceRegistry;
import org.vrrpd.api.net.NetInterface;

/** Gogo {@code iface:list} and {@code iface:show NAME}. */
@Component(service = IfaceCommands.class,
        property = {"osgi.command.scope=iface", "osgi.command.function=list", "osgi.command.function=show"})
public class IfaceCommands {
    @Reference
    private InterfaceRegistry registry;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile LinkMonitor links;

    @Descriptor("lists every interface of the daemon's namespace with its state, MTU, MAC, kind and addresses")
    public String list(@Descriptor("print JSON (docs/json.md) instead of the table")
                       @Parameter(names = {"-j", "--json"}, presentValue = "true", absentValue = "false") boolean json) {
        if (json) {
            return IfaceJson.list(registry, links);
        }
        StringBuilder out = new StringBuilder(String.format("%-5s %-16s %-8s %-6s %-17s %-8s %s%n",
                "INDEX", "NAME", "OPER", "MTU", "MAC", "KIND", "FLAGS / ADDRESSES"));
        registry.interfaces().stream().sorted(Comparator.comparingInt(NetInterface::index)).forEach(i -> {
            StringJoiner addresses = new StringJoiner(" ");
            i.addresses().forEach(a -> addresses.add(a.toString().replace(" secondary", "(s)")));
            out.append(String.format("%-5d %-16s %-8s %-6d %-17s %-8s %s %s%n", i.index(), i.name(), i.operState(), i.mtu(),
                    i.mac() != null ? i.mac() : "-", i.kind() != null ? i.kind() : "-", flags(i.flags()), addresses));
        });
        return out.toString().stripTrailing();
    }

    @Descriptor("shows one interface: flags, operstate, MAC, MTU, kind, link status, last change and addresses")
    public String show(@Descriptor("print JSON (docs/json.md) instead of text")
                       @Parameter(names = {"-j", "--json"}, presentValue = "true", absentValue = "false") boolean json,
                       @Descriptor("the interface name, e.g. eth0") String name) {
        NetInterface i = registry.byName(name)
                .orElseThrow(() -> new IllegalArgumentException("no such interface: " + name));
        if (json) {
            return IfaceJson.show(i, registry, links);
        }
        StringBuilder out = new StringBuilder();
        out.append(String.format("%s (index %d)%n", i.name(), i.index()));
        out.append(String.format("  flags       %s%n", flags(i.flags())));
        out.append(String.format("  operstate   %s%n", i.operState()));
        out.append(String.format("  mac         %s%n", i.mac() != null ? i.mac() : "-"));
        out.append(String.format("  mtu         %d%n", i.mtu()));
        out.append(String.format("  kind        %s%n", i.kind() != null ? i.kind() : "-"));
        LinkMonitor monitor = links;
        out.append(String.format("  link        %s%n", monitor == null ? "(no link monitor)"
                : monitor.status(name).map(s -> s.state() + " (source " + s.source() + ", " + s.changes() + " changes)")
                        .orElse("(not monitored)")));
        out.append(String.format("  last change %s%n", registry.lastChange(name).map(Object::toString).orElse("-")));
        out.append("  addresses\n");
        for (InterfaceAddress a : i.addresses()) {
            out.append(String.format("    %-45s %-9s %s%n", JsonWriter.address(a.address()) + "/" + a.prefixLength(), // RFC 5952 for IPv6
                    a.secondary() ? "secondary" : "primary", a.label() != null ? a.label() : ""));
        }
        return out.toString().stripTrailing();
    }

    static String flags(int flags) {
        StringJoiner names = new StringJoiner(",", "<", ">");
        flagNames(flags).forEach(names::add);
        return names.toString();
    }

    /** The IFF_* flags set, by their kernel names in the kernel's order. */
    static List<String> flagNames(int flags) {
        List<String> names = new ArrayList<>();
        if ((flags & InterfaceFlags.IFF_UP) != 0) names.add("UP");
        if ((flags & InterfaceFlags.IFF_BROADCAST) != 0) names.add("BROADCAST");
        if ((flags & InterfaceFlags.IFF_LOOPBACK) != 0) names.add("LOOPBACK");
        if ((flags & InterfaceFlags.IFF_POINTOPOINT) != 0) names.add("POINTOPOINT");
        if ((flags & InterfaceFlags.IFF_RUNNING) != 0) names.add("RUNNING");
        if ((flags & InterfaceFlags.IFF_NOARP) != 0) names.add("NOARP");
        if ((flags & InterfaceFlags.IFF_PROMISC) != 0) names.add("PROMISC");
        if ((flags & InterfaceFlags.IFF_MULTICAST) != 0) names.add("MULTICAST");
        if ((flags & InterfaceFlags.IFF_LOWER_UP) != 0) names.add("LOWER_UP");
        return names;
    }
}
