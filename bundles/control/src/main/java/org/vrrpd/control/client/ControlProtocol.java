package org.vrrpd.control.client;

import java.nio.file.Path;
import java.util.List;

/**
 * The control channel's wire format, shared by the daemon and {@code vrrpctl}. A client connects
 * to {@code RUN_DIR/vrrpd.sock}, writes one Gogo command line ending in a newline, and reads a
 * header line {@code exit=N} followed by the command's output until the daemon closes.
 */
public final class ControlProtocol {
    /** Framework property with the daemon's run directory (socket, pid and state files). */
    public static final String RUN_DIR_PROPERTY = "vrrpd.run.dir";
    public static final String DEFAULT_RUN_DIR = "/run/vrrpd";
    public static final String SOCKET_NAME = "vrrpd.sock";
    public static final String EXIT_PREFIX = "exit=";
    /** Longest command line the daemon reads. */
    public static final int MAX_REQUEST = 64 * 1024;

    private ControlProtocol() {
    }

    public static Path socketPath(String runDir) {
        return Path.of(runDir, SOCKET_NAME);
    }

    /** Joins arguments into one Gogo command line, quoting those that need it. */
    public static String commandLine(List<String> args) {
        StringBuilder line = new StringBuilder();
        for (String arg : args) {
            if (line.length() > 0) {
                line.append(' ');
            }
            if (!arg.isEmpty() && arg.chars().noneMatch(c -> Character.isWhitespace(c) || "\"'\\;|&$(){}[]<>".indexOf(c) >= 0)) {
                line.append(arg);
            } else {
                line.append('"').append(arg.replace("\\", "\\\\").replace("\"", "\\\"").replace("$", "\\$")).append('"');
            }
        }
        return line.toString();
    }
}
