package org.vrrpd.vrrp.internal;

import java.io.IOException;
import java.net.Inet4Address;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vrrpd.api.arp.GratuitousArpSender;
import org.vrrpd.api.auth.AuthSession;
import org.vrrpd.api.auth.Authenticator;
import org.vrrpd.api.link.LinkListener;
import org.vrrpd.api.link.LinkMonitor;
import org.vrrpd.api.link.LinkState;
import org.vrrpd.api.link.LinkStatus;
import org.vrrpd.api.net.InterfaceAddress;
import org.vrrpd.api.net.InterfaceEvent;
import org.vrrpd.api.net.InterfaceListener;
import org.vrrpd.api.net.InterfaceRegistry;
import org.vrrpd.api.net.NetInterface;
import org.vrrpd.api.spi.CheckStatus;
import org.vrrpd.api.spi.Checker;
import org.vrrpd.api.spi.CheckerContext;
import org.vrrpd.api.spi.Notifier;
import org.vrrpd.api.vrrp.StateChange;
import org.vrrpd.api.vrrp.VrrpInstanceView;
import org.vrrpd.api.vrrp.VrrpInstances;
import org.vrrpd.api.vrrp.VrrpState;
import org.vrrpd.kernel.Errno;
import org.vrrpd.kernel.Ipv4;
import org.vrrpd.kernel.NativeException;

/**
 * The VRRP engine: one event loop that owns every instance, the per-interface sockets and the
 * timers. Other threads (DS, ConfigAdmin, the netlink reflector, the link monitor) only post tasks
 * to it. Instances come and go through {@link InstanceComponent}, one per factory configuration.
 */
@Component(service = {VrrpEngine.class, VrrpInstances.class, InterfaceListener.class, LinkListener.class}, immediate = true)
public class VrrpEngine implements VrrpInstance.Host, VrrpInstances, InterfaceListener, LinkListener, InterfaceChannel.Receiver {
    private static final Logger LOG = LoggerFactory.getLogger(VrrpEngine.class);
    private static final long REJECT_LOG_INTERVAL = 10_000_000_000L;

    /** Optional and dynamic so that updating the netlink bundle does not stop the engine: interfaces just freeze meanwhile. */
    private volatile InterfaceRegistry registry;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile LinkMonitor linkMonitor;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile GratuitousArpSender arp;

    private final List<Notifier> notifiers = new CopyOnWriteArrayList<>();
    private final Map<Checker, Map<String, Object>> checkers = new ConcurrentHashMap<>();
    private final Map<String, Authenticator> authenticators = new ConcurrentHashMap<>();
    private volatile EventLoop loop;
    private BundleContext context;
    private Path handoffFile;

    // Owned by the event loop:
    /** Instances the previous incarnation of this bundle handed over, until claimed or expired. */
    private Map<String, Handoff> handedOver = new HashMap<>();
    /** Instances parked for the next incarnation (this bundle is being updated). */
    private final Map<String, Handoff> parked = new LinkedHashMap<>();
    private final TimerHeap.Timer handoffExpiry = new TimerHeap.Timer(this::expireHandoffs);
    private final Map<String, VrrpInstance> instances = new LinkedHashMap<>();
    private final Map<String, InterfaceChannel> channels = new HashMap<>();
    /** Datagrams no instance can own (RFC 2787's router-wide counters); written by the loop only. */
    private volatile long unreadable;
    private volatile long otherVrids;
    private long nextUnreadableLog;
    private final Map<VrrpInstance, List<InterfaceAddress>> installedVips = new HashMap<>();
    private final List<CheckContext> checkContexts = new ArrayList<>();

    @Activate
    void activate(BundleContext bundleContext) throws Exception {
        context = bundleContext;
        handoffFile = bundleContext.getDataFile("handoff.properties").toPath();
        Map<String, Handoff> previous;
        try {
            previous = Handoff.take(handoffFile);
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot read what the previous engine handed over ({}); starting afresh", e.toString());
            previous = new HashMap<>();
        }
        loop = new EventLoop("vrrpd-vrrp");
        Map<String, Handoff> taken = previous;
        loop.call(() -> {
            handedOver = taken;
            if (!taken.isEmpty()) {
                loop.schedule(handoffExpiry, HANDOFF_CLAIM_NANOS);
            }
            return null;
        });
        LOG.info("VRRP engine started{}", previous.isEmpty() ? "" : ", taking over " + previous.keySet() + " from its previous incarnation");
    }

