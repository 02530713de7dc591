package org.vrrpd.arp.internal;

import java.io.IOException;
import java.net.Inet6Address;
import java.nio.ByteBuffer;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.vrrpd.api.arp.NeighborAdvertisementSender;
import org.vrrpd.api.net.MacAddress;
import org.vrrpd.kernel.NativeException;
import org.vrrpd.kernel.PacketSocket;

/**
 * Sends unsolicited Neighbor Advertisements from one send-only AF_PACKET socket shared by all
 * interfaces: whole frames, so the source MAC is ours to choose (a virtual MAC too) and no netlink
 * or neighbour table is involved.
 */
@Component
public class NaSender implements NeighborAdvertisementSender {
    private PacketSocket socket;
    private final ByteBuffer frame = ByteBuffer.allocateDirect(NaFrame.LENGTH);

    @Activate
    void activate() throws NativeException {
        socket = PacketSocket.sender(PacketSocket.ETH_P_IPV6);
    }

    @Deactivate
    synchronized void deactivate() {
        socket.close();
    }

    @Override
    public synchronized void advertise(int interfaceIndex, MacAddress sender, Inet6Address address, boolean router) throws IOException {
        NaFrame.write(frame, sender.toBytes(), address.getAddress(), router);
        socket.send(frame, interfaceIndex);
    }
}
