package org.vrrpd.service.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vrrpd.kernel.NativeException;
import org.vrrpd.kernel.UnixDatagramSocket;

/**
 * sd_notify(3) without libsystemd: one datagram per state change to the socket systemd names in
 * {@code $NOTIFY_SOCKET} (a path, or {@code @name} in the abstract namespace). Without that
 * variable — not started by systemd, or not as {@code Type=notify} — every call does nothing.
 * Safe from any thread.
 */
final class SystemdNotifier implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SystemdNotifier.class);

    private final String socketPath;
    private final UnixDatagramSocket socket;
    private final ByteBuffer datagram = ByteBuffer.allocateDirect(256);
    /** The last failure logged, so that a peer gone away is reported once, not at every heartbeat. */
    private String lastFailure;

    private SystemdNotifier(String socketPath, UnixDatagramSocket socket) {
        this.socketPath = socketPath;
        this.socket = socket;
    }

    /** For the socket in {@code notifySocket} (the value of $NOTIFY_SOCKET), or a silent one when it is null or empty. */
    static SystemdNotifier forSocket(String notifySocket) throws NativeException {
        if (notifySocket == null || notifySocket.isEmpty()) {
            return new SystemdNotifier(null, null);
        }
        return new SystemdNotifier(notifySocket, UnixDatagramSocket.open());
    }

    boolean enabled() {
        return socket != null;
    }

    /** Sends {@code state}, e.g. "READY=1" or several "KEY=VALUE" lines; a failure is logged, never thrown. */
    synchronized void notify(String state) {
        if (socket == null) {
            return;
        }
        byte[] bytes = state.getBytes(StandardCharsets.UTF_8);
        try {
            socket.send(datagram.clear().put(bytes).flip(), socketPath);
            lastFailure = null;
        } catch (NativeException | RuntimeException e) {
            String failure = e.toString();
            if (!failure.equals(lastFailure)) {
                LOG.warn("systemd notify {} failed: {}", state.replace('\n', ' '), failure);
                lastFailure = failure;
            }
        }
    }

    @Override
    public synchronized void close() {
        if (socket != null) {
            socket.close();
        }
    }
}
