package org.vrrpd.arp.internal;

import java.io.IOException;
import java.net.Inet4Address;
import java.nio.ByteBuffer;
import org.osgi.service.component.annotations.Component;
import org.vrrpd.api.arp.GratuitousArpSender;
import org.vrrpd.api.net.MacAddress;
import org.vrrpd.kernel.PacketSocket;

/** Sends gratuitous ARP ({@link GarpFrame}) from one send-only AF_PACKET socket shared by all interfaces. */
@Component
public class ArpSender extends FrameSender implements GratuitousArpSender {
    public ArpSender() {
        super(PacketSocket.ETH_P_ARP, GarpFrame.LENGTH);
    }

    @Override
    public synchronized void announce(int interfaceIndex, MacAddress sender, Inet4Address address) throws IOException {
        GarpFrame.write(frame, sender.toBytes(), ByteBuffer.wrap(address.getAddress()).getInt());
        send(interfaceIndex);
    }
}
