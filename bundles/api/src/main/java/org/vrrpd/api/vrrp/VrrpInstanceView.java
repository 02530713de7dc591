package org.vrrpd.api.vrrp;

import java.net.InetAddress;
import java.util.List;

/**
 * A snapshot of one VRRP instance.
 *
 * @param name the configured instance name
 * @param interfaceName the interface it runs on
 * @param vrid the virtual router id, 1..255
 * @param state the current state
 * @param configuredPriority the configured priority, 1..255
 * @param effectivePriority the priority after checker adjustments
 * @param masterAddress the current master's primary address, or null when none is known
 * @param virtualAddresses the virtual addresses it protects
 * @param statistics its counters
 */
public record VrrpInstanceView(String name, String interfaceName, int vrid, VrrpState state, int configuredPriority,
                               int effectivePriority, InetAddress masterAddress, List<VirtualAddress> virtualAddresses,
                               VrrpStatistics statistics) {
    public VrrpInstanceView {
        virtualAddresses = List.copyOf(virtualAddresses);
    }
}
