package org.vrrpd.service.internal;

import java.io.File;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.felix.service.command.CommandProcessor;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vrrpd.api.vrrp.EngineLoop;
import org.vrrpd.api.vrrp.VrrpInstanceView;
import org.vrrpd.api.vrrp.VrrpInstances;
import org.vrrpd.api.vrrp.VrrpShutdown;

/**
 * vrrpd as the service keepalived users run: SIGHUP reads the configuration folder now,
 * SIGUSR1 and SIGUSR2 write the data and statistics dumps, and systemd hears READY=1 (every
 * configured instance started), RELOADING=1 / READY=1 around a reload, WATCHDOG=1 while the
 * engine's thread answers, and STOPPING=1 as the framework begins to stop. SIGTERM and SIGINT make
 * the engine resign first and only then stop the framework. Everything runs on one thread of its
 * own ({@code vrrpd-service}), never on the engine's; the stop on the signal's own thread.
 */
@Component(immediate = true)
public class SystemService {
    private static final Logger LOG = LoggerFactory.getLogger(SystemService.class);
    /** Framework property that enables test-only commands (EngineBlockCommand); never set in production. */
    static final String TEST_HOOKS_PROPERTY = "vrrpd.test.hooks";
    private static final long READINESS_POLL_MILLIS = 100;
    /** How long a stop waits for the engine's resignation (priority 0 out, VIPs removed) before the framework stops anyway. */
    private static final long RESIGN_TIMEOUT_MILLIS = 5000;

    @Reference
    private ServiceComponentRuntime scr;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile EngineLoop engine;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile VrrpInstances instances;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile CommandProcessor gogo;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile VrrpShutdown shutdown;

    private BundleContext context;
    private ScheduledExecutorService thread;
    private SystemdNotifier notifier;
    private ConfigurationRescan rescan;
    private StateDumps dumps;
    private StartupReadiness readiness;
    private SignalHandlers signals;
    private SignalHandlers stopSignals;
    /** Written on the service thread, once ready. */
    private WatchdogHeartbeat watchdog;
    private ScheduledFuture<?> readinessCheck;
    /** Set on the service thread once READY=1 went out; a reload before that must not claim readiness. */
    private boolean ready;
    private final SynchronousBundleListener frameworkStopping = event -> {
        if (event.getBundle().getBundleId() == 0 && event.getType() == BundleEvent.STOPPING) {
            notifier.notify("STOPPING=1");
        }
    };

    @Activate
    void activate(BundleContext bundleContext, ComponentContext component) throws Exception {
        context = bundleContext;
        thread = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread t = new Thread(task, "vrrpd-service");
            t.setDaemon(true);
            return t;
        });
        notifier = SystemdNotifier.forSocket(System.getenv("NOTIFY_SOCKET"));
        rescan = new ConfigurationRescan(context);
        dumps = new StateDumps(Path.of(property("vrrpd.run.dir", "/run/vrrpd")));
        readiness = new StartupReadiness(new File(property("felix.fileinstall.dir", "etc")));
        Map<String, Runnable> actions = new LinkedHashMap<>();
        actions.put("HUP", this::reload);
        actions.put("USR1", this::dumpData);
        actions.put("USR2", this::dumpStatistics);
        signals = new SignalHandlers(actions, thread);
        // on the signal's own thread: the service thread is shut down by the very framework stop this starts
        stopSignals = new SignalHandlers(Map.of("TERM", () -> resignAndExit("TERM", 15), "INT", () -> resignAndExit("INT", 2)), Runnable::run);
        context.addBundleListener(frameworkStopping);
        readinessCheck = thread.scheduleWithFixedDelay(this::checkReady, 0, READINESS_POLL_MILLIS, TimeUnit.MILLISECONDS);
        if (Boolean.parseBoolean(context.getProperty(TEST_HOOKS_PROPERTY))) {
            LOG.warn("{}=true: test-only commands enabled (test:blockEngine)", TEST_HOOKS_PROPERTY);
            component.enableComponent(EngineBlockCommand.class.getName());
        }
    }

    private String property(String name, String otherwise) {
        String value = context.getProperty(name);
        return value != null ? value : otherwise;
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        context.removeBundleListener(frameworkStopping);
        signals.close();
        stopSignals.close();
        thread.shutdownNow();
        thread.awaitTermination(5, TimeUnit.SECONDS);
        if (watchdog != null) {
            watchdog.close();
        }
        notifier.close();
    }

    private void checkReady() {
        if (engine == null) {
            return;
        }
        List<String> waiting = readiness.notStarted(scr);
        if (!waiting.isEmpty()) {
            return;
        }
        readinessCheck.cancel(false);
        ready = true;
        LOG.info("all {} configured VRRP instances started{}", readiness.instanceFiles().size(), notifier.enabled() ? "; told systemd READY=1" : "");
        notifier.notify("READY=1");
        // systemd arms the watchdog once the start-up is over
        watchdog = WatchdogHeartbeat.startIfAsked(System.getenv("WATCHDOG_USEC"), System.getenv("WATCHDOG_PID"), notifier,
                () -> engine, thread);
    }

    /**
     * SIGTERM / SIGINT: the engine resigns (priority 0, VIPs removed) before the framework stops a
     * single bundle, then the JVM exits as its own handler would (128 + the signal; the shutdown
     * hook stops the framework).
     */
    private void resignAndExit(String name, int number) {
        VrrpShutdown engineShutdown = shutdown;
        if (engineShutdown != null) {
            long start = System.nanoTime();
            try {
                boolean done = engineShutdown.resignAll(RESIGN_TIMEOUT_MILLIS);
                LOG.info("SIG{}: every VRRP instance resigned{} in {} ms; stopping the framework", name,
                        done ? "" : " (address removals still pending)", (System.nanoTime() - start) / 1_000_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                LOG.error("SIG{}: the engine's resignation failed: {}; stopping the framework", name, e.toString());
            }
        }
        System.exit(128 + number);
    }

    /** SIGHUP, keepalived's reload: FileInstall's next poll, now. */
    private void reload() {
        notifier.notify("RELOADING=1\nMONOTONIC_USEC=" + System.nanoTime() / 1000);
        LOG.info("SIGHUP: reading the configuration folder now");
        rescan.rescanNow();
        if (ready) {
            notifier.notify("READY=1");
        }
    }

    private void dumpData() {
        try {
            CommandProcessor shell = gogo;
            if (shell == null) {
                throw new IllegalStateException("no Gogo runtime to run vrrp:show");
            }
            List<VrrpInstanceView> views = views();
            LOG.info("SIGUSR1: wrote the state of {} VRRP instances to {}", views.size(), dumps.writeData(shell, views));
        } catch (Exception e) {
            LOG.error("SIGUSR1: cannot write the data dump: {}", e.toString());
        }
    }

    private void dumpStatistics() {
        try {
            List<VrrpInstanceView> views = views();
            LOG.info("SIGUSR2: wrote the statistics of {} VRRP instances to {}", views.size(), dumps.writeStatistics(views));
        } catch (Exception e) {
            LOG.error("SIGUSR2: cannot write the statistics dump: {}", e.toString());
        }
    }

    private List<VrrpInstanceView> views() {
        VrrpInstances engineInstances = instances;
        return engineInstances == null ? List.of() : engineInstances.instances();
    }
}
