package org.vrrpd.track.script.internal;

import java.io.File;
import java.io.IOException;
import java.util.List;
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
import org.vrrpd.api.spi.SharedStatusChecker;
import org.vrrpd.api.spi.TrackingWeight;
import org.vrrpd.kernel.ScriptUser;

/**
 * keepalived's vrrp_script as a checker: the script runs every {@code interval} seconds on this
 * component's thread (killed after {@code timeout}), as {@code user} if one is given. Its first
 * result decides its state; then it fails after {@code fall} failures in a row and is OK again after
 * {@code rise} successes, and its weight moves the instances' priority as keepalived's does
 * ({@link TrackingWeight}). Until the first result it reports nothing either way, as keepalived.
 */
@Component(configurationPid = "org.vrrpd.track.script", configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = Checker.class, property = Checker.NAME + "=track-script")
@Designate(ocd = TrackScriptConfig.class, factory = true)
public class TrackScript extends SharedStatusChecker {
    private static final Logger LOG = LoggerFactory.getLogger(TrackScript.class);

    private ScheduledExecutorService thread;
    private String script;
    private long timeoutMillis;
    private TrackingWeight weight;
    private ScriptUser user;
    private RiseFall state;

    @Activate
    void activate(TrackScriptConfig config) {
        ScriptSettings settings = ScriptSettings.of(config);
        script = settings.script();
        timeoutMillis = settings.timeoutMillis();
        weight = settings.weight();
        user = settings.user();
        if (user != null && !user.switchable()) {
            LOG.warn("track-script '{}': cannot run it as {}: the daemon is not root and lacks ambient CAP_SETUID/CAP_SETGID;"
                    + " every run counts as a failure", script, user.user());
        }
        state = new RiseFall(config.rise(), config.fall());
        report(new CheckStatus(0, false, "not run yet"));
        thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "vrrpd-track-script");
            t.setDaemon(true);
            return t;
        });
        thread.scheduleWithFixedDelay(this::runOnce, 0, settings.intervalMillis(), TimeUnit.MILLISECONDS);
    }

    @Deactivate
    void deactivate() {
        thread.shutdownNow();
    }

    private void runOnce() {
        if (state.record(run())) {
            LOG.info("track-script '{}' is now {}", script, state.ok() ? "OK" : "FAILED");
            report(weight.status(state.ok(), "'" + script + "' " + (state.ok() ? "succeeds" : "fails")));
        }
    }

    /** One run through /bin/sh -c; true when it exits 0 in time. */
    private boolean run() {
        if (user != null && !user.switchable()) {
            return false; // said once, at activation
        }
        try {
            List<String> command = List.of("/bin/sh", "-c", script);
            Process p = new ProcessBuilder(user == null ? command : user.wrap(command)).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            if (!p.waitFor(timeoutMillis, TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                LOG.warn("track-script '{}' killed after {} ms (counted as a failure)", script, timeoutMillis);
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
