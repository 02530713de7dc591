package org.vrrpd.kernel;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.BufferedReader;
import java.io.FileReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class NotifyFifoTest {
    @Rule
    public final TemporaryFolder temp = new TemporaryFolder();

    private static ByteBuffer line(String text) {
        byte[] b = text.getBytes(StandardCharsets.US_ASCII);
        return ByteBuffer.allocateDirect(b.length).put(b).flip();
    }

    @Test
    public void aPipeNobodyReadsFillsUpAndRefusesWritesWithoutBlocking() throws Exception {
        Path p = temp.getRoot().toPath().resolve("fifo");
        try (NotifyFifo fifo = NotifyFifo.open(p)) {
            assertTrue(fifo.created());
            int written = 0;
            long started = System.nanoTime();
            while (fifo.write(line("INSTANCE \"VI_1\" MASTER 150\n"))) {
                written++;
            }
            assertTrue("a 64 KiB pipe holds thousands: " + written, written > 1000);
            assertFalse("still full", fifo.write(line("INSTANCE \"VI_1\" MASTER 150\n")));
            assertTrue("never blocked", System.nanoTime() - started < 2_000_000_000L);
        }
        assertFalse("removed on close", Files.exists(p));
    }

    @Test
    public void aReaderGetsTheLinesAndAnExistingPipeIsKept() throws Exception {
        Path p = temp.getRoot().toPath().resolve("fifo");
        try (NotifyFifo first = NotifyFifo.open(p); NotifyFifo fifo = NotifyFifo.open(p)) {
            assertFalse(fifo.created());
            assertTrue(fifo.write(line("GROUP \"G1\" BACKUP 0\n")));
            try (BufferedReader r = new BufferedReader(new FileReader(p.toFile()))) {
                assertEquals("GROUP \"G1\" BACKUP 0", r.readLine());
            }
        }
    }
}
