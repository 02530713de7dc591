package org.vrrpd.vrrp.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.Test;
import org.vrrpd.kernel.EventFd;

public class EventLoopTest {
    /**
     * Under Karaf the JVM holds a hundred descriptors before the engine starts, so the loop's own
     * wake-up descriptor is numbered past its handler table: wake-ups must still run handlers and timers.
     */
    @Test
    public void aWakeUpDescriptorNumberedPastTheHandlerTableStillLetsTimersAndHandlersRun() throws Exception {
        List<EventFd> filler = new ArrayList<>();
        try (EventFd input = new EventFd()) {
            while (filler.size() < 200 && (filler.isEmpty() || filler.get(filler.size() - 1).fd() < 150)) {
                filler.add(new EventFd());
            }
            try (EventLoop loop = new EventLoop("test-loop")) {
                CountDownLatch fired = new CountDownLatch(1);
                CountDownLatch handled = new CountDownLatch(1);
                TimerHeap.Timer timer = new TimerHeap.Timer(fired::countDown);
                loop.post(() -> loop.schedule(timer, TimeUnit.MILLISECONDS.toNanos(10)));
                assertTrue("the timer fired", fired.await(3, TimeUnit.SECONDS));
                loop.post(() -> loop.register(input.fd(), () -> {
                    input.drain();
                    handled.countDown();
                }));
                input.signal();
                assertTrue("the handler of fd " + input.fd() + " ran", handled.await(3, TimeUnit.SECONDS));
                assertEquals("tasks, handlers and timers that threw", 0, loop.call(loop::failures).longValue());
            }
        } finally {
            filler.forEach(EventFd::close);
        }
    }
}
