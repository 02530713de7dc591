package org.vrrpd.vrrp.internal;

import java.nio.ByteBuffer;
import org.vrrpd.kernel.NativeException;

/**
 * One interface's VRRP traffic of one address family, shared by every instance of that family on it
 * and demultiplexed by VRID (IPv4 and IPv6 virtual routers are separate, RFC 5798). It is a
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
    private final boolean ipv6;
    private final ChannelSockets sockets;
    private final Receiver receiver;
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(65536);
    private final VrrpInstance[] byVrid = new VrrpInstance[256];
    private int members;
    private boolean joined;
    /** The interface's primary address in the family ({@link RouterAddress}): the source of our adverts. */
    private long primary;

    InterfaceChannel(String name, int index, boolean ipv6, ChannelSockets sockets, Receiver receiver) {
        this.name = name;
        this.index = index;
        this.ipv6 = ipv6;
        this.sockets = sockets;
        this.receiver = receiver;
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

    void send(ByteBuffer datagram, int destination) throws NativeException {
        sockets.send(datagram, destination);
    }

    void close() {
        sockets.close();
    }
}
