package org.vrrpd.prometheus.internal;

import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.net.BindException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The client library's HTTP endpoint on one address and port, answering on two threads of its own. */
final class MetricsServer implements AutoCloseable {
    private final HTTPServer server;
    private final ExecutorService threads;
    private final String endpoint;

    private MetricsServer(HTTPServer server, ExecutorService threads, String endpoint) {
        this.server = server;
        this.threads = threads;
        this.endpoint = endpoint;
    }

    /** Listens, or throws {@code KEY = VALUE rejected: WHY} naming the port (in use) or the address (not ours). */
    static MetricsServer start(PrometheusRegistry registry, InetAddress address, int port) {
        AtomicInteger count = new AtomicInteger();
        ExecutorService threads = new ThreadPoolExecutor(2, 2, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "vrrpd-prometheus-http-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        String where = (address instanceof Inet6Address ? "[" + address.getHostAddress() + "]" : address.getHostAddress()) + ":" + port;
        try {
            HTTPServer server = HTTPServer.builder().inetAddress(address).port(port).registry(registry).executorService(threads)
                    .buildAndStart();
            return new MetricsServer(server, threads, where);
        } catch (IOException e) {
            threads.shutdownNow();
            String why = e.getMessage() == null ? e.toString() : e.getMessage();
            if (e instanceof BindException && why.contains("in use")) {
                throw ExporterSettings.rejected("port", String.valueOf(port), where + " is in use (" + why + ")");
            }
            throw ExporterSettings.rejected("address", address.getHostAddress(), "cannot listen on " + where + " (" + why + ")");
        }
    }

    String endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        server.close();
        threads.shutdownNow();
    }
}
