package org.vrrpd.snmp.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vrrpd.api.net.InterfaceRegistry;
import org.vrrpd.api.net.NetInterface;
import org.vrrpd.api.spi.Notifier;
import org.vrrpd.api.vrrp.RouterStatistics;
import org.vrrpd.api.vrrp.StateChange;
import org.vrrpd.api.vrrp.VrrpInstances;
import org.vrrpd.api.vrrp.VrrpOperation;
import org.vrrpd.api.vrrp.VrrpState;

/**
 * The AgentX subagent: configured by {@code org.vrrpd.snmp} (off without it), it serves the
 * VRRP-MIB and the VRRPv3-MIB from the public API on its own thread, and as a {@link Notifier}
 * sends their new-master notifications when {@code traps} is on.
 */
@Component(configurationPid = SnmpSettings.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = Notifier.class, immediate = true)
@Designate(ocd = SnmpConfig.class)
public class SnmpAgent implements Notifier {
    private static final Logger LOG = LoggerFactory.getLogger(SnmpAgent.class);
    /** How long one snapshot answers requests: a walk is one GetNext per object, and each snapshot is a round trip to the engine's loop. */
    private static final long SNAPSHOT_NANOS = 250_000_000L;

    /** Fetched on this bundle's threads, never while the engine is activating (it binds this Notifier then). */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile ComponentServiceObjects<VrrpInstances> instances;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile InterfaceRegistry interfaces;

    private SnmpSettings settings;
    private AgentxSession session;
    private Thread thread;
    private MibView cached;
    private long cachedAt;

    @Activate
    void activate(SnmpConfig config) {
        try {
            settings = SnmpSettings.of(config);
        } catch (IllegalArgumentException e) {
            LOG.error("SNMP: {}; the subagent does not start", e.getMessage());
            return;
        }
        session = new AgentxSession(settings, this::view);
        thread = new Thread(session, "vrrpd-snmp");
        thread.setDaemon(true);
        thread.start();
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        if (session != null) {
            session.stop();
            thread.interrupt();
            thread.join(5000);
        }
    }

    /** The MIB as it is now, at most {@link #SNAPSHOT_NANOS} old. The session's thread. */
    private synchronized MibView view(long upTimeNow) {
        long now = System.nanoTime();
        if (cached == null || now - cachedAt > SNAPSHOT_NANOS) {
            cached = Mibs.build(inputs(operations(), upTimeNow));
            cachedAt = now;
        }
        return cached;
    }

    private Optional<NetInterface> nic(String name) {
        InterfaceRegistry registry = interfaces;
        return registry == null ? Optional.empty() : registry.byName(name);
    }

    private List<VrrpOperation> operations() {
        return withEngine(VrrpInstances::operations, List.of());
    }

    private RouterStatistics router() {
        return withEngine(VrrpInstances::routerStatistics, new RouterStatistics(0, 0));
    }

    private <T> T withEngine(Function<VrrpInstances, T> read, T absent) {
        ComponentServiceObjects<VrrpInstances> objects = instances;
        VrrpInstances engine = objects == null ? null : objects.getService();
        if (engine == null) {
            return absent;
        }
        try {
            return read.apply(engine);
        } finally {
            objects.ungetService(engine);
        }
    }

    private InstanceRow.Inputs inputs(List<VrrpOperation> operations, long upTimeNow) {
        return new InstanceRow.Inputs(operations, router(), this::nic, settings.traps(), upTimeNow, Instant.now());
    }

    /** vrrpTrapNewMaster (VRRPv2) or vrrpv3NewMaster (VRRPv3), as keepalived sends them. On the engine's thread for this notifier. */
    @Override
    public void stateChanged(StateChange change) {
        if (session == null || !settings.traps() || change.to() != VrrpState.MASTER) {
            return;
        }
        List<VrrpOperation> operations = operations();
        operations.stream().filter(o -> o.view().name().equals(change.instance())).findFirst()
                .flatMap(op -> Mibs.newMaster(op, inputs(operations, session.upTimeNow())))
                .ifPresent(session::notify);
    }
}
