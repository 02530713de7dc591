package org.vrrpd.itests;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.vrrpd.lab.NetLab;

/**
 * Two routers of one kind, keepalived or ours, on links of their own: eth0 (192.0.2.0/24) and eth1
 * (198.51.100.0/24), each through a bridge. What it reports is every instance's state and effective
 * priority on each router, "VI_1: r1 MASTER 150, r2 BACKUP 115", a stopped router being "down".
 */
final class DiffPair {
    static final List<String> ROLES = List.of("r1", "r2");
    /** How long both pairs' reports must agree, unchanged, for a step to be over: longer than any Master_Down_Interval (3.6 s). */
    private static final Duration STABLE = Duration.ofSeconds(5);
    private static final Duration SETTLE = Duration.ofSeconds(45);

    private final NetLab lab;
    private final Path work;
    private final String kind;
    private final Map<String, String> namespaces = new HashMap<>();
    /** "r1 eth1" → the bridge namespace and the bridge-side port of that cable. */
    private final Map<String, String[]> cables = new HashMap<>();
    private final Map<String, String> keepalivedConfs;
    private final Map<String, Map<String, String>> ourFiles;
    private final Map<String, Keepalived> keepaliveds = new HashMap<>();
    private final Map<String, Vrrpd> daemons = new HashMap<>();
    private final Set<String> down = new HashSet<>(ROLES);

    private DiffPair(NetLab lab, Path work, String kind, Map<String, String> keepalivedConfs, Map<String, Map<String, String>> ourFiles)
            throws InterruptedException {
        this.lab = lab;
        this.work = work;
        this.kind = kind;
        this.keepalivedConfs = keepalivedConfs;
        this.ourFiles = ourFiles;
        Map<String, String> bridges = Map.of("eth0", lab.bridge(kind + "-front"), "eth1", lab.bridge(kind + "-back"));
        Map<String, String> nets = Map.of("eth0", "192.0.2.", "eth1", "198.51.100.");
        for (int i = 0; i < ROLES.size(); i++) {
            String role = ROLES.get(i);
            String ns = lab.namespace(kind + "-" + role);
            namespaces.put(role, ns);
            for (String iface : List.of("eth0", "eth1")) {
                String port = lab.link(bridges.get(iface), ns, iface, nets.get(iface) + (i + 1) + "/24");
                cables.put(role + " " + iface, new String[] {bridges.get(iface), port});
            }
        }
        // The kernel reports a new veth's carrier up to a second after "ip link set up" (linkwatch): a daemon
        // started before that sees its interface down and goes through FAULT or a tracked interface's
        // weight first, which the other daemon, started later, does not (keepalived did, on a fast machine).
        for (String ns : namespaces.values()) {
            for (String iface : List.of("eth0", "eth1")) {
                LabTest.awaitTrue(ns + " " + iface + " running", () -> lab.exec(ns, "ip", "-o", "link", "show", "dev", iface).check().stdout()
                        .contains("state UP"), java.time.Duration.ofSeconds(10));
            }
        }
    }

    /** keepalived routers running {@code confs} (role → keepalived.conf). */
    static DiffPair keepalived(NetLab lab, Path work, Map<String, String> confs) throws InterruptedException {
        return new DiffPair(lab, work, "ka", confs, null);
    }

    /** Our routers running {@code files} (role → the importer's files). */
    static DiffPair ours(NetLab lab, Path work, Map<String, Map<String, String>> files) throws InterruptedException {
        return new DiffPair(lab, work, "ours", null, files);
    }

    String namespace(String role) {
        return namespaces.get(role);
    }

    void start(String role) throws IOException {
        if (keepalivedConfs != null) {
            Keepalived k = keepaliveds.get(role);
            if (k == null) {
                keepaliveds.put(role, Keepalived.startConf(lab, namespaces.get(role), work, kind + "-" + role, keepalivedConfs.get(role)));
            } else {
                k.start();
            }
        } else {
            Vrrpd d = daemons.get(role);
            if (d == null) {
                daemons.put(role, Vrrpd.start(lab, namespaces.get(role), work, kind + "-" + role, ourFiles.get(role)));
            } else {
                d.start();
            }
        }
        down.remove(role);
    }

    /** The box dies: every process SIGKILLed, no priority 0. */
    void kill(String role) {
        if (keepalivedConfs != null) {
            keepaliveds.get(role).crash();
        } else {
            daemons.get(role).process().kill();
        }
        down.add(role);
    }

    void cable(String role, String iface, boolean plugged) {
        String[] cable = cables.get(role + " " + iface);
        lab.exec(cable[0], "ip", "link", "set", cable[1], plugged ? "up" : "down").check();
    }

    /** Instance → "r1 MASTER 150, r2 BACKUP 100"; a router that does not answer (yet) reports "?". */
    String report() {
        Map<String, List<String>> byInstance = new TreeMap<>();
        for (String role : ROLES) {
            Map<String, String> states = down.contains(role) ? Map.of() : states(role);
            if (states == null) {
                return role + " ?";
            }
            states.forEach((instance, state) -> byInstance.computeIfAbsent(instance, k -> new ArrayList<>()).add(role + " " + state));
            if (down.contains(role)) {
                byInstance.computeIfAbsent("", k -> new ArrayList<>()).add(role + " down");
            }
        }
        List<String> out = new ArrayList<>();
        byInstance.forEach((instance, states) -> out.add((instance.isEmpty() ? "" : instance + ": ") + String.join(", ", states)));
        return String.join("; ", out);
    }

    /** The router's instances → "STATE PRIORITY", or null when it does not answer. */
    private Map<String, String> states(String role) {
        try {
            return keepalivedConfs != null ? keepaliveds.get(role).dump(Duration.ofSeconds(3)) : ours(daemons.get(role));
        } catch (IOException | RuntimeException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /**
     * vrrp:list's NAME, STATE and PRIORITY columns: the state is the first upper-case word followed
     * by a number, wherever the columns before it put it (VERSION is two words, "v2 IPv4").
     */
    private static Map<String, String> ours(Vrrpd d) {
        NetLab.Result r = d.vrrpctl("vrrp:list");
        if (r.exitCode() != 0) {
            return null;
        }
        Map<String, String> out = new TreeMap<>();
        for (String line : r.stdout().lines().skip(1).toList()) {
            String[] col = line.trim().split("\\s+");
            for (int i = 1; i + 1 < col.length; i++) {
                if (col[i].matches("[A-Z]+") && col[i + 1].matches("\\d+")) {
                    out.put(col[0], col[i] + " " + col[i + 1]);
                    break;
                }
            }
        }
        return out.isEmpty() ? null : out;
    }

    /**
     * Waits until both pairs report the same, unchanged for {@link #STABLE}; returns what each
     * reported then, or, after {@link #SETTLE}, what each reported last (and then they differ).
     */
    static String[] settle(String event, DiffPair a, DiffPair b) throws InterruptedException {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        String[] last = {null, null};
        long since = System.nanoTime();
        List<String> seen = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            String[] now = {a.report(), b.report()};
            if (!now[0].equals(last[0]) || !now[1].equals(last[1])) {
                since = System.nanoTime();
                seen.add(String.format("%.1f s: %s | %s", (System.nanoTime() - deadline + SETTLE.toNanos()) / 1e9, now[0], now[1]));
            } else if (now[0].equals(now[1]) && System.nanoTime() - since >= STABLE.toNanos()) {
                return now;
            }
            last = now;
            Thread.sleep(200);
        }
        System.out.println("differential: after '" + event + "' the pairs did not agree within " + SETTLE + ":\n  " + String.join("\n  ", seen));
        return last;
    }
}
