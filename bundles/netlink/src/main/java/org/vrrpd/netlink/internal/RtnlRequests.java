package org.vrrpd.netlink.internal;

import static org.vrrpd.netlink.internal.Rtnetlink.*;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vrrpd.api.net.InterfaceAddress;
import org.vrrpd.api.net.MacAddress;
import org.vrrpd.api.net.NetInterface;
import org.vrrpd.kernel.NativeException;
import org.vrrpd.kernel.NetlinkSocket;

/**
 * What the reflector asks of the kernel: dumps, and acknowledged changes of addresses and links,
 * one at a time on a socket of their own; lease renewals in bulk through {@link QuietRenewals}.
 * Errors name the request and the errno.
 */
final class RtnlRequests implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RtnlRequests.class);
    private static final int REPLY_TIMEOUT_MILLIS = 5000;
    private static final int NLM_F_DUMP_INTR = 0x10;

    private final NetlinkSocket requests;
    private final QuietRenewals renewals;
    private final ByteBuffer requestBuffer = ByteBuffer.allocateDirect(64 * 1024).order(ByteOrder.nativeOrder());
    private final AtomicInteger sequence = new AtomicInteger((int) (System.currentTimeMillis() / 1000));

    RtnlRequests() throws IOException {
        NetlinkSocket r = NetlinkSocket.open(NetlinkSocket.NETLINK_ROUTE, 0);
        try {
            renewals = new QuietRenewals();
        } catch (IOException e) {
            r.close();
            throw e;
        }
        requests = r;
    }

    /** The port id whose broadcasts the mirror is to ignore: that of the bulk renewals. */
    int quietPortId() {
        return renewals.portId();
    }

    /**
     * Dumps links, then addresses, into a new model. A dump that overlapped a change is flagged by
     * the kernel (NLM_F_DUMP_INTR) and may have skipped or repeated entries, so it is taken again;
     * if changes keep racing it, the last one is returned as not consistent.
     */
    Dump dump() throws IOException {
        synchronized (requests) {
            for (int attempt = 1; ; attempt++) {
                InterfaceModel fresh = new InterfaceModel();
                boolean consistent = dumpInto(fresh, RTM_GETLINK) & dumpInto(fresh, RTM_GETADDR);
                if (consistent || attempt == 3) {
                    return new Dump(fresh, consistent);
                }
            }
        }
    }

    /** A dump's model, and whether the kernel said no change raced it. */
    record Dump(InterfaceModel model, boolean consistent) {
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
     * One acknowledged address request; {@code lifetimeSeconds} is used by {@link AddressChange#LEASE}
     * (0 = forever). Errors name the request and the errno (EEXIST, EADDRNOTAVAIL, ...).
     */
    void changeAddress(AddressChange change, NetInterface target, InterfaceAddress address, long lifetimeSeconds) throws IOException {
        String interfaceName = target.name();
        String what = Rtnetlink.typeName(change.messageType) + "(" + address.address().getHostAddress() + "/" + address.prefixLength()
                + " dev " + interfaceName + (change.lifetime ? " lifetime " + (lifetimeSeconds == 0 ? "forever" : lifetimeSeconds + " s") : "")
                + ")";
        InterfaceAddress request = kernelRequest(address, interfaceName);
        acknowledged(what, seq -> RtnlCodec.addressRequest(change, seq, target.index(), request, lifetimeSeconds));
    }

    /** What the kernel is sent for {@code address}: never flagged secondary, its label only if it names the interface. */
    private static InterfaceAddress kernelRequest(InterfaceAddress address, String interfaceName) {
        String label = address.label() != null && address.label().startsWith(interfaceName) ? address.label() : null;
        return new InterfaceAddress(address.address(), address.prefixLength(), false, label, address.scope(), address.broadcast());
    }

    /**
     * Creates the macvlan {@code name} on {@code lower} (mode private, address {@code mac}), gives
     * it {@code alias} and addrgenmode none, and brings it up: four acknowledged requests, as
     * keepalived makes them. A link that cannot take addrgenmode (no IPv6) is still brought up.
     */
    void addMacvlan(String name, NetInterface lower, MacAddress mac, String alias) throws IOException {
        acknowledged("RTM_NEWLINK(macvlan " + name + " link " + lower.name() + " address " + mac + " mode private)",
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

    /** {@link QuietRenewals#renew}: lease renewals in one datagram, whose broadcasts the mirror does not read. */
    int[] renewQuietly(NetInterface target, List<InterfaceAddress> addresses, long lifetimeSeconds) throws IOException {
        List<InterfaceAddress> requests = new ArrayList<>(addresses.size());
        addresses.forEach(a -> requests.add(kernelRequest(a, target.name())));
        return renewals.renew(sequence, target.index(), requests, lifetimeSeconds);
    }

    @Override
    public void close() {
        requests.close();
        renewals.close();
    }
}
