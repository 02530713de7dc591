package org.vrrpd.vrrp.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.vrrpd.api.spi.CheckStatus;
import org.vrrpd.api.spi.Checker;
import org.vrrpd.api.spi.CheckerContext;

/**
 * Binds every Checker service (keepalived's track_script / track_interface) to the instances its
 * {@code vrrp.instance} property names. Checkers are third-party code: each is started and stopped
 * on its own {@link PluginThread}, never on the event loop, and its reports coalesce — however fast
 * it reports, at most one task per binding waits on the loop, which applies the latest.
 */
final class CheckerBinding {
    private static final long SLOW_START_NANOS = 1_000_000_000L;

    private record Service(Map<String, Object> properties, String label, PluginThread thread) {
    }

    /** One checker bound to one instance. */
    private final class Binding implements CheckerContext {
        final Checker checker;
        final Service service;
        final VrrpInstance instance;
        final String instanceName;
        final AtomicReference<CheckStatus> latest = new AtomicReference<>();
        final AtomicBoolean applyPosted = new AtomicBoolean();
        volatile boolean live = true;
        volatile long startCalledAt;
        volatile boolean started;
        volatile String startFailure;

        Binding(Checker checker, Service service, VrrpInstance instance) {
            this.checker = checker;
            this.service = service;
            this.instance = instance;
            this.instanceName = instance.name();
        }

        @Override
        public String instanceName() {
            return instanceName;
        }

        @Override
        public void report(CheckStatus status) {
            if (status == null || !live) {
                return;
            }
            latest.set(status);
            if (applyPosted.compareAndSet(false, true)) {
                loop.post(this::apply);
            }
        }

        private void apply() {
            applyPosted.set(false);
            CheckStatus status = latest.get();
            if (live && status != null) {
                instance.checks.report(this, service.label, status);
                instance.applyChecks();
            }
        }

        /** Why this binding is not working as it should, or null. */
        String trouble() {
            if (startFailure != null) {
                return service.label + " failed to start: " + startFailure;
            }
            long waiting = System.nanoTime() - startCalledAt;
            if (!started && waiting > SLOW_START_NANOS) {
                return service.label + ": start() has not returned for " + waiting / 1_000_000_000L + " s";
            }
            return null;
        }
    }

    private final EventLoop loop;
    private final Map<Checker, Service> services = new ConcurrentHashMap<>();
    /** Loop thread only. */
    private final List<Binding> bindings = new ArrayList<>();

    CheckerBinding(EventLoop loop) {
        this.loop = loop;
    }

    /** A checker service arrived (any thread): bind it to {@code instances} that it applies to. */
    void add(Checker checker, Map<String, Object> properties, Supplier<Collection<VrrpInstance>> instances) {
        Object name = properties.get(Checker.NAME);
        String label = name != null ? name.toString() : checker.getClass().getSimpleName();
        services.put(checker, new Service(Map.copyOf(properties), label, new PluginThread("checker", label)));
        loop.post(() -> instances.get().forEach(i -> attach(checker, i)));
    }

    /** A checker service left (any thread): its bindings go, and the instances drop its weights and faults. */
    void remove(Checker checker) {
        Service service = services.remove(checker);
        if (service != null) {
            loop.post(() -> {
                detach(b -> b.checker == checker, true);
                service.thread().finish(); // the stop() calls just queued still run
            });
        }
    }

    /** Binds every checker that applies to a new instance (loop thread). */
    void attachAll(VrrpInstance instance) {
        services.keySet().forEach(c -> attach(c, instance));
    }

    /** The instance no longer runs here (loop thread). */
    void detach(VrrpInstance instance) {
        detach(b -> b.instance == instance, false);
    }

    /** For vrrp:show: each checker's report, and any checker that failed or hangs (loop thread). */
    List<String> describe(VrrpInstance instance) {
        List<String> out = new ArrayList<>(instance.checks.describe());
        for (Binding b : bindings) {
            String trouble = b.instance == instance ? b.trouble() : null;
            if (trouble != null) {
                out.add(trouble);
            }
        }
        return out;
    }

    private void attach(Checker checker, VrrpInstance instance) {
        Service service = services.get(checker);
        if (service == null || !appliesTo(service.properties().get(Checker.INSTANCE), instance.name())) {
            return;
        }
        Binding binding = new Binding(checker, service, instance);
        bindings.add(binding);
        binding.startCalledAt = System.nanoTime();
        service.thread().submit(() -> {
            try {
                checker.start(binding);
                binding.started = true;
            } catch (RuntimeException e) {
                binding.startFailure = e.toString();
                throw e;
            }
        });
    }

    private void detach(Predicate<Binding> which, boolean reapply) {
        for (Iterator<Binding> it = bindings.iterator(); it.hasNext(); ) {
            Binding b = it.next();
            if (!which.test(b)) {
                continue;
            }
            it.remove();
            b.live = false;
            b.service.thread().submit(() -> b.checker.stop(b));
            b.instance.checks.remove(b);
            if (reapply) {
                b.instance.applyChecks();
            }
        }
    }

    /** The checker's vrrp.instance property: a name, several, or "*". */
    static boolean appliesTo(Object property, String instance) {
        if (property instanceof String s) {
            return s.equals("*") || s.equals(instance);
        }
        if (property instanceof String[] a) {
            return List.of(a).contains("*") || List.of(a).contains(instance);
        }
        if (property instanceof Collection<?> c) {
            return c.contains("*") || c.contains(instance);
        }
        return false;
    }

    /** Stops every checker thread (the engine stops); their stop() calls were queued by {@link #detach}. */
    void close() {
        services.values().forEach(s -> s.thread().stop(1000));
        services.clear();
    }
}
