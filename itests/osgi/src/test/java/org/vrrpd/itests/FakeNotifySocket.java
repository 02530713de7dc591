package org.vrrpd.itests;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.vrrpd.kernel.NativeException;
import org.vrrpd.kernel.UnixDatagramSocket;

/**
 * systemd's side of sd_notify(3) for a test: a datagram socket at a path (a path, not an abstract
 * name, because the daemon runs in another network namespace) that records every message with the
 * time it arrived.
 */
final class FakeNotifySocket implements AutoCloseable {
    /** One notification: its text (e.g. "READY=1") and when it arrived (System.nanoTime). */
    record Message(String text, long nanos) {
    }

    private final Path path;
    private final UnixDatagramSocket socket;
    private final List<Message> messages = new ArrayList<>();
    private final Thread receiver;
    private volatile boolean open = true;

    FakeNotifySocket(Path path) throws NativeException {
        this.path = path;
        this.socket = UnixDatagramSocket.bound(path.toString());
        this.receiver = new Thread(this::receive, "fake-systemd-notify");
        receiver.setDaemon(true);
        receiver.start();
    }

    String path() {
        return path.toString();
    }

    private void receive() {
        ByteBuffer buf = ByteBuffer.allocateDirect(4096);
        while (open) {
            try {
                if (socket.receive(buf.clear(), 100) >= 0) {
                    byte[] bytes = new byte[buf.remaining()];
                    buf.get(bytes);
                    synchronized (messages) {
                        messages.add(new Message(new String(bytes, StandardCharsets.UTF_8), System.nanoTime()));
                        messages.notifyAll();
                    }
                }
            } catch (NativeException e) {
                return; // closed
            }
        }
    }

    List<Message> messages() {
        synchronized (messages) {
            return List.copyOf(messages);
        }
    }

    /** The texts received so far, each message's first line only (RELOADING=1 carries MONOTONIC_USEC too). */
    List<String> firstLines() {
        return messages().stream().map(m -> m.text().lines().findFirst().orElse("")).toList();
    }

    /** Waits until {@code count} messages starting with {@code text} have arrived in all; false on time-out. */
    boolean await(String text, int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (messages) {
            while (messages.stream().filter(m -> m.text().startsWith(text)).count() < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                messages.wait(Math.max(1, left / 1_000_000));
            }
            return true;
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        open = false;
        receiver.join(2000);
        socket.close();
        Files.deleteIfExists(path);
    }
}
