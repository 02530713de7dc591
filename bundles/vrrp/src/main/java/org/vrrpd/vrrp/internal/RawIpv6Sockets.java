package org.vrrpd.vrrp.internal;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import org.vrrpd.kernel.NativeException;
import org.vrrpd.kernel.RawIp6Socket;

/**
 * VRRPv3 over IPv6 multicast on one interface (RFC 5798 §5.1.2): raw IPv6 protocol 112, bound to
 * the device, ff02::12 joined while healthy, multicast loop off, traffic class 0xc0 as keepalived;
 * the hop limit (255) and the link-local source travel with each advert's header. Used only on
 * the event loop.
 */
final class RawIpv6Sockets implements ChannelSockets {
    static final Inet6Address GROUP = group();

    private final int index;
    private final RawIp6Socket vrrp;
    private final int[] fds;

    RawIpv6Sockets(String name, int index) throws NativeException {
        this.index = index;
        RawIp6Socket s = RawIp6Socket.open(VrrpPacket.IP_PROTOCOL);
        try {
            s.bindToDevice(name);
            s.setMulticastInterface(index);
            s.setMulticastLoop(false);
            s.setTrafficClass(VrrpPacket.TOS);
        } catch (NativeException e) {
            s.close();
            throw e;
        }
        vrrp = s;
        fds = new int[] {vrrp.fd()};
    }

    private static Inet6Address group() {
        try {
            return (Inet6Address) InetAddress.getByName("ff02::12");
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    @Override
    public int[] fds() {
        return fds;
    }

    @Override
    public int receive(int socket, ByteBuffer buffer) throws NativeException {
        return vrrp.receive(buffer);
    }

    /** To ff02::12, from the source in the advert's header: {@code destination} is IPv4's. */
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
