package org.vrrpd.notify.fifo.internal;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.vrrpd.api.config.CommandLine;
import org.vrrpd.kernel.ScriptUser;

/**
 * A notify FIFO's configuration, checked; free of OSGi so that {@code bin/vrrpd --check} runs it.
 *
 * @param script the reader to start, without the FIFO's path (empty: none)
 * @param user null: the daemon's own
 */
record FifoSettings(List<String> instances, Path fifo, List<String> script, ScriptUser user, Map<String, List<String>> groups,
                    List<String> priorityChanges) {
    /** @throws IllegalArgumentException {@code notify-fifo FIFO: KEY = VALUE rejected: WHY} */
    static FifoSettings of(NotifyFifoConfig config) {
        String fifo = config.fifo();
        try {
            if (fifo == null || fifo.isBlank()) {
                throw new IllegalArgumentException("fifo = (missing) rejected: required (the named pipe to write)");
            }
            Path path = Path.of(fifo);
            if (!path.isAbsolute()) {
                throw new IllegalArgumentException("fifo = " + fifo + " rejected: must be an absolute path");
            }
            List<String> script;
            try {
                script = CommandLine.split(config.script());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("script = " + config.script() + " rejected: " + e.getMessage());
            }
            ScriptUser user = config.user() == null || config.user().isBlank() ? null : ScriptUser.of(config.user(), config.group());
            return new FifoSettings(names(config.vrrp_instance()), path, script, user, FifoLines.parseGroups(config.syncGroups()),
                    names(config.priorityChanges()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("notify-fifo " + fifo + ": " + e.getMessage(), e);
        }
    }

    /** Names from a String[], where a .cfg file gives the list as one string: "VI_1, VI_2". */
    private static List<String> names(String[] values) {
        return Arrays.stream(values == null ? new String[0] : values).flatMap(v -> Arrays.stream(v.split("[,\\s]+")))
                .filter(n -> !n.isEmpty()).toList();
    }

    boolean appliesTo(String instance) {
        return instances.contains("*") || instances.contains(instance);
    }

    /** Whether {@code instance}'s priority changes are written (keepalived's notify_priority_changes). */
    boolean writesPriorityOf(String instance) {
        return appliesTo(instance) && (priorityChanges.contains("*") || priorityChanges.contains(instance));
    }
}
