package org.vrrpd.notify.fifo.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.BufferedReader;
import java.io.FileReader;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.vrrpd.api.vrrp.LowerPriorityAdvert;
import org.vrrpd.api.vrrp.PriorityChange;
import org.vrrpd.api.vrrp.StateChange;
import org.vrrpd.api.vrrp.VrrpState;

/** The notifier on a real named pipe. */
public class NotifyFifoWriterTest {
    @Rule
    public final TemporaryFolder temp = new TemporaryFolder();

    private record Config(String fifo, String script, String[] vrrp_instance, String[] priorityChanges) implements NotifyFifoConfig {
        Config(String fifo, String script, String[] vrrp_instance) {
            this(fifo, script, vrrp_instance, new String[0]);
        }

        @Override public Class<? extends java.lang.annotation.Annotation> annotationType() { return NotifyFifoConfig.class; }
        @Override public String user() { return null; }
        @Override public String group() { return null; }
        @Override public String syncGroups() { return null; }
    }

    private static StateChange master(String instance) {
        return new StateChange(instance, 51, VrrpState.BACKUP, VrrpState.MASTER, 150, "test", Instant.EPOCH);
    }

    @Test
    public void aReaderReceivesTheLinesOfItsInstances() throws Exception {
        Path fifo = temp.getRoot().toPath().resolve("notify");
        NotifyFifoWriter w = new NotifyFifoWriter();
        w.activate(new Config(fifo.toString(), null, new String[] {"VI_1"}));
        try (BufferedReader r = new BufferedReader(new FileReader(fifo.toFile()))) {
            w.stateChanged(master("VI_2"));
            w.stateChanged(master("VI_1"));
            assertEquals("INSTANCE \"VI_1\" MASTER 150", r.readLine());
        } finally {
            w.deactivate();
        }
        assertFalse("the FIFO it made is removed", Files.exists(fifo));
    }

    /** keepalived: priority lines only for instances with notify_priority_changes, MASTER_RX_LOWER_PRI for every instance it writes. */
    @Test
    public void priorityLinesAreWrittenForTheInstancesThatAskAndLowerAdvertLinesForAll() throws Exception {
        Path fifo = temp.getRoot().toPath().resolve("priorities");
        NotifyFifoWriter w = new NotifyFifoWriter();
        w.activate(new Config(fifo.toString(), null, new String[] {"*"}, new String[] {"VI_1, VI_3"}));
        try (BufferedReader r = new BufferedReader(new FileReader(fifo.toFile()))) {
            w.priorityChanged(new PriorityChange("VI_2", 52, VrrpState.MASTER, 150, 90, Instant.EPOCH));
            w.priorityChanged(new PriorityChange("VI_1", 51, VrrpState.MASTER, 150, 90, Instant.EPOCH));
            w.priorityChanged(new PriorityChange("VI_3", 53, VrrpState.FAULT, 100, 40, Instant.EPOCH));
            w.lowerPriorityAdvert(new LowerPriorityAdvert("VI_2", 52, InetAddress.getByName("192.0.2.2"), 100, 150, Instant.EPOCH));
            assertEquals("INSTANCE \"VI_1\" MASTER_PRIORITY 90", r.readLine());
            assertEquals("INSTANCE \"VI_3\" BACKUP_PRIORITY 40", r.readLine());
            assertEquals("INSTANCE \"VI_2\" MASTER_RX_LOWER_PRI 150", r.readLine());
        } finally {
            w.deactivate();
        }
    }

    @Test
    public void aFifoNobodyReadsNeverBlocksAndDropsAreCounted() throws Exception {
        Path fifo = temp.getRoot().toPath().resolve("unread");
        NotifyFifoWriter w = new NotifyFifoWriter();
        w.activate(new Config(fifo.toString(), null, new String[] {"*"}));
        long started = System.nanoTime();
        for (int i = 0; i < 10_000; i++) {
            w.stateChanged(master("VI_1"));
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertTrue("10,000 lines in " + millis + " ms", millis < 5000);
        assertTrue("a 64 KiB pipe holds about 2,400 lines, the rest dropped: " + w.dropped(), w.dropped() > 5000);
        w.deactivate();
        long dropped = w.dropped();
        w.stateChanged(master("VI_1"));
        assertEquals("a change told after deactivation writes nothing", dropped, w.dropped());
    }

    @Test
    public void theScriptIsStartedWithTheFifoAsItsLastArgument() throws Exception {
        Path fifo = temp.getRoot().toPath().resolve("scripted");
        Path out = temp.getRoot().toPath().resolve("out");
        Path script = Files.writeString(temp.getRoot().toPath().resolve("reader.sh"), "#!/bin/sh\nwhile read line; do echo \"$line\" >> " + out + "; done < \"$1\"\n");
        script.toFile().setExecutable(true);
        NotifyFifoWriter w = new NotifyFifoWriter();
        w.activate(new Config(fifo.toString(), script.toString(), new String[] {"*"}));
        try {
            w.stateChanged(master("VI_1"));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!(Files.exists(out) && Files.readString(out).contains("\n")) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(List.of("INSTANCE \"VI_1\" MASTER 150"), Files.readAllLines(out));
        } finally {
            w.deactivate();
        }
    }
}
