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

    /** When the interface last changed (or was first seen); empty if unknown. */
    default Optional<java.time.Instant> lastChange(String name) {
        return Optional.empty();
    }

    /**
     * Adds an address to an interface in one acknowledged request.
     *
     * @return true if it was added, false if the interface already had it
     * @throws IOException if the kernel refused it (the message names the request and the reason)
     */
    boolean addAddress(String interfaceName, InterfaceAddress address) throws IOException;

    /**
     * Removes an address from an interface in one acknowledged request.
     *
     * @return true if it was removed, false if the interface did not have it
     * @throws IOException if the kernel refused it
     */
    boolean removeAddress(String interfaceName, InterfaceAddress address) throws IOException;
}
