package org.vrrpd.notify.script.internal;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
import org.vrrpd.api.vrrp.StateChange;
import org.vrrpd.api.vrrp.VrrpState;
import org.vrrpd.kernel.ScriptUser;

/**
 * Runs keepalived-style notify scripts for the configured instances. The engine's call only
 * queues the work: scripts run one after another (in the order of the changes) on this
 * component's thread, each killed after {@code timeout} seconds, with output and exit status
 * logged; they never hold up VRRP. With {@code user} they run as that user ({@link ScriptUser}). With
 * {@code syncGroup} they are a sync group's: run when the group's state ({@link GroupState}) changes.
 */
@Component(configurationPid = "org.vrrpd.notify.script", configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true)
@Designate(ocd = NotifyScriptConfig.class, factory = true)
public class NotifyScripts implements Notifier {
    private static final Logger LOG = LoggerFactory.getLogger(NotifyScripts.class);

    private List<String> instances;
    /** For a sync group's scripts: its name and state; else null. */
    private String syncGroup;
    private GroupState group;
    private Scripts scripts;
    private List<String> masterRxLowerPri = List.of();
    private ScriptUser user;
    private int timeout;
    private ExecutorService thread;

    @Activate
    void activate(NotifyScriptConfig config) {
        // a .cfg file gives the list as one string: "VI_1, VI_2"
        instances = java.util.Arrays.stream(config.vrrp_instance()).flatMap(n -> java.util.Arrays.stream(n.split("[,\\s]+")))
                .filter(n -> !n.isEmpty()).toList();
        syncGroup = config.syncGroup() == null || config.syncGroup().isBlank() ? null : config.syncGroup().strip();
        group = new GroupState();
        try {
            scripts = NotifyScriptValidator.scripts(config);
            masterRxLowerPri = NotifyScriptValidator.masterRxLowerPri(config);
            user = NotifyScriptValidator.user(config);
        } catch (IllegalArgumentException e) {
            LOG.error("notify scripts for {} rejected: {}", instances, e.getMessage());
            scripts = new Scripts(null, null, null, null, null);
        }
        if (user != null && !user.switchable()) {
            LOG.warn("notify scripts for {}: cannot run them as {}: the daemon is not root and lacks ambient CAP_SETUID/CAP_SETGID;"
                    + " they will not run", instances, user.user());
        }
        timeout = Math.max(1, Math.min(3600, config.timeout()));
        thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "vrrpd-notify");
            t.setDaemon(true);
            return t;
        });
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        thread.shutdown(); // queued notifications still run
        thread.awaitTermination(timeout, TimeUnit.SECONDS);
    }

    @Override
    public void stateChanged(StateChange change) {
        if (instances.contains("*") || instances.contains(change.instance())) {
            if (syncGroup != null) {
                // on this thread, in the order of the changes: the group's state follows them
                thread.execute(() -> groupChanged(change));
                return;
            }
            for (List<String> command : scripts.commandsFor(change)) {
                thread.execute(() -> run(command, change.instance(), Scripts.stateName(change.to())));
            }
        }
    }

    /** keepalived's notify_master_rx_lower_pri: an instance's script, run without arguments. */
    @Override
    public void lowerPriorityAdvert(LowerPriorityAdvert advert) {
        if (syncGroup == null && !masterRxLowerPri.isEmpty() && (instances.contains("*") || instances.contains(advert.instance()))) {
            thread.execute(() -> run(masterRxLowerPri, advert.instance(), "MASTER_RX_LOWER_PRI"));
        }
    }

    private void groupChanged(StateChange change) {
        VrrpState to = group.memberChanged(change.instance(), change.to());
        if (to != null) {
            for (List<String> command : scripts.commandsFor("GROUP", syncGroup, to, 0)) {
                run(command, syncGroup, Scripts.stateName(to));
            }
        }
    }

    /** {@code event}: what it runs for, for the log (MASTER, ...). */
    private void run(List<String> command, String name, String event) {
        java.nio.file.Path output = null;
        try {
            // Output goes to a file, so that a silent script that hangs is still killed on time.
            output = java.nio.file.Files.createTempFile("vrrpd-notify", ".out");
            Process p = new ProcessBuilder(user == null ? command : user.wrap(command)).redirectErrorStream(true).redirectOutput(output.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            if (!p.waitFor(timeout, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                LOG.warn("{}: notify script {} killed after {} s", name, command, timeout);
                return;
            }
            String said = java.nio.file.Files.readString(output).strip();
            if (said.length() > 1000) {
                said = said.substring(0, 1000) + "...";
            }
            if (p.exitValue() != 0) {
                LOG.warn("{}: notify script {} exited with {}{}", name, command, p.exitValue(), said.isEmpty() ? "" : ": " + said);
            } else {
                LOG.info("{}: notify script {} ran for {}{}", name, command, event,
                        said.isEmpty() ? "" : ": " + said);
            }
        } catch (IOException e) {
            LOG.warn("{}: notify script {} could not run: {}", name, command, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (output != null) {
                output.toFile().delete();
            }
        }
    }
}
