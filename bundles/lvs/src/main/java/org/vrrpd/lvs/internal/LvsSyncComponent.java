package org.vrrpd.lvs.internal;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
import org.vrrpd.api.lvs.LvsSyncControl;
import org.vrrpd.api.spi.Notifier;
import org.vrrpd.api.vrrp.StateChange;
import org.vrrpd.api.vrrp.VrrpInstances;

/**
 * Follows one VRRP instance (a {@link Notifier}) and drives the sync daemon on a thread of its own
 * ({@code vrrpd-lvs}), so that a slow or missing IPVS never holds up the engine. Every few seconds
 * it also reads the instance's state, which catches up on anything missed while this bundle or the
 * engine was being updated (a resumed instance reports no transition), and retries what failed.
 */
@Component(configurationPid = "org.vrrpd.lvs", configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = {Notifier.class, LvsSyncComponent.class}, immediate = true)
@Designate(ocd = LvsConfig.class)
public class LvsSyncComponent implements Notifier {
    private static final Logger LOG = LoggerFactory.getLogger(LvsSyncComponent.class);

    @Reference
    private LvsSyncControl control;

    /** Fetched on this component's thread, never while the engine is activating (it binds this Notifier then). */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile ComponentServiceObjects<VrrpInstances> instances;

    private static final long RESYNC_SECONDS = 5;

    private ScheduledExecutorService thread;
    private SyncFollower follower;

    @Activate
    void activate(LvsConfig config) {
        thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "vrrpd-lvs");
            t.setDaemon(true);
            return t;
        });
        try {
            LvsValidator.check(config);
        } catch (IllegalArgumentException e) {
            LOG.error("LVS sync: {}", e.getMessage());
            return;
        }
        follower = new SyncFollower(control, config.instance(), config.interfaceName(), config.syncId());
        thread.scheduleWithFixedDelay(this::resync, 0, RESYNC_SECONDS, TimeUnit.SECONDS);
    }

    private void resync() {
        try {
            ComponentServiceObjects<VrrpInstances> objects = instances;
            VrrpInstances engine = objects == null ? null : objects.getService();
            if (engine != null) {
                try {
                    engine.instance(follower.instance()).ifPresent(v -> follower.follow(v.state()));
                } finally {
                    objects.ungetService(engine);
                }
            }
            follower.retry();
        } catch (RuntimeException e) {
            LOG.warn("LVS sync: {}", e.toString()); // the engine went away meanwhile: next round
        }
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        if (follower != null) {
            thread.execute(follower::stop);
        }
        thread.shutdown();
        thread.awaitTermination(5, TimeUnit.SECONDS);
    }

    @Override
    public void stateChanged(StateChange change) {
        if (follower != null && change.instance().equals(follower.instance())) {
            thread.execute(() -> follower.follow(change.to()));
        }
    }

    /** What the follower does now, or null when the configuration was rejected. */
    SyncStatus status() throws Exception {
        return follower == null ? null : thread.submit(follower::status).get(5, TimeUnit.SECONDS);
    }

    String describe() throws Exception {
        return follower == null ? "configuration rejected (see the log)" : thread.submit(follower::describe).get(5, TimeUnit.SECONDS);
    }
}
