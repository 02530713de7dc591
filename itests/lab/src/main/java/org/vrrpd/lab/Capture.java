package org.vrrpd.lab;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A tcpdump capture running in the lab; read it back with tshark once stopped. */
public final class Capture {
    private final LabProcess tcpdump;
    private final Path pcap;

    Capture(LabProcess tcpdump, Path pcap) {
        this.tcpdump = tcpdump;
        this.pcap = pcap;
    }

    public Path file() {
        return pcap;
    }

    /** Stops tcpdump, which flushes the file. */
    public Capture stop() {
        // Packets still in the kernel's capture buffer when SIGTERM lands are lost: let it drain.
        LabProcess.sleep(200);
        tcpdump.stop();
        return this;
    }

    /** Once stopped: the packets tcpdump says the kernel dropped before it could read them (its exit summary), -1 if it printed none. */
    public int droppedByKernel() {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+) packets? dropped by kernel").matcher(tcpdump.output());
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    /**
     * Decodes the capture with tshark: one line per packet matching {@code displayFilter}, with
     * the given fields separated by tabs (e.g. "frame.time_epoch", "vrrp.prio").
     */
    public List<String[]> fields(String displayFilter, String... fields) {
        return decodeFields(true, displayFilter, fields);
    }

    /**
     * While tcpdump still runs (it writes each packet as it comes): polls the file until at least
     * {@code atLeast} packets match {@code displayFilter}; false if {@code timeout} runs out first.
     */
    public boolean awaitPackets(String displayFilter, int atLeast, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (count(displayFilter) < atLeast) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            LabProcess.sleep(100);
        }
        return true;
    }

    /** How many packets captured so far match {@code displayFilter}; usable while tcpdump runs. */
    public int count(String displayFilter) {
        // tshark may find the last packet half written and exit non-zero: what it read before counts.
        return decodeFields(false, displayFilter, "frame.number").size();
    }

    private List<String[]> decodeFields(boolean check, String displayFilter, String... fields) {
        List<String> cmd = new ArrayList<>(List.of("tshark", "-r", pcap.toString(), "-o", "ip.check_checksum:TRUE",
                "-T", "fields", "-E", "separator=/t"));
        if (displayFilter != null) {
            cmd.add("-Y");
            cmd.add(displayFilter);
        }
        for (String f : fields) {
            cmd.add("-e");
            cmd.add(f);
        }
        NetLab.Result result = NetLab.host(cmd.toArray(new String[0]));
        if (check) {
            result.check();
        }
        List<String[]> rows = new ArrayList<>();
        for (String line : result.stdout().split("\n")) {
            if (!line.isEmpty()) {
                rows.add(line.split("\t", -1));
            }
        }
        return rows;
    }

    /** tshark's full decode (-V) of the packets matching {@code displayFilter}. */
    public String decode(String displayFilter) {
        return NetLab.host("tshark", "-r", pcap.toString(), "-o", "ip.check_checksum:TRUE", "-V", "-Y", displayFilter)
                .check().stdout();
    }
}
