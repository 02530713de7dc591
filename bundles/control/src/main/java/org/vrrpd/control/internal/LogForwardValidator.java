package org.vrrpd.control.internal;

import java.util.List;
import java.util.Locale;
import org.osgi.service.component.annotations.Component;
import org.vrrpd.api.config.ComponentProperties;
import org.vrrpd.api.config.ConfigFile;
import org.vrrpd.api.config.ConfigProblem;
import org.vrrpd.api.config.ConfigValidator;

/**
 * The rules of {@code org.vrrpd.logforward}, for the forwarder and for the config check (also a
 * ServiceLoader provider). Level names only, so that the offline check needs no OSGi log API.
 */
@Component
public class LogForwardValidator implements ConfigValidator {
    static final List<String> LEVELS = List.of("ERROR", "WARN", "INFO", "DEBUG");

    /** The level's name, upper case; refused unless it is one of {@link #LEVELS}. */
    static String level(LogForwarder.Config config) {
        String wanted = config.level().trim().toUpperCase(Locale.ROOT);
        if (!LEVELS.contains(wanted)) {
            throw new IllegalArgumentException("level = " + config.level() + " rejected: not one of " + LEVELS);
        }
        return wanted;
    }

    @Override
    public String pid() {
        return LogForwarder.PID;
    }

    @Override
    public List<ConfigProblem> check(ConfigFile file) {
        return ConfigProblem.underRules(file, () -> level(ComponentProperties.of(LogForwarder.Config.class, file.properties())));
    }
}
