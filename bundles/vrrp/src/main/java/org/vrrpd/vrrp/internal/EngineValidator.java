package org.vrrpd.vrrp.internal;

import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.vrrpd.api.config.ConfigFile;
import org.vrrpd.api.config.ConfigProblem;
import org.vrrpd.api.config.ConfigValidator;

/** The rules of {@code org.vrrpd.vrrp}, the engine's daemon-wide file, for the config check (also a ServiceLoader provider). */
@Component
public class EngineValidator implements ConfigValidator {
    @Override
    public String pid() {
        return EngineSettings.PID;
    }

    @Override
    public List<ConfigProblem> check(ConfigFile file) {
        return ConfigProblem.underRules(file, () -> EngineSettings.parse(file.properties()));
    }
}
