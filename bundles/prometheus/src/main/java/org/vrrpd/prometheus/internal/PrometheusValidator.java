package org.vrrpd.prometheus.internal;

import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.vrrpd.api.config.ComponentProperties;
import org.vrrpd.api.config.ConfigFile;
import org.vrrpd.api.config.ConfigProblem;
import org.vrrpd.api.config.ConfigValidator;

/** The rules of {@code org.vrrpd.prometheus}, for the config check (also a ServiceLoader provider). */
@Component
public class PrometheusValidator implements ConfigValidator {
    @Override
    public String pid() {
        return PrometheusExporter.PID;
    }

    @Override
    public List<ConfigProblem> check(ConfigFile file) {
        return ConfigProblem.underRules(file, () -> ExporterSettings.of(ComponentProperties.of(PrometheusExporter.Config.class, file.properties())));
    }
}
