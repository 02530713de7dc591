package org.vrrpd.api.link;

import java.util.Collection;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/** Link status of every monitored interface. */
@ProviderType
public interface LinkMonitor {
    Optional<LinkStatus> status(String interfaceName);

    Collection<LinkStatus> statuses();
}
