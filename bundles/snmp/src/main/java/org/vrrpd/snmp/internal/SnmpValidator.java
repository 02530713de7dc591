package org.vrrpd.snmp.internal;

import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.vrrpd.api.config.ComponentProperties;
import org.vrrpd.api.config.ConfigFile;
import org.vrrpd.api.config.ConfigProblem;
import org.vrrpd.api.config.ConfigValidator;

/** The rules of {@code org.vrrpd.snmp}, for the config check (also a ServiceLoader provider). */
@Component
public class SnmpValidator implements ConfigValidator {
    @Override
    public String pid() {
        return SnmpSettings.PID;
    }

    @Override
    public List<ConfigProblem> check(ConfigFile file) {
        return ConfigProblem.underRules(file, () -> SnmpSettings.of(ComponentProperties.of(SnmpConfig.class, file.properties())));
    }
}
