package org.vrrpd.track.process.internal;

import java.util.List;

/**
 * Whether one process is one keepalived's track_process counts (core/track_process.c): by default
 * its name (/proc/PID/comm, as {@code Name:} in its status) equals the configured one exactly — no
 * pattern, so "ssh" does not match sshd; with fullCommand the command line's first word does, and
 * with parameters or a param_match the rest of the command line is compared as keepalived does,
 * argument by argument (each NUL-terminated in /proc/PID/cmdline).
 */
record ProcessMatcher(String name, List<String> parameters, ParamMatch paramMatch, boolean fullCommand) {
    ProcessMatcher {
        parameters = List.copyOf(parameters);
    }

    /** @param comm the process name; @param cmdline /proc/PID/cmdline as read (arguments each ended by NUL) */
    boolean matches(String comm, String cmdline) {
        if (!fullCommand) {
            return name.equals(comm);
        }
        int end = cmdline.indexOf('\0');
        String first = end < 0 ? cmdline : cmdline.substring(0, end);
        if (!name.equals(first)) {
            return false;
        }
        String actual = end < 0 ? "" : cmdline.substring(end + 1);
        String wanted = parameters.isEmpty() ? "" : String.join("\0", parameters) + "\0";
        return switch (paramMatch) {
            case NONE -> true;
            case EXACT -> actual.equals(wanted);
            case PARTIAL -> actual.startsWith(wanted);
            case INITIAL -> wanted.isEmpty() || actual.startsWith(wanted.substring(0, wanted.length() - 1));
        };
    }
}
