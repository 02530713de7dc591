package org.vrrpd.vrrp.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vrrpd.api.arp.GratuitousArpSender;
import org.vrrpd.api.arp.NeighborAdvertisementSender;
import org.vrrpd.api.auth.Authenticator;
import org.vrrpd.api.link.LinkListener;
import org.vrrpd.api.link.LinkMonitor;
import org.vrrpd.api.link.LinkStatus;
import org.vrrpd.api.net.InterfaceEvent;
import org.vrrpd.api.net.InterfaceListener;
import org.vrrpd.api.net.InterfaceRegistry;
import org.vrrpd.api.spi.Checker;
import org.vrrpd.api.spi.Notifier;
import org.vrrpd.api.vrrp.RouterStatistics;
import org.vrrpd.api.vrrp.VrrpInstanceView;
import org.vrrpd.api.vrrp.VrrpInstances;
import org.vrrpd.api.vrrp.VrrpOperation;

/**
 * The VRRP engine as a DS component: it binds the services the engine uses and hands everything to
 * {@link EngineCore}. Instances come and go through {@link InstanceComponent}, one per factory
 * configuration. Every reference is dynamic, so that updating any other bundle leaves the engine
 * running: while the netlink bundle is away the instances run on what they knew.
 */
@Component(service = {VrrpEngine.class, VrrpInstances.class, InterfaceListener.class, LinkListener.class}, immediate = true,
        configurationPid = EngineSettings.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class VrrpEngine implements VrrpInstances, InterfaceListener, LinkListener {
    private static final Logger LOG = LoggerFactory.getLogger(VrrpEngine.class);

    private volatile InterfaceRegistry registry;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile LinkMonitor linkMonitor;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile GratuitousArpSender arp;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile NeighborAdvertisementSender na;

    private volatile EngineCore core;
    private BundleContext context;

    @Activate
    void activate(BundleContext bundleContext, Map<String, Object> properties) throws Exception {
        context = bundleContext;
        EngineCore c = new EngineCore(bundleContext.getDataFile("handoff.properties").toPath(), ChannelSockets.Factory.RAW,
                () -> registry, () -> linkMonitor, () -> arp, () -> na);
        var taken = c.start();
        pending.activated(c);
        LOG.info("VRRP engine started{}", taken.isEmpty() ? "" : ", taking over " + taken + " from its previous incarnation");
        modified(properties);
    }

    /** etc/org.vrrpd.vrrp.cfg changed: applied live; a bad value is refused by key and the rest runs on as it was. */
    @Modified
    void modified(Map<String, Object> properties) {
        try {
            core.engineSettings(EngineSettings.parse(properties));
        } catch (IllegalArgumentException e) {
            LOG.error("{}; the engine keeps its settings", e.getMessage());
        }
    }

    /**
     * A framework shutdown stops every instance as keepalived does on SIGTERM (priority 0, VIPs
     * removed). Anything else — this bundle being updated or refreshed — parks the instances with
     * their VIPs in place for the next incarnation.
     */
    @Deactivate
    void deactivate() throws Exception {
        core.stop(!frameworkStopping());
    }

    private boolean frameworkStopping() {
        return context.getBundle(0).getState() == Bundle.STOPPING;
    }

    // ---- from InstanceComponent ----

    void add(InstanceSettings settings) throws Exception {
        core.add(settings);
    }

    void update(String oldName, InstanceSettings settings) throws Exception {
        core.update(oldName, settings);
    }

    void remove(String name) throws Exception {
        core.remove(name);
    }

    void handOver(String name) throws Exception {
        core.handOver(name, !frameworkStopping());
    }

    // ---- interfaces and links ----

    @Override
    public void interfaceChanged(InterfaceEvent event) {
        EngineCore c = core;
        if (c == null) {
            return;
        }
        if (event.before() != null) {
            c.interfaceChanged(event.before().name());
        }
        if (event.after() != null && (event.before() == null || !event.after().name().equals(event.before().name()))) {
            c.interfaceChanged(event.after().name());
        }
    }

    @Override
    public void linkChanged(LinkStatus before, LinkStatus after) {
        EngineCore c = core;
        if (c != null) {
            c.interfaceChanged(after.interfaceName());
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void bindRegistry(InterfaceRegistry newRegistry) {
        registry = newRegistry;
        EngineCore c = core;
        if (c != null) {
            c.registryBound();
        }
    }

    void unbindRegistry(InterfaceRegistry oldRegistry) {
        if (registry == oldRegistry) {
            registry = null;
        }
    }

    // ---- authenticators, checkers and notifiers (bound before activate, or at any time) ----

    /** Services bound before activation are handed to the core once it exists, in order. */
    private final class Pending {
        private final List<Consumer<EngineCore>> early = new ArrayList<>();

        synchronized void run(Consumer<EngineCore> event) {
            if (core != null) {
                event.accept(core);
            } else {
                early.add(event);
            }
        }

        synchronized void activated(EngineCore c) {
            core = c;
            early.forEach(e -> e.accept(c));
            early.clear();
        }
    }

    private final Pending pending = new Pending();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addAuthenticator(Authenticator authenticator, Map<String, Object> properties) {
        pending.run(c -> c.authenticatorAdded(String.valueOf(properties.get(Authenticator.TYPE)), authenticator));
    }

    void removeAuthenticator(Authenticator authenticator, Map<String, Object> properties) {
        pending.run(c -> c.authenticatorRemoved(String.valueOf(properties.get(Authenticator.TYPE)), authenticator));
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addChecker(Checker checker, Map<String, Object> properties) {
        pending.run(c -> c.checkerAdded(checker, properties));
    }

    void removeChecker(Checker checker) {
        pending.run(c -> c.checkerRemoved(checker));
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addNotifier(Notifier notifier) {
        pending.run(c -> c.notifierAdded(notifier));
    }

    void removeNotifier(Notifier notifier) {
        pending.run(c -> c.notifierRemoved(notifier));
    }

    /** SIGTERM's first step (EngineShutdownService): every instance resigns before the framework stops anything. */
    boolean resignAll(long timeoutMillis) throws InterruptedException {
        EngineCore c = core;
        try {
            return c == null || c.resignAll(timeoutMillis);
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            LOG.error("resigning every instance: {}", e.toString(), e);
            return false;
        }
    }

    /** Runs {@code task} on the engine's loop thread (EngineLoopService: the systemd watchdog's liveness probe). */
    void post(Runnable task) {
        EngineCore c = core;
        if (c != null) {
            c.post(task);
        }
    }

    // ---- VrrpInstances and vrrp:show ----

    @Override
    public List<VrrpInstanceView> instances() {
        try {
            return core.views().all();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Optional<VrrpInstanceView> instance(String name) {
        return instances().stream().filter(v -> v.name().equals(name)).findFirst();
    }

    @Override
    public List<VrrpOperation> operations() {
        try {
            return core.views().operations();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public RouterStatistics routerStatistics() {
        return core.views().routerStatistics();
    }

    List<String> splitBrains() throws Exception {
        return core.views().splitBrains();
    }

    List<InstanceSnapshot> snapshots() throws Exception {
        return core.views().snapshots();
    }

    Optional<InstanceSnapshot> snapshot(String name) throws Exception {
        return core.views().snapshot(name);
    }
}
