package org.vrrpd.kernel;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.Test;
import org.vrrpd.kernel.internal.NativeCheckCommand;

public class NativeLayerTest {
    @Test
    public void errnoBecomesATypedExceptionNamingTheCall() throws Exception {
        try (IoctlSocket socket = IoctlSocket.open()) {
            socket.interfaceIndex("nosuchdev0");
            fail("an unknown interface must fail");
        } catch (NativeException e) {
            assertEquals(Errno.ENODEV, e.errno());
            assertEquals("ioctl(SIOCGIFINDEX, nosuchdev0): ENODEV (No such device)", e.getMessage());
        }
    }

    @Test
    public void loopbackIsIndexOne() throws Exception {
        try (IoctlSocket socket = IoctlSocket.open()) {
            assertEquals(1, socket.interfaceIndex("lo"));
            assertEquals(1, IoctlSocket.nameToIndex("lo"));
            assertTrue("lo is up", (socket.interfaceFlags("lo") & 0x1) != 0);
        }
    }

    @Test
    public void nativeCheckPassesAsRoot() {
        String report = new NativeCheckCommand().check();
        assertTrue(report, report.endsWith("native check OK"));
        assertTrue(report, report.contains("RTM_GETLINK dump"));
    }

    @Test
    public void receiveOnAnEmptySocketReturnsMinusOneWithoutBlocking() throws Exception {
        try (RawIpSocket socket = RawIpSocket.open(112)) {
            socket.bindToDevice("lo");
            ByteBuffer buf = ByteBuffer.allocateDirect(1500);
            assertEquals(-1, socket.receive(buf));
            assertEquals(-1, socket.receive(buf, 50));
        }
    }

    @Test
    public void rawSocketLoopsBackToItselfHonouringBufferPositions() throws Exception {
        try (RawIpSocket socket = RawIpSocket.open(253)) { // 253: reserved for experimentation (RFC 3692)
            socket.bindToDevice("lo");
            ByteBuffer out = ByteBuffer.allocateDirect(64);
            out.position(10).put(new byte[] {1, 2, 3, 4, 5}).flip().position(10);
            assertEquals(5, socket.send(out, Ipv4.parse("127.0.0.1")));
            ByteBuffer in = ByteBuffer.allocateDirect(128).order(ByteOrder.BIG_ENDIAN);
            in.position(7);
            int n = socket.receive(in, 2000);
            assertEquals("20-byte IP header + 5 payload bytes", 25, n);
            assertEquals(7 + 25, in.limit());
            assertEquals(0x45, in.get(7) & 0xff);
            assertEquals(253, in.get(7 + 9) & 0xff);
            assertEquals(5, in.get(7 + 24));
        }
    }

    @Test
    public void ipv4RoundTrips() {
        int a = Ipv4.parse("192.0.2.100");
        assertEquals(0xC0000264, a);
        assertEquals("192.0.2.100", Ipv4.toString(a));
        assertEquals(a, Ipv4.toInt(Ipv4.toInet(a)));
        for (String bad : new String[] {"192.0.2", "192.0.2.256", "a.b.c.d", "1..2.3", "example.org"}) {
            try {
                Ipv4.parse(bad);
                fail(bad);
            } catch (IllegalArgumentException expected) {
                assertTrue(expected.getMessage().contains(bad));
            }
        }
    }
}
