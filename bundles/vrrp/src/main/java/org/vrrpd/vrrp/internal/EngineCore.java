package org.vrrpd.vrrp.internal;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vrrpd.api.arp.GratuitousArpSender;
import org.vrrpd.api.arp.NeighborAdvertisementSender;
import org.vrrpd.api.auth.Authenticator;
import org.vrrpd.api.link.LinkMonitor;
import org.vrrpd.api.net.InterfaceRegistry;
import org.vrrpd.api.spi.Checker;
import org.vrrpd.api.spi.Notifier;
import org.vrrpd.api.vrrp.VrrpState;
import org.vrrpd.kernel.NativeException;

/**
 * The engine's roles wired together, without OSGi (the DS component {@link VrrpEngine} feeds it;
 * tests build it with sockets of their own): one event loop owns every instance, channel and
 * timer; other threads only post to it. Netlink work is on the VIP reconciler's thread, plug-ins on
 * their own threads.
 */
final class EngineCore {
    private static final Logger LOG = LoggerFactory.getLogger(EngineCore.class);
    /** How long a stopping engine waits for its address removals to reach the kernel. */
    private static final long VIP_DRAIN_MILLIS = 5000;

    private final EventLoop loop;
    private final InstanceRegistry instances = new InstanceRegistry();
    private final AdvertReceiver receiver;
    private final InterfaceChannels channels;
    private final VmacLinks vmacs;
    private final VipReconciler vips;
    private final InstanceHost host;
    private final SyncGroups syncGroups = new SyncGroups(instances);
    private final AuthBinding auth = new AuthBinding();
    private final CheckerBinding checkers;
    private final NotifierDispatch notifiers = new NotifierDispatch();
    private final HandoffStore handoffs;
    private final TimerHeap.Timer handoffExpiry;
    /** Leftover VMACs are removed once the configurations have had this long to arrive after a start. */
    private static final long LEFTOVER_VMAC_NANOS = HandoffStore.CLAIM_NANOS;
    private final TimerHeap.Timer leftoverVmacs;
    /** Loop thread only: the last address change that failed, per instance, for vrrp:show. */
    private final Map<String, String> addressTrouble = new HashMap<>();
    private final InstanceViews views;
    private final StartupDelay startupDelay;
    private final LoopScheduling scheduling;
    private volatile boolean closed;
    /** Loop thread only: the daemon is stopping (resignAll); configurations that arrive now start nothing. */
    private boolean resigned;

    EngineCore(Path handoffFile, ChannelSockets.Factory sockets, Supplier<InterfaceRegistry> registry, Supplier<LinkMonitor> links,
               Supplier<GratuitousArpSender> arp, Supplier<NeighborAdvertisementSender> na) throws NativeException {
        loop = new EventLoop("vrrpd-vrrp");
        receiver = new AdvertReceiver(loop);
        vmacs = new VmacLinks(registry, loop::post, this::refreshConcerning, new VmacSysctls(VmacSysctls.PROC));
        channels = new InterfaceChannels(loop, loop.sends(), sockets, receiver, instances, registry, links,
                (s, interfaces) -> {
                    String vmac = vmacs.fault(s, s.vmac().enabled() ? interfaces.byName(s.vmac().name()) : Optional.empty());
                    return vmac != null ? vmac : LinkFaults.ofUnicastSource(s, interfaces.byName(s.interfaceName()));
                });
        vips = new VipReconciler(registry, (owner, outcomes) -> loop.post(() -> addressesApplied(owner, outcomes)));
        host = new InstanceHost(loop, channels, vips, new GarpAnnouncer(arp, na, registry, loop), syncGroups, notifiers);
        checkers = new CheckerBinding(loop);
        handoffs = new HandoffStore(handoffFile);
        views = new InstanceViews(loop, instances, checkers, vips, addressTrouble, receiver);
        startupDelay = new StartupDelay(loop);
        scheduling = new LoopScheduling(loop);
        handoffExpiry = new TimerHeap.Timer(() -> handoffs.expire((owner, iface, addresses) -> vips.want(owner, iface, List.of(), addresses)));
        leftoverVmacs = new TimerHeap.Timer(vmacs::removeLeftovers);
    }

