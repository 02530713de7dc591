package org.vrrpd.prometheus.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.Test;
import org.vrrpd.api.vrrp.VrrpState;

public class MetricsServerTest {
    private final FakeEngine engine = new FakeEngine();

    private PrometheusRegistry registry() {
        PrometheusRegistry registry = new PrometheusRegistry();
        registry.register(new VrrpCollector(() -> engine, new TransitionLog()));
        return registry;
    }

    @Test
    public void servesTheTextFormatOnMetrics() throws Exception {
        engine.instances = List.of(FakeEngine.view("VI_1", 51, VrrpState.MASTER, 150, 150));
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, loopback)) {
            port = free.getLocalPort();
        }
        try (MetricsServer server = MetricsServer.start(registry(), loopback, port)) {
            assertEquals("127.0.0.1:" + port, server.endpoint());
            HttpURLConnection http = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/metrics").toURL().openConnection();
            assertEquals(200, http.getResponseCode());
            assertTrue(http.getContentType(), http.getContentType().startsWith("text/plain; version=0.0.4"));
            String body = new String(http.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(body, body.contains("vrrpd_instance_state{instance=\"VI_1\",interface=\"eth0\",vrid=\"51\"} 2.0\n"));
        }
    }

    @Test
    public void aPortInUseIsRefusedNamingThePort() throws Exception {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        try (ServerSocket taken = new ServerSocket(0, 1, loopback)) {
            int port = taken.getLocalPort();
            try (MetricsServer server = MetricsServer.start(registry(), loopback, port)) {
                fail("listening on a port in use: " + server.endpoint());
            } catch (IllegalArgumentException e) {
                assertTrue(e.getMessage(), e.getMessage().startsWith("port = " + port + " rejected: 127.0.0.1:" + port + " is in use"));
            }
        }
    }

    @Test
    public void anAddressThisHostDoesNotHaveIsRefusedNamingTheAddress() throws Exception {
        try (MetricsServer server = MetricsServer.start(registry(), InetAddress.getByName("203.0.113.9"), 9650)) {
            fail("listening on an address the host does not have: " + server.endpoint());
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith("address = 203.0.113.9 rejected: cannot listen on 203.0.113.9:9650"));
        }
    }
}
