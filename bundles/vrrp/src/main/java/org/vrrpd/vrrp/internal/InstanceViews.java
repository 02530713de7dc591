package org.vrrpd.vrrp.internal;

import java.net.InetAddress;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vrrpd.api.vrrp.RouterStatistics;
import org.vrrpd.api.vrrp.VrrpInstanceView;
import org.vrrpd.api.vrrp.VrrpOperation;
import org.vrrpd.api.vrrp.VrrpState;

/** What the shell and the API read of the instances: each call one snapshot, taken in one turn of the loop. Any thread. */
final class InstanceViews {
    private final EventLoop loop;
    private final InstanceRegistry instances;
    private final CheckerBinding checkers;
    private final VipReconciler vips;
    private final Map<String, String> addressTrouble;
    private final AdvertReceiver receiver;

    InstanceViews(EventLoop loop, InstanceRegistry instances, CheckerBinding checkers, VipReconciler vips, Map<String, String> addressTrouble,
                  AdvertReceiver receiver) {
        this.loop = loop;
        this.instances = instances;
        this.checkers = checkers;
        this.vips = vips;
        this.addressTrouble = addressTrouble;
        this.receiver = receiver;
    }

    List<VrrpInstanceView> all() throws Exception {
        return loop.call(() -> instances.all().stream().map(InstanceViews::view).toList());
    }

    List<VrrpOperation> operations() throws Exception {
        return loop.call(() -> instances.all().stream().map(InstanceViews::operation).toList());
    }

    /** The instances in a split brain now, each as "NAME with ADDRESS for N s: why". */
    List<String> splitBrains() throws Exception {
        return loop.call(() -> instances.all().stream().filter(i -> i.splitBrain.active()).map(i -> i.name() + " " + splitBrainText(i)).toList());
    }

    Optional<InstanceSnapshot> snapshot(String name) throws Exception {
        return loop.call(() -> Optional.ofNullable(instances.get(name)).map(this::snapshot));
    }

    /** Every instance's snapshot, taken in one turn of the loop. */
    List<InstanceSnapshot> snapshots() throws Exception {
        return loop.call(() -> instances.all().stream().map(this::snapshot).toList());
    }

    private InstanceSnapshot snapshot(VrrpInstance i) {
        return new InstanceSnapshot(view(i), i.settings(), i.masterAdverCentis(), i.skewNanos(), i.masterDownNanos(),
                Timing.listen(i.settings().version(), i.priority(), i.settings().advertCentis()), i.faults().describe(), checkers.describe(i),
                addressTrouble.get(i.name()), i.internalErrors(), vips.lastRenewal(i.name()), splitBrainText(i));
    }

    RouterStatistics routerStatistics() {
        return receiver.statistics();
    }

    /** "with 192.0.2.1 for 3 s: lower priority 100", or null: no other master heard. */
    private String splitBrainText(VrrpInstance i) {
        SplitBrain s = i.splitBrain;
        return s.active() ? "with " + RouterAddress.text(s.otherMasterHigh(), s.otherMaster(), i.settings().ipv6()) + " for "
                + (loop.now() - s.since()) / 1_000_000_000L + " s: " + s.reason() : null;
    }

    private static VrrpOperation operation(VrrpInstance i) {
        InstanceSettings s = i.settings();
        Instant upSince = i.state() == VrrpState.INITIALIZE ? null : Instant.now().minusNanos(System.nanoTime() - i.upSinceNanos());
        return new VrrpOperation(view(i), s.version(), s.advertCentis(), s.preempt(), s.authType(), upSince);
    }

    private static VrrpInstanceView view(VrrpInstance i) {
        InstanceSettings s = i.settings();
        InetAddress master = i.masterAddress() == 0 && i.masterAddressHigh() == 0 ? null
                : RouterAddress.toInet(i.masterAddressHigh(), i.masterAddress(), s.ipv6());
        return new VrrpInstanceView(s.name(), s.interfaceName(), s.vrid(), i.state(), s.priority(), i.priority(), master,
                s.virtualAddresses(), i.counters.snapshot(i.splitBrain.episodes()));
    }
}
