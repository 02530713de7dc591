package org.vrrpd.vrrp.internal;

import java.util.List;
import java.util.OptionalLong;
import org.vrrpd.api.vrrp.VrrpInstanceView;

/**
 * Everything vrrp:show prints about one instance, taken in one turn of the event loop, with the
 * timers the instance really runs on (from its effective priority). {@code lastLeaseRenewal}: when
 * its addresses' lease was last given or renewed (System.nanoTime), empty while none is held.
 */
record InstanceSnapshot(VrrpInstanceView view, InstanceSettings settings, int masterAdverCentis, long skewNanos, long masterDownNanos,
                        long listenNanos,
                        List<String> faults, List<String> checks, String addressTrouble, long internalErrors,
                        OptionalLong lastLeaseRenewal, String splitBrain) {
}
