package org.vrrpd.vrrp.internal;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import org.vrrpd.kernel.NativeException;
import org.vrrpd.kernel.RawIp6Socket;

/**
 * VRRPv3 over IPv6 on one interface (RFC 5798 §5.1.2): raw IPv6 protocol 112, bound to the device,
 * ff02::12 joined while healthy and some instance here is multicast, multicast loop off, traffic
 * class 0xc0 as keepalived; the hop limit (255, or unicastTtl), the source (link-local, or
 * unicastSource) and the destination (ff02::12, or a unicast peer: a link-local one is reached on
 * this interface) travel with each advert's header. Used only on the event loop.
 */
final class RawIpv6Sockets implements ChannelSockets {
    static final Inet6Address GROUP = group();

    private final RawIp6Socket vrrp = RawIp6Socket.open(VrrpPacket.IP_PROTOCOL);
    private final int index;

    RawIpv6Sockets(String name, int index) throws NativeException {
        this.index = index;
        try {
            vrrp.bindToDevice(name);
            vrrp.setMulticastInterface(index);
            vrrp.setMulticastLoop(false);
            vrrp.setTrafficClass(VrrpPacket.TOS);
        } catch (NativeException e) {
            vrrp.close();
            throw e;
        }
    }

    private static Inet6Address group() {
        try {
            return (Inet6Address) InetAddress.getByName("ff02::12");
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    /** Asked when the channel is registered with the loop and when it closes, not per datagram. */
    @Override
    public int[] fds() {
        return new int[] {vrrp.fd()};
    }

    @Override
    public int receive(int socket, ByteBuffer buffer) throws NativeException {
        return vrrp.receive(buffer);
    }

    /** To the destination and from the source in the advert's header: {@code destination} is IPv4's. */
    @Override
    public void send(ByteBuffer datagram, int destination) throws NativeException {
        vrrp.send(datagram, index);
    }

    @Override
    public void setJoined(boolean join) throws NativeException {
        vrrp.setMember(GROUP, index, join);
    }

    @Override
    public void close() {
        vrrp.close();
    }
}
