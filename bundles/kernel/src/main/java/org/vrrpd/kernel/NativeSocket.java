package org.vrrpd.kernel;

import static org.vrrpd.kernel.internal.Linux.*;
import static org.vrrpd.kernel.internal.Native.LIBC;
import static org.vrrpd.kernel.internal.Native.check;

import java.io.Closeable;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import jnr.ffi.byref.IntByReference;
import org.vrrpd.kernel.internal.Native;

/**
 * A non-blocking socket file descriptor. {@link #receive} returns -1 instead of blocking; wait with
 * {@link #awaitReadable} or a {@link Poller}. Not thread-safe.
 */
public abstract class NativeSocket implements Closeable {
    private final int fd;
    private final int protocol;
    private final String description;
    /** Scratch space for socket options and addresses, so that no call allocates. */
    protected final ByteBuffer scratch = ByteBuffer.allocateDirect(64).order(ByteOrder.nativeOrder());
    private volatile boolean closed;

    protected NativeSocket(int domain, int type, int protocol, String description) throws NativeException {
        this.fd = check(LIBC.socket(domain, type | SOCK_NONBLOCK | SOCK_CLOEXEC, protocol), "socket(" + description + ")");
        this.protocol = protocol;
        this.description = description;
    }

    public int fd() {
        return fd;
    }

    /** The protocol the socket was opened for (an IP protocol number for raw IP sockets). */
    public int protocol() {
        return protocol;
    }

    public boolean isOpen() {
        return !closed;
    }

    /** Receives and sends only through {@code interfaceName} (SO_BINDTODEVICE). */
    public void bindToDevice(String interfaceName) throws NativeException {
        byte[] name = interfaceName.getBytes(StandardCharsets.US_ASCII);
        if (name.length >= IFNAMSIZ) {
            throw new IllegalArgumentException("interface name too long: " + interfaceName);
        }
        scratch.clear().put(name).put((byte) 0);
        setOption(SOL_SOCKET, SO_BINDTODEVICE, scratch, name.length + 1, "SO_BINDTODEVICE=" + interfaceName);
    }

    /** Sets SO_RCVBUF, or SO_RCVBUFFORCE (which ignores rmem_max and needs CAP_NET_ADMIN) when {@code force}. */
    public void setReceiveBufferSize(int bytes, boolean force) throws NativeException {
        setIntOption(SOL_SOCKET, force ? SO_RCVBUFFORCE : SO_RCVBUF, bytes, force ? "SO_RCVBUFFORCE" : "SO_RCVBUF");
    }

    /** The kernel's SO_RCVBUF value (twice what was asked, for bookkeeping overhead). */
    public int receiveBufferSize() throws NativeException {
        return getIntOption(SOL_SOCKET, SO_RCVBUF, "SO_RCVBUF");
    }

    /**
     * Receives one datagram into {@code buf} from its position. Returns its full length, which may be
     * more than fitted (then the datagram was truncated), or -1 if none is waiting. On success the
     * limit is set to the end of what was stored.
     */
    public int receive(ByteBuffer buf) throws NativeException {
        int start = buf.position();
        long n = LIBC.recvfrom(fd, buf, buf.remaining(), MSG_TRUNC, null, null);
        if (n < 0) {
            int errno = Native.errno();
            if (errno == Errno.EAGAIN || errno == Errno.EINTR) {
                return -1;
            }
            throw new NativeException("recvfrom(" + description + ")", errno);
        }
        buf.limit(start + (int) Math.min(n, buf.remaining()));
        return (int) n;
    }

    /** Waits up to {@code timeoutMillis} (-1 forever) for something to read; false on time-out. */
    public boolean awaitReadable(int timeoutMillis) throws NativeException {
        ByteBuffer pollfd = scratch.clear().putInt(0, fd).putShort(4, POLLIN).putShort(6, (short) 0);
        int n = LIBC.poll(pollfd, 1, timeoutMillis);
        if (n < 0) {
            if (Native.errno() == Errno.EINTR) {
                return false;
            }
            check(n, "poll(" + description + ")");
        }
        return n > 0;
    }

    /** Receives one datagram, waiting up to {@code timeoutMillis}; -1 if none came. */
    public int receive(ByteBuffer buf, int timeoutMillis) throws NativeException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        for (;;) {
            int n = receive(buf);
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (n >= 0 || left <= 0) {
                return n;
            }
            awaitReadable((int) left);
        }
    }

    protected void setIntOption(int level, int option, int value, String name) throws NativeException {
        scratch.clear().putInt(0, value);
        check(LIBC.setsockopt(fd, level, option, scratch, 4), "setsockopt(" + description + ", " + name + "=" + value + ")");
    }

    protected void setOption(int level, int option, ByteBuffer value, int length, String name) throws NativeException {
        check(LIBC.setsockopt(fd, level, option, value, length), "setsockopt(" + description + ", " + name + ")");
    }

    protected int getIntOption(int level, int option, String name) throws NativeException {
        IntByReference length = new IntByReference(4);
        check(LIBC.getsockopt(fd, level, option, scratch.clear(), length), "getsockopt(" + description + ", " + name + ")");
        return scratch.getInt(0);
    }

    protected void bind(ByteBuffer address, int length, String what) throws NativeException {
        check(LIBC.bind(fd, address, length), "bind(" + description + ", " + what + ")");
    }

    /**
     * Sends the bytes from position to limit and advances the position. Returns the count sent, or
     * minus the errno, so that callers build an error message only when there is an error.
     */
    protected int sendOrErrno(ByteBuffer buf, ByteBuffer address, int addressLength) {
        long n = LIBC.sendto(fd, buf, buf.remaining(), 0, address, addressLength);
        if (n < 0) {
            return -Native.errno();
        }
        buf.position(buf.position() + (int) n);
        return (int) n;
    }

    protected String description() {
        return description;
    }

    /** Closes the descriptor once; later calls do nothing. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            LIBC.close(fd);
        }
    }

    @Override
    public String toString() {
        return description + " fd " + fd;
    }
}
