package org.vrrpd.vrrp.internal;

import java.util.Map;
import org.osgi.service.component.ComponentConstants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One VRRP instance per factory configuration of {@code org.vrrpd.vrrp.instance}. A bad
 * configuration is refused with a log line naming the key and value; the other instances run on.
 * A change that keeps the instance's identity (priority, addresses, timers, preemption) is applied
 * in place, without a state transition.
 */
@Component(configurationPid = InstanceSettings.FACTORY_PID, configurationPolicy = ConfigurationPolicy.REQUIRE, service = {})
@Designate(ocd = InstanceConfig.class, factory = true)
public class InstanceComponent {
    private static final Logger LOG = LoggerFactory.getLogger(InstanceComponent.class);

    @Reference
    private VrrpEngine engine;

    /** The running instance's name, or null while the configuration has never been valid. */
    private String name;

    /**
     * Never throws: a component whose activation failed would ignore the corrected file that
     * follows, so a bad first version just leaves the instance waiting for a good one.
     */
    @Activate
    void activate(Map<String, Object> properties) throws Exception {
        apply(properties);
    }

    @Modified
    void modified(Map<String, Object> properties) throws Exception {
        apply(properties);
    }

    private void apply(Map<String, Object> properties) throws Exception {
        try {
            InstanceSettings settings = InstanceSettings.parse(properties);
            if (name == null) {
                engine.add(settings);
            } else {
                engine.update(name, settings);
            }
            name = settings.name();
        } catch (InstanceSettings.InvalidSetting e) {
            LOG.error("{}; {}", e.getMessage(), name == null ? "instance not started (" + properties.get("service.pid") + ")"
                    : "the instance keeps its running configuration");
        }
    }

    /**
     * A deleted or replaced configuration stops the instance; the bundle stopping (an update, or
     * the framework shutting down) lets the engine decide between handing it over and stopping it.
     */
    @Deactivate
    void deactivate(int reason) throws Exception {
        if (name == null) {
            return;
        }
        if (reason == ComponentConstants.DEACTIVATION_REASON_BUNDLE_STOPPED) {
            engine.handOver(name);
        } else {
            engine.remove(name);
        }
    }
}
