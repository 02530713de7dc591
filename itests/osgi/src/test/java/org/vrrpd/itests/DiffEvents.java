package org.vrrpd.itests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The differential test's events, one line each, applied to both pairs at once: {@code start R...},
 * {@code kill R} (a SIGKILL of the box), {@code pull R IF} / {@code plug R IF} (the cable of R's
 * interface), {@code fail R FLAG} / {@code heal R FLAG} (the flag file a tracked script tests; one
 * file for both pairs' R, so both see it at once), {@code set R FILE VALUE} (a tracked file's
 * number). A new tracker adds its verb here. (keepalived's track_process cannot be compared in a
 * namespace: its proc connector is refused there, see docs/trackers.md.)
 */
final class DiffEvents {
    private final Path work;
    private final List<DiffPair> pairs;

    DiffEvents(Path work, DiffPair... pairs) {
        this.work = work;
        this.pairs = List.of(pairs);
    }

    void apply(String event) throws IOException {
        String[] w = event.split(" ");
        switch (w[0]) {
            case "fail" -> Files.deleteIfExists(flag(w[1], w[2]));
            case "heal" -> Files.writeString(flag(w[1], w[2]), "");
            case "set" -> Files.writeString(flag(w[1], w[2]), w[3] + "\n");
            case "start" -> {
                for (DiffPair pair : pairs) {
                    for (int i = 1; i < w.length; i++) {
                        pair.start(w[i]);
                    }
                }
            }
            case "kill" -> pairs.forEach(p -> p.kill(w[1]));
            case "pull", "plug" -> pairs.forEach(p -> p.cable(w[1], w[2], w[0].equals("plug")));
            default -> throw new IllegalArgumentException("no such event: " + event);
        }
    }

    private Path flag(String role, String name) {
        return work.resolve("flags-" + role).resolve(name);
    }
}
