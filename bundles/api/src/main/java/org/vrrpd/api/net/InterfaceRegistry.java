package org.vrrpd.api.net;

import java.io.IOException;
import java.util.Collection;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/** The userspace mirror of the kernel's interfaces, and the way to add or remove addresses. */
@ProviderType
public interface InterfaceRegistry {
    Collection<NetInterface> interfaces();

    Optional<NetInterface> byName(String name);

    Optional<NetInterface> byIndex(int index);

    /** When the interface last changed (or was first seen); empty if unknown. */
    default Optional<java.time.Instant> lastChange(String name) {
        return Optional.empty();
    }

    /** Adds an address to an interface; fails (and changes nothing) if it is already there. */
    void addAddress(String interfaceName, InterfaceAddress address) throws IOException;

    /** Removes an address from an interface; fails (and changes nothing) if it is not there. */
    void removeAddress(String interfaceName, InterfaceAddress address) throws IOException;
}
