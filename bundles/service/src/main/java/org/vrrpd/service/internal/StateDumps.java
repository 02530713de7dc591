package org.vrrpd.service.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.vrrpd.api.vrrp.VrrpInstanceView;
import org.vrrpd.api.vrrp.VrrpStatistics;

/**
 * keepalived's data and statistics dumps (SIGUSR1 → /tmp/keepalived.data, SIGUSR2 →
 * /tmp/keepalived.stats), written as {@code vrrpd.data} and {@code vrrpd.stats} in the run
 * directory, which only the daemon's user can read. Each file is replaced whole, so a reader never
 * sees half a dump.
 */
final class StateDumps {
    static final String DATA_FILE = "vrrpd.data";
    static final String STATS_FILE = "vrrpd.stats";

    private final Path runDir;

    StateDumps(Path runDir) {
        this.runDir = runDir;
    }

    /** What vrrp:list and vrrp:show print, for every instance. */
    Path writeData(CommandProcessor gogo, List<VrrpInstanceView> instances) throws Exception {
        StringBuilder out = header("VRRP data");
        out.append(run(gogo, "vrrp:list")).append("\n\n");
        for (VrrpInstanceView instance : instances) {
            out.append(run(gogo, "vrrp:show " + instance.name())).append("\n\n");
        }
        return write(DATA_FILE, out);
    }

    /** Every RFC 2787 counter of every instance, one "name value" line each. */
    Path writeStatistics(List<VrrpInstanceView> instances) throws Exception {
        StringBuilder out = header("VRRP statistics");
        for (VrrpInstanceView instance : instances) {
            out.append(instance.name()).append(" (vrid ").append(instance.vrid()).append(", ").append(instance.state()).append(")\n");
            VrrpStatistics statistics = instance.statistics();
            for (RecordComponent counter : VrrpStatistics.class.getRecordComponents()) {
                out.append(String.format("  %-28s %d%n", counter.getName(), (Long) counter.getAccessor().invoke(statistics)));
            }
            out.append('\n');
        }
        return write(STATS_FILE, out);
    }

    private static StringBuilder header(String what) {
        return new StringBuilder("# ").append(what).append(" of vrrpd pid ").append(ProcessHandle.current().pid())
                .append(" at ").append(Instant.now()).append("\n\n");
    }

    /** Runs one Gogo command line as vrrpctl would and returns what it printed and returned. */
    private static String run(CommandProcessor gogo, String line) throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
             CommandSession session = gogo.createSession(new ByteArrayInputStream(new byte[0]), out, out)) {
            Object result = session.execute(line);
            if (result != null) {
                out.print(result);
            }
        }
        return printed.toString(StandardCharsets.UTF_8).stripTrailing();
    }

    private Path write(String name, CharSequence text) throws IOException {
        Path target = runDir.resolve(name);
        Path partial = runDir.resolve(name + ".partial");
        Files.writeString(partial, text, StandardCharsets.UTF_8);
        return Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
