package org.vrrpd.vrrp.internal;

import java.util.Map;
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

    private String name;

    @Activate
    void activate(Map<String, Object> properties) throws Exception {
        InstanceSettings settings = parse(properties);
        try {
            engine.add(settings);
        } catch (InstanceSettings.InvalidSetting e) {
            LOG.error(e.getMessage());
            throw e;
        }
        name = settings.name();
    }

    @Modified
    void modified(Map<String, Object> properties) throws Exception {
        InstanceSettings settings;
        try {
            settings = InstanceSettings.parse(properties);
        } catch (InstanceSettings.InvalidSetting e) {
            LOG.error("{}; the instance keeps its running configuration", e.getMessage());
            return;
        }
        engine.update(name, settings);
        name = settings.name();
    }

    @Deactivate
    void deactivate() throws Exception {
        if (name != null) {
            engine.remove(name);
        }
    }

    private static InstanceSettings parse(Map<String, Object> properties) {
        try {
            return InstanceSettings.parse(properties);
        } catch (InstanceSettings.InvalidSetting e) {
            LOG.error("{} ({}); instance not started", e.getMessage(), properties.get("service.pid"));
            throw e;
        }
    }
}
