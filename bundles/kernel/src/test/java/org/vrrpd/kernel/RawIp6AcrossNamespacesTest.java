package org.vrrpd.kernel;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.vrrpd.lab.NetLab;

/** IPv6 raw protocol 112 between namespaces: the header the socket rebuilds on receipt, and the one it takes on send. */
public class RawIp6AcrossNamespacesTest {
    private static final byte[] GROUP = {(byte) 0xff, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x12};

    private NetLab lab;
    private String r1;
    private String r2;
    private byte[] r1LinkLocal;

    @Before
    public void wire() throws Exception {
        lab = NetLab.create();
        List<String> routers = lab.hostsOnBridge("r1", "r2");
        r1 = routers.get(0);
        r2 = routers.get(1);
        r1LinkLocal = InetAddress.getByName(lab.enableIpv6(r1, "eth0")).getAddress();
        lab.enableIpv6(r2, "eth0");
    }

    @After
    public void unwire() {
        lab.close();
    }

    @Test
    public void multicastProtocol112CrossesTheBridgeWithHopLimit255FromTheLinkLocalAddress() throws Exception {
        byte[] payload = {0x31, 11, (byte) 150, 1, 0, 100, 0, 0, 0x20, 1, 0x0d, (byte) 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0x10};
        Inet6Address group = (Inet6Address) InetAddress.getByAddress(GROUP);
        try (RawIp6Socket receiver = NetworkNamespace.call(r2, () -> {
                 RawIp6Socket s = RawIp6Socket.open(112);
                 s.bindToDevice("eth0");
                 s.joinGroup(group, IoctlSocket.nameToIndex("eth0"));
                 return s;
             });
             RawIp6Socket sender = NetworkNamespace.call(r1, () -> {
                 RawIp6Socket s = RawIp6Socket.open(112);
                 s.bindToDevice("eth0");
                 s.setMulticastLoop(false);
                 s.setTrafficClass(0xc0);
                 return s;
             })) {
            int senderIndex = NetworkNamespace.call(r1, () -> IoctlSocket.nameToIndex("eth0"));
            ByteBuffer out = ByteBuffer.allocateDirect(128);
            out.putInt(0, 0x6000_0000).put(7, (byte) 255).put(8, r1LinkLocal).put(24, GROUP).position(40).put(payload).flip();
            // the kernel may still be joining the group: send until it arrives
            ByteBuffer in = ByteBuffer.allocateDirect(1500);
            int n = -1;
            for (int attempt = 0; attempt < 50 && n < 0; attempt++) {
                sender.send(out.position(0), senderIndex);
                n = receiver.receive(in.clear(), 100);
            }
            assertEquals("IPv6 header + payload", 40 + payload.length, n);
            assertEquals("version", 6, (in.get(0) & 0xff) >>> 4);
            assertEquals("payload length", payload.length, in.getShort(4));
            assertEquals("next header", 112, in.get(6) & 0xff);
            assertEquals("hop limit", 255, in.get(7) & 0xff);
            byte[] source = new byte[16];
            in.get(8, source);
            assertArrayEquals("source = the sender's link-local address", r1LinkLocal, source);
            byte[] destination = new byte[16];
            in.get(24, destination);
            assertArrayEquals(GROUP, destination);
            byte[] received = new byte[payload.length];
            in.get(40, received);
            assertArrayEquals(payload, received);

            assertEquals("loop is off: the sender hears nothing", -1, sender.receive(ByteBuffer.allocateDirect(1500), 200));
            receiver.leaveGroup(group, NetworkNamespace.call(r2, () -> IoctlSocket.nameToIndex("eth0")));
            sender.send(out.position(0), senderIndex);
            assertEquals("left the group: nothing arrives", -1, receiver.receive(in.clear(), 300));
        }
    }
}
