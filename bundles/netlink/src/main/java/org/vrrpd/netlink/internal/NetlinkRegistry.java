package org.vrrpd.netlink.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vrrpd.api.net.InterfaceAddress;
import org.vrrpd.api.net.InterfaceEvent;
import org.vrrpd.api.net.InterfaceListener;
import org.vrrpd.api.net.InterfaceRegistry;
import org.vrrpd.api.net.LeaseOutcome;
import org.vrrpd.api.net.MacAddress;
import org.vrrpd.api.net.NetInterface;
import org.vrrpd.kernel.Errno;
import org.vrrpd.kernel.NativeException;

/** The interface registry service, backed by the netlink reflector; tells every InterfaceListener of each change. */
@Component(service = InterfaceRegistry.class, immediate = true)
public class NetlinkRegistry implements InterfaceRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(NetlinkRegistry.class);

    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private Reflector reflector;

    /**
     * A whiteboard listener, fetched when it is first told rather than when bound: a listener that
     * itself needs this registry (the link monitor, the VRRP engine) would otherwise be activated in
     * the middle of the registry's own activation, a cycle SCR refuses.
     */
    private static final class Listener {
        final ComponentServiceObjects<InterfaceListener> objects;
        private volatile InterfaceListener service;

        Listener(ComponentServiceObjects<InterfaceListener> objects) {
            this.objects = objects;
        }

        InterfaceListener get() {
            InterfaceListener s = service;
            if (s == null) {
                s = objects.getService();
                service = s;
            }
            return s;
        }

        void release() {
            InterfaceListener s = service;
            if (s != null) {
                objects.ungetService(s);
            }
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addListener(ComponentServiceObjects<InterfaceListener> listener) {
        listeners.add(new Listener(listener));
    }

    void removeListener(ComponentServiceObjects<InterfaceListener> listener) {
        for (Listener l : listeners) {
            if (l.objects == listener) {
                listeners.remove(l);
                l.release();
            }
        }
    }

    @Activate
    void activate() throws IOException {
        reflector = new Reflector(this::dispatch, 0);
        reflector.start();
        long addresses = reflector.snapshot().values().stream().mapToLong(i -> i.addresses().size()).sum();
        LOG.info("netlink reflector: {} interfaces, {} addresses", reflector.snapshot().size(), addresses);
    }

    @Deactivate
    void deactivate() {
        reflector.close();
    }

    private void dispatch(InterfaceEvent event) {
        LOG.debug("{}", event);
        for (Listener listener : listeners) {
            try {
                InterfaceListener service = listener.get();
                if (service != null) {
                    service.interfaceChanged(event);
                }
            } catch (RuntimeException e) {
                LOG.warn("interface listener {} failed on {}: {}", listener.objects.getServiceReference(), event.kind(), e.toString(), e);
            }
        }
    }

    @Override
    public Collection<NetInterface> interfaces() {
        return reflector.snapshot().values();
    }

    @Override
    public Optional<NetInterface> byName(String name) {
        return reflector.byName(name);
    }

    @Override
    public Optional<Instant> lastChange(String name) {
        return byName(name).flatMap(i -> reflector.lastChange(i.index()));
    }

    @Override
    public boolean addAddress(String interfaceName, InterfaceAddress address) throws IOException {
        return applied(true, interfaceName, address, Errno.EEXIST);
    }

    @Override
    public boolean removeAddress(String interfaceName, InterfaceAddress address) throws IOException {
        return applied(false, interfaceName, address, Errno.EADDRNOTAVAIL);
    }

    /**
     * One RTM_NEWADDR with NLM_F_CREATE | NLM_F_REPLACE and IFA_CACHEINFO: the kernel adds the
     * address, or renews the lifetime of the one there (and broadcasts an RTM_NEWADDR either way).
     * Whether it was there is read from the mirror just before, which lags the kernel by the
     * reflector's processing of its broadcasts.
     */
    @Override
    public boolean leaseAddress(String interfaceName, InterfaceAddress address, Duration lifetime) throws IOException {
        if (lifetime.isNegative()) {
            throw new IllegalArgumentException("negative lifetime " + lifetime + " for " + address);
        }
        long seconds = wholeSeconds(lifetime);
        boolean absent = true;
        for (InterfaceAddress a : byName(interfaceName).map(NetInterface::addresses).orElse(List.of())) {
            absent &= !(a.address().equals(address.address()) && a.prefixLength() == address.prefixLength());
        }
        reflector.changeAddress(AddressChange.LEASE, interfaceName, address, seconds);
        return absent;
    }

    /**
     * The addresses the mirror holds are renewed together and quietly ({@link QuietRenewals}: one
     * datagram, no broadcast back to the mirror); any other is leased on its own, so that the
     * mirror hears of its addition.
     */
    @Override
    public List<LeaseOutcome> leaseAddresses(String interfaceName, List<InterfaceAddress> addresses, Duration lifetime) {
        Optional<NetInterface> target = byName(interfaceName);
        if (target.isEmpty() || lifetime.isZero() || lifetime.isNegative()) {
            return InterfaceRegistry.super.leaseAddresses(interfaceName, addresses, lifetime);
        }
        long seconds = wholeSeconds(lifetime);
        Set<AddressKey> present = new HashSet<>();
        target.get().addresses().forEach(a -> present.add(new AddressKey(a.address(), a.prefixLength())));
        LeaseOutcome[] outcomes = new LeaseOutcome[addresses.size()];
        List<InterfaceAddress> quiet = new ArrayList<>();
        List<Integer> quietAt = new ArrayList<>();
        for (int i = 0; i < addresses.size(); i++) {
            InterfaceAddress a = addresses.get(i);
            if (present.contains(new AddressKey(a.address(), a.prefixLength()))) {
                quiet.add(a);
                quietAt.add(i);
            } else {
                outcomes[i] = InterfaceRegistry.super.leaseAddresses(interfaceName, List.of(a), lifetime).get(0);
            }
        }
        if (!quiet.isEmpty()) {
            try {
                int[] errnos = reflector.renewQuietly(target.get(), quiet, seconds);
                for (int j = 0; j < errnos.length; j++) {
                    outcomes[quietAt.get(j)] = errnos[j] == 0 ? LeaseOutcome.RENEWED : LeaseOutcome.refused(new NativeException("RTM_NEWADDR("
                            + quiet.get(j).address().getHostAddress() + "/" + quiet.get(j).prefixLength() + " dev " + interfaceName + " lifetime "
                            + seconds + " s)", errnos[j]).getMessage());
                }
            } catch (IOException e) {
                quietAt.forEach(i -> outcomes[i] = LeaseOutcome.refused(e.getMessage()));
            }
        }
        return List.of(outcomes);
    }

    private record AddressKey(InetAddress address, int prefixLength) {
    }

    /** A lifetime as the kernel takes it: whole seconds, rounded up. */
    private static long wholeSeconds(Duration lifetime) {
        return lifetime.getSeconds() + (lifetime.getNano() > 0 ? 1 : 0);
    }

    @Override
    public void addMacvlan(String name, String parent, MacAddress mac, String alias) throws IOException {
        reflector.addMacvlan(name, parent, mac, alias);
    }

    @Override
    public boolean deleteLink(String name) throws IOException {
        try {
            reflector.deleteLink(name);
            return true;
        } catch (NativeException e) {
            if (e.errno() == Errno.ENODEV) {
                return false;
            }
            throw e;
        }
    }

    /** The change, or false when the kernel says it is already so ({@code alreadySo}): callers get no errno. */
    private boolean applied(boolean add, String interfaceName, InterfaceAddress address, int alreadySo) throws IOException {
        try {
            reflector.changeAddress(add, interfaceName, address);
            return true;
        } catch (NativeException e) {
            if (e.errno() == alreadySo) {
                return false;
            }
            throw e;
        }
    }

    /** Broadcast losses recovered by a re-dump, for iface:list. */
    long resyncs() {
        return reflector.resyncs();
    }
}
