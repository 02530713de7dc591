package org.vrrpd.vrrp.internal;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import org.vrrpd.api.vrrp.VirtualAddress;
import org.vrrpd.api.vrrp.VrrpState;

/**
 * keepalived's vrrp_garp_interval: the gratuitous ARPs queued for one interface leave one at a
 * time, the next {@code garpInterval} (of the instance that queued it) after the one before, so a
 * switch that polices ARP is not flooded. Those of an instance that is no longer master are
 * dropped. Loop thread only.
 */
final class GarpPacer {
    private record Pending(VrrpInstance instance, VirtualAddress address) {
    }

    /** One interface's queue and its timer. */
    private final class Line {
        final ArrayDeque<Pending> queue = new ArrayDeque<>();
        final TimerHeap.Timer timer = new TimerHeap.Timer(this::next);

        void next() {
            Pending p = queue.poll();
            while (p != null && p.instance().state() != VrrpState.MASTER) {
                p = queue.poll();
            }
            if (p != null) {
                send.accept(p.instance().settings(), p.address());
                timers.schedule(timer, Timing.nanos(p.instance().settings().garpInterval()));
            }
        }
    }

    private final Timers timers;
    private final BiConsumer<InstanceSettings, VirtualAddress> send;
    private final Map<String, Line> lines = new HashMap<>();

    GarpPacer(Timers timers, BiConsumer<InstanceSettings, VirtualAddress> send) {
        this.timers = timers;
        this.send = send;
    }

    /** Sends at once if the interface's line is idle, else after those queued before. */
    void queue(VrrpInstance instance, VirtualAddress address) {
        String on = instance.settings().interfaceOf(address);
        Line line = lines.computeIfAbsent(on, k -> new Line());
        line.queue.add(new Pending(instance, address));
        if (!line.timer.isScheduled()) {
            line.next();
        }
    }
}
