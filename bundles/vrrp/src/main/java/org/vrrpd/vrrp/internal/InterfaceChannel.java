package org.vrrpd.vrrp.internal;

import java.nio.ByteBuffer;
import org.vrrpd.kernel.Ipv4;
import org.vrrpd.kernel.NativeException;
import org.vrrpd.kernel.RawIpSocket;

/**
 * The VRRP sockets of one interface, shared by every instance on it: raw IP protocol 112, bound to
 * the device, IP header written by us (IP_HDRINCL, for TTL 255 and for AH), multicast loop off;
 * and a raw socket for protocol 51, which receives AH-authenticated adverts (Linux without AH
 * support hands them to raw sockets). It is a member of 224.0.0.18 only while the link is up: on a
 * fault it leaves the group and on recovery it joins again. Used only on the event loop.
 */
final class InterfaceChannel {
    /** Receives every datagram that arrives, in a buffer reused for each. */
    interface Receiver {
        void datagram(InterfaceChannel channel, ByteBuffer datagram, int length);
    }

    private final String name;
    private final int index;
    private final RawIpSocket socket;
    private final RawIpSocket ahSocket;
    private final Receiver receiver;
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(65536);
    private final VrrpInstance[] byVrid = new VrrpInstance[256];
    private int members;
    private boolean joined;
    /** The interface's primary IPv4 address: the source of our adverts. */
    private int primary;

    InterfaceChannel(String name, int index, Receiver receiver) throws NativeException {
        this.name = name;
        this.index = index;
        this.receiver = receiver;
        RawIpSocket s = RawIpSocket.open(VrrpPacket.IP_PROTOCOL);
        RawIpSocket ah = null;
        try {
            s.bindToDevice(name);
            s.setHeaderIncluded(true);
            s.setMulticastInterface(index);
            s.setMulticastLoop(false);
            s.setMulticastTtl(VrrpPacket.TTL);
            ah = RawIpSocket.open(VrrpPacket.AH_PROTOCOL);
            ah.bindToDevice(name);
        } catch (NativeException e) {
            s.close();
            if (ah != null) {
                ah.close();
            }
            throw e;
        }
        socket = s;
        ahSocket = ah;
    }

    String name() {
        return name;
    }

    int index() {
        return index;
    }

    int fd() {
        return socket.fd();
    }

    int ahFd() {
        return ahSocket.fd();
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
        byVrid[instance.settings().vrid()] = instance;
        members++;
    }

    /** Returns whether the channel is now unused. */
    boolean detach(VrrpInstance instance) {
        if (byVrid[instance.settings().vrid()] == instance) {
            byVrid[instance.settings().vrid()] = null;
            members--;
        }
        return members == 0;
    }

    /** Joins or leaves 224.0.0.18 on this interface. */
    void setJoined(boolean join) throws NativeException {
        if (join == joined) {
            return;
        }
        if (join) {
            socket.joinGroup(Ipv4.VRRP_GROUP, index);
        } else {
            socket.leaveGroup(Ipv4.VRRP_GROUP, index);
        }
        joined = join;
    }

    /** Reads every waiting datagram, of either protocol, and hands each to the receiver. */
    void drain() throws NativeException {
        int n;
        while ((n = socket.receive(buffer.clear())) >= 0) {
            receiver.datagram(this, buffer, n);
        }
        while ((n = ahSocket.receive(buffer.clear())) >= 0) {
            receiver.datagram(this, buffer, n);
        }
    }

    void send(ByteBuffer datagram) throws NativeException {
        socket.send(datagram, Ipv4.VRRP_GROUP);
    }

    void close() {
        socket.close();
        ahSocket.close();
    }
}
