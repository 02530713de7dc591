package org.vrrpd.notify.fifo.internal;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vrrpd.api.spi.Notifier;
import org.vrrpd.api.vrrp.LowerPriorityAdvert;
import org.vrrpd.api.vrrp.PriorityChange;
import org.vrrpd.api.vrrp.StateChange;
import org.vrrpd.kernel.NativeException;
import org.vrrpd.kernel.NotifyFifo;

/**
 * Writes keepalived's notify FIFO lines ({@link FifoLines}) for the configured instances. The engine
 * calls it on this notifier's own thread, and the pipe is non-blocking ({@link NotifyFifo}): a FIFO
 * nobody reads fills up, and from then on each line is dropped and counted (logged at most every
 * 10 s) instead of waiting — VRRP never notices. With {@code script} the reader is started with the
 * FIFO's path as its last argument and terminated when the FIFO closes, as keepalived does.
 */
@Component(configurationPid = "org.vrrpd.notify.fifo", configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true)
@Designate(ocd = NotifyFifoConfig.class, factory = true)
public class NotifyFifoWriter implements Notifier {
    private static final Logger LOG = LoggerFactory.getLogger(NotifyFifoWriter.class);
    private static final long DROP_LOG_NANOS = TimeUnit.SECONDS.toNanos(10);

    private FifoSettings settings;
    private FifoLines lines;
    private NotifyFifo fifo;
    private Process reader;
    private long dropped;
    private long droppedLogged;
    private long lastDropLog;
    private boolean closed;

    @Activate
    void activate(NotifyFifoConfig config) throws NativeException, IOException {
        settings = FifoSettings.of(config);
        lines = new FifoLines(settings.groups());
        fifo = NotifyFifo.open(settings.fifo());
        if (!settings.script().isEmpty()) {
            startReader();
        }
    }

    private void startReader() throws IOException {
        if (settings.user() != null && !settings.user().switchable()) {
            LOG.warn("notify-fifo {}: cannot run '{}' as {}: the daemon is not root and lacks ambient CAP_SETUID/CAP_SETGID; not started",
                    settings.fifo(), String.join(" ", settings.script()), settings.user().user());
            return;
        }
        List<String> command = new ArrayList<>(settings.script());
        command.add(settings.fifo().toString());
        reader = new ProcessBuilder(settings.user() == null ? command : settings.user().wrap(command))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        LOG.info("notify-fifo {}: started {} (pid {})", settings.fifo(), command, reader.pid());
    }

    /** Synchronized with stateChanged: a call still under way when the service goes must not write to a closed (reused) descriptor. */
    @Deactivate
    synchronized void deactivate() {
        closed = true;
        if (reader != null) {
            reader.destroy(); // SIGTERM, as keepalived stops its fifo script
        }
        fifo.close();
        if (dropped > droppedLogged) {
            LOG.warn("notify-fifo {}: {} lines dropped in all (the FIFO was full)", settings.fifo(), dropped);
        }
    }

    @Override
    public synchronized void stateChanged(StateChange change) {
        if (closed || !settings.appliesTo(change.instance())) {
            return;
        }
        for (String line : lines.linesFor(change)) {
            write(line);
        }
    }

    @Override
    public synchronized void priorityChanged(PriorityChange change) {
        if (!closed && settings.writesPriorityOf(change.instance())) {
            write(FifoLines.priorityLine(change));
        }
    }

    /** Written whatever notify_priority_changes says, as keepalived's send_event_notify does. */
    @Override
    public synchronized void lowerPriorityAdvert(LowerPriorityAdvert advert) {
        if (!closed && settings.appliesTo(advert.instance())) {
            write(FifoLines.lowerPriorityLine(advert));
        }
    }

    private void write(String line) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        ByteBuffer buffer = ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
        try {
            if (fifo.write(buffer)) {
                return;
            }
        } catch (NativeException e) {
            LOG.warn("notify-fifo {}: {}", settings.fifo(), e.getMessage());
        }
        dropped++;
        long now = System.nanoTime();
        if (droppedLogged == 0 || now - lastDropLog >= DROP_LOG_NANOS) {
            LOG.warn("notify-fifo {}: full (is anything reading it?): {} dropped, {} lines dropped so far",
                    settings.fifo(), line.strip(), dropped);
            droppedLogged = dropped;
            lastDropLog = now;
        }
    }

    /** Lines dropped because the FIFO was full. */
    synchronized long dropped() {
        return dropped;
    }
}
