package org.vrrpd.kernel;

import static org.vrrpd.kernel.internal.Linux.O_CLOEXEC;
import static org.vrrpd.kernel.internal.Linux.O_NOFOLLOW;
import static org.vrrpd.kernel.internal.Linux.O_NONBLOCK;
import static org.vrrpd.kernel.internal.Linux.O_RDWR;
import static org.vrrpd.kernel.internal.Native.LIBC;
import static org.vrrpd.kernel.internal.Native.check;
import static org.vrrpd.kernel.internal.Native.errno;

import java.io.Closeable;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * A named pipe written as keepalived writes its notify FIFO (lib/notify.c): created with mode 0644
 * unless it exists, opened read-write and non-blocking — so opening never waits for a reader and a
 * write never waits for one to read: when the pipe is full the write is refused at once. A write of
 * at most PIPE_BUF (4096) bytes goes in whole or not at all. A pipe this created is removed on close.
 */
public final class NotifyFifo implements Closeable {
    private static final int MODE = 0644;
    private final Path path;
    private final int fd;
    private final boolean created;
    private boolean closed;

    private NotifyFifo(Path path, int fd, boolean created) {
        this.path = path;
        this.fd = fd;
        this.created = created;
    }

    /** Creates the pipe if it is not there, and opens it. */
    public static NotifyFifo open(Path path) throws NativeException {
        String name = path.toString();
        boolean created = LIBC.mkfifo(name, MODE) == 0;
        if (!created && errno() != Errno.EEXIST) {
            throw new NativeException("mkfifo(" + name + ")", errno());
        }
        int fd = LIBC.open(name, O_RDWR | O_NONBLOCK | O_CLOEXEC | O_NOFOLLOW);
        if (fd < 0) {
            int err = errno();
            if (created) {
                LIBC.unlink(name);
            }
            throw new NativeException("open(" + name + ")", err);
        }
        return new NotifyFifo(path, fd, created);
    }

    public Path path() {
        return path;
    }

    /** Whether this created the pipe (and will remove it on close). */
    public boolean created() {
        return created;
    }

    /**
     * Writes the buffer's remaining bytes (a direct buffer); false when the pipe is full.
     *
     * @throws NativeException on any other failure
     */
    public boolean write(ByteBuffer line) throws NativeException {
        long n = LIBC.write(fd, line, line.remaining());
        if (n < 0) {
            if (errno() == Errno.EAGAIN) {
                return false;
            }
            check(n, "write(" + path + ")");
        }
        line.position(line.position() + (int) n);
        return !line.hasRemaining();
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            if (created) {
                LIBC.unlink(path.toString()); // first, so that a reader reopening it does not find it again
            }
            LIBC.close(fd);
        }
    }
}
