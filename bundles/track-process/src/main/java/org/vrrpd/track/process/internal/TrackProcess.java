package org.vrrpd.track.process.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vrrpd.api.spi.Checker;
import org.vrrpd.api.spi.SharedStatusChecker;

/**
 * keepalived's vrrp_track_process as a checker: the matching processes are counted from /proc every
 * {@code pollInterval} on this component's own thread (keepalived hears of forks and exits from the
 * kernel's proc connector at once; here a change is seen within one interval), the quorum with its
 * delays ({@link QuorumDelay}) decides OK or not, and the weight moves the instances' priority as
 * keepalived's does ({@link org.vrrpd.api.spi.TrackingWeight}).
 */
@Component(configurationPid = "org.vrrpd.track.process", configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = Checker.class, property = Checker.NAME + "=track-process")
@Designate(ocd = TrackProcessConfig.class, factory = true)
public class TrackProcess extends SharedStatusChecker {
    private static final Logger LOG = LoggerFactory.getLogger(TrackProcess.class);

    private final Path proc;
    private TrackProcessSettings settings;
    private ProcTable table;
    private QuorumDelay quorum;
    private ScheduledExecutorService thread;

    public TrackProcess() {
        this(Path.of("/proc"));
    }

    TrackProcess(Path proc) {
        this.proc = proc;
    }

    @Activate
    void activate(TrackProcessConfig config) {
        settings = TrackProcessSettings.of(config);
        table = new ProcTable(proc);
        quorum = new QuorumDelay(settings.forkDelayNanos(), settings.terminateDelayNanos());
        report(settings.weight().status(false, settings.matcher().name() + ": /proc not read yet"));
        scan(); // the first count decides before any instance asks
        thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "vrrpd-track-process");
            t.setDaemon(true);
            return t;
        });
        thread.scheduleWithFixedDelay(this::scanAndReport, settings.pollMillis(), settings.pollMillis(), TimeUnit.MILLISECONDS);
    }

    @Deactivate
    void deactivate() {
        thread.shutdownNow();
    }

    private void scanAndReport() {
        if (scan()) {
            LOG.info("track-process {}: quorum {}", status().reason(), quorum.ok() ? "gained" : "lost");
        }
    }

    /** One count, reported when the state changed (then true). */
    private boolean scan() {
        int running;
        try {
            running = table.count(settings.matcher());
        } catch (IOException | RuntimeException e) {
            LOG.warn("track-process {}: cannot read {}: {}", settings.matcher().name(), proc, e.toString());
            return false;
        }
        boolean changed = quorum.observe(settings.quorate(running), System.nanoTime());
        if (changed) {
            report(settings.weight().status(quorum.ok(), settings.describe(running)));
        }
        return changed;
    }
}
