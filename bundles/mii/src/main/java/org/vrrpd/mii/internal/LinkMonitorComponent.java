package org.vrrpd.mii.internal;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vrrpd.api.link.LinkListener;
import org.vrrpd.api.link.LinkMonitor;
import org.vrrpd.api.link.LinkStatus;
import org.vrrpd.api.net.InterfaceEvent;
import org.vrrpd.api.net.InterfaceListener;
import org.vrrpd.api.net.InterfaceRegistry;
import org.vrrpd.kernel.IoctlSocket;
import org.vrrpd.kernel.NativeException;

/**
 * The link monitor: one thread ({@code vrrpd-mii}) polls the MII and ETHTOOL sources of every
 * monitored interface and applies the reflector's events; whiteboard {@link LinkListener}s hear of
 * every link going up or down. Configuration {@code org.vrrpd.mii} changes the poll interval and
 * the monitored interfaces live.
 */
@Component(service = {LinkMonitor.class, InterfaceListener.class, LinkMonitorComponent.class}, configurationPid = "org.vrrpd.mii",
        immediate = true)
@Designate(ocd = MonitorConfig.class)
public class LinkMonitorComponent implements LinkMonitor, InterfaceListener {
    private static final Logger LOG = LoggerFactory.getLogger(LinkMonitorComponent.class);
    private static final int DEFAULT_POLL = 100;

    @Reference
    private InterfaceRegistry registry;

    private final List<LinkListener> listeners = new CopyOnWriteArrayList<>();
    private volatile ScheduledExecutorService thread;
    private IoctlSocket socket;
    private volatile LinkTracker tracker;
    private ScheduledFuture<?> polling;
    private volatile int pollInterval;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addListener(LinkListener listener) {
        listeners.add(listener);
    }

    void removeListener(LinkListener listener) {
        listeners.remove(listener);
    }

    @Activate
    void activate(MonitorConfig config) throws Exception {
        socket = IoctlSocket.open();
        thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "vrrpd-mii");
            t.setDaemon(true);
            return t;
        });
        onThread(() -> configure(config));
    }

    @Modified
    void modified(MonitorConfig config) throws Exception {
        onThread(() -> configure(config));
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        thread.shutdownNow();
        if (!thread.awaitTermination(5, TimeUnit.SECONDS)) {
            LOG.warn("link monitor thread did not stop within 5 s");
        }
        socket.close();
    }

    /** A new tracker over the interfaces the configuration names, seeded from the registry, and the poll timer. */
    private void configure(MonitorConfig config) {
        int interval = config.pollInterval();
        String refusal = MonitorValidator.refusal(config);
        if (refusal != null) {
            LOG.error("link monitor: {}; {}", refusal, tracker == null ? "using " + DEFAULT_POLL + " ms" : "keeping " + pollInterval + " ms");
            interval = tracker == null ? DEFAULT_POLL : pollInterval;
        }
        Set<String> names = Set.of(config.interfaces());
        LinkTracker fresh = new LinkTracker(LinkProbe.of(socket), Clock.systemUTC(), this::tell,
                name -> names.isEmpty() || names.contains(name));
        registry.interfaces().forEach(fresh::seen);
        tracker = fresh;
        if (polling != null) {
            polling.cancel(false);
        }
        pollInterval = interval;
        polling = thread.scheduleWithFixedDelay(this::poll, pollInterval, pollInterval, TimeUnit.MILLISECONDS);
        LOG.info("link monitor: {} interfaces, polled every {} ms", fresh.statuses().size(), pollInterval);
    }

    private void poll() {
        try {
            tracker.poll();
        } catch (RuntimeException e) {
            LOG.error("link monitor: {}", e.toString(), e); // keep polling: the next round may succeed
        }
    }

    private void tell(LinkStatus before, LinkStatus after) {
        for (LinkListener listener : listeners) {
            try {
                listener.linkChanged(before, after);
            } catch (RuntimeException e) {
                LOG.warn("link listener {} failed: {}", listener, e.toString(), e);
            }
        }
    }

    private void onThread(Runnable task) throws Exception {
        thread.submit(task).get(10, TimeUnit.SECONDS);
    }

    @Override
    public void interfaceChanged(InterfaceEvent event) {
        ScheduledExecutorService t = thread;
        if (t == null || t.isShutdown()) {
            return;
        }
        t.execute(() -> {
            LinkTracker current = tracker;
            if (event.before() != null && (event.after() == null || !event.after().name().equals(event.before().name()))) {
                current.gone(event.before().name());
            }
            if (event.after() != null) {
                current.seen(event.after());
            }
        });
    }

    @Override
    public Optional<LinkStatus> status(String interfaceName) {
        return Optional.ofNullable(tracker.statuses().get(interfaceName));
    }

    @Override
    public Collection<LinkStatus> statuses() {
        return tracker.statuses().values();
    }

    Map<String, String> notes() {
        return tracker.notes();
    }

    int pollInterval() {
        return pollInterval;
    }
}
