package org.vrrpd.vrrp.internal;

import java.nio.ByteBuffer;
import org.vrrpd.kernel.Ipv4;
import org.vrrpd.kernel.NativeException;
import org.vrrpd.kernel.RawIpSocket;
import org.vrrpd.kernel.SendBatch;

/**
 * VRRPv2 over IPv4 multicast on one interface: raw IP protocol 112, bound to the device, IP header
 * written by us (IP_HDRINCL, for TTL 255 and for AH), multicast loop off; and a raw socket for
 * protocol 51, which receives AH-authenticated adverts (Linux without AH support hands them to raw
 * sockets). Used only on the event loop.
 */
final class RawIpv4Sockets implements ChannelSockets {
    private final int index;
    private final RawIpSocket vrrp;
    private final RawIpSocket ah;
    private final int[] fds;

    RawIpv4Sockets(String name, int index) throws NativeException {
        this.index = index;
        RawIpSocket s = RawIpSocket.open(VrrpPacket.IP_PROTOCOL);
        RawIpSocket a = null;
        try {
            s.bindToDevice(name);
            s.setHeaderIncluded(true);
            s.setMulticastInterface(index);
            s.setMulticastLoop(false);
            s.setMulticastTtl(VrrpPacket.TTL);
            a = RawIpSocket.open(VrrpPacket.AH_PROTOCOL);
            a.bindToDevice(name);
        } catch (NativeException e) {
            s.close();
            if (a != null) {
                a.close();
            }
            throw e;
        }
        vrrp = s;
        ah = a;
        fds = new int[] {vrrp.fd(), ah.fd()};
    }

    @Override
    public int[] fds() {
        return fds;
    }

    @Override
    public int receive(int socket, ByteBuffer buffer) throws NativeException {
        return (socket == 0 ? vrrp : ah).receive(buffer);
    }

    @Override
    public void send(ByteBuffer datagram, int destination) throws NativeException {
        vrrp.send(datagram, destination);
    }

    @Override
    public boolean batches() {
        return true;
    }

    @Override
    public void send(SendBatch batch, SendBatch.Refusal refusal) {
        batch.send(vrrp, refusal);
    }

    @Override
    public void setJoined(boolean join) throws NativeException {
        vrrp.setMember(Ipv4.VRRP_GROUP, index, join);
    }

    @Override
    public void close() {
        vrrp.close();
        ah.close();
    }
}