    /**
     * A framework shutdown stops every instance as keepalived does on SIGTERM (priority 0, VIPs
     * removed). Anything else — this bundle being updated or refreshed — parks the instances with
     * their VIPs in place for the next incarnation.
     */
    @Deactivate
    void deactivate() throws Exception {
        boolean handOver = !frameworkStopping();
        loop.call(() -> {
            for (VrrpInstance instance : new ArrayList<>(instances.values())) {
                if (handOver) {
                    parkNow(instance.settings().name());
                } else {
                    removeNow(instance.settings().name());
                }
            }
            if (!parked.isEmpty()) {
                Handoff.save(handoffFile, parked.values());
                LOG.info("handing {} over to the next VRRP engine", parked.keySet());
            }
            return null;
        });
        closed = true;
        loop.close();
    }

    private boolean frameworkStopping() {
        return context.getBundle(0).getState() == Bundle.STOPPING;
    }

    private volatile boolean closed;
    private static final long HANDOFF_CLAIM_NANOS = 10_000_000_000L;

    // ---- instances, from InstanceComponent ----

    void add(InstanceSettings settings) throws Exception {
        loop.call(() -> {
            addNow(settings);
            return null;
        });
    }

    void update(String oldName, InstanceSettings settings) throws Exception {
        loop.call(() -> {
            VrrpInstance current = instances.get(oldName);
            checkConflicts(settings, oldName); // before anything is torn down: a rejected change keeps the old one
            if (current != null && oldName.equals(settings.name()) && settings.liveChangeableFrom(current.settings())) {
                boolean newKey = !settings.sameAuthAs(current.settings());
                current.reconfigure(settings);
                if (newKey) {
                    long continuation = current.auth() == null ? 0 : current.auth().continuation();
                    current.setAuth(null); // the old key must not be used while the new type is missing
                    bindAuthenticator(current, continuation);
                }
                if (current.state() == VrrpState.MASTER) {
                    addVips(current);
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
        if (closed) {
            return; // the engine already parked or removed everything
        }
        loop.call(() -> {
            removeNow(name);
            return null;
        });
    }

    /** The instance's bundle is stopping: park it for the next engine, unless the framework is shutting down. */
    void handOver(String name) throws Exception {
        if (closed) {
            return;
        }
        boolean handOver = !frameworkStopping();
        loop.call(() -> {
            if (handOver) {
                parkNow(name);
            } else {
                removeNow(name);
            }
            return null;
        });
    }

    /** Stops the instance's timers and remembers it, leaving its VIPs and sending no priority 0. */
    private void parkNow(String name) {
        VrrpInstance instance = instances.remove(name);
        if (instance == null) {
            return;
        }
        instance.park();
        InstanceSettings s = instance.settings();
        parked.put(name, new Handoff(name, s.interfaceName(), s.vrid(), instance.state(),
                instance.auth() == null ? 0 : instance.auth().continuation(), s.vipStrings(), System.currentTimeMillis()));
        forget(instance);
    }

    /** Handed-over instances nobody claimed (their configuration is gone): remove the VIPs they left. */
    private void expireHandoffs() {
        for (Handoff h : handedOver.values()) {
            LOG.info("{}: handed over but no longer configured; removing its addresses {}", h.name(), h.addresses());
            for (String vip : h.addresses()) {
                String[] parts = vip.split("/");
                changeVip(h.name(), h.interfaceName(), new InterfaceAddress(Ipv4.toInet(Ipv4.parse(parts[0])),
                        Integer.parseInt(parts[1]), false, null), false);
            }
        }
        handedOver.clear();
    }

    /** Rejects a name or (interface, VRID) that an instance other than {@code replacing} holds. */
    private void checkConflicts(InstanceSettings s, String replacing) {
        for (VrrpInstance other : instances.values()) {
            String otherName = other.settings().name();
            if (otherName.equals(replacing)) {
                continue;
            }
            if (otherName.equals(s.name())) {
                throw new InstanceSettings.InvalidSetting("VRRP instance " + s.name() + ": name = " + s.name()
                        + " rejected: another configuration already uses it");
            }
            if (other.settings().interfaceName().equals(s.interfaceName()) && other.settings().vrid() == s.vrid()) {
                throw new InstanceSettings.InvalidSetting("VRRP instance " + s.name() + ": vrid = " + s.vrid()
                        + " rejected: instance " + otherName + " already uses it on " + s.interfaceName());
            }
        }
    }

    private void addNow(InstanceSettings s) {
        checkConflicts(s, null);
        VrrpInstance instance = new VrrpInstance(this, s);
        instances.put(s.name(), instance);
        Handoff handoff = handedOver.remove(s.name());
        bindAuthenticator(instance, handoff == null ? 0 : handoff.authContinuation());
        refreshInterface(s.interfaceName());
        checkers.forEach((checker, properties) -> attachChecker(checker, properties, instance));
        if (handoff != null && handoff.fits(s, System.currentTimeMillis()) && instance.faults().isEmpty()) {
            instance.resume(handoff.state());
            LOG.info("{}: resumed as {} from the previous engine, {} ms after it stopped", s.name(), instance.state(),
                    System.currentTimeMillis() - handoff.savedAtMillis());
            return;
        }
        instance.start();
        LOG.info("{}: started on {} (vrid {}, priority {}, advert {} s, auth {}, addresses {}) in {}", s.name(), s.interfaceName(),
                s.vrid(), s.priority(), s.advertInterval(), s.authType(), s.vipStrings(), instance.state());
    }

    private void removeNow(String name) {
        VrrpInstance instance = instances.get(name);
        if (instance == null) {
            return;
        }
        instance.stop();
        instances.remove(name);
        forget(instance);
        LOG.info("{}: removed", name);
    }

    /** Drops what the engine keeps about an instance that no longer runs here, closing its channel if it was the last. */
    private void forget(VrrpInstance instance) {
        detachCheckers(c -> c.instance == instance, false);
        if (!instance.settings().syncGroup().isEmpty()) {
            for (VrrpInstance other : groupMembers(instance)) {
                other.fault(VrrpInstance.GROUP_FAULT + instance.settings().name() + " is in FAULT", false);
            }
        }
        installedVips.remove(instance);
        InterfaceChannel channel = channels.get(instance.settings().interfaceName());
        if (channel != null && channel.detach(instance)) {
            closeChannel(channel);
        }
    }

    private List<VrrpInstance> instancesOn(String interfaceName) {
        List<VrrpInstance> on = new ArrayList<>();
        for (VrrpInstance i : instances.values()) {
            if (i.settings().interfaceName().equals(interfaceName)) {
                on.add(i);
            }
        }
        return on;
    }

    // ---- interfaces and links ----

    @Override
    public void interfaceChanged(InterfaceEvent event) {
        EventLoop l = loop;
        if (l == null) {
            return;
        }
        l.post(() -> {
            if (event.before() != null) {
                refreshInterface(event.before().name());
            }
            if (event.after() != null && (event.before() == null || !event.after().name().equals(event.before().name()))) {
                refreshInterface(event.after().name());
            }
        });
    }

    @Override
    public void linkChanged(LinkStatus before, LinkStatus after) {
        EventLoop l = loop;
        if (l != null) {
            l.post(() -> refreshInterface(after.interfaceName()));
        }
    }

    /** Brings the channel and the instances on {@code name} in line with the interface as it is now. */
    private void refreshInterface(String name) {
        List<VrrpInstance> members = instancesOn(name);
        InterfaceChannel channel = channels.get(name);
        InterfaceRegistry interfaces = registry;
        if (interfaces == null) {
            // The netlink bundle is away (being updated): what runs keeps running on what it knew.
            if (channel == null) {
                members.forEach(m -> m.setInterfaceFault("waiting for the interface registry (netlink bundle)"));
            }
            return;
        }
        Optional<NetInterface> iface = interfaces.byName(name);
        if (members.isEmpty() || iface.isEmpty() || (channel != null && channel.index() != iface.get().index())) {
            if (channel != null) {
                closeChannel(channel);
                channel = null;
            }
        }
        String fault = iface.isPresent() ? linkFault(iface.get()) : "interface " + name + " does not exist";
        if (!members.isEmpty() && iface.isPresent() && channel == null) {
            try {
                channel = openChannel(iface.get());
            } catch (NativeException e) {
                fault = "cannot open the VRRP socket on " + name + ": " + e.getMessage();
            }
        }
        if (channel != null) {
            for (VrrpInstance m : members) {
                if (channel.instance(m.settings().vrid()) != m) {
                    channel.attach(m);
                }
            }
            channel.setPrimary(iface.flatMap(NetInterface::primaryIpv4).map(Ipv4::toInt).orElse(0));
            try {
                channel.setJoined(fault == null);
            } catch (NativeException e) {
                fault = "cannot join 224.0.0.18 on " + name + ": " + e.getMessage();
            }
        }
        for (VrrpInstance m : members) {
            m.setInterfaceFault(fault);
        }
    }

    /** Why an interface cannot carry VRRP now, or null: keepalived's IF_ISUP plus the link monitor's word. */
    private String linkFault(NetInterface iface) {
        if (!iface.isUp()) {
            return "interface " + iface.name() + " is down";
        }
        LinkMonitor monitor = linkMonitor;
        Optional<LinkStatus> link = monitor != null ? monitor.status(iface.name()) : Optional.empty();
        if (link.isPresent()) {
            if (link.get().state() == LinkState.DOWN) {
                return "link down on " + iface.name() + " (source " + link.get().source() + ")";
            }
        } else if (!iface.isRunning()) {
            return "no carrier on " + iface.name();
        }
        if (iface.primaryIpv4().isEmpty()) {
            return "no IPv4 address on " + iface.name();
        }
        return null;
    }

    private InterfaceChannel openChannel(NetInterface iface) throws NativeException {
        InterfaceChannel channel = new InterfaceChannel(iface.name(), iface.index(), this);
        channels.put(iface.name(), channel);
        EventLoop.ReadHandler drain = () -> {
            try {
                channel.drain();
            } catch (NativeException e) {
                LOG.warn("{}: receive failed: {}", channel.name(), e.getMessage());
            }
        };
        loop.register(channel.fd(), drain);
        loop.register(channel.ahFd(), drain);
        return channel;
    }

    private void closeChannel(InterfaceChannel channel) {
        loop.unregister(channel.fd());
        loop.unregister(channel.ahFd());
        channel.close();
        channels.remove(channel.name());
    }

    // ---- receive path: runs for every packet, allocation-free unless it logs ----

    @Override
    public void datagram(InterfaceChannel channel, ByteBuffer datagram, int length) {
        int at = VrrpPacket.vrrpOffset(datagram, length);
        if (at < 0) {
            unreadable++;
            long now = loop.now();
            if (now >= nextUnreadableLog) {
                nextUnreadableLog = now + REJECT_LOG_INTERVAL;
                LOG.warn("{}: dropped a datagram of {} bytes from {}: too short for a VRRP advert, or not one (further ones counted in vrrp:list, "
                        + "logged at most every 10 s)", channel.name(), length, length >= 16 ? Ipv4.toString(VrrpPacket.ipSource(datagram)) : "?");
            }
            return;
        }
        VrrpInstance instance = channel.instance(VrrpPacket.vrid(datagram, at));
        if (instance == null) {
            otherVrids++; // another router's group: normal on a shared link, counted only
            return;
        }
        Verdict verdict = AdvertChecks.check(datagram, length, at, instance.settings(), instance.auth());
        if (verdict == Verdict.NO_AUTHENTICATOR) {
            return; // faulted: waiting for its authenticator
        }
        instance.counters.count(verdict);
        if (verdict != Verdict.ACCEPTED && rejectLogDue(instance)) {
            logDrop(instance, datagram, at, verdict);
        }
        if (!verdict.accepted()) {
            return;
        }
        instance.advertReceived(VrrpPacket.priority(datagram, at), VrrpPacket.ipSource(datagram));
    }


    /**
     * Whether a drop may be logged now: at most one line per instance every 10 s. Asked before the
     * message is built, so a flood of bad adverts costs counting only, no allocation.
     */
    private boolean rejectLogDue(VrrpInstance instance) {
        long now = loop.now();
        if (now < instance.nextRejectLog) {
            return false;
        }
        instance.nextRejectLog = now + REJECT_LOG_INTERVAL;
        return true;
    }

    private static void logDrop(VrrpInstance instance, ByteBuffer datagram, int at, Verdict verdict) {
        String why = switch (verdict) {
            case AUTH_TYPE_INVALID -> "invalid auth type " + VrrpPacket.authType(datagram, at);
            case INTERVAL -> "advert interval " + VrrpPacket.advertInterval(datagram, at) + " s, ours " + instance.settings().advertInterval() + " s";
            case ACCEPTED_OTHER_ADDRESSES -> "its address list differs from ours";
            default -> verdict.toString();
        };
        LOG.warn("{}: {} an advert from {}: {} (further ones counted, logged at most every 10 s)", instance.settings().name(),
                verdict.accepted() ? "accepted" : "dropped", Ipv4.toString(VrrpPacket.ipSource(datagram)), why);
    }

    // ---- VrrpInstance.Host ----

    @Override
    public Timers timers() {
        return loop;
    }

    @Override
    public int primaryAddress(VrrpInstance instance) {
        InterfaceChannel channel = channels.get(instance.settings().interfaceName());
        return channel == null ? 0 : channel.primary();
    }

    @Override
    public void sendAdvert(VrrpInstance instance, int priority) {
        InterfaceChannel channel = channels.get(instance.settings().interfaceName());
        int source = channel == null ? 0 : channel.primary();
        if (source == 0 || instance.auth() == null) {
            return;
        }
        try {
            channel.send(instance.advert(priority, source));
            instance.counters.advertisementsSent++;
            if (priority == 0) {
                instance.counters.priorityZeroSent++;
            }
        } catch (NativeException e) {
            if (priority != 0) { // a resignation on a link that just failed is expected to fail
                LOG.warn("{}: advert not sent: {}", instance.settings().name(), e.getMessage());
            }
        }
    }

    @Override
    public void addVips(VrrpInstance instance) {
        InstanceSettings s = instance.settings();
        List<InterfaceAddress> wanted = vips(s);
        for (InterfaceAddress vip : wanted) {
            changeVip(s.name(), s.interfaceName(), vip, true);
        }
        for (InterfaceAddress old : installedVips.getOrDefault(instance, List.of())) {
            if (!wanted.contains(old)) {
                changeVip(s.name(), s.interfaceName(), old, false);
            }
        }
        installedVips.put(instance, wanted);
    }

    @Override
    public void removeVips(VrrpInstance instance) {
        InstanceSettings s = instance.settings();
        for (InterfaceAddress vip : vips(s)) {
            changeVip(s.name(), s.interfaceName(), vip, false);
        }
        for (InterfaceAddress old : installedVips.getOrDefault(instance, List.of())) {
            if (!vips(s).contains(old)) {
                changeVip(s.name(), s.interfaceName(), old, false);
            }
        }
        installedVips.remove(instance);
    }

    private static List<InterfaceAddress> vips(InstanceSettings s) {
        List<InterfaceAddress> out = new ArrayList<>(s.vipAddresses().length);
        for (int i = 0; i < s.vipAddresses().length; i++) {
            out.add(new InterfaceAddress(Ipv4.toInet(s.vipAddresses()[i]), s.vipPrefixes()[i], false, null));
        }
        return out;
    }

    /** Adds or removes one address; one that is already there (or already gone) is fine. */
    private void changeVip(String instance, String interfaceName, InterfaceAddress vip, boolean add) {
        InterfaceRegistry interfaces = registry;
        if (interfaces == null) {
            if (add) {
                LOG.error("{}: cannot add {}: no interface registry (netlink bundle)", instance, vip);
            } else {
                LOG.info("{}: {} removed once the interface registry (netlink bundle) is there", instance, vip);
            }
            return;
        }
        try {
            if (add) {
                interfaces.addAddress(interfaceName, vip);
            } else {
                interfaces.removeAddress(interfaceName, vip);
            }
        } catch (NativeException e) {
            if (e.errno() != (add ? Errno.EEXIST : Errno.EADDRNOTAVAIL)) {
                LOG.error("{}: {}", instance, e.getMessage());
            }
        } catch (IOException e) {
            LOG.error("{}: {} {}: {}", instance, add ? "cannot add" : "cannot remove", vip, e.getMessage());
        }
    }

    @Override
    public void sendGarps(VrrpInstance instance, int count) {
        GratuitousArpSender sender = arp;
        InterfaceRegistry interfaces = registry;
        InstanceSettings s = instance.settings();
        Optional<NetInterface> iface = interfaces == null ? Optional.empty() : interfaces.byName(s.interfaceName());
        if (sender == null || iface.isEmpty() || iface.get().mac() == null) {
            LOG.debug("{}: no gratuitous ARP sender or interface MAC; skipped", s.name());
            return;
        }
        try {
            for (int i = 0; i < count; i++) {
                for (int address : s.vipAddresses()) {
                    sender.announce(iface.get().index(), iface.get().mac(), Ipv4.toInet(address));
                }
            }
        } catch (IOException e) {
            LOG.warn("{}: gratuitous ARP failed: {}", s.name(), e.getMessage());
        }
    }

    @Override
    public void stateChanged(VrrpInstance instance, VrrpState from, String reason) {
        InstanceSettings s = instance.settings();
        LOG.info("{}: {} -> {} ({})", s.name(), from, instance.state(), reason);
        StateChange change = new StateChange(s.name(), s.vrid(), from, instance.state(), instance.priority(), reason, Instant.now());
        for (Notifier notifier : notifiers) {
            try {
                notifier.stateChanged(change);
            } catch (RuntimeException e) {
                LOG.warn("notifier {} failed: {}", notifier, e.toString());
            }
        }
        // A FAULT only its group caused is not passed back, or two members would hold each other there.
        if (!s.syncGroup().isEmpty() && (instance.state() != VrrpState.FAULT || instance.faultedByItself())) {
            for (VrrpInstance other : groupMembers(instance)) {
                other.followGroup(s.name(), from, instance.state());
            }
        }
    }

    private List<VrrpInstance> groupMembers(VrrpInstance instance) {
        List<VrrpInstance> out = new ArrayList<>();
        for (VrrpInstance other : instances.values()) {
            if (other != instance && other.settings().syncGroup().equals(instance.settings().syncGroup())) {
                out.add(other);
            }
        }
        return out;
    }

    // ---- authenticators and notifiers (any thread) ----

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addAuthenticator(Authenticator authenticator, Map<String, Object> properties) {
        String type = String.valueOf(properties.get(Authenticator.TYPE));
        authenticators.put(type, authenticator);
        rebindAuthenticators(type);
    }

    /**
     * The instances keep the sessions they have: when the auth bundle is updated the new
     * authenticator replaces them, continuing their sequence, without a gap in between.
     */
    void removeAuthenticator(Authenticator authenticator, Map<String, Object> properties) {
        authenticators.remove(String.valueOf(properties.get(Authenticator.TYPE)), authenticator);
    }

    private void rebindAuthenticators(String type) {
        EventLoop l = loop;
        if (l != null) {
            l.post(() -> instances.values().stream().filter(i -> i.settings().authType().equals(type))
                    .forEach(i -> bindAuthenticator(i, i.auth() == null ? 0 : i.auth().continuation())));
        }
    }

    /**
     * Gives the instance a session of its authenticator continuing from {@code continuation}; without
     * one it keeps the session it has, or is held in FAULT if it has none.
     */
    private void bindAuthenticator(VrrpInstance instance, long continuation) {
        InstanceSettings s = instance.settings();
        String missing = "no '" + s.authType() + "' authenticator";
        Authenticator authenticator = authenticators.get(s.authType());
        if (authenticator == null) {
            if (instance.auth() == null) {
                instance.fault(missing, true);
            }
            return;
        }
        instance.setAuth(authenticator.newSession(s.authPassword(), continuation));
        instance.fault(missing, false);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void bindRegistry(InterfaceRegistry newRegistry) {
        registry = newRegistry;
        EventLoop l = loop;
        if (l != null) {
            l.post(() -> instances.values().stream().map(i -> i.settings().interfaceName()).distinct().toList()
                    .forEach(this::refreshInterface));
        }
    }

    void unbindRegistry(InterfaceRegistry oldRegistry) {
        if (registry == oldRegistry) {
            registry = null;
        }
    }

    // ---- checkers (keepalived's track_script / track_interface) ----

    /** One checker bound to one instance; its reports are applied on the event loop. */
    private final class CheckContext implements CheckerContext {
        final Checker checker;
        final String label;
        final VrrpInstance instance;
        volatile boolean live = true;

        CheckContext(Checker checker, String label, VrrpInstance instance) {
            this.checker = checker;
            this.label = label;
            this.instance = instance;
        }

        @Override
        public String instanceName() {
            return instance.settings().name();
        }

        @Override
        public void report(CheckStatus status) {
            EventLoop l = loop;
            if (l != null && status != null) {
                l.post(() -> {
                    if (live) {
                        instance.checks.report(this, label, status);
                        instance.applyChecks();
                    }
                });
            }
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addChecker(Checker checker, Map<String, Object> properties) {
        checkers.put(checker, properties);
        EventLoop l = loop;
        if (l != null) {
            l.post(() -> instances.values().forEach(i -> attachChecker(checker, properties, i)));
        }
    }

    void removeChecker(Checker checker, Map<String, Object> properties) {
        checkers.remove(checker);
        EventLoop l = loop;
        if (l != null && !closed) {
            l.post(() -> detachCheckers(c -> c.checker == checker, true));
        }
    }

    private void attachChecker(Checker checker, Map<String, Object> properties, VrrpInstance instance) {
        if (!appliesTo(properties.get(Checker.INSTANCE), instance.settings().name())) {
            return;
        }
        Object name = properties.get(Checker.NAME);
        CheckContext context = new CheckContext(checker, name != null ? name.toString() : checker.getClass().getSimpleName(), instance);
        checkContexts.add(context);
        try {
            checker.start(context);
        } catch (RuntimeException e) {
            LOG.warn("{}: checker {} failed to start: {}", instance.settings().name(), context.label, e.toString());
        }
    }

    /** Stops the matching checkers; {@code reapply}: the instance runs on and drops their weights and faults. */
    private void detachCheckers(Predicate<CheckContext> which, boolean reapply) {
        for (Iterator<CheckContext> it = checkContexts.iterator(); it.hasNext(); ) {
            CheckContext c = it.next();
            if (!which.test(c)) {
                continue;
            }
            it.remove();
            c.live = false;
            try {
                c.checker.stop(c);
            } catch (RuntimeException e) {
                LOG.warn("{}: checker {} failed to stop: {}", c.instanceName(), c.label, e.toString());
            }
            c.instance.checks.remove(c);
            if (reapply) {
                c.instance.applyChecks();
            }
        }
    }

    /** The checker's vrrp.instance property: a name, several, or "*". */
    private static boolean appliesTo(Object property, String instance) {
        if (property instanceof String s) {
            return s.equals("*") || s.equals(instance);
        }
        if (property instanceof String[] a) {
            return List.of(a).contains("*") || List.of(a).contains(instance);
        }
        if (property instanceof Collection<?> c) {
            return c.contains("*") || c.contains(instance);
        }
        return false;
    }

    /** The checkers' reports on an instance, for vrrp:show. */
    List<String> checks(String name) throws Exception {
        return loop.call(() -> {
            VrrpInstance i = instances.get(name);
            return i == null ? List.<String>of() : i.checks.describe();
        });
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addNotifier(Notifier notifier) {
        notifiers.add(notifier);
    }

    void removeNotifier(Notifier notifier) {
        notifiers.remove(notifier);
    }

    /** Received datagrams too short to be, or not, VRRP adverts. */
    long unreadableDatagrams() {
        return unreadable;
    }

    /** Received adverts for VRIDs none of our instances has on that interface. */
    long otherVridAdverts() {
        return otherVrids;
    }

    // ---- liveness probe (EngineLoopService, for systemd's watchdog): a task on the loop thread ----
    void post(Runnable task) {
        EventLoop l = loop;
        if (l != null) {
            l.post(task);
        }
    }
    // ---- end of liveness probe ----

    // ---- VrrpInstances ----

    @Override
    public List<VrrpInstanceView> instances() {
        try {
            return loop.call(() -> instances.values().stream().map(this::view).toList());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Optional<VrrpInstanceView> instance(String name) {
        return instances().stream().filter(v -> v.name().equals(name)).findFirst();
    }

    /** Fault causes of an instance, for vrrp:show. */
    List<String> faults(String name) throws Exception {
        return loop.call(() -> {
            VrrpInstance i = instances.get(name);
            return i == null ? List.<String>of() : List.copyOf(i.faults());
        });
    }

    /** The running settings of an instance, for vrrp:show. */
    Optional<InstanceSettings> settings(String name) throws Exception {
        return loop.call(() -> Optional.ofNullable(instances.get(name)).map(VrrpInstance::settings));
    }

    private VrrpInstanceView view(VrrpInstance i) {
        InstanceSettings s = i.settings();
        List<Inet4Address> vips = new ArrayList<>();
        for (int a : s.vipAddresses()) {
            vips.add(Ipv4.toInet(a));
        }
        return new VrrpInstanceView(s.name(), s.interfaceName(), s.vrid(), i.state(), s.priority(), i.priority(),
                i.masterAddress() == 0 ? null : Ipv4.toInet(i.masterAddress()), vips, i.counters.snapshot());
    }
}
