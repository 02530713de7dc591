package org.vrrpd.netlink.internal;

import static org.vrrpd.netlink.internal.Rtnetlink.*;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vrrpd.api.net.InterfaceAddress;
import org.vrrpd.api.net.InterfaceEvent;
import org.vrrpd.api.net.MacAddress;
import org.vrrpd.api.net.NetInterface;
import org.vrrpd.kernel.Errno;
import org.vrrpd.kernel.EventFd;
import org.vrrpd.kernel.NativeException;
import org.vrrpd.kernel.NetlinkSocket;
import org.vrrpd.kernel.Poller;

/**
 * Mirrors the kernel's links and addresses: one dump at start, then rtnetlink broadcasts, and a
 * fresh dump whenever the kernel reports lost broadcasts (ENOBUFS). Its sockets live in the
 * network namespace of the thread that opens it. One thread applies the broadcasts; readers see
 * an immutable snapshot that is published before listeners hear of a change.
 */
final class Reflector implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Reflector.class);
    private static final int STALE_DUMP_RETRY_MILLIS = 100;

    private final NetlinkSocket broadcasts;
    private final RtnlRequests requests;
    private final EventFd wakeup;
    private final Consumer<InterfaceEvent> sink;
    private final InterfaceModel model = new InterfaceModel();
    private final ByteBuffer receiveBuffer = ByteBuffer.allocateDirect(64 * 1024).order(ByteOrder.nativeOrder());
    private final Map<Integer, Instant> lastChange = new ConcurrentHashMap<>();
    private final AtomicLong resyncs = new AtomicLong();
    private final AtomicLong malformed = new AtomicLong();
    private final AtomicLong broadcastMessages = new AtomicLong();
    private volatile Map<Integer, NetInterface> snapshot = Map.of();
    private volatile Map<String, NetInterface> snapshotByName = Map.of();
    private volatile boolean running;
    private boolean dumpStale;
    private Thread thread;

    /**
     * Subscribes to link and address broadcasts, then dumps the current state. Subscribing first
     * means a change racing the dump is queued and applied after it, so the model converges.
     *
     * @param eventBufferBytes SO_RCVBUF of the broadcast socket, or 0 for the kernel default
     */
    Reflector(Consumer<InterfaceEvent> sink, int eventBufferBytes) throws IOException {
        this.sink = sink;
        NetlinkSocket b = null;
        RtnlRequests r = null;
        EventFd w = null;
        try {
            b = NetlinkSocket.open(NetlinkSocket.NETLINK_ROUTE, GROUPS_LINK_AND_ADDRESSES);
            if (eventBufferBytes > 0) {
                b.setReceiveBufferSize(eventBufferBytes, false);
            }
            r = new RtnlRequests();
            b.ignoreMessagesFrom(r.quietPortId());
            w = new EventFd();
        } catch (IOException e) {
            closeAll(b, r, w);
            throw e;
        }
        broadcasts = b;
        requests = r;
        wakeup = w;
        try {
            model.replaceWith(dump());
        } catch (IOException e) {
            close();
            throw e;
        }
        Instant now = Instant.now();
        model.interfaces().forEach(i -> lastChange.put(i.index(), now));
        publishSnapshot();
    }

    /** Starts applying broadcasts on a thread of its own. */
    void start() {
        running = true;
        thread = new Thread(this::loop, "vrrpd-netlink");
        thread.setDaemon(true);
        thread.start();
    }

    Map<Integer, NetInterface> snapshot() {
        return snapshot;
    }

    Optional<NetInterface> byName(String name) {
        return Optional.ofNullable(snapshotByName.get(name));
    }

    private void publishSnapshot() {
        Map<Integer, NetInterface> byIndex = model.asMap();
        Map<String, NetInterface> named = new HashMap<>();
        byIndex.values().forEach(i -> named.put(i.name(), i));
        snapshotByName = Map.copyOf(named);
        snapshot = byIndex;
    }

    Optional<Instant> lastChange(int index) {
        return Optional.ofNullable(lastChange.get(index));
    }

    long resyncs() {
        return resyncs.get();
    }

    long malformedMessages() {
        return malformed.get();
    }

    /** Link and address messages read from the broadcast socket so far. */
    long broadcastMessages() {
        return broadcastMessages.get();
    }

    private void loop() {
        Poller poller = new Poller(2);
        poller.add(broadcasts.fd());
        poller.add(wakeup.fd());
        while (running) {
            try {
                // A dump that changes kept racing is retried shortly even if no broadcast arrives.
                poller.poll(dumpStale ? STALE_DUMP_RETRY_MILLIS : -1);
                wakeup.drain();
                if (running) {
                    drainBroadcasts();
                }
            } catch (IOException | RuntimeException e) {
                LOG.error("netlink reflector: {}", e.toString(), e);
            }
        }
    }

    private void drainBroadcasts() throws IOException {
        List<InterfaceEvent> changes = new ArrayList<>();
        try {
            int n;
            while ((n = broadcasts.receive(receiveBuffer.clear())) >= 0) {
                if (n > receiveBuffer.capacity()) {
                    throw new NativeException("recvfrom(netlink broadcast of " + n + " bytes, truncated)", Errno.ENOBUFS);
                }
                decode(receiveBuffer, changes);
            }
        } catch (NativeException e) {
            if (e.errno() != Errno.ENOBUFS) {
                throw e;
            }
            discardQueuedBroadcasts();
            resync(changes, "netlink broadcasts were lost (ENOBUFS)");
        }
        if (dumpStale) {
            resync(changes, "the last dump raced a change (NLM_F_DUMP_INTR)");
        }
        publish(changes);
    }

    /**
     * Empties the broadcast queue before a re-dump, which supersedes what is in it. The kernel
     * reports ENOBUFS once per congestion and re-arms only when the queue has been emptied
     * (NETLINK_S_CONGESTED), so without this, broadcasts dropped during the dump went unreported.
     */
    private void discardQueuedBroadcasts() throws NativeException {
        while (true) {
            try {
                if (broadcasts.receive(receiveBuffer.clear()) < 0) {
                    return;
                }
            } catch (NativeException e) {
                if (e.errno() != Errno.ENOBUFS) {
                    throw e;
                }
            }
        }
    }

    private void decode(ByteBuffer datagram, List<InterfaceEvent> changes) {
        try {
            RtnlCodec.decodeAll(datagram, message -> {
                broadcastMessages.incrementAndGet();
                InterfaceEvent event = model.apply(message);
                if (event != null) {
                    changes.add(event);
                }
            });
        } catch (RtnlCodec.MalformedMessage e) {
            malformed.incrementAndGet();
            LOG.warn("netlink: dropped a malformed message: {}", e.getMessage());
        }
    }

    /** Broadcasts were lost (or a dump raced a change): take a fresh dump and report only what really differs. */
    private void resync(List<InterfaceEvent> changes, String why) throws IOException {
        List<InterfaceEvent> missed = model.replaceWith(dump());
        changes.addAll(missed);
        resyncs.incrementAndGet();
        LOG.warn("{}: re-dumped, {} interface changes reconciled", why, missed.size());
    }

    private void publish(List<InterfaceEvent> changes) {
        if (changes.isEmpty()) {
            return;
        }
        Instant now = Instant.now();
        for (InterfaceEvent change : changes) {
            if (change.after() == null) {
                lastChange.remove(change.before().index());
            } else {
                lastChange.put(change.after().index(), now);
            }
        }
        publishSnapshot();
        changes.forEach(sink);
    }

    /**
     * Adds or removes one address with a single RTM_NEWADDR/RTM_DELADDR: the kernel applies it
     * whole or not at all. Errors name the request and the errno (EEXIST, EADDRNOTAVAIL, ...).
     */
    void changeAddress(boolean add, String interfaceName, InterfaceAddress address) throws IOException {
        changeAddress(add ? AddressChange.ADD : AddressChange.REMOVE, interfaceName, address, 0);
    }

    /** {@link RtnlRequests#changeAddress} on the interface of that name. */
    void changeAddress(AddressChange change, String interfaceName, InterfaceAddress address, long lifetimeSeconds) throws IOException {
        requests.changeAddress(change, existing(interfaceName), address, lifetimeSeconds);
    }

    /** {@link RtnlRequests#addMacvlan} on the interface {@code parent}. */
    void addMacvlan(String name, String parent, MacAddress mac, String alias) throws IOException {
        requests.addMacvlan(name, existing(parent), mac, alias);
    }

    /** Deletes the link {@code name}; ENODEV if there is none. */
    void deleteLink(String name) throws IOException {
        requests.deleteLink(name);
    }

    /** {@link RtnlRequests#renewQuietly}. */
    int[] renewQuietly(NetInterface target, List<InterfaceAddress> addresses, long lifetimeSeconds) throws IOException {
        return requests.renewQuietly(target, addresses, lifetimeSeconds);
    }

    private NetInterface existing(String name) throws IOException {
        return byName(name).orElseThrow(() -> new IOException("no such interface: " + name));
    }

    /** A fresh dump; one that changes kept racing asks for another once the broadcasts are drained ({@link #dumpStale}). */
    private InterfaceModel dump() throws IOException {
        RtnlRequests.Dump dump = requests.dump();
        dumpStale = !dump.consistent();
        return dump.model();
    }

    /** Stops the thread and closes the sockets. */
    @Override
    public void close() {
        running = false;
        if (wakeup != null) {
            wakeup.signal();
        }
        if (thread != null) {
            try {
                thread.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        closeAll(broadcasts, requests, wakeup);
    }

    private static void closeAll(AutoCloseable... resources) {
        for (AutoCloseable r : resources) {
            if (r != null) {
                try {
                    r.close();
                } catch (Exception ignored) {
                    // closing a descriptor cannot fail in a way we could act on
                }
            }
        }
    }
}
