package org.vrrpd.vrrp.internal;

import java.util.List;
import org.vrrpd.api.vrrp.VrrpInstanceView;

/**
 * Everything vrrp:show prints about one instance, taken in one turn of the event loop, with the
 * timers the instance really runs on (from its effective priority).
 */
record InstanceSnapshot(VrrpInstanceView view, InstanceSettings settings, int masterAdverCentis, long skewNanos, long masterDownNanos,
                        long listenNanos,
                        List<String> faults, List<String> checks, String addressTrouble, long internalErrors) {
}
