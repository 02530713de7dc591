package org.vrrpd.api.lvs;

import java.io.IOException;
import org.osgi.annotation.versioning.ProviderType;

/** Starts and stops the kernel IPVS connection-sync daemons. */
@ProviderType
public interface LvsSyncControl {
    /** Whether the kernel offers IPVS at all. */
    boolean available();

    void start(SyncRole role, String interfaceName, int syncId) throws IOException;

    void stop(SyncRole role) throws IOException;
}
