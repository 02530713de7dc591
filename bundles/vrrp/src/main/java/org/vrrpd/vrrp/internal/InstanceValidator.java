package org.vrrpd.vrrp.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.vrrpd.api.config.ConfigFile;
import org.vrrpd.api.config.ConfigProblem;
import org.vrrpd.api.config.ConfigValidator;

/**
 * The config check of instance files: {@link InstanceSettings#parse} and the registry's conflict
 * rules, exactly as the engine applies them, with nothing started. Also found by ServiceLoader
 * (META-INF/services), so that {@code bin/vrrpd --check} runs it without a framework.
 */
@Component
public class InstanceValidator implements ConfigValidator {
    @Override
    public String pid() {
        return InstanceSettings.FACTORY_PID;
    }

    @Override
    public List<ConfigProblem> check(ConfigFile file) {
        return ConfigProblem.underRules(file, () -> InstanceSettings.parse(file.properties()));
    }

    /** A later file that takes an earlier one's name, or its VRID on its interface, is the one at fault. */
    @Override
    public List<ConfigProblem> checkTogether(List<ConfigFile> files) {
        Map<String, InstanceSettings> valid = new LinkedHashMap<>();
        List<ConfigProblem> problems = new ArrayList<>();
        for (ConfigFile file : files) {
            InstanceSettings s;
            try {
                s = InstanceSettings.parse(file.properties());
            } catch (InstanceSettings.InvalidSetting e) {
                continue; // check() reports it
            }
            InstanceSettings.InvalidSetting conflict = null;
            for (Map.Entry<String, InstanceSettings> earlier : valid.entrySet()) {
                conflict = InstanceRegistry.conflict(s, earlier.getValue());
                if (conflict != null) {
                    problems.add(ConfigProblem.fromRejection(file.source(), conflict.getMessage() + " (" + earlier.getKey() + ")"));
                    break;
                }
            }
            if (conflict == null) {
                valid.put(file.source(), s);
            }
        }
        return problems;
    }
}
