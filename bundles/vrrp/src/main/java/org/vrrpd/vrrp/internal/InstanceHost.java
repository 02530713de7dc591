package org.vrrpd.vrrp.internal;

import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vrrpd.api.vrrp.LowerPriorityAdvert;
import org.vrrpd.api.vrrp.PriorityChange;
import org.vrrpd.api.vrrp.SplitBrainReport;
import org.vrrpd.api.vrrp.StateChange;
import org.vrrpd.api.vrrp.VrrpState;
import org.vrrpd.kernel.Ipv4;
import org.vrrpd.kernel.NativeException;

/**
 * What the instances' actions do in the world: adverts through their interface's channel, addresses
 * through the VIP reconciler, gratuitous ARP, and state changes to the notifiers and the sync
 * groups. Loop thread only; nothing here waits.
 */
final class InstanceHost implements InstanceEffects {
    private static final Logger LOG = LoggerFactory.getLogger(InstanceHost.class);

    private final Timers loop;
    private final InterfaceChannels channels;
    private final VipReconciler vips;
    private final GarpAnnouncer garp;
    private final SyncGroups syncGroups;
    private final NotifierDispatch notifiers;

    InstanceHost(Timers loop, InterfaceChannels channels, VipReconciler vips, GarpAnnouncer garp, SyncGroups syncGroups,
                 NotifierDispatch notifiers) {
        this.loop = loop;
        this.channels = channels;
        this.vips = vips;
        this.garp = garp;
        this.syncGroups = syncGroups;
        this.notifiers = notifiers;
    }

    @Override
    public Timers timers() {
        return loop;
    }

    @Override
    public long primaryAddress(VrrpInstance instance) {
        return source(instance, channels.of(instance));
    }

    /** The unicastSource, else the channel's primary address; 0 without either. */
    private static long source(VrrpInstance instance, InterfaceChannel channel) {
        Unicast unicast = instance.settings().unicast();
        if (unicast.hasSource()) {
            return unicast.sourceLow();
        }
        return channel == null ? 0 : channel.primary();
    }

    @Override
    public void sendAdvert(VrrpInstance instance, int priority) {
        InterfaceChannel channel = channels.of(instance); // looked up once per advert: the lookup is by name
        long source = source(instance, channel);
        if (channel == null || source == 0 || instance.auth() == null) {
            return;
        }
        Unicast unicast = instance.settings().unicast();
        if (!unicast.enabled()) {
            send(instance, channel, priority, source, null);
        } else {
            for (int i = 0; i < unicast.peers().size(); i++) {
                send(instance, channel, priority, source, unicast.peers().get(i));
            }
        }
        if (instance.state() != VrrpState.MASTER) {
            // a new master's first advert leaves now, before its addresses and ARPs are seen to: its ARPs
            // would flush the batch a moment later anyway, and the backups are waiting for it
            channel.flush();
        }
    }

    /** To {@code peer}, or to the VRRP group when null; IPv4 adverts of the timers' turn are queued for one sendmmsg ({@link SendBatches}). */
    private static void send(VrrpInstance instance, InterfaceChannel channel, int priority, long source, Unicast.Peer peer) {
        try {
            channel.send(instance, priority, instance.advert(priority, source, peer), peer == null ? Ipv4.VRRP_GROUP : peer.ipv4());
            count(instance, priority, 1);
        } catch (NativeException e) {
            boolean ipv6 = instance.settings().ipv6();
            notSent(instance, priority, peer == null ? RouterAddress.group(ipv6) : RouterAddress.text(peer.high(), peer.low(), ipv6), e);
        }
    }

    /** An IPv4 advert counted as sent when it was queued ({@link SendBatches}) was refused by the kernel. */
    static void refused(VrrpInstance instance, int priority, int destination, NativeException e) {
        count(instance, priority, -1);
        notSent(instance, priority, Ipv4.toString(destination), e);
    }

    private static void count(VrrpInstance instance, int priority, int delta) {
        instance.counters.advertisementsSent += delta;
        if (priority == 0) {
            instance.counters.priorityZeroSent += delta;
        }
    }

    private static void notSent(VrrpInstance instance, int priority, String destination, NativeException e) {
        if (priority != 0) { // a resignation on a link that just failed is expected to fail
            LOG.warn("{}: advert to {} not sent: {}", instance.name(), destination, e.getMessage());
        }
    }

    /** The configured addresses, leased for the configured lease, and nothing else this instance added before (a reconfiguration dropped some). */
    @Override
    public void addVips(VrrpInstance instance) {
        InstanceSettings s = instance.settings();
        vips.want(s.name(), s.addressInterface(), s.managedAddresses(), List.of(), s.vipLeaseDuration());
    }

    /** None: the configured ones go too, which also cleans up after a crashed predecessor. */
    @Override
    public void removeVips(VrrpInstance instance) {
        InstanceSettings s = instance.settings();
        vips.want(s.name(), s.addressInterface(), List.of(), s.managedAddresses());
    }

    @Override
    public void sendGarps(VrrpInstance instance, int count) {
        InterfaceChannel channel = channels.of(instance);
        if (channel != null) {
            channel.flush(); // the transition's advert, held for the turn's sendmmsg, leaves before its ARPs, as keepalived sends them
        }
        garp.announce(instance, count);
    }

    @Override
    public void splitBrainChanged(VrrpInstance instance, boolean active) {
        SplitBrain s = instance.splitBrain;
        boolean ipv6 = instance.settings().ipv6();
        String other = RouterAddress.text(s.otherMasterHigh(), s.otherMaster(), ipv6);
        if (active) {
            LOG.warn("{}: split brain: {} is master too ({}); we stay master, answer its adverts and refresh the neighbours' ARP caches",
                    instance.name(), other, s.reason());
        } else {
            LOG.info("{}: split brain with {} over after {} s", instance.name(), other, (loop.now() - s.since()) / 1_000_000_000L);
        }
        notifiers.tell(new SplitBrainReport(instance.name(), instance.settings().vrid(), RouterAddress.toInet(s.otherMasterHigh(), s.otherMaster(), ipv6), s.reason(), active,
                Instant.now()));
    }

    @Override
    public void priorityChanged(VrrpInstance instance, int from) {
        InstanceSettings s = instance.settings();
        LOG.info("{}: effective priority {} -> {}", s.name(), from, instance.priority());
        notifiers.tell(new PriorityChange(s.name(), s.vrid(), instance.state(), from, instance.priority(), Instant.now()));
    }

    /** Built only when a notifier listens: a lower master's adverts keep coming, one per its interval. */
    @Override
    public void lowerPriorityHeard(VrrpInstance instance, int priority, long sourceHigh, long source) {
        if (notifiers.any()) {
            InstanceSettings s = instance.settings();
            notifiers.tell(new LowerPriorityAdvert(s.name(), s.vrid(), RouterAddress.toInet(sourceHigh, source, s.ipv6()), priority, instance.priority(),
                    Instant.now()));
        }
    }

    @Override
    public void stateChanged(VrrpInstance instance, VrrpState from, String reason) {
        InstanceSettings s = instance.settings();
        LOG.info("{}: {} -> {} ({})", s.name(), from, instance.state(), reason);
        notifiers.tell(new StateChange(s.name(), s.vrid(), from, instance.state(), instance.priority(), reason, Instant.now()));
        syncGroups.stateChanged(instance, from);
    }
}
