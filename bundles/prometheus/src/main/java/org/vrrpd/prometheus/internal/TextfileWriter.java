package org.vrrpd.prometheus.internal;

import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the registry in the text format to a file for node_exporter's textfile collector, at
 * once and then every interval, on a thread of its own. Each write goes to {@code FILE.tmp} (which
 * the collector ignores: it reads only {@code *.prom}) and is renamed over the file, so a reader never
 * sees half of one. The file is world-readable: node_exporter runs as another user.
 */
final class TextfileWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TextfileWriter.class);

    private final PrometheusRegistry registry;
    private final Path file;
    private final Path temp;
    private final ScheduledExecutorService thread;
    private final PrometheusTextFormatWriter format = PrometheusTextFormatWriter.create();
    private boolean failing;

    TextfileWriter(PrometheusRegistry registry, Path file, Duration interval) {
        this.registry = registry;
        this.file = file;
        this.temp = file.resolveSibling(file.getFileName() + ".tmp");
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "vrrpd-prometheus-textfile");
            t.setDaemon(true);
            return t;
        });
        thread.scheduleWithFixedDelay(this::writeLogged, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One write now; throws what went wrong. */
    void write() throws IOException {
        try (OutputStream out = Files.newOutputStream(temp)) {
            format.write(out, registry.scrape(), EscapingScheme.DEFAULT);
        }
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-r--r--"));
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** A failure is logged when it starts and when it ends, not at every interval. */
    private void writeLogged() {
        try {
            write();
            if (failing) {
                LOG.info("textfile {} written again", file);
                failing = false;
            }
        } catch (IOException | RuntimeException e) {
            if (!failing) {
                LOG.error("textfile = {}: cannot write it: {}; trying again at every interval", file, e.toString());
                failing = true;
            }
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
