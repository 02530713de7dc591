package org.vrrpd.api.vrrp;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/** The VRRP engine's instances, as read-only snapshots. */
@ProviderType
public interface VrrpInstances {
    List<VrrpInstanceView> instances();

    Optional<VrrpInstanceView> instance(String name);

    /** What arrived that no instance could own. */
    RouterStatistics routerStatistics();

    /**
     * Every instance with its protocol settings, in one snapshot (for the SNMP MIBs). Empty by
     * default, for implementations that predate it.
     *
     * @since 2.2
     */
    default List<VrrpOperation> operations() {
        return List.of();
    }
}
