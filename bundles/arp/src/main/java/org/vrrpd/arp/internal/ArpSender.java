package org.vrrpd.arp.internal;

import java.io.IOException;
import java.net.Inet4Address;
import java.nio.ByteBuffer;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.vrrpd.api.arp.GratuitousArpSender;
import org.vrrpd.api.net.MacAddress;
import org.vrrpd.kernel.NativeException;
import org.vrrpd.kernel.PacketSocket;

/** Sends gratuitous ARP from one send-only AF_PACKET socket shared by all interfaces. */
@Component
public class ArpSender implements GratuitousArpSender {
    private PacketSocket socket;
    private final ByteBuffer frame = ByteBuffer.allocateDirect(GarpFrame.LENGTH);

    @Activate
    void activate() throws NativeException {
        socket = PacketSocket.sender(PacketSocket.ETH_P_ARP);
    }

    @Deactivate
    synchronized void deactivate() {
        socket.close();
    }

    @Override
    public synchronized void announce(int interfaceIndex, MacAddress sender, Inet4Address address) throws IOException {
        GarpFrame.write(frame, sender.toBytes(), ByteBuffer.wrap(address.getAddress()).getInt());
        socket.send(frame, interfaceIndex);
    }
}
