package org.vrrpd.track.script.internal;

import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
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
import org.vrrpd.api.spi.CheckStatus;
import org.vrrpd.api.spi.Checker;
import org.vrrpd.api.spi.CheckerContext;

/**
 * keepalived's vrrp_script as a checker: the script runs every {@code interval} seconds on this
 * component's thread (killed after {@code timeout}); after {@code fall} failures in a row the
 * instances get {@code weight} added to their priority (or FAULT with weight 0), after
 * {@code rise} successes in a row they are back to normal.
 */
@Component(configurationPid = "org.vrrpd.track.script", configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = Checker.class, property = Checker.NAME + "=track-script")
@Designate(ocd = TrackScriptConfig.class, factory = true)
public class TrackScript implements Checker {
    private static final Logger LOG = LoggerFactory.getLogger(TrackScript.class);

    private final List<CheckerContext> contexts = new CopyOnWriteArrayList<>();
    private ScheduledExecutorService thread;
    private String script;
    private int timeout;
    private int weight;
    private RiseFall state;
    private volatile CheckStatus status;

    @Activate
    void activate(TrackScriptConfig config) {
        script = config.script();
        timeout = Math.max(1, config.timeout());
        weight = config.weight();
        state = new RiseFall(config.rise(), config.fall());
        status = statusFor(true, "not run yet");
        thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "vrrpd-track-script");
            t.setDaemon(true);
            return t;
        });
        thread.scheduleWithFixedDelay(this::runOnce, 0, Math.max(1, config.interval()), TimeUnit.SECONDS);
    }

    @Deactivate
    void deactivate() {
        thread.shutdownNow();
    }

    @Override
    public void start(CheckerContext context) {
        contexts.add(context);
        context.report(status);
    }

    @Override
    public void stop(CheckerContext context) {
        contexts.remove(context);
    }

    private void runOnce() {
        boolean success = run();
        if (state.record(success)) {
            status = statusFor(state.ok(), "'" + script + "' " + (state.ok() ? "succeeds again" : "fails"));
            LOG.info("track-script '{}' is now {}", script, state.ok() ? "OK" : "FAILED");
            contexts.forEach(c -> c.report(status));
        }
    }

    CheckStatus statusFor(boolean ok, String reason) {
        if (ok) {
            return new CheckStatus(0, false, reason);
        }
        return weight == 0 ? new CheckStatus(0, true, reason) : new CheckStatus(weight, false, reason);
    }

    /** One run through /bin/sh -c; true when it exits 0 in time. */
    private boolean run() {
        try {
            Process p = new ProcessBuilder("/bin/sh", "-c", script).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            if (!p.waitFor(timeout, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                LOG.warn("track-script '{}' killed after {} s (counted as a failure)", script, timeout);
                return false;
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            LOG.warn("track-script '{}' could not run: {}", script, e.getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
