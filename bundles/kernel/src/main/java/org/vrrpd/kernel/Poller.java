package org.vrrpd.kernel;

import static org.vrrpd.kernel.internal.Linux.*;
import static org.vrrpd.kernel.internal.Native.LIBC;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.vrrpd.kernel.internal.Native;

/**
 * poll(2) over a set of descriptors, for an event loop: one array of struct pollfd reused for
 * every call, so waiting does not allocate. Not thread-safe.
 */
public final class Poller {
    private static final int POLLFD_SIZE = 8;
    private final ByteBuffer timespec = ByteBuffer.allocateDirect(16).order(ByteOrder.nativeOrder());
    private ByteBuffer pollfds;
    private int count;

    public Poller(int initialCapacity) {
        pollfds = ByteBuffer.allocateDirect(Math.max(1, initialCapacity) * POLLFD_SIZE).order(ByteOrder.nativeOrder());
    }

    /** Watches {@code fd} for input; returns its slot. */
    public int add(int fd) {
        if ((count + 1) * POLLFD_SIZE > pollfds.capacity()) {
            ByteBuffer bigger = ByteBuffer.allocateDirect(pollfds.capacity() * 2).order(ByteOrder.nativeOrder());
            bigger.put(pollfds.clear());
            pollfds = bigger;
        }
        int slot = count++;
        pollfds.putInt(slot * POLLFD_SIZE, fd).putShort(slot * POLLFD_SIZE + 4, POLLIN).putShort(slot * POLLFD_SIZE + 6, (short) 0);
        return slot;
    }

    /** Stops watching {@code fd}; the last slot moves into its place. */
    public void remove(int fd) {
        for (int slot = 0; slot < count; slot++) {
            if (fdAt(slot) == fd) {
                count--;
                pollfds.putLong(slot * POLLFD_SIZE, pollfds.getLong(count * POLLFD_SIZE));
                return;
            }
        }
    }

    public int size() {
        return count;
    }

    public int fdAt(int slot) {
        return pollfds.getInt(slot * POLLFD_SIZE);
    }

    /** Waits up to {@code timeoutMillis} (-1: forever); returns how many slots are ready (0 on EINTR). */
    public int poll(int timeoutMillis) throws NativeException {
        return pollNanos(timeoutMillis < 0 ? -1 : timeoutMillis * 1_000_000L);
    }

    /**
     * Waits up to {@code timeoutNanos} (negative: forever) with ppoll(2), so that a timer is not
     * rounded up to the next millisecond; returns how many slots are ready (0 on EINTR).
     */
    public int pollNanos(long timeoutNanos) throws NativeException {
        ByteBuffer timeout = null;
        if (timeoutNanos >= 0) {
            timeout = timespec.putLong(0, timeoutNanos / 1_000_000_000L).putLong(8, timeoutNanos % 1_000_000_000L);
        }
        int n = LIBC.ppoll(pollfds.clear(), count, timeout, null);
        if (n < 0) {
            if (Native.errno() == Errno.EINTR) {
                return 0;
            }
            throw new NativeException("ppoll(" + count + " fds)", Native.errno());
        }
        return n;
    }

    /** Whether the last poll found input (or an error or hang-up, which a read will report) on the slot. */
    public boolean ready(int slot) {
        return (pollfds.getShort(slot * POLLFD_SIZE + 6) & (POLLIN | POLLERR | POLLHUP | POLLNVAL)) != 0;
    }
}
