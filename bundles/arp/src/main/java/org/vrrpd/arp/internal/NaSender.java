package org.vrrpd.arp.internal;

import java.io.IOException;
import java.net.Inet6Address;
import org.osgi.service.component.annotations.Component;
import org.vrrpd.api.arp.NeighborAdvertisementSender;
import org.vrrpd.api.net.MacAddress;
import org.vrrpd.kernel.PacketSocket;

/** Sends unsolicited Neighbor Advertisements ({@link NaFrame}) from one send-only AF_PACKET socket shared by all interfaces. */
@Component
public class NaSender extends FrameSender implements NeighborAdvertisementSender {
    public NaSender() {
        super(PacketSocket.ETH_P_IPV6, NaFrame.LENGTH);
    }

    @Override
    public synchronized void advertise(int interfaceIndex, MacAddress sender, Inet6Address address, boolean router) throws IOException {
        NaFrame.write(frame, sender.toBytes(), address.getAddress(), router);
        send(interfaceIndex);
    }
}
