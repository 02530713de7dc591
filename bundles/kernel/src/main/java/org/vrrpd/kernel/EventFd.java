package org.vrrpd.kernel;

import static org.vrrpd.kernel.internal.Linux.*;
import static org.vrrpd.kernel.internal.Native.LIBC;
import static org.vrrpd.kernel.internal.Native.check;

import java.io.Closeable;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** An eventfd(2): lets other threads wake an event loop that waits in a {@link Poller}. */
public final class EventFd implements Closeable {
    private final int fd;
    private final ByteBuffer signalValue = ByteBuffer.allocateDirect(8).order(ByteOrder.nativeOrder()).putLong(0, 1);
    private final ByteBuffer drainBuffer = ByteBuffer.allocateDirect(8).order(ByteOrder.nativeOrder());
    private volatile boolean closed;

    public EventFd() throws NativeException {
        fd = check(LIBC.eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC), "eventfd");
    }

    public int fd() {
        return fd;
    }

    /** Wakes the loop; safe from any thread. */
    public void signal() {
        synchronized (signalValue) {
            LIBC.write(fd, signalValue.clear(), 8);
        }
    }

    /** Resets the counter; call from the loop after a wake-up. */
    public void drain() {
        LIBC.read(fd, drainBuffer.clear(), 8);
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            LIBC.close(fd);
        }
    }
}