    /** Takes what the previous incarnation handed over; returns the names. */
    Set<String> start() throws Exception {
        Set<String> taken = handoffs.take();
        loop.call(() -> {
            if (!taken.isEmpty()) {
                startupDelay.handedOver();
                loop.schedule(handoffExpiry, HandoffStore.CLAIM_NANOS);
            }
            loop.schedule(leftoverVmacs, LEFTOVER_VMAC_NANOS);
            return null;
        });
        return taken;
    }

    /**
     * Stops every instance: {@code handOver} parks them for the next incarnation (timers stopped,
     * VIPs left, no priority 0); otherwise they resign and their VIPs are removed, as keepalived does.
     */
    void stop(boolean handOver) throws Exception {
        loop.call(() -> {
            for (VrrpInstance instance : List.copyOf(instances.all())) {
                if (handOver) {
                    parkNow(instance.name());
                } else {
                    removeNow(instance.name());
                }
            }
            handoffs.save();
            channels.closeAll();
            return null;
        });
        closed = true;
        loop.close();
        vips.close(VIP_DRAIN_MILLIS);
        vmacs.close(VIP_DRAIN_MILLIS);
        checkers.close();
        notifiers.close(1000);
    }

    /**
     * The first step of a daemon stop, before the framework's: every instance resigns (priority 0,
     * VIPs removed) and none starts any more; waits until the removals reached the kernel or
     * {@code timeoutMillis} passed. The framework's stop that follows finds nothing left to stop.
     */
    boolean resignAll(long timeoutMillis) throws Exception {
        if (closed) {
            return true;
        }
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        loop.call(() -> {
            resigned = true;
            for (VrrpInstance instance : List.copyOf(instances.all())) {
                removeNow(instance.name());
            }
            return null;
        });
        return vips.awaitIdle(Math.max(0, (deadline - System.nanoTime()) / 1_000_000));
    }

    // ---- instances ----

    void add(InstanceSettings settings) throws Exception {
        loop.call(() -> {
            addNow(settings);
            return null;
        });
    }

    void update(String oldName, InstanceSettings settings) throws Exception {
        loop.call(() -> {
            VrrpInstance current = instances.get(oldName);
            instances.checkConflicts(settings, oldName); // before anything is torn down: a rejected change keeps the old one
            if (current != null && oldName.equals(settings.name()) && settings.liveChangeableFrom(current.settings())) {
                boolean newKey = !settings.sameAuthAs(current.settings());
                long continuation = AuthBinding.continuation(current);
                current.reconfigure(settings);
                channels.refresh(settings.channelInterface()); // peers may have come or gone: join or leave the group
                if (newKey) {
                    current.setAuth(null); // the old key must not be used while the new type is missing
                    auth.bind(current, continuation);
                }
                LOG.info("{}: reconfigured in place (priority {}, addresses {})", settings.name(), settings.priority(),
                        settings.vipStrings());
            } else {
                removeNow(oldName);
                addNow(settings);
            }
            return null;
        });
    }

    void remove(String name) throws Exception {
        if (!closed) {
            loop.call(() -> {
                removeNow(name);
                return null;
            });
        }
    }

    /** The instance's bundle is stopping: park it for the next engine ({@code handOver}) or stop it. */
    void handOver(String name, boolean handOver) throws Exception {
        if (!closed) {
            loop.call(() -> {
                if (handOver) {
                    parkNow(name);
                } else {
                    removeNow(name);
                }
                return null;
            });
        }
    }

    private void addNow(InstanceSettings s) {
        if (resigned) {
            LOG.info("{}: not started, the daemon is stopping", s.name());
            return;
        }
        instances.checkConflicts(s, null);
        VrrpInstance instance = new VrrpInstance(host, s);
        instances.put(instance);
        Handoff handoff = handoffs.claim(s.name());
        auth.bind(instance, handoff == null ? 0 : handoff.authContinuation());
        vmacs.want(s);
        channels.refresh(s.channelInterface());
        checkers.attachAll(instance);
        if (handoff != null && handoff.fits(s, System.currentTimeMillis()) && instance.faults().isEmpty()) {
            instance.resume(handoff.state());
            LOG.info("{}: resumed as {} from the previous engine, {} ms after it stopped", s.name(), instance.state(),
                    System.currentTimeMillis() - handoff.savedAtMillis());
            return;
        }
        startupDelay.start(instance);
        LOG.info("{}: started on {} (vrid {}, VRRPv{}, priority {}, advert {} s, auth {}, addresses {}) in {}", s.name(),
                s.vmac().enabled() ? s.interfaceName() + " with VMAC " + s.vmac().name() : s.interfaceName(),
                s.vrid(), s.version(), s.priority(), InstanceSettings.secondsText(s.advertCentis()), s.authType(), s.vipStrings(), instance.state());
    }

