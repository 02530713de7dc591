package org.vrrpd.itests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.vrrpd.lab.LabProcess;
import org.vrrpd.lab.NetLab;

/** One vrrpd from the unpacked distribution, running in a lab namespace with its own run and etc folders. */
final class Vrrpd {
    static final Path HOME = Path.of(System.getProperty("vrrpd.dist.home"));

    final String name;
    final String namespace;
    final Path runDir;
    final Path etcDir;
    private final NetLab lab;
    private final Path log;
    private LabProcess process;

    private Vrrpd(NetLab lab, String namespace, Path work, String name) throws IOException {
        this.lab = lab;
        this.namespace = namespace;
        this.name = name;
        this.runDir = work.resolve(name).resolve("run");
        this.etcDir = Files.createDirectories(work.resolve(name).resolve("etc"));
        this.log = work.resolve(name + ".log");
    }

    /** Starts a daemon whose etc folder holds {@code configs} (file name → contents) and waits until it serves vrrpctl. */
    static Vrrpd start(NetLab lab, String namespace, Path work, String name, Map<String, String> configs) throws IOException {
        Vrrpd daemon = new Vrrpd(lab, namespace, work, name);
        for (Map.Entry<String, String> config : configs.entrySet()) {
            daemon.writeConfig(config.getKey(), config.getValue());
        }
        daemon.start();
        return daemon;
    }

    void start() throws IOException {
        process = lab.start(namespace, log, HOME.resolve("bin/vrrpd").toString(), "--no-shell", "--run-dir", runDir.toString(),
                "--etc", etcDir.toString());
        if (!process.awaitOutput("control socket listening", Duration.ofSeconds(30))) {
            throw new IllegalStateException("vrrpd " + name + " did not come up:\n" + process.output());
        }
    }

    void writeConfig(String file, String contents) throws IOException {
        Files.writeString(etcDir.resolve(file), contents);
    }

    LabProcess process() {
        return process;
    }

    String output() {
        return process.output();
    }

    NetLab.Result vrrpctl(String... command) {
        String[] args = new String[command.length + 3];
        args[0] = HOME.resolve("bin/vrrpctl").toString();
        args[1] = "--run-dir";
        args[2] = runDir.toString();
        System.arraycopy(command, 0, args, 3, command.length);
        return NetLab.host(args);
    }

    /** The instance's state as vrrp:show reports it ("MASTER", "BACKUP", ...), or "?" if it is not there (yet). */
    String state(String instance) {
        NetLab.Result r = vrrpctl("vrrp:show", instance);
        if (r.exitCode() != 0) {
            return "?";
        }
        String first = r.stdout().lines().findFirst().orElse("");
        return first.startsWith(instance + ": ") ? first.substring(instance.length() + 2).split(" ")[0] : "?";
    }

    /** Waits for the state; returns the milliseconds it took, or throws with the log. */
    long awaitState(String instance, String state, Duration timeout) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (state.equals(state(instance))) {
                return (System.nanoTime() - start) / 1_000_000;
            }
            Thread.sleep(50);
        }
        throw new AssertionError(name + ": " + instance + " not " + state + " within " + timeout + " (is " + state(instance)
                + ")\n" + output());
    }

    /** Whether the namespace's eth0 carries {@code address}. */
    boolean holds(String address) {
        return lab.exec(namespace, "ip", "-o", "-4", "addr", "show", "dev", "eth0").check().stdout().contains(" " + address + "/");
    }

    /** An instance configuration in the .cfg format FileInstall reads. */
    static String instance(String name, int vrid, int priority, String addresses, String... extra) {
        StringBuilder cfg = new StringBuilder();
        cfg.append("name = ").append(name).append('\n');
        cfg.append("interfaceName = eth0\n");
        cfg.append("vrid = ").append(vrid).append('\n');
        cfg.append("priority = ").append(priority).append('\n');
        cfg.append("virtualAddresses = ").append(addresses).append('\n');
        for (String line : extra) {
            cfg.append(line).append('\n');
        }
        return cfg.toString();
    }
}
