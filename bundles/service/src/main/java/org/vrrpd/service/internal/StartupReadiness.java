package org.vrrpd.service.internal;

import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/**
 * Whether every configured VRRP instance has started, as systemd's READY=1 means it: each
 * instance file in the configuration folder has reached ConfigAdmin and its component has been
 * activated — which returns once the engine runs the instance, or once a bad file has been
 * refused with its log line (a broken file must not hold the daemon in "activating" forever).
 * Judged from the outside through SCR's runtime view, by the instances' configuration PID.
 */
final class StartupReadiness {
    static final String INSTANCE_FACTORY_PID = "org.vrrpd.vrrp.instance";
    private static final Pattern INSTANCE_FILE = Pattern.compile(Pattern.quote(INSTANCE_FACTORY_PID) + "-.+\\.(cfg|config)");
    private static final String FILEINSTALL_FILENAME = "felix.fileinstall.filename";

    private final File configurationFolder;

    StartupReadiness(File configurationFolder) {
        this.configurationFolder = configurationFolder;
    }

    /** The instance files whose instance has not started yet; empty when the daemon is ready. */
    List<String> notStarted(ServiceComponentRuntime scr) {
        Set<String> started = startedFiles(scr);
        List<String> waiting = new ArrayList<>();
        for (String file : instanceFiles()) {
            if (!started.contains(file)) {
                waiting.add(file);
            }
        }
        return waiting;
    }

    List<String> instanceFiles() {
        String[] names = configurationFolder.list((dir, name) -> INSTANCE_FILE.matcher(name).matches());
        return names == null ? List.of() : Arrays.stream(names).sorted().toList();
    }

    /** File names (not paths: FileInstall writes URIs) of the instance configurations whose component is active. */
    private static Set<String> startedFiles(ServiceComponentRuntime scr) {
        Set<String> files = new HashSet<>();
        for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs()) {
            if (!Arrays.asList(description.configurationPid).contains(INSTANCE_FACTORY_PID)) {
                continue;
            }
            for (ComponentConfigurationDTO configuration : scr.getComponentConfigurationDTOs(description)) {
                Object file = configuration.properties.get(FILEINSTALL_FILENAME);
                if (configuration.state == ComponentConfigurationDTO.ACTIVE && file != null) {
                    String uri = file.toString();
                    files.add(uri.substring(uri.lastIndexOf('/') + 1));
                }
            }
        }
        return files;
    }
}
