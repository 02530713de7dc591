package org.vrrpd.mii.internal;

import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.vrrpd.api.config.ComponentProperties;
import org.vrrpd.api.config.ConfigFile;
import org.vrrpd.api.config.ConfigProblem;
import org.vrrpd.api.config.ConfigValidator;

/** The rules of {@code org.vrrpd.mii}, for the link monitor and for the config check (also a ServiceLoader provider). */
@Component
public class MonitorValidator implements ConfigValidator {
    static final int MIN_POLL = 10;
    static final int MAX_POLL = 10_000;

    /** Why the configuration is refused ({@code pollInterval = 5 rejected: ...}), or null. */
    static String refusal(MonitorConfig config) {
        int interval = config.pollInterval();
        return interval < MIN_POLL || interval > MAX_POLL
                ? "pollInterval = " + interval + " rejected: must be " + MIN_POLL + ".." + MAX_POLL + " ms" : null;
    }

    @Override
    public String pid() {
        return "org.vrrpd.mii";
    }

    @Override
    public List<ConfigProblem> check(ConfigFile file) {
        String refusal;
        try {
            refusal = refusal(ComponentProperties.of(MonitorConfig.class, file.properties()));
        } catch (IllegalArgumentException e) {
            refusal = e.getMessage();
        }
        return refusal == null ? List.of() : List.of(ConfigProblem.fromRejection(file.source(), refusal));
    }
}
