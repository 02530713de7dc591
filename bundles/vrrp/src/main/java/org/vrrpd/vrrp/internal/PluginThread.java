package org.vrrpd.vrrp.internal;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thread one plug-in (a Checker or Notifier service) is called on, so that plug-in code —
 * untrusted — never runs on the event loop: one that blocks holds up only its own calls, one that
 * throws is logged. Calls queue up to a bound; beyond it they are dropped and counted rather than
 * letting a stuck plug-in grow the heap.
 */
final class PluginThread {
    private static final Logger LOG = LoggerFactory.getLogger(PluginThread.class);
    static final int QUEUE_BOUND = 10_000;

    private final String label;
    private final BlockingQueue<Runnable> calls = new ArrayBlockingQueue<>(QUEUE_BOUND);
    private final Thread thread;
    private volatile boolean running = true;
    /** Written by the event loop only, which is where calls are submitted from. */
    private long dropped;

    PluginThread(String kind, String label) {
        this.label = label;
        thread = new Thread(this::run, "vrrpd-" + kind + "-" + label);
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues {@code call}; false (and counted) if the plug-in is that far behind. */
    boolean submit(Runnable call) {
        if (calls.offer(call)) {
            return true;
        }
        if (dropped++ % QUEUE_BOUND == 0) {
            LOG.warn("{} is {} calls behind; dropping calls to it ({} so far)", label, QUEUE_BOUND, dropped);
        }
        return false;
    }

    /** Lets the queued calls run, then ends, without waiting for that. */
    void finish() {
        running = false;
        calls.offer(() -> { }); // wakes the thread if it waits for work
    }

    /** {@link #finish()}, waiting at most {@code millis} (> 0); a plug-in still blocked then is left to itself. */
    void stop(long millis) {
        finish();
        try {
            thread.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        while (running || !calls.isEmpty()) {
            Runnable call;
            try {
                call = calls.poll(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (call == null) {
                continue;
            }
            try {
                call.run();
            } catch (RuntimeException | LinkageError e) {
                LOG.warn("{} failed: {}", label, e.toString());
            }
        }
    }
}
