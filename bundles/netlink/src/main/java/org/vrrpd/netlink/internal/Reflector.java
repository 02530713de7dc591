package org.vrrpd.netlink.internal;

import static org.vrrpd.netlink.internal.Rtnetlink.*;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.IntFunction;
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
    private static final int REPLY_TIMEOUT_MILLIS = 5000;
    private static final int STALE_DUMP_RETRY_MILLIS = 100;
    private static final int NLM_F_DUMP_INTR = 0x10;

    private final NetlinkSocket broadcasts;
    private final NetlinkSocket requests;
    private final EventFd wakeup;
    private final Consumer<InterfaceEvent> sink;
    private final InterfaceModel model = new InterfaceModel();
    private final ByteBuffer receiveBuffer = ByteBuffer.allocateDirect(64 * 1024).order(ByteOrder.nativeOrder());
    private final ByteBuffer requestBuffer = ByteBuffer.allocateDirect(64 * 1024).order(ByteOrder.nativeOrder());
    private final AtomicInteger sequence = new AtomicInteger((int) (System.currentTimeMillis() / 1000));
    private final Map<Integer, Instant> lastChange = new ConcurrentHashMap<>();
    private final AtomicLong resyncs = new AtomicLong();
    private final AtomicLong malformed = new AtomicLong();
    private volatile Map<Integer, NetInterface> snapshot = Map.of();
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
        NetlinkSocket r = null;
        EventFd w = null;
        try {
            b = NetlinkSocket.open(NetlinkSocket.NETLINK_ROUTE, GROUPS_LINK_AND_ADDRESSES);
            if (eventBufferBytes > 0) {
                b.setReceiveBufferSize(eventBufferBytes, false);
            }
            r = NetlinkSocket.open(NetlinkSocket.NETLINK_ROUTE, 0);
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
        snapshot = model.asMap();
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
        return snapshot.values().stream().filter(i -> i.name().equals(name)).findFirst();
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
        snapshot = model.asMap();
        changes.forEach(sink);
    }

    /**
     * Dumps links, then addresses, into a new model. A dump that overlapped a change is flagged by
     * the kernel (NLM_F_DUMP_INTR) and may have skipped or repeated entries, so it is taken again;
     * if changes keep racing it, the last one is used and {@link #dumpStale} asks for another
     * once the broadcasts have been drained.
     */
    private InterfaceModel dump() throws IOException {
        synchronized (requests) {
            for (int attempt = 1; ; attempt++) {
                InterfaceModel fresh = new InterfaceModel();
                boolean consistent = dumpInto(fresh, RTM_GETLINK) & dumpInto(fresh, RTM_GETADDR);
                dumpStale = !consistent;
                if (consistent || attempt == 3) {
                    return fresh;
                }
            }
        }
    }

    /** Returns false if the kernel flagged the dump as interrupted by a concurrent change. */
    private boolean dumpInto(InterfaceModel target, int type) throws IOException {
        int seq = sequence.incrementAndGet();
        requests.send(RtnlCodec.dumpRequest(type, seq));
        boolean[] done = {false};
        boolean[] consistent = {true};
        int[] error = {0};
        while (!done[0]) {
            awaitReply(type == RTM_GETLINK ? "RTM_GETLINK dump" : "RTM_GETADDR dump");
            RtnlCodec.forEachMessage(requestBuffer, (msgType, flags, msgSeq, payload) -> {
                if (msgSeq != seq) {
                    return; // a late answer to an earlier, abandoned request
                }
                if ((flags & NLM_F_DUMP_INTR) != 0) {
                    consistent[0] = false;
                }
                switch (msgType) {
                    case NLMSG_DONE -> done[0] = true;
                    case NLMSG_ERROR -> {
                        error[0] = RtnlCodec.errorCode(payload);
                        done[0] = true;
                    }
                    case RTM_NEWLINK -> target.load(RtnlCodec.decodeLink(msgType, payload));
                    case RTM_NEWADDR -> target.load(RtnlCodec.decodeAddress(msgType, payload));
                    default -> { }
                }
            });
        }
        if (error[0] != 0) {
            throw new NativeException(typeName(type) + " dump", error[0]);
        }
        return consistent[0];
    }

    private void awaitReply(String what) throws IOException {
        int n = requests.receive(requestBuffer.clear(), REPLY_TIMEOUT_MILLIS);
        if (n < 0) {
            throw new IOException("no answer from the kernel to " + what + " within " + REPLY_TIMEOUT_MILLIS + " ms");
        }
    }

    /**
     * Adds or removes one address with a single RTM_NEWADDR/RTM_DELADDR: the kernel applies it
     * whole or not at all. Errors name the request and the errno (EEXIST, EADDRNOTAVAIL, ...).
     */
    void changeAddress(boolean add, String interfaceName, InterfaceAddress address) throws IOException {
        changeAddress(add ? AddressChange.ADD : AddressChange.REMOVE, interfaceName, address, 0);
    }

    /**
     * One acknowledged address request; {@code lifetimeSeconds} is used by {@link AddressChange#LEASE}
     * (0 = forever). Errors name the request and the errno (EEXIST, EADDRNOTAVAIL, ...).
     */
    void changeAddress(AddressChange change, String interfaceName, InterfaceAddress address, long lifetimeSeconds) throws IOException {
        NetInterface target = byName(interfaceName)
                .orElseThrow(() -> new IOException("no such interface: " + interfaceName));
        String what = Rtnetlink.typeName(change.messageType) + "(" + address.address().getHostAddress() + "/" + address.prefixLength()
                + " dev " + interfaceName + (change.lifetime ? " lifetime " + (lifetimeSeconds == 0 ? "forever" : lifetimeSeconds + " s") : "")
                + ")";
        String label = address.label() != null && address.label().startsWith(interfaceName) ? address.label() : null;
        InterfaceAddress request = new InterfaceAddress(address.address(), address.prefixLength(), false, label, address.scope(),
                address.broadcast());
        acknowledged(what, seq -> RtnlCodec.addressRequest(change, seq, target.index(), request, lifetimeSeconds));
    }

    /**
     * Creates the macvlan {@code name} on {@code parent} (mode private, address {@code mac}), gives
     * it {@code alias} and addrgenmode none, and brings it up: four acknowledged requests, as
     * keepalived makes them. A link that cannot take addrgenmode (no IPv6) is still brought up.
     */
    void addMacvlan(String name, String parent, MacAddress mac, String alias) throws IOException {
        NetInterface lower = byName(parent).orElseThrow(() -> new IOException("no such interface: " + parent));
        acknowledged("RTM_NEWLINK(macvlan " + name + " link " + parent + " address " + mac + " mode private)",
                seq -> RtnlCodec.macvlanRequest(seq, name, lower.index(), mac));
        acknowledged("RTM_NEWLINK(" + name + " alias " + alias + ")", seq -> RtnlCodec.aliasRequest(seq, name, alias));
        try {
            acknowledged("RTM_NEWLINK(" + name + " addrgenmode none)", seq -> RtnlCodec.addrGenModeNoneRequest(seq, name));
        } catch (NativeException e) {
            LOG.info("{}: {}; an IPv6 link-local address may be generated for it", name, e.getMessage());
        }
        acknowledged("RTM_NEWLINK(" + name + " up)", seq -> RtnlCodec.linkUpRequest(seq, name));
    }

    /** Deletes the link {@code name}; ENODEV if there is none. */
    void deleteLink(String name) throws IOException {
        acknowledged("RTM_DELLINK(" + name + ")", seq -> RtnlCodec.deleteLinkRequest(seq, name));
    }

    /** Sends the request built for a fresh sequence number and waits for its acknowledgement; a refusal throws with {@code what} and the errno. */
    private void acknowledged(String what, IntFunction<ByteBuffer> request) throws IOException {
        synchronized (requests) {
            int seq = sequence.incrementAndGet();
            requests.send(request.apply(seq));
            int[] error = {Integer.MIN_VALUE};
            while (error[0] == Integer.MIN_VALUE) {
                awaitReply(what);
                RtnlCodec.forEachMessage(requestBuffer, (type, flags, msgSeq, payload) -> {
                    if (msgSeq == seq && type == NLMSG_ERROR) {
                        error[0] = RtnlCodec.errorCode(payload);
                    }
                });
            }
            if (error[0] != 0) {
                throw new NativeException(what, error[0]);
            }
        }
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
