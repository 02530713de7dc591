package org.vrrpd.vrrp.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vrrpd.api.net.InterfaceRegistry;
import org.vrrpd.api.vrrp.VirtualAddress;

/**
 * Brings the kernel's addresses in line with what the instances want, on a thread of its own
 * ({@code vrrpd-vip}): netlink requests wait for the kernel's answer (and for a re-dump in
 * progress), which must never hold up the event loop's adverts. The loop states the wanted set
 * per instance; requests for the same instance coalesce (the latest wins) while the worker is busy;
 * the outcome of each change is handed back as a typed result. Addresses wanted with a lease are
 * given that lifetime by the kernel and renewed here on a {@link LeaseSchedule} of their own, so
 * that they vanish by themselves when this daemon dies or hangs; a renewal that finds an address
 * gone (its lease ran out while the daemon was stopped) adds it again and says so.
 */
final class VipReconciler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(VipReconciler.class);

    enum Result {
        ADDED, ALREADY_PRESENT, REMOVED, ALREADY_ABSENT,
        /** A lease renewed on an address that was there. */
        RENEWED,
        /** A renewal found the address gone, or came after its lease had run out, and added it again. */
        RESTORED,
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

    private record Request(String interfaceName, List<VirtualAddress> wanted, List<VirtualAddress> alsoRemove, Duration lease) {
    }

    /** {@code lease} zero: permanent. */
    private record Installed(String interfaceName, Set<VirtualAddress> addresses, Duration lease) {
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
    /** Worker thread only. */
    private final LeaseSchedule leases = new LeaseSchedule();
    /** Written by the worker, read by vrrp:show: when each owner's lease was last given or renewed (System.nanoTime). */
    private final Map<String, Long> lastRenewal = new ConcurrentHashMap<>();

    VipReconciler(Supplier<InterfaceRegistry> registry, Outcomes outcomes) {
        this.registry = registry;
        this.outcomes = outcomes;
        worker = new Thread(this::work, "vrrpd-vip");
        worker.setDaemon(true);
        worker.start();
    }

    /**
     * {@code owner} wants exactly {@code wanted} on {@code interfaceName}, permanently: what its
     * earlier requests added and {@code alsoRemove} lists (addresses a predecessor may have left)
     * go, unless wanted.
     */
    void want(String owner, String interfaceName, List<VirtualAddress> wanted, List<VirtualAddress> alsoRemove) {
        want(owner, interfaceName, wanted, alsoRemove, Duration.ZERO);
    }

    /** As above, the wanted addresses leased for {@code lease} and renewed until the next request ({@link Duration#ZERO}: permanent). */
    synchronized void want(String owner, String interfaceName, List<VirtualAddress> wanted, List<VirtualAddress> alsoRemove,
                           Duration lease) {
        pending.remove(owner); // re-queued at the end: the latest wins
        deferred.remove(owner);
        pending.put(owner, new Request(interfaceName, List.copyOf(wanted), List.copyOf(alsoRemove), lease));
        notifyAll();
    }

    /** When {@code owner}'s addresses last had their lease given or renewed (System.nanoTime), if they are leased. */
    OptionalLong lastRenewal(String owner) {
        Long at = lastRenewal.get(owner);
        return at == null ? OptionalLong.empty() : OptionalLong.of(at);
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
                long untilRenewal;
                while (pending.isEmpty() && !closed && (untilRenewal = leases.nanosUntilDue(System.nanoTime())) > 0) {
                    busy = false;
                    notifyAll();
                    try {
                        if (untilRenewal == Long.MAX_VALUE) {
                            wait();
                        } else {
                            TimeUnit.NANOSECONDS.timedWait(this, untilRenewal);
                        }
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (closed) {
                    busy = false;
                    notifyAll();
                    return;
                }
                busy = true;
                if (pending.isEmpty()) {
                    owner = null;
                    request = null;
                } else {
                    owner = pending.keySet().iterator().next();
                    request = pending.remove(owner);
                }
            }
            if (request == null) {
                renewDue();
                continue;
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
                    results.add(AddressRequests.change(interfaces, owner, before.interfaceName(), gone, false));
                }
            }
        }
        toRemove.removeAll(request.wanted());
        for (VirtualAddress gone : toRemove) {
            results.add(AddressRequests.change(interfaces, owner, request.interfaceName(), gone, false));
        }
        // A lease given before must be replaced by "forever" when the lease is switched off.
        boolean leased = !request.lease().isZero() || (before != null && !before.lease().isZero());
        Set<VirtualAddress> now = new LinkedHashSet<>();
        for (VirtualAddress address : request.wanted()) {
            Outcome added = leased ? AddressRequests.lease(interfaces, owner, request.interfaceName(), address, request.lease())
                    : AddressRequests.change(interfaces, owner, request.interfaceName(), address, true);
            results.add(added);
            if (added.result().ok()) {
                now.add(address);
            }
        }
        if (!now.isEmpty()) {
            installed.put(owner, new Installed(request.interfaceName(), now, request.lease()));
        }
        if (now.isEmpty() || request.lease().isZero()) {
            leases.dropped(owner);
            lastRenewal.remove(owner);
        } else {
            renewedNow(owner, request.lease());
        }
        return results;
    }

    /** Renews every lease that is due, all in one call per interface; reports only what is not a plain renewal. */
    private void renewDue() {
        InterfaceRegistry interfaces = registry.get();
        long now = System.nanoTime();
        List<LeaseSchedule.Due> renewing = new ArrayList<>();
        List<AddressRequests.Renewal> renewals = new ArrayList<>();
        for (LeaseSchedule.Due due : leases.due(now)) {
            Installed held = installed.get(due.owner());
            if (held == null) {
                leases.dropped(due.owner());
                continue;
            }
            if (due.lapsed()) {
                LOG.warn("{}: the lease of its addresses lapsed ({} ms since the last renewal, lease {} s): the daemon was stopped or "
                        + "starved; renewing adds them again", due.owner(), due.sinceRenewalNanos() / 1_000_000, held.lease().toSeconds());
            }
            if (interfaces == null) { // the netlink bundle is away: the kernel keeps the addresses for the rest of the lease
                leases.retryLater(due.owner(), now);
                continue;
            }
            renewing.add(due);
            held.addresses().forEach(a -> renewals.add(new AddressRequests.Renewal(due.owner(), held.interfaceName(), a, held.lease())));
        }
        if (renewing.isEmpty()) {
            return;
        }
        List<Outcome> results = AddressRequests.renewAll(interfaces, renewals);
        int next = 0;
        for (LeaseSchedule.Due due : renewing) {
            Installed held = installed.get(due.owner());
            List<Outcome> notable = new ArrayList<>();
            boolean failed = false;
            for (int k = 0; k < held.addresses().size(); k++) {
                Outcome o = results.get(next++);
                if (due.lapsed() && o.result() == Result.RENEWED) {
                    // The mirror may not have heard of the expiry yet (its thread was stopped too): after a lapse the
                    // address was gone or about to go, so it counts as restored and is announced again.
                    o = new Outcome(o.owner(), o.interfaceName(), o.address(), true, Result.RESTORED, "");
                }
                failed |= !o.result().ok();
                if (o.result() != Result.RENEWED) {
                    notable.add(o);
                }
            }
            if (failed) {
                leases.retryLater(due.owner(), System.nanoTime());
            } else {
                renewedNow(due.owner(), held.lease());
            }
            if (!notable.isEmpty()) {
                outcomes.applied(due.owner(), notable);
            }
        }
    }

    private void renewedNow(String owner, Duration lease) {
        long now = System.nanoTime();
        leases.renewed(owner, lease, now);
        lastRenewal.put(owner, now);
    }
}
