package org.vrrpd.kernel;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.ByteBuffer;
import java.util.List;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.vrrpd.lab.NetLab;

/** The native layer end to end: a raw protocol-112 datagram crosses a real bridge between namespaces. */
public class RawIpAcrossNamespacesTest {
    private NetLab lab;
    private String r1;
    private String r2;

    @Before
    public void wire() {
        lab = NetLab.create();
        List<String> routers = lab.hostsOnBridge("r1=192.0.2.1/24", "r2=192.0.2.2/24");
        r1 = routers.get(0);
        r2 = routers.get(1);
    }

    @After
    public void unwire() {
        lab.close();
    }

    @Test
    public void multicastProtocol112CrossesTheBridgeWithTtl255() throws Exception {
        byte[] payload = {0x21, 51, (byte) 150, 1, 0, 1, 0, 0, (byte) 192, 0, 2, 100, 0, 0, 0, 0, 0, 0, 0, 0};
        try (RawIpSocket receiver = NetworkNamespace.call(r2, () -> {
                 RawIpSocket s = RawIpSocket.open(112);
                 s.bindToDevice("eth0");
                 s.joinGroup(Ipv4.VRRP_GROUP, IoctlSocket.nameToIndex("eth0"));
                 return s;
             });
             RawIpSocket sender = NetworkNamespace.call(r1, () -> {
                 RawIpSocket s = RawIpSocket.open(112);
                 s.bindToDevice("eth0");
                 s.setMulticastInterface(IoctlSocket.nameToIndex("eth0"));
                 s.setMulticastTtl(255);
                 s.setMulticastLoop(false);
                 return s;
             })) {
            ByteBuffer out = ByteBuffer.allocateDirect(64).put(payload).flip();
            sender.send(out, Ipv4.VRRP_GROUP);

            ByteBuffer in = ByteBuffer.allocateDirect(1500);
            int n = receiver.receive(in, 5000);
            assertEquals("IP header + payload", 20 + payload.length, n);
            assertEquals("TTL", 255, in.get(8) & 0xff);
            assertEquals("protocol", 112, in.get(9) & 0xff);
            assertEquals("source", Ipv4.parse("192.0.2.1"), in.getInt(12));
            assertEquals("destination", Ipv4.VRRP_GROUP, in.getInt(16));
            byte[] received = new byte[payload.length];
            in.get(20, received);
            assertArrayEquals(payload, received);

            assertEquals("loop is off: the sender hears nothing", -1, sender.receive(ByteBuffer.allocateDirect(1500), 200));
        }
    }

    @Test
    public void leavingTheGroupStopsDelivery() throws Exception {
        try (RawIpSocket receiver = NetworkNamespace.call(r2, () -> RawIpSocket.open(112));
             RawIpSocket sender = NetworkNamespace.call(r1, () -> RawIpSocket.open(112))) {
            int ifindex = NetworkNamespace.call(r2, () -> IoctlSocket.nameToIndex("eth0"));
            int senderIf = NetworkNamespace.call(r1, () -> IoctlSocket.nameToIndex("eth0"));
            sender.setMulticastInterface(senderIf);
            receiver.joinGroup(Ipv4.VRRP_GROUP, ifindex);
            sender.send(ByteBuffer.allocateDirect(8), Ipv4.VRRP_GROUP);
            assertTrue(receiver.receive(ByteBuffer.allocateDirect(1500), 5000) > 0);
            receiver.leaveGroup(Ipv4.VRRP_GROUP, ifindex);
            sender.send(ByteBuffer.allocateDirect(8), Ipv4.VRRP_GROUP);
            assertEquals(-1, receiver.receive(ByteBuffer.allocateDirect(1500), 300));
        }
    }

    @Test
    public void vethHasNoMiiButAnswersEthtoolLinkFollowingItsPeer() throws Exception {
        try (IoctlSocket io = NetworkNamespace.call(r1, IoctlSocket::open)) {
            try {
                io.miiPhyId("eth0");
                throw new AssertionError("veth has no MII transceiver");
            } catch (NativeException e) {
                assertEquals(e.getMessage(), Errno.EOPNOTSUPP, e.errno());
            }
            assertTrue("carrier while the bridge port is up", io.ethtoolLink("eth0"));
            lab.exec(lab.namespaceOf("br"), "ip", "link", "set", "p1", "down").check();
            assertEquals("no carrier once the peer is down", false, io.ethtoolLink("eth0"));
        }
    }

    @Test
    public void packetSocketSeesTheFrameOnTheOtherSide() throws Exception {
        try (PacketSocket receiver = NetworkNamespace.call(r2, () -> {
                 PacketSocket s = PacketSocket.open(PacketSocket.ETH_P_ARP);
                 s.bind(IoctlSocket.nameToIndex("eth0"));
                 return s;
             })) {
            byte[] mac = NetworkNamespace.call(r1, () -> {
                try (IoctlSocket io = IoctlSocket.open()) {
                    return io.hardwareAddress("eth0");
                }
            });
            ByteBuffer frame = ByteBuffer.allocateDirect(42);
            frame.put(new byte[] {-1, -1, -1, -1, -1, -1}).put(mac).putShort((short) 0x0806)
                    .putShort((short) 1).putShort((short) 0x0800).put((byte) 6).put((byte) 4).putShort((short) 1)
                    .put(mac).putInt(Ipv4.parse("192.0.2.100")).put(new byte[] {-1, -1, -1, -1, -1, -1})
                    .putInt(Ipv4.parse("192.0.2.100")).flip();
            try (PacketSocket sender = NetworkNamespace.call(r1, () -> PacketSocket.open(PacketSocket.ETH_P_ARP))) {
                int ifindex = NetworkNamespace.call(r1, () -> IoctlSocket.nameToIndex("eth0"));
                assertEquals(42, sender.send(frame, ifindex));
            }
            ByteBuffer in = ByteBuffer.allocateDirect(1514);
            assertEquals(42, receiver.receive(in, 5000));
            byte[] src = new byte[6];
            in.get(6, src);
            assertArrayEquals(mac, src);
            assertEquals(Ipv4.parse("192.0.2.100"), in.getInt(28));
        }
    }
}
