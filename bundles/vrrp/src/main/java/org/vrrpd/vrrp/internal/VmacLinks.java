package org.vrrpd.vrrp.internal;

import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vrrpd.api.net.InterfaceRegistry;
import org.vrrpd.api.net.MacAddress;
import org.vrrpd.api.net.NetInterface;
import org.vrrpd.kernel.Errno;
import org.vrrpd.kernel.NativeException;

/**
 * The macvlans of the instances with a VMAC: created (or a crashed predecessor's reused) when such
 * an instance starts, deleted when it stops for good, created again if someone deletes one under
 * it, and a leftover that no instance wants removed once the configurations had time to arrive.
 * Netlink requests and sysctl writes run on a thread of their own ({@code vrrpd-vmac}), never on
 * the event loop; their outcome comes back to the loop, which refreshes the interfaces concerned.
 * Public methods: loop thread only.
 */
final class VmacLinks {
    private static final Logger LOG = LoggerFactory.getLogger(VmacLinks.class);

    /** What one instance wants: its macvlan {@code name} on {@code parent} with {@code mac}. */
    private record Wanted(String instance, String name, String parent, MacAddress mac) {
    }

    private final Supplier<InterfaceRegistry> registry;
    private final Consumer<Runnable> loop;
    private final Consumer<String> refresh;
    private final VmacSysctls sysctls;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "vrrpd-vmac");
        t.setDaemon(true);
        return t;
    });
    /** Loop thread: by macvlan name. */
    private final Map<String, Wanted> wanted = new HashMap<>();
    /** Loop thread: macvlans being created or checked now. */
    private final Set<String> pending = new HashSet<>();
    /** Loop thread: why a macvlan could not be had, by macvlan name. */
    private final Map<String, String> trouble = new HashMap<>();
    /** Loop thread: macvlans the kernel had (EEXIST) that the registry had not shown yet: checked once it does. */
    private final Set<String> unseen = new HashSet<>();
    /** Worker thread: the parent of each macvlan whose sysctls are set. */
    private final Map<String, String> configured = new HashMap<>();

    /**
     * @param loop runs a task on the event loop
     * @param refresh brings the channels and instances concerned by an interface name up to date (on the loop)
     */
    VmacLinks(Supplier<InterfaceRegistry> registry, Consumer<Runnable> loop, Consumer<String> refresh, VmacSysctls sysctls) {
        this.registry = registry;
        this.loop = loop;
        this.refresh = refresh;
        this.sysctls = sysctls;
    }

    /** {@code s} starts: its macvlan is wanted. */
    void want(InstanceSettings s) {
        if (!s.vmac().enabled()) {
            return;
        }
        boolean ipv6 = !s.virtualAddresses().get(0).isIpv4();
        Wanted w = new Wanted(s.name(), s.vmac().name(), s.interfaceName(), Vmac.mac(s.vrid(), ipv6));
        wanted.put(w.name(), w);
        ensure(w);
    }

    /** {@code s} stopped for good: its macvlan goes, and the sysctls it needed are put back when it was the last. */
    void release(InstanceSettings s) {
        Wanted w = s.vmac().enabled() ? wanted.get(s.vmac().name()) : null;
        if (w == null || !w.instance().equals(s.name())) {
            return;
        }
        wanted.remove(w.name());
        trouble.remove(w.name());
        unseen.remove(w.name());
        worker.execute(() -> delete(w));
    }

    /** Why the instance's VMAC cannot be used, or null: it could not be created, or (sending on the parent) it is missing or down. */
    String fault(InstanceSettings s, Optional<NetInterface> vmac) {
        if (!s.vmac().enabled()) {
            return null;
        }
        String why = trouble.get(s.vmac().name());
        if (why != null) {
            return why;
        }
        if (vmac.isEmpty()) {
            boolean underway = pending.contains(s.vmac().name()) || unseen.contains(s.vmac().name());
            return "VMAC " + s.vmac().name() + " on " + s.interfaceName() + (underway ? " is being created" : " does not exist");
        }
        return vmac.get().isUp() ? null : "VMAC " + s.vmac().name() + " is down";
    }

    /**
     * An interface changed: a wanted macvlan that is gone (or whose parent came) is created again,
     * and one the kernel said exists is checked now that the registry shows it.
     */
    void interfaceChanged(String name) {
        InterfaceRegistry interfaces = registry.get();
        if (interfaces == null) {
            return;
        }
        for (Wanted w : wanted.values()) {
            if ((w.name().equals(name) || w.parent().equals(name)) && !pending.contains(w.name()) && interfaces.byName(w.parent()).isPresent()
                    && interfaces.byName(w.name()).isPresent() == unseen.contains(w.name())) {
                ensure(w);
            }
        }
    }

    /** The registry is back: try again what found none. */
    void registryBound() {
        for (Wanted w : wanted.values()) {
            if (!pending.contains(w.name()) && trouble.containsKey(w.name())) {
                ensure(w);
            }
        }
    }

    /** Removes the macvlans marked as ours (by their alias) that no instance wants: a crashed predecessor's. */
    void removeLeftovers() {
        InterfaceRegistry interfaces = registry.get();
        if (interfaces == null) {
            return;
        }
        // read here from the registry's snapshot, so that the worker thread starts only when there is something to delete
        List<NetInterface> leftovers = interfaces.interfaces().stream().filter(i -> "macvlan".equals(i.kind()) && i.alias() != null
                && i.alias().startsWith(Vmac.ALIAS_PREFIX) && !wanted.containsKey(i.name())).toList();
        if (leftovers.isEmpty()) {
            return;
        }
        worker.execute(() -> {
            for (NetInterface i : leftovers) {
                try {
                    interfaces.deleteLink(i.name());
                    LOG.info("removed {} ({}), which a previous run left and no instance wants", i.name(), i.alias());
                } catch (IOException e) {
                    LOG.warn("cannot remove the leftover VMAC {}: {}", i.name(), e.getMessage());
                }
            }
        });
    }

    /** Stops the worker once what is queued (deletions on a stopping daemon) is done, waiting at most {@code millis}. */
    void close(long millis) throws InterruptedException {
        worker.shutdown();
        if (!worker.awaitTermination(millis, TimeUnit.MILLISECONDS)) {
            LOG.warn("VMAC requests still running after {} ms; left to the kernel", millis);
        }
    }

    private void ensure(Wanted w) {
        pending.add(w.name());
        boolean afterExists = unseen.remove(w.name());
        worker.execute(() -> {
            String problem = create(w, afterExists);
            loop.accept(() -> {
                pending.remove(w.name());
                if (problem == null) {
                    trouble.remove(w.name());
                } else if (wanted.get(w.name()) == w) {
                    if (problem == EXISTS_UNSEEN) {
                        trouble.remove(w.name());
                        unseen.add(w.name());
                        interfaceChanged(w.name()); // the registry may have caught up meanwhile
                    } else {
                        LOG.error("{}: {}", w.instance(), problem);
                        trouble.put(w.name(), problem);
                    }
                }
                refresh.accept(w.name());
            });
        });
    }

    /**
     * What {@link #create} returns when the kernel refused the macvlan as existing though the
     * registry's snapshot had none: made a moment ago (by an earlier request of ours whose
     * broadcast the registry had not applied yet) or by someone else; which one is seen once the
     * registry shows it.
     */
    private static final String EXISTS_UNSEEN = "exists, not yet in the registry";

    /**
     * Worker thread: the macvlan is there as wanted (made, or found from a previous run or, when
     * {@code afterExists}, after an EEXIST), with its sysctls; or why not.
     */
    private String create(Wanted w, boolean afterExists) {
        InterfaceRegistry interfaces = registry.get();
        if (interfaces == null) {
            return "VMAC " + w.name() + ": waiting for the interface registry (netlink bundle)";
        }
        Optional<NetInterface> parent = interfaces.byName(w.parent());
        if (parent.isEmpty()) {
            return "VMAC " + w.name() + ": interface " + w.parent() + " does not exist";
        }
        Optional<NetInterface> there = interfaces.byName(w.name());
        String alias = Vmac.ALIAS_PREFIX + w.instance() + "; " + sysctls.originals(w.parent());
        try {
            if (there.isPresent()) {
                NetInterface i = there.get();
                if (!"macvlan".equals(i.kind()) || i.parentIndex() != parent.get().index() || !w.mac().equals(i.mac())) {
                    return "VMAC " + w.name() + ": an interface of that name exists and is not it (" + (i.kind() == null ? "no kind" : i.kind())
                            + ", MAC " + i.mac() + ", on ifindex " + i.parentIndex() + "; wanted macvlan " + w.mac() + " on " + w.parent() + ")";
                }
                if (afterExists) {
                    LOG.info("{}: {} ({} on {}) is as wanted (the kernel had it before the registry did)", w.instance(), w.name(), w.mac(), w.parent());
                } else {
                    LOG.info("{}: reusing {} ({} on {}), left by a previous run", w.instance(), w.name(), w.mac(), w.parent());
                }
                alias = i.alias();
            } else {
                interfaces.addMacvlan(w.name(), w.parent(), w.mac(), alias);
                LOG.info("{}: created {} ({} on {}, macvlan mode private)", w.instance(), w.name(), w.mac(), w.parent());
            }
        } catch (IOException e) {
            if (e instanceof NativeException n && n.errno() == Errno.EEXIST) {
                return EXISTS_UNSEEN;
            }
            return "cannot create VMAC " + w.name() + " on " + w.parent() + ": " + e.getMessage();
        }
        if (configured.putIfAbsent(w.name(), w.parent()) == null) {
            sysctls.acquire(w.parent(), w.name(), alias);
        }
        return null;
    }

    /** Worker thread. */
    private void delete(Wanted w) {
        InterfaceRegistry interfaces = registry.get();
        try {
            if (interfaces != null && interfaces.deleteLink(w.name())) {
                LOG.info("{}: deleted {}", w.instance(), w.name());
            }
        } catch (IOException e) {
            LOG.warn("{}: cannot delete {}: {}", w.instance(), w.name(), e.getMessage());
        }
        String parent = configured.remove(w.name());
        if (parent != null) {
            sysctls.release(parent);
        }
    }
}
