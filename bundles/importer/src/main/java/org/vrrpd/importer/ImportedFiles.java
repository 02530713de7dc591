package org.vrrpd.importer;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The .cfg files an import owns. Each starts with {@link #MARKER}; writing an import into etc/
 * replaces the files it owns and removes those the new keepalived.conf no longer describes, so that
 * etc/ holds exactly what it says. A file without the marker was written by hand: it is never
 * removed nor overwritten.
 */
final class ImportedFiles {
    static final String MARKER = "# imported from keepalived.conf by vrrp-import";
    private static final String HEADER = MARKER + "; the next import replaces or removes this file\n";

    /** What writing did, by file name. */
    record Written(List<String> wrote, List<String> removed, List<String> keptHandWritten) {
    }

    private ImportedFiles() {
    }

    /** The .cfg format FileInstall reads: the marker, then key = value lines (backslashes escaped, as in java.util.Properties). */
    static String format(Map<String, String> values) {
        StringBuilder out = new StringBuilder(HEADER);
        values.forEach((k, v) -> out.append(k).append(" = ").append(v == null ? "" : v.replace("\\", "\\\\")).append('\n'));
        return out.toString();
    }

    static Written write(Map<String, String> files, Path etc) throws IOException {
        Files.createDirectories(etc);
        Written done = new Written(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        try (DirectoryStream<Path> existing = Files.newDirectoryStream(etc, "*.cfg")) {
            for (Path f : existing) {
                String name = f.getFileName().toString();
                if (!files.containsKey(name) && owned(f)) {
                    Files.delete(f);
                    done.removed().add(name);
                }
            }
        }
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path target = etc.resolve(f.getKey());
            if (Files.exists(target) && !owned(target)) {
                done.keptHandWritten().add(f.getKey());
                continue;
            }
            // Written aside and moved, so that FileInstall never reads half a file.
            Path part = etc.resolve("." + f.getKey() + ".part");
            Files.writeString(part, f.getValue());
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            done.wrote().add(f.getKey());
        }
        return done;
    }

    private static boolean owned(Path file) throws IOException {
        try (var lines = Files.lines(file)) {
            return lines.findFirst().map(l -> l.startsWith(MARKER)).orElse(false);
        }
    }

    /** The lines bin/vrrp-import and keepalived:convert print. */
    static List<String> report(Written done, Path etc) {
        List<String> out = new ArrayList<>();
        done.wrote().forEach(f -> out.add("wrote " + etc.resolve(f)));
        done.removed().forEach(f -> out.add("removed " + etc.resolve(f) + " (imported before; the keepalived.conf no longer has it)"));
        done.keptHandWritten().forEach(f -> out.add("kept " + etc.resolve(f) + ": not written by vrrp-import, so not replaced;"
                + " move it away to import it"));
        return out;
    }
}
