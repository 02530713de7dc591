package org.vrrpd.kernel;

import static org.vrrpd.kernel.internal.Linux.AF_INET;
import static org.vrrpd.kernel.internal.Linux.htonl;
import static org.vrrpd.kernel.internal.Native.LIBC;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.vrrpd.kernel.internal.Native;

/**
 * Datagrams queued to leave together through one sendmmsg(2) on an IPv4 raw socket, each to its
 * own IPv4 destination. Each is copied into direct memory preallocated for {@code capacity} of
 * them, with its struct mmsghdr, iovec and sockaddr_in already laid out, so queuing makes no system
 * call and does not allocate, and the caller may reuse its buffer at once. Not thread-safe.
 */
public final class SendBatch {
    /** Told of each queued datagram the kernel refused. */
    public interface Refusal {
        /** The {@code index}th datagram queued; {@code datagram}: its copy, position 0 and limit its length, valid during the call only. */
        void refused(int index, ByteBuffer datagram, int destination, int errno);
    }

    // struct mmsghdr (x86_64 and aarch64): struct msghdr (56 bytes) then unsigned int msg_len, padded to 64
    private static final int MMSGHDR = 64;
    private static final int IOVEC = 16;
    private static final int SOCKADDR_IN = 16;

    private final int capacity;
    private final int slotBytes;
    private final ByteBuffer memory;
    private final int iovecs;
    private final int names;
    private final int data;
    /** The mmsghdr array from each message on, for a sendmmsg that resumes after a refused one. */
    private final ByteBuffer[] from;
    /** Each slot's bytes, its limit the queued datagram's length. */
    private final ByteBuffer[] slots;
    private final int[] destinations;
    private int size;
    private long calls;
    private long sent;

    /** Room for {@code capacity} datagrams of at most {@code slotBytes} bytes each (UIO_MAXIOV, 1024, is the kernel's limit per call). */
    public SendBatch(int capacity, int slotBytes) {
        if (capacity < 1 || capacity > 1024 || slotBytes < 1) {
            throw new IllegalArgumentException("capacity " + capacity + ", slot " + slotBytes + " bytes");
        }
        this.capacity = capacity;
        this.slotBytes = slotBytes;
        iovecs = capacity * MMSGHDR;
        names = iovecs + capacity * IOVEC;
        data = names + capacity * SOCKADDR_IN;
        memory = ByteBuffer.allocateDirect(data + capacity * slotBytes).order(ByteOrder.nativeOrder());
        long base = Native.address(memory);
        from = new ByteBuffer[capacity];
        slots = new ByteBuffer[capacity];
        destinations = new int[capacity];
        for (int i = 0; i < capacity; i++) {
            int header = i * MMSGHDR;
            int iovec = iovecs + i * IOVEC;
            int name = names + i * SOCKADDR_IN;
            memory.putLong(header, base + name).putInt(header + 8, SOCKADDR_IN).putInt(header + 12, 0)
                    .putLong(header + 16, base + iovec).putLong(header + 24, 1) // msg_iov, msg_iovlen
                    .putLong(header + 32, 0).putLong(header + 40, 0).putLong(header + 48, 0).putLong(header + 56, 0);
            memory.putLong(iovec, base + data + (long) i * slotBytes).putLong(iovec + 8, 0);
            memory.putLong(name, 0).putLong(name + 8, 0).putShort(name, (short) AF_INET);
            from[i] = memory.slice(header, (capacity - i) * MMSGHDR).order(ByteOrder.nativeOrder());
            slots[i] = memory.slice(data + i * slotBytes, slotBytes);
        }
    }

    /** Whether a datagram of {@code length} bytes fits a slot; a longer one has to be sent on its own. */
    public boolean fits(int length) {
        return length <= slotBytes;
    }

    public boolean isFull() {
        return size == capacity;
    }

    public int size() {
        return size;
    }

    /** Queues a copy of the bytes from position to limit (the buffer is left as it was) for {@code destination}. */
    public void add(ByteBuffer datagram, int destination) {
        int length = datagram.remaining();
        if (isFull() || !fits(length)) {
            throw new IllegalStateException(isFull() ? "batch full (" + capacity + ")" : length + " bytes do not fit a slot of " + slotBytes);
        }
        int i = size++;
        slots[i].clear().put(0, datagram, datagram.position(), length).limit(length);
        memory.putLong(iovecs + i * IOVEC + 8, length);
        memory.putInt(names + i * SOCKADDR_IN + 4, htonl(destination));
        destinations[i] = destination;
    }

    /** The {@code i}th queued datagram (position 0, limit its length), for a socket that sends them one by one. */
    public ByteBuffer datagram(int i) {
        return slots[i].position(0);
    }

    public int destination(int i) {
        return destinations[i];
    }

    /** Forgets what was queued. */
    public void clear() {
        size = 0;
    }

    /**
     * Sends everything queued through {@code socket} in as few sendmmsg calls as the kernel allows
     * (one, unless it refuses one: it then reports the error on the next call, which starts at the
     * refused datagram), tells {@code refusal} of each refused one and empties the batch. Returns
     * how many left.
     */
    public int send(RawIpSocket socket, Refusal refusal) {
        int ok = 0;
        for (int i = 0; i < size;) {
            int n = LIBC.sendmmsg(socket.fd(), from[i], size - i, 0);
            calls++;
            if (n <= 0) {
                refusal.refused(i, datagram(i), destinations[i], n < 0 ? Native.errno() : Errno.EAGAIN);
                i++;
            } else {
                ok += n;
                i += n;
            }
        }
        sent += ok;
        size = 0;
        return ok;
    }

    /** sendmmsg calls made so far. */
    public long calls() {
        return calls;
    }

    /** Datagrams the kernel took so far. */
    public long sent() {
        return sent;
    }
}
