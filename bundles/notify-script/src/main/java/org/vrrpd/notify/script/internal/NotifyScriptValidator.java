package org.vrrpd.notify.script.internal;

import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.vrrpd.api.config.ComponentProperties;
import org.vrrpd.api.config.ConfigFile;
import org.vrrpd.api.config.ConfigProblem;
import org.vrrpd.api.config.ConfigValidator;
import org.vrrpd.kernel.ScriptUser;

/** The rules of {@code org.vrrpd.notify.script-*.cfg}, for the notifier and for the config check (also a ServiceLoader provider). */
@Component
public class NotifyScriptValidator implements ConfigValidator {
    /** The command lines, split as they will run. */
    static Scripts scripts(NotifyScriptConfig config) {
        return new Scripts(config.notify$(), config.notifyMaster(), config.notifyBackup(), config.notifyFault(), config.notifyStop());
    }

    /** The user the scripts run as, null for the daemon's own; refused when the user or group does not exist. */
    static ScriptUser user(NotifyScriptConfig config) {
        return config.user() == null || config.user().isBlank() ? null : ScriptUser.of(config.user(), config.group());
    }

    @Override
    public String pid() {
        return "org.vrrpd.notify.script";
    }

    @Override
    public List<ConfigProblem> check(ConfigFile file) {
        return ConfigProblem.underRules(file, () -> {
            NotifyScriptConfig config = ComponentProperties.of(NotifyScriptConfig.class, file.properties());
            scripts(config);
            user(config);
            config.timeout(); // a timeout that is not a number is refused here; the notifier keeps it within 1..3600 s
        });
    }
}
