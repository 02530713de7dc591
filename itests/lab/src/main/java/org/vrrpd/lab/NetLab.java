package org.vrrpd.lab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A throw-away network lab made of Linux network namespaces, for tests that need real sockets.
 *
 * <p>Namespace names are {@code vrrplab-PID-N-ROLE}: unique per run, and a later run can tell
 * that the JVM that made them is gone and {@linkplain #sweepLeftovers() sweep} them. Everything the
 * lab made (namespaces, processes, captures) is removed by {@link #close()}, and by a shutdown hook
 * if the test never got that far. Use only documentation addresses on its links (192.0.2.0/24,
 * 198.51.100.0/24, 203.0.113.0/24, 2001:db8::/32).
 */
public final class NetLab implements AutoCloseable {
    public static final String PREFIX = "vrrplab-";
    private static final Pattern OURS = Pattern.compile(Pattern.quote(PREFIX) + "(\\d+)-.*");
    private static final AtomicInteger LABS = new AtomicInteger();
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);

    private final String id;
    private final List<String> namespaces = Collections.synchronizedList(new ArrayList<>());
    private final List<LabProcess> processes = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger veths = new AtomicInteger();
    private final Thread shutdownHook = new Thread(this::cleanUp, "netlab-cleanup");
    private boolean closed;

    private NetLab() {
        id = PREFIX + ProcessHandle.current().pid() + "-" + LABS.incrementAndGet();
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** A new, empty lab; first removes what crashed runs left behind. */
    public static NetLab create() {
        sweepLeftovers();
        return new NetLab();
    }

    /** Deletes lab namespaces whose creating process no longer exists. */
    public static void sweepLeftovers() {
        for (String ns : listNamespaces()) {
            Matcher m = OURS.matcher(ns);
            if (m.matches() && ProcessHandle.of(Long.parseLong(m.group(1))).map(ProcessHandle::isAlive).orElse(false) == false) {
                deleteNamespace(ns);
            }
        }
    }

    /** Names of all network namespaces on the machine ({@code ip netns list}). */
    public static List<String> listNamespaces() {
        List<String> names = new ArrayList<>();
        for (String line : host("ip", "netns", "list").stdout().split("\n")) {
            if (!line.isBlank()) {
                names.add(line.trim().split("\\s+")[0]);
            }
        }
        return names;
    }

    /** The full name of this lab's namespace for {@code role}. */
    public String namespaceOf(String role) {
        return id + "-" + role;
    }

    /** Creates a namespace for {@code role} (e.g. "r1") with loopback up; returns its full name. */
    public String namespace(String role) {
        String name = namespaceOf(role);
        host("ip", "netns", "add", name).check();
        namespaces.add(name);
        exec(name, "ip", "link", "set", "lo", "up").check();
        // Keep captures to what tests send: no IPv6 autoconfiguration chatter.
        exec(name, "sysctl", "-q", "-w", "net.ipv6.conf.all.disable_ipv6=1", "net.ipv6.conf.default.disable_ipv6=1");
        return name;
    }

    /** Creates a namespace holding an up bridge {@code br0}; returns its name. */
    public String bridge(String role) {
        String ns = namespace(role);
        exec(ns, "ip", "link", "add", "br0", "type", "bridge").check();
        exec(ns, "ip", "link", "set", "br0", "up").check();
        return ns;
    }

    /**
     * The usual lab: a bridge namespace {@code "br"} and, for each {@code "role=cidr"} (just
     * {@code "role"}: no IPv4 address), a namespace with {@code eth0} on that bridge. Returns the
     * hosts' namespace names in the order given.
     */
    public List<String> hostsOnBridge(String... hosts) {
        String br = bridge("br");
        List<String> names = new ArrayList<>();
        for (String host : hosts) {
            String[] roleAndCidr = host.split("=", 2);
            String ns = namespace(roleAndCidr[0]);
            link(br, ns, "eth0", roleAndCidr.length > 1 ? roleAndCidr[1] : null);
            names.add(ns);
        }
        return names;
    }

    /**
     * Connects {@code hostNs} to the bridge in {@code bridgeNs} with a veth pair: {@code ifname} in
     * the host, enslaved port in the bridge namespace. Assigns {@code cidr} (may be null) and brings
     * both ends up. Returns the name of the bridge-side port.
     */
    public String link(String bridgeNs, String hostNs, String ifname, String cidr) {
        String port = "p" + veths.incrementAndGet();
        exec(bridgeNs, "ip", "link", "add", port, "type", "veth", "peer", "name", ifname, "netns", hostNs).check();
        exec(bridgeNs, "ip", "link", "set", port, "master", "br0").check();
        exec(bridgeNs, "ip", "link", "set", port, "up").check();
        if (cidr != null) {
            exec(hostNs, "ip", "addr", "add", cidr, "dev", ifname).check();
        }
        exec(hostNs, "ip", "link", "set", ifname, "up").check();
        return port;
    }

    /**
     * Turns IPv6 on for {@code ifname} in {@code ns} (the lab turns it off) with duplicate address
     * detection off, so that its link-local address is usable at once; returns that address once
     * the kernel has made it (e.g. {@code fe80::cc99:64ff:fed7:3691}).
     */
    public String enableIpv6(String ns, String ifname) {
        exec(ns, "sysctl", "-q", "-w", "net.ipv6.conf." + ifname + ".accept_dad=0").check();
        exec(ns, "sysctl", "-q", "-w", "net.ipv6.conf." + ifname + ".disable_ipv6=0").check();
        long deadline = System.nanoTime() + COMMAND_TIMEOUT.toNanos();
        Pattern linkLocal = Pattern.compile("inet6 (fe80::[0-9a-f:]+)/64 scope link");
        do {
            Matcher m = linkLocal.matcher(exec(ns, "ip", "-6", "addr", "show", "dev", ifname).check().stdout());
            if (m.find()) {
                return m.group(1);
            }
            Thread.onSpinWait();
        } while (System.nanoTime() < deadline);
        throw new IllegalStateException(ifname + " in " + ns + " has no IPv6 link-local address after " + COMMAND_TIMEOUT);
    }

    /**
     * Static IPv6 neighbour entries: in each of {@code namespaces}, one for every IPv6 address of each other's
     * {@code ifname}, with that interface's MAC. Neighbour discovery is multicast, and a bridge port with
     * {@code mcast_flood off} passes none (without a querier the bridge floods every group as unknown): this lets IPv6
     * unicast cross such a bridge as ARP's broadcast lets IPv4 unicast. Call it once the addresses are in place.
     */
    public void staticIpv6Neighbours(String ifname, String... namespaces) {
        Pattern mac = Pattern.compile("link/ether ([0-9a-f:]{17})");
        Pattern address = Pattern.compile("inet6 ([0-9a-f:]+)/");
        for (String ns : namespaces) {
            Matcher m = mac.matcher(exec(ns, "ip", "-o", "link", "show", "dev", ifname).check().stdout());
            if (!m.find()) {
                throw new IllegalStateException(ifname + " in " + ns + " has no MAC address");
            }
            Matcher a = address.matcher(exec(ns, "ip", "-o", "-6", "addr", "show", "dev", ifname).check().stdout());
            while (a.find()) {
                for (String other : namespaces) {
                    if (!other.equals(ns)) {
                        exec(other, "ip", "-6", "neigh", "replace", a.group(1), "lladdr", m.group(1), "dev", ifname, "nud", "permanent").check();
                    }
                }
            }
        }
    }

    /** Runs a command in a namespace and waits for it. */
    public Result exec(String ns, String... command) {
        return host(inNamespace(ns, command));
    }

    /** Starts a long-running command in a namespace; its output goes to {@code log}; stopped by {@link #close()}. */
    public LabProcess start(String ns, Path log, String... command) throws IOException {
        LabProcess process = LabProcess.start(inNamespace(ns, command), log);
        processes.add(process);
        return process;
    }

    /** Starts tcpdump on {@code iface} in {@code ns}, writing to {@code pcap}; returns once it listens. */
    public Capture capture(String ns, String iface, String filter, Path pcap) throws IOException {
        // -B: a 32 MB ring instead of 2 MB, which at the full snap length is only a few blocks: a burst of batched
        // adverts (one sendmmsg of dozens) while tcpdump waits for a busy core filled them, and it dropped packets
        return capture(ns, log(pcap), pcap, "tcpdump", "--immediate-mode", "-B", "32768", "-U", "-Z", "root", "-n", "-i", iface, "-w", pcap.toString(),
                filter);
    }

    /**
     * A capture for thousands of packets a second, read only once stopped: tcpdump takes them from
     * a 64 MB kernel buffer in blocks (no immediate mode) and writes them buffered, 128 bytes of
     * each, so that it keeps up where a packet-by-packet capture drops some
     * ({@link Capture#droppedByKernel} says how many it still did).
     */
    public Capture bulkCapture(String ns, String iface, String filter, Path pcap) throws IOException {
        return capture(ns, log(pcap), pcap, "tcpdump", "-B", "65536", "-s", "128", "-Z", "root", "-n", "-i", iface, "-w", pcap.toString(), filter);
    }

    private static Path log(Path pcap) {
        return pcap.resolveSibling(pcap.getFileName() + ".log");
    }

    private Capture capture(String ns, Path log, Path pcap, String... tcpdumpCommand) throws IOException {
        LabProcess tcpdump = start(ns, log, tcpdumpCommand);
        if (!tcpdump.awaitOutput("listening on", Duration.ofSeconds(10))) {
            throw new IOException("tcpdump did not start: " + tcpdump.output());
        }
        return new Capture(tcpdump, pcap);
    }

    private static String[] inNamespace(String ns, String... command) {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", ns));
        full.addAll(Arrays.asList(command));
        return full.toArray(new String[0]);
    }

    /** Runs a command in the test's own namespace and waits for it. */
    public static Result host(String... command) {
        return host(COMMAND_TIMEOUT, command);
    }

    /** The same, for a command that may take longer than a usual one (a whole lab run). */
    public static Result host(Duration timeout, String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(false).start();
            p.getOutputStream().close();
            // Drain both streams on their own threads so that a chatty command cannot block.
            var out = drain(p.getInputStream());
            var err = drain(p.getErrorStream());
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("timed out after " + timeout + ": " + String.join(" ", command));
            }
            return new Result(List.of(command), p.exitValue(), out.get(), err.get());
        } catch (IOException | InterruptedException | java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("cannot run " + String.join(" ", command) + ": " + e, e);
        }
    }

    private static java.util.concurrent.CompletableFuture<String> drain(java.io.InputStream in) {
        return java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        });
    }

    private static void deleteNamespace(String ns) {
        for (String pid : host("ip", "netns", "pids", ns).stdout().split("\\s+")) {
            if (!pid.isBlank()) {
                ProcessHandle.of(Long.parseLong(pid)).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
        host("ip", "netns", "del", ns);
    }

    /** Stops every process the lab started and deletes its namespaces. Safe to call twice. */
    @Override
    public void close() {
        cleanUp();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run
        }
    }

    private synchronized void cleanUp() {
        if (closed) {
            return;
        }
        closed = true;
        List<LabProcess> started;
        synchronized (processes) {
            started = new ArrayList<>(processes);
        }
        Collections.reverse(started);
        started.forEach(LabProcess::stop);
        List<String> made;
        synchronized (namespaces) {
            made = new ArrayList<>(namespaces);
        }
        made.forEach(NetLab::deleteNamespace);
    }

    /** The outcome of a finished command. */
    public record Result(List<String> command, int exitCode, String stdout, String stderr) {
        /** Throws unless the command exited 0. */
        public Result check() {
            if (exitCode != 0) {
                throw new IllegalStateException("command failed (exit " + exitCode + "): " + String.join(" ", command)
                        + "\n" + stdout + stderr);
            }
            return this;
        }
    }

    /** Removes a test's scratch folder (logs, captures, run directories); null is ignored. */
    public static void deleteRecursively(Path dir) throws IOException {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) paths.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}
