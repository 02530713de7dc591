package org.vrrpd.vrrp.internal;

import static org.junit.Assert.assertEquals;

import java.nio.ByteBuffer;
import org.junit.Test;

public class InterfaceChannelTest {
    /** A socket with {@code waiting} datagrams queued. */
    private static final class Backlog implements ChannelSockets {
        int waiting;

        @Override public int[] fds() { return new int[] {-1}; }
        @Override public int receive(int socket, ByteBuffer buffer) { return waiting-- > 0 ? 40 : -1; }
        @Override public void send(ByteBuffer datagram, int destination) { }
        @Override public void setJoined(boolean join) { }
        @Override public void close() { }
    }

    @Test
    public void aTurnReadsABoundedBatchSoThatTimersRunUnderAFlood() throws Exception {
        Backlog socket = new Backlog();
        socket.waiting = 1000;
        int[] received = new int[1];
        InterfaceChannel channel = new InterfaceChannel("eth0", 2, false, socket, (c, d, n) -> received[0]++, new SendBatches());
        channel.drain(0);
        assertEquals(InterfaceChannel.RECEIVE_BUDGET, received[0]);
        channel.drain(0);
        assertEquals("the rest waits for the next turn", 2 * InterfaceChannel.RECEIVE_BUDGET, received[0]);
    }
}
