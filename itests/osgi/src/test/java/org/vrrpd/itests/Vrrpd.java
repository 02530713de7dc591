package org.vrrpd.itests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.vrrpd.lab.LabProcess;
import org.vrrpd.lab.NetLab;

/** One daemon in a lab namespace with its own run and etc folders: the unpacked distribution, or Karaf with the vrrp feature. */
final class Vrrpd {
    static final Path HOME = Path.of(System.getProperty("vrrpd.dist.home"));

    final String name;
    final String namespace;
    final Path runDir;
    final Path etcDir;
    private final NetLab lab;
    private final Path log;
    private final String[] launch;
    private LabProcess process;

    private Vrrpd(NetLab lab, String namespace, String name, Path runDir, Path etcDir, Path log, String... launch) {
        this.lab = lab;
        this.namespace = namespace;
        this.name = name;
        this.runDir = runDir;
        this.etcDir = etcDir;
        this.log = log;
        this.launch = launch;
    }

    /** Starts a daemon whose etc folder holds {@code configs} (file name → contents) and waits until it serves vrrpctl. */
    static Vrrpd start(NetLab lab, String namespace, Path work, String name, Map<String, String> configs) throws IOException {
        return startAs(lab, namespace, work, name, configs, HOME);
    }

    /** The same, with {@code home}'s bin/vrrpd run through {@code launcher} (e.g. setpriv to drop privileges). */
    static Vrrpd startAs(NetLab lab, String namespace, Path work, String name, Map<String, String> configs, Path home, String... launcher)
            throws IOException {
        return launch(lab, namespace, work, name, configs, home, List.of(launcher), List.of());
    }

    /**
     * Starts a daemon as the shipped unit does, with the class-data sharing archive in
     * {@code cacheDir} (made by {@link #makeSharedArchive}); for benchmarks, which must measure
     * the shipped settings.
     */
    static Vrrpd startWithArchive(NetLab lab, String namespace, Path work, String name, Map<String, String> configs, Path cacheDir)
            throws IOException {
        return launch(lab, namespace, work, name, configs, HOME, List.of(), List.of("--cache-dir", cacheDir.toString()));
    }

    /** {@code bin/vrrpd --make-cds} into {@code cacheDir}, as the unit's ExecStartPre; returns {@code cacheDir}. */
    static Path makeSharedArchive(Path cacheDir) throws IOException {
        NetLab.host(Duration.ofMinutes(3), HOME.resolve("bin/vrrpd").toString(), "--make-cds", "--cache-dir", Files.createDirectories(cacheDir).toString()).check();
        return cacheDir;
    }

    private static Vrrpd launch(NetLab lab, String namespace, Path work, String name, Map<String, String> configs, Path home,
                                List<String> launcher, List<String> options) throws IOException {
        Path runDir = work.resolve(name).resolve("run");
        Path etcDir = Files.createDirectories(work.resolve(name).resolve("etc"));
        // as an operator's etc folder starts: with the shipped defaults
        try (var defaults = Files.newDirectoryStream(HOME.resolve("etc"), "*.cfg")) {
            for (Path cfg : defaults) {
                Files.copy(cfg, etcDir.resolve(cfg.getFileName()));
            }
        }
        List<String> command = new ArrayList<>(launcher);
        command.addAll(List.of(home.resolve("bin/vrrpd").toString(), "--no-shell", "--run-dir", runDir.toString(), "--etc", etcDir.toString()));
        command.addAll(options);
        Vrrpd daemon = new Vrrpd(lab, namespace, name, runDir, etcDir, work.resolve(name + ".log"), command.toArray(new String[0]));
        for (Map.Entry<String, String> config : configs.entrySet()) {
            daemon.writeConfig(config.getKey(), config.getValue());
        }
        daemon.start();
        return daemon;
    }

    /**
     * Starts a daemon exactly as systemd would from the shipped unit: its {@code ExecStart} line,
     * with the installation, run and configuration paths pointed at this test's, and
     * {@code environment} ("NAME=value": NOTIFY_SOCKET, WATCHDOG_USEC, JAVA_OPTS...) set.
     */
    static Vrrpd startFromUnit(NetLab lab, String namespace, Path work, String name, Map<String, String> configs,
                               String... environment) throws IOException {
        return startFromUnit(List.of(), lab, namespace, work, name, configs, environment);
    }

