package org.vrrpd.prometheus.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.fail;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.Test;
import org.vrrpd.api.config.ComponentProperties;
import org.vrrpd.api.config.ConfigFile;
import org.vrrpd.api.config.ConfigProblem;

public class ExporterSettingsTest {
    private static ExporterSettings settings(Map<String, String> properties) {
        return ExporterSettings.of(ComponentProperties.of(PrometheusExporter.Config.class, properties));
    }

    @Test
    public void anEmptyConfigurationListensNowhereAndWritesNothing() {
        ExporterSettings s = settings(Map.of());
        assertFalse(s.http());
        assertNull(s.textfile());
        assertEquals("127.0.0.1", s.address().getHostAddress());
        assertEquals(Duration.ofSeconds(15), s.textfileInterval());
    }

    @Test
    public void goodValuesAreTaken() {
        ExporterSettings s = settings(Map.of("address", "2001:db8::1", "port", "9650", "textfile", "/var/lib/node/vrrpd.prom",
                "textfileInterval", "2.5"));
        assertEquals("2001:db8:0:0:0:0:0:1", s.address().getHostAddress());
        assertEquals(9650, s.port());
        assertEquals(Path.of("/var/lib/node/vrrpd.prom"), s.textfile());
        assertEquals(Duration.ofMillis(2500), s.textfileInterval());
    }

    @Test
    public void badValuesAreRefusedByKeyAndValue() {
        refused(Map.of("address", "localhost"), "address = localhost rejected: not an IPv4 or IPv6 address");
        refused(Map.of("address", "192.0.2.300"), "address = 192.0.2.300 rejected: not an IPv4 or IPv6 address");
        refused(Map.of("port", "70000"), "port = 70000 rejected: must be 1..65535, or 0 for no HTTP server");
        refused(Map.of("textfile", "vrrpd.prom"), "textfile = vrrpd.prom rejected: must be an absolute path ending in .prom");
        refused(Map.of("textfile", "/tmp/vrrpd.txt"), "textfile = /tmp/vrrpd.txt rejected: must be an absolute path ending in .prom");
        refused(Map.of("textfileInterval", "0"), "textfileInterval = 0.0 rejected: must be 1..3600 s");
    }

    @Test
    public void theConfigCheckSaysTheSame() {
        List<ConfigProblem> problems = new PrometheusValidator().check(new ConfigFile("etc/org.vrrpd.prometheus.cfg",
                PrometheusExporter.PID, Map.of("port", "-1")));
        assertEquals(1, problems.size());
        assertEquals("port", problems.get(0).key());
        assertEquals("-1", problems.get(0).value());
    }

    private static void refused(Map<String, String> properties, String message) {
        try {
            settings(properties);
            fail("taken: " + properties);
        } catch (IllegalArgumentException e) {
            if (!e.getMessage().startsWith(message)) {
                throw new AssertionError("expected '" + message + "', got '" + e.getMessage() + "'");
            }
        }
    }
}
