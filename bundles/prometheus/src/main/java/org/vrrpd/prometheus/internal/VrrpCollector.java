package org.vrrpd.prometheus.internal;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import org.vrrpd.api.vrrp.RouterStatistics;
import org.vrrpd.api.vrrp.VrrpInstanceView;
import org.vrrpd.api.vrrp.VrrpInstances;
import org.vrrpd.api.vrrp.VrrpStatistics;

/**
 * The engine's public views as Prometheus metric families, read fresh at every scrape: one data
 * point per instance (labels instance, interface, vrid), and the router-wide counters. Counter
 * names get {@code _total} from the exposition format.
 */
final class VrrpCollector implements MultiCollector {
    /** One per-instance family: what it reads from the instance and its transition log entry. */
    private record Family(String name, String help, boolean counter, ToDoubleFunction<Sample> value) {
    }

    /** One instance as a scrape sees it. */
    record Sample(VrrpInstanceView view, TransitionLog.Entry log) {
        VrrpStatistics stats() {
            return view.statistics();
        }
    }

    /** Drop reasons (RFC 2787 vrrpStatsTable, and ours), the {@code reason} label of the drop counter. */
    private record Drop(String reason, ToDoubleFunction<VrrpStatistics> count) {
    }

    private static final List<Family> FAMILIES = List.of(
            new Family("vrrpd_instance_state", "The instance's state: 0 INITIALIZE, 1 BACKUP, 2 MASTER, 3 FAULT", false,
                    s -> s.view().state().ordinal()),
            new Family("vrrpd_instance_priority", "The effective priority, after the checkers' weights (what adverts carry)", false,
                    s -> s.view().effectivePriority()),
            new Family("vrrpd_instance_configured_priority", "The configured priority (255: address owner)", false,
                    s -> s.view().configuredPriority()),
            new Family("vrrpd_instance_adverts_sent", "Adverts sent", true, s -> s.stats().advertisementsSent()),
            new Family("vrrpd_instance_adverts_received", "Adverts received and accepted", true, s -> s.stats().advertisementsReceived()),
            new Family("vrrpd_instance_become_master", "Transitions to MASTER (vrrpStatsBecomeMaster)", true, s -> s.stats().becomeMaster()),
            new Family("vrrpd_instance_priority_zero_sent", "Priority-0 adverts sent (resignations)", true, s -> s.stats().priorityZeroSent()),
            new Family("vrrpd_instance_priority_zero_received", "Priority-0 adverts received", true,
                    s -> s.stats().priorityZeroReceived()),
            new Family("vrrpd_instance_address_list_errors", "Adverts whose address list differs from ours (accepted, as keepalived)",
                    true, s -> s.stats().addressListErrors()),
            new Family("vrrpd_instance_transitions", "State transitions since the exporter started", true, s -> s.log().transitions()),
            new Family("vrrpd_instance_last_transition_timestamp_seconds",
                    "Unix time of the last transition since the exporter started, 0 if none", false,
                    s -> s.log().lastTransition() == null ? 0 : s.log().lastTransition().toEpochMilli() / 1000.0),
            new Family("vrrpd_instance_split_brain", "1 while this master hears another master it does not yield to, else 0", false,
                    s -> s.log().splitBrain() ? 1 : 0),
            new Family("vrrpd_instance_split_brains", "Split brains this instance saw as master", true, s -> s.stats().splitBrains()));

    private static final List<Drop> DROPS = List.of(
            new Drop("ip_ttl", VrrpStatistics::ipTtlErrors),
            new Drop("version", VrrpStatistics::versionErrors),
            new Drop("invalid_type", VrrpStatistics::invalidTypeReceived),
            new Drop("packet_length", VrrpStatistics::packetLengthErrors),
            new Drop("checksum", VrrpStatistics::checksumErrors),
            new Drop("advert_interval", VrrpStatistics::advertisementIntervalErrors),
            new Drop("invalid_auth_type", VrrpStatistics::invalidAuthType),
            new Drop("auth_type_mismatch", VrrpStatistics::authTypeMismatch),
            new Drop("auth_failure", VrrpStatistics::authFailures),
            new Drop("auth_replay", VrrpStatistics::authReplays),
            new Drop("unknown_peer", VrrpStatistics::unknownPeers));

    private final Supplier<VrrpInstances> engine;
    private final TransitionLog log;

    /** {@code engine} may supply null while the engine is away: then only the up gauge says so. */
    VrrpCollector(Supplier<VrrpInstances> engine, TransitionLog log) {
        this.engine = engine;
        this.log = log;
    }

    @Override
    public MetricSnapshots collect() {
        VrrpInstances instances = engine.get();
        List<MetricSnapshot> families = new ArrayList<>();
        families.add(gauge("vrrpd_engine_up", "1 while the VRRP engine's views are there, else 0", Labels.EMPTY, instances == null ? 0 : 1));
        if (instances == null) {
            return new MetricSnapshots(families);
        }
        List<Sample> samples = instances.instances().stream().map(v -> new Sample(v, log.of(v.name()))).toList();
        for (Family f : FAMILIES) {
            if (f.counter()) {
                CounterSnapshot.Builder b = CounterSnapshot.builder().name(f.name()).help(f.help());
                samples.forEach(s -> b.dataPoint(counterPoint(labels(s.view()), f.value().applyAsDouble(s))));
                families.add(b.build());
            } else {
                GaugeSnapshot.Builder b = GaugeSnapshot.builder().name(f.name()).help(f.help());
                samples.forEach(s -> b.dataPoint(GaugeDataPointSnapshot.builder().labels(labels(s.view()))
                        .value(f.value().applyAsDouble(s)).build()));
                families.add(b.build());
            }
        }
        CounterSnapshot.Builder drops = CounterSnapshot.builder().name("vrrpd_instance_adverts_dropped")
                .help("Adverts dropped, by reason (RFC 2787 vrrpStatsTable; unknown_peer: unicast, not a peer)");
        for (Sample s : samples) {
            for (Drop d : DROPS) {
                drops.dataPoint(counterPoint(labels(s.view()).add("reason", d.reason()), d.count().applyAsDouble(s.stats())));
            }
        }
        families.add(drops.build());
        RouterStatistics router = instances.routerStatistics();
        families.add(counter("vrrpd_router_unreadable_datagrams", "Datagrams too short or malformed to tell their virtual router",
                router.unreadableDatagrams()));
        families.add(counter("vrrpd_router_vrid_errors", "Adverts for a VRID no instance has on their interface (vrrpRouterVrIdErrors)",
                router.vridErrors()));
        return new MetricSnapshots(families);
    }

    private static Labels labels(VrrpInstanceView view) {
        return Labels.of("instance", view.name(), "interface", view.interfaceName(), "vrid", String.valueOf(view.vrid()));
    }

    private static CounterDataPointSnapshot counterPoint(Labels labels, double value) {
        return CounterDataPointSnapshot.builder().labels(labels).value(value).build();
    }

    private static MetricSnapshot counter(String name, String help, double value) {
        return CounterSnapshot.builder().name(name).help(help).dataPoint(counterPoint(Labels.EMPTY, value)).build();
    }

    private static MetricSnapshot gauge(String name, String help, Labels labels, double value) {
        return GaugeSnapshot.builder().name(name).help(help)
                .dataPoint(GaugeDataPointSnapshot.builder().labels(labels).value(value).build()).build();
    }
}
