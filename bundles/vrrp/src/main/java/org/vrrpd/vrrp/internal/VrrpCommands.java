package org.vrrpd.vrrp.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.vrrpd.api.json.JsonWriter;
import org.vrrpd.api.vrrp.RouterStatistics;
import org.vrrpd.api.vrrp.VrrpInstanceView;
import org.vrrpd.api.vrrp.VrrpStatistics;

/** Gogo {@code vrrp:list} and {@code vrrp:show NAME}. */
@Component(service = VrrpCommands.class,
        property = {"osgi.command.scope=vrrp", "osgi.command.function=list", "osgi.command.function=show"})
public class VrrpCommands {
    @Reference
    private VrrpEngine engine;

    @Descriptor("lists every VRRP instance: interface, VRID, version and family, state, priority, master, the interval it times the master "
            + "by, and virtual addresses")
    public String list(@Descriptor("print JSON (docs/json.md) instead of the table")
                       @Parameter(names = {"-j", "--json"}, presentValue = "true", absentValue = "false") boolean json) throws Exception {
        List<InstanceSnapshot> snapshots = engine.snapshots();
        if (json) {
            return InstanceJson.list(snapshots, engine.routerStatistics());
        }
        StringBuilder out = new StringBuilder(String.format("%-16s %-10s %-5s %-8s %-10s %-8s %-15s %-8s %s%n",
                "NAME", "INTERFACE", "VRID", "VERSION", "STATE", "PRIORITY", "MASTER", "INTERVAL", "VIRTUAL ADDRESSES"));
        for (InstanceSnapshot snapshot : snapshots) {
            VrrpInstanceView v = snapshot.view();
            InstanceSettings c = snapshot.settings();
            out.append(String.format("%-16s %-10s %-5d %-8s %-10s %-8d %-15s %-8s %s%n", v.name(), v.interfaceName(), v.vrid(),
                    "v" + c.version() + " " + family(c), v.state(), v.effectivePriority(), master(v),
                    InstanceSettings.secondsText(snapshot.masterAdverCentis()) + " s", addresses(v)));
        }
        RouterStatistics router = engine.routerStatistics();
        for (String splitBrain : engine.splitBrains()) {
            out.append("SPLIT BRAIN: ").append(splitBrain).append('\n');
        }
        out.append(String.format("received for no instance here: %d unreadable, %d for other VRIDs%n", router.unreadableDatagrams(),
                router.vridErrors()));
        return out.toString().stripTrailing();
    }

    /** One snapshot of the instance, with the timers it runs on (from its effective priority). */
    @Descriptor("shows one VRRP instance: state, priorities, master, timers, preemption, authentication, checks, faults and statistics")
    public String show(@Descriptor("print JSON (docs/json.md) instead of text")
                       @Parameter(names = {"-j", "--json"}, presentValue = "true", absentValue = "false") boolean json,
                       @Descriptor("the instance name, as in its configuration's name key") String name) throws Exception {
        InstanceSnapshot snapshot = engine.snapshot(name).orElseThrow(() -> new IllegalArgumentException("no VRRP instance " + name));
        if (json) {
            return InstanceJson.show(snapshot);
        }
        VrrpInstanceView v = snapshot.view();
        InstanceSettings c = snapshot.settings();
        VrrpStatistics s = v.statistics();
        StringBuilder out = new StringBuilder();
        out.append(String.format("%s: %s on %s, vrid %d, priority %d%s%n", v.name(), v.state(), v.interfaceName(), v.vrid(),
                v.effectivePriority(), v.effectivePriority() == v.configuredPriority() ? "" : " (configured " + v.configuredPriority() + ")"));
        out.append(String.format("  master            %s%n", master(v)));
        out.append(String.format("  addresses         %s%s%n", addresses(v),
                snapshot.addressTrouble() == null ? "" : " (" + snapshot.addressTrouble() + ")"));
        if (!c.excludedAddresses().isEmpty()) {
            out.append(String.format("  not advertised    %s%n", c.excludedAddresses().stream().map(a -> a.address().getHostAddress())
                    .collect(Collectors.joining(" "))));
        }
        out.append(String.format("  version           VRRPv%d over %s%s%n", c.version(), family(c), c.strict() ? ", strict (RFC only)" : ""));
        out.append(String.format("  transport         %s%n", transport(c, s.unknownPeers())));
        out.append(String.format("  virtual MAC       %s%n", vmac(c)));
        out.append(String.format("  timers            advert %s s%s, skew %.3f s, master down %.3f s%s%n", InstanceSettings.secondsText(c.advertCentis()),
                snapshot.masterAdverCentis() == c.advertCentis() ? "" : ", the master's " + InstanceSettings.secondsText(snapshot.masterAdverCentis()) + " s",
                snapshot.skewNanos() / 1e9, snapshot.masterDownNanos() / 1e9,
                c.initialMaster() ? String.format(", first listen %.3f s", snapshot.listenNanos() / 1e9) : ""));
        out.append(String.format("  address lease     %s%n", lease(c, snapshot)));
        out.append(String.format("  preemption        %s%n", c.preempt() ? "on, delay " + c.preemptDelay().toPlainString() + " s" : "off"));
        out.append(String.format("  authentication    %s%n", c.authType()));
        out.append(String.format("  %-18s%d per address, again after %s, refresh %s%n", c.ipv6() ? "neighbor adverts" : "gratuitous ARP",
                c.garpMasterRepeat(), c.garpMasterDelay() > 0 ? c.garpMasterDelay() + " s" : "never",
                c.garpMasterRefresh() > 0 ? c.garpMasterRefreshRepeat() + " every " + c.garpMasterRefresh() + " s" : "off"));
        out.append(String.format("  checks            %s%n", snapshot.checks().isEmpty() ? "none" : String.join("; ", snapshot.checks())));
        out.append(String.format("  faults            %s%n", snapshot.faults().isEmpty() ? "none" : String.join("; ", snapshot.faults())));
        out.append(String.format("  split brain       %s (%d so far)%n", snapshot.splitBrain() == null ? "none" : snapshot.splitBrain(), s.splitBrains()));
        out.append(String.format("  adverts           sent %d, received %d%n", s.advertisementsSent(), s.advertisementsReceived()));
        out.append(String.format("  became master     %d times%n", s.becomeMaster()));
        out.append(String.format("  priority 0        sent %d, received %d%n", s.priorityZeroSent(), s.priorityZeroReceived()));
        out.append(String.format("  dropped           ttl %d, version %d, type %d, length %d, checksum %d, interval %d%n",
                s.ipTtlErrors(), s.versionErrors(), s.invalidTypeReceived(), s.packetLengthErrors(), s.checksumErrors(),
                s.advertisementIntervalErrors()));
        out.append(String.format("  auth              invalid type %d, type mismatch %d, failures %d, replays %d%n", s.invalidAuthType(),
                s.authTypeMismatch(), s.authFailures(), s.authReplays()));
        out.append(String.format("  address list      %d mismatches (%s)%n", s.addressListErrors(), c.strict() ? "dropped unless from the owner"
                : "accepted"));
        if (snapshot.internalErrors() > 0) {
            out.append(String.format("  internal errors   %d (transitions that threw; see the log)%n", snapshot.internalErrors()));
        }
        return out.toString().stripTrailing();
    }

