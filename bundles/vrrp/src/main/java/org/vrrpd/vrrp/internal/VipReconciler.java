package org.vrrpd.vrrp.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.vrrpd.api.net.InterfaceAddress;
import org.vrrpd.api.net.InterfaceRegistry;
import org.vrrpd.api.vrrp.VirtualAddress;

/**
 * Brings the kernel's addresses in line with what the instances want, on a thread of its own
 * ({@code vrrpd-vip}): netlink requests wait for the kernel's answer (and for a re-dump in
 * progress), which must never hold up the event loop's adverts. The loop states the wanted set
 * per instance; requests for the same instance coalesce (the latest wins) while the worker is busy;
 * the outcome of each change is handed back as a typed result.
 */
final class VipReconciler implements AutoCloseable {
    enum Result {
        ADDED, ALREADY_PRESENT, REMOVED, ALREADY_ABSENT,
        /** The kernel refused; the outcome's detail says why. */
        FAILED,
        /** No interface registry (the netlink bundle is away): tried again when it is back. */
        NO_REGISTRY;

        boolean ok() {
            return this != FAILED && this != NO_REGISTRY;
        }
    }

    /** One address change and how it went. */
    record Outcome(String owner, String interfaceName, VirtualAddress address, boolean add, Result result, String detail) {
    }

    /** Told the outcomes of one request, on the worker thread. */
    interface Outcomes {
        void applied(String owner, List<Outcome> outcomes);
    }

    private static final String NO_REGISTRY = "no interface registry (netlink bundle)";

    private record Request(String interfaceName, List<VirtualAddress> wanted, List<VirtualAddress> alsoRemove) {
    }

    private record Installed(String interfaceName, Set<VirtualAddress> addresses) {
    }

    private final Supplier<InterfaceRegistry> registry;
    private final Outcomes outcomes;
    private final Thread worker;
    /** Guarded by this: requests not yet taken, by owner, in arrival order. */
    private final LinkedHashMap<String, Request> pending = new LinkedHashMap<>();
    /** Guarded by this: requests that found no registry, kept for {@link #retry()}. */
    private final Map<String, Request> deferred = new LinkedHashMap<>();
    private boolean busy;
    private boolean closed;
    /** Worker thread only: what each owner's last request left on the interface. */
    private final Map<String, Installed> installed = new HashMap<>();

    VipReconciler(Supplier<InterfaceRegistry> registry, Outcomes outcomes) {
        this.registry = registry;
        this.outcomes = outcomes;
        worker = new Thread(this::work, "vrrpd-vip");
        worker.setDaemon(true);
        worker.start();
    }

    /**
     * {@code owner} wants exactly {@code wanted} on {@code interfaceName}: what its earlier requests
     * added and {@code alsoRemove} lists (addresses a predecessor may have left) go, unless wanted.
     */
    synchronized void want(String owner, String interfaceName, List<VirtualAddress> wanted, List<VirtualAddress> alsoRemove) {
        pending.remove(owner); // re-queued at the end: the latest wins
        deferred.remove(owner);
        pending.put(owner, new Request(interfaceName, List.copyOf(wanted), List.copyOf(alsoRemove)));
        notifyAll();
    }

    /** The registry is back: apply what found none. */
    synchronized void retry() {
        deferred.forEach(pending::putIfAbsent);
        deferred.clear();
        notifyAll();
    }

    /** Waits until every request so far is applied (or deferred); false if {@code timeoutMillis} passed first. */
    synchronized boolean awaitIdle(long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (busy || !pending.isEmpty()) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return true;
    }

    /** Stops the worker once what is pending is applied, waiting at most {@code timeoutMillis}. */
    void close(long timeoutMillis) throws InterruptedException {
        awaitIdle(timeoutMillis);
        synchronized (this) {
            closed = true;
            notifyAll();
        }
        worker.interrupt();
        worker.join(1000);
    }

    @Override
    public void close() throws InterruptedException {
        close(5000);
    }

    private void work() {
        while (true) {
            String owner;
            Request request;
            synchronized (this) {
                while (pending.isEmpty() && !closed) {
                    busy = false;
                    notifyAll();
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (closed) {
                    busy = false;
                    notifyAll();
                    return;
                }
                owner = pending.keySet().iterator().next();
                request = pending.remove(owner);
                busy = true;
            }
            List<Outcome> results = apply(owner, request);
            if (registry.get() == null) {
                synchronized (this) {
                    deferred.putIfAbsent(owner, request);
                }
            }
            if (!results.isEmpty()) {
                outcomes.applied(owner, results);
            }
        }
    }

    private List<Outcome> apply(String owner, Request request) {
        List<Outcome> results = new ArrayList<>();
        InterfaceRegistry interfaces = registry.get();
        if (interfaces == null) { // nothing is tried, so what is installed stays as it is for the retry
            for (VirtualAddress address : request.wanted()) {
                results.add(new Outcome(owner, request.interfaceName(), address, true, Result.NO_REGISTRY, NO_REGISTRY));
            }
            return results;
        }
        Installed before = installed.remove(owner);
        Set<VirtualAddress> toRemove = new LinkedHashSet<>(request.alsoRemove());
        if (before != null) {
            if (before.interfaceName().equals(request.interfaceName())) {
                toRemove.addAll(before.addresses());
            } else {
                for (VirtualAddress gone : before.addresses()) {
                    results.add(change(interfaces, owner, before.interfaceName(), gone, false));
                }
            }
        }
        toRemove.removeAll(request.wanted());
        for (VirtualAddress gone : toRemove) {
            results.add(change(interfaces, owner, request.interfaceName(), gone, false));
        }
        Set<VirtualAddress> now = new LinkedHashSet<>();
        for (VirtualAddress address : request.wanted()) {
            Outcome added = change(interfaces, owner, request.interfaceName(), address, true);
            results.add(added);
            if (added.result().ok()) {
                now.add(address);
            }
        }
        if (!now.isEmpty()) {
            installed.put(owner, new Installed(request.interfaceName(), now));
        }
        return results;
    }

    private static Outcome change(InterfaceRegistry interfaces, String owner, String interfaceName, VirtualAddress address, boolean add) {
        InterfaceAddress a = new InterfaceAddress(address.address(), address.prefixLength(), false, null);
        try {
            if (add) {
                return new Outcome(owner, interfaceName, address, true, interfaces.addAddress(interfaceName, a)
                        ? Result.ADDED : Result.ALREADY_PRESENT, "");
            }
            return new Outcome(owner, interfaceName, address, false, interfaces.removeAddress(interfaceName, a)
                    ? Result.REMOVED : Result.ALREADY_ABSENT, "");
        } catch (IOException | RuntimeException e) {
            return new Outcome(owner, interfaceName, address, add, Result.FAILED, e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }
}
