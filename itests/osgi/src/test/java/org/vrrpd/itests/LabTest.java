package org.vrrpd.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.After;
import org.vrrpd.lab.NetLab;

/** A namespace lab and a scratch folder for each test, both removed afterwards. */
abstract class LabTest {
    protected final NetLab lab = NetLab.create();
    protected final Path work;

    LabTest(String name) throws IOException {
        work = Files.createTempDirectory(name);
    }

    /** An executable shell script {@code name} in the scratch folder: {@code #!/bin/sh} and {@code body}. */
    Path script(String name, String body) throws IOException {
        Path script = Files.writeString(work.resolve(name), "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    /** Polls {@code condition} every 50 ms until it holds; fails with {@code what} after {@code timeout}. */
    static void awaitTrue(String what, BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what);
            }
            Thread.sleep(50);
        }
    }

    /**
     * Reads {@code source} (e.g. a vrrpctl command's output) every 50 ms until it contains every one of
     * {@code expected}; returns what it read last, or fails with {@code what} and that text after {@code timeout}.
     */
    static String awaitContains(String what, Supplier<String> source, Duration timeout, String... expected) throws InterruptedException {
        String[] last = {""};
        try {
            awaitTrue(what, () -> {
                last[0] = source.get();
                return List.of(expected).stream().allMatch(last[0]::contains);
            }, timeout);
        } catch (AssertionError e) {
            throw new AssertionError(what + ": not all of " + List.of(expected) + " within " + timeout + " in:\n" + last[0]);
        }
        return last[0];
    }

    /** A bridge whose ports get no flooded multicast (224.0.0.18 and ff02::12 cannot cross it), each host's eth0 on it at its address. */
    String noMulticastBridge(String... hostsAndAddresses) {
        String br = lab.bridge("br");
        for (int i = 0; i < hostsAndAddresses.length; i += 2) {
            String port = lab.link(br, hostsAndAddresses[i], "eth0", hostsAndAddresses[i + 1]);
            lab.exec(br, "bridge", "link", "set", "dev", port, "mcast_flood", "off").check();
        }
        return br;
    }

    /** Puts {@code cidr} on {@code ifname} in {@code ns}; an IPv6 one after turning IPv6 on, usable at once (no duplicate address detection). */
    void address(String ns, String ifname, String cidr) {
        if (cidr.contains(":")) {
            lab.enableIpv6(ns, ifname);
            lab.exec(ns, "ip", "-6", "addr", "add", cidr, "dev", ifname, "nodad").check();
        } else {
            lab.exec(ns, "ip", "addr", "add", cidr, "dev", ifname).check();
        }
    }

    /** The namespaces of {@link #routedLab}: the bridge on r2's side, and the two hosts. */
    record Routed(String br2, String r1, String r2) {
    }

    /**
     * Two hosts on two subnets: r1's eth0 (at {@code r1Cidr}) on one bridge, r2's (at {@code r2Cidr}) on another, and
     * between them the router namespace gw (eth0 at {@code gw1Cidr}, eth1 at {@code gw2Cidr}), forwarding; each host's
     * default route goes through it. IPv4 or IPv6, as the addresses are.
     */
    Routed routedLab(String r1Cidr, String gw1Cidr, String gw2Cidr, String r2Cidr) {
        String br1 = lab.bridge("br1");
        String br2 = lab.bridge("br2");
        String ns1 = lab.namespace("r1");
        String ns2 = lab.namespace("r2");
        String router = lab.namespace("gw");
        lab.link(br1, ns1, "eth0", null);
        lab.link(br1, router, "eth0", null);
        lab.link(br2, router, "eth1", null);
        lab.link(br2, ns2, "eth0", null);
        address(ns1, "eth0", r1Cidr);
        address(router, "eth0", gw1Cidr);
        address(router, "eth1", gw2Cidr);
        address(ns2, "eth0", r2Cidr);
        boolean ipv6 = r1Cidr.contains(":");
        lab.exec(router, "sysctl", "-q", "-w", ipv6 ? "net.ipv6.conf.all.forwarding=1" : "net.ipv4.ip_forward=1").check();
        lab.exec(ns1, "ip", ipv6 ? "-6" : "-4", "route", "add", "default", "via", gw1Cidr.split("/")[0]).check();
        lab.exec(ns2, "ip", ipv6 ? "-6" : "-4", "route", "add", "default", "via", gw2Cidr.split("/")[0]).check();
        return new Routed(br2, ns1, ns2);
    }

    /**
     * Unicast: {@code third}, a router the backup does not list, advertises a better priority to it: dropped, counted
     * and logged (by {@code thirdAddress}), the backup stays backup. Then the master is SIGKILLed and the backup takes
     * over with {@code vip}.
     */
    static void unlistedSenderIsDroppedThenTheBackupTakesOver(Vrrpd master, Vrrpd backup, Vrrpd third, String instance,
                                                              String thirdAddress, String vip) throws InterruptedException {
        third.awaitState(instance, "MASTER", Duration.ofSeconds(20)); // it hears nobody: after its Master_Down_Interval it advertises
        awaitTrue("the backup counts the third's adverts as from no peer:\n" + backup.vrrpctl("vrrp:show", instance).stdout() + "\n"
                + third.output(), () -> unknownPeers(backup, instance) >= 2, Duration.ofSeconds(5));
        assertEquals("BACKUP", backup.state(instance));
        assertTrue(backup.output(), backup.output().contains("dropped an advert from " + thirdAddress + ": not one of its unicast peers"));
        third.process().stop();

        master.process().kill();
        backup.awaitState(instance, "MASTER", Duration.ofSeconds(6));
        assertTrue("the VIP moved", backup.holds(vip));
    }

    /** The adverts from addresses that are none of its unicast peers {@code instance} dropped, as vrrp:show counts them. */
    private static long unknownPeers(Vrrpd daemon, String instance) {
        String show = daemon.vrrpctl("vrrp:show", instance).stdout();
        return show.lines().filter(l -> l.startsWith("  transport")).findFirst()
                .map(l -> Long.parseLong(l.replaceAll(".*; (\\d+) adverts from others dropped.*", "$1"))).orElse(0L);
    }

    /** Runs the vrrpctl command, checks it succeeded and saves its output for jq. */
    Path json(Vrrpd daemon, String... command) {
        NetLab.Result r = daemon.vrrpctl(command).check();
        try {
            Path file = Files.createTempFile(work, "out", ".json");
            Files.writeString(file, r.stdout());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** jq's raw output for {@code filter}; jq fails on anything that is not JSON. */
    static String jq(Path file, String filter) {
        return NetLab.host("jq", "-er", filter, file.toString()).check().stdout().strip();
    }

    @After
    public void removeLab() throws Exception {
        lab.close();
        NetLab.deleteRecursively(work);
    }
}
