package org.vrrpd.itests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.vrrpd.lab.LabProcess;
import org.vrrpd.lab.NetLab;

/** Debian's keepalived in a lab namespace: VRRP only, in the foreground, with its own pid files and log. */
final class Keepalived {
    final String namespace;
    private final NetLab lab;
    private final Path dir;
    private final Path conf;
    private LabProcess process;

    private Keepalived(NetLab lab, String namespace, Path dir, Path conf) {
        this.lab = lab;
        this.namespace = namespace;
        this.dir = dir;
        this.conf = conf;
    }

    /** Starts keepalived with {@code vrrpInstance} (one vrrp_instance block) and waits until it is BACKUP. */
    static Keepalived start(NetLab lab, String namespace, Path work, String name, String vrrpInstance) throws IOException {
        return start(lab, namespace, work, name, "", vrrpInstance);
    }

    /** The same with more {@code globals} lines in global_defs (e.g. "vrrp_rt_priority 50\n"). */
    static Keepalived start(NetLab lab, String namespace, Path work, String name, String globals, String vrrpInstance) throws IOException {
        return startConf(lab, namespace, work, name, "global_defs {\n    router_id " + name + "\n" + globals + "}\n" + vrrpInstance);
    }

    /** Starts keepalived with a whole keepalived.conf and waits until an instance is BACKUP. */
    static Keepalived startConf(NetLab lab, String namespace, Path work, String name, String keepalivedConf) throws IOException {
        Path dir = Files.createDirectories(work.resolve(name));
        Path conf = Files.writeString(dir.resolve("keepalived.conf"), keepalivedConf);
        Keepalived keepalived = new Keepalived(lab, namespace, dir, conf);
        keepalived.start();
        return keepalived;
    }

    /** A VRRPv2 vrrp_instance block advertising every second; {@code auth} is none, pass or ah. */
    static String instance(String name, int vrid, int priority, String vipCidr, String auth, String password) {
        String authBlock = auth.equals("none") ? ""
                : "    authentication {\n        auth_type " + auth.toUpperCase(Locale.ROOT) + "\n        auth_pass " + password + "\n    }\n";
        return instance(name, vrid, priority, vipCidr, "advert_int 1\n" + authBlock);
    }

    /** A VRRPv3 vrrp_instance block (no authentication) advertising every {@code advertInt} seconds. */
    static String instanceV3(String name, int vrid, int priority, String vipCidr, String advertInt) {
        return instance(name, vrid, priority, vipCidr, "version 3\n    advert_int " + advertInt + "\n");
    }

    /** {@code instance} sending to {@code peer} only, from {@code source} (keepalived's unicast_src_ip / unicast_peer). */
    static String unicast(String instance, String source, String peer) {
        return instance.replace("    virtual_ipaddress {", "    unicast_src_ip " + source + "\n    unicast_peer {\n        " + peer
                + "\n    }\n    virtual_ipaddress {");
    }

    private static String instance(String name, int vrid, int priority, String vipCidr, String options) {
        return "vrrp_instance " + name + " {\n    state BACKUP\n    interface eth0\n    virtual_router_id " + vrid + "\n    priority "
                + priority + "\n    " + options + "    virtual_ipaddress {\n        " + vipCidr + "\n    }\n}\n";
    }

    void start() throws IOException {
        // a crashed predecessor's pid files may name pids the system has given to others since: keepalived would refuse to run
        for (String pid : List.of("ka.pid", "vrrp.pid", "chk.pid", "bfd.pid")) {
            Files.deleteIfExists(dir.resolve(pid));
        }
        // TMPDIR: where its SIGUSR1 data dump goes (keepalived.data), one per router
        process = lab.start(namespace, dir.resolve("keepalived.log"), "env", "TMPDIR=" + dir, "keepalived", "-n", "-l", "-D", "-G", "-P", "-f", conf.toString(),
                "-p", dir.resolve("ka.pid").toString(), "-r", dir.resolve("vrrp.pid").toString(), "-c", dir.resolve("chk.pid").toString(),
                "-b", dir.resolve("bfd.pid").toString());
        if (!process.awaitOutput("Entering BACKUP STATE", Duration.ofSeconds(10))) {
            throw new IllegalStateException("keepalived did not come up:\n" + process.output());
        }
    }

    /**
     * A box that dies without a word: every process in the namespace stopped, then SIGKILLed. A plain
     * SIGKILL of all of them could reach the parent first, and its VRRP child, told of that by its
     * parent-death signal, sometimes resigned with priority 0 before its own SIGKILL landed.
     */
    void crash() {
        List<String> pids = NetLab.host("ip", "netns", "pids", namespace).check().stdout().lines().toList();
        for (String signal : List.of("-STOP", "-KILL")) {
            List<String> command = new ArrayList<>(List.of("kill", signal));
            command.addAll(pids);
            NetLab.host(command.toArray(new String[0])).check();
        }
        process.kill();
        // gone, not just signalled: a restart refuses to run while its old pid files name living processes
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!NetLab.host("ip", "netns", "pids", namespace).check().stdout().isBlank()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("keepalived's processes in " + namespace + " outlived SIGKILL");
            }
            java.util.concurrent.locks.LockSupport.parkNanos(20_000_000L); // polling the namespace, not waiting a fixed time
        }
    }

    /**
     * Each instance's state and effective priority ("MASTER 150") from keepalived's own data dump:
     * SIGUSR1, then keepalived.data read until two reads agree and every instance block is whole.
     */
    Map<String, String> dump(Duration timeout) throws IOException, InterruptedException {
        Path data = dir.resolve("keepalived.data");
        Files.deleteIfExists(data);
        NetLab.host("kill", "-USR1", Files.readString(dir.resolve("ka.pid")).strip()).check();
        long deadline = System.nanoTime() + timeout.toNanos();
        String before = null;
        while (System.nanoTime() < deadline) {
            Thread.sleep(50);
            String text = Files.exists(data) ? Files.readString(data) : null;
            Map<String, String> parsed = text == null || !text.equals(before) ? null : parseDump(text);
            if (parsed != null) {
                return parsed;
            }
            before = text;
        }
        throw new IllegalStateException("keepalived wrote no whole data dump within " + timeout + ":\n" + output());
    }

    /** Instance → "STATE PRIORITY", or null while a block lacks either. */
    private static Map<String, String> parseDump(String text) {
        Map<String, String> out = new TreeMap<>();
        String instance = null;
        String state = null;
        for (String line : text.lines().map(String::strip).toList()) {
            if (line.startsWith("VRRP Instance = ")) {
                instance = line.substring("VRRP Instance = ".length());
                state = null;
            } else if (instance != null && line.startsWith("State = ")) {
                state = line.substring("State = ".length());
            } else if (instance != null && state != null && line.startsWith("Effective priority = ")) {
                out.put(instance, state + " " + line.substring("Effective priority = ".length()));
            }
        }
        return out.isEmpty() || text.split("VRRP Instance = ", -1).length - 1 != out.size() ? null : out;
    }

    /** Whether keepalived logs {@code text} within {@code timeout}. */
    boolean awaitOutput(String text, Duration timeout) {
        return process.awaitOutput(text, timeout);
    }

    /** SIGTERM: keepalived's VRRP child resigns with priority 0. */
    void stop() {
        process.stop();
    }

    String output() {
        return process.output();
    }
}
