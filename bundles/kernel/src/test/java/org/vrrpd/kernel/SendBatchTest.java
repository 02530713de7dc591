package org.vrrpd.kernel;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.vrrpd.lab.NetLab;

/** sendmmsg through a raw IPv4 socket with our own IP headers (as the engine sends adverts), across a bridge between namespaces. */
public class SendBatchTest {
    private static final int SOURCE = Ipv4.parse("192.0.2.1");
    private NetLab lab;
    private RawIpSocket sender;
    private RawIpSocket receiver;

    @Before
    public void wire() throws Exception {
        lab = NetLab.create();
        List<String> routers = lab.hostsOnBridge("r1=192.0.2.1/24", "r2=192.0.2.2/24");
        String r1 = routers.get(0);
        String r2 = routers.get(1);
        receiver = NetworkNamespace.call(r2, () -> {
            RawIpSocket s = RawIpSocket.open(112);
            s.bindToDevice("eth0");
            s.setMember(Ipv4.VRRP_GROUP, IoctlSocket.nameToIndex("eth0"), true);
            return s;
        });
        sender = NetworkNamespace.call(r1, () -> {
            RawIpSocket s = RawIpSocket.open(112);
            s.bindToDevice("eth0");
            s.setHeaderIncluded(true);
            s.setMulticastInterface(IoctlSocket.nameToIndex("eth0"));
            s.setMulticastLoop(false);
            return s;
        });
    }

    @After
    public void unwire() {
        if (sender != null) {
            sender.close();
        }
        if (receiver != null) {
            receiver.close();
        }
        lab.close();
    }

    /** An IPv4 header (the kernel fills in length and checksum) for the group, then a payload that numbers it. */
    private static ByteBuffer datagram(ByteBuffer reused, int number, int destination) {
        reused.clear().put((byte) 0x45).put((byte) 0).putShort((short) 28).putShort((short) (number + 1)).putShort((short) 0)
                .put((byte) 255).put((byte) 112).putShort((short) 0).putInt(SOURCE).putInt(destination).putInt(0x21000000 | number).putInt(number);
        return reused.flip();
    }

    @Test
    public void oneCallSendsTheWholeBatchInOrderAndTheCallerMayReuseItsBuffer() throws Exception {
        SendBatch batch = new SendBatch(8, 64);
        ByteBuffer reused = ByteBuffer.allocateDirect(64);
        List<String> refused = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            for (int i = 0; !batch.isFull(); i++) {
                batch.add(datagram(reused, round * 8 + i, Ipv4.VRRP_GROUP), Ipv4.VRRP_GROUP);
            }
            assertEquals(8, batch.send(sender, (i, d, to, errno) -> refused.add(Errno.name(errno))));
            assertEquals(0, batch.size());
        }
        assertEquals(List.of(), refused);
        assertEquals("one sendmmsg per batch", 3, batch.calls());
        ByteBuffer in = ByteBuffer.allocateDirect(1500);
        for (int k = 0; k < 24; k++) {
            assertEquals("datagram " + k, 28, receiver.receive(in.clear(), 5000));
            assertEquals("in the order queued", k, in.getInt(24));
            assertEquals(SOURCE, in.getInt(12));
            assertEquals(255, in.get(8) & 0xff);
        }
        assertEquals("nothing more", -1, receiver.receive(in.clear(), 200));
    }

    /** The kernel reports a refused datagram on the call after the one that sent those before it: the rest still leave. */
    @Test
    public void aRefusedDatagramIsReportedAndTheOthersStillLeave() throws Exception {
        SendBatch batch = new SendBatch(4, 64);
        ByteBuffer reused = ByteBuffer.allocateDirect(64);
        batch.add(datagram(reused, 0, Ipv4.VRRP_GROUP), Ipv4.VRRP_GROUP);
        batch.add(reused.clear().put(new byte[10]).flip(), Ipv4.VRRP_GROUP); // shorter than an IP header: EINVAL
        batch.add(datagram(reused, 2, Ipv4.VRRP_GROUP), Ipv4.VRRP_GROUP);
        assertFalse(batch.fits(65));
        List<String> refused = new ArrayList<>();
        assertEquals(2, batch.send(sender, (i, d, to, errno) -> refused.add(i + ": " + d.remaining() + " bytes to " + Ipv4.toString(to) + ": " + Errno.name(errno))));
        assertEquals(List.of("1: 10 bytes to 224.0.0.18: EINVAL"), refused);
        ByteBuffer in = ByteBuffer.allocateDirect(1500);
        assertTrue(receiver.receive(in.clear(), 5000) > 0);
        assertEquals(0, in.getInt(24));
        assertTrue(receiver.receive(in.clear(), 5000) > 0);
        assertEquals(2, in.getInt(24));
    }
}
