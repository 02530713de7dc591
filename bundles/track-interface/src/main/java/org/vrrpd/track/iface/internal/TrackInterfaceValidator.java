package org.vrrpd.track.iface.internal;

import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.vrrpd.api.config.ComponentProperties;
import org.vrrpd.api.config.ConfigFile;
import org.vrrpd.api.config.ConfigProblem;
import org.vrrpd.api.config.ConfigValidator;
import org.vrrpd.api.spi.TrackingWeight;

/** The rules of {@code org.vrrpd.track.interface-*.cfg}, for the checker and for the config check (also a ServiceLoader provider). */
@Component
public class TrackInterfaceValidator implements ConfigValidator {
    /** @throws IllegalArgumentException {@code track-interface NAME: KEY = VALUE rejected: WHY} */
    static TrackingWeight weight(TrackInterfaceConfig config) {
        String name = config.interfaceName();
        try {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("interfaceName = (missing) rejected: required (the interface to track)");
            }
            return new TrackingWeight(config.weight(), config.reverse());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("track-interface " + name + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String pid() {
        return "org.vrrpd.track.interface";
    }

    @Override
    public List<ConfigProblem> check(ConfigFile file) {
        return ConfigProblem.underRules(file, () -> weight(ComponentProperties.of(TrackInterfaceConfig.class, file.properties())));
    }
}
