package org.vrrpd.itests;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.vrrpd.lab.Capture;
import org.vrrpd.lab.LabProcess;
import org.vrrpd.lab.NetLab;

/**
 * A client asking who has an address, as a host on the segment would: broadcast requests (arping
 * -b, never unicast, so every router that holds the address hears each one) about every
 * {@value #INTERVAL_SECONDS} s, and a capture in the client's namespace records the replies it
 * gets and from which MAC. Debian's iputils arping takes whole seconds between requests, so
 * {@value #PROBES} of them run staggered.
 */
final class ArpProbe {
    static final double INTERVAL_SECONDS = 0.2;
    private static final int PROBES = 5;

    /** One ARP reply to the client: when (the capture's clock, epoch seconds) and the sender's MAC. */
    record Reply(double at, String mac) {
    }

    private final Capture capture;
    private final List<LabProcess> arpings;
    private final String address;
    private final String clientMac;

    private ArpProbe(Capture capture, List<LabProcess> arpings, String address, String clientMac) {
        this.capture = capture;
        this.arpings = arpings;
        this.address = address;
        this.clientMac = clientMac;
    }

    /** Starts probing {@code address} from {@code ns}'s eth0; returns once the first reply came (within 10 s). */
    static ArpProbe start(NetLab lab, String ns, String address, Path work, String name) throws IOException, InterruptedException {
        String mac = mac(lab, ns);
        Capture capture = lab.capture(ns, "eth0", "arp", work.resolve(name + ".pcap"));
        List<LabProcess> arpings = new ArrayList<>();
        for (int i = 0; i < PROBES; i++) {
            if (i > 0) {
                Thread.sleep((long) (INTERVAL_SECONDS * 1000)); // staggering the probes, not waiting for anything
            }
            arpings.add(lab.start(ns, work.resolve(name + ".arping-" + i + ".log"), "arping", "-b", "-I", "eth0", "-i", "1", address));
        }
        if (!arpings.get(0).awaitOutput("reply from " + address, Duration.ofSeconds(10))) {
            throw new IOException("no ARP reply for " + address + ":\n" + arpings.get(0).output());
        }
        return new ArpProbe(capture, arpings, address, mac);
    }

    static String mac(NetLab lab, String ns) {
        return lab.exec(ns, "cat", "/sys/class/net/eth0/address").check().stdout().trim();
    }

    /** Stops probing; the replies, in order. */
    List<Reply> stop() {
        arpings.forEach(LabProcess::stop);
        capture.stop();
        return capture.fields("arp.opcode == 2 and arp.src.proto_ipv4 == " + address + " and eth.dst == " + clientMac,
                        "frame.time_epoch", "arp.src.hw_mac").stream()
                .map(r -> new Reply(Double.parseDouble(r[0]), r[1].toLowerCase())).sorted(Comparator.comparingDouble(Reply::at)).toList();
    }

    /** The last reply from {@code mac} between {@code from} and {@code to}, NaN if none. */
    static double last(List<Reply> replies, String mac, double from, double to) {
        return replies.stream().filter(r -> r.mac().equalsIgnoreCase(mac) && r.at() >= from && r.at() <= to).mapToDouble(Reply::at)
                .max().orElse(Double.NaN);
    }

    /** The first reply from {@code mac} at or after {@code after}, NaN if none. */
    static double first(List<Reply> replies, String mac, double after) {
        return replies.stream().filter(r -> r.mac().equalsIgnoreCase(mac) && r.at() >= after).mapToDouble(Reply::at).min().orElse(Double.NaN);
    }

    /** The longest time without a reply from {@code mac} between {@code from} and {@code to}. */
    static double longestSilence(List<Reply> replies, String mac, double from, double to) {
        double previous = from;
        double longest = 0;
        for (Reply r : replies) {
            if (r.mac().equalsIgnoreCase(mac) && r.at() >= from && r.at() <= to) {
                longest = Math.max(longest, r.at() - previous);
                previous = r.at();
            }
        }
        return Math.max(longest, to - previous);
    }

    /** Wall-clock epoch seconds, the clock tcpdump stamps with. */
    static double now() {
        java.time.Instant i = java.time.Instant.now();
        return i.getEpochSecond() + i.getNano() / 1e9;
    }
}
