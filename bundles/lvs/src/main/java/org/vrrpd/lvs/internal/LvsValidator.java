package org.vrrpd.lvs.internal;

import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.vrrpd.api.config.ComponentProperties;
import org.vrrpd.api.config.ConfigFile;
import org.vrrpd.api.config.ConfigProblem;
import org.vrrpd.api.config.ConfigValidator;

/** The rules of {@code org.vrrpd.lvs}, for activation and for the config check (also a ServiceLoader provider). */
@Component
public class LvsValidator implements ConfigValidator {
    static final String PID = "org.vrrpd.lvs";

    /** instance and interfaceName required, syncId 0..255. */
    static void check(LvsConfig config) {
        if (config.instance() == null || config.instance().isBlank()) {
            throw new IllegalArgumentException("instance = (missing) rejected: required (the VRRP instance to follow)");
        }
        if (config.interfaceName() == null || config.interfaceName().isBlank()) {
            throw new IllegalArgumentException("interfaceName = (missing) rejected: required (the sync daemon's interface)");
        }
        if (config.syncId() < 0 || config.syncId() > 255) {
            throw new IllegalArgumentException("syncId = " + config.syncId() + " rejected: must be 0..255");
        }
    }

    @Override
    public String pid() {
        return PID;
    }

    @Override
    public List<ConfigProblem> check(ConfigFile file) {
        return ConfigProblem.underRules(file, () -> check(ComponentProperties.of(LvsConfig.class, file.properties())));
    }
}
