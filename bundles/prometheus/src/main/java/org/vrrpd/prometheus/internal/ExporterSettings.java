package org.vrrpd.prometheus.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * The checked configuration of {@code org.vrrpd.prometheus}: where to listen (port 0: no HTTP) and
 * which textfile to write how often (empty path: none). A bad value is refused naming key and value.
 *
 * @param address the address to listen on, an IP literal (never a name: no DNS at activation)
 * @param port 1..65535, or 0 for no HTTP server
 * @param textfile the {@code *.prom} file for node_exporter's textfile collector, or null for none
 * @param textfileInterval how often it is rewritten
 */
record ExporterSettings(InetAddress address, int port, Path textfile, Duration textfileInterval) {
    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    boolean http() {
        return port != 0;
    }

    /** The configuration's values checked; throws {@code KEY = VALUE rejected: WHY}. */
    static ExporterSettings of(PrometheusExporter.Config config) {
        String text = config.address().trim();
        if (!IPV4.matcher(text).matches() && !IPV6.matcher(text).matches()) {
            throw rejected("address", config.address(), "not an IPv4 or IPv6 address");
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(text); // a literal: parsed, never looked up
        } catch (UnknownHostException e) {
            throw rejected("address", config.address(), "not an IPv4 or IPv6 address");
        }
        if (config.port() < 0 || config.port() > 65535) {
            throw rejected("port", String.valueOf(config.port()), "must be 1..65535, or 0 for no HTTP server");
        }
        Path textfile = null;
        if (!config.textfile().isBlank()) {
            textfile = Path.of(config.textfile().trim());
            if (!textfile.isAbsolute() || !textfile.getFileName().toString().endsWith(".prom")) {
                throw rejected("textfile", config.textfile(), "must be an absolute path ending in .prom (node_exporter reads only those)");
            }
        }
        double seconds = config.textfileInterval();
        if (!(seconds >= 1 && seconds <= 3600)) {
            throw rejected("textfileInterval", String.valueOf(seconds), "must be 1..3600 s");
        }
        return new ExporterSettings(address, config.port(), textfile, Duration.ofMillis(Math.round(seconds * 1000)));
    }

    static IllegalArgumentException rejected(String key, String value, String why) {
        return new IllegalArgumentException(key + " = " + value + " rejected: " + why);
    }
}
