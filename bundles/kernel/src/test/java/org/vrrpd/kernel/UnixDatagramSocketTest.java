package org.vrrpd.kernel;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.Test;

/** Datagrams to a path and to an abstract name arrive whole, as systemd's notify socket needs them. */
public class UnixDatagramSocketTest {
    @Test
    public void aDatagramToAPathArrives() throws Exception {
        Path dir = Files.createTempDirectory("unix-dgram");
        String path = dir.resolve("notify").toString();
        try (UnixDatagramSocket receiver = UnixDatagramSocket.bound(path); UnixDatagramSocket sender = UnixDatagramSocket.open()) {
            sender.send(ascii("READY=1"), path);
            assertEquals("READY=1", receive(receiver));
        } finally {
            Files.deleteIfExists(dir.resolve("notify"));
            Files.delete(dir);
        }
    }

    @Test
    public void aDatagramToAnAbstractNameArrivesAndLeavesNoFile() throws Exception {
        String name = "@vrrpd-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
        try (UnixDatagramSocket receiver = UnixDatagramSocket.bound(name); UnixDatagramSocket sender = UnixDatagramSocket.open()) {
            sender.send(ascii("WATCHDOG=1"), name);
            sender.send(ascii("STOPPING=1"), name);
            assertEquals("WATCHDOG=1", receive(receiver));
            assertEquals("STOPPING=1", receive(receiver));
        }
        assertEquals(false, Files.exists(Path.of(name)));
    }

    @Test
    public void aMissingPeerIsANamedError() throws Exception {
        try (UnixDatagramSocket sender = UnixDatagramSocket.open()) {
            NativeException e = assertThrows(NativeException.class, () -> sender.send(ascii("READY=1"), "/nonexistent/notify"));
            assertEquals("sendto(AF_UNIX datagram, /nonexistent/notify): ENOENT (No such file or directory)", e.getMessage());
        }
    }

    @Test
    public void anAddressLongerThanSunPathIsRefused() throws Exception {
        try (UnixDatagramSocket sender = UnixDatagramSocket.open()) {
            assertThrows(IllegalArgumentException.class, () -> sender.send(ascii("x"), "/" + "a".repeat(110)));
        }
    }

    private static ByteBuffer ascii(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        return ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
    }

    private static String receive(UnixDatagramSocket socket) throws Exception {
        ByteBuffer buf = ByteBuffer.allocateDirect(256);
        int n = socket.receive(buf, 2000);
        assertEquals(true, n > 0);
        byte[] bytes = new byte[buf.remaining()];
        buf.get(bytes);
        return new String(bytes, StandardCharsets.US_ASCII);
    }
}
