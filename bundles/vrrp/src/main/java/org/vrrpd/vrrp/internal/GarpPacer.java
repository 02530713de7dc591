package org.vrrpd.vrrp.internal;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import org.vrrpd.api.vrrp.VirtualAddress;
import org.vrrpd.api.vrrp.VrrpState;

/**
 * keepalived's vrrp_garp_interval and vrrp_gna_interval: the gratuitous ARPs queued for one
 * interface leave one at a time, the next {@code garpInterval} (of the instance that queued it)
 * after the one before, so a switch that polices ARP is not flooded; its unsolicited Neighbor
 * Advertisements likewise on a line of their own, {@code gnaInterval} apart (keepalived keeps a
 * next time for each). An interval of 0 sends at once. Those of an instance that is no longer
 * master are dropped. Loop thread only.
 */
final class GarpPacer {
    private record Pending(VrrpInstance instance, VirtualAddress address) {
    }

    /** One interface's queue of one kind (ARP or NA) and its timer. */
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
                timers.schedule(timer, Timing.nanos(p.instance().settings().announceInterval(p.address())));
            }
        }
    }

    private final Timers timers;
    private final BiConsumer<InstanceSettings, VirtualAddress> send;
    private final Map<String, Line> arpLines = new HashMap<>();
    private final Map<String, Line> naLines = new HashMap<>();

    GarpPacer(Timers timers, BiConsumer<InstanceSettings, VirtualAddress> send) {
        this.timers = timers;
        this.send = send;
    }

    /** Sends at once if its interval is 0 or the interface's line is idle, else after those queued before. */
    void queue(VrrpInstance instance, VirtualAddress address) {
        InstanceSettings s = instance.settings();
        if (s.announceInterval(address).signum() == 0) {
            send.accept(s, address);
            return;
        }
        Line line = (address.isIpv4() ? arpLines : naLines).computeIfAbsent(s.interfaceOf(address), k -> new Line());
        line.queue.add(new Pending(instance, address));
        if (!line.timer.isScheduled()) {
            line.next();
        }
    }
}
