package org.vrrpd.track.script.internal;

import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.vrrpd.api.config.ComponentProperties;
import org.vrrpd.api.config.ConfigFile;
import org.vrrpd.api.config.ConfigProblem;
import org.vrrpd.api.config.ConfigValidator;

/** The config check of {@code org.vrrpd.track.script-*.cfg}: {@link ScriptSettings}' rules (also a ServiceLoader provider). */
@Component
public class TrackScriptValidator implements ConfigValidator {
    @Override
    public String pid() {
        return "org.vrrpd.track.script";
    }

    @Override
    public List<ConfigProblem> check(ConfigFile file) {
        return ConfigProblem.underRules(file, () -> ScriptSettings.of(ComponentProperties.of(TrackScriptConfig.class, file.properties())));
    }
}
