package org.vrrpd.kernel;

import static org.vrrpd.kernel.internal.Linux.*;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * An AF_UNIX/SOCK_DGRAM socket, which the JDK does not offer (it has Unix stream channels only):
 * what systemd's {@code $NOTIFY_SOCKET} takes. An address is a file system path, or, starting with
 * {@code @}, a name in the abstract namespace (the {@code @} stands for the leading NUL byte).
 */
public final class UnixDatagramSocket extends NativeSocket {
    /** sizeof(struct sockaddr_un): the family, then sun_path[108]. */
    private static final int SOCKADDR_UN = 110;
    private static final int MAX_PATH = SOCKADDR_UN - 2;

    private final ByteBuffer address = ByteBuffer.allocateDirect(SOCKADDR_UN).order(ByteOrder.nativeOrder());

    private UnixDatagramSocket() throws NativeException {
        super(AF_UNIX, SOCK_DGRAM, 0, "AF_UNIX datagram");
    }

    /** Opens an unbound socket, enough to send. */
    public static UnixDatagramSocket open() throws NativeException {
        return new UnixDatagramSocket();
    }

    /** Opens a socket that receives at {@code path} (e.g. a fake notify socket in a test). */
    public static UnixDatagramSocket bound(String path) throws NativeException {
        UnixDatagramSocket socket = new UnixDatagramSocket();
        try {
            socket.bind(socket.address, socket.fillAddress(path), path);
            return socket;
        } catch (NativeException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** Sends one datagram, position to limit, to {@code path}; never blocks (EAGAIN when the peer's queue is full). */
    public void send(ByteBuffer datagram, String path) throws NativeException {
        int n = sendOrErrno(datagram, address, fillAddress(path));
        if (n < 0) {
            throw new NativeException("sendto(" + description() + ", " + path + ")", -n);
        }
    }

    /** Writes struct sockaddr_un for {@code path} and returns its length as bind(2) and sendto(2) take it. */
    private int fillAddress(String path) {
        byte[] name = path.getBytes(StandardCharsets.UTF_8);
        boolean abstractName = path.startsWith("@");
        if (name.length == 0 || name.length > (abstractName ? MAX_PATH : MAX_PATH - 1)) {
            throw new IllegalArgumentException("not a Unix socket address (1.." + (MAX_PATH - 1) + " bytes): " + path);
        }
        address.clear();
        for (int i = 0; i < SOCKADDR_UN; i++) {
            address.put(i, (byte) 0);
        }
        address.putShort(0, (short) AF_UNIX);
        address.put(2, abstractName ? 0 : name[0]);
        address.put(3, name, 1, name.length - 1);
        // An abstract name is exactly its bytes (trailing NULs would be part of it); a path ends with its NUL.
        return 2 + name.length + (abstractName ? 0 : 1);
    }
}
