package org.vrrpd.vrrp.internal;

import java.nio.ByteBuffer;
import org.vrrpd.kernel.NativeException;

/**
 * One interface's VRRP traffic, shared by every instance on it and demultiplexed by VRID. It is a
 * member of the VRRP group only while the interface is healthy: on a fault it leaves and on
 * recovery it joins again. Used only on the event loop.
 */
final class InterfaceChannel {
    /** Datagrams read from one socket per turn of the loop, so that a flood cannot delay the timers. */
    static final int RECEIVE_BUDGET = 64;

    /** Receives every datagram that arrives, in a buffer reused for each. */
    interface Receiver {
        void datagram(InterfaceChannel channel, ByteBuffer datagram, int length);
    }

    private final String name;
    private final int index;
    private final ChannelSockets sockets;
    private final Receiver receiver;
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(65536);
    private final VrrpInstance[] byVrid = new VrrpInstance[256];
    private int members;
    private boolean joined;
    /** The interface's primary IPv4 address: the source of our adverts. */
    private int primary;

    InterfaceChannel(String name, int index, ChannelSockets sockets, Receiver receiver) {
        this.name = name;
        this.index = index;
        this.sockets = sockets;
        this.receiver = receiver;
    }

    String name() {
        return name;
    }

    int index() {
        return index;
    }

    int[] fds() {
        return sockets.fds();
    }

    int primary() {
        return primary;
    }

    void setPrimary(int address) {
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

    void send(ByteBuffer datagram, int destination) throws NativeException {
        sockets.send(datagram, destination);
    }

    void close() {
        sockets.close();
    }
}
