package org.vrrpd.kernel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The user (and group) a script runs as — keepalived's {@code notify_* SCRIPT USER [GROUP]} and
 * vrrp_script's {@code user USER [GROUP]} — and how to get there: {@code setpriv --reuid --regid
 * --groups}, with the group alone as supplementary group, as keepalived does. Without a group the
 * user's primary group is used. A child can switch only if it will hold CAP_SETUID and CAP_SETGID:
 * a root daemon's children do (within the bounding set); a daemon run as another user only with
 * those two capabilities in its ambient set. With only CAP_NET_ADMIN and CAP_NET_RAW it cannot, and
 * then the script is not run, as keepalived's child would fail its setuid().
 *
 * @param user a user name or uid
 * @param group a group name or gid
 * @param switchable whether this process's children can become that user
 */
public record ScriptUser(String user, String group, boolean switchable) {
    private static final int CAP_SETGID = 6;
    private static final int CAP_SETUID = 7;

    /** Resolves {@code user} (and {@code group}, or the user's primary group when null or blank); refused naming the key and value. */
    public static ScriptUser of(String user, String group) {
        if (lookup("id", "-u", user) == null) {
            throw new IllegalArgumentException("user = " + user + " rejected: no such user");
        }
        String resolved = group == null || group.isBlank() ? lookup("id", "-gn", user) : group.strip();
        if (lookup("getent", "group", resolved) == null) {
            throw new IllegalArgumentException("group = " + resolved + " rejected: no such group");
        }
        return new ScriptUser(user.strip(), resolved, childrenCanSwitch(Path.of("/proc/self/status")));
    }

    /** {@code command} run as this user: through setpriv. */
    public List<String> wrap(List<String> command) throws IOException {
        if (!switchable) {
            throw new IOException("cannot run as " + user + ": the daemon is not root and has no ambient CAP_SETUID and CAP_SETGID"
                    + " (e.g. only CAP_NET_ADMIN and CAP_NET_RAW), so it cannot switch users");
        }
        List<String> out = new ArrayList<>(List.of("setpriv", "--reuid=" + user, "--regid=" + group, "--groups=" + group, "--"));
        out.addAll(command);
        return out;
    }

    /** From /proc/PID/status: root's children get the bounding set; anybody else's only the ambient set. */
    static boolean childrenCanSwitch(Path status) {
        try {
            List<String> lines = Files.readAllLines(status);
            boolean root = field(lines, "Uid:").split("\\s+")[1].equals("0");
            long caps = Long.parseUnsignedLong(field(lines, root ? "CapBnd:" : "CapAmb:"), 16);
            long needed = 1L << CAP_SETUID | 1L << CAP_SETGID;
            return (caps & needed) == needed;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static String field(List<String> lines, String name) {
        return lines.stream().filter(l -> l.startsWith(name)).findFirst().orElseThrow().substring(name.length()).strip();
    }

    /** The first line a lookup command prints, or null when it fails. */
    private static String lookup(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).strip();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 && !out.isEmpty() ? out.lines().findFirst().orElseThrow() : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