    static String family(InstanceSettings c) {
        return c.ipv6() ? "IPv6" : "IPv4";
    }

    /** The master's address in RFC 5952 form for IPv6, or "-". */
    private static String master(VrrpInstanceView v) {
        return v.masterAddress() == null ? "-" : JsonWriter.address(v.masterAddress());
    }

    /** "multicast to 224.0.0.18" (ff02::12), or the peers with their TTL bounds, our source and TTL, and what came from others. */
    static String transport(InstanceSettings c, long unknownPeers) {
        Unicast u = c.unicast();
        if (!u.enabled()) {
            return "multicast to " + RouterAddress.group(c.ipv6());
        }
        boolean ipv6 = c.ipv6();
        String ttl = ipv6 ? "hop limit " : "TTL ";
        String peers = u.peers().stream().map(p -> p.text(ipv6) + (p.minTtl() == 0 && p.maxTtl() == 255 ? ""
                : " (" + ttl + p.minTtl() + ".." + p.maxTtl() + ")")).collect(Collectors.joining(", "));
        String source = u.hasSource() ? u.sourceText(ipv6) : ipv6 ? "the link-local address" : "the primary address";
        return "unicast to " + peers + " from " + source + ", " + ttl + u.ttl() + "; " + unknownPeers + " adverts from others dropped";
    }

    /** e.g. "vrrp.51 00:00:5e:00:01:33 on eth0, adverts from it", or "none (the interface's own MAC)". */
    private static String vmac(InstanceSettings c) {
        if (!c.vmac().enabled()) {
            return "none (the interface's own MAC)";
        }
        return c.vmac().name() + " " + vmacAddress(c) + " on " + c.interfaceName()
                + (c.vmac().xmitBase() ? ", adverts from " + c.interfaceName() + " (vmacXmitBase)" : ", adverts from it");
    }

    static String vmacAddress(InstanceSettings c) {
        return Vmac.mac(c.vrid(), !c.virtualAddresses().get(0).isIpv4()).toString();
    }

    /** e.g. "5 s (default), renewed every 1 s, last 0.42 s ago", or "forever (vipLease = 0)". */
    private static String lease(InstanceSettings c, InstanceSnapshot snapshot) {
        if (c.vipLease() == 0) {
            return "forever (vipLease = 0)";
        }
        boolean byDefault = c.vipLease() == LeaseSchedule.defaultLeaseSeconds((c.advertCentis() + 99) / 100);
        return String.format("%d s%s, renewed every %s s%s", c.vipLease(), byDefault ? " (default)" : "",
                BigDecimal.valueOf(LeaseSchedule.renewalNanos(c.vipLeaseDuration()), 9).stripTrailingZeros().toPlainString(),
                snapshot.lastLeaseRenewal().isPresent()
                        ? String.format(", last %.2f s ago", (System.nanoTime() - snapshot.lastLeaseRenewal().getAsLong()) / 1e9) : "");
    }

    private static String addresses(VrrpInstanceView v) {
        return v.virtualAddresses().stream().map(a -> JsonWriter.address(a.address())).collect(Collectors.joining(" "));
    }
}
