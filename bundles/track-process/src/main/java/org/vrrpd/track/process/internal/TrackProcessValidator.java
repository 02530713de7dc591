package org.vrrpd.track.process.internal;

import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.vrrpd.api.config.ComponentProperties;
import org.vrrpd.api.config.ConfigFile;
import org.vrrpd.api.config.ConfigProblem;
import org.vrrpd.api.config.ConfigValidator;

/** The config check of {@code org.vrrpd.track.process-*.cfg}: {@link TrackProcessSettings}' rules (also a ServiceLoader provider). */
@Component
public class TrackProcessValidator implements ConfigValidator {
    @Override
    public String pid() {
        return "org.vrrpd.track.process";
    }

    @Override
    public List<ConfigProblem> check(ConfigFile file) {
        return ConfigProblem.underRules(file, () -> TrackProcessSettings.of(ComponentProperties.of(TrackProcessConfig.class, file.properties())));
    }
}
