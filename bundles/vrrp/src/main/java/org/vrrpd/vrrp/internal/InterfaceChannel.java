package org.vrrpd.vrrp.internal;

import java.nio.ByteBuffer;
import org.vrrpd.kernel.NativeException;
import org.vrrpd.kernel.SendBatch;

/**
 * One interface's VRRP traffic of one address family, shared by every instance of that family on it
 * and demultiplexed by VRID (IPv4 and IPv6 virtual routers are separate, RFC 5798). It is a
 * member of the VRRP group only while the interface is healthy: on a fault it leaves and on
 * recovery it joins again. Used only on the event loop.
 */
final class InterfaceChannel {
    /** Datagrams read from one socket per turn of the loop, so that a flood cannot delay the timers. */
    static final int RECEIVE_BUDGET = 64;
    /** Adverts queued per sendmmsg, and the longest batched (VRRPv2 with AH and 50 addresses); a longer one leaves alone. */
    private static final int BATCH_CAPACITY = 32;
    private static final int BATCH_SLOT = 256;

    /** Receives every datagram that arrives, in a buffer reused for each. */
    interface Receiver {
        void datagram(InterfaceChannel channel, ByteBuffer datagram, int length);
    }

    private final String name;
    private final int index;
    private final boolean ipv6;
    private final ChannelSockets sockets;
    private final Receiver receiver;
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(65536);
    private final VrrpInstance[] byVrid = new VrrpInstance[256];
    private final SendBatches turn;
    /** The timers' adverts of this turn, or null when the sockets send one by one; who queued each, with which priority. */
    private final SendBatch batch;
    private final VrrpInstance[] queuedBy;
    private final int[] queuedPriority;
    private final SendBatch.Refusal refusal = this::refused;
    private boolean queued;
    private int members;
    private boolean joined;
    /** The interface's primary address in the family ({@link RouterAddress}): the source of our adverts. */
    private long primary;

    InterfaceChannel(String name, int index, boolean ipv6, ChannelSockets sockets, Receiver receiver, SendBatches turn) {
        this.name = name;
        this.index = index;
        this.ipv6 = ipv6;
        this.sockets = sockets;
        this.receiver = receiver;
        this.turn = turn;
        boolean batching = sockets.batches();
        batch = batching ? new SendBatch(BATCH_CAPACITY, BATCH_SLOT) : null;
        queuedBy = batching ? new VrrpInstance[BATCH_CAPACITY] : null;
        queuedPriority = batching ? new int[BATCH_CAPACITY] : null;
    }

    String name() {
        return name;
    }

    int index() {
        return index;
    }

    boolean ipv6() {
        return ipv6;
    }

    int[] fds() {
        return sockets.fds();
    }

    long primary() {
        return primary;
    }

    void setPrimary(long address) {
        primary = address;
    }

    VrrpInstance instance(int vrid) {
        return byVrid[vrid];
    }

    void attach(VrrpInstance instance) {
        if (byVrid[instance.settings().vrid()] == null) {
            members++;
        }
        byVrid[instance.settings().vrid()] = instance;
    }

    /** Returns whether the channel is now unused. */
    boolean detach(VrrpInstance instance) {
        if (byVrid[instance.settings().vrid()] == instance) {
            byVrid[instance.settings().vrid()] = null;
            members--;
        }
        return members == 0;
    }

    /** Joins or leaves the VRRP group on this interface. */
    void setJoined(boolean join) throws NativeException {
        if (join != joined) {
            sockets.setJoined(join);
            joined = join;
        }
    }

    /** Reads up to {@link #RECEIVE_BUDGET} waiting datagrams from socket {@code socket} and hands each to the receiver. */
    void drain(int socket) throws NativeException {
        int n;
        for (int read = 0; read < RECEIVE_BUDGET && (n = sockets.receive(socket, buffer.clear())) >= 0; read++) {
            receiver.datagram(this, buffer, n);
        }
    }

    /**
     * Sends {@code sender}'s advert (with {@code priority}) to {@code destination}: at once, or,
     * during the timers' turn, queued for the turn's end (a refusal then reaches
     * {@link InstanceHost#refused}); the caller may reuse the buffer either way.
     */
    void send(VrrpInstance sender, int priority, ByteBuffer datagram, int destination) throws NativeException {
        if (batch == null || !turn.isOpen() || !batch.fits(datagram.remaining())) {
            sockets.send(datagram, destination);
            return;
        }
        if (!queued) {
            turn.pending(this);
            queued = true;
        } else if (batch.isFull()) {
            sockets.send(batch, refusal);
        }
        queuedBy[batch.size()] = sender;
        queuedPriority[batch.size()] = priority;
        batch.add(datagram, destination);
    }

    /** Sends what this turn queued (one sendmmsg). */
    void flush() {
        queued = false;
        if (batch != null && batch.size() > 0) {
            sockets.send(batch, refusal);
        }
    }

    private void refused(int i, ByteBuffer datagram, int destination, int errno) {
        InstanceHost.refused(queuedBy[i], queuedPriority[i], destination, new NativeException("sendmmsg(" + name + ")", errno));
    }

    /** Whatever this turn queued leaves first (a priority 0 of an instance leaving with its channel). */
    void close() {
        flush();
        sockets.close();
    }
}