    private void removeNow(String name) {
        VrrpInstance instance = instances.get(name);
        if (instance != null) {
            instance.stop();
            instances.remove(name);
            forget(instance);
            vmacs.release(instance.settings());
            LOG.info("{}: removed", name);
        }
    }

    /** Stops the instance's timers and remembers it, leaving its VIPs and sending no priority 0. */
    private void parkNow(String name) {
        VrrpInstance instance = instances.remove(name);
        if (instance != null) {
            instance.park();
            handoffs.park(instance);
            forget(instance);
        }
    }

    /** Drops what the engine keeps about an instance that no longer runs here. */
    private void forget(VrrpInstance instance) {
        startupDelay.cancel(instance.name());
        checkers.detach(instance);
        syncGroups.left(instance);
        channels.detach(instance);
        addressTrouble.remove(instance.name());
    }

    private void addressesApplied(String owner, List<VipReconciler.Outcome> outcomes) {
        String trouble = null;
        boolean restored = false;
        for (VipReconciler.Outcome o : outcomes) {
            if (!o.result().ok()) {
                trouble = (o.add() ? "cannot add " : "cannot remove ") + o.address() + " on " + o.interfaceName() + ": " + o.detail();
                LOG.error("{}: {}", owner, trouble);
            } else if (o.result() == VipReconciler.Result.RESTORED) {
                LOG.warn("{}: {} on {}: its lease had run out (this daemon was stopped or starved); the address is added again",
                        owner, o.address(), o.interfaceName());
                restored = true;
            }
        }
        VrrpInstance instance = instances.get(owner);
        if (restored && instance != null && instance.state() == VrrpState.MASTER) {
            // Whoever took over meanwhile has told the segment its MAC: tell it ours again.
            host.sendGarps(instance, instance.settings().garpMasterRepeat());
        }
        if (instance != null) {
            if (trouble == null) {
                addressTrouble.remove(owner);
            } else {
                addressTrouble.put(owner, trouble);
            }
        }
    }

    /** Loop thread: a VMAC was made (or could not be): the channels and instances it concerns follow. */
    private void refreshConcerning(String name) {
        channels.refreshConcerning(name);
    }

    // ---- what other threads tell the engine ----

    void engineSettings(EngineSettings settings) {
        scheduling.set(settings.realtimePriority());
    }

    void interfaceChanged(String name) {
        loop.post(() -> {
            vmacs.interfaceChanged(name);
            channels.refreshConcerning(name);
        });
    }

    void registryBound() {
        vips.retry();
        loop.post(vmacs::registryBound);
        loop.post(() -> instances.interfaceNames().forEach(channels::refresh));
    }

    void authenticatorAdded(String type, Authenticator authenticator) {
        auth.add(type, authenticator);
        loop.post(() -> instances.all().stream().filter(i -> i.settings().authType().equals(type)).toList().forEach(auth::rebind));
    }

    void authenticatorRemoved(String type, Authenticator authenticator) {
        auth.remove(type, authenticator);
    }

    void checkerAdded(Checker checker, Map<String, Object> properties) {
        checkers.add(checker, properties, instances::all);
    }

    void checkerRemoved(Checker checker) {
        if (!closed) {
            checkers.remove(checker);
        }
    }

    void notifierAdded(Notifier notifier) {
        notifiers.add(notifier);
    }

    void notifierRemoved(Notifier notifier) {
        notifiers.remove(notifier);
    }

    /** Runs {@code task} on the loop thread, soon. */
    void post(Runnable task) {
        loop.post(task);
    }

    /** What the shell and the API read. */
    InstanceViews views() {
        return views;
    }

    /** For tests: waits until the address changes asked for so far reached the kernel (or failed). */
    boolean awaitAddresses(long millis) throws InterruptedException {
        return vips.awaitIdle(millis);
    }
}
