package org.vrrpd.track.file.internal;

import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.vrrpd.api.config.ComponentProperties;
import org.vrrpd.api.config.ConfigFile;
import org.vrrpd.api.config.ConfigProblem;
import org.vrrpd.api.config.ConfigValidator;

/** The config check of {@code org.vrrpd.track.file-*.cfg}: {@link TrackFileSettings}' rules (also a ServiceLoader provider). */
@Component
public class TrackFileValidator implements ConfigValidator {
    @Override
    public String pid() {
        return "org.vrrpd.track.file";
    }

    @Override
    public List<ConfigProblem> check(ConfigFile file) {
        return ConfigProblem.underRules(file, () -> TrackFileSettings.of(ComponentProperties.of(TrackFileConfig.class, file.properties())));
    }
}
