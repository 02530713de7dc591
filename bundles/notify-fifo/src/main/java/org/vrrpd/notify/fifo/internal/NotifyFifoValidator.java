package org.vrrpd.notify.fifo.internal;

import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.vrrpd.api.config.ComponentProperties;
import org.vrrpd.api.config.ConfigFile;
import org.vrrpd.api.config.ConfigProblem;
import org.vrrpd.api.config.ConfigValidator;

/** The config check of {@code org.vrrpd.notify.fifo-*.cfg}: {@link FifoSettings}' rules (also a ServiceLoader provider). */
@Component
public class NotifyFifoValidator implements ConfigValidator {
    @Override
    public String pid() {
        return "org.vrrpd.notify.fifo";
    }

    @Override
    public List<ConfigProblem> check(ConfigFile file) {
        return ConfigProblem.underRules(file, () -> FifoSettings.of(ComponentProperties.of(NotifyFifoConfig.class, file.properties())));
    }
}
