package org.vrrpd.netlink.internal;

import static org.vrrpd.netlink.internal.Rtnetlink.NLMSG_ERROR;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.vrrpd.api.net.InterfaceAddress;
import org.vrrpd.kernel.NativeException;
import org.vrrpd.kernel.NetlinkSocket;

/**
 * Lease renewals of addresses the mirror holds, many in one datagram, from a socket of their own
 * whose broadcasts the mirror's socket filters out in the kernel ({@link NetlinkSocket#ignoreMessagesFrom}):
 * a renewal changes nothing the mirror holds, and reading one broadcast per address per renewal
 * was most of the netlink thread's work. Only the last request of a datagram is acknowledged;
 * the others are answered only when refused. An address the kernel adds again (its lifetime ran
 * out just before) is not seen by the mirror until its next dump, so absent addresses must be
 * leased the usual way.
 */
final class QuietRenewals implements AutoCloseable {
    private static final int REPLY_TIMEOUT_MILLIS = 5000;

    private final NetlinkSocket socket;
    private final ByteBuffer datagram = ByteBuffer.allocateDirect(64 * 1024).order(ByteOrder.nativeOrder());
    private final ByteBuffer replies = ByteBuffer.allocateDirect(16 * 1024).order(ByteOrder.nativeOrder());

    QuietRenewals() throws NativeException {
        socket = NetlinkSocket.open(NetlinkSocket.NETLINK_ROUTE, 0);
    }

    /** The port id the mirror's socket is to ignore. */
    int portId() {
        return socket.portId();
    }

    /** Returns each request's errno, in order (0: renewed). One caller at a time. */
    synchronized int[] renew(AtomicInteger sequence, int index, List<InterfaceAddress> addresses, long lifetimeSeconds) throws IOException {
        int[] errors = new int[addresses.size()];
        for (int from = 0; from < addresses.size(); ) {
            int count = 0;
            for (int bytes = 0; from + count < addresses.size(); count++) {
                bytes += RtnlCodec.addressRequestLength(AddressChange.LEASE, addresses.get(from + count));
                if (bytes > datagram.capacity()) {
                    break;
                }
            }
            datagram.clear();
            int first = sequence.getAndAdd(count) + 1;
            for (int k = 0; k < count; k++) {
                RtnlCodec.putAddressRequest(datagram, AddressChange.LEASE, first + k, index, addresses.get(from + k), lifetimeSeconds,
                        k == count - 1);
            }
            socket.send(datagram.flip());
            awaitAnswers(first, count, errors, from);
            from += count;
        }
        return errors;
    }

    /** Reads until the last request's answer: the kernel answers in order, so every refusal before it has come. */
    private void awaitAnswers(int first, int count, int[] errors, int offset) throws IOException {
        boolean[] last = {false};
        while (!last[0]) {
            if (socket.receive(replies.clear(), REPLY_TIMEOUT_MILLIS) < 0) {
                throw new IOException("no answer from the kernel to " + count + " lease renewals within " + REPLY_TIMEOUT_MILLIS + " ms");
            }
            RtnlCodec.forEachMessage(replies, (type, flags, seq, payload) -> {
                int k = seq - first;
                if (type == NLMSG_ERROR && k >= 0 && k < count) { // anything else answers an earlier, abandoned batch
                    errors[offset + k] = RtnlCodec.errorCode(payload);
                    last[0] |= k == count - 1;
                }
            });
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