    /** As above, from a shell that ignores {@code signals} ("HUP INT"), as nohup or a script's background job leaves them. */
    static Vrrpd startFromUnitIgnoring(String signals, NetLab lab, String namespace, Path work, String name, Map<String, String> configs,
                                       String... environment) throws IOException {
        return startFromUnit(List.of("sh", "-c", "trap '' " + signals + "; exec \"$@\"", "sh"), lab, namespace, work, name, configs, environment);
    }

    private static Vrrpd startFromUnit(List<String> launcher, NetLab lab, String namespace, Path work, String name, Map<String, String> configs,
                                       String... environment) throws IOException {
        Path runDir = work.resolve(name).resolve("run");
        Path etcDir = Files.createDirectories(work.resolve(name).resolve("etc"));
        String execStart = unitExecStart().replace("/opt/vrrpd", HOME.toString()).replace("/run/vrrpd", runDir.toString())
                .replace("/etc/vrrpd", etcDir.toString());
        List<String> command = new ArrayList<>(launcher);
        command.add("env");
        command.addAll(List.of(environment));
        command.addAll(List.of(execStart.split(" ")));
        Vrrpd daemon = new Vrrpd(lab, namespace, name, runDir, etcDir, work.resolve(name + ".log"), command.toArray(new String[0]));
        for (Map.Entry<String, String> config : configs.entrySet()) {
            daemon.writeConfig(config.getKey(), config.getValue());
        }
        daemon.start();
        return daemon;
    }

    /** The shipped unit's ExecStart command line. */
    static String unitExecStart() throws IOException {
        return Files.readAllLines(HOME.resolve("systemd/vrrpd.service")).stream().filter(l -> l.startsWith("ExecStart="))
                .map(l -> l.substring("ExecStart=".length()).strip()).findFirst()
                .orElseThrow(() -> new IllegalStateException("the unit has no ExecStart"));
    }

    /** The JVM's pid, from the pid file bin/vrrpd writes before it execs java. */
    long pid() throws IOException {
        return Long.parseLong(Files.readString(runDir.resolve("vrrpd.pid")).strip());
    }

    /** Sends a signal ("HUP", "USR1", ...) to the daemon. */
    void signal(String name) throws IOException {
        NetLab.host("kill", "-" + name, String.valueOf(pid())).check();
    }

    /**
     * Starts a Karaf whose features configuration boots vrrpd, with its log on stdout, and waits until
     * it serves vrrpctl; {@code runDir} must be Karaf's {@code vrrpd.run.dir} system property.
     */
    static Vrrpd startKaraf(NetLab lab, String namespace, String name, Path karafHome, Path runDir) throws IOException {
        // "daemon" execs the JVM, so a SIGTERM reaches Karaf itself
        Vrrpd karaf = new Vrrpd(lab, namespace, name, runDir, karafHome.resolve("etc"), karafHome.resolveSibling(name + ".log"), "env",
                "EXTRA_JAVA_OPTS=-Dkaraf.log.console=INFO", karafHome.resolve("bin/karaf").toString(), "daemon");
        karaf.start();
        return karaf;
    }

    /**
     * A copy of the distribution that every user can read, as an installation under /opt is: the
     * build's own tree may lie inside a folder only root can enter (a clone under /root).
     */
    static Path readableInstallation(Path parent) throws IOException {
        Path home = parent.resolve("opt-vrrpd");
        NetLab.host("cp", "-a", HOME.toString(), home.toString()).check();
        NetLab.host("chmod", "-R", "a+rX", home.toString()).check();
        return home;
    }

    void start() throws IOException {
        process = lab.start(namespace, log, launch);
        if (!process.awaitOutput("control socket listening", Duration.ofSeconds(180))) { // 10,000 instance files on a loaded machine
            throw new IllegalStateException(name + " did not come up:\n" + process.output());
        }
    }

    void writeConfig(String file, String contents) throws IOException {
        Files.writeString(etcDir.resolve(file), contents);
    }

    /** Deletes a configuration file: FileInstall deletes its configuration, which stops that instance. */
    void removeConfig(String file) throws IOException {
        Files.delete(etcDir.resolve(file));
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
        return lab.exec(namespace, "ip", "-o", "addr", "show", "dev", "eth0").check().stdout().contains(" " + address + "/");
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
