package org.vrrpd.prometheus.internal;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import org.vrrpd.api.vrrp.RouterStatistics;
import org.vrrpd.api.vrrp.VirtualAddress;
import org.vrrpd.api.vrrp.VrrpInstanceView;
import org.vrrpd.api.vrrp.VrrpInstances;
import org.vrrpd.api.vrrp.VrrpState;
import org.vrrpd.api.vrrp.VrrpStatistics;

/** The engine's public view, set by hand. */
final class FakeEngine implements VrrpInstances {
    volatile List<VrrpInstanceView> instances = List.of();
    volatile RouterStatistics router = new RouterStatistics(0, 0);

    @Override
    public List<VrrpInstanceView> instances() {
        return instances;
    }

    @Override
    public Optional<VrrpInstanceView> instance(String name) {
        return instances.stream().filter(i -> i.name().equals(name)).findFirst();
    }

    @Override
    public RouterStatistics routerStatistics() {
        return router;
    }

    /** An instance whose counters are 1, 2, 3 ... in record order (so that each is told apart). */
    static VrrpInstanceView view(String name, int vrid, VrrpState state, int configured, int effective) throws Exception {
        VrrpStatistics stats = new VrrpStatistics(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18);
        return new VrrpInstanceView(name, "eth0", vrid, state, configured, effective, InetAddress.getByName("192.0.2.1"),
                List.of(VirtualAddress.parse("192.0.2.100/24")), stats);
    }
}
