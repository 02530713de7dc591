package org.vrrpd.vrrp.internal;

import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vrrpd.kernel.EventFd;
import org.vrrpd.kernel.NativeException;
import org.vrrpd.kernel.Poller;

/**
 * The engine's single thread, like keepalived's scheduler: it polls every socket, runs the timers
 * and executes tasks posted by other threads (configuration, link and interface events). All
 * instance state belongs to it, so the advert path takes no locks.
 */
final class EventLoop implements Timers, Descriptors, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EventLoop.class);

    private final Poller poller = new Poller(16);
    /** The wake-up descriptor is polled first, and never removed: its slot stays 0. */
    private static final int WAKEUP_SLOT = 0;
    private final EventFd wakeup;
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final TimerHeap timers = new TimerHeap();
    private final SendBatches sends = new SendBatches();
    /** Made once: a method reference written in the loop would be a new object every turn. */
    private final Consumer<RuntimeException> onTimerFailure = this::failed;
    private ReadHandler[] handlers = new ReadHandler[64];
    private final Thread thread;
    private volatile boolean running = true;
    /** Tasks, handlers and timers that threw; each is also logged, and the loop runs on. */
    private volatile long failures;

    EventLoop(String name) throws NativeException {
        wakeup = new EventFd();
        poller.add(wakeup.fd());
        thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    boolean inLoop() {
        return Thread.currentThread() == thread;
    }

    /** Runs {@code task} on the loop thread, soon; safe from any thread. */
    void post(Runnable task) {
        tasks.add(task);
        wakeup.signal();
    }

    /** Runs {@code task} on the loop thread and waits for its result (at once if already there). */
    <T> T call(Callable<T> task) throws Exception {
        if (inLoop()) {
            return task.call();
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        post(() -> {
            try {
                result.complete(task.call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        try {
            return result.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception ? (Exception) e.getCause() : e;
        } catch (TimeoutException e) {
            throw new IllegalStateException("the VRRP event loop did not answer within 10 s", e);
        }
    }

    @Override
    public long now() {
        return System.nanoTime();
    }

    @Override
    public void schedule(TimerHeap.Timer timer, long delayNanos) {
        timers.schedule(timer, now() + delayNanos);
    }

    @Override
    public void schedule(TimerHeap.Timer timer, long delayNanos, long earlyNanos) {
        timers.schedule(timer, now() + delayNanos, earlyNanos);
    }

    @Override
    public void scheduleAt(TimerHeap.Timer timer, long deadline, long earlyNanos) {
        timers.schedule(timer, deadline, earlyNanos);
    }

    @Override
    public void scheduleAdvert(TimerHeap.Timer timer, long deadline, long earlyNanos) {
        timers.scheduleCounted(timer, deadline, earlyNanos);
    }

    @Override
    public int advertsDueAt(long deadline) {
        return timers.loadAt(deadline);
    }

    /** Where the channels queue the adverts of the timers' turn. */
    SendBatches sends() {
        return sends;
    }

    @Override
    public void cancel(TimerHeap.Timer timer) {
        timers.cancel(timer);
    }

    @Override
    public void register(int fd, ReadHandler handler) {
        if (fd >= handlers.length) {
            handlers = Arrays.copyOf(handlers, Math.max(fd + 1, handlers.length * 2));
        }
        handlers[fd] = handler;
        poller.add(fd);
    }

    @Override
    public void unregister(int fd) {
        poller.remove(fd);
        handlers[fd] = null;
    }

    /** The wake-up descriptor has none (it is drained above), and any descriptor may be numbered past the table. */
    private ReadHandler handlerOf(int fd) {
        return fd < handlers.length ? handlers[fd] : null;
    }

    /**
     * One turn: tasks, then each ready descriptor once (a handler reads a bounded batch, so a flood
     * cannot hold the timers back: poll is level-triggered and reports the rest next turn), then the
     * due timers, whose adverts leave together at the end ({@link SendBatches}). Each of them is
     * guarded on its own: one that throws is logged and the rest run.
     */
    private void run() {
        while (running) {
            try {
                poller.pollNanos(pollTimeoutNanos());
            } catch (NativeException e) {
                failed(e);
            }
            if (poller.ready(WAKEUP_SLOT)) { // a read that finds nothing would cost a system call per turn
                wakeup.drain();
            }
            for (Runnable task; (task = tasks.poll()) != null; ) {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    failed(e);
                }
            }
            for (int slot = 0; slot < poller.size(); slot++) {
                if (poller.ready(slot)) {
                    ReadHandler handler = handlerOf(poller.fdAt(slot));
                    if (handler != null) {
                        try {
                            handler.readable();
                        } catch (RuntimeException e) {
                            failed(e);
                        }
                    }
                }
            }
            sends.open();
            timers.fireDue(now(), onTimerFailure);
            sends.flush();
        }
    }

    private void failed(Exception e) {
        failures++;
        LOG.error("VRRP event loop: {}", e.toString(), e);
    }

    long failures() {
        return failures;
    }

    /** Until the next timer, to the nanosecond (ppoll), in two sleeps when it is far ({@link Timing#sleepNanos}): a due timer is neither polled early nor left to the kernel's slack. */
    private long pollTimeoutNanos() {
        long next = timers.nextDeadline();
        if (next == Long.MAX_VALUE) {
            return -1;
        }
        return Timing.sleepNanos(next - now());
    }

    /** Stops after the tasks already posted have run; call from outside the loop. */
    @Override
    public void close() {
        post(() -> running = false);
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        wakeup.close();
    }
}
