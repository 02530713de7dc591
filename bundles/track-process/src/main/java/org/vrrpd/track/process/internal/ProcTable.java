package org.vrrpd.track.process.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Counts the running processes a matcher accepts by reading /proc (a directory given, so tests can
 * stand in their own): each numeric directory's {@code stat} for the name and state (zombies do not
 * count, as in keepalived), and {@code cmdline} only when the matcher needs it. A process that exits
 * while being read is skipped.
 */
final class ProcTable {
    /** keepalived reads at most this much of a command line (its longest configured one, and more). */
    private static final int CMDLINE_LIMIT = 4096;
    private final Path proc;

    ProcTable(Path proc) {
        this.proc = proc;
    }

    int count(ProcessMatcher matcher) throws IOException {
        int n = 0;
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(proc, p -> isPid(p.getFileName().toString()))) {
            for (Path dir : dirs) {
                try {
                    String stat = read(dir.resolve("stat"), 512);
                    int open = stat.indexOf('(');
                    int close = stat.lastIndexOf(')');
                    if (open < 0 || close < open || (close + 2 < stat.length() && stat.charAt(close + 2) == 'Z')) {
                        continue;
                    }
                    String cmdline = matcher.fullCommand() ? read(dir.resolve("cmdline"), CMDLINE_LIMIT) : "";
                    if (matcher.matches(stat.substring(open + 1, close), cmdline)) {
                        n++;
                    }
                } catch (IOException e) {
                    // gone while we looked
                }
            }
        }
        return n;
    }

    private static boolean isPid(String name) {
        if (name.isEmpty() || name.charAt(0) == '0') {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) < '0' || name.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static String read(Path file, int limit) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readNBytes(limit), StandardCharsets.UTF_8);
        }
    }
}
